"""A story told over three days (tests/data/dated/): the newest day's news leads, a dated
step to come is news of the talks, two reports of one day that disagree are listed, and
a report of one day is not set against what happened the next."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import differ_points

from briefing.config import load_config
from briefing.model import Briefing, Section

DATA = Path(__file__).resolve().parent / "data"
AGREED = ("The Brenmark Teachers' Federation and the education ministry reached a tentative agreement on "
          "Wednesday that raises teachers' pay by 5 percent this year")


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    from briefing.pipeline import build_briefing

    return build_briefing(DATA / "dated", load_config(DATA / "dated.toml"))


def section(briefing: Briefing, key: str) -> Section:
    return next(s for s in briefing.sections if s.key == key)


def test_the_newest_days_news_leads_the_takeaways(briefing: Briefing) -> None:
    """Wednesday's agreement leads, in Wednesday's words. Tuesday's "agreement in principle"
    (source 2) is quoted where sources differ, and is not cited for the deal: an article
    cannot report what happened the day after it was written."""
    first = section(briefing, "takeaways").points[0]
    assert first.text.startswith(AGREED)
    assert first.sources == (4,)


def test_two_reports_of_one_day_differ_a_stall_and_the_next_days_deal_do_not(briefing: Briefing) -> None:
    (pair,) = differ_points(briefing)
    assert "agreement in principle on a 5 percent pay rise" in pair.text and pair.sources == (2,)
    assert pair.versus.startswith("Talks on teachers' pay stalled on Tuesday") and pair.versus_sources == (3,)


def test_a_dated_step_to_come_is_news_of_the_talks(briefing: Briefing) -> None:
    """Routed to the talks, and specific enough for its day of the calendar to be a takeaway."""
    takeaways = [p.text for p in section(briefing, "takeaways").points]
    assert any(t.startswith("Members are to vote on the deal on May 20") for t in takeaways), takeaways


def test_a_quote_that_there_is_no_deal_leaves_once_a_later_day_has_one(briefing: Briefing) -> None:
    """Tuesday's "There is no deal on pay or on anything else" is no longer where things stand
    once Wednesday's paper reports the tentative agreement; it was what was said then."""
    assert not any("There is no deal" in p.text for p in briefing.points())


def test_the_timeline_reaches_the_newest_day_in_short(briefing: Briefing) -> None:
    """The newest day's event is told, without its second clause (the takeaway has it);
    "only for teachers hired from January 1, 2028" dates no event of the story."""
    told = {p.when: p.text for p in section(briefing, "timeline").points}
    assert told["2026-05-06"] == AGREED + "."
    assert "2026-05-04" in told and "2026-05-05" in told
    assert not any(when.startswith("2028") for when in told)


def test_someone_from_a_place_is_no_party(briefing: Briefing) -> None:
    """"said a parent from Brenna, who declined to give her name": "who" is the parent."""
    parties = section(briefing, "positions").subsections
    assert [s.title for s in parties] == ["Teachers' federation", "Education ministry"]


def test_the_takeaways_tell_the_newest_day(briefing: Briefing) -> None:
    """Takeaways say where the story stands: Monday's rejection and Tuesday's stall are the
    Timeline's, each earlier day's point weighing half here."""
    assert all(p.sources[-1] == 4 and p.reported is None for p in section(briefing, "takeaways").points)


def test_saying_nothing_is_no_point(briefing: Briefing) -> None:
    """"Torvik did not answer calls on Tuesday", "The education ministry declined to comment
    on the state of the talks": no stance, no event, no open question."""
    from helpers import all_points

    texts = [p.text for p in all_points(briefing)]
    assert not any("answer calls" in t or "declined to comment" in t for t in texts), texts


def test_an_open_questions_section_with_only_differences_says_nothing_is_missing(briefing: Briefing) -> None:
    questions = section(briefing, "open_questions")
    assert not questions.points and questions.subsections[0].points and questions.note == ""


def test_a_key_figure_of_a_dated_act_cites_no_article_written_before_it(briefing: Briefing) -> None:
    """"a tentative agreement on Wednesday raises teachers' pay by 5 percent": Tuesday's
    report of "an agreement in principle on a 5 percent pay rise" gives the figure, but
    cannot report Wednesday's agreement."""
    figures = {p.figure: p for p in section(briefing, "figures").points}
    assert "on Wednesday" in figures["5 percent"].text
    assert figures["5 percent"].sources == (4,)


def test_a_claim_the_next_days_report_bears_out_is_marked_so(briefing: Briefing) -> None:
    """Tuesday's "agreement in principle on a 5 percent pay rise" against the federation's
    denial: Wednesday's deal "raises teachers' pay by 5 percent" bears the claim out. The
    pair stays, as what each said on Tuesday."""
    from briefing.render.markdown import render_markdown

    (pair,) = differ_points(briefing)
    assert pair.borne_out == (2, 4)
    assert "[3] — *[2] borne out by [4]*\n" in render_markdown(briefing)
