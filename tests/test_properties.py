"""Property-based tests: for any Unicode text, the cleaner and both renderers neither fail nor
let the text change the document's structure."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.clean import clean, normalise
from briefing.config import load_config
from briefing.model import Briefing, Point, Section, Source
from briefing.readers import RawArticle, split_lines
from briefing.render.docx import render_docx
from briefing.render.markdown import render_markdown

CONFIG = load_config()
KINDS = {"title", "heading", "body", "boilerplate", "byline", "caption", "unreadable"}
# Any character, with the ones that mean something to Markdown, Jinja or XML drawn often.
text = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(list("\n\r\t#-+*_`[]<>=|!.)1 {}%&\x00\x0b\x0c\u2028"))),
               max_size=120)
# Line starts that open Markdown blocks, so that every example is likely to try one.
text = st.one_of(text, st.tuples(st.sampled_from(["# ", "## ", "- ", "+ ", "1. ", "2) ", "> ", "===",
                                                  "    ", "<div>", "```", "---", "| a |"]), text).map("".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(text, max_size=12))
def test_cleaner_accepts_any_text(lines: list[str]) -> None:
    from pathlib import Path

    article = clean(RawArticle(path=Path("x.txt"), lines=tuple(split_lines("\n".join(lines)))), 1, CONFIG)
    assert {b.kind for b in article.blocks} <= KINDS
    for block in article.blocks:
        assert block.text == normalise(block.text) and block.text
        assert not any(ord(ch) < 32 for ch in block.text)


points = st.lists(st.builds(Point, text=text, sources=st.just((1,)), sentences=st.just(((1, 0),))),
                  max_size=3)
sections = st.lists(
    st.builds(Section, key=st.sampled_from(["a", "b", "c"]), title=text, points=points,
              subsections=st.lists(st.builds(Section, key=st.just("p"), title=text, points=points,
                                             note=text), max_size=2).map(tuple),
              note=text),
    min_size=1, max_size=4).map(tuple)
briefings = st.builds(
    Briefing, title=text, subject=text, sections=sections,
    sources=st.lists(st.builds(Source, number=st.just(1), path=text, title=text,
                               title_is_derived=st.booleans()), min_size=1, max_size=2).map(tuple),
    method=st.just("lexrank"), model=st.just("m"))


def headings(tokens: list, tag: str) -> int:
    return sum(1 for t in tokens if t.type == "heading_open" and t.tag == tag)


@SETTINGS
@given(briefings)
def test_markdown_keeps_the_heading_structure_of_the_model(briefing: Briefing) -> None:
    tokens = MarkdownIt("commonmark").parse(render_markdown(briefing))
    assert headings(tokens, "h1") == 1
    assert headings(tokens, "h2") == len(briefing.sections)
    assert headings(tokens, "h3") == sum(len(s.subsections) for s in briefing.sections)
    assert headings(tokens, "h4") + headings(tokens, "h5") + headings(tokens, "h6") == 0


@SETTINGS
@given(briefings)
def test_docx_always_opens_with_its_headings(briefing: Briefing) -> None:
    document = docx.Document(io.BytesIO(render_docx(briefing)))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Heading 1") == len(briefing.sections)
    assert styles.count("Heading 2") == sum(len(s.subsections) for s in briefing.sections)
