"""What changed since the previous briefing: new points are marked, dropped ones listed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .model import Briefing, Point, Section

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


def mark_changes(briefing: Briefing, previous: dict[str, Any] | None) -> Briefing:
    """The briefing with new points flagged and a short section on top; unchanged if no previous."""
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
    now = {p.text for s in sections for sub in (s, *s.subsections) for p in sub.points}
    new = sum(1 for s in sections for sub in (s, *s.subsections) for p in sub.points if p.new)
    dropped = [t for t in dict.fromkeys(before) if t not in now]
    added = [s.path for s in briefing.sources if s.path not in old_sources]
    removed = sorted(old_sources - {s.path for s in briefing.sources})
    if not (new or dropped or added or removed):
        return replace(briefing, sections=sections)
    parts = [f"{new} new point{'s' if new != 1 else ''} (marked New)",
             f"{len(dropped)} no longer in the briefing"]
    if added:
        parts.append("new source" + ("s " if len(added) > 1 else " ") + ", ".join(added))
    if removed:
        parts.append("source" + ("s " if len(removed) > 1 else " ") + ", ".join(removed) + " gone")
    summary = Section(
        key=KEY, title=TITLE, note="; ".join(parts) + ".",
        points=tuple(Point(text=_gist(t), sources=(), sentences=()) for t in dropped[:_MAX_DROPPED]))
    return replace(briefing, sections=(summary, *sections))
