"""WordprocessingML python-docx has no API for: hyperlinks, the contents field, settings."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from .styles import LINK, has_style

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'

# Elements that come after w:updateFields in w:settings (ECMA-376 order); Word refuses a
# settings part whose children are out of order.
_AFTER_UPDATE_FIELDS = {qn(f"w:{n}") for n in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")} | {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr",
    "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}schemaLibrary"}


def _run(text: str, style_id: str | None = None) -> OxmlElement:
    run = OxmlElement("w:r")
    if style_id:
        props = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), style_id)
        props.append(style)
        run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    return run


def add_hyperlink(para: Paragraph, url: str, text: str) -> None:
    """A clickable link: a w:hyperlink over an external relationship of the document part."""
    r_id = para.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), r_id)
    document = para.part.document
    if has_style(document, LINK):
        run = _run(text, document.styles[LINK].style_id)
    else:  # a corporate template without Word's Hyperlink style: look like a link anyway
        run = _run(text)
        props = OxmlElement("w:rPr")
        color = OxmlElement("w:color")
        color.set(qn("w:val"), str(RGBColor(0x05, 0x63, 0xC1)))
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        props.extend([color, underline])
        run.insert(0, props)
    hyperlink.append(run)
    para._p.append(hyperlink)  # noqa: SLF001 - the documented way to add raw content


def _field_char(kind: str) -> OxmlElement:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")  # Word recomputes it (page numbers) when it opens the file
    run.append(char)
    return run


def add_contents(doc: DocumentObject, entries: list[tuple[int, str]]) -> None:
    """A table-of-contents field over Heading 1–2. Its shown result lists the headings without
    page numbers, so the document reads well before any program updates the field; Word
    updates it on opening (see `update_fields_on_open`)."""
    if not entries:
        return
    paras = []
    present = {s.name for s in doc.styles}  # one pass over the styles, not one per entry
    for level, text in entries:
        style = f"TOC {level}"
        if style not in present:
            present.add(style)
            # Word's own names: Word restyles them when it updates the field, and the edit
            # merge knows contents entries by them.
            doc.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH).base_style = doc.styles["Normal"]
        para = doc.add_paragraph(style=style)
        paras.append(para)
        para._p.append(_run(text))  # noqa: SLF001
    first, last = paras[0]._p, paras[-1]._p  # noqa: SLF001
    instruction = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {TOC_INSTRUCTION} "
    instruction.append(instr)
    anchor = first.find(qn("w:r"))
    for element in (_field_char("begin"), instruction, _field_char("separate")):
        anchor.addprevious(element)
    last.append(_field_char("end"))


def update_fields_on_open(doc: DocumentObject) -> None:
    """Ask Word to update fields (the contents) when it opens the file."""
    settings = doc.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    follower = next((c for c in settings if c.tag in _AFTER_UPDATE_FIELDS), None)
    if follower is not None:
        follower.addprevious(flag)
    else:
        settings.append(flag)
