"""DOCX through python-docx, with real Word styles a user can restyle."""

from __future__ import annotations

import io
from datetime import datetime, timezone

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

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


class _Writer:
    """Adds paragraphs and runs by style id, each id looked up once.

    Given a style, python-docx scans every style of the document on each call (~7 ms), so a
    briefing of 2,000 sources took tens of seconds to write. The XML is the same.
    """

    def __init__(self, doc: DocumentObject) -> None:
        self.doc = doc
        self._ids: dict[str, str] = {}

    def _id(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self.doc.styles[name].style_id
        return self._ids[name]

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        para = self.doc.add_paragraph(text)
        if style:
            para._p.get_or_add_pPr().style = self._id(style)
        return para

    def run(self, para: Paragraph, text: str, style: str | None = None) -> None:
        run = para.add_run(text)
        if style:
            run._r.get_or_add_rPr().style = self._id(style)


def _points(out: _Writer, section: Section) -> None:
    for point in section.points:
        para = out.paragraph(style="List Bullet")
        out.run(para, point.text)
        out.run(para, " " + cite(point.sources), CITATION_STYLE)
    if not section.points and section.note:
        out.paragraph(section.note, NOTE_STYLE)


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

    out = _Writer(doc)
    out.paragraph(briefing.title, "Title")
    out.paragraph(briefing.subject, "Subtitle")
    count = len(briefing.sources)
    out.paragraph(f"Built from {count} source{'s' if count != 1 else ''} ({briefing.words} words). "
                      "Every point cites its sources by number; see Sources.")
    for section in briefing.sections:
        out.paragraph(section.title, "Heading 1")
        if section.key == "sources":
            for source in briefing.sources:
                title = f"Untitled: “{source.title}”" if source.title_is_derived else source.title
                para = out.paragraph(style="List Number")
                out.run(para, title)
                out.run(para, f" — {source.path}", CITATION_STYLE)
            continue
        _points(out, section)
        for sub in section.subsections:
            out.paragraph(sub.title, "Heading 2")
            _points(out, sub)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
