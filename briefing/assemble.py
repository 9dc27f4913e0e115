"""Assemble: sections, party subsections and sources into one Briefing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .config import Config, SectionConfig
from .model import Article, Briefing, Section, Sentence
from .select import Cluster, cluster, pick, scores

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


def _section(sc: SectionConfig, clusters: Sequence[Cluster], ids: list[int], config: Config,
             method: str, budget: int) -> Section:
    local = scores([clusters[i] for i in ids], method, config.language)
    by_id = {i: local[n] for n, i in enumerate(ids)}
    chosen = pick(ids, clusters, by_id, max_points=sc.max_points, max_words=budget,
                  min_points=sc.min_points)
    return Section(key=sc.key, title=sc.title, points=tuple(clusters[i].point() for i in chosen),
                   note="" if chosen else "Nothing in the sources.")


def _parties(sc: SectionConfig, clusters: Sequence[Cluster], ids: list[int], config: Config,
             method: str, budget: int) -> Section:
    local = scores([clusters[i] for i in ids], method, config.language)
    by_id = {i: local[n] for n, i in enumerate(ids)}
    keys = _party_keys(clusters, ids, config)
    share = budget // max(1, len(keys))
    subsections = []
    for key in keys:
        mine = [i for i in ids if clusters[i].lead.speaker == key]
        chosen = pick(mine, clusters, by_id, max_points=sc.max_points, max_words=share)
        subsections.append(Section(
            key=f"{sc.key}.{key}", title=_party_name(key, config),
            points=tuple(clusters[i].point() for i in chosen),
            note="" if chosen else "No stance attributed to this party in the sources."))
    return Section(key=sc.key, title=sc.title, subsections=tuple(subsections))


def assemble(articles: Sequence[Article], sentences: Sequence[Sentence], config: Config,
             method: str, model: str) -> Briefing:
    clusters = cluster(sentences, config.similarity)
    budgets = _budgets(config)
    used: set[int] = set()
    sections: list[Section] = []
    for sc in config.sections:
        if sc.kind == "sources":
            sections.append(Section(key=sc.key, title=sc.title))
            continue
        if sc.kind == "summary":
            everything = list(range(len(clusters)))
            chosen = pick(everything, clusters, scores(clusters, method, config.language),
                          max_points=sc.max_points, max_words=budgets[sc.key],
                          min_points=sc.min_points, diversity=0.3)
            used.update(chosen)
            sections.append(Section(key=sc.key, title=sc.title,
                                    points=tuple(clusters[i].point() for i in chosen)))
            continue
        ids = [i for i, c in enumerate(clusters) if i not in used and _placement(c, config) == sc.key]
        build = _parties if sc.kind == "parties" else _section
        sections.append(build(sc, clusters, ids, config, method, budgets[sc.key]))
    return Briefing(title=config.title, subject=config.subject, sections=tuple(sections),
                    sources=tuple(a.source for a in articles), method=method, model=model)
