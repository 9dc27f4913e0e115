"""Where sources differ: one source certain where another is cautious is a disagreement
between people's assessments, not between a claim and a narrator's general doubt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.analyse import analyse
from briefing.config import Config, load_config
from briefing.differ import differences
from briefing.event import event_words
from briefing.model import Article, Block, Source


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def pairs(texts: list[str], config: Config) -> list[tuple[str, str]]:
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate(texts, start=1)]
    filler = Article(source=Source(number=len(texts) + 1, path="filler.txt", title="filler"),
                     blocks=(Block(index=0, text="Drones struck a power plant in Kharkiv overnight. "
                                                 "Officials said repairs would take weeks.", kind="body"),))
    found = analyse([*articles, filler], config)[0]
    return [(p.text, p.versus or "") for p in differences(found, config, 3, config.party_synonyms())]


SETTLED = "Zelensky said the U.S.-Ukraine security guarantees are fully settled."


def test_a_cautious_assessment_of_the_same_guarantees_differs(config: Config) -> None:
    cautious = "Trump offered a more cautious assessment of how finalized the U.S.-Ukraine security guarantees are."
    assert pairs([SETTLED, cautious], config) == [(SETTLED, cautious)]


def test_a_narrators_doubt_is_no_counter_claim(config: Config) -> None:
    doubt = "With Kyiv demanding U.S.-Ukraine security guarantees, the path to peace remains uncertain."
    assert pairs([SETTLED, doubt], config) == []


def test_what_a_noun_clause_reports_is_the_event(config: Config) -> None:
    import spacy  # noqa: F401 — the model is loaded by analyse above in the same session

    from briefing.analyse import load_model

    nlp, _ = load_model(config.models)
    sent = next(nlp("Trump expressed optimism that negotiations are approaching a decisive phase.").sents)
    assert event_words(sent, {}, config.verbs)[:1] == ("approach",)


@pytest.mark.parametrize(("text", "event"), [
    ("Ostmark made clear that its own measures will not be lifted quickly.", "lift"),
    ("The minister made it clear that the offer would not be improved.", "improve"),
    ("Russia has made plain that it will keep fighting.", "fight"),
])
def test_making_clear_is_a_way_of_saying(text: str, event: str, config: Config) -> None:
    """"Ostmark made clear that its measures will not be lifted" tells of lifting them, as
    "said that" would: the same subject as "Ostmark will not lift a single designation"."""
    from briefing.analyse import load_model

    nlp, _ = load_model(config.models)
    assert event_words(next(nlp(text).sents), {}, config.verbs)[:1] == (event,)


def test_a_quoted_he_is_given_the_name_it_stands_for(config: Config) -> None:
    """Quoted alone, "He added that..." would not say who: the name from the sentence before
    goes in brackets, as quotations are edited."""
    settled = ("Zelensky said Ukraine has accepted most of the framework. "
               "He added that the U.S.-Ukraine security guarantees are fully settled.")
    cautious = "Trump offered a more cautious assessment of how finalized the U.S.-Ukraine security guarantees are."
    (claim, versus), = pairs([settled, cautious], config)
    assert claim == "[Zelensky] added that the U.S.-Ukraine security guarantees are fully settled."
    assert versus == cautious


def test_candidates_hold_every_pair_that_differs(seed_sentences: list, config: Config) -> None:
    """Only pairs sharing a two-word term or close in words are compared: the same pairs
    as comparing all of them."""
    from briefing import differ

    synonyms = config.party_synonyms()
    claims = [c for c in (differ._claim(s, config) for s in seed_sentences)
              if c.certain or c.hedged or c.negated or c.figures]
    by_key = {s.key: s for s in differ.with_context(seed_sentences, config)}
    joined = [by_key.get(s.key, s) for s in seed_sentences]  # as `differences` compares them
    vectors = differ.tfidf(joined, synonyms)
    parties = frozenset(synonyms)
    bigrams = {s.key: differ._bigrams(s, parties) for s in joined}
    every = {(i, j) for j in range(len(claims)) for i in range(j)
             if differ._disagreement(claims[i], claims[j], vectors, bigrams, {}) is not None}
    found = differ._candidates(claims, vectors, bigrams)
    assert every and every <= found
    assert len(found) < len(claims) * (len(claims) - 1) // 2


def test_a_figure_the_other_gives_in_passing_is_no_disagreement(config: Config) -> None:
    """"Baltica jumped 31 percent, while Nordair fell 4 percent" and "Nordair shares slipped 4
    percent" agree on Nordair; another figure for the same fall still differs."""
    both = "Shares of Baltica jumped 31 percent on Monday, while Nordair shares fell 4 percent."
    agreed = "Nordair shares slipped 4 percent on Monday as investors worried about the price."
    assert pairs([both, agreed], config) == []
    other = "Nordair shares slipped 9 percent on Monday as investors worried about the price."
    assert pairs([both, other], config) == [(both, other)]


