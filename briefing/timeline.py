"""Timeline: the dated events of the story, in date order.

A date the text gives relative to its article ("on Friday", "next month") is resolved
against that article's date; a sentence from an undated article has no place here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from .dates import not_before, resolve, shift, sort_key
from .model import Point
from .recency import Ages
from .select import Cluster, Vector, pick

_DIVERSITY = 0.35
_REPEAT = 0.5  # weight of a point another section already makes: the timeline prefers new facts


def event_dates(clusters: Sequence[Cluster], ages: Ages) -> dict[int, str]:
    """Cluster index → the first date its quoted sentence names that resolves to a day,
    week or month, from a little before the oldest source on: what happened years ago is
    background, not the story's timeline."""
    start = shift(min(ages.dates.values()), -ages.older_after_days) if ages.dates else None
    out = {}
    for i, c in enumerate(clusters):
        base = ages.dates.get(c.lead.source)
        if base is None:
            continue
        for entity in c.lead.entities:
            if entity.label != "DATE" or _bounds(c.lead.text, entity.text):
                continue
            when = resolve(entity.text, base, future=entity.future)
            if when and (not start or not_before(when, start)):
                out[i] = when
                break
    return out


# A date that only bounds a span ("held since Sunday", "until Friday") is not when the
# sentence's news happened: "11 more were detained overnight, bringing the number held since
# Sunday to 34" is Thursday's news.
_BOUNDS = re.compile(r"\b(since|until|till)\s+$", re.IGNORECASE)


def _bounds(text: str, date: str) -> bool:
    at = text.find(date)
    return at > 0 and bool(_BOUNDS.search(text[:at]))


_AHEAD = 1.5  # what is scheduled after the newest report is what a reader of a timeline looks for


def timeline(clusters: Sequence[Cluster], ages: Ages, score: dict[int, float], *, max_points: int,
             max_words: int, vectors: dict[tuple[int, int], Vector],
             used: Collection[int] = ()) -> tuple[Point, ...]:
    """The best-ranked dated points, earliest first. A timeline is another view of the story,
    so it may repeat a point of another section (`used`), but it prefers one that no other
    section makes."""
    when = event_dates(clusters, ages)
    weighted = {i: score.get(i, 0.0) * (_REPEAT if i in used else 1.0)
                * (_AHEAD if ages.newest and when[i] > ages.newest else 1.0) for i in when}
    chosen = pick(when, clusters, weighted, max_points=max_points, max_words=max_words,
                  vectors=vectors, diversity=_DIVERSITY)
    chosen.sort(key=lambda i: (sort_key(when[i]), clusters[i].lead.key))
    return tuple(replace(clusters[i].point(), when=when[i]) for i in chosen)
