"""Regeneration benchmark: full build, no-op build, rebuild after one article changed, and
watch mode's save-to-DOCX latency.

    python benchmarks/regen.py [--sizes 5,500] [--repeat 3] [--write]

Every figure is the wall time of the real command (`python -m briefing build ...`), Python
start-up included, median of --repeat runs. Corpora above 5 articles come from
`benchmarks/corpus.py` (the seeds recombined, deterministic). `--write` puts the table in
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from readme import put_block  # noqa: E402 - benchmarks/ is the script's folder

ROOT = Path(__file__).resolve().parent.parent
MARK_START, MARK_END = "<!-- regen:start -->", "<!-- regen:end -->"


def corpus(size: int, folder: Path) -> Path:
    if size == 5:
        shutil.copytree(ROOT / "seeds", folder)
        return folder
    sys.path.insert(0, str(Path(__file__).parent))
    from corpus import write_corpus  # the scale benchmark's generator

    return write_corpus(size, folder)


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "briefing", *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def touch_one(seeds: Path, n: int) -> None:
    """Change one article the way an editor would: new text, saved by rename."""
    article = sorted(p for p in seeds.iterdir() if p.suffix == ".txt")[0]
    text = article.read_text(encoding="utf-8")
    text = re.sub(r"\d+ percent", f"{40 + n} percent", text, count=1) + f"\nEdited {n} times.\n"
    tmp = article.with_name(f".{article.name}.swp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, article)


def watch_latency(seeds: Path, out: Path, env: dict[str, str], repeat: int) -> list[float]:
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "watch", str(seeds), "--out", str(out),
                             "--debounce", "100"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    docx = out / "briefing.docx"
    try:
        deadline = time.monotonic() + 300
        while not docx.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        times = []
        for n in range(repeat):
            time.sleep(1.0)
            before = docx.stat().st_mtime_ns
            started = time.perf_counter()
            touch_one(seeds, 100 + n)
            while docx.stat().st_mtime_ns == before and time.perf_counter() - started < 300:
                time.sleep(0.01)
            times.append(time.perf_counter() - started)
        return times
    finally:
        # Ctrl-C as a user stops it; a shell that started this script in the background
        # without job control makes its children ignore SIGINT, hence the fallback.
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait(timeout=15)


def measure(size: int, repeat: int, work: Path) -> dict[str, float]:
    seeds = corpus(size, work / f"seeds-{size}")
    env = {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-{size}")}
    full, noop, one = [], [], []
    for n in range(repeat):
        out = work / f"out-{size}-{n}"
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
        full.append(timed(["build", str(seeds), "--out", str(out)], env))
        noop.append(timed(["build", str(seeds), "--out", str(out)], env))
        touch_one(seeds, n)
        one.append(timed(["build", str(seeds), "--out", str(out)], env))
    watch = watch_latency(seeds, work / f"watch-{size}", env, repeat) if size <= 50 else []
    return {"size": size, "full": statistics.median(full), "noop": statistics.median(noop),
            "one": statistics.median(one), "watch": statistics.median(watch) if watch else float("nan")}


def table(rows: list[dict[str, float]]) -> str:
    lines = ["| articles | full build | no-op build | one article changed | changed ÷ full | watch: save → DOCX |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        watch = "—" if r["watch"] != r["watch"] else f"{r['watch']:.2f} s"
        lines.append(f"| {int(r['size'])} | {r['full']:.2f} s | {r['noop']:.2f} s | {r['one']:.2f} s | "
                     f"{r['one'] / r['full']:.0%} | {watch} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(int(s), args.repeat, Path(tmp)) for s in args.sizes.split(",")]
    text = table(rows)
    print(text)
    if args.write:
        put_block(MARK_START, MARK_END, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
