"""Write outputs safely: temp file then rename, and never clobber a file the user edited."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import OutputConflict, OutputError

MANIFEST = ".briefing-manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stage(path: Path, data: bytes) -> Path:
    """Write `data` beside `path` under a temporary name, flushed to disk; the caller renames it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    os.replace(_stage(path, data), path)


def sweep(out: Path, names: list[str]) -> None:
    """Remove temporary files a killed build left behind (not those of a build still writing)."""
    if not out.is_dir():
        return
    cutoff = time.time() - 60
    for name in names:
        for stale in out.glob(f".{name}.*.tmp"):
            try:
                if stale.stat().st_mtime < cutoff:
                    stale.unlink()
            except OSError:
                pass


def read_manifest(out: Path) -> dict[str, Any]:
    """What the last build recorded: file hashes and the inputs' fingerprint ({} if none)."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _manifest(out: Path) -> dict[str, str]:
    files = read_manifest(out).get("files", {})
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def up_to_date(out: Path, fingerprint: str, names: list[str]) -> bool:
    """The last build had these very inputs and its outputs are all there. An output the user
    edited since counts as there: with nothing new to merge, their file is left as it is."""
    return (read_manifest(out).get("fingerprint") == fingerprint
            and all((out / n).is_file() for n in names))


def edited_files(out: Path, names: list[str]) -> list[str]:
    """Outputs on disk that are not what the last build wrote: the user changed them."""
    known = _manifest(out)
    edited = []
    for name in names:
        path = out / name
        if path.exists() and (name not in known or sha256(path.read_bytes()) != known[name]):
            edited.append(name)
    return edited


def write_outputs(out: Path, files: dict[str, bytes], *, backup: tuple[str, ...] = (),
                  internal: dict[str, bytes] | None = None, fingerprint: str | None = None,
                  records: dict[str, Any] | None = None) -> dict[str, Path]:
    """Write every file or none: all are staged first, then renamed into place together.

    An output the user edited is kept as a timestamped backup when it is named in `backup`
    (its edits were merged, or --discard-edits); any other edited output stops the build.
    `records` are what the edit merge keeps per output in the manifest. Returns each backup.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"output path is not a folder: {out}") from None
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc.strerror}") from None
    if not out.is_dir():
        raise OutputError(f"output path is not a folder: {out}")
    sweep(out, [*files, *(internal or {}), MANIFEST])
    edited = edited_files(out, list(files))
    unexpected = [n for n in edited if n not in backup]
    if unexpected:
        raise OutputConflict(
            f"{', '.join(str(out / n) for n in unexpected)} changed since it was generated; "
            "move it away, or pass --discard-edits to keep a backup and replace it")
    manifest: dict[str, Any] = {"files": {**_manifest(out), **{n: sha256(d) for n, d in files.items()}}}
    if fingerprint:
        manifest["fingerprint"] = fingerprint
    previous = read_manifest(out).get("outputs")
    outputs = {**(previous if isinstance(previous, dict) else {}), **(records or {})}
    if outputs:
        manifest["outputs"] = outputs
    # Internal files (the model kept for "what changed") are written with the outputs but
    # are not the user's to edit, so they are not checked for edits.
    contents = {**files, **(internal or {}),
                MANIFEST: (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()}
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in contents.items():
            staged.append((_stage(out / name, data), out / name))
    except OSError as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write to {out}: {exc.strerror}; the previous briefing is unchanged") from None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backups: dict[str, Path] = {}
    try:
        for name in edited:
            src = out / name
            backups[name] = _free(out / f"{src.stem}.edited-{stamp}{src.suffix}")
            os.replace(src, backups[name])
        for tmp, final in staged:
            os.replace(tmp, final)
    except OSError as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write to {out}: {exc.strerror}") from None
    return backups


def _free(path: Path) -> Path:
    """`path`, or the same name with -2, -3… when two builds back up within one second."""
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
