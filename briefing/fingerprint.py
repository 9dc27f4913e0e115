"""A digest of everything a build reads, so that an unchanged build can do nothing at all.

Computed without importing spaCy, sumy or python-docx: hashing the inputs costs
milliseconds, loading the model costs seconds.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import __version__, cache
from .config import Config
from .modelinfo import identity, resolve
from .readers import find_articles
from .readers.sources import FILE_NAME as SOURCES_FILE
from .shipped import template_dir


def _hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(folder: Path | None) -> list[tuple[str, str]]:
    if folder is None or not folder.is_dir():
        return []
    return [(str(p.relative_to(folder)), _hash_file(p)) for p in sorted(folder.rglob("*")) if p.is_file()]


def fingerprint(seeds: Path, config: Config, *, formats: tuple[str, ...], method: str,
                model: str | None, templates: Path | None, extra: dict[str, object] | None = None) -> str:
    """`extra`: further options that shape the output; a path among them counts by its content."""
    paths, _ = find_articles(seeds)
    articles = []
    for path in paths:
        try:
            articles.append((path.name, _hash_file(path)))
        except OSError:
            articles.append((path.name, "unreadable"))
    listing = seeds / SOURCES_FILE
    payload = {
        "version": __version__,
        # What analysis stores: a build whose cached analysis would be read differently is no no-op.
        "analysis": cache.FORMAT,
        "articles": articles,
        "sources": _hash_file(listing) if listing.is_file() else None,
        "config": config.raw,
        "formats": list(formats),
        "method": method,
        "model": identity(model or resolve(config.models)),
        "templates": _tree(templates),
        "shipped": _tree(template_dir()),
        "extra": {k: (_hash_file(v) if v.is_file() else str(v)) if isinstance(v, Path) else v
                  for k, v in sorted((extra or {}).items())},
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
