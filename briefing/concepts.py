"""Concepts of a set of news articles: the stemmed word pairs several articles share.

After Gillick & Favre (2009, the ICSI summarizer): a summary is good when it covers the
word pairs that many of the articles repeat, since a fact the sources agree on is the
story's core and a pair said only once is usually a detail. A pair's weight is the number
of articles that contain it, which also makes it a measure of corroboration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .stem import stem

Bigram = tuple[str, str]


@dataclass(frozen=True)
class Unit:
    """One candidate sentence: which article it comes from, where, and its words."""

    doc: int
    position: int  # index of the sentence in its article, 0 for the lead
    words: tuple[str, ...]  # the sentence's words, punctuation left out
    length: int  # words it costs in the summary (whitespace words of its text)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    # Forms spaCy's tokenizer leaves that the list spells differently.
    return frozenset(STOP_WORDS) | {"'s", "’s", "s", "n't", "n’t", "'", "`", "``", "''"}


def _stem(word: str) -> str:
    return stem(word)


def tokens(words: Sequence[str]) -> list[tuple[str, bool]]:
    """(stem, is a stop word) for each word that has a letter or digit."""
    stops = _stop_words()
    out = []
    for w in words:
        low = w.lower()
        if not any(ch.isalnum() for ch in low):
            continue
        out.append((_stem(low), low in stops))
    return out


def bigrams(words: Sequence[str]) -> set[Bigram]:
    """Adjacent stem pairs, leaving out pairs of two stop words ("of the")."""
    toks = tokens(words)
    return {(a, b) for (a, sa), (b, sb) in zip(toks, toks[1:]) if not (sa and sb)}


def min_docs(n_docs: int) -> int:
    """Fewest articles a pair must appear in to count: three among many articles, as
    Gillick & Favre found best on ten-article sets, two among a handful, one for a single
    article (which then counts repetitions instead)."""
    if n_docs >= 8:
        return 3
    return 2 if n_docs >= 2 else 1


def weigh(units: Sequence[Unit], lead_bonus: float = 0.5, lead: int = 3) -> dict[Bigram, float]:
    """Weight of each concept: the number of articles containing it, plus `lead_bonus` for
    each article whose first `lead` sentences contain it (news puts the main facts first)."""
    docs = {u.doc for u in units}
    df: Counter[Bigram] = Counter()
    early: Counter[Bigram] = Counter()
    count: Counter[Bigram] = Counter()
    seen: dict[int, set[Bigram]] = {d: set() for d in docs}
    seen_early: dict[int, set[Bigram]] = {d: set() for d in docs}
    for u in units:
        grams = bigrams(u.words)
        count.update(grams)
        seen[u.doc] |= grams
        if u.position < lead:
            seen_early[u.doc] |= grams
    for d in docs:
        df.update(seen[d])
        early.update(seen_early[d])
    if len(docs) == 1:
        # One article: what it repeats is what it is about.
        return {g: c + lead_bonus * early[g] for g, c in count.items() if c >= 2}
    floor = min_docs(len(docs))
    weights = {g: df[g] + lead_bonus * early[g] for g in df if df[g] >= floor}
    if not weights:  # articles with nothing in common: fall back to what each repeats
        weights = {g: c + lead_bonus * early[g] for g, c in count.items() if c >= 2}
    return weights
