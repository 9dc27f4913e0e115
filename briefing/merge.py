"""Regenerate the Markdown and DOCX without losing what the user did to them.

`load` reads the user's file against the manifest's record of what the last build wrote;
`produce` renders the new briefing, leaves out what the user deleted, puts back what they
added, and returns the record of what it generated for the next build to compare with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .edits import Block, Edits, compare, identify, place, point_words, record, without_points
from .errors import OutputConflict
from .model import Briefing
from .output import sha256

MERGED = ("md", "docx")  # JSON is data for programs, not a document people edit


@dataclass
class Report:
    """What happened to the user's changes in one output, for the CLI to tell."""

    name: str
    edited: bool = False  # the file on disk was not what the last build wrote
    notes: int = 0  # the user's paragraphs carried over
    rewritten: int = 0  # of those, rewrites of a generated paragraph
    headings: list[str] = field(default_factory=list)  # where they sit
    left_out: int = 0  # deleted points and paragraphs the generator made again and that stay out
    backup: Path | None = None

    @property
    def anything(self) -> bool:
        return bool(self.notes or self.left_out or self.backup)


def load(out: Path, name: str, manifest: dict[str, Any], discard: bool) -> Edits | None:
    """The user's edits to `out/name`, or None when there is nothing to keep (no file, or
    --discard-edits). A file the manifest has no paragraph record of cannot be merged."""
    path = out / name
    if discard or not path.is_file():
        return None
    data = path.read_bytes()
    edited = manifest.get("files", {}).get(name) != sha256(data)
    saved = manifest.get("outputs", {}).get(name)
    if not isinstance(saved, dict) or not isinstance(saved.get("paragraphs"), list):
        if edited:
            raise OutputConflict(
                f"{path} was not written by this version of briefing, so your changes to it cannot "
                "be merged; move it away, or pass --discard-edits to keep a backup and replace it")
        return None
    on_disk = _blocks(name, data)
    edits = compare(on_disk, saved["paragraphs"], [str(s) for s in saved.get("suppressed", [])])
    edits.edited = edited
    return edits


def _blocks(name: str, data: bytes) -> list[Block]:
    if name.endswith(".docx"):
        from .edits_docx import blocks, read

        return blocks(read(data, name))
    from .edits_md import blocks as md_blocks

    return md_blocks(data.decode("utf-8", errors="replace"))


def produce(fmt: str, briefing: Briefing, edits: Edits | None, *, templates: Path | None = None,
            docx_options: Any = None) -> tuple[bytes, dict[str, Any], Report]:
    """The output in `fmt` with the user's edits applied; its manifest record; a report."""
    edits = edits or Edits()
    report = Report(name=f"briefing.{fmt}", edited=edits.edited, rewritten=edits.rewritten)
    shown, left_out = without_points(briefing, edits.suppressed)
    if fmt == "docx":
        data, generated, dropped = _docx(shown, edits, docx_options)
    else:
        data, generated, dropped = _markdown(shown, edits, templates)
    report.left_out = left_out + dropped
    report.notes = sum(len(n.blocks) for n in edits.notes)
    # Markdown headings are compared with their marks; the report names them without.
    report.headings = list(dict.fromkeys(re.sub(r"^#+\s*", "", n.heading or "") or "the title"
                                         for n in edits.notes))
    saved = {"paragraphs": generated, "suppressed": sorted(edits.suppressed)}
    return data, saved, report


def _docx(briefing: Briefing, edits: Edits, options: Any) -> tuple[bytes, list[dict[str, Any]], int]:
    from .edits_docx import blocks, drop, insert
    from .render.docx import build_document, save, xml_safe

    doc = build_document(briefing, options)
    fresh = blocks(doc)
    identify(fresh, point_words(briefing, xml_safe))
    kept = drop(fresh, edits.suppressed)
    generated = record(kept)
    insert(doc, kept, [(place(n, kept), n) for n in edits.notes])
    return save(doc), generated, len(fresh) - len(kept)


def _markdown(briefing: Briefing, edits: Edits, templates: Path | None) -> tuple[bytes, list[dict[str, Any]], int]:
    from .edits_md import blocks, merge
    from .render.markdown import md, render_markdown

    text = render_markdown(briefing, templates)
    fresh = blocks(text)
    identify(fresh, point_words(briefing, md))
    kept = [b for b in fresh if not (b.level is None and b.id in edits.suppressed)]
    dropped = [b for b in fresh if all(b is not k for k in kept)]
    if dropped or edits.notes:
        text = merge(text, kept, dropped, [(place(n, kept), n) for n in edits.notes])
    return text.encode("utf-8"), record(kept), len(dropped)
