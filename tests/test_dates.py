"""Dates: metadata dates, relative dates resolved against an article's date, and how old a point is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from briefing.dates import not_before, resolve, to_iso
from briefing.model import Sentence, Source
from briefing.recency import Ages
from briefing.select import Cluster


@pytest.mark.parametrize("value, expected", [
    ("2026-03-12", "2026-03-12"),
    ("2026-03-12T09:30:00+01:00", "2026-03-12"),
    (date(2026, 3, 12), "2026-03-12"),
    (datetime(2026, 3, 12, 23, 59), "2026-03-12"),
    ("12 March 2026", "2026-03-12"),
    ("Mar 12, 2026", "2026-03-12"),
    ("March 2026", None),   # no day: not a date to weigh sources by
    ("last week", None),    # relative to nothing
    ("2026-02-30", None),
    ("", None),
    (None, None),
])
def test_metadata_dates(value: object, expected: str | None) -> None:
    assert to_iso(value) == expected


# 2025-12-29 is a Monday.
@pytest.mark.parametrize("expression, future, expected", [
    ("on Friday", False, "2025-12-26"),        # "said on Friday": the last one
    ("Friday", True, "2026-01-02"),            # "will meet on Friday": the next one
    ("Monday", False, "2025-12-29"),           # the paper's own day, not a week before
    ("next month", False, "2026-01"),
    ("January", True, "2026-01"),
    ("January", False, "2025-01"),
    ("next week", False, "week of 2026-01-05"),
    ("yesterday", False, "2025-12-28"),
    ("12 March 2026", False, "2026-03-12"),
    ("February 2022", False, "2022-02"),
    ("the coming days", False, None),
    ("recent months", False, None),
    ("four-year-long", False, None),
    ("two years", False, None),
    ("2024", False, None),                      # a year alone is background
])
def test_relative_dates(expression: str, future: bool, expected: str | None) -> None:
    assert resolve(expression, "2025-12-29", future=future) == expected


def test_not_before() -> None:
    assert not_before("2026-01", "2026-01-20")      # the month reaches that day
    assert not not_before("2025-12", "2026-01-01")
    assert not_before("week of 2026-01-05", "2026-01-05")
    assert not not_before("2026-01-04", "2026-01-05")


def sentence(source: int, index: int = 0) -> Sentence:
    return Sentence(text=f"Sentence {source}.{index}.", source=source, paragraph=0, index=index)


def test_ages_mark_points_only_old_sources_report() -> None:
    sources = [Source(1, "a.txt", "A", date="2026-03-13"), Source(2, "b.txt", "B", date="2025-11-03"),
               Source(3, "c.txt", "C")]
    ages = Ages.of(sources, 30)
    assert ages.newest == "2026-03-13" and ages.cutoff == "2026-02-11"
    old, both, undated_too = Cluster((sentence(2),)), Cluster((sentence(2), sentence(1))), \
        Cluster((sentence(2), sentence(3)))
    assert ages.older(old) == "2025-11-03"
    assert ages.older(both) is None                 # a recent source reports it too
    assert ages.older(undated_too) is None          # an undated report might be recent
    assert ages.weight(Cluster((sentence(1),))) == 1.0
    assert ages.weight(old) == 0.5
    # The newest report is the one quoted.
    dated = ages.date_clusters([both])[0]
    assert dated.lead.source == 1 and dated.older is None
    assert ages.date_clusters([old])[0].point().older == "2025-11-03"


def test_without_dates_nothing_changes() -> None:
    ages = Ages.of([Source(1, "a.txt", "A"), Source(2, "b.txt", "B")], 30)
    clusters = [Cluster((sentence(2), sentence(1)))]
    assert not ages.known and ages.cutoff is None
    assert ages.date_clusters(clusters) == clusters
    assert ages.older(clusters[0]) is None and ages.weight(clusters[0]) == 1.0


def test_a_date_that_only_bounds_a_span_does_not_date_the_news() -> None:
    """"11 more were detained overnight, bringing the number held since Sunday to 34" is not
    Sunday's news; "Police detained 23 people on Tuesday" is Tuesday's."""
    from briefing.model import Entity
    from briefing.timeline import event_dates

    ages = Ages.of([Source(1, "a.txt", "A", date="2026-05-14")], 30)
    since = Sentence(text="Police said 11 more people were detained, bringing the number held since Sunday to 34.",
                     source=1, paragraph=0, index=0, entities=(Entity("Sunday", "DATE"),))
    on = replace(since, text="Police detained 23 people on Tuesday.", index=1, entities=(Entity("Tuesday", "DATE"),))
    assert event_dates([Cluster((since,)), Cluster((on,))], ages) == {1: "2026-05-12"}


def test_a_story_told_over_days_weighs_reporting_by_the_day() -> None:
    """Four papers over three days: Monday's preliminary count weighs half as much as
    Wednesday's declared result, not the 95% a month's scale would give it."""
    sources = [Source(n, f"{n}.txt", str(n), date=day)
               for n, day in enumerate(["2026-05-11", "2026-05-12", "2026-05-13", "2026-05-14"], start=1)]
    ages = Ages.of(sources, 30)
    assert ages.pace == 3
    assert ages.weight(Cluster((sentence(1),))) == 0.5
    assert ages.weight(Cluster((sentence(4),))) == 1.0
    assert Ages.of(sources[2:], 30).pace == 2  # a day apart: no reporting halved for a day


def test_key_figures_of_a_story_told_over_days_weigh_newer_reporting_more() -> None:
    """Monday's preliminary count and Wednesday's final one: the key figures weigh each
    sentence by its point's score and, as the sections about now do, by how recent it is."""
    from briefing.analyse import analyse
    from briefing.assemble import prepare
    from briefing.config import load_config
    from briefing.model import Article, Block

    config = load_config()
    texts = [("Preliminary results showed President Dolan on 50.8 percent of the vote on Monday.", "2026-05-11"),
             ("Final figures gave President Dolan 50.1 percent of the vote on Wednesday.", "2026-05-13")]
    articles = [Article(source=Source(n, f"{n}.txt", str(n), date=day), blocks=(Block(index=0, text=t, kind="body"),))
                for n, (t, day) in enumerate(texts, start=1)]
    story = prepare(articles, analyse(articles, config)[0], config, "lexrank")
    by_source = {key[0]: w for key, w in story.weight.items()}
    scored = {c.lead.source: story.score[i] for i, c in enumerate(story.clusters)}
    assert by_source[2] == scored[2] and by_source[1] == 0.5 * scored[1]