def test_the_tail_of_a_split_quote_is_quoted_with_its_opening_mark(config: Config) -> None:
    """The second sentence of a quotation, given in passing as one side of a disagreement,
    reads as the speaker's words: its opening quotation mark is put back."""
    split = ('"The talks went well. Ukraine has accepted 90 percent of the framework," '
             'Zelensky told reporters on Monday.')
    other = "Officials said Ukraine had accepted 60 percent of the framework on Monday."
    found = pairs([split, other], config)
    assert found and all(side.startswith('"Ukraine has accepted') for pair in found for side in pair
                         if "Zelensky" in side), found


def dated_pairs(texts: list[str], days: list[str | None], config: Config) -> list[tuple[str, str]]:
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n), date=day),
                        blocks=(Block(index=0, text=t, kind="body"),))
                for n, (t, day) in enumerate(zip(texts, days), start=1)]
    found = analyse(articles, config)[0]
    dates = {a.source.number: a.source.date for a in articles if a.source.date}
    return [(p.text, p.versus or "") for p in differences(found, config, 3, config.party_synonyms(), dates=dates)]


TOLL = "The collision between two passenger trains near Kovel killed 23 people, officials said."
LATER = "The collision between two passenger trains near Kovel killed 26 people, officials said."


def test_two_counts_a_later_source_gave_anew_are_no_dispute(config: Config) -> None:
    """Thursday's two tolls, once Monday's paper gives the count anew, are history."""
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n), date="2026-03-06"),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate([TOLL, LATER], start=1)]
    found = analyse(articles, config)[0]
    dates = {1: "2026-03-06", 2: "2026-03-06"}
    assert differences(found, config, 3, config.party_synonyms(), dates=dates)
    assert not differences(found, config, 3, config.party_synonyms(), dates=dates, past={(1, 0)})


def test_two_counts_of_one_act_differ_on_one_day_not_on_two(config: Config) -> None:
    """Two outlets giving two tolls of one crash on the same day disagree; a day later the
    higher toll is the count moving on."""
    assert dated_pairs([TOLL, LATER], ["2026-03-06", "2026-03-06"], config) == [(TOLL, LATER)]
    assert dated_pairs([TOLL, LATER], [None, None], config) == [(TOLL, LATER)]
    assert dated_pairs([TOLL, LATER], ["2026-03-06", "2026-03-07"], config) == []


