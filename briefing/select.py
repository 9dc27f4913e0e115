"""Select: merge near-duplicates across sources, rank, and fill each section's budget."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

from .counts import act_counts
from .dates import when_words
from .figures import MEASURED, amounts, distinctive_amounts, measure_of, measures
from .model import Entity, Point, Sentence, citation_words, disputed_words
from .quotes import bare_quote, closes_a_quote
from .lexrank import stop_words
from .summarize import rank

_LONGEST = 80  # words
POINT_OVERHEAD = 5  # a point's bullet and "(N of M sources)"

# Entity kinds that name someone or something: who, where, what event or law.
_NAMES = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "LAW")
# Entity kinds that give an amount.
_NUMERIC = ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")
# Entity kinds that make a sentence specific: who, where, how much, when.
_SPECIFIC = (*_NAMES, "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE")


@dataclass(frozen=True)
class Cluster:
    """Sentences saying the same thing; the first is the one the briefing quotes."""

    members: tuple[Sentence, ...]
    older: str | None = None  # date of the newest report, when every report is older context
    # Of a story told over several days, the day of the newest report when that is before
    # the newest source's (recency.Ages.date_clusters): the reader sees how recent it is.
    reported: str | None = None
    consensus: float = 1.0  # how close its best source stays to the rest of the coverage (0–1]
    superseded: bool = False  # announces what other sources report as done (superseded.py)
    topic: frozenset[str] = frozenset()  # the lead's event words that tell its subject (see `topic`)
    ahead: bool = False  # the lead announces what is to come (superseded.looks_ahead)
    vague: bool = False  # the lead names no one and nothing but the story's parties (see `vague`)
    # Sources that tell the same event in a sentence too unlike to be merged (see `supported`).
    support: frozenset[int] = frozenset()
    # Another party's account of what the lead claims, from an article that tells it: the
    # point tells it after the lead (see replies.py).
    reply: Sentence | None = None
    # Another source's count of the act the lead counts, as it words it, that source and the
    # key of its sentence: ("detained nine people", 3, (3, 13)) beside "detaining 12 people"
    # (see `differ.disputed_counts`).
    disputed: tuple[str, int, tuple[int, int]] | None = None

    @property
    def lead(self) -> Sentence:
        return self.members[0]

    @cached_property  # read on every selection of every fit
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({m.source for m in self.members} | self.support))

    def point(self) -> Point:
        told = (*self.members, self.reply) if self.reply is not None else self.members
        return Point(text=self.shown, sources=self.sources,
                     sentences=tuple(sorted(m.key for m in told)), party=self.lead.speaker,
                     older=self.older, reported=None if self.older else self.reported, wording=self.wording,
                     disputed=self.disputed[0] if self.disputed else None,
                     disputed_sources=(self.disputed[1],) if self.disputed else ())

    @property
    def shown(self) -> str:
        """The point's text: its lead, and the reply to it when there is one."""
        return self.lead.shown if self.reply is None else f"{self.lead.shown} {self.reply.shown}"

    @cached_property
    def wording(self) -> tuple[int, ...]:
        """Of `sources`, those whose sentences carry the lead's quotations and figures, when
        others do not: "seven civilians, including two children" from one paper is cited to
        it first, the papers that give only "seven civilians" after "also". Empty when every
        source carries them."""
        quoted = quotations(self.lead.shown)
        if not quoted and not self.numbers:
            return ()
        carrying = {self.lead.source} | {
            m.source for m in self.members
            if self.numbers <= given_amounts(m) and all(q in _plain(m.text) for q in quoted)}
        return tuple(sorted(carrying)) if len(carrying) < len(self.sources) else ()

    @cached_property  # read by `says_again` on every selection
    def counts(self) -> frozenset[str]:
        return distinctive_amounts(self.lead)

    @cached_property
    def counted(self) -> frozenset[tuple[str, str]]:
        """Each count its main clause gives, with what it counts: ("CARDINAL homes", "45")."""
        return frozenset((kind, x) for kind, amounts in measures(self.lead, asserted=True).items()
                         if kind.startswith("CARDINAL") for x in amounts)

    @cached_property  # read by `says_again` on every selection
    def numbers(self) -> frozenset[str]:
        """The amounts the lead gives, dates aside, however written around them: "41" in
        "as the death toll rose to 41" as in "killing at least 41 people". A count below ten
        ("two leaders", "3 rounds") is left out, as it tells too many things apart; a share or
        a sum is not."""
        return given_amounts(self.lead)

    @property
    def words(self) -> int:
        return len(self.shown.split())

    @cached_property  # read for every candidate on every fit
    def cost(self) -> int:
        """Words the point takes in the briefing: its text, the bullet, its citation (see
        `model.cited`), "(N of M sources)", "(reported DAY)" and another source's count."""
        return self.own_cost + (disputed_words(self.disputed[0], (self.disputed[1],)) if self.disputed else 0)

    @cached_property
    def own_cost(self) -> int:
        """`cost` without another source's count: what the point's value is weighed against.
        The other count tells the reader the point's own count is in dispute: words that
        make the point worth less for each of its words would hide the dispute."""
        return self.words + citation_words(self.sources, self.wording) + POINT_OVERHEAD + (2 if self.reported else 0)


def given_amounts(s: Sentence) -> frozenset[str]:
    """The amounts a sentence gives, as `Cluster.numbers` reads them."""
    return frozenset(a for e in s.entities if e.label in _NUMERIC
                     for a in amounts(e.text) if e.label in MEASURED or len(a) >= 2)


_QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def quotations(text: str) -> list[str]:
    """The words the text quotes, of two words or more, lower case and without punctuation."""
    return [q for q in (_plain(m.group(1)) for m in _QUOTATION.finditer(text)) if len(q.split()) > 1]


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


Vector = dict[str, float]


