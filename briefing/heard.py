"""Every source is heard: an article dropped into the folder that no point cites gets a
second chance, ranked above its score, so that a short report of something new (a strike
in a place no other article names) is not lost to the points the other articles share."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from .model import Briefing
from .select import Cluster, Vector, says_again

# Weight of an unheard source's points in the second selection, at least.
UNHEARD = 2.0
# A briefing cannot cite every one of hundreds of articles; past this share of the sources
# unheard, the briefing is choosing among many and a second selection would only reshuffle it.
MAX_UNHEARD_SHARE = 0.2
# ...but a few are always listened for: a flash dropped beside an older article that the
# briefing rightly leaves out is news.
MIN_UNHEARD = 2
# Points of an unheard source brought forward, its best first: the source is to be heard,
# not to fill the briefing. More than one, as its best may be left out for reasons a weight
# does not change (a repeat of a point already made, an announcement reported as done).
UNHEARD_POINTS = 2


def unheard(clusters: Sequence[Cluster], briefing: Briefing, known: Collection[str] = (),
            score: Mapping[int, float] | None = None, vectors: Mapping[tuple[int, int], Vector] | None = None,
            diversity: float = 1.0) -> frozenset[int]:
    """The best UNHEARD_POINTS clusters (by `score`, announcements last; all without a score)
    of each source none of `briefing`'s points cites; none when too many sources are unheard
    for each to expect a point (see MAX_UNHEARD_SHARE). `known`: the files the last briefing
    was built from; a regenerated briefing listens for the new ones only, as it has already
    chosen among the others. With `vectors`, a point that says again one the briefing
    makes (`says_again` at `diversity`) is passed over: the source is to be heard for what
    it adds."""
    # A key figure that several sources give heard none of them: "86 cases [1, 2, 3]" cites
    # an article whose own news (its schools closing to unvaccinated pupils) is nowhere.
    cited = {n for p in briefing.points() if p.figure is None or len(p.sources) == 1 for n in p.sources}
    quiet = {s.number for s in briefing.sources if s.path not in known} - cited
    if not quiet or len(quiet) > max(MIN_UNHEARD, int(MAX_UNHEARD_SHARE * len(briefing.sources))):
        return frozenset()
    out: set[int] = set()
    shown: list[int] = []
    if vectors is not None:
        keys = {k for p in briefing.points() if p.figure is None for k in p.sentences}
        shown = [i for i, c in enumerate(clusters) if any(m.key in keys for m in c.members)]
    for n in quiet:
        mine = [i for i, c in enumerate(clusters) if n in c.sources
                and not (vectors is not None and says_again(i, shown, clusters, vectors, diversity))]
        if score is not None:
            # What it reports as done before what it announces: a source no point cites may
            # be the oldest, and its "in the coming days" long past.
            mine = sorted(mine, key=lambda i: (clusters[i].ahead, -score.get(i, 0.0), i))[:UNHEARD_POINTS]
        out.update(mine)
    return frozenset(out)


def louder(weights: Mapping[int, float], ids: frozenset[int]) -> dict[int, float]:
    """`weights` with the clusters `ids` weighed at least UNHEARD."""
    out = dict(weights)
    for i in ids:
        out[i] = max(out.get(i, 1.0), UNHEARD)
    return out
