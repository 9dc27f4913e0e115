"""One build at a time per output folder (cron and a person may start one together)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError

LOCK = ".briefing.lock"


@contextmanager
def build_lock(out: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on OUT; a second build waits for the first (and is told so)."""
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"output path is not a folder: {out}") from None
    except OSError as exc:
        raise OutputError(f"cannot use output folder {out}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    except BaseException:
        if created:
            # A failed first build leaves no output folder behind (nothing else was written).
            (out / LOCK).unlink(missing_ok=True)
            try:
                out.rmdir()
            except OSError:
                pass
        raise
    finally:
        os.close(fd)  # closing releases the lock, also when the process is killed
