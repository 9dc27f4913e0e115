"""Superseded: what one source announces as coming and another reports as done.

A developing story is told by articles of different days. Without dates, "The Zelensky–Trump
meeting could take place in the near future" reads as news even when other sources of the
same briefing report, after the fact, how the meeting went. Such an announcement is older
context: the sections about where things stand leave it out.

An announcement looks ahead (a future date, "set to", "in the coming days"); a report of the
event done has a word saying so ("after", "held", "took place") and does not look ahead. They
are about the same event when the report names every party of the announced event and the
event's word (its predicate, synonyms counted as one: "meet", "meeting", "talks"). An announcement
from a source that itself reports that event as done is a new one ("further meetings next
month" after this one), and stands.
"""

from __future__ import annotations

import itertools

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from .config import Config, SectionConfig
from .event import FUTURE_AUXILIARIES
from .model import Sentence
from .select import NEGATIONS, Cluster, _places, _terms, _units, negated_at, sides


def _phrase_in(phrases: frozenset[str], words: Sequence[str]) -> bool:
    text = f" {' '.join(w.lower() for w in words)} "
    return any(f" {p} " in text for p in phrases)


def looks_ahead(s: Sentence, config: Config) -> bool:
    if s.brief and s.brief != s.text:
        # What the briefing quotes: a closing announcement it cuts (trim.py) announces nothing.
        words = re.findall(r"[\w'’-]+", s.brief.lower())
        return (any(e.future and e.text in s.brief for e in s.entities if e.label == "DATE")
                or _phrase_in(config.ahead_cues, words))
    # A clause that sets the scene announces nothing: "called off on Monday after the two
    # sides agreed on a pay rise" reports a deal.
    words = [w if not x else "|" for w, x in zip(s.words, s.scene)]
    lemmas = [w if not x else "|" for w, x in zip(s.lemmas, s.scene)]
    return (any(e.future for e in s.entities if e.label == "DATE")
            or _phrase_in(config.ahead_cues, words) or _phrase_in(config.ahead_cues, lemmas))


def reports_done(s: Sentence, config: Config) -> bool:
    """Whether the sentence tells something done: a done cue ("after", "held"), and neither an
    ahead cue nor a main clause that announces ("Rell said he would travel to Halden after
    the first round", `Sentence.planned`)."""
    return not s.planned and not looks_ahead(s, config) and _phrase_in(config.done_cues, s.words)


# Verbs that announce an event without being it: "agreed on talks", "plans to host a summit".
_ANNOUNCING = frozenset({"agree", "plan", "expect", "schedule", "set", "intend", "aim", "prepare"})


def _topic(s: Sentence, config: Config, synonyms: Mapping[str, str]) -> frozenset[str]:
    """The announced event in a word: a word of one of the story's word groups ("meeting",
    "talks", "summit") if the event has one, else its predicate, or when that says only that
    something happens ("take place") or is planned ("agreed on"), the first of its arguments;
    reporting verbs and parties left out (parties are compared apart)."""
    words = [(w, synonyms.get(w, w)) for w in s.event]
    words = [(w, word) for w, word in words
             if word and w not in config.verbs and w not in _ANNOUNCING and not word.startswith("party:")]
    grouped = {w for group in config.word_groups for w in group}
    named = [word for w, word in words if w in grouped]
    first = named or [word for _, word in words]
    return frozenset(first[:1])


def _where(s: Sentence, synonyms: Mapping[str, str]) -> frozenset[str]:
    """The places a sentence names that are no party's: a meeting in Halvik is not the
    summit in Brakka, however alike the words."""
    return frozenset(p for p in _places(s, synonyms) if not p.startswith("party:"))


def _told_words(s: Sentence, synonyms: Mapping[str, str]) -> set[str]:
    return {synonyms.get(w, w) for w in (*s.terms, *s.lemmas)}




def done_reports(sentences: Sequence[Sentence], config: Config) -> list[Sentence]:
    """The sentences that tell something done (`reports_done`): what `superseded` and
    `answered_events` read announcements and questions against."""
    return [s for s in sentences if reports_done(s, config)]