def test_numbers_of_two_acts_or_two_units_are_no_disagreement(config: Config) -> None:
    """One party's demand and another's offer ("Russia demanded a withdrawal from 212
    villages", "Ukraine offered a withdrawal from 140 villages"), or two quantities of
    different units, answer two questions. One party's act told with two numbers differs."""
    demand = "Russia demanded a withdrawal of troops from 212 villages in the Donbas region."
    offer = "Ukraine offered a withdrawal of troops from 140 villages in the Donbas region."
    assert dated_pairs([demand, offer], [None, None], config) == []
    again = "Russia demanded a withdrawal of troops from 140 villages in the Donbas region."
    assert dated_pairs([demand, again], [None, None], config) == [(demand, again)]
    copper = "The Dravik mine employs about 1,200 people and produced some 40,000 tonnes of copper."
    place = "The Dravik mine, 14 kilometres north of Kessel, employs about 1,200 people."
    assert dated_pairs([copper, place], [None, None], config) == []


def test_figures_of_other_years_or_a_part_of_a_whole_are_no_disagreement(config: Config) -> None:
    """A rise won over five years and one sought for the next answer two questions; "19 of
    the Trust's 41 hospitals" gives the 19 that "19 hospitals" gives."""
    past = ("The Kestrian Nurses' Federation, which represents about 38,000 of the country's nurses, says "
            "basic nursing pay rose by a cumulative 9.8 percent between 2020 and 2025.")
    sought = ("The Kestrian Nurses' Federation is seeking a 9 percent pay rise for 2026 and a legally binding "
              "limit of six patients per nurse on general wards.")
    assert dated_pairs([past, sought], [None, None], config) == []
    again = sought.replace("9 percent", "12 percent")
    assert dated_pairs([sought, again], [None, None], config) == [(sought, again)]


def test_a_past_years_figure_is_no_disagreement_with_a_dated_report(config: Config) -> None:
    """"An informal approach in 2021 at 21 marks a share" is not at odds with an offer of 26.20
    marks reported in May 2026; undated, the two would be."""
    past = ("Halvorsen made an informal approach in 2021 at 21 marks a share, which Brenmoor's board rejected "
            "within a week without opening its books.")
    offer = ("Halvorsen has made a cash offer of 26.20 marks a share for Brenmoor, which Brenmoor's board "
             "rejected on Monday without opening its books.")
    assert dated_pairs([past, offer], [None, "2026-05-08"], config) == []
    assert dated_pairs([past, offer.replace("has made", "made in 2021")], [None, "2026-05-08"], config) != []


def test_a_number_of_the_sentence_a_claim_leans_on_is_given_in_passing(config: Config) -> None:
    """"That is well above the 25 percent level" after "a combined share of roughly 38
    percent" agrees with another source's 38 percent."""
    share = ("Brenmoor holds about 22 percent of the market for corrugated packaging and Halvorsen about 16 "
             "percent, giving a combined share of roughly 38 percent. That is well above the 25 percent level "
             "at which the Competition Authority normally examines a packaging deal closely.")
    other = ("Together the two companies would control roughly 38 percent of the corrugated packaging market, "
             "a level the Competition Authority normally examines closely.")
    assert not any("25 percent" in a + b for a, b in dated_pairs([share, other], [None, None], config))


def test_a_part_of_a_whole_gives_both_counts(config: Config) -> None:
    """"19 of the Trust's 41 hospitals" gives the 19 that "19 hospitals" gives; a range of
    shares stays one answer."""
    from briefing.figures import measures
    from helpers import analyse_texts

    covers, widened, range_ = analyse_texts([
        "The strike now covers 19 of the National Hospitals Trust's 41 hospitals, after five more joined.",
        "The nurses widened their strike to 19 hospitals on Thursday.",
        "The union wants the pension contribution raised from 6 percent to 8 percent of salary.",
    ], config)
    assert measures(covers) == {"CARDINAL hospital": frozenset({"19", "41"})}
    assert measures(covers)["CARDINAL hospital"] & measures(widened)["CARDINAL hospital"]
    assert all(len(v) == 1 for v in measures(range_).values())


