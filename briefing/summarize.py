"""Rank sentences: LexRank computed as sumy does (lexrank.py), the other methods by sumy itself,
fed with spaCy's words (never NLTK data)."""

from __future__ import annotations

import importlib
import math
from collections.abc import Sequence
from typing import Any

from .errors import ConfigError
from .model import Sentence
from .stem import stem

# name -> (module, class); sumy's own CLI keeps the same kind of table.
SUMMARIZERS: dict[str, tuple[str, str]] = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
}


class _SpacyWords:
    """Stands in for sumy's NLTK tokenizer: hands back the words spaCy already found."""

    def __init__(self, words: dict[str, tuple[str, ...]], language: str) -> None:
        self._words = words
        self.language = language

    def to_words(self, text: str) -> tuple[str, ...]:
        return self._words[text]

    def to_sentences(self, text: str) -> tuple[str, ...]:
        raise NotImplementedError("sentences come from spaCy")


def _summarizer(method: str, language: str) -> Any:
    if method not in SUMMARIZERS:
        raise ConfigError(f"unknown method '{method}': choose one of {', '.join(SUMMARIZERS)}")
    from sumy.utils import get_stop_words

    module, name = SUMMARIZERS[method]
    # Our stems, not sumy's NLTK ones: every method then sees the words as LexRank does.
    summarizer = getattr(importlib.import_module(module), name)(stem)
    summarizer.stop_words = get_stop_words(language)
    return summarizer


def rank(sentences: Sequence[Sentence], method: str, language: str) -> list[float]:
    """A score per sentence (same order), higher is more central; sumy's own rating."""
    if not sentences:
        return []
    if len(sentences) == 1:
        return [1.0]
    if method == "lexrank" and language == "english":
        from .lexrank import lexrank

        # The same scores as sumy's LexRank, without its quadratic Python loops or the
        # seconds NLTK takes to import.
        ratings = lexrank([s.words or ("_",) for s in sentences], language)
    else:
        ratings = sumy_rank(sentences, method, language)
    return [0.0 if math.isnan(r) else r for r in ratings]


def sumy_rank(sentences: Sequence[Sentence], method: str, language: str) -> list[float]:
    """sumy's rating of every sentence (NaN where sumy divides zero by zero)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    # sumy compares sentences by text, so each gets a unique key; its words are spaCy's.
    keys = [f"{i}\u241f{s.text}" for i, s in enumerate(sentences)]
    words = {k: s.words or ("_",) for k, s in zip(keys, sentences)}
    tokenizer = _SpacyWords(words, language)
    document = ObjectDocumentModel([Paragraph([SumySentence(k, tokenizer) for k in keys])])
    summarizer = _summarizer(method, language)
    ratings: dict[str, float] = {}

    # Every sumy summarizer ends in _get_best_sentences(sentences, count, rating); catching
    # the rating there gives a score for every sentence, not just the top `count`.
    def capture(doc_sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple[()]:
        rate = (lambda s: rating[s]) if isinstance(rating, dict) else (lambda s: rating(s, *args, **kwargs))
        for s in doc_sentences:
            ratings[str(s)] = float(rate(s))
        return ()

    summarizer._get_best_sentences = capture
    # Candidates sharing no word make LexRank divide zero by zero: that means "no
    # preference", not an error worth printing.
    import numpy

    with numpy.errstate(all="ignore"):
        summarizer(document, len(keys))
    return [ratings.get(k, 0.0) for k in keys]