def superseded(clusters: Sequence[Cluster], done: Sequence[Sentence], config: Config,
               synonyms: Mapping[str, str], dates: Mapping[int, str] | None = None) -> set[int]:
    """Indices of the clusters that only announce what other sources report as done (`done`:
    `done_reports`). A report dated before every source of the announcement tells of
    something earlier (`dates`: the day of each dated source)."""
    return set(superseded_by(clusters, done, config, synonyms, dates))


def superseded_by(clusters: Sequence[Cluster], done: Sequence[Sentence], config: Config,
                  synonyms: Mapping[str, str], dates: Mapping[int, str] | None = None,
                  ahead: Sequence[bool] | None = None) -> dict[int, frozenset[int]]:
    """`superseded`, with the sources whose report of each announcement done names every
    party the announcing sentence names: those that surely tell of the same event.
    `ahead`: `looks_ahead` of each cluster's lead, when already known."""
    dates = dates or {}
    told = [(s, set(s.parties), _told_words(s, synonyms)) for s in done]
    # By word told: an announcement is read against the reports that tell its event's word,
    # not against every report of a large corpus.
    telling: dict[str, list[tuple[Sentence, set[str], set[str]]]] = {}
    for entry in told:
        for word in entry[2]:
            telling.setdefault(word, []).append(entry)
    out: dict[int, frozenset[int]] = {}
    for i, c in enumerate(clusters):
        lead = c.lead
        if not (ahead[i] if ahead is not None else looks_ahead(lead, config)) or not lead.parties:
            continue
        # The parties of the event itself ("the Zelensky–Trump meeting"), not every one the
        # sentence mentions ("...to end the war between Russia and Ukraine").
        parties = frozenset(w[len("party:"):] for w in lead.event if w.startswith("party:")) \
            or frozenset(lead.parties)
        topic = _topic(lead, config, synonyms)
        if not topic:
            continue
        mine = {m.source for m in c.members}
        where = _where(lead, synonyms)
        first = min((dates[n] for n in mine if n in dates), default=None) if all(n in dates for n in mine) else None
        (word,) = topic
        reports = [s for s, named, terms in telling.get(word, ()) if parties <= named
                   and not (first and s.source in dates and dates[s.source] < first)
                   and not (where and where.isdisjoint(_where(s, synonyms) or where))]
        if any(s.source not in mine for s in reports) and not any(s.source in mine for s in reports):
            named = frozenset(lead.parties)
            out[i] = frozenset(s.source for s in reports if named <= set(s.parties))
    return out


# At most this share of the sources can be the story's distant past: when more look so, the
# reports tell of different events more than of one story moving on.
LONG_BEFORE_SHARE = 1 / 3


def long_before(clusters: Sequence[Cluster], reported: Mapping[int, frozenset[int]], count: int) -> frozenset[int]:
    """Undated sources written well before the others (`count`: how many sources there
    are): one that announces what a second source reports done, when that second source
    itself announces what a third reports done (`reported`: `superseded_by`). A planned
    summit that an article "ahead of the talks" calls shelved, and the talks that article
    announces reported held by the newest ones: the summit's article is two steps back, too
    far for its stances to be where things stand. One step back is not: a day or two before
    the meeting, a party's demand may well stand after it. Not a source that itself reports
    done what another announces, nor sources said to come both before and after each other;
    and none when more than LONG_BEFORE_SHARE of the sources would be."""
    after: dict[int, set[int]] = {}
    for i, reporters in reported.items():
        for a in clusters[i].sources:
            after.setdefault(a, set()).update(b for b in reporters if b != a)
    reporting = {b for later in after.values() for b in later}

    def before(a: int, b: int) -> bool:
        return b in after.get(a, ()) and a not in after.get(b, ())

    out = frozenset(a for a, later in after.items() if a not in reporting
                    and any(before(a, b) and any(before(b, c) and c != a for c in after.get(b, ())) for b in later))
    return out if len(out) <= LONG_BEFORE_SHARE * count else frozenset()


def _asked(s: Sentence, synonyms: Mapping[str, str], cue_words: frozenset[str],
           plain: frozenset[str]) -> set[str]:
    """The words that say what a question is about, or what a sentence tells of it: its terms
    less the `plain` ones (verbs of saying, the story's common words: a party counts however
    common), the words of cues and dates ("in the coming days" says when, not what) and
    numbers."""
    said = {lemma for word, lemma in zip(s.words, s.lemmas) if word.lower() in cue_words}
    said |= {w.lower() for e in s.entities if e.label in ("DATE", "TIME") for w in e.text.split()}
    return {t for t in _terms(s, synonyms)
            if (t.startswith("party:") or t not in plain) and t not in said and t not in cue_words
            and not t.replace(",", "").replace(".", "").isdigit()}


