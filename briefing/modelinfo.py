"""Which spaCy pipeline a build will use, found without importing spaCy (a no-op build must stay fast)."""

from __future__ import annotations

import importlib.metadata as metadata
import importlib.util


def resolve(candidates: tuple[str, ...] | list[str]) -> str | None:
    """The first candidate installed as a package, or None (then loading will say what to install)."""
    for name in candidates:
        try:
            if importlib.util.find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    return None


def identity(name: str | None) -> str:
    """Model name, model version and spaCy version: what makes cached analysis valid."""
    if name is None:
        return "none"
    versions = []
    # spaCy model packages are distributed under their module name; a lookup by name is
    # milliseconds, scanning every installed distribution is a fifth of a second.
    for dist in (name, "spacy"):
        try:
            versions.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist}=?")
    return ";".join(versions)
