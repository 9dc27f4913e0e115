"""DOCX through python-docx, starting from a reference document whose styles a user can restyle."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, fields, replace
from datetime import datetime, timezone
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..model import DISPUTED_LABEL, Briefing, Point, Section, Source
from .markdown import cite, support
from .styles import (BRIEFING_NOTE, CITATION, SUBTITLE, TABLE, TITLE, find_reference,
                     has_style, open_reference)
from .wordml import add_contents, add_hyperlink, update_fields_on_open

# XML 1.0 forbids these; python-docx raises on them, so they never reach the document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

UNCITED = "no point cites it"  # as the Markdown template says it
NOTE_AUTHOR = "briefing"  # comment author when the configuration names none
# The overview opens the leading point, which the party's list gives whole right below:
# enough words to tell the stance apart, not so many that the table reads it twice.
_TABLE_POINT_WORDS = 14


@dataclass(frozen=True)
class DocxOptions:
    """How the DOCX is made, beyond the briefing itself."""

    reference: Path | None = None  # --reference-docx; else reference.docx in `templates`, else shipped
    templates: Path | None = None
    author: str = ""  # core property and comment author
    comments: bool = True  # a Word comment on each point naming its sources
    created: datetime | None = None  # build time when None


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


_PROPERTY_MAX = 255  # python-docx refuses longer core properties (title, subject, keywords)


def _fit(text: str, sep: str = "") -> str:
    """`text` cut to what a core property holds: at the last `sep` that fits, else with an ellipsis."""
    if len(text) <= _PROPERTY_MAX:
        return text
    cut = text[:_PROPERTY_MAX]
    if sep and sep in cut:
        return cut[:cut.rindex(sep)]
    return cut[:_PROPERTY_MAX - 1] + "…"


def _safe(briefing: Briefing) -> Briefing:
    """The briefing with every string cleared of characters a DOCX cannot hold."""
    def section(s: Section) -> Section:
        return replace(s, title=xml_safe(s.title), note=xml_safe(s.note),
                       points=tuple(replace(p, text=xml_safe(p.text), figure=xml_safe(p.figure or "") or None,
                                            versus=xml_safe(p.versus or "") or None,
                                            disputed=xml_safe(p.disputed or "") or None,
                                            label=xml_safe(p.label or "") or None,
                                            versus_label=xml_safe(p.versus_label or "") or None)
                                    for p in s.points),
                       subsections=tuple(section(x) for x in s.subsections))
    return replace(briefing, title=xml_safe(briefing.title), subject=xml_safe(briefing.subject),
                   sections=tuple(section(s) for s in briefing.sections),
                   sources=tuple(replace(s, **{f.name: xml_safe(getattr(s, f.name)) for f in fields(s)
                                               if isinstance(getattr(s, f.name), str)})
                                 for s in briefing.sources))


def _source_line(source: Source) -> str:
    title = f"Untitled: “{source.title}”" if source.title_is_derived else source.title
    where = ", ".join(x for x in (source.outlet, getattr(source, "date", None)) if x)
    return f"{title} — {where}" if where else title


def _comment_text(point: Point, sources: dict[int, Source]) -> str:
    lines = [f"[{n}] {_source_line(sources[n])}" for n in point.sources if n in sources]
    return ("Source: " if len(lines) == 1 else "Sources: ") + "; ".join(lines)


class _Writer:
    """Adds the briefing to a document, one section at a time."""

    def __init__(self, doc: DocumentObject, briefing: Briefing, options: DocxOptions) -> None:
        self._ids: dict[str, str] = {}
        self.doc = doc
        self.briefing = briefing
        self.options = options
        self.sources = {s.number: s for s in briefing.sources}

    # python-docx scans every style of the document each time a style is given by name
    # (~7 ms): over the Sources list of thousands of articles that took tens of seconds.
    # Looking each style's id up once writes the same XML.
    def _style_id(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self.doc.styles[name].style_id
        return self._ids[name]

    def para(self, text: str = "", style: str | None = None) -> Paragraph:
        para = self.doc.add_paragraph(text)
        if style:
            para._p.get_or_add_pPr().style = self._style_id(style)
        return para

    def run(self, para: Paragraph, text: str, style: str | None = None) -> Run:
        run = para.add_run(text)
        if style:
            run._r.get_or_add_rPr().style = self._style_id(style)
        return run

    def versus(self, point: Point) -> None:
        """Where sources differ: one source's words against the other's, each cited."""
        para = self.para(style="List Bullet")
        if point.label:
            para.add_run(f"{point.label}: ").bold = True
        para.add_run(f"“{point.text}”")
        self.run(para, f" {cite(point.sources)}", CITATION)
        para.add_run(" — whereas ")
        if point.versus_label:
            para.add_run(f"{point.versus_label}: ").bold = True
        para.add_run(f"“{point.versus}”")
        self.run(para, f" {cite(point.versus_sources)}", CITATION)
        if point.borne_out:
            para.add_run(" — ")
            self.run(para, cite(point.borne_out[:1]), CITATION)
            para.add_run(" borne out by ").italic = True
            self.run(para, cite(point.borne_out[1:]), CITATION)

    def points(self, section: Section) -> None:
        for point in section.points:
            if point.versus:
                self.versus(point)
                continue
            para = self.para(style="List Bullet")
            if point.new:
                para.add_run("New: ").bold = True
            if point.when:
                para.add_run(f"{point.when} — ").bold = True
            text = para.add_run(point.text)
            if point.older:
                para.add_run(f" (older: {point.older})").italic = True
            elif point.reported and not point.when:
                para.add_run(f" (reported {point.reported})").italic = True
            if point.sources:
                marker = self.run(para, f" {cite(point.sources, point.wording)}{support(point.sources, len(self.sources))}",
                                  CITATION)
                if self.options.comments:
                    self.doc.add_comment([text, marker], _comment_text(point, self.sources),
                                         author=self.options.author or NOTE_AUTHOR,
                                         initials=(self.options.author or NOTE_AUTHOR)[:1].upper())
            if point.disputed:
                para.add_run(f" — {DISPUTED_LABEL}: ").italic = True
                para.add_run(f"“{point.disputed}”")
                self.run(para, f" {cite(point.disputed_sources)}", CITATION)
        if not section.points and section.note:
            self.para(section.note, BRIEFING_NOTE)

    def table(self, labels: tuple[str, ...], rows: list[tuple[list[str], tuple[int, ...]]],
              widths: tuple[Cm, ...], centred: int | None = None) -> None:
        """A real Word table in the table style; each row's last cell ends with its citation."""
        table = self.doc.add_table(rows=1, cols=len(labels))
        table.style = self.doc.styles[TABLE]
        for cell, label in zip(table.rows[0].cells, labels):
            cell.text = label
        for values, sources in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values):
                cell.text = value
            cells[-1].paragraphs[0].add_run((" " if values[-1] else "") + cite(sources), style=CITATION)
        # Both the grid and every cell carry the widths: Word reads the cells, LibreOffice the grid.
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width
            if centred is not None:
                row.cells[centred].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def overview(self, section: Section) -> None:
        """Party → number of points, the opening of the leading one, and every source the
        party's points cite, as a real table."""
        rows = []
        for sub in (s for s in section.subsections if s.points):
            words = sub.points[0].text.split()
            lead = " ".join(words[:_TABLE_POINT_WORDS]) + (" …" if len(words) > _TABLE_POINT_WORDS else "")
            cited = tuple(sorted({n for p in sub.points for n in p.sources}))
            rows.append(([sub.title, str(len(sub.points)), lead, ""], cited))
        if rows:
            self.table(("Party", "Points", "Leading point", "Sources"), rows,
                       (Cm(3.0), Cm(1.5), Cm(9.6), Cm(2.5)), centred=1)

    def figures(self, section: Section) -> None:
        """Key figures: the number, what it measures, its source."""
        rows = [([("New: " if p.new else "") + (p.figure or ""),
                  p.text + (f" (reported {p.reported})" if p.reported else ""), ""], p.sources)
                for p in section.points]
        self.table(("Figure", "What it measures", "Source"), rows, (Cm(3.4), Cm(11.2), Cm(2.0)))

    def sources_list(self) -> None:
        uncited = self.briefing.uncited
        for source in self.briefing.sources:
            para = self.para(style="List Number")
            para.add_run(_source_line(source))
            if source.url:
                para.add_run(" — ")
                add_hyperlink(para, source.url, source.url)
            self.run(para, f" — {source.path}", CITATION)
            if source.number in uncited:
                para.add_run(" — ")
                para.add_run(UNCITED).italic = True

    def header(self) -> None:
        b = self.briefing
        self.doc.add_paragraph(b.title, style=TITLE)
        self.doc.add_paragraph(b.subject, style=SUBTITLE)
        count = len(b.sources)
        self.doc.add_paragraph(f"Built from {count} source{'s' if count != 1 else ''} ({b.words} words). "
                               "Every point cites its sources by number; see Sources.")
        self.doc.add_paragraph(b.dating)
        entries = []
        for s in b.sections:
            entries.append((1, s.title))
            entries.extend((2, sub.title) for sub in s.subsections)
        if has_style(self.doc, "TOC Heading"):
            self.doc.add_paragraph("Contents", style="TOC Heading")
        add_contents(self.doc, entries)

    def body(self) -> None:
        for section in self.briefing.sections:
            self.doc.add_heading(section.title, level=1)
            if section.key == "changes":
                self.doc.add_paragraph(section.note)
                if section.points:
                    self.doc.add_paragraph("No longer in the briefing:")
                    # Dropped points are not the briefing's points: no citations, no comments.
                    for point in section.points:
                        self.para(point.text, "List Bullet")
                continue
            if section.key == "sources":
                self.sources_list()
                continue
            if section.kind == "figures" and section.points:
                self.figures(section)
                continue
            self.points(section)
            if section.kind == "parties":
                self.overview(section)
            for sub in section.subsections:
                self.doc.add_heading(sub.title, level=2)
                self.points(sub)