def settled(clusters: Sequence[Cluster], sentences: Sequence[Sentence], config: Config,
            synonyms: Mapping[str, str], dates: Mapping[int, str], questions: SectionConfig,
            common: frozenset[str]) -> set[int]:
    """Indices of the open questions a later source answers. Tuesday's "Whether Voltrik will
    offer refunds remains unclear" is settled by Friday's "the company would offer a full
    refund to any owner who wanted one": a sentence of a later day, not itself a question,
    telling two of its words, one at least no party and none of the story's common words.
    Only between dated sources: undated, which came later is unknown."""
    if len(set(dates.values())) < 2:
        return set()
    cue_words = frozenset(w for phrase in (*questions.cues, *config.ahead_cues) for w in phrase.split())
    plain = frozenset(common | (config.verbs - config.stance_verbs))
    later = _Later([(dates[s.source], _asked(s, synonyms, cue_words, plain)) for s in sentences
                    if s.source in dates and questions.key not in s.sections])
    out = set()
    for i, c in enumerate(clusters):
        if c.lead.sections[:1] != (questions.key,) or any(m.source not in dates for m in c.members):
            continue
        last = max(dates[m.source] for m in c.members)
        if any(k >= 2 for k in later.sharing(_asked(c.lead, synonyms, cue_words, plain), last).values()):
            out.add(i)
    return out


def answered_events(clusters: Sequence[Cluster], done: Sequence[Sentence], config: Config,
                    synonyms: Mapping[str, str], order: Mapping[int, str], questions: SectionConfig) -> set[int]:
    """Indices of the open questions of how an event to come will go ("Whether the Halden
    meeting will produce more than a handshake remains unclear") when a later source reports
    that event held: a sentence telling it done (`done`: `done_reports`) that names its place
    and a word of its kind (meeting, talks, summit). Its outcome is then news, not a question.
    `order`: the day of each source, or the stand-in days of `assemble.reading_order`."""
    if len(set(order.values())) < 2:
        return set()
    grouped = {synonyms.get(w, w) for group in config.word_groups for w in group}
    asked = []
    for i, c in enumerate(clusters):
        lead = c.lead
        if lead.sections[:1] != (questions.key,) or any(m.source not in order for m in c.members):
            continue
        if not any(w.lower() in FUTURE_AUXILIARIES for w in lead.words):
            continue
        kinds = {synonyms.get(t, t) for t in lead.terms} & grouped
        places = {w.lower() for e in lead.entities if e.label in _PLACES for w in e.text.split()}
        if kinds and places:
            asked.append((i, kinds, places, max(order[m.source] for m in c.members)))
    named = {w for _, _, places, _ in asked for w in places}
    # Only a sentence naming one of the places can report the event held there.
    held = [(order[s.source], _told_words(s, synonyms)) for s in done
            if s.source in order and named.intersection(w.lower() for w in s.words)]
    return {i for i, kinds, places, last in asked
            if any(day > last and places <= told and kinds & told for day, told in held)}


def lapsed(clusters: Sequence[Cluster], sentences: Sequence[Sentence], order: Mapping[int, str],
           synonyms: Mapping[str, str] | None = None) -> set[int]:
    """Indices of the clusters that threaten or promise something on a condition a later
    source reports met: "If there is no framework by Friday, Ostmark will propose further
    measures" once a later source has the sides agree on a framework (`_AGREEING`, said
    yes); and of those that say something does not exist yet ("There is no deal on pay")
    once a later source has it agreed or reached ("reached a tentative agreement": the
    story's synonyms count as one word). `order`: the day of each source, or the stand-in
    days of `assemble.reading_order`."""
    if len(set(order.values())) < 2:
        return set()
    synonyms = synonyms or {}

    def same(words: Iterable[str]) -> set[str]:
        return {synonyms.get(w, w) for w in words} - {""}

    wanted = []
    for i, c in enumerate(clusters):
        if any(m.source not in order for m in c.members):
            continue
        missing = _if_no(c.lead) or _none_yet(c.lead)
        if missing:
            wanted.append((i, same(missing), max(order[m.source] for m in c.members)))
    if not wanted:
        return set()
    missing_any = {w for _, missing, _ in wanted for w in missing}
    agreed = [(order[s.source], lemmas) for s in sentences
              if s.source in order and missing_any.intersection(lemmas := same(s.lemmas)) and not s.denies
              and not _if_no(s) and not _none_yet(s) and _agrees(s)]
    return {i for i, missing, last in wanted if any(day > last and missing & what for day, what in agreed)}