def test_a_later_source_giving_one_acts_figure_anew_overtakes_the_earlier(config: Config) -> None:
    """Monday's "fell 12 percent" is out of date once Tuesday's paper has the same shares
    falling 6 percent: where things stand now is the later figure. Undated, or another act
    (a referendum's cost after a club's request), nothing is overtaken."""
    from briefing.differ import overtaken

    monday = "Shares in Vester Credit fell 12 percent on Monday as savers queued outside Brennock branches."
    tuesday = "Shares in Vester Credit fell 6 percent on Tuesday as savers queued outside Brennock branches."
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n), date=day),
                        blocks=(Block(index=0, text=t, kind="body"),))
                for n, (t, day) in enumerate([(monday, "2026-09-07"), (tuesday, "2026-09-08")], start=1)]
    found = analyse(articles, config)[0]
    assert overtaken(found, config, {1: "2026-09-07", 2: "2026-09-08"}) == {found[0].key}
    assert overtaken(found, config, {}) == frozenset()
    from dataclasses import replace

    risen = [found[0], replace(found[1], event=("rise",))]
    assert overtaken(risen, config, {1: "2026-09-07", 2: "2026-09-08"}) == frozenset()


def test_one_partys_two_statements_are_not_sources_at_odds(config: Config) -> None:
    """Zelensky certain one day and cautious another is what Zelensky said, not two sources
    that differ; Trump's caution against Zelensky's certainty is."""
    own = "Zelensky offered a more cautious assessment of how finalized the U.S.-Ukraine security guarantees are."
    assert pairs([SETTLED, own], config) == []


def test_a_figure_told_as_an_update_is_no_disagreement_and_overtakes_the_other(config: Config) -> None:
    """Undated, "The death toll rose to 34" after a report of 23 dead is the count moving on:
    not sources at odds, and the 23 is out of date. Another party's count of the same thing
    ("about 238", the ship's captain wrote, beside the ministry's "rose to 240") is another
    account, and stays a disagreement."""
    from briefing.differ import overtaken

    pledged = "The Northern Union pledged 25 million euros in humanitarian aid to Morvana after the floods."
    raised = "The Northern Union raised its humanitarian aid pledge to 40 million euros after the floods in Morvana."
    assert dated_pairs([pledged, raised], [None, None], config) == []
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate([pledged, raised], start=1)]
    found = analyse(articles, config)[0]
    assert overtaken(found, config, {}) == {found[0].key}
    from dataclasses import replace

    ministry = "The number of passengers sickened by norovirus rose to 240 passengers, the health ministry said."
    captain = "The number of passengers sickened by norovirus rose to about 238 passengers, the ship's captain wrote."
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate([ministry, captain], start=1)]
    told = analyse(articles, config)[0]
    assert len(differences(told, config, 3, config.party_synonyms())) == 0  # one holder's update
    told = [replace(told[0], speaker="ministry"), replace(told[1], speaker="cruise line")]
    assert len(differences(told, config, 3, config.party_synonyms())) == 1
    assert overtaken(told, config, {}) == frozenset()


def dated(texts: list[tuple[str, str]], config: Config) -> list:
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n), date=day),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, (t, day) in enumerate(texts, start=1)]
    return analyse(articles, config)[0]


def test_a_later_days_update_overtakes_an_earlier_one_told_as_an_update(config: Config) -> None:
    """Wednesday's "raised its offer to 5 percent" is out of date once Saturday's paper has
    the offer raised to 6.5 percent: each is told as an update, and both are one act."""
    from briefing.differ import overtaken

    found = dated([("The Ministry of Health on Wednesday raised its offer to a 5 percent rise for nurses.", "2026-04-09"),
                   ("On Saturday the Ministry of Health raised its offer to a 6.5 percent pay rise for nurses.", "2026-04-13")],
                  config)
    assert overtaken(found, config, {1: "2026-04-09", 2: "2026-04-13"}) == {found[0].key}


