"""The edit merge for Markdown: a text's paragraphs, list items and headings as blocks, and
notes put back in as block quotes."""

from __future__ import annotations

import re

from .edits import ORPHAN_HEADING, Block, Note, Target, normalise

_HEADING = re.compile(r"^(#{1,6})\s+\S")
_ITEM = re.compile(r"^\s{0,3}([-*+]|\d{1,9}[.)])\s")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def blocks(text: str) -> list[Block]:
    """Each heading, list item, block quote, code block and paragraph, with its lines.
    A line typed straight under a list item is a block of its own: that is how a note added
    below a point looks, and the point itself stays as it was generated."""
    lines = text.split("\n")
    out: list[Block] = []
    start: int | None = None
    kind = ""

    def close(end: int) -> None:
        nonlocal start
        if start is not None:
            raw = lines[start:end]
            heading = _HEADING.match(raw[0])
            level = len(heading.group(1)) - 1 if heading and kind == "heading" else None
            out.append(Block(text=normalise(" ".join(raw)), level=level, raw=(start, end, raw)))
        start = None

    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            close(i)
            end = next((j for j in range(i + 1, len(lines)) if _FENCE.match(lines[j])), len(lines) - 1)
            start, kind = i, "code"
            close(end + 1)
            i = end + 1
            continue
        if not line.strip():
            close(i)
        elif _HEADING.match(line):
            close(i)
            start, kind = i, "heading"
            close(i + 1)
        elif _ITEM.match(line) or (line.startswith(">") and kind != "quote"):
            close(i)
            start, kind = i, "quote" if line.startswith(">") else "item"
        elif start is None:
            start, kind = i, "quote" if line.startswith(">") else "para"
        elif kind == "item" and not line.startswith((" ", "\t")):
            close(i)
            start, kind = i, "para"
        i += 1
    close(len(lines))
    return out


def _quoted(lines: list[str], block: Block) -> list[str]:
    """A user's block as it appears in the new briefing: headings and quotes as written,
    anything else as a block quote (the Markdown form of an analyst note)."""
    if block.level is not None or all(line.startswith(">") for line in lines):
        return lines
    return ["> " + line if line.strip() else ">" for line in lines]


def merge(text: str, kept: list[Block], dropped: list[Block], placed: list[tuple[Target, Note]]) -> str:
    """`text` without the dropped blocks and with each note at its place among the kept ones."""
    lines = text.split("\n")
    removed = {i for block in dropped for i in range(block.raw[0], block.raw[1])}
    before: dict[int, list[list[str]]] = {}
    orphans: list[list[str]] = []
    for target, note in placed:
        chunk = [line for b in note.blocks for line in _quoted(b.raw[2], b) + [""]]
        if target.index is None:
            orphans.append(chunk)
            continue
        block = kept[target.index]
        at = block.raw[0] if target.before else block.raw[1]
        before.setdefault(at, []).append(chunk)
    out: list[str] = []
    for i in range(len(lines) + 1):
        for chunk in before.get(i, []):
            out += ["", *chunk]
        if i < len(lines) and i not in removed:
            out.append(lines[i])
    if orphans:
        out += ["", f"## {ORPHAN_HEADING}", ""] + [line for chunk in orphans for line in chunk]
    # One blank line between blocks, one newline at the end, as the renderer writes it.
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"
