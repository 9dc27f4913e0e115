"""Retold: what an earlier day's article tells that a later day's article tells again.

Tuesday's "Sunland said the vessel would be held pending a court hearing scheduled for
March 12" and Thursday's "The tanker Aurelia Dawn ... remains in Sunlander custody ahead
of a court hearing on March 12" tell one fact in words too unlike to be one point. Shown
under a heading of where things stand, the older one reads as current only because of its
stamp, and it keeps the newer one out as a repeat. The newer one is the state; the older is
context, as an announcement another source reports done is (superseded.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from .select import Cluster, Vector, _terms, says_again

# Words of the story's vocabulary two points must share, its common words and parties aside,
# to be compared at all: a look-up, not a comparison of every pair.
RETOLD_SHARED = 2


def retold_later(ids: Collection[int], clusters: Sequence[Cluster], vectors: Mapping[tuple[int, int], Vector],
                 dates: Mapping[int, str], common: frozenset[str], synonyms: Mapping[str, str],
                 diversity: float) -> set[int]:
    """Of the clusters `ids`, those a cluster of theirs whose every source is dated after
    all of theirs says again (`says_again` at `diversity`, the sections' own test of a
    repeat). Only between dated sources: undated, which came later is unknown."""
    if len(set(dates.values())) < 2:
        return set()
    span: dict[int, tuple[str, str]] = {}
    for i in ids:
        days = [dates.get(m.source) for m in clusters[i].members]
        if all(days):
            span[i] = (min(days), max(days))  # type: ignore[type-var]
    if len({first for first, _ in span.values()}) < 2:
        return set()
    words = {i: {w for w in _terms(clusters[i].lead, synonyms) if w not in common and not w.startswith("party:")}
             for i in span}
    index: dict[str, list[int]] = {}
    for i, ws in words.items():
        for w in ws:
            index.setdefault(w, []).append(i)
    out = set()
    for i, (_, last) in span.items():
        shared = Counter(j for w in words[i] for j in index[w] if span[j][0] > last)
        later = sorted(j for j, k in shared.items() if k >= RETOLD_SHARED)
        if later and says_again(i, later, clusters, vectors, diversity):  # type: ignore[arg-type]
            out.add(i)
    return out
