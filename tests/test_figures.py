"""What a key figure measures, in few words: who or what, the verb, and the figure with what
it is of, out of a sentence that may say much else."""

from __future__ import annotations

import pytest

from briefing.analyse import load_model
from briefing.config import load_config
from briefing.figures import extract, key_figures
from helpers import figures_section, with_figures


@pytest.fixture(scope="module")
def measured() -> dict[str, str]:
    nlp, _ = load_model(load_config().models)
    texts = [
        "Russian forces currently control most of Luhansk and around 70 percent of Donetsk.",
        "Zelensky said Ukraine has accepted about 90 percent of the proposed framework.",
        "The proposal reportedly includes around 20 points and is said to be roughly 90% complete.",
        "Baltica shareholders will receive $14.50 a share, a premium of 38 percent over Friday's closing price.",
        "In a 7-2 decision, the judges said the law was void.",
        "The Bank of Lundia raised its main interest rate to 4.5 percent, its fourth increase this year.",
        "The bank cut its forecast for growth next year to 0.6 percent from 1.1 percent.",
        "Investigators are examining whether a signalling failure caused Friday night's head-on collision "
        "between two passenger trains that killed 23 people, officials said on Saturday.",
        "A modernisation programme was meant to double-track the Kovel-Senna line by 2027, but the work was delayed.",
        "According to a 2022 report by the national audit office, the line was unsafe.",
        "Olympic 800 metres champion Nadia Varga was banned for four years.",
        "They lost the final after a 2-2 draw.",
        "The merger would give the carrier more than 60 percent of take-off and landing slots at Vestby.",
        "Without the Greens' 19 seats, Voss's Liberal Party and its partner, the Farmers' Union, "
        "control only 88 of the 200 seats in parliament.",
        "About 14,000 members of the Dockers' Union began a 72-hour strike at Eastport, Hollis Bay and "
        "Carran after talks broke down.",
        "More than 120 firefighters and 30 engines fought the fire, officials said.",
        "A magnitude 6.6 earthquake struck northern Veralta before dawn on Tuesday, killing at least 41 people.",
        "The laboratory found up to 86 colony-forming units of E. coli per 100 millilitres in tap water.",
        "Stald said Solmund had offered Kerevian boats 17,500 tonnes of herring, not the 20,000 tonnes reported.",
        "Officials said about 1,200 homes had been destroyed or badly damaged and more than 5,000 people "
        "had spent the night in tents.",
        "Velocom said about 2.1 million customers had identity document numbers exposed and would be "
        "contacted by email and text message in the coming days.",
        "The outbreak began at a primary school in the Eastgate district, where vaccination rates are "
        "below 80 percent, according to the health department.",
        "In the shoot-out Pereira dived to stop efforts from Ferri and Paulo Neves, and teenager Jonah "
        "Okafor calmly converted the decisive kick to give Harbour City a 4-3 win.",
        "The 6.6-magnitude quake struck early on Tuesday near San Telmo, a town of 30,000 people in the "
        "foothills of the Sierra Alta.",
        "Velocom has said names, birth dates and phone numbers were taken, as well as identity document "
        "numbers for 2.1 million people.",
        "Police seized weapons and drugs, as well as 2 million euros in cash.",
        "Dravik, which lies 14 kilometres north of Kessel, employs about 1,200 miners and produced some "
        "40,000 tonnes of copper last year.",
        "It employs 900 miners and produced some 35,000 tonnes of zinc last year.",
        "The stadium, planned for the rail yards, would seat 42,000 and include 600 homes and a tram stop.",
        "Three rescue teams had been forced back by loose rock about 60 metres from the blockage.",
        "The club asked the city to contribute 150 million crowns toward the 280-million-crown project.",
        "Nordal agreed to take over the 46-branch network of Brennock Savings Bank.",
        "All customers, including the 17,600 with balances above the guarantee, will regain access.",
        "It remains unclear whether the fund would accept any price above €1.2 million.",
        "The government will pay a net price of €1.25 million per child, Health Minister Irena Vasko said.",
        "The Bank of Norvald said it had provided Brennock with 2.5 billion marks in emergency liquidity.",
        "The outbreak has sickened 238 passengers and 21 crew members.",
        'Tomas Brell, chair of the families\' group, called the age limit "a betrayal of thirteen families" and '
        "said the group would go to court.",
        "Thirty-one children in Calvania are currently eligible for the treatment, according to the ministry.",
        "The bank cut its forecast and said unemployment was likely to rise to 5.2 percent.",
        "A fire broke out at a chemical plant on Sunday, sending smoke over the town and forcing about "
        "20,000 residents to keep their windows shut.",
        "The Greens said they could not support the government's decision to approve a 90-kilometre "
        "motorway through the Brana forest.",
        "A 6 percent rise would sit between the company's revised offer of 5.5 percent, tabled on Tuesday, "
        "and the union's demand of 9 percent.",
    ]
    return {f.value: f.context for text in texts for sent in nlp(text).sents for f in extract(sent)}