# Verbs that bring a deal about: "reached a tentative agreement", "signed the accord".
_REACHING = frozenset({"reach", "sign", "seal", "clinch", "conclude"})


def _agrees(s: Sentence) -> bool:
    """Whether the sentence tells of a yes: a verb of agreeing, or of reaching a deal,
    outside the scene, with no negation just before it ("agreed on Thursday on a
    framework", "reached a tentative agreement", not "nothing has been agreed")."""
    return any((lemma in _AGREEING or lemma in _REACHING) and not scene and not negated_at(s, n)
               for n, (lemma, scene) in enumerate(zip(s.lemmas, s.scene)))


def _if_no(s: Sentence) -> frozenset[str]:
    """What a condition says is missing: the content words after "if no" or "if there is
    no", up to the first word that is none ("if there is no framework by Friday": framework)."""
    return _none_after(s, ("if",))


def _none_yet(s: Sentence) -> frozenset[str]:
    """What a sentence says does not exist ("There is no deal on pay or on anything else":
    deal), not on a condition ("if there is no deal") nor asked ("whether there is no...")."""
    words = [w.lower() for w in s.words]
    if any(w in ("if", "unless", "whether") for w in words):
        return frozenset()
    return _none_after(s, None)


def _none_after(s: Sentence, opener: tuple[str, ...] | None) -> frozenset[str]:
    """The content words after "there is no" (or, after `opener`, "no" as well), up to the
    first word that is none."""
    words = [w.lower() for w in s.words]
    terms = set(s.terms)
    for n in range(len(words)):
        if opener is not None:
            if words[n] not in opener:
                continue
            at, openings = n + 1, _NONE_YET
        else:
            at, openings = n, _NONE_YET[1:]
        for opening in openings:
            if words[at:at + len(opening)] == list(opening):
                start = at + len(opening)
                missing = list(itertools.takewhile(lambda lemma: lemma in terms, s.lemmas[start:start + 3]))
                if missing:
                    return frozenset(missing)
    return frozenset()


_NONE_YET = (("no",), ("there", "is", "no"), ("there", "are", "no"))


_PLACES = frozenset({"GPE", "LOC", "FAC"})


class _Later:
    """Sentences of dated sources with the words they tell, found by word: a point is
    compared with those sharing a word that is no party's, not with every sentence of a
    large corpus."""

    def __init__(self, told: list[tuple[str, set[str]]]) -> None:
        self.told = told
        self.index: dict[str, list[int]] = {}
        for n, (_, words) in enumerate(told):
            for w in words:
                if not w.startswith("party:"):
                    self.index.setdefault(w, []).append(n)

    def sharing(self, words: set[str], after: str) -> dict[int, int]:
        """Each sentence dated after `after` sharing a word no party's with `words` → how many
        of them it shares, parties included."""
        parties = {w for w in words if w.startswith("party:")}
        shared = Counter(n for w in words - parties for n in self.index.get(w, ()) if self.told[n][0] > after)
        return {n: k + len(parties & self.told[n][1]) for n, k in shared.items()}


REVERSED_SHARED = 3


