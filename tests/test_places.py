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


def test_an_announcement_is_no_second_report_of_the_event_done() -> None:
    """The older article's "a prisoner exchange was expected to be on the agenda" must not count
    as a source of "the sides exchanged 242 prisoners"; two announcements may be one report, and
    a report that goes on to what comes next is still a report."""
    config = load_config()
    done, expected, set_to, and_next, would, agreed = analyse_texts([
        "On the second day of the talks, the sides exchanged prisoners at the Sarn border crossing.",
        "Officials in both capitals said a prisoner exchange was expected to be on the agenda at the talks.",
        "A prisoner exchange is set to take place at the Sarn border crossing during the talks.",
        "The sides exchanged prisoners at the Sarn crossing and will meet again in June.",
        "Officials said the sides would exchange prisoners at the Sarn border crossing during the talks.",
        "The two leaders have agreed to hold a prisoner exchange at the Sarn border crossing.",
    ], config)
    assert [s.planned for s in (done, expected, set_to, and_next, would, agreed)] == [
        False, True, True, False, True, True]
    assert not may_be_same(done, expected)
    assert may_be_same(expected, set_to)
    assert may_be_same(done, and_next)


def test_a_figure_set_against_the_one_reported_is_no_report_of_the_older_one() -> None:
    """"Revised its estimate to 212 kg, up from the 180 kg it reported on Monday" reports the
    212 kg; another source's 180 kg is Monday's figure, not a second source of the revision.
    Two reports giving the same first figure may be one, whatever else one adds."""
    config = load_config()
    revised, monday, toll, more = analyse_texts([
        "The agency on Thursday revised its estimate of the stockpile to 212 kg, up from the 180 kg it reported "
        "on Monday.",
        "The agency said the stockpile had grown to an estimated 180 kg.",
        "The quake killed at least 41 people and injured 120 others, officials said.",
        "The quake killed 41 people in the province, officials said.",
    ], config)
    assert not may_be_same(revised, monday)
    assert may_be_same(toll, more)