def test_the_conjunct_that_holds_the_figure_not_the_whole_object(measured: dict[str, str]) -> None:
    assert measured["around 70 percent"] == "Russian forces currently control around 70 percent of Donetsk"


def test_a_named_speaker_is_kept(measured: dict[str, str]) -> None:
    assert measured["about 90 percent"] == "Zelensky said Ukraine has accepted about 90 percent of the proposed framework"
    # Named after their words, they are named after them: not "Vasko said The government...".
    assert measured["€1.25 million"] == ("The government will pay a net price of €1.25 million per child, "
                                         "Health Minister Irena Vasko said")


def test_the_verb_a_figure_completes_is_said_with_its_subject(measured: dict[str, str]) -> None:
    """With the source's hedge: "reportedly includes" is not "includes"."""
    assert measured["20 points"] == "The proposal reportedly includes around 20 points"
    assert measured["roughly 90%"] == "The proposal is said to be roughly 90% complete"


def test_the_phrase_that_holds_the_figure_past_a_comma(measured: dict[str, str]) -> None:
    assert measured["$14.50"] == "Baltica shareholders will receive $14.50 a share"
    assert measured["38 percent"] == "a premium of 38 percent over Friday's closing price"


def test_an_opening_adjunct_keeps_the_words_around_it(measured: dict[str, str]) -> None:
    """Moved after its verb, "the judges said In a 7-2 decision" would read wrong: the
    stretch of the sentence that holds the figure is kept instead."""
    assert measured["7-2 decision"] == "In a 7-2 decision"


def test_what_the_verb_acts_on_and_nothing_past_the_comma(measured: dict[str, str]) -> None:
    assert measured["4.5 percent"] == "The Bank of Lundia raised its main interest rate to 4.5 percent"


def test_a_score_is_given_whole(measured: dict[str, str]) -> None:
    """spaCy takes "7" of "7-2" as the number: a "7 decision" or a "2 draw" misquotes it."""
    assert measured["2-2 draw"] == "They lost the final after a 2-2 draw"
    assert "2 draw" not in measured and "7 decision" not in measured


def test_a_change_gives_both_ends_in_one_row(measured: dict[str, str]) -> None:
    both = "The bank cut its forecast for growth next year to 0.6 percent from 1.1 percent"
    assert measured["0.6 percent"] == measured["1.1 percent"] == both


def test_a_relative_clause_is_said_of_the_whole_phrase(measured: dict[str, str]) -> None:
    """The parse hangs "that killed 23 people" on "trains": the collision killed them."""
    assert measured["23 people"] == "Friday night's head-on collision between two passenger trains killed 23 people"


def test_what_was_meant_to_happen_is_kept(measured: dict[str, str]) -> None:
    assert measured["2027"] == "A modernisation programme was meant to double-track the Kovel-Senna line by 2027"


