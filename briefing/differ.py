"""Where sources differ: pairs of claims from different sources about the same subject that
do not agree — different figures for the same measure, a claim and its denial, one source
certain where another is cautious.

Two sentences are about the same subject when their content words (with the sentence
before them, when they lean on it) are alike; the kind of disagreement comes from the
figures and from cue words in the configuration, so another story or language needs
config, not code.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace

from .classify import Words, count_cues
from .config import Config
from .context import with_context
from .counts import ACT, act_counts, act_key
from .dates import when_words
from .figures import measures, years
from .model import Point, Sentence
from .quotes import closes_a_quote, named_speaker, reopened
from .select import Vector, Vectors, cosine, elsewhere, near_pairs, tfidf
from .timeline import event_day



@dataclass(frozen=True)
class Claim:
    sentence: Sentence
    certain: bool
    hedged: bool
    negated: bool
    figures: Mapping[str, frozenset[str]]  # measure kind → the numbers its main clause gives
    every: Mapping[str, frozenset[str]]  # measure kind → the numbers it gives anywhere
    updated: bool = False  # tells a figure anew (`_updated`)
    years: frozenset[str] = frozenset()  # the years its dates name


def _claim(s: Sentence, config: Config) -> Claim:
    words = Words.of(s)
    # A count of an act ("detained nine people", ", detaining 12 people") says what it counts
    # and what was done, wherever in the sentence it stands: it is a figure of its own.
    counted = act_counts(s.acts)
    return Claim(sentence=s, certain=count_cues(s, config.certain_cues, words) > 0,
                 hedged=count_cues(s, config.hedge_cues, words) > 0,
                 negated=count_cues(s, config.denial_cues, words) > 0,
                 figures={**measures(s, asserted=True), **counted},
                 every={**measures(s), **counted}, updated=_updated(s),
                 years=frozenset(y for e in s.entities if e.label == "DATE" for y in years(e.text)))


def _kind(a: Claim, b: Claim) -> str | None:
    """How two claims on one subject disagree, or None when they don't (as far as cues tell)."""
    # A number the other gives in passing is no disagreement: "Baltica jumped 31 percent,
    # while Nordair fell 4 percent" and "Nordair slipped 4 percent" agree.
    if any(k in b.figures and a.figures[k] and b.figures[k] and not a.figures[k] & b.every.get(k, frozenset())
           and not b.figures[k] & a.every.get(k, frozenset()) for k in a.figures):
        return "figures"
    if (a.certain and not a.hedged and b.hedged) or (b.certain and not b.hedged and a.hedged):
        return "certainty"
    if a.negated != b.negated:
        return "denial"
    return None


# How alike two claims' words must be to be about one subject, by kind of disagreement: a
# denial shares most of the claim's words; a different figure or degree of certainty is
# often worded apart.
_ALIKE = {"figures": 0.3, "certainty": 0.25, "denial": 0.45}


_PER_BIGRAM = 0.15  # a shared two-word term ("security guarantee") names a subject better than single words


_OTHER_SPEAKER = 0.05  # two parties' accounts of one subject: the disagreement the reader wants


def _speakers_differ(a: Sentence, b: Sentence) -> bool:
    return a.speaker is not None and b.speaker is not None and a.speaker != b.speaker


def _bigrams(s: Sentence, parties: frozenset[str]) -> set[tuple[str, str]]:
    """Adjacent content words, neither a party's name: the subject's own terms."""
    t = s.terms
    return {(x, y) for x, y in zip(t, t[1:]) if x not in parties and y not in parties and x != y}


def _name(s: Sentence, config: Config) -> str | None:
    """Whose account the claim is: the party it is told according to, else its speaker."""
    party = s.vouched or s.speaker
    return config.party_name(party) if party is not None else None


