"""Clean: normalise each line and decide what it is (title, heading, body, or junk)."""

from __future__ import annotations

import re
import unicodedata

from .config import Config
from .model import Article, Block, Source
from .readers import RawArticle

_CLOSING = tuple('.!?…:;"”’)]')
# Characters XML (and so DOCX) forbids, and other invisible controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff]")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z.'’-]*$")


def normalise(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    line = _CONTROL.sub("", line)
    return _SPACE.sub(" ", line).strip()


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(p.fullmatch(line) for p in patterns)


def _is_heading_like(line: str, config: Config) -> bool:
    return len(line.split()) <= config.heading_max_words and not line.endswith(_CLOSING)


def _is_name_like(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)


def classify_line(line: str, config: Config, *, declared_heading: bool, seen_body: bool,
                  seen_title: bool, previous: str | None) -> str:
    """The kind of one normalised line, from general rules and the patterns in config."""
    if line == previous:
        return "boilerplate"  # a repeated line (byline twice, ad blocks) says nothing new
    if _matches(config.boilerplate, line):
        return "boilerplate"
    if _matches(config.caption, line):
        return "caption"
    if _matches(config.byline, line) and len(line.split()) <= 12:
        return "byline"
    if not seen_body and seen_title and _is_name_like(line):
        return "byline"
    if declared_heading or _is_heading_like(line, config):
        return "heading" if (seen_body or seen_title) else "title"
    return "body"


def clean(raw: RawArticle, number: int, config: Config) -> Article:
    blocks: list[Block] = []
    previous: str | None = None
    seen_body = seen_title = False
    for i, original in enumerate(raw.lines):
        line = normalise(original)
        if not line:
            continue
        kind = classify_line(line, config, declared_heading=i in raw.headings,
                             seen_body=seen_body, seen_title=seen_title, previous=previous)
        seen_body |= kind == "body"
        seen_title |= kind == "title"
        blocks.append(Block(index=len(blocks), text=line, kind=kind))
        previous = line
    meta = raw.meta
    title = meta.title or next((b.text for b in blocks if b.kind == "title"), None)
    source = Source(number=number, path=raw.path.name, title=title or _derived_title(blocks, raw),
                    title_is_derived=title is None, outlet=meta.outlet, url=meta.url,
                    date=meta.date, author=meta.author)
    return Article(source=source, blocks=tuple(blocks))


def _derived_title(blocks: list[Block], raw: RawArticle) -> str:
    """An untitled article is named by the opening words of its first body line."""
    body = next((b.text for b in blocks if b.kind == "body"), "")
    words = body.split()
    if not words:
        return raw.path.stem
    head = " ".join(words[:10])
    return head + ("…" if len(words) > 10 else "")
