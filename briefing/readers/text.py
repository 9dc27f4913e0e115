"""Plain text: one line per line; metadata can come only from sources.toml."""

from __future__ import annotations

from pathlib import Path

from .base import RawArticle, read_text_bytes, split_lines


def read_text(path: Path) -> RawArticle:
    return RawArticle(path=path, lines=tuple(split_lines(read_text_bytes(path))))
