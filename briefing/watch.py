"""Watch mode: a loop around `build` that rebuilds when an article, the config or a template changes."""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .config import load_config
from .errors import BriefingError
from .pipeline import build
from .readers import READERS
from .readers.sources import FILE_NAME as SOURCES_FILE

# Editors' swap, backup and temporary files; rename-on-save shows up as the real name too.
_IGNORED = ("*.swp", "*.swo", "*.swx", "*~", ".#*", "#*#", "*.tmp", "*.part", "4913", "*.bak")


@dataclass
class Watcher:
    """Everything one rebuild needs; `rebuild_once` is what the loop (and the tests) call."""

    seeds: Path
    out: Path
    config_path: Path | None = None
    templates: Path | None = None
    formats: tuple[str, ...] = ("md", "docx")
    method: str | None = None
    model: str | None = None
    cache_dir: Path | None = None
    log: Callable[[str], None] = print
    builds: int = field(default=0, init=False)

    def relevant(self, path: str | Path) -> bool:
        """Whether a change to `path` can change the briefing."""
        p = Path(path).resolve()
        name = p.name
        if name.startswith(".") or any(fnmatch.fnmatch(name, pat) for pat in _IGNORED):
            return False
        out = self.out.resolve()
        if p == out or out in p.parents:
            return False  # our own output, even when it sits inside the seeds folder
        if self.config_path is not None and p == self.config_path.resolve():
            return True
        if self.templates is not None and self.templates.resolve() in p.parents:
            return True
        return p.parent == self.seeds.resolve() and (p.suffix.lower() in READERS or name == SOURCES_FILE)

    def rebuild_once(self, changes: Iterable[tuple[object, str]] = (), *, force: bool = False) -> bool:
        """Rebuild if any change matters (or `force`); log one line; never raise a BriefingError."""
        if not force and not any(self.relevant(path) for _, path in changes):
            return False
        stamp = time.strftime("%H:%M:%S")
        try:
            config = load_config(self.config_path)  # a changed config is read again
            result = build(self.seeds, self.out, config=config, formats=self.formats, method=self.method,
                           model=self.model, templates=self.templates, cache_dir=self.cache_dir)
        except BriefingError as exc:
            self.log(f"[{stamp}] build failed, keeping the last briefing: {exc}")
            return False
        self.builds += 1
        if result.briefing is None:
            self.log(f"[{stamp}] nothing changed")
            return True
        b = result.briefing
        for note in b.notes:
            self.log(f"[{stamp}] warning: {note}")
        new = sum(1 for p in b.points() if p.new)
        self.log(f"[{stamp}] rebuilt {', '.join(str(p) for p in result.written)} "
                 f"({len(b.sources)} sources, {new} new points)")
        return True

    def _load_model(self) -> None:
        """Load spaCy at the start: a build from the cache does not need it, and the first
        article saved would otherwise wait seconds for it."""
        from .analyse import load_model

        try:
            load_model([self.model] if self.model else load_config(self.config_path).models)
        except BriefingError:
            pass  # the build that needs the model says what is wrong

    def paths(self) -> list[Path]:
        """Folders to watch: the seeds, the config file's folder, the templates."""
        folders = [self.seeds]
        if self.config_path is not None:
            folders.append(self.config_path.resolve().parent)
        if self.templates is not None:
            folders.append(self.templates)
        unique: list[Path] = []
        for f in folders:
            if f.resolve() not in [u.resolve() for u in unique]:
                unique.append(f)
        return unique

    def run(self, *, poll: bool = False, debounce_ms: int = 300, stop_event: object | None = None) -> None:
        """Build once, then rebuild on every burst of relevant changes until Ctrl-C."""
        from watchfiles import watch

        # Before the first build: a change made while the model loads is then still seen,
        # by that build or by the watcher started after it.
        self._load_model()
        self.rebuild_once(force=True)
        self.log(f"watching {', '.join(str(p) for p in self.paths())} (Ctrl-C to stop)")
        # `step` is how long the folder must stay quiet before a burst of saves counts as one.
        for changes in watch(*self.paths(), watch_filter=lambda _c, p: self.relevant(p),
                             debounce=max(debounce_ms, 50) * 4, step=max(debounce_ms, 50),
                             force_polling=poll or None, poll_delay_ms=300,
                             raise_interrupt=False, stop_event=stop_event):
            self.rebuild_once(changes)
