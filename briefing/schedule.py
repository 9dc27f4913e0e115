"""Recipes that run `briefing build` on a schedule; cheap when nothing changed."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path


def _executable() -> str:
    found = shutil.which("briefing")
    if found:
        return str(Path(found).resolve())
    return f"{shlex.quote(sys.executable)} -m briefing"


def _command(seeds: Path, out: Path, config: Path | None) -> str:
    parts = [_executable(), "build", shlex.quote(str(seeds.resolve())), "--out", shlex.quote(str(out.resolve()))]
    if config is not None:
        parts += ["--config", shlex.quote(str(config.resolve()))]
    return " ".join(parts)


def cron(seeds: Path, out: Path, config: Path | None = None, minutes: int = 15) -> str:
    log = shlex.quote(str(out.resolve() / "briefing.log"))
    return (f"# Rebuild the briefing every {minutes} minutes (a no-op when no article changed).\n"
            f"# Install with: crontab -e, then paste this line.\n"
            f"*/{minutes} * * * * {_command(seeds, out, config)} >> {log} 2>&1\n")


def systemd(seeds: Path, out: Path, config: Path | None = None, minutes: int = 15) -> str:
    workdir = Path.cwd().resolve()
    return (f"# ~/.config/systemd/user/briefing.service\n"
            f"[Unit]\nDescription=Rebuild the briefing of {seeds.resolve()}\n\n"
            f"[Service]\nType=oneshot\nWorkingDirectory={workdir}\nExecStart={_command(seeds, out, config)}\n\n"
            f"# ~/.config/systemd/user/briefing.timer\n"
            f"[Unit]\nDescription=Rebuild the briefing every {minutes} minutes\n\n"
            f"[Timer]\nOnBootSec=2min\nOnUnitActiveSec={minutes}min\nPersistent=true\n\n"
            f"[Install]\nWantedBy=timers.target\n\n"
            f"# Then: systemctl --user daemon-reload && systemctl --user enable --now briefing.timer\n")


RECIPES = {"cron": cron, "systemd": systemd}
