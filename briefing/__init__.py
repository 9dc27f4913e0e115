"""briefing: a folder of news articles about one story → a structured, sourced briefing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Briefing", "BriefingError", "Config", "build", "build_briefing", "load_config", "render",
           "summarize_texts"]

if TYPE_CHECKING:
    from .config import Config, load_config
    from .errors import BriefingError
    from .model import Briefing
    from .multidoc import summarize_texts
    from .pipeline import build, build_briefing, render

_LAZY = {"Config": "config", "load_config": "config", "BriefingError": "errors", "Briefing": "model",
         "build": "pipeline", "build_briefing": "pipeline", "render": "pipeline",
         "summarize_texts": "multidoc"}


def __getattr__(name: str) -> Any:
    # Importing the package stays cheap (the CLI starts fast); spaCy loads only when building.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
