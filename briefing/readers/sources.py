"""`sources.toml`: metadata for the files of a seeds folder that cannot carry their own.

    ["004_ad8bdea11c4494a7.txt"]
    title = "Trump and Putin to Meet Amid Ukraine War Tensions; Zelensky Open to Summit"
    outlet = "Example News"
    url = "https://example.com/news/trump-putin"
    date = 2025-08-06
    author = "KAM Isaac"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..errors import InputError
from .base import Meta, decode
from .meta import checked

FILE_NAME = "sources.toml"


def read_sources(folder: Path) -> dict[str, Meta]:
    """File name → metadata from the folder's sources.toml; empty when there is none."""
    path = folder / FILE_NAME
    if not path.is_file():
        return {}
    try:
        table = tomllib.loads(decode(path.read_bytes()))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML: {exc}") from None
    out = {}
    for name, entry in table.items():
        if not isinstance(entry, dict):
            raise InputError(f'{path}: "{name}" must be a table: ["{name}"] followed by title = "..." lines')
        out[name] = checked(entry, f'{path} ["{name}"]', strict=True)
    return out
