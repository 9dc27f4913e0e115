"""Read: find the article files of a folder and decode them into lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True)
class RawArticle:
    """An article file as lines; `headings` marks lines the format itself declares headings."""

    path: Path
    lines: tuple[str, ...]
    headings: frozenset[int] = frozenset()


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; text that is not UTF-8 is taken as Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path: Path) -> RawArticle:
    text = decode(path.read_bytes())
    return RawArticle(path=path, lines=tuple(text.splitlines()))


_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def read_markdown(path: Path) -> RawArticle:
    """Markdown: ATX headings become heading lines; the rest is read as text."""
    lines: list[str] = []
    headings: set[int] = set()
    for line in decode(path.read_bytes()).splitlines():
        match = _ATX.match(line)
        if match:
            headings.add(len(lines))
            line = match.group(2)
        lines.append(line)
    return RawArticle(path=path, lines=tuple(lines), headings=frozenset(headings))


READERS: dict[str, Callable[[Path], RawArticle]] = {
    ".txt": read_text,
    ".md": read_markdown,
}


def find_articles(folder: Path) -> list[Path]:
    """Every supported file directly in `folder`, in file-name order."""
    if not folder.exists():
        raise InputError(f"seeds folder not found: {folder}")
    if not folder.is_dir():
        raise InputError(f"not a folder: {folder}")
    files = sorted(
        (p for p in folder.iterdir()
         if p.suffix.lower() in READERS and p.is_file() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    if not files:
        kinds = ", ".join(f"*{ext}" for ext in READERS)
        raise InputError(f"no articles in {folder}: put {kinds} files there")
    return files


def is_binary(path: Path) -> bool:
    with path.open("rb") as handle:
        return b"\x00" in handle.read(8192)


def read_folder(folder: Path) -> tuple[list[RawArticle], list[str]]:
    """The readable articles, and a note for each file left out."""
    articles, skipped = [], []
    for path in find_articles(folder):
        try:
            if is_binary(path):
                skipped.append(f"{path.name} left out: not a text file")
                continue
            articles.append(READERS[path.suffix.lower()](path))
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
    return articles, skipped