def _quoted(s: Sentence, before: Sentence | None, config: Config, synonyms: Mapping[str, str]) -> str:
    """The claim as written, but an opening "He" or "She" that stands for the speaker named in
    the sentence before is given that name in brackets, as quotations are edited: quoted
    alone, "He added that..." would not say who."""
    text = reopened(s.text) if closes_a_quote(s.text) else s.text  # as `Sentence.shown`
    first, _, rest = text.partition(" ")
    if before is None or first.lower() not in config.pronouns or not rest:
        return text
    name = named_speaker(before, s.speaker, synonyms)
    return f"[{name}] {rest}" if name else text


def _days_apart(a: Sentence, b: Sentence, dates: Mapping[int, str]) -> bool:
    day_a, day_b = dates.get(a.source), dates.get(b.source)
    return bool(day_a and day_b and day_a != day_b)


def _other_days(a: Sentence, b: Sentence, dates: Mapping[int, str]) -> bool:
    """Whether the two sentences date their news to two different days."""
    day_a, day_b = event_day(a, dates.get(a.source)), event_day(b, dates.get(b.source))
    return bool(day_a and day_b and len(day_a) == len(day_b) == len("YYYY-MM-DD") and day_a != day_b)


# Verbs that give a count as it now stands: "the death toll rose to 34", "raised its pledge
# to €40 million".
_UPDATING = frozenset({"rise", "raise", "climb", "increase", "grow", "jump", "swell", "mount", "revise",
                       "lift", "reach"})


def _updated(s: Sentence) -> bool:
    """Whether the sentence tells a figure anew: an updating verb with "to" after it, or
    "now" ("has now been treated", "now stands at")."""
    words = [w.lower() for w in s.words]
    return "now" in words or any(
        lemma in _UPDATING and "to" in words[n + 1:n + 7] for n, lemma in enumerate(s.lemmas))


def _an_update(a: Claim, b: Claim) -> bool:
    """Whether one of two figures of one holder is told as an update: the ministry's toll
    "rose to 34" after its 23, the donor "raised its pledge to €40 million" after its €25
    million. Another party's count ("about 238", the ship's captain wrote) is another
    account."""
    holder = [x.sentence.holder for x in (a, b)]
    return holder[0] == holder[1] and (a.updated or b.updated)


def _acts_only(a: Claim, b: Claim) -> bool:
    """Whether the figures two claims differ on are all counts of acts (`Sentence.acts`)."""
    return all(k.startswith(ACT) for k in a.figures if k in b.figures and not a.figures[k] & b.every.get(k, frozenset()))


def _times(s: Sentence) -> frozenset[str]:
    return frozenset(w for e in s.entities if e.label in ("DATE", "TIME") for w in when_words(e.text))


