"""Shifts: a party's earlier stance that a later source says it has moved from.

"In a shift from its position earlier in the week, the union accepted an increase in the
retirement age" tells the reader that Monday's "The union is demanding ... no change to the
pension age" is no longer the union's position. The later sentence names no opposite of the
earlier one (it accepts an increase, the other demanded no change), so the opposites of
`superseded.reversed_states` do not see it; the source's own words say it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .model import Sentence
from .select import Cluster, _terms

# Words by which a source says a holder moved from its stance, followed within
# `_SHIFT_SPAN` words by the holder's own stance moved from: "a shift from its position", "a
# reversal of its stance", "dropped their demand", "softened its opposition to". Its own: troops
# "shifted positions along the front" moved from nothing they held.
_SHIFTS = frozenset({"shift", "reversal", "reverse", "u-turn", "turnaround", "climbdown", "about-face",
                     "departure", "soften", "abandon", "drop", "change", "retreat"})
_STANDS = frozenset({"position", "stance", "opposition", "objection", "refusal", "demand", "insistence",
                     "policy"})
_OWN = frozenset({"its", "their", "his", "her", "our"})
_SHIFT_SPAN = 4


def _says_it_moved(lemmas: Sequence[str]) -> bool:
    for n, lemma in enumerate(lemmas):
        if lemma in _SHIFTS:
            span = lemmas[n + 1:n + 1 + _SHIFT_SPAN]
            if any(w in _STANDS and span[k - 1] in _OWN for k, w in enumerate(span) if k):
                return True
    return False


def moved_on(s: Sentence, synonyms: Mapping[str, str]) -> frozenset[str]:
    """What a sentence saying its holder moved from a stance tells the new stance about (none
    when it says no such thing): the words its main act is on, its verb, parties and the
    marker aside ("accepted an increase in the retirement age": increase, age, retirement)."""
    if not _says_it_moved(s.lemmas):
        return frozenset()
    return frozenset(synonyms.get(w, w) for w in s.event[1:] if not w.startswith("party:")
                     and w not in _SHIFTS and w not in _STANDS) - {""}


def shifted(clusters: Sequence[Cluster], sentences: Sequence[Sentence], dates: Mapping[int, str],
            synonyms: Mapping[str, str]) -> set[int]:
    """Indices of the clusters telling a party's stance that a source of a later day says the
    party moved from: all its sources dated before that day, the same party, and a word of
    what it was about shared with the new stance ("pension age" and "retirement age": age).
    The story's common words count: a party that moved on the retirement age, in a story
    about it, moved from its Monday demand of "no change to the pension age".
    Only between dated sources: undated, which came later is unknown."""
    if len(set(dates.values())) < 2:
        return set()
    moves: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for s in sentences:
        if s.source in dates and s.holder and (about := moved_on(s, synonyms)):
            moves.setdefault(s.holder, []).append((dates[s.source], about))
    out = set()
    for i, c in enumerate(clusters):
        # What the party said, not what it did or what its history was: its walkout of
        # Wednesday happened, whatever it holds on Thursday.
        holder = c.lead.speaker
        if (not holder or holder not in moves or c.lead.background
                or any(m.source not in dates for m in c.members)):
            continue
        last = max(dates[m.source] for m in c.members)
        words = set(_terms(c.lead, synonyms))
        if any(day > last and words & about for day, about in moves[holder]):
            out.add(i)
    return out