def reversed_states(clusters: Sequence[Cluster], sentences: Sequence[Sentence], config: Config,
                    synonyms: Mapping[str, str], dates: Mapping[int, str], common: frozenset[str]) -> set[int]:
    """Indices of the clusters whose state a later source reverses. Monday's "Nordane Line
    said it had stopped accepting bookings for Valmora cargo" is undone by Thursday's
    "Nordane Line said it would resume bookings for Valmora": a sentence of a later day
    taking the other side of a pair of `config.opposites`, and not the first one's too,
    about three of its words at least (`REVERSED_SHARED`), one no party; the story's common
    words and those of figures do not count ("shares fell 11 percent" is not undone by
    "demand for bike-share schemes had risen 30 percent"). A holder's no is undone by its
    later yes to a word of it: Wednesday's "snap inspections 'are still not on the table'",
    by Thursday's "'We have agreed to short-notice inspections,' Teymur said". Only between
    dated sources: undated, which came later is unknown."""
    if len(set(dates.values())) < 2:
        return set()
    plain = frozenset(common | (config.verbs - config.stance_verbs))
    taking = [(s, taken) for s in sentences if s.source in dates
              for taken in (sides(s, config.opposites),) if taken]
    later = _Later([(dates[s.source], _asked(s, synonyms, frozenset(), plain)) for s, _ in taking])
    # A holder's own later act counts whatever words it shares, common ones too, so long as
    # it acts on what the earlier act did: Thursday's "Kestria's nurses rejected an improved
    # pay offer" is undone by Sunday's "The federation's executive accepted the offer".
    # By holder, word acted on and pair of opposites, the last day each side was taken: a
    # look-up, not a comparison with every act of a holder.
    last_taken: dict[tuple[str, str, str], dict[frozenset[str], str]] = {}
    for s, taken in taking:
        holder = s.holder
        for word in _acted_on(s) if holder else ():
            for kind, side in taken.items():
                days = last_taken.setdefault((holder or "", word, kind), {})
                days[side] = max(days.get(side, ""), dates[s.source])
    agreed = _agreed(sentences, dates)
    out = set()
    for i, c in enumerate(clusters):
        if any(m.source not in dates for m in c.members):
            continue
        last = max(dates[m.source] for m in c.members)
        holder = c.lead.holder or ""
        if holder and _negated(c.lead) and any(agreed.get((holder, w), "") > last for w in _about(c.lead)):
            out.add(i)
            continue
        mine = sides(c.lead, config.opposites)
        if not mine:
            continue
        words = _asked(c.lead, synonyms, frozenset(), plain) - _units(c.lead)
        if any(k >= REVERSED_SHARED and _against(mine, taking[n][1]) for n, k in later.sharing(words, last).items()) \
                or any(day > last and not side & own
                       for word in _acted_on(c.lead) for kind, own in mine.items()
                       for side, day in last_taken.get((holder, word, kind), {}).items()):
            out.add(i)
    return out


# Verbs of a holder saying yes to something: "Veldoria agreed to snap inspections".
_AGREEING = frozenset({"agree", "accept", "approve", "allow"})


def _agreed(sentences: Sequence[Sentence], dates: Mapping[int, str]) -> dict[tuple[str, str], str]:
    """By holder and word of what it agreed to, the last day it said yes to it."""
    out: dict[tuple[str, str], str] = {}
    for s in sentences:
        if s.source in dates and s.holder and s.event[:1] and s.event[0] in _AGREEING and _says_yes(s):
            for w in _acted_on(s):
                out[(s.holder, w)] = max(out.get((s.holder, w), ""), dates[s.source])
    return out


def _says_yes(s: Sentence) -> bool:
    """Whether the sentence's verb of agreeing has no negation just before it ("have agreed",
    not "has not agreed", `negated_at`): its other clauses may say no to other things
    ("These are conditions, not concessions")."""
    at = next((n for n, lemma in enumerate(s.lemmas) if lemma == s.event[0]), None)
    return at is not None and not negated_at(s, at)


def _negated(s: Sentence) -> bool:
    """Whether the sentence says no, outside a clause that only sets the scene."""
    return any(w.lower() in NEGATIONS for w, scene in zip(s.words, s.scene) if not scene)


def _about(s: Sentence) -> frozenset[str]:
    """The words of what the sentence tells, its predicate too ("snap inspections are still
    not on the table": inspection, table), parties left out."""
    return frozenset(w for w in s.event if not w.startswith("party:"))


def _acted_on(s: Sentence) -> frozenset[str]:
    """What the sentence's main act is about: its event's words, its verb and parties aside."""
    return frozenset(w for w in s.event[1:] if not w.startswith("party:"))


def _against(mine: Mapping[str, frozenset[str]], taken: Mapping[str, frozenset[str]]) -> bool:
    """Whether `taken` takes the other side of a pair of opposites on which `mine` takes one."""
    return any(kind in taken and not taken[kind] & side for kind, side in mine.items())
