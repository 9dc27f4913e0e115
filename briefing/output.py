"""Write outputs safely: temp file then rename, and never clobber a file the user edited."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from .errors import OutputConflict, OutputError

MANIFEST = ".briefing-manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def edited_files(out: Path, names: list[str]) -> list[str]:
    """Outputs on disk that are not what the last build wrote: the user changed them."""
    known = _manifest(out)
    edited = []
    for name in names:
        path = out / name
        if path.exists() and (name not in known or sha256(path.read_bytes()) != known[name]):
            edited.append(name)
    return edited


def write_outputs(out: Path, files: dict[str, bytes], *, discard_edits: bool = False) -> list[Path]:
    """Write every file, or none if one of them was edited (unless `discard_edits`: then back it up)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"output path is not a folder: {out}") from None
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc.strerror}") from None
    edited = edited_files(out, list(files))
    if edited and not discard_edits:
        raise OutputConflict(
            f"{', '.join(str(out / n) for n in edited)} changed since it was generated; "
            "move it away, or pass --discard-edits to keep a backup and replace it")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    written = []
    try:
        for name in edited:
            src = out / name
            os.replace(src, out / f"{src.stem}.edited-{stamp}{src.suffix}")
        for name, data in files.items():
            atomic_write(out / name, data)
            written.append(out / name)
        manifest = {"files": {**_manifest(out), **{n: sha256(d) for n, d in files.items()}}}
        atomic_write(out / MANIFEST, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror}") from None
    return written
