"""Read: find the article files of a folder and decode them into lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .textfile import decode, looks_binary


@dataclass(frozen=True)
class RawArticle:
    """An article file as lines; `headings` marks lines the format itself declares headings."""

    path: Path
    lines: tuple[str, ...]
    headings: frozenset[int] = frozenset()


# Only real line ends: str.splitlines() also breaks at vertical tab, form feed and other
# controls that stray into pasted text, which would cut sentences in two.
_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    lines = _LINE_END.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def read_text(path: Path) -> RawArticle:
    text = decode(path.read_bytes())
    return RawArticle(path=path, lines=tuple(split_lines(text)))


_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def read_markdown(path: Path) -> RawArticle:
    """Markdown: ATX headings become heading lines; the rest is read as text."""
    lines: list[str] = []
    headings: set[int] = set()
    for line in split_lines(decode(path.read_bytes())):
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


def find_articles(folder: Path) -> tuple[list[Path], list[str]]:
    """Every supported file directly in `folder`, in file-name order, and notes on what was passed over."""
    try:
        if not folder.is_dir():
            raise InputError(f"seeds folder not found: {folder}" if not folder.exists()
                             else f"not a folder: {folder}")
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise InputError(f"cannot read folder {folder}: {exc.strerror}") from None
    files, notes = [], []
    for path in entries:
        if path.name.startswith(".") or path.suffix.lower() not in READERS:
            continue
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            notes.append(f"{path.name} left out: a folder, not a file")
        else:
            notes.append(f"{path.name} left out: a broken or looping link")
    if not files:
        kinds = ", ".join(f"*{ext}" for ext in READERS)
        raise InputError(f"no articles in {folder}: put {kinds} files there")
    return files, notes


def read_folder(folder: Path) -> tuple[list[RawArticle], list[str]]:
    """The readable articles, and a note for each file left out."""
    paths, notes = find_articles(folder)
    articles = []
    for path in paths:
        try:
            with path.open("rb") as handle:
                head = handle.read(8192)
            if looks_binary(head):
                notes.append(f"{path.name} left out: not a text file")
                continue
            articles.append(READERS[path.suffix.lower()](path))
        except OSError as exc:
            notes.append(f"{path.name} left out: cannot read it ({exc.strerror})")
    return articles, notes
