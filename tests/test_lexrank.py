"""LexRank computed here ranks exactly as sumy's LexRankSummarizer given the same stems."""

from __future__ import annotations

import math

import pytest

from briefing.lexrank import lexrank
from briefing.stem import stem
from briefing.summarize import rank, sumy_rank

# Words where other Porter2 implementations part ways with NLTK's (and so with sumy's).
TRICKY = ("added", "adding", "evening", "international", "emergency", "interfered", "erred",
          "biologists", "baptizer", "generously", "communism", "arsenal", "skies", "dying",
          "proceeded", "yelling", "sayings", "Russia’s", "'quoted'", "don’t", "ukraine's", "ab")


def test_stems_are_english_snowball() -> None:
    expected = {"negotiations": "negoti", "Running": "run", "added": "add", "generously": "generous",
                "skies": "sky", "dying": "die", "ceasefire": "ceasefir", "territories": "territori"}
    assert {w: stem(w) for w in expected} == expected
    assert all(stem(w) for w in TRICKY)


def _sumy(sentences: list) -> list[float]:
    return sumy_rank(sentences, "lexrank", "english")


def _order(scores: list[float]) -> list[int]:
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def test_dense_scores_are_sumys_to_the_bit(seed_sentences: list) -> None:
    # Small briefings must not change: the dense path repeats sumy's arithmetic.
    ours = lexrank([s.words or ("_",) for s in seed_sentences])
    assert ours == _sumy(seed_sentences)


@pytest.mark.parametrize("part", [slice(0, 40), slice(40, 140), slice(None)])
def test_sparse_ranking_matches_sumy(seed_sentences: list, part: slice) -> None:
    sentences = seed_sentences[part]
    theirs = _sumy(sentences)
    ours = lexrank([s.words or ("_",) for s in sentences], dense_max=0)
    assert _order(ours)[:10] == _order(theirs)[:10]
    assert max(abs(a - b) for a, b in zip(ours, theirs)) < 1e-9


def test_sentences_sharing_nothing_have_no_preference() -> None:
    # sumy divides zero by zero here; rank() reads that as "no preference", 0 for all.
    words = [("the", "of"), ("and", "a"), ("it", "is")]
    assert all(math.isnan(x) for x in lexrank(words))
    assert all(math.isnan(x) for x in lexrank(words, dense_max=0))


def test_rank_uses_sumy_for_other_methods(seed_sentences: list) -> None:
    sentences = seed_sentences[:30]
    assert rank(sentences, "luhn", "english") == sumy_rank(sentences, "luhn", "english")
    assert rank(sentences, "lexrank", "english") == _sumy(sentences)