def test_a_year_or_a_distance_that_only_names_something_is_no_figure(measured: dict[str, str]) -> None:
    assert "2022" not in measured  # "a 2022 report"
    assert not any("800" in value for value in measured)  # "800 metres champion Nadia Varga"


def test_the_size_of_a_place_given_in_passing_is_no_figure(measured: dict[str, str]) -> None:
    assert not any("30,000" in value for value in measured)  # "San Telmo, a town of 30,000 people"
    assert "6.6-magnitude" in measured  # written as the source writes it
    assert not any("14 kilometres" in value for value in measured)  # "Dravik, 14 kilometres north of Kessel"


def test_one_count_from_several_sources_is_one_row_citing_them() -> None:
    first = with_figures("The city reported 86 measles cases.", 1,
                         ("86 cases", "CARDINAL", "the city reported 86 measles cases"))
    second = with_figures("The outbreak has grown to 86 confirmed cases.", 3,
                          ("86 cases", "CARDINAL", "The outbreak has grown to 86 confirmed cases"))
    other = with_figures("Officials counted 86 schools.", 2, ("86 schools", "CARDINAL", "Officials counted 86 schools"))
    rows = key_figures(figures_section(), [first, second, other], 100).points
    # The same count of the same thing is one row; the same number of something else is not.
    assert [(p.figure, p.sources) for p in rows] == [("86 cases", (1, 3)), ("86 schools", (2,))]


def test_a_phrase_the_parse_splits_at_and_is_kept_whole(measured: dict[str, str]) -> None:
    """The parse makes "landing slots" a second thing given, coordinated with "60 percent":
    cut there, the row would say "60 percent of take-off"."""
    assert measured["more than 60 percent"].endswith("more than 60 percent of take-off and landing slots at Vestby")


def test_a_part_is_given_with_its_whole_and_said_of_every_subject(measured: dict[str, str]) -> None:
    """"88 of the 200 seats" is one figure: the 200 alone is the size of parliament. Who holds
    them is the Liberals and their partner, not the Liberals alone."""
    assert "200 seats" not in measured
    assert measured["only 88 of the 200 seats"] == (
        "Voss's Liberal Party and its partner control only 88 of the 200 seats in parliament")
    assert measured["19 seats"] == "Without the Greens' 19 seats"


def test_a_figure_that_counts_who_acts_is_said_with_what_they_did(measured: dict[str, str]) -> None:
    """Not "About 14,000 members of the Dockers' Union" alone, nor the verb of a subject the
    parse split in two ("A magnitude | 6.6 earthquake struck") put before the figure."""
    assert measured["About 14,000 members"] == "About 14,000 members of the Dockers' Union began a 72-hour strike at Eastport"
    assert measured["More than 120 firefighters"] == measured["30 engines"] == (
        "More than 120 firefighters and 30 engines fought the fire")
    assert measured["6.6 earthquake"] == "A magnitude 6.6 earthquake struck northern Veralta before dawn on Tuesday"


def counted_rows(*given: tuple[str, int, str, str]) -> list[tuple[str, tuple[int, ...]]]:
    """The key-figure rows of counts, each given as (sentence, source, figure, what it
    measures): (figure, sources) of each row, sorted."""
    rows = key_figures(figures_section(), [with_figures(text, source, (value, "CARDINAL", context))
                                           for text, source, value, context in given], 200).points
    return sorted((p.figure, p.sources) for p in rows)


