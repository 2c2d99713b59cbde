"""The data file: one TinyDB JSON file with the tables ``phases``, ``awards`` and ``meta``.

The only module that imports TinyDB. Reads parse the file once and never lock: writes replace
the file by rename, so a reader sees the old or the new file, never half of one. Writes hold a
lock file beside the data file over the whole read-modify-write, build the new content in memory
through TinyDB's tables, and land it with one atomic replace. Award ids are TinyDB document ids,
handed out from a counter in ``meta`` so that an id is never used twice.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from awards.errors import StoreError
from awards.model import Award, Phase, award_from_record, award_record, phase_from_record

SCHEMA_VERSION = 1
_TABLES = ("meta", "phases", "awards")
_META_ID = 1
DEFAULT_LOCK_TIMEOUT = 10.0


class _Loaded(Storage):
    """A TinyDB storage over data already parsed; the store decides when it reaches the disk."""

    def __init__(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data

    def read(self) -> dict[str, dict[str, Any]]:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data


class Records:
    """The phases and awards of one reading of the file, as model objects."""

    def __init__(self, path: Path, data: dict[str, dict[str, Any]]) -> None:
        self.path = path
        try:
            self.phases = [phase_from_record(r) for r in data.get("phases", {}).values()]
            self.awards = [
                award_from_record(int(doc_id), r) for doc_id, r in data.get("awards", {}).items()
            ]
        except (TypeError, ValueError) as error:
            raise StoreError(
                f"{path} holds a damaged record ({error}); it was left as it is"
            ) from None

    def award(self, award_id: int) -> Award | None:
        return next((a for a in self.awards if a.id == award_id), None)


class Transaction(Records):
    """A locked reading of the file whose changes are written back in one piece at the end."""

    def __init__(self, path: Path, data: dict[str, dict[str, Any]]) -> None:
        super().__init__(path, data)
        self._db = TinyDB(data, storage=_Loaded)
        self.changed = False
        meta = data.get("meta", {}).get(str(_META_ID), {})
        highest = max((a.id for a in self.awards), default=0)
        self._next_id = max(int(meta.get("next_award_id", 1)), highest + 1)

    @property
    def data(self) -> dict[str, dict[str, Any]]:
        storage = self._db.storage
        assert isinstance(storage, _Loaded)
        return storage.data

    def next_award_id(self) -> int:
        return self._next_id

    def add_award(self, award: Award) -> None:
        self.add_awards([award])

    def add_awards(self, awards: list[Award]) -> None:
        """New awards, numbered from ``next_award_id``, in one table update however many."""
        if not awards:
            return
        table = self._db.table("awards")
        table.insert_multiple(Document(award_record(a), doc_id=a.id) for a in awards)
        self._next_id = max(self._next_id, max(a.id for a in awards) + 1)
        self.awards.extend(awards)
        self._touch()

    def replace_awards(self, awards: list[Award]) -> None:
        """Store new versions of existing awards, under the same ids."""
        table = self._db.table("awards")
        changed = {award.id: award for award in awards}
        table.remove(doc_ids=list(changed))
        table.insert_multiple(Document(award_record(a), doc_id=a.id) for a in changed.values())
        self.awards = [changed.get(a.id, a) for a in self.awards]
        self._touch()

    def remove_awards(self, award_ids: list[int]) -> None:
        self._db.table("awards").remove(doc_ids=award_ids)
        gone = set(award_ids)
        self.awards = [a for a in self.awards if a.id not in gone]
        self._touch()

    def add_phase(self, phase: Phase) -> None:
        self._db.table("phases").insert(phase.to_dict())
        self.phases.append(phase)
        self._touch()

    def replace_phase(self, old_code: str, phase: Phase) -> None:
        table = self._db.table("phases")
        doc_ids = [doc.doc_id for doc in table if doc.get("code") == old_code]
        table.update(phase.to_dict(), doc_ids=doc_ids)
        self.phases = [phase if p.code == old_code else p for p in self.phases]
        self._touch()

    def remove_phase(self, code: str) -> None:
        table = self._db.table("phases")
        table.remove(doc_ids=[doc.doc_id for doc in table if doc.get("code") == code])
        self.phases = [p for p in self.phases if p.code != code]
        self._touch()

    def _touch(self) -> None:
        self.changed = True
        meta = {"schema_version": SCHEMA_VERSION, "next_award_id": self._next_id}
        self._db.table("meta").upsert(Document(meta, doc_id=_META_ID))


class Store:
    """The data file at ``path``; ``lock_timeout`` is how long a write waits for another."""

    def __init__(self, path: Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.path = path
        self.lock_timeout = lock_timeout

    def read(self) -> Records:
        """The records as they are now; a missing file is an empty one and is not created."""
        return Records(self.path, self._load())

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Lock, read, let the caller change, and write back atomically if anything changed.

        If the caller raises, nothing is written and the file keeps its bytes.
        """
        from filelock import FileLock, Timeout

        self._make_folder()
        lock = FileLock(str(self.path) + ".lock", timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise StoreError(
                f"database is busy: another awards command is writing {self.path}; try again"
            ) from None
        except OSError as error:
            raise StoreError(f"cannot lock {self.path}: {error.strerror}") from None
        try:
            tx = Transaction(self.path, self._load())
            yield tx
            if tx.changed:
                self._write(orjson.dumps(tx.data) + b"\n")
        finally:
            lock.release()

    def _make_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the folder of {self.path}: {error.strerror}") from None

    def _load(self) -> dict[str, dict[str, Any]]:
        path = self.path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return {}
        except IsADirectoryError:
            raise StoreError(f"{path} is a folder, not an awards data file") from None
        except OSError as error:
            raise StoreError(f"cannot read {path}: {error.strerror}") from None
        if not raw.strip():
            return {}
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise StoreError(
                f"{path} is damaged (not valid JSON: {error}); it was left as it is"
            ) from None
        _check_shape(path, data)
        return data  # type: ignore[no-any-return]

    def _write(self, payload: bytes) -> None:
        path = self.path
        folder = path.parent
        try:
            old = os.stat(path)
        except FileNotFoundError:
            old = None
        except OSError as error:
            raise StoreError(f"cannot write {path}: {error.strerror}") from None
        _remove_leftovers(path)
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as file:
                file.write(payload)
                file.flush()
                os.fsync(file.fileno())
            _copy_mode(tmp, old)
            os.replace(tmp, path)
            tmp = None
            _fsync_folder(folder)
        except OSError as error:
            raise StoreError(
                f"cannot write {path}: {error.strerror or error}; the file was left as it was"
            ) from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def _check_shape(path: Path, data: Any) -> None:
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise StoreError(f"{path} is not an awards data file (wrong shape); it was left as it is")
    for name in _TABLES:
        if not all(isinstance(doc, dict) for doc in data.get(name, {}).values()):
            raise StoreError(f"{path} has a damaged {name} table; it was left as it is")
    meta = data.get("meta", {}).get(str(_META_ID), {})
    if type(meta.get("next_award_id", 1)) is not int:
        raise StoreError(f"{path} has a damaged meta table; it was left as it is")
    version = meta.get("schema_version", SCHEMA_VERSION)
    if type(version) is not int or version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer awards (schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}); upgrade awards to use it"
        )


def _copy_mode(tmp: str, old: os.stat_result | None) -> None:
    """Keep the file's permissions (mkstemp makes 0600) and, where allowed, its owner."""
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(OSError):
        os.chown(tmp, old.st_uid, old.st_gid)


def _remove_leftovers(path: Path) -> None:
    """Temporary files of a writer that was killed; safe to remove, as we hold the lock."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
