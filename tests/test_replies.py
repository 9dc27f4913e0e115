"""The other side's account of a claim is told with it: a point that says what one party
says happened keeps the denial of another party that its article gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import all_points

from briefing.config import Config, load_config
from briefing.select import Cluster

CLAIM = ("Seven civilians were killed when rockets hit a residential district of the town of Lysk "
         "late on Sunday, the Ukrainian military said.")
DENIAL = ("Russia's defence ministry denied targeting civilians and said its forces had struck "
          "\"a Ukrainian command post\" in Lysk.")


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def _replies(text: str, config: Config) -> dict[str, str]:
    from helpers import analyse_texts

    from briefing.classify import classify
    from briefing.replies import replies

    found = classify(analyse_texts([text], config), config)
    clusters = [Cluster((s,)) for s in found]
    return {clusters[i].lead.text: r.text for i, r in replies(clusters, found, config).items()}


def test_a_denial_by_another_party_is_the_claims_reply(config: Config) -> None:
    text = f"{CLAIM} A spokesman said the rockets were fired from the south. {DENIAL}"
    assert _replies(text, config) == {CLAIM: DENIAL}


@pytest.mark.parametrize("after", [
    # The same party's word is no reply.
    "The Ukrainian military denied that any of its positions in Lysk had been hit.",
    # Another party's, about something else.
    "Russia's defence ministry denied that its drones had entered Polish airspace.",
    # Too far down the article to answer it.
    "Talks resumed. Envoys met in Geneva. Both sides spoke of progress. Officials said little. "
    "Russia's defence ministry denied targeting civilians in Lysk.",
])
def test_no_reply_from_the_same_party_on_another_matter_or_far_below(after: str, config: Config) -> None:
    assert _replies(f"{CLAIM} {after}", config) == {}


def test_the_briefing_tells_the_claim_with_its_reply_once(tmp_path: Path) -> None:
    from briefing.pipeline import build_briefing

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(f"Strike on Lysk\n\n{CLAIM}\n\n{DENIAL}\n\n"
                                 "Peace talks between the two sides resumed in Geneva on Monday.\n", encoding="utf-8")
    (seeds / "b.txt").write_text("Geneva talks resume\n\nPeace talks between Russia and Ukraine resumed in Geneva "
                                 "on Monday, with both delegations present.\n\nSeven civilians were killed in a "
                                 "rocket strike on Lysk on Sunday, Ukrainian officials said.\n", encoding="utf-8")
    texts = [p.text for p in all_points(build_briefing(seeds, load_config()))]
    told = [t for t in texts if t.startswith(CLAIM)]
    assert told == [f"{CLAIM} {DENIAL}"]
    assert not any(t.startswith("Russia's defence ministry denied") for t in texts)
