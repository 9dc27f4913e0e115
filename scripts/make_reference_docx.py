"""Write templates/reference.docx: the styles every DOCX briefing starts from.

The file is generated so that its styles can be reviewed here, as code. Its body shows one
paragraph in each style, so that someone restyling it in Word sees what each style is for;
the renderer keeps only the styles, page set-up, header and footer. Run `make reference-docx`
after changing this script, and commit both.

A corporate template passed with `--reference-docx` needs the styles named in
`briefing.render.styles.REQUIRED`; the simplest way to make one is to open this file in Word,
change the styles, and save it under another name.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

FONT = "Arial"  # on every Windows and Mac; LibreOffice shows the metric-identical Liberation Sans
INK = RGBColor(0x22, 0x22, 0x22)
NAVY = RGBColor(0x1F, 0x38, 0x64)
BLUE = RGBColor(0x2E, 0x55, 0x97)
GREY = RGBColor(0x59, 0x59, 0x59)
RULE = "8EA3C2"  # hex for borders, which python-docx only takes as XML
NOTE_BAR = "C55A11"
NOTE_FILL = "FBF1E6"
TABLE_HEAD = "1F3864"
TABLE_BAND = "EEF2F8"
# Fixed so that running the script twice gives the same file.
EPOCH = datetime(2025, 1, 1, tzinfo=timezone.utc)


def _font(style: BaseStyle, size: float, *, bold: bool | None = None, italic: bool | None = None,
          color: RGBColor | None = INK) -> None:
    font = style.font
    font.name = FONT
    # Without the East Asian and complex-script fonts Word falls back to the theme font there.
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(attr), None)
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    if color is not None:
        font.color.rgb = color


def _spacing(style: BaseStyle, before: float, after: float, line: float | None = None) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line


def _border(style: BaseStyle, side: str, color: str, size: int = 6, space: int = 1) -> None:
    """A rule on one side of every paragraph of the style (Word's pBdr)."""
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    ppr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="{size}" '
                         f'w:space="{space}" w:color="{color}"/></w:pBdr>'))


