"""Writing what a command found to a file, whole or not at all (by the data file's own
atomic writer: an existing file keeps its permissions), or to standard output.

The content goes to a temporary file beside the target, which then replaces it in one rename,
so a full disk or a killed command never leaves half a workbook where the old one was.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from awards.errors import Invalid
from awards.i18n import _
from awards.store.files import atomic_write, remove_leftovers


def write_output(target: str, payload: bytes | Iterable[bytes], *, binary: str | None = None
                 ) -> None:  # fmt: skip
    """``payload`` to the file ``target``, or to standard output when ``target`` is ``-``;
    ``binary`` names a format (xlsx, docx) that a terminal cannot show. A payload in parts (a
    long CSV or JSON) is written part by part as the parts are made."""
    if target == "-":
        if binary and sys.stdout.isatty():
            message = _("{format} is not for the terminal; give --output FILE or redirect it")
            raise Invalid(message.format(format=binary))
        sys.stdout.flush()
        for part in [payload] if isinstance(payload, bytes) else payload:
            sys.stdout.buffer.write(part)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise Invalid(_("{path} is a folder; give a file name").format(path=path))
    try:
        if _is_register_file(path):
            message = _("{path} is the data file or one of its own; write elsewhere")
            raise Invalid(message.format(path=path))
        try:
            old = path.stat()  # through a link, to what it names
        except FileNotFoundError:
            old = None
        if old is not None and not stat.S_ISREG(old.st_mode):  # a pipe, >(gzip …), a device
            with path.open("wb") as stream:
                stream.writelines([payload] if isinstance(payload, bytes) else payload)
            return
        path = path.resolve() if path.is_symlink() else path  # the link's target, the link kept
        remove_leftovers(path, older_than=LEFTOVER_AGE)
        atomic_write(path, payload, old=old, sync=False)  # the data file's writer, unsynced
    except OSError as error:
        message = _("cannot write {path}: {reason}")
        raise Invalid(message.format(path=path, reason=error.strerror or error)) from None


# The data file, which an output must never replace, nor its lock or copies beside it; the
# root command names it once it is known.
_register: list[Path] = []
LEFTOVER_AGE = 3600  # seconds: a temporary file this old is a killed writer's, not a running one


def protect(data_file: Path) -> None:
    """Keep outputs off ``data_file``, its lock and its copies."""
    _register[:] = [data_file.resolve()]


def _is_register_file(path: Path) -> bool:
    resolved = path.resolve()
    for data_file in _register:
        rest = resolved.name.removeprefix(data_file.name + ".")  # lock, bak, bak.2, damaged-…
        own = rest != resolved.name and rest.replace("-", ".").split(".")[0] in _OWN
        if resolved == data_file or (resolved.parent == data_file.parent and own):
            return True
    return False


_OWN = ("lock", "bak", "damaged")  # what lies beside the data file: its lock, copies, set-asides