def test_a_distinctive_count_is_one_row_whatever_each_source_calls_it() -> None:
    """"2.1 million customers" and "2.1 million people", "6.6 earthquake" and "6.6 tremor":
    one figure of one story. A small whole number of two things is two rows."""
    assert counted_rows(
        ("Data of 2.1 million customers were exposed.", 1, "2.1 million customers",
         "Data of 2.1 million customers were exposed"),
        ("Numbers of 2.1 million people were taken.", 2, "2.1 million people", "Numbers of 2.1 million people were taken"),
        ("Hackers took 2.1 billion records.", 3, "2.1 billion records", "Hackers took 2.1 billion records"),
        ("A 6.6 earthquake struck on Tuesday.", 1, "6.6 earthquake", "A 6.6 earthquake struck"),
        ("The 6.6 tremor destroyed homes.", 3, "6.6 tremor", "The 6.6 tremor destroyed homes"),
        ("Officials counted 86 schools.", 2, "86 schools", "Officials counted 86 schools"),
        ("The city reported 86 cases.", 1, "86 cases", "The city reported 86 cases"),
    ) == [
        ("2.1 billion records", (3,)), ("2.1 million customers", (1, 2)), ("6.6 earthquake", (1, 3)),
        ("86 cases", (1,)), ("86 schools", (2,))]


def test_a_round_number_of_thousands_is_one_row_only_of_one_thing() -> None:
    """"1,200 crowns" and "about 1,200 planned operations" are two figures; "more than
    600,000 homes" and "all 600,000 customers" one."""
    assert counted_rows(
        ("A one-off payment of 1,200 crowns per nurse.", 1, "1,200 crowns", "a one-off payment of 1,200 crowns per nurse"),
        ("About 1,200 planned operations were postponed.", 2, "about 1,200 planned operations",
         "About 1,200 planned operations were postponed"),
        ("The storm cut power to more than 600,000 homes.", 1, "more than 600,000 homes",
         "cut power to more than 600,000 homes"),
        ("Power may take two weeks to return to all 600,000 customers.", 2, "600,000 customers",
         "to return to all 600,000 customers"),
    ) == [("1,200 crowns", (1,)), ("about 1,200 planned operations", (2,)), ("more than 600,000 homes", (1, 2))]


def test_a_measure_keeps_an_alternative_and_drops_what_only_leads_in(measured: dict[str, str]) -> None:
    """"destroyed or badly damaged" is not "destroyed"; "... exposed and would be contacted"
    may stop at "exposed"; a relative "where" or an opening "and" is no part of the measure."""
    assert measured["about 1,200 homes"] == "about 1,200 homes had been destroyed or badly damaged"
    assert measured["about 2.1 million customers"] == "about 2.1 million customers had identity document numbers exposed"
    assert measured["below 80 percent"] == "vaccination rates are below 80 percent"
    assert not measured["4-3 win"].startswith("and ")


def test_a_phrase_added_after_the_clause_is_said_with_its_verb(measured: dict[str, str]) -> None:
    """"names were taken, as well as identity document numbers for 2.1 million people": the
    numbers were taken, not "names were taken identity document numbers"."""
    assert measured["2.1 million people"] == "identity document numbers for 2.1 million people were taken"
    assert measured["2 million euros"] == "Police seized 2 million euros in cash"


def test_a_clause_without_a_subject_of_its_own(measured: dict[str, str]) -> None:
    """A figure in a participle or in a clause that says what a noun is is said with them,
    not with a stretch of the sentence cut at a comma; a subject is found through "was
    likely to"."""
    assert measured["5.2 percent"] == "unemployment was likely to rise to 5.2 percent"
    assert measured["about 20,000 residents"] == "forcing about 20,000 residents to keep their windows shut"
    assert measured["90-kilometre"] == ("the government's decision to approve a 90-kilometre motorway "
                                        "through the Brana forest")


