"""The stage order as the pipeline reports it, and parsing in several processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import analyse as analyse_module
from briefing.analyse import analyse, processes
from briefing.clean import clean
from briefing.config import load_config
from briefing.pipeline import build
from briefing.readers import read_folder


def test_stages_are_reported_in_order(tmp_path: Path, seeds_dir: Path) -> None:
    seen: list[str] = []
    build(seeds_dir, tmp_path, formats=("md",), on_stage=seen.append, use_cache=False)
    assert seen == ["read", "clean", "load", "parse", "route", "select", "render", "write", "done"]


def test_cached_analysis_skips_loading_and_parsing(tmp_path: Path, seeds_dir: Path) -> None:
    cache = tmp_path / "cache"
    build(seeds_dir, tmp_path / "a", formats=("md",), cache_dir=cache)
    seen: list[str] = []
    build(seeds_dir, tmp_path / "b", formats=("md",), cache_dir=cache, on_stage=seen.append)
    assert seen == ["read", "clean", "route", "select", "render", "write", "done"]


@pytest.mark.parametrize(("paragraphs", "jobs", "expected"), [
    (100, 4, 1),      # a small input is not worth a worker's start-up
    (5000, 1, 1),
    (5000, 2, 2),
    (2500, 8, 2),     # no more processes than thousands of paragraphs
])
def test_processes(paragraphs: int, jobs: int, expected: int) -> None:
    assert processes(paragraphs, jobs) == expected


def test_jobs_zero_means_one_per_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analyse_module.os, "cpu_count", lambda: 3)
    assert processes(10_000, 0) == 3


def test_several_processes_give_the_same_sentences(monkeypatch: pytest.MonkeyPatch, seeds_dir: Path,
                                                   seed_sentences: list) -> None:
    from briefing.classify import classify

    config = load_config()
    raws, _ = read_folder(seeds_dir)
    articles = [clean(raw, n, config) for n, raw in enumerate(raws, 1)]
    monkeypatch.setattr(analyse_module, "PARAGRAPHS_PER_PROCESS", 10)
    assert processes(sum(len(a.body) for a in articles), 2) == 2
    sentences, _ = analyse(articles, config, jobs=2)
    assert classify(sentences, config) == seed_sentences


def test_cached_analysis_reads_back_as_parsed(tmp_path: Path, seed_sentences: list) -> None:
    """Every field of every sentence survives the cache, in the layout `asdict` gives, and
    reads back equal: a list where a tuple was broke joining a sentence to two before it."""
    import json
    from dataclasses import asdict

    from briefing.cache import AnalysisCache, _to_dict

    assert all(json.dumps(_to_dict(s)) == json.dumps(asdict(s)) for s in seed_sentences)
    cache = AnalysisCache(tmp_path)
    cache.put("ab" * 32, list(seed_sentences))
    back = cache.get("ab" * 32)
    assert back is not None and [json.dumps(asdict(s)) for s in back] == [json.dumps(asdict(s)) for s in seed_sentences]
    assert back == list(seed_sentences)


def test_a_long_list_of_sources_counts_for_a_fifth_of_the_budget_at_most() -> None:
    """500 articles list more words of sources than the whole budget: counted whole, they
    left a briefing of six points. The list counts for a fifth at most, as its estimate does."""
    from briefing.config import load_config
    from briefing.pipeline import counted_words

    config = load_config()
    points = "## Status of talks\n\n" + "- A point of ten words in the briefing, cited here. [1]\n" * 10
    listed = "## Sources\n\n" + "".join(f"{n}. Some outlet's title of an article — `{n:03}.txt`\n" for n in range(1, 501))
    short = "## Sources\n\n1. One title — `001.txt`\n"
    assert counted_words(points + short, config) == len((points + short).split())
    assert counted_words(points + listed, config) == len(points.split()) + config.max_words // 5
