"""Routing quality against the labelled units of the seeds.

    python benchmarks/routing.py [--labels PATH] [--seeds DIR] [--write-baseline] [--check]

Aligns the pipeline's sentences to the labelled units by text overlap, then reports
precision / recall / F1 for the cleaner (is each unit kept as body or not), for each
section label (a sentence carries the labels of every section the router gives it), and
accuracy of party attribution on body units. `--check` fails
(exit 1) when a figure drops below `benchmarks/baseline.json`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.analyse import analyse  # noqa: E402
from briefing.classify import classify  # noqa: E402
from briefing.clean import clean  # noqa: E402
from briefing.config import load_config  # noqa: E402
from briefing.readers import read_folder  # noqa: E402

SECTION_LABELS = {"talks": "talks", "positions": "position", "military": "military",
                  "open_questions": "open_question"}
LABELS = ("talks", "position", "military", "open_question")
PARTIES = ("ukraine", "russia", "us", "europe")
BASELINE = Path(__file__).with_name("baseline.json")
_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_match(unit: str, candidates: list) -> tuple[object | None, float]:
    """The candidate whose words cover most of the unit's words (share of the unit covered)."""
    want = Counter(tokens(unit))
    total = sum(want.values()) or 1
    best, score = None, 0.0
    for cand in candidates:
        have = Counter(tokens(cand.text))
        cover = sum((want & have).values()) / total
        if cover > score:
            best, score = cand, cover
    return best, score


def measure(labels_path: Path, seeds: Path, errors: list[str] | None = None) -> dict[str, float]:
    config = load_config()
    raws, _ = read_folder(seeds)
    articles = [clean(raw, n, config) for n, raw in enumerate(raws, 1)]
    sentences, _ = analyse(articles, config)
    sentences = classify(sentences, config)
    doc_of = {raw.path.name[:3]: n for n, raw in enumerate(raws, 1)}
    units = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines() if line.strip()]

    clean_counts = Counter()
    section_counts = {label: Counter() for label in LABELS}
    party_right = party_total = 0
    party_counts = {p: Counter() for p in PARTIES}
    leaks = []
    for unit in units:
        source = doc_of[unit["doc"]]
        mine = [s for s in sentences if s.source == source]
        match, cover = best_match(unit["text"], mine)
        kept = match is not None and cover >= 0.6
        is_body = unit["kind"] == "body"
        clean_counts[("tp" if kept else "fn") if is_body else ("fp" if kept else "tn")] += 1
        if kept and not is_body:
            # A heading's words may all occur in a longer body sentence; it leaked only if
            # the sentence is essentially the heading itself.
            reverse = sum((Counter(tokens(match.text)) & Counter(tokens(unit["text"]))).values())
            if reverse / max(1, len(tokens(match.text))) >= 0.6:
                leaks.append(unit["text"])
            else:
                clean_counts["fp"] -= 1
                clean_counts["tn"] += 1
        if not (is_body and kept):
            continue
        # Exactly the sections the router gives the sentence: the ones the briefing may
        # place it in (see `route` for the rule deciding them).
        predicted = {SECTION_LABELS[k] for k in match.sections if k in SECTION_LABELS}
        gold = set(unit["sections"])
        if errors is not None and predicted != gold:
            errors.append(f"{unit['doc']}/{unit['i']} gold={','.join(sorted(gold)) or '-'} "
                          f"got={','.join(sorted(predicted)) or '-'} | {unit['text'][:110]}")
        for label in LABELS:
            c = section_counts[label]
            c["tp" if label in predicted and label in gold else
              "fp" if label in predicted else "fn" if label in gold else "tn"] += 1
        speaker = match.speaker if match.speaker in PARTIES else None
        party_total += 1
        party_right += speaker == unit["party"]
        for p in PARTIES:
            c = party_counts[p]
            c["tp" if speaker == p == unit["party"] else "fp" if speaker == p else
              "fn" if unit["party"] == p else "tn"] += 1

    out: dict[str, float] = {}
    out["clean.body.p"], out["clean.body.r"], out["clean.body.f1"] = prf(
        clean_counts["tp"], clean_counts["fp"], clean_counts["fn"])
    out["clean.junk_leaked"] = float(len(leaks))
    for label in LABELS:
        c = section_counts[label]
        out[f"section.{label}.p"], out[f"section.{label}.r"], out[f"section.{label}.f1"] = prf(c["tp"], c["fp"], c["fn"])
    out["section.macro_f1"] = sum(out[f"section.{lab}.f1"] for lab in LABELS) / len(LABELS)
    for p in PARTIES:
        c = party_counts[p]
        out[f"party.{p}.p"], out[f"party.{p}.r"], out[f"party.{p}.f1"] = prf(c["tp"], c["fp"], c["fn"])
    out["party.accuracy"] = party_right / party_total if party_total else 0.0
    return {k: round(v, 3) for k, v in out.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=ROOT.parent / "shared" / "data" / "seeds_sentences.jsonl")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--write-baseline", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list the units whose sections differ from the labels")
    args = ap.parse_args()
    if not args.labels.exists():
        print(f"labels not found: {args.labels}", file=sys.stderr)
        return 2
    errors: list[str] = []
    figures = measure(args.labels, args.seeds, errors)
    if args.errors:
        print("\n".join(errors))
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value:.3f}")
    if args.write_baseline:
        BASELINE.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.check and BASELINE.exists():
        base = json.loads(BASELINE.read_text(encoding="utf-8"))
        worse = [k for k in ("clean.body.f1", "section.macro_f1", "party.accuracy")
                 if figures.get(k, 0) + 1e-9 < base.get(k, 0)]
        if figures["clean.junk_leaked"] > base.get("clean.junk_leaked", 0):
            worse.append("clean.junk_leaked")
        if worse:
            print("below baseline: " + ", ".join(worse), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
