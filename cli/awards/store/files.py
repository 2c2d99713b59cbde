"""Writing the data file safely: a temporary file renamed over it, permissions kept,
leftovers of a killed writer removed, and the replaced file kept as the last good copy."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import tempfile
import time
from pathlib import Path

from awards.errors import StoreError
from awards.i18n import _


def cannot(template: str, path: Path, error: OSError) -> StoreError:
    return StoreError(template.format(path=path, reason=error.strerror or error))


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def keep_last_good_copy(path: Path) -> None:
    """The file about to be replaced becomes the last good copy: this write has just read it
    whole and checked it. A hard link to it costs nothing, and the new file is a new inode, so
    nothing done later to the data file reaches the copy. Where links are not allowed it is
    copied. Best effort: the copy must never stop the write itself."""
    backup = backup_path(path)
    tmp = backup.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
    with contextlib.suppress(OSError):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        try:
            os.link(path, tmp)
        except OSError:
            import shutil

            shutil.copy2(path, tmp)
        try:
            _replace(str(tmp), backup)
        except OSError:
            tmp.unlink(missing_ok=True)  # the write goes on; no half-made copy stays behind
            raise


def restore_hint(path: Path) -> str:
    backup = backup_path(path)
    if not backup.is_file():
        return ""
    written = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    hint = _(". The last good copy is {path} ({written}); `awards restore` brings it back")
    return hint.format(path=backup, written=written)


def atomic_write(path: Path, payload: bytes, *, old: os.stat_result | None, sync: bool) -> None:
    """Write to a temporary file in the same folder, then rename it over ``path``."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as file:
            file.write(payload)
            if sync:
                file.flush()
                os.fsync(file.fileno())
        _copy_mode(tmp, old)
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
