"""How many of the seeds' key facts the briefing states, in the right place, once.

    .venv/bin/python benchmarks/keyfacts.py                 # build seeds/ and score it
    .venv/bin/python benchmarks/keyfacts.py --md out/briefing.md   # score a file as it is
    .venv/bin/python benchmarks/keyfacts.py --write         # and put the figures in README.md

The facts are `benchmarks/data/keyfacts.json` (see its "about"). A fact counts as placed
when a point matching it stands in one of its places; "Key takeaways" is reported apart,
since a summary is the right place for any fact and the facts' lists do not name it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).with_name("data") / "keyfacts.json"
TAKEAWAYS = "Key takeaways"
CURRENT = ("Status of talks", TAKEAWAYS)


@dataclass
class Point:
    place: str
    text: str


def points(markdown: str) -> list[Point]:
    """Every bullet and key-figure row of a briefing, with the heading it stands under."""
    out: list[Point] = []
    section = sub = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            section, sub = line[3:].strip(), ""
        elif line.startswith("### "):
            sub = line[4:].strip()
        elif line.startswith("- ") or (line.startswith("| ") and section == "Key figures"
                                      and not line.startswith("| Figure") and "---" not in line):
            place = section
            if section == "Positions by party" and sub:
                place = f"{section}/{sub}"
            elif sub == "Where sources differ":
                place = sub
            text = re.sub(r"\[\d+(, \d+)*\]|\(\d+ of \d+ sources?\)", " ", line[2:])
            out.append(Point(place, " ".join(text.split())))
    return out


@dataclass
class Score:
    weight: int = 0
    placed: int = 0
    in_takeaways: int = 0
    missing: list[str] = field(default_factory=list)
    misplaced: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    words: int = 0

    def share(self, takeaways: bool = False) -> float:
        return (self.placed + (self.in_takeaways if takeaways else 0)) / self.weight


def matches(fact: dict, text: str) -> bool:
    return all(re.search(p, text, flags=re.I) for p in fact["all"])


def score(markdown: str, data: dict) -> Score:
    ps = points(markdown)
    s = Score(words=len(markdown.split()))
    for fact in data["facts"]:
        s.weight += fact["w"]
        hits = [p for p in ps if matches(fact, p.text)]
        places = {p.place for p in hits}
        if places & set(fact["where"]):
            s.placed += fact["w"]
        elif TAKEAWAYS in places:
            s.in_takeaways += fact["w"]
        elif hits:
            s.misplaced.append(f"{fact['id']} ({', '.join(sorted(places))})")
        else:
            s.missing.append(fact["id"])
        # A key figure row beside the point that explains it is no repeat.
        told = [p for p in hits if p.place != "Key figures"]
        if len(told) > 1:
            s.repeated.append(f"{fact['id']} ×{len(told)}")
    for fact in data.get("stale", []):
        if any(p.place in CURRENT and matches(fact, p.text) for p in ps):
            s.stale.append(fact["id"])
    return s


def build(folder: Path) -> str:
    from briefing.pipeline import build_briefing, render  # noqa: PLC0415 — only when building

    return render(build_briefing(folder), ("md",))["briefing.md"].decode("utf-8")


def report(s: Score, data: dict) -> str:
    return "\n".join([
        f"Key facts of `{data['folder']}/` ({len(data['facts'])} facts, weight {s.weight}):",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| weighted share in a right section and party | {s.share():.0%} |",
        f"| … counting facts told only in Key takeaways | {s.share(True):.0%} |",
        f"| misplaced | {len(s.misplaced)}{': ' + '; '.join(s.misplaced) if s.misplaced else ''} |",
        f"| repeated | {len(s.repeated)}{': ' + '; '.join(s.repeated) if s.repeated else ''} |",
        f"| stale news shown as current | {len(s.stale)}{': ' + ', '.join(s.stale) if s.stale else ''} |",
        f"| words (whole Markdown) | {s.words} |",
        "",
        f"Missing: {', '.join(s.missing) or 'none'}.",
    ])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--md", type=Path, help="score this briefing instead of building one")
    ap.add_argument("--write", action="store_true", help="put the figures in benchmarks/README.md")
    args = ap.parse_args()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    markdown = args.md.read_text(encoding="utf-8") if args.md else build(ROOT / data["folder"])
    text = report(score(markdown, data), data)
    print(text)
    if args.write:
        sys.path.insert(0, str(Path(__file__).parent))
        from readme import put_block  # noqa: PLC0415

        put_block("<!-- keyfacts:start -->", "<!-- keyfacts:end -->", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
