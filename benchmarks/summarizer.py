"""Summarizer benchmark: ROUGE-1 and ROUGE-2 recall at 100 words, and speed.

    python benchmarks/summarizer.py [--words 100] [--write]

Every system sees the same sentences (the briefing's readers and cleaner, spaCy's sentence
recogniser) of each cluster in benchmarks/data/*.json and returns sentences; their text in
the order given is cut at --words words and scored against each cluster's reference
summaries. Systems: this project's summarizer (exact ILP and greedy), sumy's LexRank,
TextRank, LSA, Luhn, KL-Sum and SumBasic fed with spaCy's words (highest-rated sentences
until the budget is filled, in reading order), and two lead baselines.

ROUGE-N recall is computed here the way ROUGE 1.5.5 does with `-m -n 2 -l 100`: lower
case, anything but letters and digits is a separator, Porter stems, no stop words
removed, clipped n-gram counts summed over all references of a cluster, then averaged
over clusters. `--write` puts the tables in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from readme import put_block  # noqa: E402 - benchmarks/ is the script's folder

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.clean import clean, screen  # noqa: E402
from briefing.config import load_config  # noqa: E402
from briefing.model import Sentence  # noqa: E402
from briefing.multidoc import DEFAULTS, Candidate, Settings, _sentences, summarize_candidates, summarize_texts  # noqa: E402
from briefing.readers import read_folder  # noqa: E402

import linbilmes  # noqa: E402 - benchmarks/ is the script's folder

DATA = Path(__file__).with_name("data")
MARK_START, MARK_END = "<!-- summarizer:start -->", "<!-- summarizer:end -->"
SUMY = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")

_TOKEN = re.compile(r"[a-z0-9]+")


def _porter():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


_STEM = _porter()


def grams(text: str, n: int) -> Counter[tuple[str, ...]]:
    toks = [_STEM.stem(t) for t in _TOKEN.findall(text.lower())]
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def rouge_recall(summary: str, references: Sequence[str], n: int, words: int) -> float:
    """ROUGE-N recall of `summary` cut at `words` words against all references together."""
    cut = " ".join(summary.split()[:words])
    mine = grams(cut, n)
    hits = total = 0
    for ref in references:
        theirs = grams(ref, n)
        hits += sum(min(c, mine[g]) for g, c in theirs.items())
        total += sum(theirs.values())
    return hits / total if total else 0.0


def load_clusters() -> list[dict]:
    clusters = []
    for path in sorted(DATA.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for c in data.get("clusters", ()):  # other benchmarks keep their data here too
            c["set"] = path.stem
            clusters.append(c)
    return clusters


def cluster_sentences(cluster: dict, nlp) -> list[Candidate]:  # type: ignore[no-untyped-def]
    config = load_config()
    if "folder" in cluster:
        raws, _ = read_folder(ROOT / cluster["folder"])
        articles, _ = screen([clean(r, n, config) for n, r in enumerate(raws, 1)], config)
    else:
        from briefing.multidoc import _articles_from_texts

        articles = _articles_from_texts(cluster["documents"], config)
    return _sentences(articles, nlp)


def by_rating(cands: Sequence[Candidate], ratings: Sequence[float], words: int) -> list[str]:
    """Highest-rated sentences until the budget is filled, then in reading order."""
    order = sorted(range(len(cands)), key=lambda j: (-ratings[j], j))
    chosen, total = [], 0
    for j in order:
        if total >= words:
            break
        chosen.append(j)
        total += cands[j].unit.length
    return [cands[j].text for j in sorted(chosen)]


def sumy_system(method: str) -> Callable[[Sequence[Candidate], int], list[str]]:
    from briefing.summarize import rank

    def run(cands: Sequence[Candidate], words: int) -> list[str]:
        sents = [Sentence(text=c.text, source=c.unit.doc + 1, paragraph=0, index=c.unit.position,
                          words=c.unit.words) for c in cands]
        return by_rating(cands, rank(sents, method, "english"), words)

    return run


def lead(cands: Sequence[Candidate], words: int) -> list[str]:
    """The opening of the first article."""
    return [c.text for c in cands if c.unit.doc == 0]


def lead_each(cands: Sequence[Candidate], words: int) -> list[str]:
    """The first sentence of each article, then the second of each, and so on."""
    order = sorted(range(len(cands)), key=lambda j: (cands[j].unit.position, cands[j].unit.doc))
    return by_rating(cands, [-order.index(j) for j in range(len(cands))], words)


SYSTEMS: dict[str, Callable[[Sequence[Candidate], int], list[str]]] = {
    "briefing (ILP)": lambda c, w: summarize_candidates(c, w, "ilp"),
    "briefing (greedy)": lambda c, w: summarize_candidates(c, w, "greedy"),
    "Lin & Bilmes 2011": linbilmes.summarize,
    **{f"sumy {m}": sumy_system(m) for m in SUMY},
    "lead (first article)": lead,
    "lead (each article in turn)": lead_each,
}


def prepared() -> list[tuple[dict, list[Candidate]]]:
    """Each cluster with its sentences."""
    from briefing.analyse import load_model

    nlp, _ = load_model(load_config().models)
    return [(cluster, cluster_sentences(cluster, nlp)) for cluster in load_clusters()]


def scores(system: Callable[[Sequence[Candidate], int], list[str]], cluster: dict,
           cands: Sequence[Candidate], words: int) -> tuple[float, float]:
    summary = " ".join(system(cands, words))
    return (rouge_recall(summary, cluster["references"], 1, words),
            rouge_recall(summary, cluster["references"], 2, words))


def evaluate(data: list[tuple[dict, list[Candidate]]], words: int) -> tuple[list[dict], dict[str, dict[str, float]]]:
    rows = []
    for cluster, cands in data:
        row = {"id": cluster["id"], "set": cluster["set"], "docs": len({c.unit.doc for c in cands})}
        for name, system in SYSTEMS.items():
            row[name] = scores(system, cluster, cands, words)
        rows.append(row)
    means = {name: {"R1": statistics.mean(r[name][0] for r in rows),
                    "R2": statistics.mean(r[name][1] for r in rows)} for name in SYSTEMS}
    return rows, means


# Settings tried by `leave_one_out`: the shipped ones first, so that they win ties.
GRID = [DEFAULTS] + [Settings(min_words=m, position_bonus=p, lead_bonus=b)
                     for m in (8, 10, 12) for p in (0.0, 0.3, 1.0) for b in (0.0, 0.5, 1.0, 2.0)
                     if Settings(min_words=m, position_bonus=p, lead_bonus=b) != DEFAULTS]


def leave_one_out(data: list[tuple[dict, list[Candidate]]], words: int) -> dict:
    """What tuning the summarizer's settings on this data would be worth: for each cluster,
    the settings best on all the others (mean ROUGE-1 + ROUGE-2 recall), scored on it."""
    table = [[scores(lambda c, w, s=s: summarize_candidates(c, w, "ilp", s), cluster, cands, words)
              for cluster, cands in data] for s in GRID]

    def total(g: int, keep: Sequence[int]) -> float:
        return sum(table[g][k][0] + table[g][k][1] for k in keep)

    held_out, picked = [], []
    for k in range(len(data)):
        others = [i for i in range(len(data)) if i != k]
        g = max(range(len(GRID)), key=lambda g: (total(g, others), -g))
        held_out.append(table[g][k])
        picked.append(g)
    best = max(range(len(GRID)), key=lambda g: (total(g, range(len(data))), -g))

    def mean_of(cells: Sequence[tuple[float, float]]) -> tuple[float, float]:
        return statistics.mean(c[0] for c in cells), statistics.mean(c[1] for c in cells)

    return {"held_out": mean_of(held_out), "shipped": mean_of(table[0]),
            "best": (GRID[best], mean_of(table[best])), "tried": len(GRID),
            "picked_shipped": sum(1 for g in picked if g == 0)}


def timing(repeat: int = 5) -> dict[str, float]:
    """Seconds for summarize_texts on ten articles (the seeds and the seeds with their
    paragraphs in reverse order, about 5,600 words), model already loaded; and the load."""
    from briefing.analyse import _load

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += ["\n".join(reversed(t.splitlines())) for t in texts]
    _load.cache_clear()
    start = time.perf_counter()
    summarize_texts(texts[:1], 10)
    first = time.perf_counter() - start
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        summarize_texts(texts, 100)
        runs.append(time.perf_counter() - start)
    return {"first_call": first, "median": statistics.median(runs), "max": max(runs),
            "articles": len(texts), "words": sum(len(t.split()) for t in texts)}


def _mean(rows: Sequence[dict], name: str) -> str:
    if not rows:
        return "—"
    return f"{statistics.mean(r[name][0] for r in rows):.4f} / {statistics.mean(r[name][1] for r in rows):.4f}"


def table(rows: list[dict], means: dict[str, dict[str, float]], tuning: dict, speed: dict[str, float],
          words: int) -> str:
    multi = [r for r in rows if r["docs"] > 1]
    single = [r for r in rows if r["docs"] == 1]
    lexrank = "sumy lexrank"
    lines = [f"ROUGE recall at {words} words, mean over {len(rows)} clusters "
             f"({', '.join(r['id'] for r in rows)}); {len(multi)} have several articles, "
             f"{len(single)} one:", "",
             "| system | ROUGE-1 R | ROUGE-2 R | several articles (R1 / R2) | one article (R1 / R2) "
             "| clusters ahead of LexRank in R2 (behind) |",
             "| --- | --- | --- | --- | --- | --- |"]
    for name, m in sorted(means.items(), key=lambda kv: -kv[1]["R2"]):
        bold = "**" if name.startswith("briefing (ILP)") else ""
        if name == lexrank:
            versus = "—"
        else:
            ahead = sum(1 for r in rows if r[name][1] > r[lexrank][1] + 1e-9)
            behind = sum(1 for r in rows if r[name][1] < r[lexrank][1] - 1e-9)
            versus = f"{ahead} ({behind})"
        lines.append(f"| {bold}{name}{bold} | {bold}{m['R1']:.4f}{bold} | {bold}{m['R2']:.4f}{bold} "
                     f"| {_mean(multi, name)} | {_mean(single, name)} | {versus} |")
    lines += ["", "Per cluster (ROUGE-1 / ROUGE-2 recall):", "",
              "| cluster | articles | " + " | ".join(SYSTEMS) + " |", "| --- | --- |" + " --- |" * len(SYSTEMS)]
    for r in rows:
        lines.append(f"| {r['id']} | {r['docs']} | "
                     + " | ".join(f"{r[n][0]:.3f} / {r[n][1]:.3f}" for n in SYSTEMS) + " |")
    best, (b1, b2) = tuning["best"]
    h1, h2 = tuning["held_out"]
    s1, s2 = tuning["shipped"]
    lines += ["", f"Tuning check: of {tuning['tried']} settings (shortest sentence 8, 10 or 12 words; "
              f"position bonus 0, 0.3 or 1; lead bonus 0, 0.5, 1 or 2), the best on all clusters "
              f"(min_words={best.min_words}, position_bonus={best.position_bonus}, "
              f"lead_bonus={best.lead_bonus}) scores {b1:.4f} / {b2:.4f}, the shipped ones "
              f"{s1:.4f} / {s2:.4f}. Chosen on the other clusters and scored on the one left out, "
              f"tuning scores {h1:.4f} / {h2:.4f} (the shipped settings were chosen in "
              f"{tuning['picked_shipped']} of {len(rows)} folds)."]
    lines += ["", f"Speed: `summarize_texts` on {speed['articles']} articles ({speed['words']:,} words) "
              f"takes {speed['median']:.2f} s (median of 5, slowest {speed['max']:.2f} s) once the "
              f"spaCy model is loaded; the first call, loading it, {speed['first_call']:.1f} s."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--write", action="store_true", help="put the figures in benchmarks/README.md")
    args = parser.parse_args()
    data = prepared()
    rows, means = evaluate(data, args.words)
    tuning = leave_one_out(data, args.words)
    speed = timing()
    text = table(rows, means, tuning, speed, args.words)
    print(text)
    if args.write:
        put_block(MARK_START, MARK_END, text)


if __name__ == "__main__":
    main()
