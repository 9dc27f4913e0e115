"""Recency: how old each point's reporting is, against the newest source of the briefing.

A point is as recent as the newest source that reports it. Points whose every report is
more than `dates.older_after_days` older than the newest source are older context: marked
with their date, and kept out of sections that must say where things stand now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .dates import days_between, shift
from .model import Source
from .select import Cluster


MIN_PACE = 2  # days: reports of one day and the next are not told apart by weight alone


@dataclass(frozen=True)
class Ages:
    dates: dict[int, str]  # source number → YYYY-MM-DD, dated sources only
    newest: str | None
    older_after_days: int

    @classmethod
    def of(cls, sources: Sequence[Source], older_after_days: int) -> Ages:
        dates = {s.number: s.date for s in sources if s.date}
        return cls(dates=dates, newest=max(dates.values(), default=None), older_after_days=older_after_days)

    @property
    def pace(self) -> int:
        """Days over which reporting loses half its weight: `older_after_days`, or the days
        the sources span when fewer (two at least). A story told over four days moves by
        the day; Monday's preliminary count is not Wednesday's declared result."""
        if not self.dates or self.newest is None:
            return self.older_after_days
        span = days_between(min(self.dates.values()), self.newest)
        return max(MIN_PACE, min(self.older_after_days, span))

    @property
    def known(self) -> bool:
        return self.newest is not None

    @property
    def cutoff(self) -> str | None:
        """Points whose newest report is before this day are older context."""
        return shift(self.newest, -self.older_after_days) if self.newest else None

    def reported(self, c: Cluster) -> str | None:
        """The newest date among the sources reporting a point."""
        if not self.dates:
            return None  # asked of every candidate on every fit: no member need be read
        return max((self.dates[m.source] for m in c.members if m.source in self.dates), default=None)

    def older(self, c: Cluster) -> str | None:
        """The date to show when only older sources report the point; an undated report
        might be recent, so it never makes a point older."""
        if not self.cutoff or any(m.source not in self.dates for m in c.members):
            return None
        day = self.reported(c)
        return day if day is not None and day < self.cutoff else None

    def weight(self, c: Cluster, by_the_day: bool = False) -> float:
        """1.0 for the newest reporting, down to 0.5 for reporting as old as the story's
        `pace`. `by_the_day`: 0.5 for any day before the newest, for a section that says
        where things stand as of the newest day; what happened before it is the Timeline's
        ("Moravec was not seen in public after the morning session", the day before a deal)."""
        day = self.reported(c)
        if day is None or self.newest is None:
            return 1.0
        age = days_between(day, self.newest)
        return 1.0 - 0.5 * min(1.0, age / (1 if by_the_day else max(1, self.pace)))

    def date_clusters(self, clusters: Sequence[Cluster]) -> list[Cluster]:
        """Each cluster quoting its newest report (the freshest wording of a fact) and
        knowing whether it is older context; unchanged when no source is dated."""
        if not self.known:
            return list(clusters)
        out = []
        for c in clusters:
            # Newest first; undated reports after the dated ones, in reading order.
            members = tuple(sorted(c.members, key=lambda m: (m.source not in self.dates,
                                                             _negated(self.dates.get(m.source)))))
            dated = replace(c, members=members)
            out.append(replace(dated, older=self.older(dated), reported=self.before_newest(dated)))
        return out

    def before_newest(self, c: Cluster) -> str | None:
        """The day of the point's newest report, when the story is told over several days
        and that is before the newest source's day: Tuesday's "4.5 percent remains on the
        table" read beside Thursday's deal is read as Tuesday's. An undated report might be
        the newest, so it leaves the day unsaid."""
        if len(set(self.dates.values())) < 2 or any(m.source not in self.dates for m in c.members):
            return None
        day = self.reported(c)
        return day if day is not None and day != self.newest else None


def _negated(day: str | None) -> int:
    """Sorts later days first."""
    if day is None:
        return 0
    y, m, d = (int(x) for x in day.split("-"))
    return -(y * 10000 + m * 100 + d)
