"""Two sources announcing the same coming event in other words make one point citing both."""

from __future__ import annotations

import pytest

from briefing.analyse import analyse
from briefing.config import Config, load_config
from briefing.model import Article, Block, Sentence, Source
from briefing.plans import merge_plans
from briefing.select import Cluster


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def merged(texts: list[str], config: Config) -> list[tuple[int, ...]]:
    """The sources of each cluster after plans are merged, one sentence per article."""
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)),
                        blocks=(Block(index=0, text=text, kind="body"),))
                for n, text in enumerate(texts, start=1)]
    found: list[Sentence] = analyse(articles, config)[0]
    return [c.sources for c in merge_plans([Cluster((s,)) for s in found], config, config.party_synonyms())]


JANUARY = "Zelensky indicated that further talks in Washington could take place in January, potentially including European partners."
NEXT_MONTH = ("Zelenskyy confirmed that Trump plans to host additional meetings next month involving "
              "Ukrainian and European leaders as efforts intensify to finalize a comprehensive peace plan.")


def test_one_plan_told_in_other_words_is_one_point(config: Config) -> None:
    assert merged([JANUARY, NEXT_MONTH], config) == [(1, 2)]


@pytest.mark.parametrize("texts", [
    pytest.param([JANUARY, JANUARY.replace("January", "March")], id="another month"),
    pytest.param([JANUARY, NEXT_MONTH.replace("European", "Russian")], id="other parties"),
    pytest.param([JANUARY, "After further talks in Washington in January, Zelensky thanked European partners "
                           "and said the United States had been generous."], id="one looks back"),
])
def test_different_plans_stay_apart(config: Config, texts: list[str]) -> None:
    assert merged(texts, config) == [(1,), (2,)]


def test_one_source_saying_it_twice_is_still_one_source(config: Config) -> None:
    article = Article(source=Source(number=1, path="1.txt", title="1"),
                      blocks=(Block(index=0, text=JANUARY, kind="body"), Block(index=1, text=NEXT_MONTH, kind="body")))
    found = analyse([article], config)[0]
    clusters = merge_plans([Cluster((s,)) for s in found], config, config.party_synonyms())
    assert [c.sources for c in clusters] == [(1,), (1,)]
