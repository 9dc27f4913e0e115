"""What a user changed in a generated briefing, and where their changes go in the next one.

Formats reduce to a list of `Block`s (paragraphs and headings). The manifest keeps, for each
output, a record of the blocks the last build generated. Comparing the file on disk with that
record tells apart what the user added or rewrote (blocks the build never wrote) from what
they deleted (generated blocks no longer there). Added blocks are anchored to the nearest
generated heading above them and the nearest generated block above them within that heading;
deleted points are remembered so that the generator does not bring them back.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from .model import Briefing, Section

ORPHAN_HEADING = "Analyst notes"  # where notes go when their section is no longer in the briefing


def normalise(text: str) -> str:
    """Text as compared: Unicode-composed, whitespace collapsed (editors re-wrap and re-space)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def digest(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:20]


def point_key(text: str) -> str:
    """A point's identity across builds: its quoted words, not its citations or "New:" mark,
    which change when sources come and go."""
    return "p:" + digest(text)


@dataclass
class Block:
    """One paragraph or heading of an output, as the merge sees it."""

    text: str  # as shown, normalised
    level: int | None  # 0 title, 1–6 headings, None for any other paragraph
    raw: Any = None  # format-specific: Markdown lines, or the DOCX runs
    id: str = ""  # a point's key, else the text's digest

    @property
    def hash(self) -> str:
        return digest(self.text)


@dataclass(frozen=True)
class Note:
    """A run of consecutive user blocks and where it was."""

    heading: str | None  # normalised text of the generated heading above it
    after: str | None  # id of the generated block above it under that heading; None: right below it
    blocks: tuple[Block, ...]


@dataclass
class Edits:
    """What the user did to one output since the build that wrote it."""

    notes: list[Note] = field(default_factory=list)
    suppressed: set[str] = field(default_factory=set)  # ids of deleted points and paragraphs
    edited: bool = False  # the file differs from what was written
    rewritten: int = 0  # of the user's blocks, those that replace a generated one they deleted


def identify(blocks: list[Block], points: dict[str, str]) -> None:
    """Give each block its id: the key of the point whose words it shows, else its digest.
    `points` maps a point's key to its words as this format prints them (normalised)."""
    for block in blocks:
        found = [(len(words), key) for key, words in points.items() if block.level is None and words in block.text]
        block.id = max(found)[1] if found else block.hash


def record(blocks: Iterable[Block]) -> list[dict[str, Any]]:
    """What the manifest keeps of a generated output."""
    # The text is kept to tell a rewritten paragraph from an added one when reporting.
    return [{"h": b.hash, "id": b.id, "level": b.level, "text": b.text} for b in blocks]


def compare(on_disk: list[Block], generated: list[dict[str, Any]], suppressed: Iterable[str]) -> Edits:
    """The user's notes and deletions, from the file on disk and the record of what was generated."""
    made = {str(r.get("h")): r for r in generated if isinstance(r, dict)}
    present = {b.hash for b in on_disk}
    gone = [r for h, r in made.items() if h not in present and r.get("level") is None]
    edits = Edits(suppressed={*suppressed, *(str(r["id"]) for r in gone if r.get("id"))})
    heading: str | None = None
    after: str | None = None
    run: list[Block] = []

    def close() -> None:
        if run:
            edits.notes.append(Note(heading, after, tuple(run)))
            run.clear()

    for block in on_disk:
        known = made.get(block.hash)
        if known is None:
            run.append(block)
            continue
        close()
        if known.get("level") is not None:
            heading, after = block.text, None
        else:
            after = str(known.get("id") or block.hash)
    close()
    gone_texts = [str(r.get("text", "")) for r in gone if r.get("text")]
    edits.rewritten = sum(1 for n in edits.notes for b in n.blocks if _resembles(b.text, gone_texts))
    return edits


def _resembles(text: str, others: list[str]) -> bool:
    return any(difflib.SequenceMatcher(None, text, o).ratio() >= 0.5 for o in others)


def without_points(briefing: Briefing, suppressed: set[str]) -> tuple[Briefing, int]:
    """The briefing less the points the user deleted, and how many that left out."""
    left_out = 0

    def keep(section: Section) -> Section:
        nonlocal left_out
        points = tuple(p for p in section.points if point_key(p.text) not in suppressed)
        if section.key == "changes":
            # A point the user deleted is not news when the generator drops it as well.
            return replace(section, points=points)
        left_out += len(section.points) - len(points)
        return replace(section, points=points, subsections=tuple(keep(s) for s in section.subsections))

    sections = tuple(keep(s) for s in briefing.sections)
    return replace(briefing, sections=sections), left_out


def point_words(briefing: Briefing, shown: Callable[[str], str]) -> dict[str, str]:
    """Key → words as printed, for every point of the briefing (not the 'what changed' list)."""
    out = {}
    for section in briefing.sections:
        if section.key == "changes":
            continue
        for sub in (section, *section.subsections):
            for point in sub.points:
                out[point_key(point.text)] = normalise(shown(point.text))
    return out


@dataclass(frozen=True)
class Target:
    """Where a note goes in the new output: after block `index`, or before it, or at the end."""

    index: int | None  # None: at the end, under ORPHAN_HEADING
    before: bool = False


def place(note: Note, blocks: list[Block]) -> Target:
    """The note's place among the new output's blocks: under the same heading, after the same
    generated block if it is still there, else at the end of that heading's part."""
    if note.heading is None:
        start = -1
    else:
        start = next((i for i, b in enumerate(blocks) if b.level is not None and b.text == note.heading), None)
        if start is None:
            return Target(None)
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].level is not None), len(blocks))
    if note.after is None:
        return Target(start) if start >= 0 else Target(0, before=True)
    for i in range(max(start, 0), end):
        if blocks[i].id == note.after:
            return Target(i)
    return Target(end, before=True) if end < len(blocks) else Target(len(blocks) - 1)