class Vectors(dict[tuple[int, int], Vector]):
    """Sentence vectors by sentence key, with each one's length computed once: selection
    compares the same points again for every budget it tries."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._lengths: dict[tuple[int, int], float] = {}

    def length(self, key: tuple[int, int]) -> float:
        found = self._lengths.get(key)
        if found is None:
            found = self._lengths[key] = norm(self[key])
        return found


def _length(vectors: Mapping[tuple[int, int], Vector], key: tuple[int, int]) -> float | None:
    return vectors.length(key) if isinstance(vectors, Vectors) else None


def tfidf(sentences: Sequence[Sentence], synonyms: Mapping[str, str] | None = None) -> Vectors:
    """Content-word vectors weighted by rarity in this corpus, so that the names every
    article repeats (the story's protagonists) do not make unrelated sentences look alike.

    `synonyms` maps a term to the one it counts as: outlets name the same party by its
    capital, its leader or its adjective ("Moscow", "Putin", "Russian"), and a paraphrase
    should not look less alike for that.
    """
    return tfidf_both(sentences, synonyms)[0]


def tfidf_both(sentences: Sequence[Sentence], synonyms: Mapping[str, str] | None = None,
               voice: float = 1.0) -> tuple[Vectors, Vectors]:
    """The `tfidf` vectors, and those that tell retellings apart, from one reading of the
    words: in the second, a word that says who speaks (`Sentence.voice`) weighs `voice`
    against 1 for the others, and a party counts once however many of its names the
    sentence gives ("Labour Minister Petra Lindqvist thanked mediator Anneke Rusk" names one
    party twice)."""
    synonyms = synonyms or {}
    df: Counter[str] = Counter()
    terms = {s.key: _terms(s, synonyms) for s in sentences}
    for s in sentences:
        df.update(set(terms[s.key]))
    n = len(sentences)
    idf = {t: math.log((1 + n) / (1 + k)) for t, k in df.items()}
    plain, told = Vectors(), Vectors()
    for s in sentences:
        tf = Counter(terms[s.key])
        plain[s.key] = {t: c * idf[t] for t, c in tf.items()}
        if voice == 1.0:
            told[s.key] = plain[s.key]
            continue
        weights: dict[str, float] = {t: float(c) for t, c in tf.items()}
        for t in _terms(s, synonyms, s.voice):
            if t in weights:
                weights[t] -= 1.0 - voice
        told[s.key] = {t: (min(c, 1.0) if t.startswith("party:") else c) * idf[t]
                       for t, c in weights.items() if c > 0}
    return plain, told


def _name_words(e: Entity) -> list[str]:
    return [w.strip(".,’'\"").lower() for w in e.text.split()]


def _party_of(words: Iterable[str], synonyms: Mapping[str, str]) -> str | None:
    """The party ("party:russia") one of a name's words is an alias of, if any."""
    return next((synonyms[w] for w in words if synonyms.get(w, "").startswith("party:")), None)


def _terms(s: Sentence, synonyms: Mapping[str, str], terms: Sequence[str] | None = None) -> list[str]:
    """A sentence's terms (or those of `terms`) as compared: synonyms replaced, words mapped
    to "" left out, and every word of a name that holds a party's alias counted as that
    party ("Volodymyr Zelensky", "President Donald Trump")."""
    names: dict[str, str] = {}
    for e in s.entities:
        words = _name_words(e)
        party = _party_of(words, synonyms)
        if party:
            names.update((w, party) for w in words)
    out = [names.get(t) or synonyms.get(t, t) for t in (s.terms if terms is None else terms)]
    return [t for t in out if t]


# Entity kinds naming where something happened.
_PLACES = ("GPE", "LOC", "FAC")


def _places(s: Sentence, synonyms: Mapping[str, str]) -> frozenset[str]:
    return frozenset(synonyms.get(e.text.lower(), e.text.lower()) for e in s.entities if e.label in _PLACES)


Sameness = tuple[str | None, frozenset[str], tuple[tuple[str, frozenset[str]], ...]]


def may_be_same_key(s: Sentence, synonyms: Mapping[str, str] | None = None,
                    opposites: Opposites = ()) -> Sameness:
    """Everything `may_be_same` reads of a sentence: who says it, where, its figures by
    kind, and the sides it takes of `opposites`. Two sentences with the same key are
    compatible with the same sentences."""
    synonyms = synonyms or {}
    # How things are as a rule is no report of one event, however alike the words: "A
    # boil-water notice is issued when tests show..." and "31,000 homes were told on Tuesday
    # to boil their water".
    rule = {"RULE": frozenset({"general" if s.general else "particular"}),
            # "Whether the federation will carry out its threat remains to be seen" asks what
            # "made a similar threat but did not carry it out" tells of another time.
            "ASKS": frozenset({"asks" if any(w.lower() == "whether" for w in s.words) else "tells"}),
            # "A prisoner exchange was expected to be on the agenda" is no second report of
            # "the sides exchanged 242 prisoners".
            "PLAN": frozenset({"planned" if s.planned else "told"}),
            # "Teymur denied reports that an agreement had been reached" is the other side of
            # "have reached an agreement in principle", not a second report of it.
            "DENY": frozenset({"denies" if s.denies else "tells"})}
    when = _when(s)
    if when:
        # Two plans for different times are two plans: a summit "within the next two weeks"
        # and officials meeting "next month".
        rule["WHEN"] = when
    return (s.speaker, _places(s, synonyms),
            tuple(sorted({**_amounts(s), **_durations(s), **_counts(s), **_ordinals(s), **_targets(s),
                          **sides(s, opposites), **rule}.items())))


_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _when(s: Sentence) -> frozenset[str]:
    """The times a planned sentence looks ahead to, in the words that say when."""
    if not s.planned:
        return frozenset()
    return frozenset(" ".join(w) for e in s.entities if e.label == "DATE" and e.future
                     for w in (when_words(e.text),) if w)


def _targets(s: Sentence) -> dict[str, frozenset[str]]:
    """The bare numbers a change goes to ("raise the retirement age from 60 to 62", "accepted
    an increase to 61"): no unit makes them a figure, yet "to 61" and "to 63" are two
    offers. A year is a date, not a target."""
    words = s.words
    found = {w for at, w in enumerate(words[1:], start=1) if words[at - 1].lower() == "to"
             and _BARE_NUMBER.fullmatch(w) and not (len(w) == 4 and w[:2] in ("19", "20"))}
    return {"TO": frozenset(found)} if found else {}


def _amounts(s: Sentence) -> dict[str, frozenset[str]]:
    """The amounts the sentence gives by kind of measure (`figures.measures`), and the first
    of each kind: what it reports, where later ones of the kind set it against another
    ("revised its estimate to 212 kg, up from the 180 kg it reported on Monday" is no report
    of the 180 kg; "will release $6 billion of the roughly $42 billion frozen" none of the
    $42 billion frozen)."""
    every: dict[str, set[str]] = {}
    first: dict[str, frozenset[str]] = {}
    for f in s.figures:
        measured = measure_of(f)
        if measured is not None:
            kind, values = measured
            every.setdefault(kind, set()).update(values)
            first.setdefault(f"FIRST {kind}", frozenset(values))
    return {**{k: frozenset(v) for k, v in every.items()}, **first}


def _ordinals(s: Sentence) -> dict[str, frozenset[str]]:
    """Which of a series, by the word after it: "will meet for a second round" and "the third
    round ended" are two rounds, not one report; "for the first time" and "a third
    consecutive cup" may be one."""
    ordinals = {e.text.lower() for e in s.entities if e.label == "ORDINAL"}
    out: dict[str, set[str]] = {}
    for at, word in enumerate(s.words[:-1]):
        if word.lower() in ordinals:
            out.setdefault(f"ORDINAL {s.lemmas[at + 1]}", set()).add(word.lower())
    return {k: frozenset(v) for k, v in out.items()}


Opposites = tuple[tuple[frozenset[str], frozenset[str]], ...]


def sides(s: Sentence, opposites: Opposites) -> dict[str, frozenset[str]]:
    """The sides the sentence's words take of each pair of opposites it touches, as a kind
    of measure of its own: "remains" and "has left" intensive care have no side in common,
    a sentence telling of both shares one with either. A clause that only sets the scene
    takes no side."""
    out: dict[str, set[str]] = {}
    lookup = _sides_of(opposites)
    heads = _phrasal_heads(opposites)
    for at, (lemma, scene) in enumerate(zip(s.lemmas, s.scene)):
        if scene:
            continue  # "resumed on Monday after the federation suspended its strike" resumed
        found = lookup.get(lemma, ())
        if lemma in heads and at + 1 < len(s.lemmas):
            # A verb with its particle ("called off", written "call_off") is a word of its own.
            found = (*found, *lookup.get(f"{lemma}_{s.lemmas[at + 1]}", ()))
        for kind, first in found:
            # "would not resume sales" keeps them stopped.
            negated = negated_at(s, at)
            out.setdefault(kind, set()).add("one" if first != negated else "other")
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=8)
def _phrasal_heads(opposites: Opposites) -> frozenset[str]:
    """The verbs of `opposites` written with a particle: "call" of "call_off"."""
    return frozenset(w.split("_")[0] for pair in opposites for side in pair for w in side if "_" in w)


