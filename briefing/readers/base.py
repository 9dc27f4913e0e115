"""What every reader returns: an article file as lines, with the metadata the file carries."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path


class Unreadable(Exception):
    """A file left out of the briefing, with the reason shown to the user as a warning."""


@dataclass(frozen=True)
class Meta:
    """Where and when an article came from; None where the file does not say."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None  # YYYY-MM-DD
    author: str | None = None

    def over(self, base: Meta) -> Meta:
        """These values where set, `base` elsewhere."""
        return replace(base, **{f.name: getattr(self, f.name) for f in fields(self)
                                if getattr(self, f.name) is not None})


@dataclass(frozen=True)
class RawArticle:
    """An article file as lines; `headings` marks lines the format itself declares headings."""

    path: Path
    lines: tuple[str, ...]
    headings: frozenset[int] = frozenset()
    meta: Meta = field(default_factory=Meta)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; text that is not UTF-8 is taken as Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text_bytes(path: Path) -> str:
    """The decoded text of a file that should be text; a binary file is left out."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise Unreadable("not a text file")
    return decode(data)
