"""LexRank as sumy computes it, in time and memory that grow with the edges, not all pairs.

sumy's `LexRankSummarizer` fills an n×n matrix in pure Python: about 20 s at 2,000 sentences
and hours at 50,000. This is the same algorithm with the same definitions — words lower-cased,
sumy's stop words dropped, Snowball stems; tf = count / the sentence's highest count;
idf = log(n / (1 + df)); an edge where the idf-modified cosine exceeds 0.1; rows divided by
their degree; sumy's power iteration stopping at the same epsilon — so the scores are sumy's.

Up to `DENSE_MAX` sentences the matrix is dense and built with numpy exactly as sumy builds
it, so the scores are sumy's to the last bit and small briefings do not change. Above it,
similarities are sparse products over blocks of rows, keeping only the edges.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy

from .stem import stem

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

THRESHOLD = 0.1  # sumy's LexRankSummarizer.threshold
EPSILON = 0.1  # sumy's LexRankSummarizer.epsilon
DENSE_MAX = 1000  # n×n float64 at 1,000 sentences is 8 MB
_BLOCK_PRODUCTS = 4_000_000  # term matches one block of rows may multiply out: bounds its memory


@lru_cache(maxsize=4)
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop-word list, read from its data file without importing sumy's utilities."""
    from importlib.resources import files

    data = files("sumy").joinpath(f"data/stopwords/{language}.txt").read_bytes()
    return frozenset(w.rstrip().lower() for w in data.decode("utf-8").splitlines() if w)


def _terms(words: Sequence[str], stops: frozenset[str]) -> list[str]:
    lowered = (w.lower() for w in words)
    return [stem(w) for w in lowered if w not in stops]


def _weights(sentences: Sequence[Sequence[str]], stops: frozenset[str]
             ) -> tuple[list[dict[int, float]], int]:
    """Per sentence, term id → tf·idf with sumy's definitions; and the vocabulary size."""
    vocab: dict[str, int] = {}
    counts: list[dict[int, int]] = []
    for words in sentences:
        row: dict[int, int] = {}
        for term in _terms(words, stops):
            tid = vocab.setdefault(term, len(vocab))
            row[tid] = row.get(tid, 0) + 1
        counts.append(row)
    df = [0] * len(vocab)
    for row in counts:
        for tid in row:
            df[tid] += 1
    n = len(sentences)
    idf = [math.log(n / (1 + d)) for d in df]
    weights = []
    for row in counts:
        top = max(row.values()) if row else 1
        weights.append({tid: c / top * idf[tid] for tid, c in row.items()})
    return weights, len(vocab)


def _unit_rows(weights: list[dict[int, float]]) -> list[dict[int, float]]:
    """Rows scaled to length 1; a sentence without weight stays empty (cosine 0 with all)."""
    out = []
    for row in weights:
        norm = math.sqrt(sum(v * v for v in row.values()))
        out.append({t: v / norm for t, v in row.items()} if norm > 0 else {})
    return out


def _dense_matrix(rows: list[dict[int, float]], vocab: int) -> numpy.ndarray:
    """sumy's `_create_matrix`: 1 / degree where the cosine exceeds the threshold, else 0."""
    n = len(rows)
    x = numpy.zeros((n, max(vocab, 1)))
    for i, row in enumerate(rows):
        for t, v in row.items():
            x[i, t] = v
    matrix = numpy.where(x @ x.T > THRESHOLD, 1.0, 0.0)
    degrees = matrix.sum(axis=1)
    degrees[degrees == 0] = 1
    # Divided row by row as sumy does, so each entry is the very same float.
    return matrix / degrees[:, None]


def _csr(rows: list[dict[int, float]], vocab: int) -> csr_matrix:
    from scipy.sparse import csr_matrix

    indptr = numpy.zeros(len(rows) + 1, dtype=numpy.int64)
    indptr[1:] = numpy.cumsum([len(r) for r in rows])
    indices = numpy.fromiter((t for r in rows for t in r), dtype=numpy.int32, count=int(indptr[-1]))
    data = numpy.fromiter((v for r in rows for v in r.values()), dtype=numpy.float64, count=int(indptr[-1]))
    return csr_matrix((data, indices, indptr), shape=(len(rows), max(vocab, 1)))


def _blocks(x: csr_matrix) -> Iterator[tuple[int, int]]:
    """Row ranges whose products with every other row stay within a fixed budget of memory."""
    df = numpy.diff(x.tocsc().indptr)
    cost = (x != 0).astype(numpy.int64) @ df  # upper bound of each row's non-zero products
    start, acc = 0, 0
    for i, c in enumerate(cost):
        if acc and acc + c > _BLOCK_PRODUCTS:
            yield start, i
            start, acc = i, 0
        acc += int(c)
    if start < x.shape[0]:
        yield start, x.shape[0]


def _sparse_matrix(rows: list[dict[int, float]], vocab: int) -> csr_matrix:
    """The same matrix as sumy's, holding only its edges."""
    from scipy.sparse import csr_matrix

    x = _csr(rows, vocab)
    xt = x.T.tocsr()
    heads: list[numpy.ndarray] = []
    tails: list[numpy.ndarray] = []
    for start, end in _blocks(x):
        block = (x[start:end] @ xt).tocoo()
        keep = block.data > THRESHOLD
        heads.append(block.row[keep].astype(numpy.int32) + start)
        tails.append(block.col[keep].astype(numpy.int32))
        del block
    n = len(rows)
    row = numpy.concatenate(heads) if heads else numpy.zeros(0, dtype=numpy.int32)
    col = numpy.concatenate(tails) if tails else numpy.zeros(0, dtype=numpy.int32)
    degrees = numpy.bincount(row, minlength=n).astype(numpy.float64)
    degrees[degrees == 0] = 1
    return csr_matrix((1.0 / degrees[row], (row, col)), shape=(n, n))


def _power_method(transposed: numpy.ndarray | csr_matrix, n: int) -> numpy.ndarray:
    """sumy's `power_method`, step for step: same start, normalisation and stopping rule."""
    p_vector = numpy.array([1.0 / n] * n)
    lambda_val = 1.0
    while lambda_val > EPSILON:
        next_p = transposed.dot(p_vector)  # for an ndarray, numpy.dot as sumy calls it
        next_p /= numpy.linalg.norm(next_p)
        lambda_val = numpy.linalg.norm(numpy.subtract(next_p, p_vector))
        p_vector = next_p
    return p_vector


def lexrank(sentences: Sequence[Sequence[str]], language: str = "english",
            dense_max: int = DENSE_MAX) -> list[float]:
    """sumy's LexRank score of each sentence, given its words; NaN where sumy gives NaN.

    Args:
        sentences: the words of each sentence (as spaCy split them).
        language: names sumy's stop-word list; the stemmer is English.
        dense_max: largest input ranked with a dense matrix (tests lower it to check the sparse path).
    """
    n = len(sentences)
    if n == 0:
        return []
    weights, vocab = _weights(sentences, stop_words(language))
    rows = _unit_rows(weights)
    with numpy.errstate(all="ignore"):  # sumy's 0/0 when no sentence has an edge: NaN, as in sumy
        if n <= dense_max:
            scores = _power_method(_dense_matrix(rows, vocab).T, n)
        else:
            scores = _power_method(_sparse_matrix(rows, vocab).T.tocsr(), n)
    return [float(s) for s in scores]