@lru_cache(maxsize=8)
def _sides_of(opposites: Opposites) -> dict[str, list[tuple[str, bool]]]:
    """Each word of `opposites` → (its pair's kind, whether it is of the first side)."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for n, (one, other) in enumerate(opposites):
        for words, first in ((one, True), (other, False)):
            for w in words:
                out.setdefault(w, []).append((f"STATE {n}", first))
    return out


NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing"})


def negated_at(s: Sentence, at: int) -> bool:
    """Whether a negation comes just before the sentence's word at `at`: "would not resume",
    "has never agreed", "nothing had been agreed"."""
    return any(w.lower() in NEGATIONS for w in s.words[max(0, at - 3):at])


def _counts(s: Sentence) -> dict[str, frozenset[str]]:
    """How many, by what is counted, small counts too: "the number of people treated rose to
    seven" and "has risen to 12" are two tolls, not one report."""
    out: dict[str, set[str]] = {}
    for what, many in s.counts:
        out.setdefault(f"COUNT {what}", set()).add(many)
    # And by act: "were killed and 27 injured" and "were killed and more than 30 injured"
    # count the injured apart, whatever noun each count stands beside.
    return {**{k: frozenset(v) for k, v in out.items()}, **act_counts(s.acts)}


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s+(minute|hour|day|week|month|year)s?\b", re.IGNORECASE)


def _durations(s: Sentence) -> dict[str, frozenset[str]]:
    """How long, by unit: "warned Morvanan authorities 12 hours before" and "informed 14
    hours before the release" are two accounts, not one."""
    out: dict[str, set[str]] = {}
    for e in s.entities:
        if e.label in ("TIME", "DATE"):
            for amount, unit in _DURATION.findall(e.text):
                out.setdefault(f"DURATION {unit.lower()}", set()).add(amount)
    return {k: frozenset(v) for k, v in out.items()}


def may_be_same(a: Sentence, b: Sentence, synonyms: Mapping[str, str] | None = None,
                opposites: Opposites = ()) -> bool:
    """False when two sentences cannot report the same fact however many words they share:
    different speakers, different places, different figures for the same kind of measure,
    opposite states. Word overlap alone would merge "drones struck Mykolaiv" with "drones
    struck Kyiv"."""
    return keys_may_be_same(may_be_same_key(a, synonyms, opposites), may_be_same_key(b, synonyms, opposites))


def keys_may_be_same(a: Sameness, b: Sameness) -> bool:
    """`may_be_same` of two sentences with these keys."""
    group = SameFactGroup()
    group.add(a)
    return group.admits(b)


class SameFactGroup:
    """What the keys (`may_be_same_key`) of a cluster's members hold between them — their
    speakers, their sets of places, their amounts by measure — from which `admits` tells
    whether a sentence may report the same fact as every one of them (`may_be_same`). A
    cluster of many retellings holds few of each; one member is the pairwise test."""

    def __init__(self) -> None:
        self.speakers: set[str] = set()
        self.places: dict[frozenset[str], bool] = {}  # each set of places: whether it names one no party
        self.amounts: dict[str, set[frozenset[str]]] = {}

    def add(self, key: Sameness) -> None:
        speaker, places, amounts = key
        if speaker:
            self.speakers.add(speaker)
        if places and places not in self.places:
            self.places[places] = _bare(places)
        for kind, values in amounts:
            self.amounts.setdefault(kind, set()).add(values)

    @staticmethod
    def voice(key: Sameness) -> str | None:
        """Who says it: keys of two speakers are never admitted together, so a cluster of one
        speaker's is passed over for another's without asking `admits`."""
        return key[0]

    def admits(self, key: Sameness) -> bool:
        """Whether a sentence with this key may report the same fact as every member."""
        # Asked of most clusters by most sentences of a large corpus: loops that stop at
        # the first refusal, and no sets made.
        speaker, places, amounts = key
        if speaker and self.speakers and (len(self.speakers) > 1 or speaker not in self.speakers):
            return False
        # Countries and capitals that name a party say who as often as where: they set two
        # sentences apart only beside a place that is no party (a city, a region).
        if places:
            bare: bool | None = None
            for other, other_bare in self.places.items():
                if other.isdisjoint(places):
                    if bare is None:
                        bare = _bare(places)
                    if other_bare or bare:
                        return False
        amounts_of = self.amounts
        for kind, values in amounts:
            for other in amounts_of.get(kind, ()):
                if values.isdisjoint(other):
                    return False
        return True


def _bare(places: frozenset[str]) -> bool:
    """Whether a set of places names one that is no party."""
    return any(not p.startswith("party:") for p in places)


class _EveryMember:
    """A cluster's members' keys, each once, checked pairwise with `compatible`."""

    def __init__(self, compatible: Callable[[Any, Any], bool] | None) -> None:
        self.compatible = compatible
        self.keys: list[Any] = []

    def add(self, key: Any) -> None:
        self.keys.append(key)

    def admits(self, key: Any) -> bool:
        return self.compatible is None or all(self.compatible(k, key) for k in self.keys)


def norm(v: Vector) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


def cosine(a: Vector, b: Vector, norm_a: float | None = None, norm_b: float | None = None) -> float:
    """The cosine of two vectors; pass their `norm`s when comparing each with many."""
    if not a or not b:
        return 0.0
    dot = _sum_products(a, b)
    length = (norm(a) if norm_a is None else norm_a) * (norm(b) if norm_b is None else norm_b)
    return dot / length if length else 0.0


def _unit(v: Vector) -> Vector:
    length = norm(v)
    return {k: x / length for k, x in v.items()} if length else {}


def _dot(a: Vector, b: Vector) -> float:
    """The cosine of two unit vectors, walking the shorter one."""
    if len(b) < len(a):
        a, b = b, a
    return _sum_products(a, b)


def _dot_peaks(u: Vector, peaks: Vector) -> float:
    """An upper bound of the cosine of unit vector `u` with any vector whose weights are all
    at most `peaks` (non-negative weights)."""
    return _sum_products(u, peaks)


def _sum_products(a: Vector, b: Vector) -> float:
    """The products of the weights of the terms both hold, summed in the order of `a`.

    The inner loop of merging at scale: a loop that skips the terms `b` lacks costs half a
    generator over all of `a`'s, and adds the same numbers in the same order."""
    total = 0.0
    get = b.get
    for k, x in a.items():
        y = get(k)
        if y is not None:
            total += x * y
    return total


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


