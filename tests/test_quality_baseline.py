"""Routing quality may rise but never silently fall: the figures of benchmarks/routing.py
against the labelled seeds are pinned in benchmarks/baseline.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT.parent / "shared" / "data" / "seeds_sentences.jsonl"
BASELINE = ROOT / "benchmarks" / "baseline.json"


@pytest.mark.skipif(not LABELS.exists(), reason="labelled dev data not beside the checkout")
def test_routing_figures_do_not_drop_below_the_baseline() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from routing import measure

    figures = measure(LABELS, ROOT / "seeds")
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert figures["clean.junk_leaked"] == 0
    for key in ("clean.body.f1", "section.macro_f1", "party.accuracy"):
        assert figures[key] >= base[key] - 1e-9, f"{key} fell from {base[key]} to {figures[key]}"
