"""The edit merge for DOCX: a document's paragraphs as blocks, and notes put back in."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

from .edits import ORPHAN_HEADING, Block, Note, Target, normalise
from .errors import OutputConflict
from .render.styles import ANALYST_NOTE, has_style

_HEADING = re.compile(r"heading (\d)$", re.IGNORECASE)
Runs = tuple[tuple[str, bool, bool, bool], ...]  # text, bold, italic, underline


def _level(paragraph: Paragraph) -> int | None:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name.lower() == "title":
        return 0
    match = _HEADING.match(name)
    return int(match.group(1)) if match else None


def _contents(paragraph: Paragraph) -> bool:
    """An entry of the table of contents: Word rewrites these (with page numbers) whenever it
    updates the field, so they are neither the user's words nor a deletion. Told by style
    (Word's TOC 1–9, which LibreOffice keeps), not by the field's extent: a field whose end
    an editor lost would otherwise swallow the rest of the document."""
    name = (paragraph.style.name if paragraph.style is not None else "").lower()
    return name.startswith(("toc ", "contents ")) and name != "toc heading"


def _runs(paragraph: Paragraph) -> Runs:
    out = []
    for item in paragraph.iter_inner_content():
        for run in (item.runs if isinstance(item, Hyperlink) else [item]):
            if run.text:
                out.append((run.text, bool(run.bold), bool(run.italic), bool(run.underline)))
    return tuple(out)


def blocks(doc: DocumentObject) -> list[Block]:
    """The document's body paragraphs with text, outside the contents; table cells are not
    blocks (the tables are regenerated whole)."""
    out = []
    for paragraph in doc.paragraphs:
        text = normalise(paragraph.text)
        if text and not _contents(paragraph):
            out.append(Block(text=text, level=_level(paragraph), raw=(paragraph, _runs(paragraph))))
    return out


def read(data: bytes, name: str) -> DocumentObject:
    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise OutputConflict(f"{name} is no longer a Word file, so your edits cannot be merged; "
                             "move it away, or pass --discard-edits to keep a backup and replace it") from None


def drop(generated: list[Block], ids: set[str]) -> list[Block]:
    """Remove the paragraphs (not headings) the user deleted; the blocks that stay."""
    kept = []
    for block in generated:
        if block.level is None and block.id in ids:
            element = block.raw[0]._p  # noqa: SLF001
            element.getparent().remove(element)
        else:
            kept.append(block)
    return kept


def _paragraph(doc: DocumentObject, block: Block, para: Paragraph | None = None) -> Paragraph:
    """The user's paragraph as an analyst note (a heading they added stays a heading)."""
    para = para or Paragraph(OxmlElement("w:p"), doc._body)  # noqa: SLF001
    heading = f"Heading {block.level}" if block.level else None
    para.style = doc.styles[heading if heading and has_style(doc, heading) else ANALYST_NOTE]
    runs: Runs = block.raw[1] if block.raw else ((block.text, False, False, False),)
    for text, bold, italic, underline in runs:
        run = para.add_run(text)
        run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
    return para


def insert(doc: DocumentObject, generated: list[Block], placed: list[tuple[Target, Note]]) -> None:
    """Put each note where `place` said, in order; notes whose section is gone go at the end."""
    last_after: dict[int, object] = {}
    orphans = []
    for target, note in placed:
        if target.index is None:
            orphans.append(note)
            continue
        anchor = generated[target.index].raw[0]._p  # noqa: SLF001
        for block in note.blocks:
            element = _paragraph(doc, block)._p  # noqa: SLF001
            if target.before:
                anchor.addprevious(element)
            else:
                last_after.get(target.index, anchor).addnext(element)
                last_after[target.index] = element
    if orphans:
        doc.add_heading(ORPHAN_HEADING, level=1)
        for note in orphans:
            for block in note.blocks:
                _paragraph(doc, block, doc.add_paragraph())
