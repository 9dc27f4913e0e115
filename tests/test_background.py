"""How the story began is background: ranked low, never a key takeaway."""

from __future__ import annotations

from helpers import analyse_texts

from briefing.background import long_ago
from briefing.config import load_config


def test_a_dated_beginning_is_background_and_dated_news_is_not() -> None:
    found = analyse_texts([
        "The war, which began with Russia’s invasion of Ukraine in February 2022, has killed tens of thousands.",
        "The dispute started in March 2019, when both governments raised tariffs on steel.",
        "Russia launched 200 drones at Kyiv in February 2022, officials said.",
        "Negotiators will begin a new round of talks in January 2026.",
    ], load_config())
    assert [s.background for s in found] == [True, True, False, False]


def test_counting_from_an_event_is_background_and_from_a_day_is_news() -> None:
    found = analyse_texts([
        "Since returning to office, Trump has launched a broad effort to end the war.",
        "Since the invasion began, millions have left the country.",
        "Since Monday, Russia has launched more than 300 drones at Kyiv.",
        "Trump has not spoken to Putin since the summit collapsed.",
    ], load_config())
    assert [s.background for s in found] == [True, True, False, False]


def test_background_never_leads_the_briefing(briefing) -> None:
    takeaways = next(s for s in briefing.sections if s.key == "takeaways")
    assert not any("which began" in p.text for p in takeaways.points)


def test_what_the_main_clause_tells_of_years_ago_is_background() -> None:
    found = analyse_texts([
        "The coalition took office two and a half years ago after lengthy negotiations.",
        "Three years ago the plant was closed after a fire.",
        "The law, passed three years ago, required telecom companies to keep records.",
        "Varga, who won 800 metres gold three years ago, had called for lifetime bans.",
        "Corvus, launched six years ago by the European and Japanese space agencies, flew within "
        "210 kilometres of the comet at a speed of 11 kilometres per second.",
        "The talks began two days ago in Geneva.",
    ], load_config())
    assert [s.background for s in found] == [True, True, False, False, False, False]


def test_how_things_are_in_general_is_background_and_what_goes_on_is_news() -> None:
    found = analyse_texts([
        "Rapid intensification leaves less time for officials to warn residents and for people to evacuate.",
        "Adobe walls, made of mud brick without steel reinforcement, are cheap but brittle.",
        "Despite these efforts, fighting continues.",
        "Pressure grows on the government to act.",
        "Ukrainian leaders say surrendering more land would undermine sovereignty.",
        "Rescuers pulled 300 people from flooded homes.",
        "Drones struck the port overnight.",
        "Officials fear more deaths.",
    ], load_config())
    assert [s.background for s in found] == [True, True, False, False, False, False, False, False]


def test_what_is_done_whenever_something_applies_is_general_and_no_report_of_an_event() -> None:
    """An explainer's "A boil-water notice is issued when tests show..." is how things work,
    not the notice of Tuesday: the two are not one fact, however alike their words."""
    from briefing.select import may_be_same

    config = load_config()
    rule, news, expected, later = analyse_texts([
        "A boil-water notice is issued when tests show, or officials suspect, that tap water may contain "
        "harmful bacteria.",
        "Some 31,000 homes were told on Tuesday to boil their tap water after routine tests found bacteria "
        "in the supply.",
        "Talks are expected to resume next week.",
        "A boil-water notice is issued when tests show that tap water may contain harmful bacteria.",
    ], config)
    assert (rule.general, rule.background, news.general, expected.general) == (True, True, False, False)
    assert not may_be_same(rule, news)
    assert may_be_same(rule, later)


def test_what_the_main_clause_dates_years_before_the_news_is_background() -> None:
    """Undated coverage tells its news by the weekday: a year its main clause gives in the past
    tense is history (a treaty of 1995, a war of 2008, fighting that resumed in October 2022).
    A relative clause's year, a stretch of time running to now, a deadline ahead and something
    that is so now date nothing the sentence tells; with a dated source, history is what is
    two years or more before its year."""
    from briefing.background import long_ago

    texts = [
        "The Kessel Valley, home to about 340,000 people before the war, was assigned to Arvenia under "
        "the 1995 Treaty of Ostra.",
        "A brief war in 2008 ended in a frozen ceasefire; fighting resumed in October 2022 when troops "
        "advanced into the valley.",
        "More than 11,000 people have been killed since 2021, according to United Nations estimates.",
        "Rell insisted on a withdrawal to the lines they held before October 2019.",
        "Kovan said on Monday that the 2015 accord remains valid.",
        "Fighting resumed in October 2022 when troops advanced into the valley.",
        "The programme was meant to double-track the line by 2027, but the work was delayed.",
    ]
    found = analyse_texts(texts, load_config())
    assert [s.dated for s in found] == [("1995",), ("2008", "2022"), (), (), (), ("2022",), ()]
    assert [s.background for s in long_ago(found, {})] == [True, True, False, False, False, True, False]
    assert [s.background for s in long_ago(found, {1: "2023-05-02"})] == [True, True, False, False, False, False, False]


def test_what_a_name_stands_for_is_background_and_no_report_of_what_happened_there() -> None:
    """"Harrow Point is the private retreat of Alden Cray" says what the place is: general,
    and no second source of "Cray said a deal was closer than ever after hosting Varn at his
    Harrow Point retreat". "The ceasefire is fully agreed" is news."""
    from briefing.select import may_be_same

    place, news, agreed = analyse_texts([
        "Harrow Point is the private retreat of Federal Union President Alden Cray.",
        "Federal Union President Alden Cray said a deal was closer than ever after hosting Kestrian President "
        "Ilsa Varn at his Harrow Point retreat.",
        "The ceasefire is fully agreed.",
    ], load_config())
    assert (place.general, place.background, news.general, agreed.general) == (True, True, False, False)
    assert not may_be_same(place, news)


def test_a_sentence_leaning_on_history_is_history_too() -> None:
    """Joined to the history it goes on from, a sentence is background: "Talks in Lisvar in 2022
    collapsed within weeks. Cray has spoken to Osk several times, but this would be the first meeting" tells no news."""
    from briefing.context import with_context

    config = load_config()
    found = long_ago(analyse_texts(["Talks in Lisvar in 2022 collapsed within weeks. Cray has spoken to "
                                    "Osk several times, but this would be the first face-to-face meeting."], config), {})
    joined = with_context(found, config)
    assert len(joined) == 1 and joined[0].background
