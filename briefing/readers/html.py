"""Saved web pages: trafilatura finds the article among navigation, banners, related links and
footers, and reads title, site name, date and address from the page's metadata."""

from __future__ import annotations

from pathlib import Path

from ..dates import to_iso
from .base import Meta, RawArticle, Unreadable
from .meta import web_url

# Elements of trafilatura's output tree that hold text, and those of them that are headings.
_BLOCKS = ("head", "p", "item", "quote", "code")


def read_html(path: Path) -> RawArticle:
    import trafilatura

    data = path.read_bytes()
    # Precision over recall: a briefing is better missing a paragraph than quoting a menu.
    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      favor_precision=True)
    if doc is None or doc.body is None:
        raise Unreadable("no article text found in the page")
    lines: list[str] = []
    headings: set[int] = set()
    for element in doc.body.iter(*_BLOCKS):
        if element.tag == "p" and element.getparent() is not None and element.getparent().tag in _BLOCKS:
            continue  # a paragraph inside a quote or list item is read with its parent
        text = " ".join("".join(element.itertext()).split())
        if not text:
            continue
        if element.tag == "head":
            headings.add(len(lines))
        lines.append(text)
    if not lines:
        raise Unreadable("no article text found in the page")
    meta = Meta(title=doc.title or None, outlet=doc.sitename or None, url=web_url(doc.url),
                date=to_iso(doc.date), author=doc.author or None)
    return RawArticle(path=path, lines=tuple(lines), headings=frozenset(headings), meta=meta)
