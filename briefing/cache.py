"""Per-article analysis cache: only new or changed articles are parsed again.

An entry is keyed by everything that can change what analysis produces for one article:
its cleaned body text, the spaCy model and its version, the configuration analysis
reads (parties, attribution, analysis), and this package's version. A corrupt or unreadable
entry is treated as missing and rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .model import Article, Entity, Figure, Sentence

FORMAT = 155  # bump when what analysis stores for a Sentence, or how it is routed, changes
_NESTED = ("entities", "figures", "names", "counts", "acts")  # tuples of records, rebuilt one by one below
# Every other tuple field: JSON gives lists back, and a list where a tuple is expected breaks
# what joins two sentences' tuples ("event", "pointers").
_TUPLES = tuple(f.name for f in fields(Sentence) if f.default == () and f.name not in _NESTED)


def default_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing", appauthor=False)) / "analysis"


def _analysis_config(config: Config) -> dict[str, Any]:
    raw = config.raw
    return {"parties": raw["parties"], "attribution": raw["attribution"],
            "other_parties": raw["briefing"]["other_parties"],
            "analysis": raw["analysis"]}


def article_key(article: Article, config: Config, model_id: str) -> str:
    payload = json.dumps({
        "format": FORMAT, "version": __version__, "model": model_id,
        "config": _analysis_config(config),
        "body": [b.text for b in article.body],
    }, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def routing_key(config: Config) -> str:
    """Everything routing can read is in the configuration; any change to it routes again."""
    payload = json.dumps({"format": FORMAT, "version": __version__, "config": config.raw},
                         sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


_FIELDS = tuple(f.name for f in fields(Sentence))


def _to_dict(s: Sentence) -> dict[str, Any]:
    """What `dataclasses.asdict` gives, written out: asdict copies every value deeply and
    took most of the time of storing a large corpus."""
    d = {name: getattr(s, name) for name in _FIELDS}
    d["entities"] = [{"text": e.text, "label": e.label, "future": e.future} for e in s.entities]
    d["figures"] = [{"value": f.value, "kind": f.kind, "context": f.context} for f in s.figures]
    return d


def _from_dict(d: dict[str, Any]) -> Sentence:
    d = dict(d)
    for key in _TUPLES:
        d[key] = tuple(d.get(key, ()))
    d["entities"] = tuple(Entity(**e) for e in d["entities"])
    d["figures"] = tuple(Figure(**f) for f in d.get("figures", ()))
    d["names"] = tuple((full, short) for full, short in d.get("names", ()))
    d["counts"] = tuple((what, many) for what, many in d.get("counts", ()))
    d["acts"] = tuple((verb, what, many, told) for verb, what, many, told in d.get("acts", ()))
    return Sentence(**d)


class AnalysisCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Sentence] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data.get("key") != key:
                return None
            return [_from_dict(d) for d in data["sentences"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, corrupt or from another layout: parse again

    def put(self, key: str, sentences: list[Sentence]) -> None:
        self._write(self._path(key), {"key": key, "sentences": [_to_dict(s) for s in sentences]})

    def _routes_path(self, key: str, routes: str) -> Path:
        return self.folder / key[:2] / f"{key}.routes-{routes}.json"

    def get_routes(self, key: str, routes: str, sentences: list[Sentence]) -> list[Sentence] | None:
        """The article's sentences with the sections and speaker routing gave them under
        the configuration `routes` (see `routing_key`), or None when not stored."""
        try:
            data = json.loads(self._routes_path(key, routes).read_text(encoding="utf-8"))
            if data.get("key") != key or len(data["routes"]) != len(sentences):
                return None
            return [replace(s, sections=tuple(str(x) for x in sections),
                            speaker=None if speaker is None else str(speaker))
                    for s, (sections, speaker) in zip(sentences, data["routes"])]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_routes(self, key: str, routes: str, sentences: list[Sentence]) -> None:
        self._write(self._routes_path(key, routes),
                    {"key": key, "routes": [[list(s.sections), s.speaker] for s in sentences]})

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        """Written to a temporary file and renamed, so a killed build leaves no half entry."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(data, ensure_ascii=False))  # one write: dump() writes piece by piece
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that can't be written only costs time on the next build
