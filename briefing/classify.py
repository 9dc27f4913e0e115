"""Classify: route each sentence to the sections it belongs to, from its cues, its speaker
and the sentence before it; every word list and weight comes from config."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .config import OTHER_PARTY, Config, SectionConfig
from .model import Sentence


@lru_cache(maxsize=64)
def _phrases(cues: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The cues as word sequences, by first word: a sentence is tried only on the cues
    that start with one of its words."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for c in cues:
        words = tuple(c.split())
        if words:
            out.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in out.items()}


def _tried(cues: tuple[str, ...], words: frozenset[str]) -> list[tuple[str, ...]]:
    """The cues starting with one of `words`, each once."""
    index = _phrases(cues)
    return [phrase for w in words for phrase in index.get(w, ())]


# A cue in a clause that only sets the scene ("Despite diplomatic efforts, ...") says less
# about what the sentence reports than one in its main clause.
BACKDROP_WEIGHT = 0.5


def _weight(seq: tuple[str, ...], vocabulary: frozenset[str], phrase: tuple[str, ...],
            backdrop: tuple[bool, ...]) -> float:
    """1 when the phrase occurs outside scenery, BACKDROP_WEIGHT when only in it, else 0."""
    if phrase[0] not in vocabulary:
        return 0.0
    n = len(phrase)
    best = 0.0
    for i in range(len(seq) - n + 1):
        if seq[i:i + n] == phrase:
            if len(backdrop) < i + n or not all(backdrop[i:i + n]):
                return 1.0
            best = BACKDROP_WEIGHT
    return best


@dataclass(frozen=True)
class Words:
    """What cue matching reads of a sentence, made once for all the cue lists tried on it."""

    lemmas: tuple[str, ...]
    lowered: tuple[str, ...]
    lemma_set: frozenset[str]
    word_set: frozenset[str]
    either: frozenset[str]

    @classmethod
    def of(cls, sentence: Sentence) -> Words:
        lowered = tuple(w.lower() for w in sentence.words)
        lemma_set, word_set = frozenset(sentence.lemmas), frozenset(lowered)
        return cls(sentence.lemmas, lowered, lemma_set, word_set, lemma_set | word_set)


def cue_hits(sentence: Sentence, section: SectionConfig, words: Words | None = None) -> float:
    """How many of a section's cues the sentence carries, as a lemma or as written; a cue
    found only in a scene-setting clause counts half (`words`: `Words.of(sentence)`)."""
    w = words or Words.of(sentence)
    scene = sentence.backdrop
    # Each cue adds 0, ½ or 1: the sum is the same in any order.
    return sum(max(_weight(w.lemmas, w.lemma_set, phrase, scene),
                   _weight(w.lowered, w.word_set, phrase, scene))
               for phrase in _tried(section.cues, w.either))


def count_cues(sentence: Sentence, cues: tuple[str, ...], words: Words | None = None) -> int:
    """How many of `cues` (lower case, a phrase's words separated by spaces) the sentence
    carries anywhere, as lemmas or as written (`words`: `Words.of(sentence)`)."""
    w = words or Words.of(sentence)
    return sum(1 for phrase in _tried(cues, w.either)
               if _weight(w.lemmas, w.lemma_set, phrase, ()) or _weight(w.lowered, w.word_set, phrase, ()))


def is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip("\"”’' ").endswith("?")


Scored = tuple[dict[str, float], set[str]]


def section_scores(sentence: Sentence, config: Config) -> Scored:
    """(scores of the sections that compete for the sentence, sections it joins outright).

    Cue sections score their cues; the party section scores a stance as `stance_weight`
    cues and a speaker who only reports as `speaker_weight`. Uncertainty (a cue of a
    questions section, or a question mark) does not compete: it makes the sentence an
    open question whatever else it is about.
    """
    scores: dict[str, float] = {}
    joins: set[str] = set()
    words = Words.of(sentence)
    for section in config.sections:
        if section.kind == "cues":
            hits = cue_hits(sentence, section, words)
            if hits:
                scores[section.key] = hits
        elif section.kind == "questions":
            # A whole cue: doubt voiced only in passing ("..., while acknowledging that some
            # issues remain unresolved") does not make the sentence an open question.
            if cue_hits(sentence, section, words) >= 1 or is_question(sentence):
                joins.add(section.key)
        elif section.kind == "parties" and sentence.speaker is not None:
            weight = config.stance_weight if sentence.stance else config.speaker_weight
            if assesses(sentence, config, words):
                target = config.assessment_section
                scores[target] = scores.get(target, 0.0) + weight
            else:
                scores[section.key] = weight
    if config.plan_section and sentence.subject in config.plan_nouns:
        # What the plan would do is the plan's content: its military or economic words say
        # what is on the table, so they count for the plan's section too.
        cues = [k for k in scores if k != config.plan_section and config.section(k).kind == "cues"]
        scores[config.plan_section] = scores.get(config.plan_section, 0.0) + sum(scores[k] for k in cues)
    if config.next_section and not scores and sentence.planned \
            and any(e.label == "DATE" and e.future for e in sentence.entities):
        # "Technical teams are to reconvene in Geneva on March 16": a dated step to come that
        # no section's words claim is what happens next in the story.
        scores[config.next_section] = 1.0
    return scores, joins


def assesses(sentence: Sentence, config: Config, words: Words | None = None) -> bool:
    """The speaker judges how far the talks have come ("We're much closer") without
    demanding, refusing or offering anything: news of the talks, not a stance."""
    return (bool(config.assessment_section) and count_cues(sentence, config.assessment_cues, words) > 0
            and not any(w in config.firm_stance for w in sentence.lemmas))


@dataclass(frozen=True)
class Carried:
    """What a sentence leaves to the next one that goes on about it: its speaker and cue scores."""

    speaker: str | None
    scores: dict[str, float]


def route(sentence: Sentence, config: Config, before: Carried | None = None,
          scored: Scored | None = None) -> tuple[str, ...]:
    """The sections the sentence belongs to, best first; empty when it fits none (background).

    An open question first; then the best-scoring other section, and any other whose score
    is at least `secondary_share` of the best: "Russia dismissed proposals for a ceasefire"
    is a stance that mentions the talks, not news of the talks as well. `before`: what the
    sentence before left, for one that goes on about it ("He added that...") without cues
    of its own. `scored`: its `section_scores`, when already made.
    """
    scores, joins = scored or section_scores(sentence, config)
    if before is not None and _continues(sentence, before) and not _has_cues(scores, config):
        scores = {**before.scores, **scores}
    order = {s.key: i for i, s in enumerate(config.sections)}
    # A stance ties with as many cue words at most: "[Russia's] position clashes with European
    # proposals that support a ceasefire" is where Europe stands before it is news of talks.
    stance = {k for k in scores if sentence.stance and config.section(k).kind == "parties"}
    ranked = sorted(scores, key=lambda k: (-scores[k], k not in stance, order[k]))
    kept = [k for k in ranked if scores[k] >= config.secondary_share * scores[ranked[0]]]
    if sentence.commentary and joins:
        # "The divide highlights the difficulty of...": a comment on what is unresolved is
        # an open question, not news of the talks.
        kept = []
    return tuple(sorted(joins, key=order.__getitem__)) + tuple(kept)


def _continues(sentence: Sentence, before: Carried) -> bool:
    """Leans on the sentence before and, if it has a speaker, the same one: a new speaker
    ("'It's unresolved,' Trump said" after a Kremlin argument) starts a new subject."""
    return sentence.needs_context and sentence.speaker in (None, before.speaker)


def _has_cues(scores: dict[str, float], config: Config) -> bool:
    return any(s.key in scores for s in config.sections if s.kind == "cues")


def _carried(sentence: Sentence, config: Config, before: Carried | None, scores: dict[str, float]) -> Carried:
    """What this sentence leaves to the next: its own cue scores (`scores`: its
    `section_scores`), or those it carried on."""
    cues = {s.key: scores[s.key] for s in config.sections if s.kind == "cues" and s.key in scores}
    if not cues and before is not None and _continues(sentence, before):
        cues = before.scores
    return Carried(sentence.speaker, cues)


def _with_actor(sentence: Sentence, config: Config) -> Sentence:
    """A configured party's act outside the excluded sections (diplomacy, policy) is that
    party's stance too. Not a party the parser found: "Harbour City won the cup" in an
    article about something else would open a subsection of its own."""
    if sentence.speaker is not None or sentence.actor is None or sentence.actor.startswith(OTHER_PARTY):
        return sentence
    excluded = [s for s in config.sections if s.key in config.actor_excluded_sections]
    if any(cue_hits(sentence, s) for s in excluded):
        return sentence
    return replace(sentence, speaker=sentence.actor)


def classify(sentences: list[Sentence], config: Config) -> list[Sentence]:
    out: list[Sentence] = []
    # Per article, what the sentence before left: "He added that..." goes on with it.
    before: dict[int, Carried] = {}
    for s in sentences:
        s = _with_actor(s, config)
        scored = section_scores(s, config)  # for its own sections, and for the next sentence's
        out.append(replace(s, sections=route(s, config, before.get(s.source), scored)))
        before[s.source] = _carried(s, config, before.get(s.source), scored[0])
    return out
