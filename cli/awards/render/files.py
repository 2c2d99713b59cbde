"""Writing what a command found to a file, whole or not at all (by the data file's own
atomic writer: an existing file keeps its permissions), or to standard output.

The content goes to a temporary file beside the target, which then replaces it in one rename,
so a full disk or a killed command never leaves half a workbook where the old one was.
"""

from __future__ import annotations

import sys
from pathlib import Path

from awards.errors import Invalid
from awards.i18n import _
from awards.store.files import atomic_write


def write_output(target: str, payload: bytes, *, binary: str | None = None) -> None:
    """``payload`` to the file ``target``, or to standard output when ``target`` is ``-``;
    ``binary`` names a format (xlsx, docx) that a terminal cannot show."""
    if target == "-":
        if binary and sys.stdout.isatty():
            raise Invalid(
                _("{format} is not for the terminal; give --output FILE or redirect it").format(
                    format=binary
                )
            )
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise Invalid(_("{path} is a folder; give a file name").format(path=path))
    try:
        old = path.stat() if path.exists() else None
        atomic_write(path, payload, old=old, sync=False)  # the data file's writer, unsynced
    except OSError as error:
        raise Invalid(
            _("cannot write {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
