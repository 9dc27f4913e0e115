"""Strikes on two cities are two developments, even when the recogniser misreads a name."""

from __future__ import annotations

from briefing.analyse import analyse
from briefing.config import load_config
from briefing.model import Article, Block, Source
from briefing.select import may_be_same


def test_a_city_named_after_city_of_is_a_place_and_keeps_strikes_apart() -> None:
    config = load_config()
    texts = ["Overnight Russian drone attacks struck the southern Ukrainian city of Mykolaiv, cutting power.",
             "Over the weekend, Russia launched hundreds of missiles and drones at Kyiv and other regions, "
             "damaging energy infrastructure."]
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)), blocks=(Block(0, t, "body"),))
                for n, t in enumerate(texts, start=1)]
    found = analyse(articles, config)[0]
    places = [{e.text for e in s.entities if e.label == "GPE"} for s in found]
    assert "Mykolaiv" in places[0]
    assert not may_be_same(found[0], found[1], config.party_synonyms())