def near_pairs(vectors: Sequence[Vector], threshold: float, sides: Sequence[Iterable[Hashable]] | None = None,
               against: Callable[[Hashable], Hashable] = lambda side: side) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, that hold every pair of `vectors` whose cosine reaches
    `threshold` (0 < threshold ≤ 1), and few others: found through an index of prefixes (see
    `_prefix`) instead of by comparing all pairs. With `sides` (each vector's), only pairs
    where one is on a side that another side of the other is `against`."""
    order = _term_order(vectors)
    index: dict[tuple[str, Hashable], list[int]] = {}
    out: set[tuple[int, int]] = set()
    for j, v in enumerate(vectors):
        mine = list(sides[j]) if sides is not None else [None]
        for t in _prefix(v, order, threshold):
            for side in mine:
                out.update((i, j) for i in index.get((t, against(side)), ()))
            for side in mine:
                index.setdefault((t, side), []).append(j)
    return out


# How much lower the cosine may be when two sentences share the words of what happened
# (see event.py): by one such word, and by two with a third (a party, say) in common.
_ONE_EVENT_WORD = 0.05
_TWO_EVENT_WORDS = 0.11


def topic(s: Sentence, synonyms: Mapping[str, str], saying: Collection[str] = (),
          common: Collection[str] = ()) -> frozenset[str]:
    """A sentence's event words (see event.py) as compared: synonyms as one word, without
    parties and verbs of saying or stance, which say who and how, not what, nor the story's
    `common` words ("talks" in a story about talks), which tell no subject apart."""
    words = {synonyms.get(w, w) for w in s.event if w not in saying and w not in _LIGHT_VERBS}
    return frozenset(w for w in words if w and not w.startswith("party:") and w not in common)


# Verbs that carry no subject of their own: "remains open", "remains uncertain".
_LIGHT_VERBS = frozenset(("remain", "become", "stay", "seem", "appear", "continue", "get", "make",
                          "take", "have", "go", "come", "keep", "be", "do"))


COMMON_SHARE = 0.15  # a word in more of the sentences than this is the story's, not a subject's


def common_words(sentences: Sequence[Sentence], synonyms: Mapping[str, str]) -> frozenset[str]:
    """Words (synonyms as one) in more than COMMON_SHARE of the sentences."""
    df: Counter[str] = Counter()
    for s in sentences:
        df.update({synonyms.get(t, t) for t in s.terms})
    return frozenset(w for w, n in df.items() if n > COMMON_SHARE * len(sentences))


_QUOTED = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
_WORD = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=65536)  # clustering compares a sentence with many
def _quoted_words(text: str) -> frozenset[str]:
    """The content words of a text's quotations, the tail of one the splitter cut included."""
    quoted = _QUOTED.findall(text)
    if closes_a_quote(text):
        quoted.append(re.split(r"[”\"]", text, maxsplit=1)[0])
    return frozenset({w.lower() for q in quoted for w in _WORD.findall(q)} - stop_words("english"))


def _one_quotation(a: Sentence, b: Sentence) -> bool:
    """Whether one sentence quotes no words the other's quotation does not, two at least: one
    statement told twice ("would pursue its aims 'by military means'" after "'the goals of the
    operation will be achieved by military means,' he said")."""
    qa, qb = _quoted_words(a.text), _quoted_words(b.text)
    small, large = (qa, qb) if len(qa) <= len(qb) else (qb, qa)
    return len(small) >= 2 and small <= large


def _quotes_apart(a: Sentence, b: Sentence) -> bool:
    """Two quotations of which neither holds the other: "Harbourne has spoken before a single
    vote has been cast," said Miriam Oduya, and "Now the whole city will decide," said Miriam
    Oduya, share only who said them; "Patients should not pay the price for the government's
    refusal to negotiate" and, two days later, "...for the federation's refusal to
    compromise" are two statements. Outlets quote one statement in the same words, one of
    them perhaps cut shorter. What each says is in the quotation."""
    if a.text == b.text:
        return False
    mine, theirs = _quoted_words(a.text), _quoted_words(b.text)
    return bool(mine and theirs and len(mine & theirs) < QUOTE_HELD * min(len(mine), len(theirs)))


QUOTE_HELD = 0.8  # share of the shorter quotation's words the other holds when both quote one statement


def _units(*sentences: Sentence) -> set[str]:
    """The words of the sentences' figures: a share of what is measured ("7 percent", "6
    percent") is not what happened."""
    return {w.lower() for s in sentences for f in s.figures for w in f.value.split()}


# Two reports of different days alike by this much are one fact told again, whatever their
# event words (see `alike`).
DAYS_APART_ALONE = 0.45


def alike(a: Sentence, b: Sentence, cos: float, threshold: float,
          synonyms: Mapping[str, str] | None = None, saying: Collection[str] = (),
          apart: bool = False) -> bool:
    """Whether two sentences say the same thing: many shared rare words, or fewer of them
    and the same predicate and arguments. A verb of saying or of stance (`saying`: "reject",
    "demand") is no event by itself: "declined requests for a meeting" and "rejected such
    arrangements" share it and report different things.

    `apart`: the two come from sources of different days. What one party said or did on
    Thursday and on Saturday is alike in who and where ("Labour Minister Petra Lindqvist
    appointed Anneke Rusk", "Labour Minister Petra Lindqvist thanked Anneke Rusk"); a fact
    told again keeps a word of what happened, unless the two are closer still."""
    if _quotes_apart(a, b):
        return False
    synonyms = synonyms or {}
    if apart and cos < DAYS_APART_ALONE and cos >= threshold - _TWO_EVENT_WORDS \
            and not topic(a, synonyms, saying) & topic(b, synonyms, saying) - _units(a, b):
        return False
    if cos >= threshold:
        # Two short sentences come close on two words: "Drevna has ruled out discussing a
        # buffer zone", "Observers would monitor the zone, although who would supply them is
        # still being discussed". Two words are one fact when one of them is what both tell,
        # or when they are all one of the two says.
        terms_a, terms_b = set(a.terms), set(b.terms)
        shared = terms_a & terms_b
        return (len(shared) > 2 or bool(shared & set(a.event) & set(b.event))
                or len(shared) == min(len(terms_a), len(terms_b)))
    if cos < threshold - _TWO_EVENT_WORDS:
        return False  # most pairs: no shared event lowers the bar that far
    shared = ({synonyms.get(w, w) for w in a.event} & {synonyms.get(w, w) for w in b.event}) - {""}
    content = len(topic(a, synonyms, saying) & topic(b, synonyms, saying))
    return ((cos >= threshold - _ONE_EVENT_WORD and content >= 1)
            or (cos >= threshold - _TWO_EVENT_WORDS and content >= 2 and len(shared) >= 3))


def _members(index: Mapping[Hashable, Mapping[int, Sequence[Sentence]]], keys: Sequence[Hashable],
             g: int) -> Iterator[Sentence]:
    """The members of cluster `g` that hold one of `keys` in `index`, each once."""
    none: Mapping[int, Sequence[Sentence]] = {}
    seen: set[int] = set()
    for t in keys:
        for m in index.get(t, none).get(g, ()):
            if id(m) not in seen:
                seen.add(id(m))
                yield m


def _event_pairs(s: Sentence, synonyms: Mapping[str, str], saying: Collection[str]) -> list[tuple[str, str]]:
    """Every pair of the sentence's event words as `alike` compares them (`topic`)."""
    words = sorted(topic(s, synonyms, saying))
    return [(a, b) for n, a in enumerate(words) for b in words[n + 1:]]


def _compared(s: Sentence) -> tuple:
    """Everything about a sentence that `_alike_member` compares: two members alike in all of it
    compare alike, so a cluster compares one of them."""
    # repr: a sentence read back from the cache may hold lists where a fresh one has tuples.
    return (s.text, s.speaker, tuple(s.terms), tuple(s.event), repr(tuple(s.entities)), repr(tuple(s.figures)))


def _alike_member(s: Sentence, u: Vector, g: int, keys: Sequence[Hashable],
                  index: Mapping[Hashable, Mapping[int, Sequence[Sentence]]], peaks: Vector,
                  unit: dict[tuple[int, int], Vector], threshold: float,
                  synonyms: Mapping[str, str] | None, saying: Collection[str],
                  days: Mapping[int, str] | None = None) -> bool:
    """Whether `s` (unit vector `u`), compatible with every member of cluster `g`, is alike
    one of those holding one of its `keys` in `index` (`days`: the date of each dated
    source, see `alike`).

    The cheap test first: no member's cosine with `s` exceeds its dot with the cluster's
    `peaks`. Below the lowest cosine `alike` accepts, no member need be compared; below
    the lowest reached by words alone, only those sharing two event words (the pairs
    among `keys`)."""
    bound = _dot_peaks(u, peaks)
    if bound < threshold - _TWO_EVENT_WORDS:
        return False
    if bound < threshold - _ONE_EVENT_WORD:
        keys = [t for t in keys if isinstance(t, tuple)]
    # Members are listed as they are compared: the search stops at the first alike.
    days = days or {}
    lowest = threshold - _TWO_EVENT_WORDS
    # Two words in common is asked before the cosine: a set operation, where the cosine is
    # a loop over the words.
    return any(_two_words(u, v) and (cos := _dot(u, v)) >= lowest and
               alike(m, s, cos, threshold, synonyms, saying,
                     apart=m.source in days and s.source in days and days[m.source] != days[s.source])
               for m in _members(index, keys, g) for v in (unit[m.key],))


def _two_words(u: Vector, v: Vector) -> bool:
    """Whether two sentences share two words at least: one rare word in two short sentences
    ("Morvana's government said it had received no warning", "We have an inquiry, we have a
    warning rule") makes a high cosine and no common fact."""
    return len(u.keys() & v.keys()) >= 2


def cluster(sentences: Sequence[Sentence], threshold: float,
            vectors: dict[tuple[int, int], Vector] | None = None,
            compatible: Callable[[Any, Any], bool] | None = None,
            synonyms: Mapping[str, str] | None = None, saying: Collection[str] = (),
            compatible_key: Callable[[Sentence], Hashable] | None = None,
            group: type[SameFactGroup] | None = None,
            days: Mapping[int, str] | None = None) -> list[Cluster]:
    """Greedy single pass in reading order: a sentence joins the first cluster it matches
    (same text as a member, or cosine with a member at least `threshold`, 0 < threshold ≤ 1,
    and `compatible` with every member).

    With `compatible_key`, `compatible` compares keys instead of sentences (see
    `may_be_same_key`): members with the same key are compatible with the same sentences, so
    one of each is checked, and each sentence's key is read once; with `group` too (instead
    of `compatible`), each cluster's keys are held in one (see `SameFactGroup`), which
    answers from what they hold between them. A cluster of many retellings would otherwise
    check every one of them for every sentence that tries it, which grows with the square
    of the corpus. `days`: the date of each dated source (see `alike`).

    Only sentences of different sources merge: a fact one article repeats is still one source.
    Clusters are found through an index of their members' prefixes (see `_prefix`) rather
    than by trying every cluster, which gives the same clusters without comparing all pairs;
    and members that compare alike in every respect (wire copies) are compared once.
    """
    vectors = vectors if vectors is not None else tfidf(sentences)
    order = _term_order(vectors[s.key] for s in sentences)
    unit = {s.key: _unit(vectors[s.key]) for s in sentences}
    groups: list[list[Sentence]] = []
    distinct: list[dict[tuple, Sentence]] = []
    checked: list[set[Hashable]] = []  # per cluster: the compatible keys (or `_compared` keys) held
    groups_of: list[SameFactGroup | _EveryMember] = []  # per cluster: what compatibility reads of its members
    texts: list[set[str]] = []
    sources: list[set[int]] = []
    by_text: dict[str, list[int]] = {}
    peaks: list[dict[str, float]] = []  # per cluster: each term's highest weight in a member's unit vector
    grouped = group if group is not None and compatible_key is not None else None
    # Per cluster: the one speaker its members have (see `SameFactGroup.voice`), or None.
    # Most clusters a sentence of a large corpus tries are another speaker's.
    voices: list[str | None] = []
    # Prefix term (or pair of event words) → cluster → its members holding it: a member that
    # shares no prefix term with a sentence is below the lowest cosine at which they could
    # be alike by their words alone.
    by_term: dict[str | tuple[str, str], dict[int, list[Sentence]]] = {}
    for s in sentences:
        v = vectors[s.key]
        # Two ways to be alike (see `alike`): a cosine of at least threshold − _ONE_EVENT_WORD,
        # found through the prefix index; or a lower one with two words of the event in
        # common, found through the index of pairs of event words. (A prefix long enough
        # for the lowest cosine made the index lists long.)
        keys: list[str | tuple[str, str]] = [*_prefix(v, order, max(1e-6, threshold - _ONE_EVENT_WORD)),
                                             *_event_pairs(s, synonyms or {}, saying)]
        near = set(by_text.get(s.text, ()))
        for t in keys:
            near.update(by_term.get(t, ()))
        u = unit[s.key]
        mine = compatible_key(s) if compatible_key is not None else s
        voice = grouped.voice(mine) if grouped is not None else None
        for g in sorted(near):  # the earliest cluster first, as a scan of all would find
            if s.source in sources[g]:
                continue
            # Compatibility first: it reads no words, and refuses most clusters tried.
            if s.text not in texts[g] and (voice and voices[g] and voices[g] != voice or not (
                    groups_of[g].admits(mine) and _alike_member(
                        s, u, g, keys, by_term, peaks[g], unit, threshold, synonyms, saying, days))):
                continue
            groups[g].append(s)
            sources[g].add(s.source)
            break
        else:
            g = len(groups)
            groups.append([s])
            distinct.append({})
            checked.append(set())
            groups_of.append(grouped() if grouped is not None else _EveryMember(compatible))
            voices.append(None)
            texts.append(set())
            sources.append({s.source})
            peaks.append({})
        texts[g].add(s.text)
        key = _compared(s)
        held = key if compatible_key is None else mine
        if held not in checked[g]:
            checked[g].add(held)
            groups_of[g].add(mine)
            voices[g] = voices[g] or voice
        if key not in distinct[g]:
            distinct[g][key] = s
            # Every member is indexed: outlets retell a fact in steps, and the third
            # retelling may be close to the second but not to the first.
            for t in keys:
                by_term.setdefault(t, {}).setdefault(g, []).append(s)
            peak = peaks[g]
            for t, x in u.items():
                if x > peak.get(t, 0.0):
                    peak[t] = x
        by_text.setdefault(s.text, []).append(g)
    # The briefing quotes the report that reads best on its own; reading order breaks ties.
    return [Cluster(tuple(sorted(g, key=lambda m: -standalone(m) * specificity(m)))) for g in groups]


# A commentary or background sentence (see commentary.py, background.py) is chosen only
# when nothing that reports news is left.
COMMENTARY_WEIGHT = 0.3
# Centrality counts for at most half of a point's score: the most central sentences of a
# story are the ones that restate it, and a briefing wants its facts.
CENTRALITY_BASE = 1.0


def _rarity(clusters: Sequence[Cluster]) -> list[float]:
    """Each point's mean inverse document frequency over its content words, relative to the
    median point's: a point in the story's common words ("diplomatic", "conflict", "phase")
    restates the story, one with words of its own (a referendum, a refinery) adds to it."""
    df: Counter[str] = Counter()
    terms = [set(c.lead.terms) for c in clusters]
    for t in terms:
        df.update(t)
    n = len(clusters)
    raw = [sum(math.log(n / df[w]) for w in t) / len(t) if t else 0.0 for t in terms]
    mid = sorted(raw)[len(raw) // 2] or 1.0
    return [max(r, 1e-3) / mid for r in raw]


def centrality(clusters: Sequence[Cluster], method: str, language: str) -> list[float]:
    """Each point's centrality from sumy, from 0 (the least central) to 1 (the most)."""
    raw = rank([c.lead for c in clusters], method, language)
    lo, hi = min(raw, default=0.0), max(raw, default=0.0)
    return [(r - lo) / (hi - lo) if hi > lo else 1.0 for r in raw]


def scores(clusters: Sequence[Cluster], method: str, language: str,
           dates: Mapping[int, str] | None = None, central: Sequence[float] | None = None) -> dict[int, float]:
    """Centrality from sumy, raised for facts several sources report and for words of their
    own, lowered for dangling openers, vague sentences, commentary and background.
    `dates`: the day of each dated source (see `_lede_weights`); `central`: the clusters'
    `centrality`, when already known."""
    if central is None:
        central = centrality(clusters, method, language)
    if not central:
        return {}
    named = central_names(clusters)
    rare = _rarity(clusters)
    lede = _lede_weights(clusters, dates or {})
    out = {}
    for i, (c, middle) in enumerate(zip(clusters, central)):
        corroboration = 1 + 0.25 * (len(c.sources) - 1)
        reports = COMMENTARY_WEIGHT if c.lead.commentary or c.lead.background else 1.0
        opens = max((lede[m.source] for m in c.members if m.index == 0), default=1.0)
        out[i] = ((CENTRALITY_BASE + middle) * corroboration * c.consensus * standalone(c.lead)
                  * specificity(c.lead, named) * reports * rare[i] * opens)
    return out


LEDE_WEIGHT = 0.5


def _lede_weights(clusters: Sequence[Cluster], dates: Mapping[int, str]) -> dict[int, float]:
    """How much each source's opening sentence counts for: all of LEDE_WEIGHT when one
    article tells the story, less the more articles there are, whose agreement says what
    matters. A dated article opens with its day's news, which the articles of other days
    cannot agree on: it shares the weight only with those of its own day."""
    sources = {n for c in clusters for n in c.sources}
    per_day = Counter(dates[n] for n in sources if n in dates)
    return {n: 1 + LEDE_WEIGHT / (per_day[dates[n]] if n in dates else len(sources)) for n in sources}


# A source of fewer sentences is too short to tell whether it is about something else: a
# two-line flash ("Russian forces shelled the port of Odesa overnight…") shares few words
# with long articles of the same story, and weighed down like an article about something
# else its news would never reach the briefing.
MIN_JUDGED = 5

# How sharply a source further from the rest than the median source is weighed down: one
# 15% further off than the median counts about a third.
_OUTLIER_POWER = 6


def consensus(sentences: Sequence[Sentence], vectors: dict[tuple[int, int], Vector]) -> dict[int, float]:
    """Each source's share in the story the sources tell together: the cosine of its text
    with all the other sources' text. Sources at least as close as the median source get
    1.0, those further off less, steeply (see _OUTLIER_POWER). An article about something else — or about the same story months earlier,
    when its dates are not known — stays furthest from the others, and its points rank lower."""
    totals: dict[int, Counter[str]] = {}
    lengths: Counter[int] = Counter()
    for s in sentences:
        totals.setdefault(s.source, Counter()).update(vectors[s.key])
        lengths[s.source] += 1
    if len(totals) < 3:  # with two sources, neither is the odd one out
        return {n: 1.0 for n in totals}
    everyone: Counter[str] = Counter()
    for v in totals.values():
        everyone.update(v)
    # The cosine with everyone else's text, from sums over the source's own terms only:
    # v·(E−v) = v·E − |v|², |E−v|² = |E|² − 2 v·E + |v|². Subtracting whole vectors would take
    # the story's vocabulary once per source.
    everyone_sq = sum(w * w for w in everyone.values())
    raw = {}
    for n, v in totals.items():
        own_sq = sum(w * w for w in v.values())
        with_all = sum(w * everyone[t] for t, w in v.items())
        rest_sq = everyone_sq - 2 * with_all + own_sq
        length = math.sqrt(own_sq) * math.sqrt(max(0.0, rest_sq))
        raw[n] = max(0.0, (with_all - own_sq) / length) if length > 1e-12 else 0.0
    # The lower median: with an even number of sources, the upper one would leave half of
    # them "further off than typical" and weigh ordinary articles down.
    judged = {n: r for n, r in raw.items() if lengths[n] >= MIN_JUDGED}
    if not judged:
        return {n: 1.0 for n in totals}
    typical = sorted(judged.values())[(len(judged) - 1) // 2]
    return {n: min(1.0, judged[n] / typical) ** _OUTLIER_POWER if n in judged and typical > 0 else 1.0
            for n in raw}


def standalone(s: Sentence) -> float:
    """How well a sentence reads on its own: 1.0, less for "He added...", a bare quote, a fragment."""
    if bare_quote(s.text):
        return 0.0  # a bare quote: without its speaker it can't be checked or attributed
    if len(s.words) > _LONGEST:
        return 0.0  # a run-on "sentence" (a list, a table flattened to text) is no briefing point
    factor = 0.25 if s.needs_context else 1.0
    if len(s.words) < 8:
        factor *= 0.3  # "For now, expectations remain cautious.": true, and says nothing checkable
    elif len(s.words) < 12:
        factor *= 0.7
    return factor


VAGUE_WEIGHT = 0.5
ASIDE_WEIGHT = 0.7


# Names given by at least this share of the sources (and by two) are what the story is about.
CENTRAL_SHARE = 0.5


def central_names(clusters: Sequence[Cluster]) -> frozenset[str]:
    """Names of people, places, bodies and events (lower-case) that at least CENTRAL_SHARE of
    the sources give, and at least two: the hurricane and the town it struck."""
    sources: dict[str, set[int]] = {}
    every: set[int] = set()
    for c in clusters:
        for m in c.members:
            every.add(m.source)
            for e in m.entities:
                if e.label in _NAMES:
                    sources.setdefault(e.text.lower(), set()).add(m.source)
    least = max(2, CENTRAL_SHARE * len(every))
    return frozenset(name for name, found in sources.items() if len(found) >= least)


def specificity(s: Sentence, central: Collection[str] = ()) -> float:
    """A briefing wants the sentence with names, numbers and dates over the vague one; one
    naming no one and nothing ("Both sides now appear focused on accelerating diplomacy
    before the end of the year") counts half, and one that leaves every party of the story
    out ("a firefighter suffered injuries") less than one about them — unless it names what
    the story is about (`central`: see `central_names`): "Hurricane Selma made landfall near
    Port Alden" is the story, whoever its parties are."""
    # A step to come on a day of the calendar is as specific as a name ("Members will vote in
    # a ballot between April 28 and May 12"), whoever it names; "before the end of the year" is not.
    dated_step = s.planned and any(e.label == "DATE" and e.future and any(c.isdigit() for c in e.text)
                                   for e in s.entities)
    if s.undetailed or not s.parties and not dated_step and all(e.label in ("DATE", "TIME", "ORDINAL")
                                                                  for e in s.entities):
        # "..., without giving details": what it names it says nothing about.
        return VAGUE_WEIGHT
    if not s.parties and not dated_step and not any(e.text.lower() in central for e in s.entities):
        return ASIDE_WEIGHT
    named = [e for e in s.entities if not _pronoun_number(e)]
    numbers = sum(1 for e in named if e.label in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"))
    return 1 + 0.1 * min(4, len({e.text for e in named})) + 0.15 * min(2, numbers)


def _pronoun_number(e: Entity) -> bool:
    """"one of the most active phases": a number the tagger found that counts nothing."""
    return e.label == "CARDINAL" and e.text.lower() == "one"


# One party saying the same thing twice is worded further apart than two outlets reporting
# it: "closer than ever, even as talks stalled over territory" and "closer to an agreement
# than at any point ... territorial control continues to complicate" share few words.
SAME_SPEAKER_DIVERSITY = 0.2
SAME_SPEAKER_SAME_TOPIC = 0.05


def says_again(i: int, others: Iterable[int], clusters: Sequence[Cluster],
               vectors: dict[tuple[int, int], Vector], diversity: float) -> bool:
    """Whether point `i` is too close to one of `others` to be worth saying too: cosine at
    least `diversity`; between stances of one speaker at least SAME_SPEAKER_DIVERSITY, or
    barely any when they share a word of their subject (`Cluster.topic`)."""
    lead = clusters[i].lead
    others = list(others)
    if _numbers_told(clusters[i], (clusters[j] for j in others)):
        return True
    v, length = vectors[lead.key], _length(vectors, lead.key)
    for j in others:
        other = clusters[j].lead
        if _newer_figures(clusters[i], clusters[j]):
            continue
        limit = diversity
        apart = False  # one speaker on two subjects
        if lead.speaker is not None and lead.speaker == other.speaker \
                and len(clusters[i].numbers - clusters[j].numbers) < 2:
            # One speaker on one subject ("demanded that Ukraine relinquish the Donbas",
            # "urged Ukraine to withdraw troops from Donbas"): one stance, however worded.
            # Not one giving figures of its own: the ministry's offer of "6.5 percent and
            # 1,200 crowns" after its minister's "could go above 5 percent".
            same = clusters[i].topic & clusters[j].topic
            limit = min(limit, SAME_SPEAKER_SAME_TOPIC if same else SAME_SPEAKER_DIVERSITY)
            apart = not same
            if _one_quotation(lead, other):
                return True
        elif (lead.speaker is None and other.speaker is None and lead.actor is not None
              and lead.actor == other.actor and clusters[i].topic & clusters[j].topic):
            # One party doing one thing, told in other words ("Voss will lead a caretaker
            # government until the vote", "...Voss will remain in office as head of a caretaker
            # government until an early election"). Not one party doing two things: the court
            # striking down a law and giving the government six months to write a new one.
            limit = min(limit, SAME_SPEAKER_DIVERSITY)
        cos = cosine(v, vectors[other.key], length, _length(vectors, other.key))
        if cos >= limit and apart:
            # On a subject of its own, a point may share with the other only the scene it
            # is set in: "Schools will bar unvaccinated pupils after the outbreak reached 86
            # cases, the health director said" after the same department's "the outbreak
            # had grown to 86 cases" tells news of its own.
            cos = _on_subject(lead, v, vectors[other.key])
        if cos >= limit:
            return True
        if (cos >= SAME_DAY_DIVERSITY and _acts_in_both(lead, other) and len(_days(lead)) == 1
                and _days(lead) == _days(other) and not set(clusters[i].sources) & set(clusters[j].sources)):
            # Two outlets on what one party did on one day ("The Green Party left the
            # government on Wednesday", "The government lost its majority on Wednesday after
            # the Green Party walked out"): one event, however worded. Not a sentence that
            # tells of two days: "expelled on Saturday the deputies who backed Voss in
            # Friday's vote" is no other report of Friday's vote.
            return True
        if _same_count(clusters[i], clusters[j]) or _counted_alike(lead, other):
            return True
        if (clusters[i].vague and not clusters[j].vague and lead.actor is not None
                and lead.actor == other.actor and clusters[i].topic & clusters[j].topic):
            # "Ukraine has carried out strikes on Russian infrastructure targets" after
            # "Ukrainian forces targeted a major oil refinery in Rostov": the same party doing
            # the same thing, said in general once the particular is said.
            return True
    return False


# Round words for a count: "hundreds of drones", "dozens of missiles".
_ROUND_COUNTS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions"})
# Their written forms, so that a sentence without one is passed over without lowering its words:
# this is asked of every pair of points compared.
_ROUND_FORMS = _ROUND_COUNTS | {w.capitalize() for w in _ROUND_COUNTS} | {w.upper() for w in _ROUND_COUNTS}


def _roughly_counted(s: Sentence) -> frozenset[str]:
    """What the sentence counts in round words: "Hundreds of drones and dozens of missiles
    were fired" → drone, missile."""
    if _ROUND_FORMS.isdisjoint(s.words):
        return frozenset()
    words = [w.lower() for w in s.words]
    return frozenset(s.lemmas[n + 2] for n, w in enumerate(words[:-2]) if w in _ROUND_COUNTS and words[n + 1] == "of")


def _counted_alike(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences count the same two kinds of things at least, one of them in round
    words: "Hundreds of drones and dozens of missiles were fired at Kestria" is "Morvanian
    forces launched 519 drones and 40 missiles" told without the counts. Two exact counts of
    the same things may be two events: 519 drones launched, 474 shot down."""
    rough_a, rough_b = _roughly_counted(a), _roughly_counted(b)
    if not rough_a and not rough_b:
        return False
    counted_a = rough_a | {what for what, _ in a.counts}
    counted_b = rough_b | {what for what, _ in b.counts}
    return len(counted_a & counted_b) >= 2


def _newer_figures(c: Cluster, other: Cluster) -> bool:
    """Whether `c`, reported on a later day than `other`, gives figures of its own, two at
    least, where the other gives others: the news moving on, however worded alike ("raised
    its offer to 6.5 percent and 1,200 crowns" on Saturday after Wednesday's "to 5 percent plus
    800 crowns"). Undated, which came later is unknown: two tolls stay one point's."""
    if other.reported is None or c.reported is not None and c.reported <= other.reported:
        return False
    return len(c.numbers - other.numbers) >= 2 and bool(other.numbers - c.numbers)


def _numbers_told(c: Cluster, others: Iterable[Cluster]) -> bool:
    """Whether every amount the point gives, two or more, is given by the points already
    made: "Civil protection officials said about 1,200 homes had been destroyed and more than
    5,000 people had spent the night in tents" once "destroyed or damaged some 1,200 houses"
    and "funds to shelter about 5,000 people" are told. A reader takes a point's numbers for
    its news; a point that gives only numbers already read is read as a repeat, however
    differently it is worded. One number may be only the scene of news of its own ("Schools
    will bar unvaccinated pupils after the outbreak reached 86 cases"), and a point that gives
    none is judged by its words."""
    if len(c.numbers) < 2:
        return False
    told: set[str] = set()
    for o in others:
        told |= o.numbers
        if c.numbers <= told:
            return True
    return False


def _on_subject(s: Sentence, v: Vector, other: Vector) -> float:
    """The cosine of a speaker's point with another of theirs, on what the point asserts: not
    the speaker's name, which both give, nor the words it gives only in a clause that sets
    the scene (`Sentence.backdrop`)."""
    scene = {w for w, b in zip(s.lemmas, s.backdrop) if b} - {w for w, b in zip(s.lemmas, s.backdrop) if not b}
    scene.add(f"party:{s.speaker}")
    return cosine({t: x for t, x in v.items() if t not in scene},
                  {t: x for t, x in other.items() if t != f"party:{s.speaker}"})


def _same_count(a: Cluster, b: Cluster) -> bool:
    """One count with one predicate: one event, however little else the two share. A
    precise count whatever it is said to count ("A magnitude 6.6 earthquake struck northern
    Veralta", "The 6.6-magnitude quake struck early on Tuesday near San Telmo"); a small one
    of the same thing in no other place ("At least 45 homes were destroyed as a wildfire
    swept through the valley", "The fire has destroyed at least 45 homes"), as two strikes
    that killed two people each in two cities are two events. Not "The magnitude 6.6
    tremor destroyed some 1,200 houses", which tells what the quake did."""
    if a.lead.event[:1] != b.lead.event[:1] or not a.lead.event:
        return False
    return bool(a.counts & b.counts) or bool(a.counted & b.counted) and not elsewhere(a.lead, b.lead)


def elsewhere(a: Sentence, b: Sentence) -> bool:
    """Whether both name where they happened, and no place in common."""
    here, there = _places(a, {}), _places(b, {})
    return bool(here and there and not here & there)


def supported(clusters: Sequence[Cluster], opposites: Opposites = ()) -> list[Cluster]:
    """The clusters, each counting among its sources those of the others that tell its
    event by the same count (`_same_count`). They stay apart because their other details
    differ (a town's name beside the region's, the town's population beside the toll),
    which `may_be_same` takes for two facts; but a reader asks how many sources report the
    earthquake, not how many word it alike. Not one taking the other side of `opposites`
    ("will not accept any offer below 27 marks", "will accept the offer of 27.80 marks")."""
    # Clusters filed under one key tell one event (a small count: unless they name places
    # apart), so each group is read once, however many retellings a large corpus holds.
    precise: dict[tuple[str, str, Hashable], list[int]] = {}
    small: dict[tuple[str, str, str, Hashable], list[int]] = {}
    for n, c in enumerate(clusters):
        if c.lead.event:
            side = tuple(sorted(sides(c.lead, opposites).items())) if opposites else ()
            for a in c.counts:
                precise.setdefault((a, c.lead.event[0], side), []).append(n)
            for kind, a in c.counted:
                small.setdefault((kind, a, c.lead.event[0], side), []).append(n)
    more: dict[int, set[int]] = {}
    for ids in precise.values():
        if len(ids) > 1:
            every = {s for m in ids for s in clusters[m].sources}
            for n in ids:
                more.setdefault(n, set()).update(every)
    for ids in small.values():
        if len(ids) > 1:
            places = {m: _places(clusters[m].lead, {}) for m in ids}
            anywhere: set[int] = set()  # sources of the clusters that name no place
            at: dict[str, set[int]] = {}
            for m in ids:
                for name in places[m] or ("",):
                    (at.setdefault(name, set()) if name else anywhere).update(clusters[m].sources)
            every = anywhere.union(*at.values())
            for n in ids:
                mine = every if not places[n] else anywhere.union(*(at[name] for name in places[n]))
                more.setdefault(n, set()).update(mine)
    out = list(clusters)
    for n, found in more.items():
        extra = frozenset(found) - set(clusters[n].sources)
        if extra:
            out[n] = replace(clusters[n], support=extra)
    return out


def _acts_in_both(a: Sentence, b: Sentence) -> bool:
    """A party named in both that speaks or acts in one of them: a party only named in both
    ("customers of Velocom were warned", "the government called on Velocom") did nothing."""
    shared = set(a.parties) & set(b.parties)
    return any(p in shared for p in (a.actor, a.speaker, b.actor, b.speaker) if p is not None)


SAME_DAY_DIVERSITY = 0.15  # words two reports of one day's event by one party share at least
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _days(s: Sentence) -> set[str]:
    """The days of the week a sentence dates what it tells by."""
    return {d for e in s.entities if e.label == "DATE" for d in _WEEKDAYS if d in e.text.lower()}


def vague(s: Sentence, synonyms: Mapping[str, str]) -> bool:
    """Names nothing but parties: no place, person, body, number or date that is not one of
    the story's parties ("Ukraine", "Russian")."""
    return not any(e.label in _SPECIFIC and _party_of(_name_words(e), synonyms) is None for e in s.entities)


# Points are taken by score per word to this power: a long point must say more to beat two
# short ones, as in budgeted summarization (Lin & Bilmes 2010 scale cost the same way).
COST_EXPONENT = 0.5


def per_word(i: int, clusters: Sequence[Cluster], score: Mapping[int, float]) -> float:
    """Value for the words a point takes (see COST_EXPONENT)."""
    return score.get(i, 0.0) / clusters[i].own_cost ** COST_EXPONENT


FLOOR = 0.3
PACKING_SHARE = 0.8


def pick(candidates: Iterable[int], clusters: Sequence[Cluster], score: dict[int, float], *,
         max_points: int, max_words: int, vectors: dict[tuple[int, int], Vector],
         min_points: int = 0, diversity: float = 1.0, against: Sequence[int] = (),
         by_value: bool = False, plain: Mapping[int, float] | None = None) -> list[int]:
    """Best value per word first (`by_value`: best value first) while the budget lasts; skips
    a point too close to one already picked, and one worth less than FLOOR of the best (words
    left over are better left than filled with what the section's own best points make look
    thin). `plain`: the scores before any weight that only brings a point forward (news in
    a regenerated briefing), which the floor is measured against: a point brought forward
    does not make the rest look thin."""
    chosen: list[int] = []
    words = 0
    value = (lambda i: score.get(i, 0.0)) if by_value else (lambda i: per_word(i, clusters, score))
    ordered = sorted(candidates, key=lambda i: (-value(i), clusters[i].lead.key))
    packing = 0.0
    floor = FLOOR * max(((plain or score).get(i, 0.0) for i in ordered), default=0.0)
    for i in ordered:
        if len(chosen) >= max_points:
            break
        if score.get(i, 0.0) <= 0.0 or (score[i] < floor and len(chosen) >= min_points):
            continue
        cost = clusters[i].cost
        if words + cost > max_words and len(chosen) >= min_points:
            # Past a point that does not fit, only one nearly as good fills the words left: a
            # weak short line squeezed in would keep out the better one a little more room
            # brings (see pipeline._fit).
            packing = max(packing, PACKING_SHARE * value(i))
            continue
        if value(i) < packing and len(chosen) >= min_points:
            continue
        if says_again(i, (*against, *chosen), clusters, vectors, diversity):
            continue
        chosen.append(i)
        words += cost
    return chosen
