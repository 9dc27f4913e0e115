"""Small helpers the test modules share (tests/ is on sys.path under pytest's default import mode)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from briefing.config import SectionConfig
from briefing.model import Briefing, Figure, Point, Section, Sentence

# A point's bullet: its text, the sources cited, and how many of all the sources those are.
BULLET = re.compile(r"^- (?P<text>.*) \[(?P<cites>\d+(?:, \d+)*)\]"
                    r"(?: \((?P<count>\d+) of (?P<total>\d+) sources\))?$")
WHEREAS = " — whereas "


def all_sections(briefing: Briefing) -> Iterator[Section]:
    for section in briefing.sections:
        yield section
        yield from section.subsections


def all_points(briefing: Briefing) -> list[Point]:
    """Every sentence point; the key-figures table's rows are excerpts, not points, and
    "Where sources differ" holds pairs of claims (see `differ_points`)."""
    return [p for s in all_sections(briefing) if s.kind != "figures" for p in s.points if not p.versus]


def differ_points(briefing: Briefing) -> list[Point]:
    return [p for s in all_sections(briefing) for p in s.points if p.versus]


def normalise_ws(text: str) -> str:
    return " ".join(text.split())


def md_unescape(text: str) -> str:
    """Undo the `md` filter's backslash escapes (a backslash before ASCII punctuation)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def md_blocks(markdown: str) -> list[tuple[str, list[str]]]:
    """The `## ` sections of a Markdown briefing: (title, lines under it)."""
    out: list[tuple[str, list[str]]] = []
    for line in markdown.splitlines():
        if line.startswith("## "):
            out.append((line[3:], []))
        elif out:
            out[-1][1].append(line)
    return out


def md_bullets(markdown: str) -> list[tuple[str, tuple[int, ...]]]:
    """Every cited bullet point of the Markdown: (unescaped text, cited source numbers)."""
    out = []
    for line in markdown.splitlines():
        m = BULLET.match(line)
        if m and WHEREAS not in line:
            cites = tuple(int(n) for n in m["cites"].split(", "))
            assert m["count"] is None or int(m["count"]) == len(cites), line
            out.append((md_unescape(m["text"]), cites))
    return out


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph of a DOCX, in order."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    return [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]


def analyse_texts(texts: list[str], config) -> list:
    """Each text as the one paragraph of an article of its own, analysed."""
    from briefing.analyse import analyse
    from briefing.model import Article, Block, Source

    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)), blocks=(Block(0, t, "body"),))
                for n, t in enumerate(texts, start=1)]
    return analyse(articles, config)[0]


def figures_section(max_points: int = 5, max_words: int = 100) -> SectionConfig:
    return SectionConfig(key="figures", kind="figures", title="Key figures", cues=(), min_points=0,
                         max_points=max_points, max_words=max_words)


def with_figures(text: str, source: int, *figures: tuple[str, str, str], index: int = 0) -> Sentence:
    """A sentence of `source` giving `figures`, each (value, kind, what it measures)."""
    return Sentence(text=text, source=source, paragraph=0, index=index,
                    figures=tuple(Figure(value, kind, context) for value, kind, context in figures))