def test_a_measure_says_what_was_done_as_the_sentence_says_it(measured: dict[str, str]) -> None:
    """The auxiliary a second verb shares, what the verb acts on and what completes it before
    the figure are kept; a dangling "It" is left out; a figure is written as the source writes
    it, thousands separator and hyphen included."""
    assert measured["600 homes"] == "The stadium would include 600 homes"
    assert measured["about 60 metres"] == ("Three rescue teams had been forced back by loose rock about 60 metres "
                                           "from the blockage")
    assert measured["150 million crowns"] == ("The club asked the city to contribute 150 million crowns toward the "
                                              "280-million-crown project")
    assert measured["some 35,000 tonnes"] == "produced some 35,000 tonnes of zinc"
    # The unit with its own nouns: "21 crew members", not "21 members".
    assert "21 crew members" in measured and "21 members" not in measured
    # A quotation the row opens, it closes.
    assert measured["thirteen families"] == 'Tomas Brell called the age limit "a betrayal of thirteen families"'
    # After "said", "it" is the speaker, and stays.
    assert measured["2.5 billion marks"] == ("The Bank of Norvald said it had provided Brennock with 2.5 billion marks "
                                             "in emergency liquidity")
    assert "46-branch" in measured
    assert not any(context.startswith("600 ") for context in measured.values())


def test_a_figure_the_source_doubts_is_no_row(measured: dict[str, str]) -> None:
    """"It remains unclear whether the fund would accept any price above €1.2 million": a
    row "would accept any price above €1.2 million" would state what the source doubts."""
    assert "€1.2 million" not in measured


def test_a_count_in_words_is_a_figure_with_its_amount() -> None:
    """"Thirty-one children" and "Thirty-four children" are two counts of one thing, which
    keeps their sentences apart as any two counts are; "two leaders" is no figure."""
    from briefing.figures import amount, spelled
    from briefing.model import Figure

    assert amount(Figure("Thirty-four children", "CARDINAL", "")) == "34"
    assert spelled("twelve samples") == 12 and spelled("two leaders") is None and spelled("ninety") == 90


def test_a_count_in_words_is_said_with_what_completes_it(measured: dict[str, str]) -> None:
    assert measured["Thirty-one children"] == "Thirty-one children in Calvania are currently eligible for the treatment"


def test_a_figure_inside_a_quotation_is_the_speakers_not_a_row() -> None:
    """'"Three percent after two years of prices going through the roof is not an offer, it is
    an insult," said the union's leader': rhetoric a row would cut short or state as fact.
    Told outside the quotation, the same figure is a row; so is one in a phrase quoted inside
    a report ('called the age limit "a betrayal of thirteen families"'). A quoted figure may
    still be one side where sources differ."""
    quoted = with_figures('"Three percent after two years of prices going through the roof is not an offer, '
                          'it is an insult," union leader Tomas Okonjo said.', 1,
                          ("Three percent", "PERCENT", "Three percent after two years of prices"))
    told = with_figures("Harbourline offered the dockworkers a 3 percent pay rise.", 2,
                        ("3 percent", "PERCENT", "Harbourline offered a 3 percent pay rise"))
    phrase = with_figures('Tomas Brell called the age limit "a betrayal of thirteen families".', 3,
                          ("thirteen families", "CARDINAL", 'Tomas Brell called the age limit "a betrayal of '
                                                            'thirteen families"'))
    rows = key_figures(figures_section(), [quoted, told, phrase], 100).points
    assert [p.figure for p in rows] == ["3 percent", "thirteen families"]


def test_a_year_beside_a_figure_is_no_figure_of_its_own() -> None:
    """"a 6.5 percent pay rise for 2026" gives one figure; "double-track the line by 2027",
    with no other, gives the year."""
    from briefing.config import load_config
    from helpers import analyse_texts

    rise, deadline = analyse_texts([
        "On Saturday the ministry raised its offer to a 6.5 percent pay rise for 2026.",
        "A modernisation programme was meant to double-track the Kovel-Senna line by 2027.",
    ], load_config())
    assert [f.value for f in rise.figures] == ["6.5 percent"]
    assert [f.value for f in deadline.figures] == ["2027"]


