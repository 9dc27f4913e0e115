"""An undated source written well before the others (tests/data/older/): its summit in
Brakka is reported shelved by an article that itself announces the Halvik meeting, which
the newest article reports held. What only that source tells is older context, and the
briefing says which source it is. One step back is not enough."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import analyse_texts

from briefing.config import Config, load_config
from briefing.model import Briefing
from briefing.select import Cluster, may_be_same
from briefing.superseded import done_reports, superseded

DATA = Path(__file__).resolve().parent / "data"
CONFIG = DATA / "older.toml"


def _build(seeds: Path) -> Briefing:
    from briefing.pipeline import build_briefing

    return build_briefing(seeds, load_config(CONFIG))


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return _build(DATA / "older")


def _texts(briefing: Briefing) -> list[str]:
    return [p.text for p in briefing.points()]


def test_what_only_the_oldest_source_tells_is_left_out(briefing: Briefing) -> None:
    assert briefing.older_sources == (1,)
    assert briefing.uncited == {1}
    assert not any("could be discussed" in t or "fishing crews" in t.lower() for t in _texts(briefing))
    assert briefing.dating == ("Source dates are unknown. Source 1 reads as written well before the others "
                               "(what it announces, later sources report as past): what only it reports is left out.")


def test_the_newest_report_still_leads(briefing: Briefing) -> None:
    takeaways = next(s for s in briefing.sections if s.key == "takeaways")
    assert takeaways.points[0].text.startswith("After meeting Lund in Halvik on Thursday, Vik said")


def test_two_people_the_parser_joins_keep_both_names(briefing: Briefing) -> None:
    """spaCy reads "Vik and Lund" as one person: shortening names must not leave "between Lund"."""
    shelved = [t for t in _texts(briefing) if "was shelved" in t]
    assert shelved and all("between Vik and Lund in Brakka" in t for t in shelved)


def test_a_source_one_step_back_is_not_left_out(tmp_path: Path) -> None:
    """Without the article that reports the Brakka summit shelved, the oldest article only
    announces what the newest reports done: its stances may still stand."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("001_brakka_summit_agreed.txt", "003_halvik_talks_end.txt"):
        shutil.copy(DATA / "older" / name, seeds / name)
    briefing = _build(seeds)
    assert briefing.older_sources == ()
    assert briefing.dating == "Source dates are unknown: newer and older reporting are not told apart."
    assert any("could be discussed" in t for t in _texts(briefing))


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(CONFIG)


def test_a_report_of_a_meeting_elsewhere_does_not_supersede_an_announcement(config: Config) -> None:
    announced = "Vik will meet Lund in Halvik in the coming days, officials said."
    found = analyse_texts([announced, "Earlier this year, a planned summit between Vik and Lund in Brakka was "
                                   "shelved after Estmark refused to cap its herring catch."], config)
    clusters = [Cluster((s,)) for s in found]
    assert superseded(clusters, done_reports(found, config), config, config.party_synonyms()) == set()


def test_two_plans_for_different_times_are_two_facts(config: Config) -> None:
    a, b = analyse_texts(["Vik and Lund have agreed to hold a summit in Brakka within the next two weeks.",
                       "The two ministers agreed that their officials would meet again next month."], config)
    assert a.planned and b.planned
    assert not may_be_same(a, b, config.party_synonyms())


def test_the_two_ministers_are_no_one_party(briefing: Briefing, config: Config) -> None:
    """"The two ministers agreed that their officials would meet again next month", right
    after a sentence of Vik's: both sides agreed, so it is news of the talks, not Norland's."""
    (s,) = [s for s in analyse_texts(["Vik rejected any deal that did not include a ban on bottom trawling. "
                                      "The two ministers agreed that their officials would meet again next month."],
                                     config) if s.text.startswith("The two")]
    assert s.speaker is None
    talks = next(sec for sec in briefing.sections if sec.key == "talks")
    assert [p.text for p in talks.points] == ["The two ministers agreed that their officials would meet again next month."]


def test_a_chain_of_announcements_reported_done_finds_the_source_two_steps_back() -> None:
    """Source 1's announcement is reported done by source 2, whose own announcement source 3
    reports done: source 1 is two steps back. Not when source 1 itself reports done what
    another announces, nor when too many sources would be that far back."""
    from briefing.model import Sentence
    from briefing.superseded import long_before

    def of(source: int) -> Cluster:
        return Cluster((Sentence(text=f"{source}", source=source, paragraph=0, index=0),))

    clusters = [of(1), of(2), of(4)]
    chain = {0: frozenset({2}), 1: frozenset({3})}
    assert long_before(clusters, chain, 5) == {1}
    assert long_before(clusters, chain, 2) == set()  # half the sources: no story moving on
    # 1 reports done what 4 announces: 1 came after something, 4 is the one further back.
    assert long_before(clusters, {**chain, 2: frozenset({1})}, 5) == {4}
    assert long_before(clusters, {0: frozenset({2})}, 5) == set()  # one step back


def test_many_sources_read_as_older_are_counted_not_listed() -> None:
    older = Briefing(title="t", subject="s", sections=(), sources=(), method="lexrank", model="m",
                     older_sources=(9, 68, 89, 109, 149))
    assert older.dating.startswith("Source dates are unknown. Sources 9, 68, 89 and 2 more read as written "
                                   "well before the others")
