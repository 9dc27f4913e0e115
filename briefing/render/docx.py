"""DOCX through python-docx, with real Word styles a user can restyle."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime, timezone

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

from ..model import Briefing, Section
from .markdown import cite

# XML 1.0 forbids these; python-docx raises on them, so they never reach the document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

CITATION_STYLE = "Citation"
NOTE_STYLE = "Briefing Note"


def _styles(doc: DocumentObject) -> None:
    styles = doc.styles
    if CITATION_STYLE not in [s.name for s in styles]:
        style = styles.add_style(CITATION_STYLE, WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        style.font.size = Pt(9)
    if NOTE_STYLE not in [s.name for s in styles]:
        style = styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.italic = True
        style.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _points(doc: DocumentObject, section: Section) -> None:
    for point in section.points:
        para = doc.add_paragraph(style="List Bullet")
        if point.new:
            para.add_run("New: ").bold = True
        para.add_run(point.text)
        if point.sources:
            para.add_run(" " + cite(point.sources), style=CITATION_STYLE)
    if not section.points and section.note:
        doc.add_paragraph(section.note, style=NOTE_STYLE)


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _safe(briefing: Briefing) -> Briefing:
    """The briefing with every string cleared of characters a DOCX cannot hold."""
    def section(s: Section) -> Section:
        return replace(s, title=xml_safe(s.title), note=xml_safe(s.note),
                       points=tuple(replace(p, text=xml_safe(p.text)) for p in s.points),
                       subsections=tuple(section(x) for x in s.subsections))
    return replace(briefing, title=xml_safe(briefing.title), subject=xml_safe(briefing.subject),
                   sections=tuple(section(s) for s in briefing.sections),
                   sources=tuple(replace(s, title=xml_safe(s.title), path=xml_safe(s.path))
                                 for s in briefing.sources))


def render_docx(briefing: Briefing, created: datetime | None = None) -> bytes:
    briefing = _safe(briefing)
    doc = Document()
    _styles(doc)
    props = doc.core_properties
    props.title = briefing.title
    props.subject = briefing.subject
    props.keywords = ", ".join(p.title for s in briefing.sections for p in s.subsections)
    props.created = created or datetime.now(timezone.utc)
    props.comments = f"Built from {len(briefing.sources)} sources with {briefing.method} and {briefing.model}."

    doc.add_paragraph(briefing.title, style="Title")
    doc.add_paragraph(briefing.subject, style="Subtitle")
    count = len(briefing.sources)
    doc.add_paragraph(f"Built from {count} source{'s' if count != 1 else ''} ({briefing.words} words). "
                      "Every point cites its sources by number; see Sources.")
    for section in briefing.sections:
        doc.add_heading(section.title, level=1)
        if section.key == "changes":
            doc.add_paragraph(section.note)
            if section.points:
                doc.add_paragraph("No longer in the briefing:")
                _points(doc, replace(section, note=""))
            continue
        if section.key == "sources":
            for source in briefing.sources:
                title = f"Untitled: “{source.title}”" if source.title_is_derived else source.title
                para = doc.add_paragraph(style="List Number")
                para.add_run(title)
                para.add_run(f" — {source.path}", style=CITATION_STYLE)
            continue
        _points(doc, section)
        for sub in section.subsections:
            doc.add_heading(sub.title, level=2)
            _points(doc, sub)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