def _story(*told: tuple[int, str, str, str]) -> tuple[list[Cluster], Ages]:
    """Clusters of one sentence each from (source, its date, text, date words in it)."""
    from briefing.model import Entity

    days = {n: day for n, day, _, _ in told}
    ages = Ages.of([Source(n, f"{n}.txt", str(n), date=day) for n, day in sorted(days.items())], 30)
    clusters = [Cluster((Sentence(text=text, source=n, paragraph=0, index=i, speaker="veldoria",
                                  words=tuple(text.rstrip(".").split()),
                                  entities=(Entity(when, "DATE"),)),))
                for i, (n, _, text, when) in enumerate(told)]
    return clusters, ages


def _timeline(clusters: list[Cluster], ages: Ages, score: dict[int, float], used: tuple[int, ...] = (),
              max_words: int = 200) -> dict[str, str]:
    from briefing.timeline import timeline

    vectors = {c.lead.key: {w.lower(): 1.0 for w in c.lead.words} for c in clusters}
    points = timeline(clusters, ages, score, max_points=6, max_words=max_words, vectors=vectors, used=used)
    return {p.when: p.text for p in points}


def test_a_timeline_tells_each_days_main_event_even_when_a_section_tells_it() -> None:
    """An offer rejected on Monday, a new one on Tuesday, a framework agreed on Thursday:
    three days' news, alike as they read and made by one party, and Thursday's the lead of
    the briefing. Monday's lesser news gives way to Monday's main event."""
    clusters, ages = _story(
        (1, "2026-03-02", "Veldoria rejected the proposal of the Quartet on Monday.", "Monday"),
        (1, "2026-03-02", "Veldoria's negotiators met the press on Monday in Geneva.", "Monday"),
        (2, "2026-03-03", "Veldoria received a revised proposal of the Quartet on Tuesday.", "Tuesday"),
        (3, "2026-03-05", "Veldoria agreed with the Quartet on Thursday on the proposal.", "Thursday"),
    )
    score = {0: 3.0, 1: 1.5, 2: 2.5, 3: 4.0}
    told = _timeline(clusters, ages, score, used=(3,), max_words=60)
    assert told == {"2026-03-02": clusters[0].lead.text, "2026-03-03": clusters[2].lead.text,
                    "2026-03-05": clusters[3].lead.text}


def test_what_was_announced_for_a_day_gives_way_to_what_happened_that_day() -> None:
    clusters, ages = _story(
        (1, "2026-03-04", "Quartet ministers are due to endorse the framework on Thursday.", "Thursday"),
        (2, "2026-03-05", "Quartet ministers endorsed the framework on Thursday in Solvenna.", "Thursday"),
    )
    told = _timeline(clusters, ages, {0: 3.0, 1: 1.0})
    assert told["2026-03-05"] == clusters[1].lead.text


