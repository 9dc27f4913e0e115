"""Strikes on two cities are two developments, even when the recogniser misreads a name."""

from __future__ import annotations

from helpers import analyse_texts

from briefing.config import load_config
from briefing.select import may_be_same


def test_a_city_named_after_city_of_is_a_place_and_keeps_strikes_apart() -> None:
    config = load_config()
    texts = ["Overnight Russian drone attacks struck the southern Ukrainian city of Mykolaiv, cutting power.",
             "Over the weekend, Russia launched hundreds of missiles and drones at Kyiv and other regions, "
             "damaging energy infrastructure."]
    found = analyse_texts(texts, config)
    places = [{e.text for e in s.entities if e.label == "GPE"} for s in found]
    assert "Mykolaiv" in places[0]
    assert not may_be_same(found[0], found[1], config.party_synonyms())
