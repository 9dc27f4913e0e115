"""Plain text: one line per line (hard-wrapped paragraphs joined); metadata only from sources.toml."""

from __future__ import annotations

from pathlib import Path

from .base import RawArticle, read_text_bytes, unwrap


def read_text(path: Path) -> RawArticle:
    return RawArticle(path=path, lines=tuple(unwrap(read_text_bytes(path))))
