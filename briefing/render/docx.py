"""DOCX through python-docx, with real Word styles a user can restyle."""

from __future__ import annotations

import io
from datetime import datetime, timezone

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

from ..model import Briefing, Section
from .markdown import cite

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
        para.add_run(point.text)
        para.add_run(" " + cite(point.sources), style=CITATION_STYLE)
    if not section.points and section.note:
        doc.add_paragraph(section.note, style=NOTE_STYLE)


_PROPERTY_MAX = 255  # python-docx refuses longer core properties (title, subject, keywords)


def _fit(text: str, sep: str = "") -> str:
    """`text` cut to what a core property holds: at the last `sep` that fits, else with an ellipsis."""
    if len(text) <= _PROPERTY_MAX:
        return text
    cut = text[:_PROPERTY_MAX]
    if sep and sep in cut:
        return cut[:cut.rindex(sep)]
    return cut[:_PROPERTY_MAX - 1] + "…"


def render_docx(briefing: Briefing, created: datetime | None = None) -> bytes:
    doc = Document()
    _styles(doc)
    props = doc.core_properties
    props.title = _fit(briefing.title)
    props.subject = _fit(briefing.subject)
    # Hundreds of articles can give dozens of other parties: keep the first that fit.
    props.keywords = _fit(", ".join(p.title for s in briefing.sections for p in s.subsections), ", ")
    props.created = created or datetime.now(timezone.utc)
    props.comments = f"Built from {len(briefing.sources)} sources with {briefing.method} and {briefing.model}."

    doc.add_paragraph(briefing.title, style="Title")
    doc.add_paragraph(briefing.subject, style="Subtitle")
    count = len(briefing.sources)
    doc.add_paragraph(f"Built from {count} source{'s' if count != 1 else ''} ({briefing.words} words). "
                      "Every point cites its sources by number; see Sources.")
    for section in briefing.sections:
        doc.add_heading(section.title, level=1)
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
