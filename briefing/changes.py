"""What changed since the previous briefing: new points are marked, dropped ones listed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .model import Briefing, Point, Section, Source
from .select import Cluster

KEY = "changes"
TITLE = "What changed since the last briefing"
_MAX_DROPPED = 8
GIST_WORDS = 12  # a dropped point is named by its opening words: the old briefing has the rest


def _gist(text: str) -> str:
    words = text.split()
    return text if len(words) <= GIST_WORDS else " ".join(words[:GIST_WORDS]).rstrip(",;:") + " …"


def _texts(data: dict[str, Any]) -> list[str]:
    out = []
    for section in data.get("sections", []):
        for sub in [section, *section.get("subsections", [])]:
            out.extend(p["text"] for p in sub.get("points", []))
    return out


def known_paths(previous: dict[str, Any] | None) -> frozenset[str]:
    """The article files the last briefing was built from; none for a first build."""
    try:
        return frozenset(str(s["path"]) for s in (previous or {}).get("sources", []))
    except (KeyError, TypeError, AttributeError):
        return frozenset()


def stay(clusters: Sequence[Cluster], sources: Sequence[Source], previous: dict[str, Any] | None) -> frozenset[int]:
    """The clusters a regenerated briefing should keep or bring in before the rest: those one
    of the last briefing's points quoted (found by article file and sentence number, as
    articles renumber when one is added before them), and those a new article reports. Old
    material the last briefing left out is what would only reshuffle it; a new article's
    news is what its reader has not seen."""
    if previous is None:
        return frozenset()
    try:
        path_of = {int(s["number"]): str(s["path"]) for s in previous.get("sources", [])}
        keys = {(path_of.get(int(n)), int(i))
                for section in previous.get("sections", [])
                for sub in [section, *section.get("subsections", [])]
                for p in sub.get("points", []) for n, i in p.get("sentences", [])}
    except (KeyError, TypeError, ValueError, AttributeError):
        return frozenset()
    now = {s.number: s.path for s in sources}
    known = set(path_of.values())
    return frozenset(n for n, c in enumerate(clusters)
                     if any((now.get(m.source), m.index) in keys or now.get(m.source) not in known
                            for m in c.members))


# A regenerated briefing keeps what it said unless the new reporting has something better:
# one minor article must not reshuffle every section.
STAY = 1.25
# News the briefing took in keeps its place when "What changed" then needs room: the room
# comes out of older material, or the section would announce a new source whose news it
# had just squeezed out.
NEWS = 4.0


def favour(clusters: Sequence[Cluster], sources: Sequence[Source], previous: dict[str, Any] | None,
           fitted: Briefing | None = None) -> dict[int, float]:
    """A weight for each cluster that ranks above its score in a regenerated briefing: STAY
    for those in `stay`, NEWS for the points of new articles that `fitted` (the briefing
    fitted without "What changed") shows."""
    out = dict.fromkeys(stay(clusters, sources, previous), STAY)
    if fitted is not None and previous is not None:
        before = set(_texts(previous))
        news = _shown(fitted) - before
        # Only what a new article reports: an old point the first fit happened to take in
        # is a reshuffle, not news to keep.
        known = known_paths(previous)
        fresh = {s.number for s in sources if s.path not in known}
        out.update((n, NEWS) for n, c in enumerate(clusters) if c.shown in news and set(c.sources) & fresh)
    return out


def _shown(briefing: Briefing) -> set[str]:
    return {p.text for p in briefing.points()}


def mark_changes(briefing: Briefing, previous: dict[str, Any] | None, roomy: Briefing | None = None) -> Briefing:
    """The briefing with new points flagged and a short section on top; unchanged if no previous.

    `roomy`: the same briefing fitted without this section. A point it still shows was left
    out only to make room for the section: it is counted, not listed, so that the list of
    what the new reporting displaced does not itself displace more."""
    if previous is None:
        return briefing
    try:
        before = _texts(previous)
        old_sources = {s["path"] for s in previous.get("sources", [])}
    except (KeyError, TypeError, AttributeError):
        return briefing  # an unreadable previous model: behave as a first build
    seen = set(before)

    def flag(section: Section) -> Section:
        return replace(section,
                       points=tuple(replace(p, new=p.text not in seen) for p in section.points),
                       subsections=tuple(flag(s) for s in section.subsections))

    sections = tuple(flag(s) for s in briefing.sections)
    now = _shown(briefing)
    new = sum(1 for p in replace(briefing, sections=sections).points() if p.new)
    gone = [t for t in dict.fromkeys(before) if t not in now]
    wider = _shown(roomy) if roomy is not None else set()
    dropped = [t for t in gone if t not in wider]
    for_room = len(gone) - len(dropped)
    added = [s.path for s in briefing.sources if s.path not in old_sources]
    removed = sorted(old_sources - {s.path for s in briefing.sources})
    if not (new or dropped or added or removed):
        return replace(briefing, sections=sections)
    parts = [f"{new} new point{'s' if new != 1 else ''} (marked New)",
             f"{len(dropped)} no longer in the briefing"]
    if for_room:
        parts.append(f"{for_room} more left out to make room for this section")
    if added:
        parts.append("new source" + ("s " if len(added) > 1 else " ") + ", ".join(added))
    if removed:
        parts.append("source" + ("s " if len(removed) > 1 else " ") + ", ".join(removed) + " gone")
    summary = Section(
        key=KEY, title=TITLE, note="; ".join(parts) + ".",
        points=tuple(Point(text=_gist(t), sources=(), sentences=()) for t in dropped[:_MAX_DROPPED]))
    return replace(briefing, sections=(summary, *sections))