def test_the_same_words_are_one_row_whatever_the_recogniser_labelled_them() -> None:
    """"the 24.50-mark bid", a sum in one sentence and a count in another, is one figure."""
    rows = key_figures(figures_section(), [
        with_figures("Oriel topped the 24.50-mark bid from Halvorsen.", 1,
                     ("24.50-mark", "MONEY", "topping the 24.50-mark bid from Halvorsen")),
        with_figures("Oriel outbid Halvorsen's 24.50-mark offer.", 2,
                     ("24.50-mark", "CARDINAL", "outbidding Halvorsen's 24.50-mark offer")),
    ], 200).points
    assert [(p.figure, p.sources) for p in rows] == [("24.50-mark", (1, 2))]


def test_an_out_of_date_figure_stays_out_when_a_later_source_names_it() -> None:
    """Wednesday's 5 percent offer is out of date (weight 0): Saturday's "replaces the 5
    percent offer" words its row, and does not bring Wednesday's words back as current."""
    wednesday = with_figures("The ministry raised its offer to 5 percent.", 1,
                             ("5 percent", "PERCENT", "The ministry raised its offer to 5 percent"))
    saturday = with_figures("The package replaces the 5 percent offer.", 2,
                            ("5 percent", "PERCENT", "The package replaces the 5 percent offer"))
    offer = with_figures("The ministry raised its offer to 6.5 percent.", 2,
                         ("6.5 percent", "PERCENT", "The ministry raised its offer to 6.5 percent"), index=1)
    rows = key_figures(figures_section(), [wednesday, saturday, offer], 100,
                       {wednesday.key: 0.0, saturday.key: 0.5, offer.key: 1.0}).points
    assert [(p.figure, p.text, p.sources) for p in rows] == [
        ("6.5 percent", "The ministry raised its offer to 6.5 percent", (2,)),
        ("5 percent", "The package replaces the 5 percent offer", (1, 2))]


def test_the_newest_source_words_a_figure_and_every_source_is_cited() -> None:
    """Of two dated sources giving one figure with the same weight, the newer words the row;
    a third whose words did not fit the budget is cited all the same."""
    older = with_figures("Oriel offered 26.20 marks a share.", 1, ("26.20 marks", "MONEY", "Oriel offered 26.20 marks a share"))
    newer = with_figures("Halvorsen's offer tops Oriel's 26.20 marks.", 2,
                         ("26.20 marks", "MONEY", "Halvorsen's offer tops Oriel's 26.20 marks"))
    wordy = with_figures("A long sentence.", 3, ("26.20 marks", "MONEY", " ".join(["word"] * 30) + " 26.20 marks"))
    weight = {older.key: 1.0, newer.key: 1.0, wordy.key: 1.0}
    dates = {1: "2026-05-06", 2: "2026-05-11", 3: "2026-05-12"}
    rows = key_figures(figures_section(), [older, newer, wordy], 12, weight, dates).points
    assert [(p.text, p.sources) for p in rows] == [("Halvorsen's offer tops Oriel's 26.20 marks", (1, 2, 3))]
    undated = key_figures(figures_section(), [older, newer, wordy], 12, weight).points
    assert [p.text for p in undated] == ["Oriel offered 26.20 marks a share"]


def test_a_row_last_given_before_the_newest_day_shows_that_day() -> None:
    """"Some 31,000 homes" of Tuesday is not Saturday's number: its row shows the day its
    sources last gave it. A row of the newest day, or one an undated source gives, shows none."""
    tuesday = with_figures("Some 31,000 homes were told to boil water.", 1,
                           ("Some 31,000 homes", "CARDINAL", "Some 31,000 homes were told to boil water"))
    saturday = with_figures("About 24,000 homes may drink tap water again.", 2,
                            ("about 24,000 homes", "CARDINAL", "About 24,000 homes may drink tap water again"))
    explained = with_figures("Varne has 210,000 residents.", 3,
                             ("210,000 residents", "CARDINAL", "Varne has 210,000 residents"))
    rows = key_figures(figures_section(), [tuesday, saturday, explained], 100, None,
                       {1: "2026-06-02", 2: "2026-06-06"}).points
    assert [(p.figure, p.reported) for p in rows] == [
        ("Some 31,000 homes", "2026-06-02"), ("about 24,000 homes", None), ("210,000 residents", None)]