def _other_times(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences tell of different times: neither's dates hold the other's."""
    ta, tb = _times(a), _times(b)
    return not (ta <= tb or tb <= ta)


def _other_act(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences tell different parties doing different things: the opposition
    demanding a recount in 212 polling stations and the commission ordering one in 140,
    Dolan having 50.3 percent and Renner winning 58 percent in Lessa. Their numbers answer
    two questions. Two outlets on one party's act ("Nordair shares fell 4 percent",
    "Nordair shares slipped 9 percent") may word it apart and still disagree."""
    return (a.event[:1] != b.event[:1] and a.holder is not None and b.holder is not None and a.holder != b.holder)


def _one_question(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences tell one holder's act on one thing both name, in no two places:
    "Dostrava controls about 40 percent of the valley" and "Dostrava controls roughly a
    third of the valley" answer one question, however else their words differ. Not one act
    on two things, nor in two places: tariffs on India and on Brazil."""
    if a.holder is None or a.holder != b.holder or not a.event or a.event[:1] != b.event[:1]:
        return False
    things = {w for w in a.event[1:] if not w.startswith("party:")} & set(b.event[1:])
    return bool(things) and not elsewhere(a, b)


def _holders_act(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences with different main verbs tell one holder's act, one naming the
    other's verb: "The ministry has offered 3.5 percent", then "the ministry raised its offer
    to 6.5 percent". Holder and act are a term both share, as good as a two-word one."""
    return (a.holder is not None and a.holder == b.holder and bool(a.event) and bool(b.event)
            and a.event[0] != b.event[0] and (a.event[0] in b.event or b.event[0] in a.event))


def _other_years(a: Claim, b: Claim, dates: Mapping[int, str]) -> bool:
    """Whether two claims' figures are of different years: "pay rose by 9.8 percent between
    2020 and 2025" and "seeking a 9 percent rise for 2026"; a claim that names no year is of
    its dated source's ("an informal approach in 2021 at 21 marks a share" against an offer
    reported on 8 May 2026)."""
    def of(c: Claim) -> frozenset[str]:
        day = dates.get(c.sentence.source)
        return c.years or (frozenset({day[:4]}) if day else frozenset())
    ya, yb = of(a), of(b)
    return bool(ya and yb and not ya & yb)


def _disagreement(a: Claim, b: Claim, vectors: Vectors,
                  bigrams: Mapping[tuple[int, int], set[tuple[str, str]]],
                  dates: Mapping[int, str], updates: bool = True, shared: int = 0) -> tuple[float, Sentence, Sentence] | None:
    """How alike two claims that disagree are, when alike enough to be about one subject
    (`updates`: False to compare a figure told as an update too, see `overtaken`; `shared`:
    terms both share that their words do not show)."""
    kind = _kind(a, b)
    if kind is None:
        return None
    if kind == "figures" and (_other_act(a.sentence, b.sentence) or _other_years(a, b, dates)):
        return None
    if kind == "figures" and _acts_only(a, b) and _other_times(a.sentence, b.sentence):
        # Counts of one act told of different times are the count moving on: "killed 23
        # people" on Friday night, "killed 26 people" three days after; 8,000 hectares burnt
        # by Monday morning, 15,500 over five days.
        return None
    if kind == "figures" and (_days_apart(a.sentence, b.sentence, dates) or updates and _an_update(a, b)):
        # Reported on different days, or told as an update ("the death toll rose to 34"),
        # a new number is the count moving on ("fell 12 percent" on Monday, "fell a further
        # 6 percent" on Tuesday), not a dispute.
        return None
    if kind != "figures" and a.sentence.speaker is not None and a.sentence.speaker == b.sentence.speaker:
        # One party's words on two days ("Every week of delay is a week of muscle our children
        # will never get back"; the age limit is "a betrayal of thirteen families") are what it
        # said, not two sources at odds. Two outlets' numbers from one ministry may be.
        return None
    shared += len(bigrams[a.sentence.key] & bigrams[b.sentence.key])
    if kind == "certainty" and not (shared and a.sentence.speaker and b.sentence.speaker):
        # One side certain where another is cautious is a disagreement between people's
        # assessments; a narrator's "the path to peace remains uncertain" contradicts no
        # one (it is an open question of its own).
        return None
    ka, kb = a.sentence.key, b.sentence.key
    near = cosine(vectors[ka], vectors[kb], vectors.length(ka), vectors.length(kb))
    alike = near + _PER_BIGRAM * min(2, shared) + (_OTHER_SPEAKER if _speakers_differ(a.sentence, b.sentence) else 0.0)
    if (kind == "figures" and shared < 2 and _ALIKE[kind] - _PER_BIGRAM <= alike < _ALIKE[kind]
            and _one_question(a.sentence, b.sentence)):
        alike += _PER_BIGRAM  # as good as a two-word term both share; asked only where it decides
    if alike < _ALIKE[kind]:
        return None
    if kind != "figures" and _other_days(a.sentence, b.sentence, dates):
        # "Talks stalled on Wednesday" and "reached a tentative agreement on Thursday": each
        # tells its own day, and the later one is what became of the earlier.
        return None
    return alike, a.sentence, b.sentence


def _sides(c: Claim) -> list[Hashable]:
    """What a claim is on the side of, for each way two claims can disagree (see `_kind`):
    its figures' measures, certain or hedged, asserted or negated."""
    out: list[Hashable] = [("figures", k) for k, v in c.figures.items() if v]
    if c.certain and not c.hedged:
        out.append("certain")
    if c.hedged:
        out.append("hedged")
    out.append("negated" if c.negated else "asserted")
    return out


# The sides a claim on a side may disagree with: the same measure, the other degree of certainty
# or polarity.
def _against(side: Hashable) -> Hashable:
    return side if isinstance(side, tuple) else {"certain": "hedged", "hedged": "certain",
                                                  "negated": "asserted", "asserted": "negated"}[side]


def _candidates(claims: Sequence[Claim], vectors: Mapping[tuple[int, int], Vector],
                bigrams: Mapping[tuple[int, int], set[tuple[str, str]]]) -> set[tuple[int, int]]:
    """Pairs of claims (by place, the earlier first) that may disagree and be alike enough:
    those sharing a two-word term, and those whose cosine reaches the lowest bar a pair
    without one can pass, each only across sides that can disagree. Comparing every pair
    grows with the square of the coverage, and so do retellings of the same claim."""
    lowest = min(_ALIKE.values()) - _OTHER_SPEAKER
    every = [_sides(c) for c in claims]
    out = near_pairs([vectors[c.sentence.key] for c in claims], lowest, every, _against)
    index: dict[tuple[tuple[str, str], Hashable], list[int]] = {}
    for j, c in enumerate(claims):
        sides = every[j]
        for bigram in bigrams[c.sentence.key]:
            for side in sides:
                out.update((i, j) for i in index.get((bigram, _against(side)), ()))
            for side in sides:
                index.setdefault((bigram, side), []).append(j)
    return out


@dataclass(frozen=True)
class Comparison:
    """The claims of some sentences (a wire copy's once, as its first copy), their vectors and
    two-word terms, each compared with the sentence before where it leans on it, and the
    pairs of claims that may disagree (`_candidates`): what both `overtaken` and
    `differences` read, made once."""

    claims: list[Claim]
    vectors: Vectors
    bigrams: dict[tuple[int, int], set[tuple[str, str]]]
    candidates: set[tuple[int, int]]


def compare(sentences: Sequence[Sentence], config: Config, synonyms: Mapping[str, str] | None = None,
            joined: Sequence[Sentence] | None = None) -> Comparison:
    """The `Comparison` of `sentences` (`joined`: `context.with_context` of them, made here
    when not given)."""
    # An analyst's reading ("tells you Kestrava is not ready to be seen conceding anything
    # yet") is no claim of fact for another source to contradict.
    first = [s for s in list({s.text: s for s in reversed(sentences)}.values())[::-1] if not s.commentary]
    claims = [c for c in (_claim(s, config) for s in first)
              if c.certain or c.hedged or c.negated or c.figures]
    if len(claims) < 2:
        return Comparison(claims, Vectors(), {}, set())
    by_key = {s.key: s for s in (joined if joined is not None else with_context(sentences, config))}
    context = {s.key: by_key.get(s.key, s) for s in sentences}
    # A number of the sentence a claim leans on is one it gives in passing: "That is well
    # above the 25 percent level" after "a combined share of roughly 38 percent" agrees with
    # another source's 38 percent.
    claims = [replace(c, every=measures(context[c.sentence.key])) if context[c.sentence.key] is not c.sentence
              else c for c in claims]
    parties = frozenset((synonyms or {}).keys())
    vectors = tfidf(list(context.values()), synonyms)
    bigrams = {c.sentence.key: _bigrams(context[c.sentence.key], parties) for c in claims}
    return Comparison(claims, vectors, bigrams, _candidates(claims, vectors, bigrams))


def overtaken(sentences: Sequence[Sentence], config: Config, dates: Mapping[int, str],
              synonyms: Mapping[str, str] | None = None, joined: Sequence[Sentence] | None = None,
              compared: Comparison | None = None) -> frozenset[tuple[int, int]]:
    """Keys of the sentences whose figures a later source gives anew for the same act:
    Monday's "Shares in Vester Credit fell 12 percent", once Tuesday's paper has "Shares in
    Vester Credit fell a further 6 percent". Without dates, a figure another source tells
    as an update is the earlier one: "The Northern Union pledged €25 million", once another
    has "The Northern Union raised its pledge to €40 million". Otherwise two undated figures
    are a disagreement (see `differences`)."""
    c = compared or compare(sentences, config, synonyms, joined)
    claims, vectors, bigrams = c.claims, c.vectors, c.bigrams
    # Only two figures of one measure can be one told anew (see `_kind`): most candidate
    # pairs of a large corpus are set aside by that alone.
    measured = [frozenset(k for k, v in x.figures.items() if v) for x in claims]
    out = set()
    for n, m in c.candidates:
        if measured[n].isdisjoint(measured[m]):
            continue
        a, b = claims[n], claims[m]
        if a.sentence.source == b.sentence.source:
            continue
        if not _days_apart(a.sentence, b.sentence, dates):
            # The cheap tests first: most pairs of a large corpus are neither.
            if a.sentence.source in dates and b.sentence.source in dates or a.updated == b.updated:
                continue  # one day: a disagreement, not an update; or no update told
            told = [x for x in (a, b) if x.updated]
            if _kind(a, b) == "figures" and _an_update(a, b) and not _other_act(a.sentence, b.sentence) \
                    and _disagreement(a, b, vectors, bigrams, {}, updates=False) is not None:
                out.add((b if told[0] is a else a).sentence.key)
            continue
        # One act told anew: the same predicate ("Vester Credit fell 12 percent", then "fell
        # a further 6 percent"), not a new number of something else in a later article (the
        # club's 150 million requested, a referendum's 1.2 million cost).
        held = _holders_act(a.sentence, b.sentence)
        if not (held or a.sentence.event[:1] == b.sentence.event[:1]) or _other_act(a.sentence, b.sentence) \
                or _kind(a, b) != "figures":
            continue
        # Told as an update or not: "raised its offer to 5 percent" on Wednesday is what
        # "raised its offer to 6.5 percent" on Saturday replaces.
        if _disagreement(a, b, vectors, bigrams, {}, updates=False, shared=int(held)) is None:
            continue
        older = a if dates[a.sentence.source] < dates[b.sentence.source] else b
        out.add(older.sentence.key)
    return frozenset(out)


Pair = tuple[float, Sentence, Sentence]  # how alike, and the two claims' sentences


def disagreements(compared: Comparison, dates: Mapping[int, str],
                  past: Collection[tuple[int, int]] = ()) -> list[Pair]:
    """Every pair of claims of two sources that disagree (see `differences` for `dates`
    and `past`), the most alike first: what the list of differences and the other counts
    told with their points (`disputed_counts`) both read."""
    claims = compared.claims
    pairs = []
    for n, m in compared.candidates:  # any order: the pairs are sorted below
        a, b = claims[n], claims[m]
        if a.sentence.source != b.sentence.source and a.sentence.key not in past and b.sentence.key not in past:
            pair = _disagreement(a, b, compared.vectors, compared.bigrams, dates)
            if pair is not None:
                pairs.append(pair)
    pairs.sort(key=lambda p: (-p[0], p[1].key, p[2].key))
    return pairs


def differences(sentences: Sequence[Sentence], config: Config, max_points: int,
                synonyms: Mapping[str, str] | None = None,
                joined: Sequence[Sentence] | None = None, dates: Mapping[int, str] | None = None,
                compared: Comparison | None = None, past: Collection[tuple[int, int]] = (),
                pairs: Sequence[Pair] | None = None) -> list[Point]:
    """The pairs most clearly about one subject, each sentence in one pair at most.

    Claims are quoted as written; their subject is compared with the sentence before
    joined where they lean on it (`joined`: `context.with_context` of the sentences, made
    here when not given). `dates`: the day of each dated source; two figures reported on
    different days are an update, not a disagreement. `past`: keys of claims a later source
    has given anew (see `overtaken`): two counts of Thursday that Monday's paper updates are
    no dispute the reader needs. `pairs`: `disagreements` of the comparison, when already made.
    """
    if pairs is None:
        # A wire copy's claim is the first copy's: compared once, cited as the first source.
        pairs = disagreements(compared or compare(sentences, config, synonyms, joined), dates or {}, past)
    taken: set[tuple[int, int]] = set()
    written = {s.key: s for s in sentences}
    names = synonyms or config.party_synonyms()

    def quoted(s: Sentence) -> str:
        return _quoted(s, written.get((s.source, s.index - 1)), config, names)

    out = []
    for _, a, b in pairs:
        if len(out) >= max_points:
            break
        if a.key in taken or b.key in taken:
            continue
        taken.update((a.key, b.key))
        out.append(Point(text=quoted(a), sources=(a.source,), sentences=(a.key, b.key), party=a.speaker,
                         label=_name(a, config), versus=quoted(b), versus_sources=(b.source,),
                         versus_label=_name(b, config)))
    return out


def disputed_counts(compared: Comparison, pairs: Sequence[Pair]
                    ) -> dict[tuple[int, int], tuple[str, int, tuple[int, int]]]:
    """For each claim whose count of an act another source disputes, the other's count as
    that source words it, its number and the key of its sentence: "detaining 12 people" [4]
    beside "detained nine people" [3]. Of the pairs that disagree (`pairs`: `disagreements`
    of `compared`), those where every figure the two differ on counts an act: such a count
    is short enough to give with the point it disputes, where the list has room for few
    pairs."""
    claims = {c.sentence.key: c for c in compared.claims}
    out: dict[tuple[int, int], tuple[str, int, tuple[int, int]]] = {}
    for _, sa, sb in pairs:
        a, b = claims[sa.key], claims[sb.key]
        if _kind(a, b) != "figures" or not _acts_only(a, b):
            continue
        for mine, other in ((a, b), (b, a)):
            told = _told_apart(mine, other)
            if told and mine.sentence.key not in out:
                out[mine.sentence.key] = (told, other.sentence.source, other.sentence.key)
    return out


def _told_apart(mine: Claim, other: Claim) -> str:
    """The words of `other`'s count of an act that `mine` counts otherwise ("" if none)."""
    for verb, what, many, told in other.sentence.acts:
        key = act_key(verb, what)
        if told and key in mine.figures and many in other.figures.get(key, ()) \
                and not mine.figures[key] & other.every.get(key, frozenset()):
            return told
    return ""


# How alike a later report and the claim it bears out must be, past a figure both give.
BORNE_OUT = 0.2


def borne_out(points: Sequence[Point], compared: Comparison, dates: Mapping[int, str]) -> list[Point]:
    """The pairs, each claim and its denial of one day marked with the later report that
    bears the claim out: Wednesday's "have reached an agreement in principle on a 6 percent
    pay rise" against "flatly denied reports that a deal on pay had been reached", once
    Thursday's paper has "reached a tentative two-year agreement that raises pay by 6
    percent". The later report gives a figure of the claim's, says no denial, and shares
    its words (`BORNE_OUT`). Only between dated sources."""
    claims = {c.sentence.key: c for c in compared.claims}
    out = []
    for p in points:
        pair = [claims.get(k) for k in p.sentences]
        if len(pair) != 2 or None in pair or sum(c.negated for c in pair) != 1 \
                or any(c.sentence.source not in dates for c in pair):
            out.append(p)
            continue
        claim = next(c for c in pair if not c.negated)
        day = max(dates[c.sentence.source] for c in pair)
        later = [(near, c.sentence.source) for c in compared.claims
                 if not c.negated and dates.get(c.sentence.source, "") > day and _gives_a_figure_of(c, claim)
                 for near in (cosine(compared.vectors[claim.sentence.key], compared.vectors[c.sentence.key]),)
                 if near >= BORNE_OUT]
        if not later:
            out.append(p)
            continue
        by = max(later)[1]
        out.append(replace(p, borne_out=(claim.sentence.source, by)))
    return out


def _gives_a_figure_of(c: Claim, claim: Claim) -> bool:
    return any(values & c.every.get(kind, frozenset()) for kind, values in claim.figures.items())
