"""Quotation marks: whether a text opens with a quote or is nothing but one; who speaks it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Sentence

QUOTES = "\"“”'‘’"


def opens_with_quote(text: str) -> bool:
    return bool(text) and text[0] in QUOTES


def bare_quote(text: str) -> bool:
    """Quoted from end to end, so that whose words they are is in another sentence.
    '“We're closer,” Trump said. “But...”' opens and ends with a quote too, and names its
    speaker between them."""
    text = text.strip()
    if not text or text[0] not in QUOTES or text[-1] not in QUOTES:
        return False
    # A double quote mark inside ends the first quote; a single one can't be told from an
    # apostrophe ("We’re"), so a text in single quotes counts as bare.
    return text[0] in "'‘’" or not any(q in text[1:-1] for q in ('"', "”"))


def closes_a_quote(text: str) -> bool:
    """A closing quotation mark with no opening one before it: the text is the tail of a
    quotation that began in the sentence before ("...technology. We are against being
    thrown away by it," the union leader said)."""
    curly_open, curly_close = text.count("“"), text.count("”")
    if curly_open or curly_close:
        return curly_close > curly_open
    return text.count('"') % 2 == 1 and not text.startswith('"')


def opens_a_quote(text: str) -> bool:
    """An opening quotation mark the text does not close: the quotation, and whoever says
    it, go on in the next sentence ("“Stay where you are." then "Do not go out," she said.)."""
    curly_open, curly_close = text.count("“"), text.count("”")
    if curly_open or curly_close:
        return curly_open > curly_close
    return text.count('"') % 2 == 1 and text.startswith('"')


def inside_quotation(text: str, at: int) -> bool:
    """Whether position `at` of the text is inside a quotation, one the text opens or, for
    the tail of a quotation split in two, one the sentence before opened: a speaker's words
    stay theirs."""
    before = text[:at]
    tail = 1 if closes_a_quote(text) else 0
    if "\u201c" in text or "\u201d" in text:
        return before.count("\u201c") - before.count("\u201d") + tail > 0
    return (before.count('"') + tail) % 2 == 1


def reopened(text: str) -> str:
    """A quotation's tail with its opening mark put back, so that the words read as quoted
    on their own: the speaker's words may start a quote anywhere."""
    return ("“" if "”" in text else '"') + text


def named_speaker(before: Sentence, speaker: str | None, synonyms: Mapping[str, str]) -> str | None:
    """The person named in `before` who speaks for `speaker` (a party key): "Zelensky" in
    "Zelensky said Ukraine has accepted most of the framework"; None when none is named."""
    if speaker is None:
        return None
    for e in before.entities:
        if e.label == "PERSON" and synonyms.get(e.text.split()[-1].lower()) == f"party:{speaker}":
            return e.text
    return None
