"""Wall time and peak memory of `briefing build` from 5 to 2,000 articles, against the parse floor.

    python benchmarks/scale.py [--sizes 5,50,500,2000] [--jobs 1] [--repeat N] [--write]

For each size it writes a corpus (benchmarks/corpus.py) to a temporary folder, then runs,
each in a fresh process: the build, timed and measured stage by stage (read, clean, load,
parse, route, select, render, write); and the parse floor — spaCy imported, the same model
loaded with the same components, and `nlp.pipe` over the same paragraphs with the same batch
size and processes, once before the build and once after, averaged. Targets are ratios measured in the same run, so a busy machine moves
both sides. `--write` records the figures in benchmarks/scale.json and the table in
benchmarks/README.md (rows of sizes not run are kept).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from readme import put_block  # noqa: E402 - benchmarks/ is the script's folder

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = Path(__file__).with_name("scale.json")
STAGES = ("read", "clean", "load", "parse", "route", "select", "render", "write")
BEGIN, END = "<!-- scale:begin -->", "<!-- scale:end -->"
MiB = 1024


def _peak_kib() -> int:
    """This process' peak resident memory since the last reset (VmHWM), in KiB."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1))


def _reset_peak() -> bool:
    """Start a new peak (Linux: writing 5 to clear_refs); False where that is not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _workers_peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def _cpu() -> float:
    """CPU seconds of this process and its finished workers: less moved by other load than wall time."""
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime


def child_build(corpus: Path, out: Path, jobs: int) -> dict:
    """Runs in the measured process: the build of `corpus`, stage by stage, as the command
    runs it (the CLI module imported, its way of exiting used by `main`)."""
    import briefing.cli  # noqa: F401 - what `briefing build` imports before building
    from briefing.pipeline import build

    marks: list[tuple[str, float, int]] = []

    def on_stage(name: str) -> None:
        now = time.perf_counter()
        marks.append((name, now, _peak_kib()))  # the peak of the stage that just ended
        _reset_peak()

    _reset_peak()
    # An empty output folder and cache of its own: the first build of a corpus, as a user's
    # would be, whichever run of the benchmark or repeat of a size this is (the last one's
    # output would make it a no-op, its cache a rebuild).
    cache = out.with_name(out.name + "-cache")
    for folder in (out, cache):
        shutil.rmtree(folder, ignore_errors=True)
    result = build(corpus, out, jobs=jobs, on_stage=on_stage, discard_edits=True, cache_dir=cache)
    stages = {}
    for (name, start, _), (_, end, peak) in zip(marks, marks[1:]):
        stages[name] = {"seconds": end - start, "peak_mib": peak / MiB}
    points = sum(len(s.points) + sum(len(x.points) for x in s.subsections) for s in result.briefing.sections)
    return {"stages": stages, "workers_peak_mib": _workers_peak_kib() / MiB, "points": points, "cpu": _cpu()}


def child_floor(corpus: Path, jobs: int) -> dict:
    """Runs in the measured process: spaCy import, model load and nlp.pipe alone."""
    from briefing.analyse import BATCH_SIZE, processes
    from briefing.clean import clean
    from briefing.config import load_config
    from briefing.readers import read_folder

    config = load_config()
    raws, _ = read_folder(corpus)
    texts = [b.text for n, raw in enumerate(raws, 1) for b in clean(raw, n, config).body]
    t0 = time.perf_counter()
    import spacy  # noqa: F401

    t1 = time.perf_counter()
    from briefing.analyse import load_model

    nlp, name = load_model(config.models)
    t2 = time.perf_counter()
    _reset_peak()
    cpu = _cpu()
    n_process = processes(len(texts), jobs)
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process):
        pass
    t3 = time.perf_counter()
    return {"import": t1 - t0, "load": t2 - t1, "parse": t3 - t2, "parse_cpu": _cpu() - cpu,
            "peak_mib": _peak_kib() / MiB,
            "workers_peak_mib": _workers_peak_kib() / MiB, "model": name, "processes": n_process,
            "paragraphs": len(texts), "words": sum(len(t.split()) for t in texts)}


def _run(args: list[str]) -> tuple[float, dict]:
    """Wall time of a fresh Python process running this script with `args`, and its report."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"benchmark child failed: {' '.join(args)}\n{proc.stderr}")
    return wall, json.loads(proc.stdout.strip().splitlines()[-1])


def _python_start() -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_TIMES = ("import", "load", "parse", "parse_cpu")


def _mean_floor(floors: list[dict]) -> dict:
    """The floors' times averaged, the highest of their peaks, and how far apart the two
    parses were (a measure of this run's noise)."""
    out = dict(floors[0])
    out.update({k: statistics.mean(f[k] for f in floors) for k in _TIMES})
    out.update({k: max(f[k] for f in floors) for k in ("peak_mib", "workers_peak_mib")})
    parses = [f["parse"] for f in floors]
    out["parse_spread"] = (max(parses) - min(parses)) / statistics.mean(parses)
    return out


