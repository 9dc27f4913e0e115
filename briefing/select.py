"""Select: merge near-duplicates across sources, rank, and fill each section's budget."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Point, Sentence
from .summarize import rank

_LONGEST = 80  # words

# Entity kinds that make a sentence specific: who, where, how much, when.
_SPECIFIC = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "LAW", "MONEY", "PERCENT",
             "QUANTITY", "CARDINAL", "DATE")


@dataclass(frozen=True)
class Cluster:
    """Sentences saying the same thing; the first is the one the briefing quotes."""

    members: tuple[Sentence, ...]
    older: str | None = None  # date of the newest report, when every report is older context

    @property
    def lead(self) -> Sentence:
        return self.members[0]

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({m.source for m in self.members}))

    def point(self) -> Point:
        return Point(text=self.lead.text, sources=self.sources,
                     sentences=tuple(sorted(m.key for m in self.members)), party=self.lead.speaker,
                     older=self.older)

    @property
    def words(self) -> int:
        return len(self.lead.text.split())


Vector = dict[str, float]


def tfidf(sentences: Sequence[Sentence]) -> dict[tuple[int, int], Vector]:
    """Content-word vectors weighted by rarity in this corpus, so that the names every
    article repeats (the story's protagonists) do not make unrelated sentences look alike."""
    df: Counter[str] = Counter()
    for s in sentences:
        df.update(set(s.terms))
    n = len(sentences)
    out = {}
    for s in sentences:
        tf = Counter(s.terms)
        out[s.key] = {t: c * math.log((1 + n) / (1 + df[t])) for t, c in tf.items()}
    return out


def cosine(a: Vector, b: Vector) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _term_order(vectors: Iterable[Vector]) -> dict[str, int]:
    """Every term's rank from rarest to most common (ties by spelling): one order for all."""
    df: Counter[str] = Counter()
    for v in vectors:
        df.update(v.keys())
    return {t: n for n, t in enumerate(sorted(df, key=lambda t: (df[t], t)))}


def _prefix(v: Vector, order: dict[str, int], threshold: float) -> list[str]:
    """The rarest terms of `v`, up to where its remaining terms are too short to reach
    `threshold` by themselves.

    Prefix filtering (Bayardo et al., 2007): with one term order for all vectors, two
    vectors whose cosine reaches the threshold share a term of both prefixes — otherwise
    their shared terms all lie in the rest of one of them, and by Cauchy–Schwarz the cosine
    is below that rest's share of the length. Prefixes hold the rare terms, so an index of
    prefixes finds every near-duplicate while comparing few pairs.
    """
    total = sum(x * x for x in v.values())
    # Slightly below the exact bound, so that rounding can only lengthen a prefix (safe).
    bound = (threshold * (1 - 1e-9)) ** 2 * total
    rest = total
    prefix = []
    for t in sorted(v, key=order.__getitem__):
        if rest < bound:
            break
        prefix.append(t)
        rest -= v[t] * v[t]
    return prefix if total > 0 else []


def cluster(sentences: Sequence[Sentence], threshold: float,
            vectors: dict[tuple[int, int], Vector] | None = None) -> list[Cluster]:
    """Greedy single pass in reading order: a sentence joins the first cluster it matches
    (same text, or cosine with the cluster's lead at least `threshold`, 0 < threshold ≤ 1).

    Only sentences of different sources merge: a fact one article repeats is still one source.
    Leads are found through an index of their prefixes (see `_prefix`) rather than by trying
    every cluster, which gives the same clusters without comparing all pairs.
    """
    vectors = vectors if vectors is not None else tfidf(sentences)
    order = _term_order(vectors[s.key] for s in sentences)
    groups: list[list[Sentence]] = []
    sources: list[set[int]] = []
    by_text: dict[str, list[int]] = {}
    by_term: dict[str, list[int]] = {}
    for s in sentences:
        v = vectors[s.key]
        prefix = _prefix(v, order, threshold)
        candidates = set(by_text.get(s.text, ()))
        for t in prefix:
            candidates.update(by_term.get(t, ()))
        for g in sorted(candidates):  # the earliest cluster first, as a scan of all would find
            if s.source in sources[g]:
                continue
            lead = groups[g][0]
            if s.text == lead.text or cosine(v, vectors[lead.key]) >= threshold:
                groups[g].append(s)
                sources[g].add(s.source)
                break
        else:
            g = len(groups)
            groups.append([s])
            sources.append({s.source})
            by_text.setdefault(s.text, []).append(g)
            for t in prefix:
                by_term.setdefault(t, []).append(g)
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
        out[i] = (0.2 + norm) * corroboration * standalone(c.lead) * specificity(c.lead)
    return out


def standalone(s: Sentence) -> float:
    """How well a sentence reads on its own: 1.0, less for "He added...", a bare quote, a fragment."""
    text = s.text.strip()
    if text[:1] in "\"“'‘" and text[-1:] in "\"”'’":
        return 0.0  # a bare quote: without its speaker it can't be checked or attributed
    if len(s.words) > _LONGEST:
        return 0.0  # a run-on "sentence" (a list, a table flattened to text) is no briefing point
    factor = 0.25 if s.needs_context else 1.0
    if len(s.words) < 8:
        factor *= 0.6
    return factor


def specificity(s: Sentence) -> float:
    """A briefing wants the sentence with names, numbers and dates over the vague one."""
    kinds = [e.label for e in s.entities if e.label in _SPECIFIC]
    numbers = sum(1 for k in kinds if k in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"))
    return 1 + 0.1 * min(4, len(set(e.text for e in s.entities))) + 0.15 * min(2, numbers)


def pick(candidates: Iterable[int], clusters: Sequence[Cluster], score: dict[int, float], *,
         max_points: int, max_words: int, vectors: dict[tuple[int, int], Vector],
         min_points: int = 0, diversity: float = 1.0, against: Sequence[int] = ()) -> list[int]:
    """Best first while the budget lasts; skips a point too close to one already picked."""
    chosen: list[int] = []
    words = 0
    ordered = sorted(candidates, key=lambda i: (-score.get(i, 0.0), clusters[i].lead.key))
    for i in ordered:
        if len(chosen) >= max_points:
            break
        if score.get(i, 0.0) <= 0.0:
            continue
        cost = clusters[i].words
        if words + cost > max_words and len(chosen) >= min_points:
            continue
        v = vectors[clusters[i].lead.key]
        if any(cosine(v, vectors[clusters[j].lead.key]) >= diversity for j in (*against, *chosen)):
            continue
        chosen.append(i)
        words += cost
    return chosen
