"""Writing what a command found to a file, whole or not at all, or to standard output.

The content goes to a temporary file beside the target, which then replaces it in one rename,
so a full disk or a killed command never leaves half a workbook where the old one was.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from awards.errors import Invalid
from awards.i18n import _


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
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as file:
            file.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        tmp = None
    except OSError as error:
        raise Invalid(
            _("cannot write {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
