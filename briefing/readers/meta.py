"""Turn metadata as files and users write it (front matter, sources.toml, document properties)
into a checked `Meta`: dates as YYYY-MM-DD, links only http(s)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..dates import to_iso
from ..errors import InputError
from .base import Meta

# Accepted names of each field; "source" is what front matter of news clippings often says.
ALIASES: dict[str, str] = {"title": "title", "outlet": "outlet", "source": "outlet", "url": "url",
                           "date": "date", "author": "author"}


def web_url(value: str | None) -> str | None:
    """The URL if it is an absolute http(s) address, else None: anything else (javascript:,
    a relative path) must never become a link in the briefing."""
    if not value:
        return None
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in value):
        return value
    return None


def _text(value: Any, key: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = ", ".join(v.strip() for v in value if v.strip())  # several authors
    if isinstance(value, (dict, list, bool)):
        raise InputError(f"{where}: '{key}' must be text")
    text = " ".join(str(value).split())
    return text or None


def checked(table: Mapping[str, Any], where: str, *, strict: bool) -> Meta:
    """A `Meta` from a table of metadata; `strict` rejects unknown keys (a typo in sources.toml
    should not pass silently, while front matter legitimately carries tags, layout and more)."""
    values: dict[str, str | None] = {}
    for key, value in table.items():
        name = ALIASES.get(str(key).lower())
        if name is None:
            if strict:
                raise InputError(f"{where}: unknown key '{key}' (use {', '.join(sorted(set(ALIASES)))})")
            continue
        if name == "date":
            if isinstance(value, date):
                values["date"] = to_iso(value)
            else:
                text = _text(value, key, where)
                day = to_iso(text) if text else None
                if text and day is None:
                    raise InputError(f"{where}: '{key}' is not a full date: {text!r}; write it as YYYY-MM-DD")
                values["date"] = day
        elif name == "url":
            text = _text(value, key, where)
            url = web_url(text)
            if text and url is None:
                raise InputError(f"{where}: '{key}' must be an http:// or https:// address, not {text!r}")
            values["url"] = url
        else:
            values[name] = _text(value, key, where)
    return Meta(**values)
