"""An announcement that other sources report as done is older context, dates or no dates."""

from __future__ import annotations

import pytest

from briefing.analyse import analyse
from briefing.config import Config, load_config
from briefing.model import Article, Block, Sentence, Source
from briefing.select import Cluster
from briefing.superseded import done_reports, superseded


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def sentences(articles: list[str], config: Config) -> list[Sentence]:
    built = []
    for n, text in enumerate(articles, start=1):
        blocks = tuple(Block(index=i, text=line, kind="body") for i, line in enumerate(text.splitlines()))
        built.append(Article(source=Source(number=n, path=f"{n}.txt", title=str(n)), blocks=blocks))
    return analyse(built, config)[0]


def stale_texts(articles: list[str], config: Config) -> set[str]:
    found = sentences(articles, config)
    clusters = [Cluster((s,)) for s in found]
    return {clusters[i].lead.text for i in superseded(clusters, done_reports(found, config), config, config.party_synonyms())}


def test_an_announced_meeting_another_source_reports_held_is_superseded(config: Config) -> None:
    stale = stale_texts([
        "Zelensky is set to meet Trump in the coming days to push the peace talks forward.",
        "After hosting Zelensky at his estate in Florida, Trump said the negotiations were closer than ever.",
    ], config)
    assert stale == {"Zelensky is set to meet Trump in the coming days to push the peace talks forward."}


def test_talks_agreed_on_are_superseded_by_a_report_of_them_held(config: Config) -> None:
    agreed = "Zelensky said the leaders had agreed on talks at the highest level with Trump."
    stale = stale_texts([agreed, "After hosting Zelensky at his estate in Florida, Trump said the "
                                 "negotiations were closer than ever."], config)
    assert stale == {agreed}


@pytest.mark.parametrize("articles", [
    pytest.param(["After hosting Zelensky at his estate in Florida, Trump said the negotiations were closer than ever.\n"
                  "Trump plans to host more meetings with Zelensky and European leaders next month.",
                  "Following their talks, Trump and Zelensky held a joint call with European leaders."],
                 id="a new announcement by a source that reports the last meeting"),
    pytest.param(["Zelensky is set to meet Trump in the coming days to push the peace talks forward.",
                  "Russia launched hundreds of drones at Kyiv overnight."],
                 id="an announcement nobody reports done"),
    # The announced event is the meeting, not whatever else the two leaders held.
    pytest.param(["Trump and Putin have agreed to hold a meeting in the coming days.",
                  "After the announcement, Trump held a phone call with Putin on sanctions."],
                 id="a meeting agreed on, and a call held"),
    # What "would be available" announces is its being available, not the system.
    pytest.param(["Ukraine said the new air defence system would be available from next month.",
                  "After Ukraine tested the air defence system, Zelensky praised it."],
                 id="a system announced as available, and a test of it held"),
])
def test_an_announcement_stands_unless_another_source_reports_it_done(articles: list[str], config: Config) -> None:
    assert stale_texts(articles, config) == set()


def test_a_report_whose_closing_announcement_is_cut_is_not_superseded(config: Config) -> None:
    """The point quotes what was done; the summit it went on to announce is cut (trim.py),
    so another article's report of the summit held does not make it look out of date."""
    report = ('Zelensky described recent discussions with Trump\'s envoys as "very good" and suggested '
              'that the upcoming summit could help secure progress.')
    held = "After hosting Zelensky at his estate in Florida, Trump said the summit talks were closer than ever."
    assert stale_texts([report, held], config) == set()


def test_how_long_a_measure_lasts_is_no_date_it_looks_ahead_to(config: Config) -> None:
    """"Will bar pupils from class for 21 days" reports a measure taken; "will meet on Friday"
    announces an event. Only the second is an announcement that may be out of date."""
    from briefing.superseded import looks_ahead

    found = sentences(["Ukraine will close the border crossing at Chop for 21 days.\n"
                       "Zelensky will meet Trump on Friday in Washington."], config)
    assert [looks_ahead(s, config) for s in found] == [False, True]


