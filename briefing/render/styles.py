"""The reference document a DOCX briefing starts from: found, opened, checked, emptied."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from ..errors import ConfigError
from ..shipped import template_dir

REFERENCE = "reference.docx"

TITLE, SUBTITLE = "Title", "Subtitle"
CITATION = "Citation"
ANALYST_NOTE = "Analyst Note"
BRIEFING_NOTE = "Briefing Note"
TABLE = "Briefing Table"
LINK = "Hyperlink"

# Every style the renderer applies. A reference document must define them all: Word and
# LibreOffice would silently show a missing one as Normal text, and python-docx fails with a
# KeyError, so the build stops first and names them.
REQUIRED: tuple[tuple[str, WD_STYLE_TYPE], ...] = (
    (TITLE, WD_STYLE_TYPE.PARAGRAPH), (SUBTITLE, WD_STYLE_TYPE.PARAGRAPH),
    ("Heading 1", WD_STYLE_TYPE.PARAGRAPH), ("Heading 2", WD_STYLE_TYPE.PARAGRAPH),
    ("List Bullet", WD_STYLE_TYPE.PARAGRAPH), ("List Number", WD_STYLE_TYPE.PARAGRAPH),
    (BRIEFING_NOTE, WD_STYLE_TYPE.PARAGRAPH), (ANALYST_NOTE, WD_STYLE_TYPE.PARAGRAPH),
    (CITATION, WD_STYLE_TYPE.CHARACTER), (TABLE, WD_STYLE_TYPE.TABLE),
)
# Used when present; Word templates often hold them only as "latent" styles, and the
# briefing reads well without them (links then get direct formatting).
OPTIONAL = ("TOC Heading", "TOC 1", "TOC 2", LINK)

_KIND = {WD_STYLE_TYPE.PARAGRAPH: "paragraph", WD_STYLE_TYPE.CHARACTER: "character",
         WD_STYLE_TYPE.TABLE: "table"}


def find_reference(explicit: Path | None, templates: Path | None) -> Path:
    """`--reference-docx` if given, else reference.docx in `--templates`, else the shipped one."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"reference document not found: {explicit}")
        return explicit
    if templates is not None and (templates / REFERENCE).is_file():
        return templates / REFERENCE
    return template_dir() / REFERENCE


def has_style(doc: DocumentObject, name: str, kind: WD_STYLE_TYPE | None = None) -> bool:
    # python-docx's lookup by name raises KeyError for a missing style and warns on a
    # type mismatch; iterate instead.
    return any(s.name == name and (kind is None or s.type == kind) for s in doc.styles)


def open_reference(path: Path) -> DocumentObject:
    """The reference document with its body emptied: styles, page set-up, header and footer stay."""
    try:
        doc = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ConfigError(f"reference document {path} is not a Word (.docx) file") from None
    missing = [f"'{name}' ({_KIND[kind]})" for name, kind in REQUIRED if not has_style(doc, name, kind)]
    if missing:
        raise ConfigError(
            f"reference document {path} lacks the style{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)}; add {'them' if len(missing) > 1 else 'it'} in Word, or start "
            f"from the shipped templates/{REFERENCE}")
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # the last section's page set-up and header/footer links
            body.remove(child)
    return doc
