"""Where the shipped templates are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def template_dir() -> Path:
    # A wheel puts templates/ inside the package; an editable install or a source
    # checkout leaves them at the top of the project.
    for candidate in (_HERE / "templates", _HERE.parent / "templates"):
        if (candidate / "briefing.md.j2").is_file():
            return candidate
    raise FileNotFoundError("the shipped templates are missing: reinstall briefing")