def test_what_a_rate_is_of_is_no_figure(measured: dict[str, str]) -> None:
    """"Per 100 millilitres" says what the 86 units are counted in, not a number that matters."""
    assert not any("100 millilitres" in value for value in measured)


def test_a_figure_denied_is_no_figure_the_source_gives(measured: dict[str, str]) -> None:
    """"17,500 tonnes, not the 20,000 tonnes reported": the source gives 17,500 and denies 20,000."""
    assert "17,500 tonnes" in measured
    assert not any("20,000 tonnes" in value for value in measured)


def test_a_count_a_later_day_gives_anew_leaves_key_figures() -> None:
    """Tuesday's "23 people had fallen ill" is out of date once Saturday's paper has "87 people
    had now fallen ill": the same unit and the same words of what is counted. Undated, which
    came later is unknown, and a count of something else stays."""
    from dataclasses import replace

    from briefing.model import Sentence

    def told(text: str, source: int, value: str, context: str, index: int = 0) -> Sentence:
        s = with_figures(text, source, (value, "CARDINAL", context), index=index)
        lemmas = tuple({"fallen": "fall", "had": "have"}.get(w, w.lower()) for w in text.rstrip(".").split())
        return replace(s, words=tuple(text.rstrip(".").split()), lemmas=lemmas,
                       terms=tuple(w for w in lemmas if w not in ("the", "have", "from", "now")))

    tuesday = told("Health officials said 23 people had fallen ill.", 1, "23 people", "23 people had fallen ill")
    saturday = told("The agency said 87 people had now fallen ill.", 2, "87 people", "87 people had now fallen ill")
    calls = told("The hotline took 150 calls from people.", 1, "150 calls", "The hotline took 150 calls from people", 1)
    weight = {tuesday.key: 1.0, saturday.key: 0.9, calls.key: 0.8}
    rows = key_figures(figures_section(), [tuesday, saturday, calls], 100, weight,
                       {1: "2026-06-02", 2: "2026-06-06"}).points
    assert [p.figure for p in rows] == ["87 people", "150 calls"]
    undated = key_figures(figures_section(), [tuesday, saturday, calls], 100, weight).points
    assert [p.figure for p in undated] == ["23 people", "87 people", "150 calls"]


@pytest.mark.parametrize("given, rows", [
    # "242 prisoners" and "242 people crossing" are one exchange; "150 soldiers" and "150
    # tanks", round, are two counts.
    ((("The sides exchanged 242 prisoners.", 1, "242 prisoners", "The sides exchanged 242 prisoners"),
      ("Buses took 242 people across.", 2, "242 people", "Buses took 242 people across"),
      ("The army moved 150 soldiers.", 1, "150 soldiers", "The army moved 150 soldiers"),
      ("The army moved 150 tanks.", 2, "150 tanks", "The army moved 150 tanks")),
     [("150 soldiers", (1,)), ("150 tanks", (2,)), ("242 prisoners", (1, 2))]),
    # "About 500 drones" rounds "519 drones": one salvo. 540 is further off than rounding goes.
    ((("Morvania fired about 500 drones.", 1, "about 500 drones", "Morvania fired about 500 drones"),
      ("Morvanian forces launched 519 drones.", 2, "519 drones", "Morvanian forces launched 519 drones"),
      ("The army counted 540 drones.", 3, "540 drones", "The army counted 540 drones")),
     [("540 drones", (3,)), ("about 500 drones", (1, 2))]),
])
def test_one_count_however_each_source_words_or_rounds_it_is_one_row(given: tuple, rows: list) -> None:
    assert counted_rows(*given) == rows


def test_when_a_count_starts_is_no_figure() -> None:
    nlp, _ = load_model(load_config().models)
    doc = nlp("More than 11,000 people have been killed since October 2022, according to United Nations estimates.")
    assert [f.value for f in extract(next(doc.sents))] == ["More than 11,000 people"]


