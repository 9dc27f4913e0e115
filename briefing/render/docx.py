"""DOCX through python-docx, with real Word styles a user can restyle."""

from __future__ import annotations

import io
import re
from dataclasses import fields, replace
from datetime import datetime, timezone

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..model import Briefing, Section
from .markdown import cite

# XML 1.0 forbids these; python-docx raises on them, so they never reach the document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

CITATION_STYLE = "Citation"
NOTE_STYLE = "Briefing Note"
LINK_STYLE = "Hyperlink"  # Word's own name, so Word and LibreOffice show it as a link


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
    if LINK_STYLE not in [s.name for s in styles]:
        style = styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True


def add_hyperlink(para: Paragraph, url: str, text: str) -> None:
    """A clickable link: python-docx has no API for it, so the w:hyperlink element is built
    over an external relationship of the document part."""
    r_id = para.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), para.part.document.styles[LINK_STYLE].style_id)
    props.append(style)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    hyperlink.append(run)
    para._p.append(hyperlink)  # noqa: SLF001 - the documented way to add raw runs


def _points(doc: DocumentObject, section: Section) -> None:
    for point in section.points:
        para = doc.add_paragraph(style="List Bullet")
        if point.new:
            para.add_run("New: ").bold = True
        if point.when:
            para.add_run(f"{point.when} — ").bold = True
        para.add_run(point.text)
        if point.older:
            para.add_run(f" (older: {point.older})").italic = True
        if point.sources:
            para.add_run(" " + cite(point.sources), style=CITATION_STYLE)
    if not section.points and section.note:
        doc.add_paragraph(section.note, style=NOTE_STYLE)


def _figures_table(doc: DocumentObject, section: Section) -> None:
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Figure", "What it measures", "Source")):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for point in section.points:
        row = table.add_row().cells
        row[0].text = point.figure or ""
        row[1].text = point.text
        row[2].paragraphs[0].add_run(cite(point.sources), style=CITATION_STYLE)


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _safe(briefing: Briefing) -> Briefing:
    """The briefing with every string cleared of characters a DOCX cannot hold."""
    def section(s: Section) -> Section:
        return replace(s, title=xml_safe(s.title), note=xml_safe(s.note),
                       points=tuple(replace(p, text=xml_safe(p.text), figure=xml_safe(p.figure or "") or None)
                                    for p in s.points),
                       subsections=tuple(section(x) for x in s.subsections))
    return replace(briefing, title=xml_safe(briefing.title), subject=xml_safe(briefing.subject),
                   sections=tuple(section(s) for s in briefing.sections),
                   sources=tuple(replace(s, **{f.name: xml_safe(getattr(s, f.name)) for f in fields(s)
                                               if isinstance(getattr(s, f.name), str)})
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
    doc.add_paragraph(briefing.dating)
    for section in briefing.sections:
        doc.add_heading(section.title, level=1)
        if section.key == "changes":
            doc.add_paragraph(section.note)
            if section.points:
                doc.add_paragraph("No longer in the briefing:")
                _points(doc, replace(section, note=""))
            continue
        if section.kind == "figures" and section.points:
            _figures_table(doc, section)
            continue
        if section.key == "sources":
            for source in briefing.sources:
                title = f"Untitled: “{source.title}”" if source.title_is_derived else source.title
                para = doc.add_paragraph(style="List Number")
                para.add_run(title)
                where = ", ".join(x for x in (source.outlet, source.date) if x)
                if where:
                    para.add_run(f" — {where}")
                if source.url:
                    para.add_run(" — ")
                    add_hyperlink(para, source.url, source.url)
                para.add_run(f" — {source.path}", style=CITATION_STYLE)
            continue
        _points(doc, section)
        for sub in section.subsections:
            doc.add_heading(sub.title, level=2)
            _points(doc, sub)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
