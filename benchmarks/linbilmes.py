"""Coverage plus diversity, after Lin & Bilmes (2011), as a comparison system for the
summarizer benchmark.

F(S) = sum_i min(C_i(S), alpha * C_i(V)) + lam * sum_k sqrt(sum_{j in S, j in P_k} r_j):
how well the chosen sentences S cover every sentence i of the cluster (tf-idf cosine
similarity, capped so that one topic cannot soak up the budget), plus a reward for drawing
from many clusters P_k of sentences (r_j: sentence j's mean similarity to the rest).
Maximised with the cost-scaled greedy of Lin & Bilmes (2010). Settings are the paper's
for DUC 2004 where it gives them (lam = 6, K = 0.2 N, cost exponent 0.3); alpha = a / N
with a = 5. It is not the briefing's summarizer: it is measured here to show whether
its objective would do better on this data than the concept ILP.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from briefing.concepts import tokens
from briefing.multidoc import Candidate, eligible

A, LAMBDA, CLUSTER_SHARE, COST_EXPONENT = 5.0, 6.0, 0.2, 0.3


def _tfidf(cands: Sequence[Candidate]) -> np.ndarray:
    """Unit-length tf-idf rows of stemmed content words, idf over the cluster's sentences."""
    bags = [Counter(s for s, stop in tokens(c.unit.words) if not stop) for c in cands]
    vocab = {w: k for k, w in enumerate(sorted({w for bag in bags for w in bag}))}
    df = Counter(w for bag in bags for w in bag)
    x = np.zeros((len(bags), max(1, len(vocab))))
    for i, bag in enumerate(bags):
        for w, n in bag.items():
            x[i, vocab[w]] = n * math.log(len(bags) / df[w])
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms == 0, 1, norms)


def _clusters(x: np.ndarray, k: int, rounds: int = 20) -> np.ndarray:
    """Spherical k-means, seeded farthest-first from the first sentence so that the result
    does not depend on a random draw."""
    seeds = [0]
    dist = 1 - x @ x[0]
    while len(seeds) < k:
        far = int(np.argmax(dist))
        seeds.append(far)
        dist = np.minimum(dist, 1 - x @ x[far])
    centres = x[seeds].copy()
    labels = np.zeros(len(x), dtype=int)
    for _ in range(rounds):
        labels = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[labels == c]
            if len(members):
                total = members.sum(axis=0)
                centres[c] = total / (np.linalg.norm(total) or 1)
    return labels


def summarize(cands: Sequence[Candidate], words: int) -> list[str]:
    """Whole sentences within `words`, in reading order."""
    if not cands:
        return []
    n = len(cands)
    x = _tfidf(cands)
    sim = x @ x.T
    cap = (A / n) * sim.sum(axis=1)
    labels = _clusters(x, max(1, round(CLUSTER_SHARE * n)))
    reward = sim.mean(axis=0)
    pool = [j for j, c in enumerate(cands) if eligible(c)] or list(range(n))

    def value(cover: np.ndarray, parts: Counter[int]) -> float:
        return float(np.minimum(cover, cap).sum()) + LAMBDA * sum(math.sqrt(v) for v in parts.values())

    chosen: list[int] = []
    cover = np.zeros(n)
    parts: Counter[int] = Counter()
    current = 0.0

    def best(room: float) -> int:
        """The sentence of best gain per scaled cost among those no longer than `room`."""
        top, top_gain = -1, -math.inf
        for j in pool:
            if j in chosen or cands[j].unit.length > room:
                continue
            trial = parts.copy()
            trial[labels[j]] += reward[j]
            gain = (value(cover + sim[:, j], trial) - current) / cands[j].unit.length ** COST_EXPONENT
            if gain > top_gain:
                top, top_gain = j, gain
        return top

    used = 0
    while (j := best(words - used)) >= 0:
        chosen.append(j)
        cover = cover + sim[:, j]
        parts[labels[j]] += reward[j]
        current = value(cover, parts)
        used += cands[j].unit.length
    out = [cands[j].text for j in sorted(chosen)]
    # Like every system here, it may fill the budget with the start of one more sentence.
    if used < words and (j := best(math.inf)) >= 0:
        out.append(" ".join(cands[j].text.split()[:words - used]))
    return out
