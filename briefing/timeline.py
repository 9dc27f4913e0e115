"""Timeline: the dated events of the story, in date order.

A date the text gives relative to its article ("on Friday", "next month") is resolved
against that article's date; a sentence from an undated article has no place here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from .dates import EARLIER_DAY, LATER_DAY, not_before, resolve, shift, sort_key
from .model import Point, Sentence
from .recency import Ages
from .select import FLOOR, Cluster, Vector, per_word, pick

_DIVERSITY = 0.35
_REPEAT = 0.5  # weight of a point another section already makes: the timeline prefers new facts


def event_dates(clusters: Sequence[Cluster], ages: Ages) -> dict[int, str]:
    """Cluster index → the first date its quoted sentence names that resolves to a day,
    week or month, from a little before the oldest source on: what happened years ago is
    background, not the story's timeline."""
    start = shift(min(ages.dates.values()), -ages.older_after_days) if ages.dates else None
    out = {}
    for i, c in enumerate(clusters):
        when = event_day(c.lead, ages.dates.get(c.lead.source), start)
        if when:
            out[i] = when
    return out


def event_day(s: Sentence, base: str | None, start: str | None = None) -> str | None:
    """The first date the sentence names for its own news, resolved against its article's
    date (`base`): a day, week or month, not before `start`. Not one that bounds a span or
    sets the scene."""
    if base is None or base in (EARLIER_DAY, LATER_DAY):
        return None
    for entity in s.entities:
        if entity.label != "DATE" or _bounds(s.text, entity.text) or _aside(s, entity.text):
            continue
        when = resolve(entity.text, base, future=entity.future)
        if when and not entity.future and not s.planned and sort_key(when) > base:
            # "accepted a higher retirement age, but only for staff hired from January 1,
            # 2028": what is told as done did not happen after its article was written.
            continue
        if when and (not start or not_before(when, start)):
            return when
    return None


def done_on(s: Sentence, base: str | None) -> str | None:
    """The day the sentence tells something happened (`event_day`), when it tells something
    done: not a plan, nor a sentence that also looks ahead ("which will first meet on May
    5"), and a day, not a week or a month."""
    if s.planned or any(e.future for e in s.entities if e.label == "DATE"):
        return None
    day = event_day(s, base)
    return day if day is not None and len(day) == len("YYYY-MM-DD") else None


# A date that only bounds a span ("held since Sunday", "until Friday") is not when the
# sentence's news happened: "11 more were detained overnight, bringing the number held since
# Sunday to 34" is Thursday's news.
_BOUNDS = re.compile(r"\b(since|until|till)\s+$", re.IGNORECASE)


def _aside(sentence: Sentence, date: str) -> bool:
    """Whether the date is only in a clause that sets the scene ("..., though Okafor cautioned
    on Monday that ...") or in the close a timeline entry leaves out ("..., marking the first
    convergence since negotiations resumed in January"): it dates something else."""
    if sentence.short and date not in sentence.short:
        return True
    words = date.split()
    n = len(words)
    at = next((i for i in range(len(sentence.words) - n + 1) if list(sentence.words[i:i + n]) == words), None)
    return at is not None and len(sentence.backdrop) >= at + n and all(sentence.backdrop[at:at + n])


def _bounds(text: str, date: str) -> bool:
    at = text.find(date)
    return at > 0 and bool(_BOUNDS.search(text[:at]))


_AHEAD = 1.5  # what is scheduled after the newest report is what a reader of a timeline looks for


def timeline(clusters: Sequence[Cluster], ages: Ages, score: dict[int, float], *, max_points: int,
             max_words: int, vectors: dict[tuple[int, int], Vector],
             used: Collection[int] = ()) -> tuple[Point, ...]:
    """The dated points, earliest first: each day's main event, then the best of the rest
    while the words last. A timeline is another view of the story, so it may repeat a point
    of another section (`used`), but it prefers one that no other section makes. An entry
    is its sentence without a closing scene or aside (`Sentence.short`): a timeline tells
    what happened when, the sections tell the rest."""
    when = event_dates(clusters, ages)
    entries = [_entry(c) if i in when else c for i, c in enumerate(clusters)]
    weighted = {i: score.get(i, 0.0) * (_REPEAT if i in used else 1.0)
                * (_AHEAD if ages.newest and when[i] > ages.newest else 1.0) for i in when}
    # A day's main event is told even when a section tells it too: the timeline is the one
    # place that says what happened when.
    heads = _day_heads(entries, when, score, ages)
    # The newest day's event first: a timeline that stops a day short of its sources misleads.
    newest = [i for i in heads if ages.newest and when[i] == ages.newest]
    chosen = _fit(newest, entries, score, max_points, max_words)
    chosen += _fit([i for i in heads if i not in newest], entries, score, max_points - len(chosen),
                   max_words - sum(entries[i].cost for i in chosen))
    left = max_words - sum(entries[i].cost for i in chosen)
    chosen += pick([i for i in when if i not in heads], entries, weighted, max_points=max_points - len(chosen),
                   max_words=left, vectors=vectors, diversity=_DIVERSITY, against=chosen)
    chosen.sort(key=lambda i: (sort_key(when[i]), clusters[i].lead.key))
    return tuple(replace(entries[i].point(), when=when[i]) for i in chosen)


def _fit(heads: Sequence[int], clusters: Sequence[Cluster], score: dict[int, float], max_points: int,
         max_words: int) -> list[int]:
    """Days' events by value per word while the words last. Two days' events are two events
    however alike they read: an offer rejected on Monday, a framework agreed on Thursday."""
    chosen: list[int] = []
    words = 0
    floor = FLOOR * max((score.get(i, 0.0) for i in heads), default=0.0)
    for i in sorted(heads, key=lambda i: (-per_word(i, clusters, score), clusters[i].lead.key)):
        if len(chosen) >= max_points:
            break
        if score.get(i, 0.0) <= 0.0 or score[i] < floor or words + clusters[i].cost > max_words:
            continue
        chosen.append(i)
        words += clusters[i].cost
    return chosen


def _entry(cluster: Cluster) -> Cluster:
    """The cluster with its lead cut short (`Sentence.short`), when it can be, and no reply."""
    # A timeline tells what happened when: the other side's account is the sections' to tell.
    lead, cluster = cluster.lead, replace(cluster, reply=None)
    if not lead.short:
        return cluster
    # `short` as cut, not as shown: `shown` puts back the opening mark of a quotation's tail.
    return replace(cluster, members=(replace(lead, brief=lead.short, short=""), *cluster.members[1:]))


def _day_heads(clusters: Sequence[Cluster], when: dict[int, str], score: dict[int, float],
               ages: Ages) -> list[int]:
    """The best point of each day. Of a day the newest source has reached, not what an
    earlier article announced for it ("Moravec is due to brief ministers on Thursday" on
    Wednesday) when a report from that day or later tells what happened."""
    days: dict[str, list[int]] = {}
    for i in when:
        days.setdefault(when[i], []).append(i)
    heads = []
    for day, ids in days.items():
        told = [i for i in ids if sort_key(day) <= ages.dates.get(clusters[i].lead.source, "")]
        if told and ages.newest and sort_key(day) <= ages.newest:
            ids = told
        heads.append(max(ids, key=lambda i: (score.get(i, 0.0), [-k for k in clusters[i].lead.key])))
    return heads
