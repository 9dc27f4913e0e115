"""Markdown rendering: escaping article text, user templates, and the document's structure."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from briefing.errors import ConfigError
from briefing.model import Briefing, Point, Section, Source
from briefing.render.json import render_json
from briefing.render.markdown import cite, link, md, render_markdown

# CommonMark plus the GFM extensions a reader's viewer is likely to have.
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def one_bullet_inline(text: str):
    """Parse a briefing bullet as the template writes it; return its inline token."""
    tokens = MD.parse(f"- {md(text)} {cite((1,))}\n")
    kinds = [t.type for t in tokens]
    assert kinds == ["bullet_list_open", "list_item_open", "paragraph_open", "inline",
                     "paragraph_close", "list_item_close", "bullet_list_close"], kinds
    return tokens[3]


def literal_text(inline) -> str:
    children = inline.children or []
    assert all(c.type in ("text", "text_special") for c in children), [c.type for c in children]
    return "".join(c.content for c in children)


NASTY = [
    "*x*",
    "**bold** and _under_ and __twice__",
    "<script>alert(1)</script>",
    "<b>bold</b> <img src=x onerror=alert(1)>",
    "[a](javascript:x)",
    "![img](http://example.com/x.png)",
    "<https://example.com/autolink>",
    "# Not a heading",
    "## Not a heading either",
    "> not a quote",
    "- not a nested list",
    "+ not a list",
    "---",
    "===",
    "`code` span",
    "~~struck~~",
    "a | b | c",
    "back\\slash and trailing backslash \\",
    "[1]: http://example.com/reference-definition",
    "Zelensky said the talks were *very good* [2] so far",
]


@pytest.mark.parametrize("text", NASTY)
def test_md_filter_makes_text_literal(text: str) -> None:
    inline = one_bullet_inline(text)
    assert literal_text(inline) == f"{text} [1]"
    html = MD.render(f"- {md(text)} [1]\n")
    for tag in ("<script", "<a ", "<img", "<em>", "<strong>", "<code>", "<s>", "<h1", "<h2",
                "<blockquote", "<hr", "<table", "<b>"):
        assert tag not in html, (tag, html)


@pytest.mark.parametrize("text", ["# Heading-like title", "<script>x</script>", "*x*", "> quoted"])
def test_md_filter_at_the_start_of_a_line(text: str) -> None:
    """Titles and headings are written at the start of a line, where more is markup."""
    tokens = MD.parse(md(text) + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert literal_text(tokens[1]) == text
    heading = MD.parse(f"## {md(text)}\n")
    assert [t.type for t in heading][:2] == ["heading_open", "inline"]
    assert literal_text(heading[1]) == text


def test_md_filter_joins_lines() -> None:
    assert "\n" not in md("one\n# two")
    tokens = MD.parse(f"- {md('one' + chr(10) + '# two')}\n")
    assert not any(t.type == "heading_open" for t in tokens)


def test_md_filter_leaves_plain_text_alone() -> None:
    text = "Kyiv’s “peace plan” was rejected on Friday, officials said (again)."
    assert md(text) == text


@pytest.mark.parametrize("text", ["1.5 million people fled.", "1. not a list", "2) not a list"])
def test_md_filter_leading_number(text: str) -> None:
    assert literal_text(one_bullet_inline(text)) == f"{text} [1]"


def test_md_filter_keeps_entities_literal() -> None:
    text = "Profits &amp; losses &copy; 2024"
    assert literal_text(one_bullet_inline(text)) == f"{text} [1]"


def test_cite() -> None:
    assert cite((1,)) == "[1]"
    assert cite((1, 3, 4)) == "[1, 3, 4]"
    assert cite(()) == ""


def test_a_point_hundreds_of_sources_report_cites_a_few_and_counts_the_rest() -> None:
    """A point 485 of 500 articles report would spend 485 words on its citation; it lists five
    and says how many more, and the budget counts what is shown."""
    from briefing.model import citation_words

    assert cite(tuple(range(1, 7))) == "[1, 2, 3, 4, 5, 6]"
    assert cite(tuple(range(1, 486))) == "[1, 2, 3, 4, 5, … and 480 more]"
    assert citation_words(tuple(range(1, 486))) == len(cite(tuple(range(1, 486))).split())
    assert citation_words((1, 3, 4)) == len(cite((1, 3, 4)).split())


def test_a_point_cites_the_sources_of_its_own_words_first() -> None:
    """A quotation or figure only source 2 carries is cited to it first; the sources that
    report the same event in other words follow "also"."""
    from briefing.model import citation_words

    assert cite((1, 2, 3), (2,)) == "[2; also 1, 3]"
    assert cite((1, 2, 3), (1, 2, 3)) == "[1, 2, 3]"
    assert cite((1, 2, 3), ()) == "[1, 2, 3]"
    many = tuple(range(1, 12))
    assert cite(many, (9,)) == "[9; also 1, 2, 3, 4, … and 6 more]"
    for numbers, wording in (((1, 2, 3), (2,)), (many, (9,)), (many, (1, 2, 3, 4, 5, 6, 7))):
        assert citation_words(numbers, wording) == len(cite(numbers, wording).split()), (numbers, wording)


# --- a small briefing, rendered -----------------------------------------------------------------

def tiny_briefing(point_text: str = "Plain point.", path: str = "a.txt") -> Briefing:
    point = Point(text=point_text, sources=(1,), sentences=((1, 0),))
    return Briefing(
        title="Harbour *strike*", subject="Talks and <b>positions</b>", method="lexrank", model="m",
        sections=(
            Section(key="takeaways", title="Key takeaways", points=(point,)),
            Section(key="positions", title="Positions", subsections=(
                Section(key="positions.union", title="Union", note="No stance attributed."),
            )),
            Section(key="sources", title="Sources"),
        ),
        sources=(Source(number=1, path=path, title="Untitled opening words", title_is_derived=True),),
    )


def test_escaping_inside_a_whole_briefing() -> None:
    text = render_markdown(tiny_briefing("<script>alert(1)</script> [x](javascript:y) *z*"))
    html = MD.render(text)
    assert "<script" not in html and "<a " not in html and "<em>z" not in html
    assert "<h1>Harbour *strike*</h1>" in html
    assert [t.tag for t in MD.parse(text) if t.type == "heading_open"] == ["h1", "h2", "h2", "h3", "h2"]


def test_note_and_derived_title() -> None:
    text = render_markdown(tiny_briefing())
    assert "*No stance attributed.*" in text
    assert "1. Untitled: “Untitled opening words” — `a.txt`" in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text


def test_a_source_no_point_cites_is_marked() -> None:
    base = tiny_briefing()
    two = replace(base, sources=(*base.sources, Source(number=2, path="b.txt", title="Second")))
    text = render_markdown(two)
    assert "1. Untitled: “Untitled opening words” — `a.txt`\n" in text
    assert "2. Second — `b.txt` — *no point cites it*\n" in text
    assert json.loads(render_json(two))["uncited"] == [2]


def test_file_name_with_backtick_stays_one_code_span() -> None:
    html = MD.render(render_markdown(tiny_briefing(path="odd`name.txt")))
    assert "<code>odd`name.txt</code>" in html


@pytest.mark.parametrize("url", [
    "https://example.com/news/story",
    "https://example.com/a_b*c_/x?y=1&z=[2]",
    "https://example.com/(parens)/x",
    "https://example.com/<angle>`tick`",
])
def test_link_filter_makes_one_link_to_the_address(url: str) -> None:
    tokens = MD.parseInline(link(url))[0].children
    assert [t.type for t in tokens][0] == "link_open" and tokens[-1].type == "link_close"
    href = tokens[0].attrs["href"]
    assert unquote(href) == url  # the parser percent-encodes what a URL may not hold raw
    assert "".join(t.content for t in tokens[1:-1]) == url


def dated_briefing() -> Briefing:
    old = Point(text="Talks were planned.", sources=(2,), sentences=((2, 0),), older="2025-11-03")
    event = Point(text="The cabinet met on Friday.", sources=(1,), sentences=((1, 0),), when="2026-03-13")
    return Briefing(
        title="T", subject="S", method="lexrank", model="m", older_before="2026-02-11",
        sections=(Section(key="timeline", title="Timeline", points=(event,)),
                  Section(key="positions", title="Positions", points=(old,)),
                  Section(key="sources", title="Sources")),
        sources=(Source(1, "wire.docx", "Cabinet backs deal", outlet="Wire & Co", date="2026-03-13",
                        url="https://wire.example/a_b"),
                 Source(2, "old.txt", "Talks planned", date="2025-11-03"),
                 Source(3, "notes.md", "Notes", outlet="Desk")),
    )


def test_dates_older_points_and_timeline_in_markdown() -> None:
    text = render_markdown(dated_briefing())
    assert ("Sources dated 2025-11-03 to 2026-03-13, 1 undated. Points reported only before 2026-02-11 "
            "are marked as older.") in text
    assert "- **2026-03-13** — The cabinet met on Friday. [1]" in text
    assert "- Talks were planned. *(older: 2025-11-03)* [2]" in text
    assert ("1. Cabinet backs deal — Wire \\& Co, 2026-03-13 — "
            "[https://wire.example/a\\_b](<https://wire.example/a_b>) — `wire.docx`") in text
    assert "2. Talks planned — 2025-11-03 — `old.txt`" in text
    assert "3. Notes — Desk — `notes.md`" in text


def days_briefing() -> Briefing:
    """A story told over several days: a point last reported on an earlier day shows it."""
    offer = Point(text="The offer remains on the table.", sources=(1,), sentences=((1, 0),), reported="2026-03-07")
    event = Point(text="The union voted on Monday.", sources=(1,), sentences=((1, 1),), when="2026-03-02",
                  reported="2026-03-07")
    deal = Point(text="A deal was reached.", sources=(2,), sentences=((2, 0),))
    stake = Point(text="the union's 4 percent demand", sources=(1,), sentences=((1, 2),), figure="4 percent",
                  reported="2026-03-07")
    return Briefing(
        title="T", subject="S", method="lexrank", model="m",
        sections=(Section(key="talks", title="Talks", points=(deal, offer)),
                  Section(key="timeline", title="Timeline", points=(event,)),
                  Section(key="figures", title="Key figures", points=(stake,), kind="figures")),
        sources=(Source(1, "a.txt", "Offer stands", date="2026-03-07"),
                 Source(2, "b.txt", "Deal", date="2026-03-10")))


def test_a_point_of_an_earlier_day_shows_its_day() -> None:
    from briefing.render.docx import render_docx
    from helpers import docx_paragraphs

    text = render_markdown(days_briefing())
    assert "Sources dated 2026-03-07 to 2026-03-10. A point last reported before 2026-03-10 shows that day." in text
    assert "- The offer remains on the table. *(reported 2026-03-07)* [1]" in text
    assert "- A deal was reached. [2]" in text
    assert "- **2026-03-02** — The union voted on Monday. [1]" in text  # a timeline entry has its day
    paras = docx_paragraphs(render_docx(days_briefing()))
    assert ("List Bullet", "The offer remains on the table. (reported 2026-03-07) [1] (1 of 2 sources)") in paras
    assert ("List Bullet", "2026-03-02 — The union voted on Monday. [1] (1 of 2 sources)") in paras
    # A key figure too: the union's demand of Saturday may not be Tuesday's.
    assert "| 4 percent | the union's 4 percent demand *(reported 2026-03-07)* | [1] |" in text
    from docx import Document
    import io

    cells = [c.text for t in Document(io.BytesIO(render_docx(days_briefing()))).tables for r in t.rows for c in r.cells]
    assert "the union's 4 percent demand (reported 2026-03-07)" in cells


def test_undated_sources_are_said_to_be_undated() -> None:
    text = render_markdown(tiny_briefing())
    assert "Source dates are unknown: newer and older reporting are not told apart." in text


def test_dates_older_points_and_timeline_in_docx() -> None:
    from briefing.render.docx import render_docx
    from helpers import docx_paragraphs

    paras = docx_paragraphs(render_docx(dated_briefing()))
    assert ("List Bullet", "2026-03-13 — The cabinet met on Friday. [1] (1 of 3 sources)") in paras
    assert ("List Bullet", "Talks were planned. (older: 2025-11-03) [2] (1 of 3 sources)") in paras
    assert ("List Number", "Cabinet backs deal — Wire & Co, 2026-03-13 — https://wire.example/a_b — wire.docx") in paras
    assert any(t.startswith("Sources dated 2025-11-03 to 2026-03-13") for _, t in paras)


# --- user templates -------------------------------------------------------------------------------

def test_user_template_extends_the_default(tmp_path: Path, briefing) -> None:
    (tmp_path / "briefing.md.j2").write_text(
        '{% extends "default/briefing.md.j2" %}\n'
        "{% block header %}\n# {{ briefing.title | md }} (for the minister)\n\nDraft only.\n{% endblock %}\n",
        encoding="utf-8")
    text = render_markdown(briefing, tmp_path)
    assert text.startswith("# Russia–Ukraine peace talks (for the minister)\n\nDraft only.\n")
    assert "Every point cites its sources by number" not in text  # the replaced block is gone
    default = render_markdown(briefing)
    # Everything after the header is the default template's.
    assert text[text.index("## Key takeaways"):] == default[default.index("## Key takeaways"):]


def test_user_template_through_the_pipeline(tmp_path: Path, briefing) -> None:
    from briefing.pipeline import render

    (tmp_path / "briefing.md.j2").write_text("Only {{ briefing.sources | length }} sources.\n",
                                             encoding="utf-8")
    assert render(briefing, ("md",), tmp_path)["briefing.md"] == b"Only 5 sources.\n"


def test_folder_without_the_template_falls_back_to_default(tmp_path: Path, briefing) -> None:
    assert render_markdown(briefing, tmp_path) == render_markdown(briefing)


def test_missing_templates_folder(tmp_path: Path, briefing) -> None:
    with pytest.raises(ConfigError, match="templates folder not found"):
        render_markdown(briefing, tmp_path / "nope")


def test_template_syntax_error_names_the_line(tmp_path: Path, briefing) -> None:
    (tmp_path / "briefing.md.j2").write_text("fine\n{% if %}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 2"):
        render_markdown(briefing, tmp_path)


def test_template_typo_fails_loudly(tmp_path: Path, briefing) -> None:
    (tmp_path / "briefing.md.j2").write_text("{{ briefing.titel }}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="titel"):
        render_markdown(briefing, tmp_path)


def test_template_is_sandboxed(tmp_path: Path, briefing) -> None:
    (tmp_path / "briefing.md.j2").write_text("{{ briefing.__class__.__mro__ }}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unsafe"):
        render_markdown(briefing, tmp_path)


# --- the seeds briefing's Markdown structure -------------------------------------------------------

def headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MD.parse(markdown)
    return [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_markdown_structure(markdown: str, briefing) -> None:
    found = headings(markdown)
    assert [text for tag, text in found if tag == "h1"] == [briefing.title]
    assert found[0] == ("h1", briefing.title)
    assert [text for tag, text in found if tag == "h2"] == [s.title for s in briefing.sections]
    positions = next(s for s in briefing.sections if s.key == "positions")
    questions = next(s for s in briefing.sections if s.key == "open_questions")
    h3 = [text for tag, text in found if tag == "h3"]
    assert h3 == [s.title for s in positions.subsections] + [s.title for s in questions.subsections]
    assert h3[:4] == ["Ukraine", "Russia", "United States", "Europe"]
    assert {tag for tag, _ in found} == {"h1", "h2", "h3"}


def test_markdown_lists(markdown: str, briefing) -> None:
    tokens = MD.parse(markdown)
    items = [tokens[i + 2] for i, t in enumerate(tokens)
             if t.type == "list_item_open" and tokens[i + 1].type == "paragraph_open"]
    points = [p for s in briefing.sections if s.kind != "figures" for sub in (s, *s.subsections)
              for p in sub.points]
    # Bullets hold the points as written (escapes resolved), then the numbered Sources list follows.
    assert len(items) == len(points) + len(briefing.sources)
    for inline, point in zip(items, points):
        if point.versus:
            assert literal_text(inline) == (f"{point.label}: “{point.text}” {cite(point.sources)} — whereas "
                                            f"{point.versus_label}: “{point.versus}” {cite(point.versus_sources)}")
        else:
            total = len(briefing.sources)
            assert literal_text(inline) == f"{point.text} {cite(point.sources)} ({len(point.sources)} of {total} sources)"
    for inline, source in zip(items[len(points):], briefing.sources):
        mark = " — *no point cites it*" if source.number in briefing.uncited else ""
        assert inline.content.endswith(f"`{source.path}`{mark}")
    assert sum(t.type == "ordered_list_open" for t in tokens) == 1
    assert sum(t.type == "bullet_list_open" for t in tokens) == sum(
        1 for s in briefing.sections if s.kind != "figures" for sub in (s, *s.subsections) if sub.points)
    assert sum(t.type == "table_open" for t in MarkdownIt("commonmark").enable("table").parse(markdown)) == 1


def test_another_sources_count_is_told_after_the_point_in_markdown_and_docx() -> None:
    from briefing.render.docx import render_docx
    from helpers import docx_paragraphs

    point = Point(text="Police detained 12 people.", sources=(1,), sentences=((1, 0),),
                  disputed="detained nine people", disputed_sources=(2,))
    briefing = replace(tiny_briefing(), sections=(Section(key="military", title="Enforcement", points=(point,)),
                                                  Section(key="sources", title="Sources")),
                       sources=(Source(1, "a.txt", "A"), Source(2, "b.txt", "B")))
    text = render_markdown(briefing)
    assert "- Police detained 12 people. [1] (1 of 2 sources) — *other count:* “detained nine people” [2]\n" in text
    assert ("List Bullet", "Police detained 12 people. [1] (1 of 2 sources) — other count: “detained nine people” [2]") \
        in docx_paragraphs(render_docx(briefing))
    # The reader's word count holds the other count too.
    assert briefing.sections[0].cost > replace(briefing.sections[0], points=(replace(point, disputed=None),)).cost


def test_a_claim_borne_out_later_is_marked_in_the_docx_too() -> None:
    from briefing.render.docx import render_docx
    from helpers import docx_paragraphs

    pair = Point(text="A deal was reached.", sources=(1,), sentences=((1, 0), (2, 0)), versus="There is no deal.",
                 versus_sources=(2,), borne_out=(1, 3))
    briefing = replace(tiny_briefing(), sections=(Section(key="differ", title="Where sources differ", points=(pair,)),
                                                  Section(key="sources", title="Sources")),
                       sources=(Source(1, "a.txt", "A"), Source(2, "b.txt", "B"), Source(3, "c.txt", "C")))
    assert ("List Bullet", "“A deal was reached.” [1] — whereas “There is no deal.” [2] — [1] borne out by [3]") \
        in docx_paragraphs(render_docx(briefing))
