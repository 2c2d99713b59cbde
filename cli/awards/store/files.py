"""Writing the data file safely: a temporary file renamed over it, permissions kept,
leftovers of a killed writer removed, and the replaced file kept as the last good copy."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from awards.errors import StoreError
from awards.i18n import _


def cannot(template: str, path: Path, error: OSError) -> StoreError:
    return StoreError(template.format(path=path, reason=error.strerror or error))


def backup_path(path: Path, generation: int = 0) -> Path:
    """The last good copy (``generation`` 0), or an older one: ``awards.json.bak.1`` …"""
    return path.with_name(path.name + ".bak" + (f".{generation}" if generation else ""))


GENERATIONS = 10  # last good copies kept, newest first …
GENERATIONS_BYTES = 256 << 20  # … while they hold no more than this in all


def hold_previous(path: Path) -> Path | None:
    """A second name for the file about to be replaced, which this write has just read whole
    and checked: a hard link costs nothing (or, where links are refused, a copy). It becomes
    the last good copy only once the new file is in place (``keep_generation``): until then
    the data file may still be this very file. None if it could not be made; the write goes on."""
    held = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
    try:
        held.unlink(missing_ok=True)
        try:
            os.link(path, held)
        except OSError:
            import shutil

            shutil.copy2(path, held)
        return held
    except OSError:
        held.unlink(missing_ok=True)
        return None


def keep_generation(path: Path, held: Path) -> None:
    """``held`` becomes the last good copy; the older ones move down a generation, and the
    oldest go while there are too many or they hold too much. Best effort, after the write."""
    with contextlib.suppress(OSError):
        for generation in range(GENERATIONS - 1, 0, -1):
            older = backup_path(path, generation - 1)
            if older.exists():
                _replace(str(older), backup_path(path, generation))
        _replace(str(held), backup_path(path))
        total = 0
        for generation in range(GENERATIONS + 1):
            copy = backup_path(path, generation)
            if copy.exists():
                total += copy.stat().st_size
                if generation >= GENERATIONS or (generation and total > GENERATIONS_BYTES):
                    copy.unlink()
    held.unlink(missing_ok=True)


def generations(path: Path) -> list[tuple[int, Path]]:
    """The last good copies there are, with their generation, newest first."""
    return [(g, c) for g in range(GENERATIONS) if (c := backup_path(path, g)).is_file()]


def damaged(template: str, path: Path, **values: object) -> StoreError:
    """The error for a damaged ``path``: ``template`` filled in, and where the last good copy
    is, when there is one."""
    said = template.format(path=path, **values)
    backup = backup_path(path)
    if backup.is_file():
        written = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        hint = _(". The last good copy is {path} ({written}); `awards restore` brings it back")
        said += hint.format(path=backup, written=written)
    return StoreError(said)


def atomic_write(
    path: Path, payload: bytes | Iterable[bytes | memoryview], *,
    old: os.stat_result | None, sync: bool, check: Callable[[], None] | None = None
) -> None:  # fmt: skip
    """Write to a temporary file in the same folder, then rename it over ``path``; ``check``
    runs just before the rename and may still stop it (by raising). ``payload`` may come in
    parts, each written as it is made: the file is still renamed into place only whole."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as file:
            if isinstance(payload, bytes):
                file.write(payload)
            else:
                file.writelines(payload)
            if sync:
                file.flush()
                os.fsync(file.fileno())
        _copy_mode(tmp, old)
        if check is not None:
            check()
        _replace(tmp, path)
        tmp = None
        if sync:
            _fsync_folder(path.parent)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


REPLACE_TRIES = 20  # × 0.1 s: how long a replace waits for a reader to let go (Windows)


def _replace(tmp: str, path: Path) -> None:
    """Rename ``tmp`` over ``path``. Windows refuses while another process has ``path`` open
    (a reader of the data file, Excel with an export); the reader is done in moments, so the
    rename is tried again for two seconds before the refusal stands."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(0.1)


def _copy_mode(tmp: str, old: os.stat_result | None) -> None:
    """Keep the file's permissions (mkstemp makes 0600) and, where allowed, its owner."""
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode))
    if hasattr(os, "chown"):  # not on Windows
        with contextlib.suppress(OSError):
            os.chown(tmp, old.st_uid, old.st_gid)


def remove_leftovers(path: Path, *, older_than: float = 0) -> None:
    """Temporary files of a writer that was killed: any, for the data file, whose writers hold
    the lock; for an output, only those ``older_than`` seconds, which no running writer has."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if not older_than or time.time() - leftover.stat().st_mtime > older_than:
                leftover.unlink()


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
