"""Classify: route each sentence to the sections whose cues it carries, from config alone."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .config import Config, SectionConfig
from .model import Sentence


@lru_cache(maxsize=64)
def _phrases(cues: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.split()) for c in cues)


def _contains(seq: tuple[str, ...], vocabulary: frozenset[str], phrase: tuple[str, ...]) -> bool:
    if phrase[0] not in vocabulary:
        return False
    n = len(phrase)
    return n == 1 or any(seq[i:i + n] == phrase for i in range(len(seq) - n + 1))


def cue_hits(sentence: Sentence, section: SectionConfig) -> int:
    """How many of a section's cues the sentence carries, as a lemma or as written."""
    return count_cues(sentence, section.cues)


def count_cues(sentence: Sentence, cues: tuple[str, ...]) -> int:
    """How many of `cues` (lower case, a phrase's words separated by spaces) the sentence
    carries, as lemmas or as written."""
    lowered = tuple(w.lower() for w in sentence.words)
    lemma_set, word_set = frozenset(sentence.lemmas), frozenset(lowered)
    return sum(1 for phrase in _phrases(cues)
               if _contains(sentence.lemmas, lemma_set, phrase) or _contains(lowered, word_set, phrase))


def is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip("\"”’' ").endswith("?")


def route(sentence: Sentence, config: Config) -> tuple[str, ...]:
    """Every section the sentence fits, best first; empty when it fits none (background)."""
    scores: dict[str, float] = {}
    for section in config.sections:
        if section.kind == "cues":
            hits = cue_hits(sentence, section)
            if hits:
                scores[section.key] = hits
        elif section.kind == "questions":
            hits = cue_hits(sentence, section) + (2 if is_question(sentence) else 0)
            if hits:
                # Uncertainty is what makes the sentence worth reading here; rank it first.
                scores[section.key] = 100 + hits
        elif section.kind == "parties" and sentence.speaker is not None:
            scores[section.key] = 50 if sentence.stance else 0.5
    order = {s.key: i for i, s in enumerate(config.sections)}
    return tuple(sorted(scores, key=lambda k: (-scores[k], order[k])))


def _with_actor(sentence: Sentence, config: Config) -> Sentence:
    """A party's act outside the excluded sections (diplomacy, policy) is that party's stance too."""
    if sentence.speaker is not None or sentence.actor is None:
        return sentence
    excluded = [s for s in config.sections if s.key in config.actor_excluded_sections]
    if any(cue_hits(sentence, s) for s in excluded):
        return sentence
    return replace(sentence, speaker=sentence.actor)


def classify(sentences: list[Sentence], config: Config) -> list[Sentence]:
    out = []
    for s in sentences:
        s = _with_actor(s, config)
        out.append(replace(s, sections=route(s, config)))
    return out