def test_one_holders_act_in_other_words_is_overtaken_by_its_later_figure(config: Config) -> None:
    """"The ministry has offered 3.5 percent" and, days later, "the ministry raised its offer
    to 6.5 percent" tell one holder's offer with two verbs: the earlier is out of date. Of
    two holders, or of another act of the same one, nothing is."""
    from dataclasses import replace

    from briefing.differ import overtaken

    found = dated([("The Ministry of Health has offered 3.5 percent and no change to staffing rules.", "2026-04-06"),
                   ("On Saturday the Ministry of Health raised its offer to a 6.5 percent pay rise for 2026.", "2026-04-13")],
                  config)
    days = {1: "2026-04-06", 2: "2026-04-13"}
    held = [replace(s, speaker="government", actor="government") for s in found]
    assert held[0].event[0] != held[1].event[0]
    assert overtaken(held, config, days) == {held[0].key}
    assert overtaken([held[0], replace(held[1], speaker="trust", actor="trust")], config, days) == frozenset()
    other = dated([("The Ministry of Health has offered 3.5 percent and no change to staffing rules.", "2026-04-06"),
                   ("On Saturday the Ministry of Health said inflation would reach 6.5 percent in 2026.", "2026-04-13")],
                  config)
    assert overtaken([replace(s, speaker="government", actor="government") for s in other], config, days) == frozenset()