def test_a_timeline_entry_is_its_sentence_without_the_closing_scene() -> None:
    """The entry keeps what happened that day; a date only in the close it leaves out
    ("since negotiations resumed in January") dates nothing."""
    clusters, ages = _story(
        (1, "2026-03-04", "Negotiators reached an agreement in principle on Tuesday, marking the first "
                          "convergence since negotiations resumed in January.", "Tuesday"),
        (1, "2026-03-04", "The agreement is the first convergence since negotiations resumed in January, "
                          "marking a turn in the talks.", "January"),
    )
    cut = replace(clusters[0].lead, short="Negotiators reached an agreement in principle on Tuesday.")
    aside = replace(clusters[1].lead, short="The agreement is the first convergence.")
    clusters = [Cluster((cut,)), Cluster((aside,))]
    told = _timeline(clusters, ages, {0: 2.0, 1: 2.0})
    assert told == {"2026-03-03": "Negotiators reached an agreement in principle on Tuesday."}


def test_a_quotations_tail_cut_short_is_quoted_once() -> None:
    """The tail of a quotation the splitter cut in two gets its opening mark back once, cut
    short or not."""
    text = 'We expect them back at the table on Tuesday," Moravec said, after the delegation walked out.'
    clusters, ages = _story((1, "2026-03-04", text, "Tuesday"))
    clusters = [Cluster((replace(clusters[0].lead, short='We expect them back at the table on Tuesday," Moravec said.'),))]
    told = _timeline(clusters, ages, {0: 2.0})
    assert told == {"2026-03-03": '"We expect them back at the table on Tuesday," Moravec said.'}


def test_a_date_the_parser_cannot_place_resolves_to_nothing() -> None:
    """dateparser overflows on a weekday before the year 1; a build must not stop on it."""
    assert resolve("Thursday", "0001-01-01") is None


def test_what_is_told_as_done_is_not_dated_after_its_article() -> None:
    """"accepted a later retirement age, but only for staff hired from January 1, 2028" was
    accepted on Thursday; an undated story's stand-in days resolve nothing."""
    from briefing.dates import EARLIER_DAY
    from briefing.model import Entity
    from briefing.timeline import event_day

    done = Sentence(text="The union accepted a later retirement age, but only for staff hired from January 1, 2028.",
                    source=1, paragraph=0, index=0, entities=(Entity("January 1, 2028", "DATE"),))
    assert event_day(done, "2026-04-23") is None
    assert event_day(replace(done, planned=True), "2026-04-23") == "2028-01-01"
    thursday = replace(done, text="The union accepted the offer on Thursday.", entities=(Entity("Thursday", "DATE"),))
    assert event_day(thursday, "2026-04-23") == "2026-04-23"
    assert event_day(thursday, EARLIER_DAY) is None


def test_where_things_stand_weighs_any_earlier_day_half() -> None:
    """A section with `newest = true` says where things stand as of the newest day:
    Wednesday's "the negotiator was not seen in public" weighs half beside Thursday's deal,
    where the story's pace would give it five sixths."""
    sources = [Source(n, f"{n}.txt", str(n), date=day)
               for n, day in enumerate(["2026-03-02", "2026-03-04", "2026-03-05"], start=1)]
    ages = Ages.of(sources, 30)
    wednesday = Cluster((sentence(2),))
    assert round(ages.weight(wednesday), 3) == 0.833
    assert ages.weight(wednesday, by_the_day=True) == 0.5
    assert ages.weight(Cluster((sentence(3),)), by_the_day=True) == 1.0


def test_a_timeline_reaches_the_newest_day_first() -> None:
    """Words for Thursday's long entry or for the two short ones before it: Thursday's is
    told, since a timeline that stops short of its newest source misleads."""
    clusters, ages = _story(
        (1, "2026-03-02", "Veldoria rejected the proposal on Monday.", "Monday"),
        (2, "2026-03-03", "The Quartet tabled a revised proposal on Tuesday.", "Tuesday"),
        (3, "2026-03-05", "Veldoria and the Quartet agreed on Thursday on a framework that caps enrichment at "
                          "20 percent in exchange for phased relief from sanctions.", "Thursday"),
    )
    told = _timeline(clusters, ages, {0: 3.0, 1: 2.0, 2: 3.0}, max_words=40)
    assert sorted(told) == ["2026-03-05"]
