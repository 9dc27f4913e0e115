"""Read: find the article files of a folder and turn each into lines and metadata.

One reader per format, chosen by file extension; `sources.toml` in the folder adds or
corrects metadata for any file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .base import Meta, RawArticle, Unreadable, decode, split_lines, unwrap
from .docx import read_docx
from .html import read_html
from .markdown import read_markdown
from .sources import FILE_NAME, read_sources
from .text import read_text

__all__ = ["READERS", "Meta", "RawArticle", "decode", "find_articles", "read_folder", "split_lines", "unwrap"]

READERS: dict[str, Callable[[Path], RawArticle]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
}


def _entries(folder: Path) -> list[Path]:
    try:
        if not folder.is_dir():
            raise InputError(f"seeds folder not found: {folder}" if not folder.exists()
                             else f"not a folder: {folder}")
        # Hidden files and Word's "~$" lock files are never articles.
        return sorted((p for p in folder.iterdir() if not p.name.startswith((".", "~$"))),
                      key=lambda p: p.name)
    except OSError as exc:
        raise InputError(f"cannot read folder {folder}: {exc.strerror}") from None


def _candidates(folder: Path) -> list[Path]:
    return [p for p in _entries(folder) if p.is_file() and p.name != FILE_NAME]


def _odd_entries(folder: Path) -> list[str]:
    """Notes on names that look like articles but are folders or broken links."""
    notes = []
    for p in _entries(folder):
        if p.suffix.lower() in READERS and not p.is_file():
            notes.append(f"{p.name} left out: " + ("a folder, not a file" if p.is_dir()
                                                   else "a broken or looping link"))
    return notes


def find_articles(folder: Path) -> tuple[list[Path], list[Path]]:
    """The supported files directly in `folder` in file-name order, and the unsupported ones."""
    files = _candidates(folder)
    supported = [p for p in files if p.suffix.lower() in READERS]
    if not supported:
        kinds = ", ".join(f"*{ext}" for ext in READERS)
        raise InputError(f"no articles in {folder}: put {kinds} files there")
    return supported, [p for p in files if p.suffix.lower() not in READERS]


def read_folder(folder: Path) -> tuple[list[RawArticle], list[str]]:
    """The readable articles with their metadata, and a note for each file left out."""
    supported, unsupported = find_articles(folder)
    listed = read_sources(folder)
    notes = _odd_entries(folder)
    if unsupported:
        names = ", ".join(p.name for p in unsupported)
        kinds = ", ".join(list(READERS)[:-1]) + f" or {list(READERS)[-1]}"
        notes.append(f"skipped {len(unsupported)} file{'s' if len(unsupported) != 1 else ''} "
                     f"not ending in {kinds}: {names}")
    articles = []
    for path in supported:
        try:
            raw = READERS[path.suffix.lower()](path)
        except Unreadable as exc:
            notes.append(f"{path.name} left out: {exc}")
            continue
        except OSError as exc:
            notes.append(f"{path.name} left out: cannot read it ({exc.strerror})")
            continue
        if path.name in listed:  # the user's word wins over what the file says
            raw = replace(raw, meta=listed[path.name].over(raw.meta))
        articles.append(raw)
    present = {p.name for p in supported}
    notes += [f"{FILE_NAME} describes {name}, which is not an article in {folder}"
              for name in listed if name not in present]
    return articles, notes