def test_a_claim_told_according_to_a_party_is_that_partys_account(config: Config) -> None:
    """"According to the Ukrainian foreign ministry, Russia offered to exchange 1,200 prisoners"
    is Russia's offer in Ukraine's account: where sources differ, it is labelled Ukraine's,
    against the Kremlin's own figure."""
    from briefing.differ import _name

    told, own = analyse([Article(source=Source(number=n, path=f"{n}.txt", title=str(n)),
                                 blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate([
        "According to the Ukrainian foreign ministry, Russia offered to exchange 1,200 prisoners of war.",
        "Russia offered to exchange 800 prisoners of war, the Kremlin said."], start=1)], config)[0]
    assert (told.speaker, told.vouched, own.speaker, own.vouched) == ("russia", "ukraine", "russia", None)
    assert (_name(told, config), _name(own, config)) == (config.party_name("ukraine"), config.party_name("russia"))


def test_an_analysts_reading_is_no_claim_a_source_contradicts(config: Config) -> None:
    """A named analyst's quotation interprets the news: it is neither side of a disagreement,
    whatever denial or doubt its words carry."""
    analyst = ('"Moscow will deny that the U.S.-Ukraine security guarantees are fully settled," said Hanna Ruiz, '
               'a security analyst at a Geneva institute.')
    assert pairs([SETTLED, analyst], config) == []


def test_an_assertion_and_a_denial_of_it_differ_and_are_two_reports(config: Config) -> None:
    """"Have reached an agreement in principle" and "denied reports that an agreement had been
    reached" (by someone else) are the two sides of a disagreement, not one fact told twice."""
    from briefing.select import may_be_same

    reached = ("Negotiators from Ukraine and Russia have reached an agreement in principle to cap the buffer zone "
               "at 20 kilometres, according to three diplomats with direct knowledge of the talks.")
    denied = ("Russian Foreign Minister Sergei Lavrov flatly denied reports that an agreement had been reached "
              "on a 20-kilometre buffer zone.")
    found = analyse([Article(source=Source(number=n, path=f"{n}.txt", title=str(n)),
                             blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate([reached, denied], 1)],
                    config)[0]
    assert [s.denies for s in found] == [False, True]
    assert not may_be_same(found[0], found[1])
    assert pairs([reached, denied], config) == [(reached, denied)]


def test_one_length_written_three_ways_is_one_measure(config: Config) -> None:
    """"a 20-kilometre buffer zone, 10 km on each side" and "a 15-kilometre buffer zone": two
    widths of one zone, so the two sources differ."""
    twenty = ("Under the framework, the two sides would halt fire along the line of contact and create a "
              "20-kilometre demilitarised buffer zone, 10 km on each side, two officials familiar with the text said.")
    fifteen = ("Under the deal, forces would stop firing along the current line of contact and pull heavy weapons "
               "out of a 15-kilometre buffer zone running the length of the front, according to a Russian official.")
    assert pairs([twenty, fifteen], config) == [(twenty, fifteen)]


def test_a_share_in_words_differs_from_a_percentage_of_the_same_thing(config: Config) -> None:
    """"About 40 percent of the valley" and "roughly a third of the valley", one holder's
    hold on one thing: two answers to one question, though worded too far apart for their
    words alone to show it. The same act on two things (the valley, the coastal plain) is no
    dispute."""
    found = pairs(["Dostrava controls about 40 percent of the valley, including the towns of Tarnow "
                   "and Belica in the south, according to military analysts.",
                   "Dostrava controls roughly a third of the valley today."], config)
    assert [(a[:40], b[:40]) for a, b in found] == [("Dostrava controls about 40 percent of th",
                                                    "Dostrava controls roughly a third of the")]
    assert pairs(["Dostrava controls about 40 percent of the valley, including the towns of Tarnow "
                  "and Belica in the south, according to military analysts.",
                  "Dostrava controls roughly a third of the coastal plain today."], config) == []


def test_one_holders_act_on_one_thing_is_one_question(config: Config) -> None:
    """What lets a corpus where the party and the place are in every other sentence still pair
    two shares worded apart: the same holder doing the same to the same thing."""
    from briefing.differ import _one_question
    from helpers import analyse_texts

    most, two_thirds, elsewhere, other = analyse_texts([
        "Russia controls about 70 percent of the region, according to military analysts.",
        "Russia controls roughly two-thirds of the region today.",
        "Russia controls roughly two-thirds of the coastline today.",
        "Ukraine controls roughly two-thirds of the region today.",
    ], config)
    assert _one_question(most, two_thirds)
    assert not _one_question(most, elsewhere)  # another thing
    assert not _one_question(most, other)  # another holder


def test_a_stall_of_one_day_and_a_deal_of_the_next_are_no_disagreement(config: Config) -> None:
    """Wednesday's paper: talks stalled on Wednesday and a deal was denied; Thursday's: a
    deal was reached on Thursday. Each tells its own day. Undated, the same two sentences
    are at odds."""
    stalled = ("Talks to end the rail dispute stalled on Wednesday, and the head of the rail workers' union "
               "flatly denied reports that a deal on pay had been reached.")
    reached = ("The rail workers' union and the state operator reached a deal on pay on Thursday that raises "
               "pay by 6 percent, and the union suspended its strike.")
    dated = {1: "2026-04-22", 2: "2026-04-23", 3: "2026-04-23"}
    texts = [stalled, reached, "Drones struck a power plant in Kharkiv overnight. Officials said repairs would take weeks."]
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n), date=dated[n]),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate(texts, 1)]
    found = analyse(articles, config)[0]
    assert differences(found, config, 3, config.party_synonyms(), dates=dated) == []
    assert [(p.text, p.versus) for p in differences(found, config, 3, config.party_synonyms())] == [(stalled, reached)]


def test_two_counts_of_one_act_differ_in_words_or_in_a_closing_clause(config: Config) -> None:
    """"detained nine people" and ", detaining 12 people" count one act, though one writes
    the number in words and the other gives it in a clause that closes the sentence; so do
    "27 injured" and "more than 30 injured", where "people" is left to the verb before."""
    nine = "Police cleared a picket line at the Havelby freight yard early on Wednesday and detained nine people."
    twelve = ("Earlier on Wednesday, police removed strikers who had blocked the gates of the Havelby freight "
              "yard since Tuesday, detaining 12 people.")
    assert dated_pairs([nine, twelve], [None, None], config) == [(nine, twelve)]
    few = "At least three people were killed and 27 injured in Vellin, city officials said."
    more = "At least three people were killed and more than 30 injured in Vellin, officials said."
    assert dated_pairs([few, more], [None, None], config) == [(few, more)]


