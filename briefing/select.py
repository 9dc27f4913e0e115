"""Select: merge near-duplicates across sources, rank, and fill each section's budget."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Point, Sentence
from .summarize import rank

# Sentences that lean on the one before them read badly alone in a briefing.
_DANGLING = ("he", "she", "they", "it", "this", "these", "those", "but", "and", "so", "still",
             "yet", "however")


@dataclass(frozen=True)
class Cluster:
    """Sentences saying the same thing; the first is the one the briefing quotes."""

    members: tuple[Sentence, ...]

    @property
    def lead(self) -> Sentence:
        return self.members[0]

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({m.source for m in self.members}))

    def point(self) -> Point:
        return Point(text=self.lead.text, sources=self.sources,
                     sentences=tuple(sorted(m.key for m in self.members)), party=self.lead.speaker)

    @property
    def words(self) -> int:
        return len(self.lead.text.split())


def _vector(s: Sentence) -> Counter[str]:
    return Counter(s.terms)


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))


def cluster(sentences: Sequence[Sentence], threshold: float) -> list[Cluster]:
    """Greedy single pass in reading order: a sentence joins the first cluster it matches."""
    groups: list[list[Sentence]] = []
    vectors: list[Counter[str]] = []
    for s in sentences:
        v = _vector(s)
        for group, gv in zip(groups, vectors):
            if s.text == group[0].text or cosine(v, gv) >= threshold:
                group.append(s)
                break
        else:
            groups.append([s])
            vectors.append(v)
    return [Cluster(tuple(g)) for g in groups]


def scores(clusters: Sequence[Cluster], method: str, language: str) -> dict[int, float]:
    """Centrality from sumy, raised for facts several sources report, lowered for dangling openers."""
    raw = rank([c.lead for c in clusters], method, language)
    if not raw:
        return {}
    lo, hi = min(raw), max(raw)
    out = {}
    for i, (c, r) in enumerate(zip(clusters, raw)):
        norm = (r - lo) / (hi - lo) if hi > lo else 1.0
        corroboration = 1 + 0.25 * (len(c.sources) - 1)
        first = c.lead.words[0].lower() if c.lead.words else ""
        dangling = 0.5 if first in _DANGLING or c.lead.text[:1] in "\"“'‘" else 1.0
        out[i] = (0.2 + norm) * corroboration * dangling
    return out


def pick(candidates: Iterable[int], clusters: Sequence[Cluster], score: dict[int, float], *,
         max_points: int, max_words: int, min_points: int = 0,
         diversity: float = 1.0) -> list[int]:
    """Best first while the budget lasts; skips a point too close to one already picked."""
    chosen: list[int] = []
    words = 0
    ordered = sorted(candidates, key=lambda i: (-score.get(i, 0.0), clusters[i].lead.key))
    for i in ordered:
        if len(chosen) >= max_points:
            break
        cost = clusters[i].words
        if words + cost > max_words and len(chosen) >= min_points:
            continue
        v = _vector(clusters[i].lead)
        if any(cosine(v, _vector(clusters[j].lead)) >= diversity for j in chosen):
            continue
        chosen.append(i)
        words += cost
    return chosen