def _properties(doc: DocumentObject, briefing: Briefing, options: DocxOptions) -> None:
    props = doc.core_properties
    now = options.created or datetime.now(timezone.utc)
    props.title = _fit(briefing.title)
    props.subject = _fit(briefing.subject)
    # Hundreds of articles can give dozens of other parties: keep the first that fit.
    props.keywords = _fit(", ".join(p.title for s in briefing.sections for p in s.subsections), ", ")
    props.author = props.last_modified_by = options.author
    props.category = "Briefing"
    props.created = props.modified = now
    props.revision = 1
    dates = sorted(d for d in (getattr(s, "date", None) for s in briefing.sources) if d)
    newest = f"newest source dated {dates[-1]}" if dates else "source dates unknown"
    props.comments = (f"Built from {len(briefing.sources)} sources with {briefing.method} and "
                      f"{briefing.model}; {newest}.")


def build_document(briefing: Briefing, options: DocxOptions | None = None) -> DocumentObject:
    """The briefing as a python-docx Document, before saving (the edit merge works on it)."""
    options = options or DocxOptions()
    briefing = _safe(briefing)
    doc = open_reference(find_reference(options.reference, options.templates))
    _properties(doc, briefing, options)
    update_fields_on_open(doc)
    writer = _Writer(doc, briefing, options)
    writer.header()
    writer.body()
    return doc


def save(doc: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render_docx(briefing: Briefing, created: datetime | None = None, *,
                options: DocxOptions | None = None) -> bytes:
    options = options or DocxOptions()
    if created is not None:
        options = replace(options, created=created)
    return save(build_document(briefing, options))
