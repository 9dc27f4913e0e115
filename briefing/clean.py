"""Clean: normalise each line and decide what it is (title, heading, body, or junk)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .config import Config
from .model import Article, Block, Source
from .readers import RawArticle

_CLOSING = tuple('.!?…:;"”’)]')
# Characters XML (and so DOCX) forbids, and other invisible controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff]")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z.'’-]*$")
# "WASHINGTON (AP) _ ", "MOSCOW — " or "BEIJING, Oct. 16 (Xinhua) -- ": where and when the
# story was filed, not part of it.
DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*)*(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"
                       r"\s*(?:\([A-Za-z .-]+\))?\s*[_—–-]{1,2}\s+(?=\S)")


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
    if not (seen_body or seen_title) and not line.endswith(_CLOSING) \
            and len(line.split()) <= _TITLE_STRETCH * config.heading_max_words:
        # An article's first line without a closing mark is its headline, long as some are
        # ("Kestria lifts nurses' pay offer to 5 pct; federation rejects it as strike spreads
        # to 19 hospitals"); a heading further down that long would be a sentence.
        return "title"
    return "body"


_TITLE_STRETCH = 2


_BREAK = re.compile(r"[.!?…;:]+[\"”’)\]]*(?:\s|$)")
# spaCy refuses texts over its max_length (10^6 characters); paragraphs are cut well below.
_CHUNK = 100_000


def longest_run(line: str) -> int:
    """Characters in the longest stretch of the line without a sentence break."""
    starts = [0] + [m.end() for m in _BREAK.finditer(line)]
    ends = [m.start() for m in _BREAK.finditer(line)] + [len(line)]
    return max(e - s for s, e in zip(starts, ends))


def chunks(line: str, size: int = _CHUNK) -> list[str]:
    """A very long paragraph in pieces that end at a sentence break."""
    out = []
    while len(line) > size:
        cut = max((m.end() for m in _BREAK.finditer(line, 0, size)), default=0) or size
        out.append(line[:cut].strip())
        line = line[cut:].strip()
    return out + [line] if line else out


def clean(raw: RawArticle, number: int, config: Config) -> Article:
    blocks: list[Block] = []
    previous: str | None = None
    seen_body = seen_title = False
    body_lines = 0
    for i, original in enumerate(raw.lines):
        line = normalise(original)
        if not line:
            continue
        kind = classify_line(line, config, declared_heading=i in raw.headings,
                             seen_body=seen_body, seen_title=seen_title, previous=previous)
        if kind == "body" and longest_run(line) > config.max_sentence_chars:
            kind = "unreadable"  # a dump of text without sentences: no point can come from it
        if kind == "body" and body_lines < 2:
            # The first paragraph, or the one after a standfirst, says where it was filed.
            line = DATELINE.sub("", line)
        body_lines += kind == "body"
        seen_body |= kind == "body"
        seen_title |= kind == "title"
        for piece in chunks(line) if kind == "body" else [line]:
            blocks.append(Block(index=len(blocks), text=piece, kind=kind))
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


def in_language(article: Article, config: Config) -> bool:
    """Whether enough of the article's words are common words of the configured language."""
    words = re.findall(r"\w+", " ".join(b.text for b in article.body).lower())
    if len(words) < 20:
        return True  # too short to tell; keep it
    share = sum(1 for w in words if w in config.language_words) / len(words)
    return share >= config.min_language_share


def screen(articles: list[Article], config: Config) -> tuple[list[Article], list[str]]:
    """Articles the briefing can use, and a note on each one left out or trimmed."""
    kept: list[Article] = []
    notes: list[str] = []
    seen: dict[str, str] = {}
    for article in articles:
        name = article.source.path
        body = "\n".join(b.text for b in article.body)
        unreadable = sum(1 for b in article.blocks if b.kind == "unreadable")
        if unreadable:
            notes.append(f"{name}: {unreadable} line{'s' if unreadable > 1 else ''} without sentence breaks left out")
        if not body:
            notes.append(f"{name} left out: no article text (only headings or boilerplate)")
        elif body in seen:
            notes.append(f"{name} left out: same text as {seen[body]}")
        elif not in_language(article, config):
            notes.append(f"{name} left out: does not read as the briefing's language")
        else:
            seen[body] = name
            kept.append(article)
    # Citation numbers follow the articles actually used, in file-name order.
    return [replace(a, source=replace(a.source, number=n)) for n, a in enumerate(kept, start=1)], notes
