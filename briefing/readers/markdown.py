"""Markdown: optional YAML front matter for metadata; ATX headings become heading lines."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .base import Meta, RawArticle, read_text_bytes, split_lines
from .meta import checked

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = "---"
_FENCE_END = ("---", "...")


def split_front_matter(text: str, where: str) -> tuple[Meta, list[str]]:
    """The metadata of a leading `---` block and the lines after it."""
    lines = split_lines(text)
    if not lines or lines[0].strip() != _FENCE:
        return Meta(), lines
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in _FENCE_END), None)
    if end is None:
        raise InputError(f"{where}: front matter opened with '---' is never closed with '---'")
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise InputError(f"{where}: front matter is not valid YAML{at}: {problem}") from None
    if data is None:
        return Meta(), lines[end + 1:]
    if not isinstance(data, dict):
        raise InputError(f"{where}: front matter must be 'key: value' lines")
    return checked(data, f"{where} front matter", strict=False), lines[end + 1:]


def read_markdown(path: Path) -> RawArticle:
    meta, body = split_front_matter(read_text_bytes(path), path.name)
    lines: list[str] = []
    headings: set[int] = set()
    for line in body:
        match = _ATX.match(line)
        if match:
            headings.add(len(lines))
            line = match.group(2)
        lines.append(line)
    return RawArticle(path=path, lines=tuple(lines), headings=frozenset(headings), meta=meta)