def test_the_day_something_was_said_is_no_day_ahead(config: Config) -> None:
    """"Dolan said on Thursday he would accept the result": the parse hangs Thursday on
    "accept", but it is when he said it; in a Thursday paper it is that Thursday, not the
    next one. "Said he would accept the result on Thursday" still looks ahead."""
    from briefing.superseded import looks_ahead

    found = sentences(["Dolan said on Thursday he would accept the result of the recount.\n"
                       "Dolan said he would accept the result of the recount on Thursday."], config)
    assert [looks_ahead(s, config) for s in found] == [False, True]


def test_expecting_someone_to_act_on_a_day_looks_ahead_to_it(config: Config) -> None:
    """"expected the government to win at least 78 votes on Thursday", in a Tuesday paper, is
    the Thursday to come."""
    found = sentences(["Koller said she expected the government to win at least 78 votes on Thursday.\n"
                       "Koller said she expected that the government won on Thursday."], config)
    assert [[e.future for e in s.entities if e.label == "DATE"] for s in found] == [[True], [False]]


def test_an_agreement_told_as_the_scene_announces_nothing(config: Config) -> None:
    """"called off on Monday after the two sides agreed on a pay rise" reports a deal; "the
    two sides agreed on talks next week" announces them."""
    from briefing.superseded import looks_ahead

    deal, talks = sentences(["A strike at the port was called off early on Monday after the company and the union "
                             "agreed on a 5.2 percent pay rise.\n"
                             "The company and the union agreed on talks at the mediation office."], config)
    assert not looks_ahead(deal, config) and looks_ahead(talks, config)


def test_what_is_due_or_set_for_a_day_looks_ahead_to_it(config: Config) -> None:
    """"The case is due before the tribunal on Friday", in a Thursday paper, is the Friday to
    come; so is "a hearing is set for Friday". "Was set for Friday" and "for 21 days" are not."""
    found = sentences(["The Trust's case against the federation is due before the Employment Tribunal on Friday.\n"
                       "A hearing is set for Friday.\n"
                       "The hearing was set for Friday.\n"
                       "Schools will bar unvaccinated pupils from class for 21 days."], config)
    assert [[e.future for e in s.entities if e.label == "DATE"] for s in found] == [[True], [True], [False], [False]]


def _settled(articles: list[str], dates: dict[int, str], config: Config) -> set[str]:
    from briefing.classify import classify
    from briefing.superseded import settled

    found = classify(sentences(articles, config), config)
    clusters = [Cluster((s,)) for s in found]
    questions = next(sc for sc in config.sections if sc.kind == "questions")
    return {clusters[i].lead.text for i in settled(clusters, found, config, config.party_synonyms(), dates,
                                                   questions, frozenset())}


def test_an_open_question_a_later_source_answers_is_no_longer_open(config: Config) -> None:
    asked = "Whether Voltrik will offer refunds to owners remains unclear."
    answered = "Voltrik said it would offer a full refund to any owner who wanted one."
    assert _settled([asked, answered], {1: "2026-04-15", 2: "2026-04-21"}, config) == {asked}
    # Asked after the answer, on the same day, without dates, or answered on something else: open.
    assert _settled([asked, answered], {1: "2026-04-21", 2: "2026-04-15"}, config) == set()
    assert _settled([asked, answered], {1: "2026-04-15", 2: "2026-04-15"}, config) == set()
    assert _settled([asked, answered], {}, config) == set()
    assert _settled([asked, "Voltrik said sales had fallen by a third."], {1: "2026-04-15", 2: "2026-04-21"},
                    config) == set()


def test_a_report_older_than_the_announcement_does_not_supersede_it(config: Config) -> None:
    """Tuesday's report of Monday's meeting says nothing of the meeting Wednesday's paper
    announces: only a report of the same day or later makes an announcement old news."""
    found = sentences([
        "Zelensky is set to meet Trump in the coming days to push the peace talks forward.",
        "After hosting Zelensky at his estate in Florida, Trump said the negotiations were closer than ever.",
    ], config)
    clusters = [Cluster((s,)) for s in found]
    synonyms = config.party_synonyms()
    assert superseded(clusters, done_reports(found, config), config, synonyms, {1: "2026-03-10", 2: "2026-03-12"}) == {0}
    assert superseded(clusters, done_reports(found, config), config, synonyms, {1: "2026-03-10", 2: "2026-03-07"}) == set()
    assert superseded(clusters, done_reports(found, config), config, synonyms, {1: "2026-03-10"}) == {0}  # the report undated