def measure(size: int, jobs: int, repeat: int, workdir: Path) -> dict:
    from corpus import write_corpus

    corpus = write_corpus(size, workdir / f"corpus-{size}")
    runs = []
    for _ in range(repeat):
        # The floor is measured on both sides of the build and averaged: on a shared machine
        # a single floor drifts with the load as much as the build does.
        floors = [_run(["--child-floor", str(corpus), "--jobs", str(jobs)])[1]]
        wall, build = _run(["--child-build", str(corpus), str(workdir / f"out-{size}"), "--jobs", str(jobs)])
        floors.append(_run(["--child-floor", str(corpus), "--jobs", str(jobs)])[1])
        runs.append({"wall": wall, "build": build, "floor": _mean_floor(floors), "start": _python_start()})
    run = sorted(runs, key=lambda r: r["wall"])[len(runs) // 2]  # the median run, whole
    floor, build = run["floor"], run["build"]
    cold_floor = run["start"] + floor["import"] + floor["load"] + floor["parse"]
    peak = max(s["peak_mib"] for s in build["stages"].values())
    return {
        "size": size, "jobs": jobs, "processes": floor["processes"], "paragraphs": floor["paragraphs"],
        "words": floor["words"], "wall": run["wall"], "stages": build["stages"], "points": build["points"],
        "peak_mib": peak, "workers_peak_mib": build["workers_peak_mib"],
        "python_start": run["start"], "spacy_import": floor["import"], "model_load": floor["load"],
        "parse_floor": floor["parse"], "floor_spread": floor["parse_spread"],
        "floor_peak_mib": floor["peak_mib"], "model": floor["model"],
        "ratio_parse": run["wall"] / floor["parse"], "ratio_cold": run["wall"] / cold_floor,
        "cpu": build["cpu"], "parse_floor_cpu": floor["parse_cpu"], "ratio_cpu": build["cpu"] / floor["parse_cpu"],
        "repeat": repeat,
    }


def _spread(r: dict) -> str:
    """How far apart the floor's two parses were, before and after the build ("–": one floor)."""
    return f"{r['floor_spread']:.0%}" if "floor_spread" in r else "–"


def _row(r: dict) -> str:
    st = r["stages"]
    stage_cells = " | ".join(f"{st[s]['seconds']:.2f}" if s in st else "–" for s in STAGES)
    workers = f" (+{r['workers_peak_mib']:.0f} largest worker)" if r["processes"] > 1 else ""
    return (f"| {r['size']:,} | {r['jobs']} | {r['words']:,} | {r['wall']:.1f} | {stage_cells} | "
            f"{r['parse_floor']:.1f} | {_spread(r)} | {r['ratio_parse']:.2f} | {r['ratio_cold']:.2f} | {r['ratio_cpu']:.2f} | "
            f"{r['peak_mib']:.0f}{workers} |")


def table(results: list[dict]) -> str:
    head = ("| articles | jobs | words | end to end s | " + " | ".join(STAGES) +
            " | parse floor s | floor spread | ÷ floor | ÷ cold floor | CPU ÷ floor CPU | peak RSS MiB |")
    rule = "|" + " --- |" * (len(STAGES) + 10)
    rows = [_row(r) for r in sorted(results, key=lambda r: (r["jobs"], r["size"]))]
    return "\n".join([head, rule, *rows])


def _commit() -> str:
    """The code measured: HEAD, marked when the work tree has changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout.strip()
    return git("rev-parse", "--short", "HEAD") + ("+changes" if git("status", "--porcelain", "briefing") else "")


def write(results: list[dict]) -> None:
    """Merge `results` into scale.json (by size and jobs) and render all of it into the README."""
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"runs": []}
    commit = _commit()
    for r in results:
        r["commit"] = commit
    keep = {(r["size"], r["jobs"]) for r in results}
    runs = [r for r in stored["runs"] if (r["size"], r["jobs"]) not in keep] + results
    machine = f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {results[0]['model']}"
    RESULTS.write_text(json.dumps({"machine": machine, "runs": runs}, indent=1) + "\n")
    put_block(BEGIN, END, f"Measured on: {machine}.\n\n{table(runs)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5,50,500,2000", help="comma-separated corpus sizes (articles)")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of the build (and processes of the floor)")
    parser.add_argument("--repeat", type=int, default=0, help="runs per size, median kept (default: 3 below 500)")
    parser.add_argument("--write", action="store_true", help="record the figures in scale.json and README.md")
    parser.add_argument("--child-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build:
        from briefing.cli import leave

        print(json.dumps(child_build(*args.child_build, args.jobs)))
        leave(0)
    if args.child_floor:
        print(json.dumps(child_floor(args.child_floor, args.jobs)))
        return
    sys.path.insert(0, str(Path(__file__).parent))
    # An installed tool runs from byte-code that pip compiled; where Python may not write
    # it (PYTHONDONTWRITEBYTECODE), every build would compile the package from source.
    compileall.compile_dir(ROOT / "briefing", quiet=1)
    _run(["--child-floor", str(ROOT / "seeds"), "--jobs", "1"])  # warm the page cache: model, code
    results = []
    with tempfile.TemporaryDirectory(prefix="briefing-scale-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            repeat = args.repeat or (3 if size < 500 else 1)
            r = measure(size, args.jobs, repeat, Path(tmp))
            results.append(r)
            print(table([r]).splitlines()[-1] if results[1:] else table([r]), flush=True)
    if args.write:
        write(results)


if __name__ == "__main__":
    main()