def test_a_figure_a_sentence_says_it_replaces_is_no_key_figure() -> None:
    """"Revised its estimate to 212 kg, up from the 180 kg it reported on Monday": the 180 kg
    is out of date, however it was labelled or however much another source's sentence weighs."""
    revised = with_figures("The agency revised its estimate to 212 kg, up from the 180 kg it reported on Monday.", 2,
                           ("212 kg", "QUANTITY", "The agency revised its estimate to 212 kg"),
                           ("180 kg", "QUANTITY", "up from the 180 kg it reported on Monday"))
    earlier = with_figures("A 20 percent cap would require a halt, with the stockpile at an estimated 180 kg.", 1,
                           ("20 percent", "PERCENT", "A 20 percent cap would require a halt"),
                           ("an estimated 180 kg", "CARDINAL", "the stockpile at an estimated 180 kg"))
    rows = key_figures(figures_section(), [earlier, revised], 200, weight={earlier.key: 2.0, revised.key: 1.5}).points
    assert [p.figure for p in rows] == ["20 percent", "212 kg"]


def test_a_share_in_words_is_a_percentage() -> None:
    from briefing.figures import share_in_words

    assert [share_in_words(t) for t in ("roughly a third", "a half", "about half", "three quarters",
                                        "two-thirds", "one fifth")] == ["33", "50", "50", "75", "67", "20"]
    assert [share_in_words(t) for t in ("a third round", "third", "four thirds", "a dozen")] == [None] * 4


def test_a_share_of_something_in_words_is_a_figure_and_a_fraction_of_a_unit_is_not() -> None:
    from briefing.config import load_config
    from briefing.figures import amount
    from helpers import analyse_texts

    held, rate = analyse_texts([
        "Dostrava controls roughly a third of the valley today.",
        "The Bank of Lundia raised its main interest rate by a quarter of a percentage point on Thursday.",
    ], load_config())
    assert [(f.value, f.kind, amount(f)) for f in held.figures] == [("roughly a third", "PERCENT", "33")]
    assert all(f.kind != "PERCENT" for f in rate.figures)


def test_one_end_of_between_measures_nothing_alone(measured: dict[str, str]) -> None:
    """"would sit between the offer of 5.5 percent and the demand of 9 percent" cut to one
    end ("would sit the union's demand of 9 percent") says something else: the row gives
    the figure's own phrase instead."""
    assert measured["9 percent"] == "the union's demand of 9 percent"


def test_a_figure_in_a_denial_is_no_row_and_cites_no_source() -> None:
    """"Teymur denied reports that an agreement had been reached on a 20 percent cap" says
    the figure is not agreed: the framework's row cites the sources that give it."""
    from dataclasses import replace

    framework = with_figures("The sides agreed a framework to cap enrichment at 20 percent.", 1,
                             ("20 percent", "PERCENT", "a framework to cap enrichment at 20 percent"))
    denied = replace(with_figures("Teymur denied reports that an agreement had been reached on a 20 percent cap.", 2,
                                  ("20 percent", "PERCENT", "an agreement had been reached on a 20 percent cap")),
                     denies=True)
    rows = key_figures(figures_section(), [denied, framework], 100).points
    assert [(p.figure, p.sources, p.text) for p in rows] == [
        ("20 percent", (1,), "a framework to cap enrichment at 20 percent")]


@pytest.mark.parametrize("text", [
    "VSR said the agreement would cost about 265 million crowns over two years.",
    "Oriel raised its cash offer to 27.80 marks a share.",
    "The union's pension fund has a deficit of 1.9 billion crowns.",
])
def test_a_sum_in_a_currency_the_recogniser_counts_is_money(text: str) -> None:
    nlp, _ = load_model(load_config().models)
    (sent,) = nlp(text).sents
    assert [f.kind for f in extract(sent) if any(ch.isdigit() for ch in f.value)] == ["MONEY"]