def _reversed(articles: list[str], dates: dict[int, str], config: Config) -> set[str]:
    from briefing.superseded import reversed_states

    found = sentences(articles, config)
    clusters = [Cluster((s,)) for s in found]
    return {clusters[i].lead.text for i in reversed_states(clusters, found, config, config.party_synonyms(), dates,
                                                           frozenset())}


def test_a_state_a_later_source_reverses_is_no_longer_the_state(config: Config) -> None:
    stopped = "Nordane Line said it had stopped accepting bookings for Valmora cargo."
    resumed = "Nordane Line said it would resume bookings for Valmora cargo immediately."
    days = {1: "2026-03-05", 2: "2026-03-09"}
    assert _reversed([stopped, resumed], days, config) == {stopped}
    # The other way round, the resumption is what was undone; on the same day or undated, both stand.
    assert _reversed([stopped, resumed], {1: "2026-03-09", 2: "2026-03-05"}, config) == {resumed}
    assert _reversed([stopped, resumed], {1: "2026-03-05", 2: "2026-03-05"}, config) == set()
    assert _reversed([stopped, resumed], {}, config) == set()
    # "Would not resume" keeps it stopped; a rise of something else undoes no fall.
    kept = "Nordane Line said it would not resume bookings for Valmora cargo until the strike ends."
    assert _reversed([stopped, kept], days, config) == set()
    fell = "Voltrik shares fell 11 percent in Elsin trading on Monday."
    rose = "Demand for bike-share schemes in Elsin had risen 30 percent since the recall."
    assert _reversed([fell, rose], days, config) == set()


def test_opposite_states_are_two_reports(config: Config) -> None:
    from briefing.select import may_be_same

    remains, left, again = sentences([
        "A 67-year-old man injured in the Tarn house fire remains in intensive care.",
        "The 67-year-old man injured in the Tarn house fire has left intensive care.",
        "The 67-year-old man hurt in the Tarn fire is still in intensive care and remains in a serious condition.",
    ], config)
    synonyms = config.party_synonyms()
    assert not may_be_same(remains, left, synonyms, config.opposites)
    assert may_be_same(remains, again, synonyms, config.opposites)
    assert may_be_same(remains, left, synonyms)  # without the pairs, nothing sets them apart
    rejected, recommends = sentences([
        'The board unanimously rejected the Halvorsen proposal because it "significantly undervalues Brenmoor".',
        'The board unanimously recommends the Halvorsen proposal because it "fully values Brenmoor".',
    ], config)
    assert not may_be_same(rejected, recommends, synonyms, config.opposites)


def test_a_state_told_only_as_the_scene_takes_no_side(config: Config) -> None:
    from briefing.select import may_be_same

    suspended, resumed = sentences([
        "Elective surgery at Harwick General Hospital was suspended on Monday, and the hospital said it "
        "would not resume until the strike ends.",
        "Elective surgery resumed at Harwick General Hospital on Monday after the nurses' federation "
        "suspended its week-long national strike.",
    ], config)
    assert not may_be_same(suspended, resumed, config.party_synonyms(), config.opposites)


def test_a_holders_later_act_on_the_other_side_reverses_its_earlier_one(config: Config) -> None:
    """Thursday's "Russia rejected the ceasefire proposal" is undone by Sunday's "The Kremlin
    accepted the proposal in principle": one holder, the other side, acting on the same thing,
    whatever else the two share. Another holder's acceptance, or the holder's acceptance of
    something else, undoes nothing."""
    rejected = "Russia rejected the ceasefire proposal on Thursday and widened its offensive in the east."
    days = {1: "2026-04-09", 2: "2026-04-12"}
    assert _reversed([rejected, "The Kremlin accepted the proposal in principle on Sunday."], days, config) == {rejected}
    assert _reversed([rejected, "Ukraine accepted the proposal in principle on Sunday."], days, config) == set()
    assert _reversed([rejected, "The Kremlin accepted an invitation to Geneva on Sunday."], days, config) == set()