def _shade(style: BaseStyle, fill: str) -> None:
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _get(doc: DocumentObject, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
    styles = doc.styles
    if name in [s.name for s in styles]:
        return styles[name]
    return styles.add_style(name, kind)


def paragraph_styles(doc: DocumentObject) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    # No colour on Normal: it would override the white header row of the table style.
    _font(normal, 10.5, color=None)
    _spacing(normal, 0, 6, 1.15)

    title = styles["Title"]
    _font(title, 24, bold=True, color=NAVY)
    _spacing(title, 0, 2)
    _border(title, "bottom", RULE, size=12, space=4)

    subtitle = styles["Subtitle"]
    _font(subtitle, 12, italic=True, color=GREY)
    for spaced in subtitle.element.get_or_add_rPr().findall(qn("w:spacing")):
        spaced.getparent().remove(spaced)  # the default Subtitle is letter-spaced
    _spacing(subtitle, 4, 14)

    for level, size, color, before in ((1, 14, NAVY, 18), (2, 12, BLUE, 12), (3, 11, BLUE, 10)):
        heading = styles[f"Heading {level}"]
        _font(heading, size, bold=True, color=color)
        heading.font.italic = False
        _spacing(heading, before, 4)
        heading.paragraph_format.keep_with_next = True
        if level == 1:
            _border(heading, "bottom", RULE, size=4, space=2)

    for name in ("List Bullet", "List Number"):
        _spacing(styles[name], 0, 4, 1.15)

    quote = styles["Quote"]
    _font(quote, 10.5, italic=True, color=GREY)
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.right_indent = Cm(0.8)
    _border(quote, "left", RULE, size=12, space=8)

    # The user's own paragraphs kept through a regeneration: set apart from generated text.
    note = _get(doc, "Analyst Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.quick_style = True
    _font(note, 10.5, color=INK)
    note.paragraph_format.left_indent = Cm(0.4)
    _spacing(note, 4, 8)
    _border(note, "left", NOTE_BAR, size=18, space=6)
    _shade(note, NOTE_FILL)

    # What the briefing says instead of points ("Nothing in the sources").
    said = _get(doc, "Briefing Note", WD_STYLE_TYPE.PARAGRAPH)
    said.base_style = normal
    _font(said, 10.5, italic=True, color=GREY)

    toc_heading = styles["TOC Heading"]
    _font(toc_heading, 11, bold=True, color=NAVY)
    _spacing(toc_heading, 12, 4)
    for level in (1, 2):
        toc = _get(doc, f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        _font(toc, 10, color=INK)
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        _spacing(toc, 0, 1)


def character_styles(doc: DocumentObject) -> None:
    citation = _get(doc, "Citation", WD_STYLE_TYPE.CHARACTER)
    citation.quick_style = True
    citation.font.size = Pt(8.5)
    citation.font.color.rgb = RGBColor(0x6B, 0x72, 0x80)

    link = _get(doc, "Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True


def table_style(doc: DocumentObject) -> None:
    """'Briefing Table': thin rules, a dark header row, banded rows. python-docx cannot set
    table-style formatting, so the w:style element is written out in full."""
    styles = doc.styles.element
    for old in styles.findall(qn("w:style")):
        if old.get(qn("w:styleId")) == "BriefingTable":
            styles.remove(old)
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
    styles.append(parse_xml(f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="BriefingTable">
  <w:name w:val="Briefing Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblStyleRowBandSize w:val="1"/>
    <w:tblBorders>
      <w:top {border}/><w:bottom {border}/><w:insideH {border}/>
    </w:tblBorders>
    <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:tblHeader/></w:trPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{TABLE_HEAD}"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="band2Horz">
    <w:tblPr/>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{TABLE_BAND}"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""))


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A simple field (PAGE, NUMPAGES, TITLE) that Word and LibreOffice fill in when shown."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # noqa: SLF001 - python-docx has no field API


def page_setup(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    # The header repeats the document's title property, so it follows each briefing.
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(header, "TITLE", "Briefing")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    for para in (header, footer):
        for run in para.runs:
            run.font.size = Pt(8)
            run.font.color.rgb = GREY
    for style in (doc.styles["Header"], doc.styles["Footer"]):
        _font(style, 8, color=GREY)


def sample_body(doc: DocumentObject) -> None:
    """One paragraph per style, for whoever restyles the file; the renderer drops the body."""
    doc.add_paragraph("Title of the briefing", style="Title")
    doc.add_paragraph("Subtitle: what the briefing covers", style="Subtitle")
    doc.add_paragraph("Contents", style="TOC Heading")
    doc.add_paragraph("Heading 1 — a section", style="TOC 1")
    doc.add_paragraph("Heading 2 — a party", style="TOC 2")
    doc.add_heading("Heading 1 — a section", level=1)
    para = doc.add_paragraph("Normal text. A point quoted from a source ends with its citation", style="List Bullet")
    para.add_run(" [1, 2]", style="Citation")
    doc.add_paragraph("A second point in List Bullet.", style="List Bullet")
    doc.add_paragraph("Briefing Note: what the briefing says when a section has no points.",
                      style="Briefing Note")
    doc.add_paragraph("Analyst Note: a paragraph you added to an earlier briefing, kept through "
                      "regeneration.", style="Analyst Note")
    doc.add_heading("Heading 2 — a party", level=2)
    doc.add_heading("Heading 3", level=3)
    doc.add_paragraph("Quote: a longer quotation.", style="Quote")
    table = doc.add_table(rows=3, cols=3)
    table.style = doc.styles["Briefing Table"]
    for r, row in enumerate((("Party", "Points", "Leading point"), ("One", "2", "Text"), ("Two", "1", "Text"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_paragraph("A source title — Outlet, 2025-01-01 — https://example.org", style="List Number")


def build() -> bytes:
    doc = Document()
    paragraph_styles(doc)
    character_styles(doc)
    table_style(doc)
    page_setup(doc)
    sample_body(doc)
    props = doc.core_properties
    props.title = "briefing reference document"
    props.subject = "Styles for DOCX briefings"
    props.author = props.last_modified_by = "briefing"
    props.comments = "Made by scripts/make_reference_docx.py; edit the styles, keep their names."
    props.created = props.modified = EPOCH.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same archive with fixed member times, so an unchanged script makes an unchanged file."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "templates" / "reference.docx"
    target.write_bytes(build())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
