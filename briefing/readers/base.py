"""What every reader returns: an article file as lines, with the metadata the file carries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from ..textfile import decode, looks_binary


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


# Only real line ends: str.splitlines() also breaks at vertical tab, form feed and other
# controls that stray into pasted text, which would cut sentences in two.
_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    lines = _LINE_END.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


_CLOSING = tuple('.!?…:;"”’)]')


_WRAP_MAX = 100  # characters: hard-wrapped text is wrapped at a width below this


def unwrap(text: str) -> list[str]:
    """Lines of a text, with paragraphs that were hard-wrapped at a fixed width (as news
    wires and e-mail do) joined back, so that the cleaner does not take each piece of a
    sentence for a heading. A text with a line longer than any wrap leaves a paragraph on
    one line, so none of its lines is a wrapped one: a headline over a byline ("By Jane
    Doe, Staff Reporter") stays a headline."""
    lines = split_lines(text)
    if any(len(line.strip()) > _WRAP_MAX for line in lines):
        return [line.strip() for line in lines if line.strip()]
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
            continue
        if block:
            out.extend([" ".join(block)] if _wrapped(block) else block)
            block = []
    return out


def _wrapped(block: list[str]) -> bool:
    if len(block) < 2:
        return False
    inner = block[:-1]
    # A wrapped line stops near the wrap width, mid-sentence; a title is short.
    open_ended = sum(1 for line in inner if not line.endswith(_CLOSING) and len(line) >= 40)
    return max(len(line) for line in block) <= _WRAP_MAX and open_ended >= 0.5 * len(inner)


def read_text_bytes(path: Path) -> str:
    """The decoded text of a file that should be text; a binary file is left out."""
    data = path.read_bytes()
    if looks_binary(data):
        raise Unreadable("not a text file")
    return decode(data)
