"""Word documents: paragraphs in order, heading styles as headings, metadata from the
document's core properties."""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path

from .base import Meta, RawArticle, Unreadable
from .meta import web_url

# python-docx stamps these on every file made from its own template; they say nothing about
# the article, so a file that still carries them has no author or date.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=timezone.utc)
_HEADING_STYLES = ("heading", "title", "subtitle")


def read_docx(path: Path) -> RawArticle:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise Unreadable("not a Word (.docx) document") from None
    lines: list[str] = []
    headings: set[int] = set()
    for para in doc.paragraphs:
        style = (para.style.name if para.style is not None else "").lower()
        if style.startswith(_HEADING_STYLES):
            headings.add(len(lines))
        lines.append(para.text)
    props = doc.core_properties
    created = props.created
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    author = props.author if props.author and props.author != _TEMPLATE_AUTHOR else None
    day = created.date().isoformat() if created and created != _TEMPLATE_CREATED else None
    meta = Meta(title=props.title or None, author=author, date=day, url=web_url(props.identifier))
    return RawArticle(path=path, lines=tuple(lines), headings=frozenset(headings), meta=meta)
