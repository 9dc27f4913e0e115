"""Assemble: sections, party subsections and sources into one Briefing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .config import Config, SectionConfig
from .model import Article, Briefing, Section, Sentence
from .select import Cluster, Vector, cluster, pick, scores, tfidf

_OTHER = "other:"


def _placement(c: Cluster, config: Config) -> str | None:
    """The section a point belongs to: the best-scoring one the briefing has."""
    have = {s.key for s in config.sections if s.kind not in ("summary", "sources")}
    return next((k for k in c.lead.sections if k in have), None)


def _budgets(config: Config) -> dict[str, int]:
    """Section word budgets, scaled down together when they add up to more than the total."""
    wanted = {s.key: s.max_words for s in config.sections if s.kind != "sources"}
    total = sum(wanted.values())
    factor = min(1.0, config.max_words / total) if total else 1.0
    return {k: int(v * factor) for k, v in wanted.items()}


def _party_keys(clusters: Sequence[Cluster], ids: Sequence[int], config: Config) -> list[str]:
    keys = [p.key for p in config.parties]
    if config.other_parties:
        others = Counter(clusters[i].lead.speaker for i in ids
                         if (clusters[i].lead.speaker or "").startswith(_OTHER))
        keys += sorted(others, key=lambda k: (-others[k], k))
    return keys


def _party_name(key: str, config: Config) -> str:
    return key[len(_OTHER):] if key.startswith(_OTHER) else config.party_name(key)


_SECTION_DIVERSITY = 0.35  # a point this close to one already in the section says it again
_TAKEAWAY_DIVERSITY = 0.2


_SECONDARY = 0.5  # weight of a candidate for whom this section is not the best fit
# Sections are filled from the most specific routing to the broadest, so that a stance is
# not taken by "Status of talks" before "Positions by party" sees it; they are shown in
# the configured order all the same.
_FILL_ORDER = {"parties": 0, "questions": 1, "cues": 2}


# A section ranks at most this many candidates, the best by the story-wide score: enough to
# fill any budget, and small enough that ranking them costs little whatever the corpus size.
POOL_MAX = 1000


def _pool(ids: list[int], overall: dict[int, float]) -> list[int]:
    """The POOL_MAX best of `ids` by the story-wide score, in their original order."""
    if len(ids) <= POOL_MAX:
        return ids
    return sorted(sorted(ids, key=lambda i: (-overall[i], i))[:POOL_MAX])


def _local_scores(sc: SectionConfig, clusters: Sequence[Cluster], ids: list[int], config: Config,
                  method: str) -> dict[int, float]:
    local = scores([clusters[i] for i in ids], method, config.language)
    return {i: local[n] * (1.0 if _placement(clusters[i], config) == sc.key else _SECONDARY)
            for n, i in enumerate(ids)}


def _section(sc: SectionConfig, clusters: Sequence[Cluster], ids: list[int], config: Config,
             method: str, budget: int, vectors: dict[tuple[int, int], Vector]) -> tuple[Section, list[int]]:
    by_id = _local_scores(sc, clusters, ids, config, method)
    chosen = pick(ids, clusters, by_id, max_points=sc.max_points, max_words=budget,
                  min_points=sc.min_points, vectors=vectors, diversity=_SECTION_DIVERSITY)
    section = Section(key=sc.key, title=sc.title, points=tuple(clusters[i].point() for i in chosen),
                      note="" if chosen else "Nothing in the sources.")
    return section, chosen


def _parties(sc: SectionConfig, clusters: Sequence[Cluster], ids: list[int], config: Config,
             method: str, budget: int, vectors: dict[tuple[int, int], Vector]) -> tuple[Section, list[int]]:
    """One subsection per party, from `ids` that all have a speaker."""
    by_id = _local_scores(sc, clusters, ids, config, method)
    keys = _party_keys(clusters, ids, config)
    share = budget // max(1, len(keys))
    subsections = []
    everyone: list[int] = []
    by_party: dict[str | None, list[int]] = {}
    for i in ids:
        by_party.setdefault(clusters[i].lead.speaker, []).append(i)
    for key in keys:
        chosen = pick(by_party.get(key, []), clusters, by_id, max_points=sc.max_points, max_words=share,
                      vectors=vectors, diversity=_SECTION_DIVERSITY)
        everyone += chosen
        subsections.append(Section(
            key=f"{sc.key}.{key}", title=_party_name(key, config),
            points=tuple(clusters[i].point() for i in chosen),
            note="" if chosen else "No stance attributed to this party in the sources."))
    return Section(key=sc.key, title=sc.title, subsections=tuple(subsections)), everyone


def _takeaways(sc: SectionConfig, clusters: Sequence[Cluster], config: Config, score: dict[int, float],
               budget: int, vectors: dict[tuple[int, int], Vector]) -> list[int]:
    """The story in a few points: the most central point of each section first, so that
    talks, positions, fighting and what is unresolved are all covered, then the next best."""
    placed = {i: _placement(c, config) for i, c in enumerate(clusters)}
    seeds: list[int] = []
    for other in config.sections:
        ids = [i for i in placed if placed[i] == other.key]
        if ids:
            seeds.append(max(ids, key=lambda i: (score[i], -i)))
    # Seeds come from different sections, so they are about different things already.
    chosen = pick(seeds, clusters, score, max_points=sc.max_points, max_words=budget, vectors=vectors)
    words = sum(clusters[i].words for i in chosen)
    taken = set(chosen)
    rest = [i for i in range(len(clusters)) if i not in taken]
    more = pick(rest, clusters, score, max_points=sc.max_points - len(chosen),
                max_words=budget - words, min_points=max(0, sc.min_points - len(chosen)),
                vectors=vectors, diversity=_TAKEAWAY_DIVERSITY, against=chosen)
    section_order = {s.key: n for n, s in enumerate(config.sections)}
    return sorted(chosen + more, key=lambda i: (section_order.get(placed[i] or "", 99), -score[i]))


def assemble(articles: Sequence[Article], sentences: Sequence[Sentence], config: Config,
             method: str, model: str) -> Briefing:
    vectors = tfidf(sentences)
    clusters = cluster(sentences, config.similarity, vectors)
    overall = scores(clusters, method, config.language)  # story-wide: takeaways, and section pools
    budgets = _budgets(config)
    used: set[int] = set()
    built: dict[str, Section] = {}
    for sc in config.sections:
        if sc.kind == "summary":
            chosen = _takeaways(sc, clusters, config, overall, budgets[sc.key], vectors)
            used.update(chosen)
            built[sc.key] = Section(key=sc.key, title=sc.title,
                                    points=tuple(clusters[i].point() for i in chosen))
        elif sc.kind == "sources":
            built[sc.key] = Section(key=sc.key, title=sc.title)
    fill = sorted((sc for sc in config.sections if sc.kind in _FILL_ORDER),
                  key=lambda sc: _FILL_ORDER[sc.kind])
    for sc in fill:
        ids = [i for i, c in enumerate(clusters) if i not in used and sc.key in c.lead.sections]
        if sc.kind == "parties":  # before pooling, so that the pool holds only stances
            ids = [i for i in ids if clusters[i].lead.speaker is not None]
        build = _parties if sc.kind == "parties" else _section
        section, chosen = build(sc, clusters, _pool(ids, overall), config, method, budgets[sc.key], vectors)
        used.update(chosen)
        built[sc.key] = section
    sections = [built[sc.key] for sc in config.sections]
    return Briefing(title=config.title, subject=config.subject, sections=tuple(sections),
                    sources=tuple(a.source for a in articles), method=method, model=model)
