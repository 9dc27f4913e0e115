"""A sentence that leans on the one before is offered joined to it."""

from __future__ import annotations

import pytest

from briefing.analyse import analyse
from briefing.config import Config, load_config
from briefing.context import with_context
from briefing.model import Article, Block, Source


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def story(paragraphs: list[str], config: Config) -> list[str]:
    article = Article(source=Source(number=1, path="1.txt", title="1"),
                      blocks=tuple(Block(index=i, text=p, kind="body") for i, p in enumerate(paragraphs)))
    return [s.text for s in with_context(analyse([article], config)[0], config)]


# Twenty-odd sentences of a story about talks: "the talks" is the story's own subject.
TALKS = [f"Delegates met for talks on day {n} and the talks went on past midnight." for n in range(1, 23)]
STRIKES = "Russia launched hundreds of missiles and drones at Kyiv over the weekend."


def test_the_strikes_named_once_in_a_story_need_the_sentence_that_tells_of_them(config: Config) -> None:
    texts = story([*TALKS, f"{STRIKES} Zelensky described the strikes as a direct response to the peace efforts."],
                  config)
    assert f"{STRIKES} Zelensky described the strikes as a direct response to the peace efforts." in texts


def test_the_talks_of_a_story_about_talks_need_no_sentence_before(config: Config) -> None:
    texts = story([*TALKS, f"{STRIKES} Zelensky described the talks as a direct response to the attacks."], config)
    assert STRIKES in texts
    assert "Zelensky described the talks as a direct response to the attacks." in texts