def test_an_undated_article_announcing_what_others_report_done_gives_counts_the_others_update(tmp_path) -> None:
    """The article that says the talks "will" be held was written before those reporting them
    held: its "10,500 killed" is the count the others' 11,000 updates, not a dispute between
    sources, and no key figure."""
    from briefing.pipeline import build_briefing, render

    articles = {
        "1.txt": "Leaders to meet in Istanbul\n\nUkrainian and Russian negotiators will meet next week in Istanbul "
                 "for a third round of peace talks, Turkish officials said on Thursday.\n\nMore than 10,500 people "
                 "have been killed in the fighting since October 2022, according to United Nations figures.\n\n"
                 "Russian forces shelled the city of Kharkiv overnight, damaging a power station.\n",
        "2.txt": "Third round of talks ends in Istanbul\n\nUkrainian and Russian negotiators met in Istanbul on "
                 "Tuesday for a third round of peace talks, which ended without agreement on a ceasefire.\n\nMore "
                 "than 11,000 people have been killed in the fighting since October 2022, according to United "
                 "Nations estimates.\n\nRussia insisted that Ukraine withdraw its troops from the Donbas before any "
                 "ceasefire.\n",
        "3.txt": "Drones strike Odesa port\n\nRussian drones struck grain silos at the port of Odesa on Wednesday, "
                 "regional officials said.\n\nUkraine said its air defences shot down 40 of the 52 drones launched "
                 "overnight.\n\nThe third round of peace talks in Istanbul ended on Tuesday without a deal, and "
                 "Ukraine said it was ready to meet again.\n",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    md = render(build_briefing(tmp_path, load_config()), ("md",))["briefing.md"].decode("utf-8")
    assert "11,000" in md
    assert "10,500" not in md


def test_a_plan_the_announcing_source_reports_is_no_report_of_the_event_held(config: Config) -> None:
    """An announcing article's own "said he would fly … after" announces too: it does not
    make that article a report of the meeting, which would keep its announcement current."""
    announced = "Zelensky is set to meet Trump in the coming days to push the peace talks forward."
    stale = stale_texts([
        f"{announced}\nZelensky said he would fly to Florida after the holidays to talk with Trump about peace.",
        "After hosting Zelensky at his estate in Florida, Trump said the negotiations were closer than ever.",
    ], config)
    assert announced in stale


def test_a_holders_later_yes_undoes_its_earlier_no(config: Config) -> None:
    """Wednesday's "unannounced inspections are still not on the table" from the Kremlin is
    undone by Thursday's "it had agreed to unannounced inspections", whatever else the yes
    says no to; not by another party's yes, nor by "nothing had been agreed", nor on the
    same day."""
    no = 'The Kremlin said unannounced inspections "are still not on the table."'
    days = {1: "2026-03-04", 2: "2026-03-05"}
    yes = 'The Kremlin said it had agreed to unannounced inspections. "These are conditions, not concessions."'
    assert _reversed([no, yes], days, config) == {no}
    assert _reversed([no, "Ukraine said it had agreed to unannounced inspections."], days, config) == set()
    assert _reversed([no, "The Kremlin said nothing had been agreed on unannounced inspections."], days,
                     config) == set()
    assert _reversed([no, yes], {1: "2026-03-05", 2: "2026-03-05"}, config) == set()


def test_a_question_of_how_an_event_to_come_will_go_is_answered_once_it_is_reported_held(config: Config) -> None:
    """"Whether the Halden meeting will produce more than a handshake" asks what the later
    articles report: the meeting was held and its outcome is news."""
    from briefing.classify import classify
    from briefing.superseded import answered_events

    asked = "Whether the Halden meeting will produce more than a handshake remains unclear."
    found = classify(sentences([
        f"Rell and Kovan are set to meet in Halden next week. {asked}",
        "After two days of talks in Halden, Rell and Kovan agreed in principle on a ceasefire.",
    ], config), config)
    clusters = [Cluster((s,)) for s in found]
    questions = config.section("open_questions")

    def answered(order: dict[int, str]) -> set[str]:
        return {clusters[i].lead.text for i in answered_events(clusters, found, config, config.party_synonyms(),
                                                               order, questions)}

    assert answered({1: "2026-05-01", 2: "2026-05-08"}) == {asked}
    # Reported held before it was asked about, or in no known order: still open.
    assert answered({1: "2026-05-08", 2: "2026-05-01"}) == set()
    assert answered({}) == set()


def test_what_a_party_would_do_if_something_did_not_happen_lapses_once_it_happens(config: Config) -> None:
    """"If there is no framework by Friday, Ostmark will propose further measures" is no
    threat once a later source has the sides agree on a framework; "nothing has been
    agreed" meets no condition."""
    from briefing.superseded import lapsed

    threat = ('"If there is no framework by Friday, Ostmark will propose further measures," the foreign '
              'minister said.')
    agreed = "Veldoria and the Quartet agreed on Thursday on a framework to cap enrichment at 20 percent."
    found = sentences([threat, agreed], config)
    clusters = [Cluster((s,)) for s in found]

    def gone(order: dict[int, str]) -> set[str]:
        return {clusters[i].lead.text for i in lapsed(clusters, found, order)}

    assert gone({1: "2026-03-04", 2: "2026-03-05"}) == {threat}
    assert gone({1: "2026-03-05", 2: "2026-03-04"}) == set()  # the framework came first
    assert gone({}) == set()
    refused = sentences([threat, '"Nothing has been agreed on a framework," the minister said.'], config)
    assert not lapsed([Cluster((s,)) for s in refused], refused, {1: "2026-03-04", 2: "2026-03-05"})


def test_a_plan_that_remains_is_undone_once_it_is_called_off(config: Config) -> None:
    """A verb with its particle is a side of its own: "called off" (`call_off`) undoes
    "remains in place"; "called" alone undoes nothing."""
    remains = "The nurses' strike at Harlow General Hospital on Monday remains in place, the union said."
    days = {1: "2026-03-05", 2: "2026-03-06"}
    off = "The union called off the nurses' strike at Harlow General Hospital on Monday after a late offer."
    assert _reversed([remains, off], days, config) == {remains}
    called = "The union called the nurses' strike at Harlow General Hospital on Monday after a late offer."
    assert _reversed([remains, called], days, config) == set()
    # Suspended or postponed, it is no more in place than called off.
    suspended = "The union suspended the nurses' strike at Harlow General Hospital on Monday after a late offer."
    assert _reversed([remains, suspended], days, config) == {remains}


def test_a_deal_said_not_to_exist_is_undone_once_a_later_source_reports_it_reached(config: Config) -> None:
    """"There is no deal on pay" is no longer the state once a later source has the sides
    reach an agreement (the story's synonyms: deal, agreement); "if there is no deal"
    and "whether there is no deal" say nothing is missing now."""
    from briefing.superseded import lapsed

    none = '"There is no deal on pay or on anything else," the federation leader said.'
    reached = "The federation and the ministry reached a tentative agreement on Wednesday on teachers' pay."
    found = sentences([none, reached], config)
    clusters = [Cluster((s,)) for s in found]
    synonyms = config.party_synonyms()
    assert {clusters[i].lead.text for i in lapsed(clusters, found, {1: "2026-05-05", 2: "2026-05-06"},
                                                  synonyms)} == {none}
    assert not lapsed(clusters, found, {1: "2026-05-06", 2: "2026-05-05"}, synonyms)
    refused = sentences([none, "The federation said it had not reached an agreement on pay."], config)
    assert not lapsed([Cluster((s,)) for s in refused], refused, {1: "2026-05-05", 2: "2026-05-06"}, synonyms)
