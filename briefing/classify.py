"""Classify: route each sentence to the sections whose cues it carries, from config alone."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .config import Config, SectionConfig
from .model import Sentence


@lru_cache(maxsize=64)
def _phrases(cues: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.split()) for c in cues)


def _contains(seq: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    if n == 1:
        return phrase[0] in seq
    return any(seq[i:i + n] == phrase for i in range(len(seq) - n + 1))


def cue_hits(sentence: Sentence, section: SectionConfig) -> int:
    """How many of a section's cues the sentence carries, as a lemma or as written."""
    lowered = tuple(w.lower() for w in sentence.words)
    # A phrase can only occur where its first word does: most cues are ruled out by a set lookup.
    present = set(sentence.lemmas) | set(lowered)
    return sum(1 for phrase in _phrases(section.cues)
               if (not phrase or phrase[0] in present) and (_contains(sentence.lemmas, phrase) or _contains(lowered, phrase)))


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


def classify(sentences: list[Sentence], config: Config) -> list[Sentence]:
    return [replace(s, sections=route(s, config)) for s in sentences]