def test_counts_of_one_act_at_other_times_are_the_count_moving_on(config: Config) -> None:
    friday = "The head-on collision near Kovel on Friday night killed 23 people, officials said on Saturday."
    monday = "The head of the railway resigned on Monday, three days after the collision near Kovel killed 26 people."
    assert dated_pairs([friday, monday], [None, None], config) == []


@pytest.fixture(scope="module")
def two_accounts(config: Config):
    """Zelensky's "fully settled" against Trump's caution, and two outlets' counts of the injured."""
    from briefing.assemble import prepare

    texts = [f"{SETTLED} At least three people were killed and 27 injured in Kyiv, city officials said.",
             "Trump offered a more cautious assessment of how finalized the U.S.-Ukraine security guarantees are. "
             "At least three people were killed and more than 30 injured in Kyiv, officials said.",
             "Drones struck a power plant in Kharkiv overnight. Officials said repairs would take weeks."]
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate(texts, start=1)]
    return prepare(articles, analyse(articles, config)[0], config, config.method)


def test_two_parties_accounts_are_listed_before_two_outlets_counts(two_accounts) -> None:
    """The list often has room for one pair: Zelensky's "fully settled" against Trump's
    caution comes before two outlets' counts of the injured, though those are more alike."""
    story = two_accounts
    assert story.differ is not None
    assert [(p.label, p.versus_label) for p in story.differ.points] == [("Ukraine", "United States"), (None, None)]


def test_a_count_another_source_disputes_is_told_with_its_point(two_accounts) -> None:
    """Where the list has room for the parties' accounts only, each outlet's count of the
    injured goes with the other's point: "27 injured" is told with "more than 30 injured"."""
    from briefing.assemble import _undisputed

    story = two_accounts
    told = {c.lead.text: c.disputed[:2] for c in story.clusters if c.disputed}
    assert told == {"At least three people were killed and 27 injured in Kyiv, city officials said.":
                    ("more than 30 injured", 2),
                    "At least three people were killed and more than 30 injured in Kyiv, officials said.":
                    ("27 injured", 1)}
    # Once the list quotes the pair, the points do not tell it again.
    assert story.differ is not None
    counts = story.differ.points[1]
    assert not any(c.disputed for c in _undisputed(story.clusters, replace(story.differ, points=(counts,))))
    assert sum(bool(c.disputed) for c in _undisputed(story.clusters, replace(story.differ,
                                                                            points=story.differ.points[:1]))) == 2


@pytest.mark.parametrize(("later", "borne"), [
    ("Negotiators reached an agreement on Thursday on a framework that caps enrichment at 20 percent.", (1, 3)),
    ("Talks collapsed on Thursday without any agreement on enrichment.", None),
])
def test_a_claim_and_its_denial_are_marked_when_a_later_day_bears_the_claim_out(
        later: str, borne: tuple[int, int] | None, config: Config) -> None:
    from briefing.differ import borne_out, compare

    claim = "Negotiators have reached an agreement in principle to cap enrichment at 20 percent, diplomats said."
    denial = ("The foreign minister flatly denied reports that negotiators had reached an agreement in principle "
              "to cap enrichment at 20 percent.")
    dated = {1: "2026-03-04", 2: "2026-03-04", 3: "2026-03-05"}
    texts = [claim, denial, later, "Drones struck a power plant in Kharkiv overnight. Officials said repairs would take weeks."]
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n), date=dated.get(n)),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate(texts, 1)]
    found = analyse(articles, config)[0]
    compared = compare(found, config, config.party_synonyms())
    (pair,) = differences(found, config, 3, config.party_synonyms(), dates=dated, compared=compared)
    (marked,) = borne_out([pair], compared, dated)
    assert marked.borne_out == borne
    # Undated, which came later is unknown.
    assert borne_out([pair], compared, {})[0].borne_out is None
