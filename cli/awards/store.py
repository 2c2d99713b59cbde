"""The data file: one TinyDB JSON file with the tables ``phases``, ``awards``, ``issuers``,
``meta`` and ``history``.

The only module that imports TinyDB. Reads parse the file once and never lock: writes replace
the file by rename, so a reader sees the old or the new file, never half of one. Writes hold a
lock file beside the data file over the whole read-modify-write, build the new content in memory
(through TinyDB's tables; awards, the one large table, in place), and land it with one atomic
replace. Award ids are TinyDB document ids, handed out from a counter in ``meta`` so that an id
is never used twice.

Each write also records, in ``history`` and in the same replace, what the changed records were
before it, so ``undo`` can put them back; and keeps the file it replaces as ``<file>.bak``,
the last good copy that ``restore`` brings back if the file is later damaged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from awards import lifetime
from awards.errors import StoreError
from awards.i18n import _
from awards.model import (
    Award,
    Issuer,
    Phase,
    award_from_record,
    award_record,
    check_award_records,
    issuer_from_record,
    phase_from_record,
)

# 2: issuers with levels, and revocation fields on awards. A file of schema 1 reads as it is;
# an older awards refuses a file of schema 2 rather than drop what it does not know.
SCHEMA_VERSION = 2
_TABLES = ("meta", "phases", "awards", "issuers", "history")
_RECORDS = ("awards", "phases", "issuers")  # the tables whose changes history can undo
_META_ID = 1
DEFAULT_LOCK_TIMEOUT = 10.0
HISTORY_KEPT = 50  # changes that undo can revert, newest last


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded write: when, the command line, and what it changed, in words."""

    number: int
    at: str
    command: str
    summary: str


class _Loaded(Storage):
    """A TinyDB storage over data already parsed; the store decides when it reaches the disk."""

    def __init__(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data

    def read(self) -> dict[str, dict[str, Any]]:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data


class Records:
    """The phases, issuers and awards of one reading of the file.

    Every record is checked on reading. Awards become model objects only when a command asks
    for ``awards``: a tally or a filtered list of a large file works on ``award_rows``, the
    stored records themselves, and builds objects only for what it shows.
    """

    def __init__(self, path: Path, data: dict[str, dict[str, Any]], *, full: bool = False) -> None:
        self.path = path
        self._data = data
        self._awards: list[Award] | None = None
        try:
            self.phases = [phase_from_record(r) for r in data.get("phases", {}).values()]
            check_award_records(data.get("awards", {}), full=full)
            self.issuers = [issuer_from_record(r) for r in data.get("issuers", {}).values()]
            self.changes = _changes(data)
        except (TypeError, ValueError) as error:
            raise self._damaged(error) from None

    def _damaged(self, error: Exception) -> StoreError:
        return StoreError(
            _("{path} holds a damaged record ({problem}); it was left as it is").format(
                path=self.path, problem=error
            )
            + _restore_hint(self.path)
        )

    def _tables(self) -> dict[str, dict[str, Any]]:
        return self._data

    @property
    def award_rows(self) -> dict[str, dict[str, Any]]:
        """The stored award records by id (text), as the file holds them: read only."""
        return self._tables().get("awards", {})

    @property
    def awards(self) -> list[Award]:
        if self._awards is None:
            self._awards = self.awards_from(self.award_rows.items())
        return self._awards

    def awards_from(self, records: Iterable[tuple[str, dict[str, Any]]]) -> list[Award]:
        """Awards built from (id, record) pairs of ``award_rows``."""
        try:
            return [award_from_record(int(key), record) for key, record in records]
        except (TypeError, ValueError) as error:
            raise self._damaged(error) from None

    def award(self, award_id: int) -> Award | None:
        record = self.award_rows.get(str(award_id))
        try:
            return None if record is None else award_from_record(award_id, record)
        except (TypeError, ValueError) as error:
            raise self._damaged(error) from None


class Transaction(Records):
    """A locked reading of the file whose changes are written back in one piece at the end.

    Every change keeps the before-image of the records it touches (None: the record is new),
    which becomes the history entry that ``undo`` reverts.
    """

    def __init__(
        self, path: Path, data: dict[str, dict[str, Any]], command: str = "", raw: bytes = b""
    ) -> None:
        super().__init__(path, data)
        self._db = TinyDB(data, storage=_Loaded)
        self.changed = False
        self.command = command
        self.undone: Change | None = None
        self._before: dict[str, dict[int, dict[str, Any] | None]] = {n: {} for n in _RECORDS}
        meta = data.get("meta", {}).get(str(_META_ID), {})
        highest = max(map(int, data.get("awards", {})), default=0)
        self._next_id = max(int(meta.get("next_award_id", 1)), highest + 1)
        # The awards as the file held them, while this change only adds to them: they are
        # written back as read, with the new ones after them (see ``payload``).
        self._read_awards = _awards_bytes(raw, meta.get("awards_bytes"))
        self._added: dict[str, dict[str, Any]] | None = {}

    def payload(self) -> bytes:
        """The file's new bytes: the awards last, after the other tables (``serialize``).
        When this change only added awards, the awards table is not serialized again: 100,000
        awards take 45 ms; the bytes read are copied, and the new ones follow."""
        read = self._read_awards
        if self._added is None or read is None:
            return serialize(self.data)
        if not self._added:
            return serialize(self.data, [read])
        added = orjson.dumps(self._added)[1:]  # the new awards, after the opening brace
        return serialize(self.data, [read[:-1], b"," if len(read) > 2 else b"", added])

    @property
    def data(self) -> dict[str, dict[str, Any]]:
        storage = self._db.storage
        assert isinstance(storage, _Loaded)
        return storage.data

    def _tables(self) -> dict[str, dict[str, Any]]:
        return self.data

    def _award_table(self) -> dict[str, Any]:
        """The awards table itself. Awards change in place rather than through TinyDB's Table,
        which rebuilds the whole table on every call: adding one award to 100,000 would cost
        two conversions of every id."""
        return self.data.setdefault("awards", {})

    def next_award_id(self) -> int:
        return self._next_id

    def add_award(self, award: Award) -> None:
        self.add_awards([award])

    def add_awards(self, awards: list[Award]) -> None:
        """New awards, numbered from ``next_award_id``, in one table update however many."""
        self.add_records({str(award.id): award_record(award) for award in awards})

    def add_records(self, records: dict[str, dict[str, Any]]) -> None:
        """New awards as stored records by id (an import's), in one table update."""
        if not records:
            return
        table = self._award_table()
        if not table.keys().isdisjoint(records):
            raise ValueError("a new award's id is taken")
        table.update(records)
        ids = list(map(int, records))
        before = self._before["awards"]
        for award_id in ids:
            before.setdefault(award_id, None)
        self._next_id = max(self._next_id, max(ids) + 1)
        if self._awards is not None:
            self._awards.extend(self.awards_from(records.items()))
        if self._added is not None:
            self._added.update(records)
        self._touch()

    def replace_awards(self, awards: list[Award]) -> None:
        """Store new versions of existing awards, under the same ids."""
        table = self._award_table()
        changed = {award.id: award for award in awards}
        self._added = None  # no longer only added to
        self._remember("awards", list(changed))
        for award_id, award in changed.items():
            table[str(award_id)] = award_record(award)
        if self._awards is not None:
            self._awards = [changed.get(a.id, a) for a in self._awards]
        self._touch()

    def remove_awards(self, award_ids: list[int]) -> None:
        self._added = None
        self._remember("awards", award_ids)
        table = self._award_table()
        for award_id in award_ids:
            table.pop(str(award_id), None)
        gone = set(award_ids)
        if self._awards is not None:
            self._awards = [a for a in self._awards if a.id not in gone]
        self._touch()

    def add_phase(self, phase: Phase) -> None:
        doc_id = self._db.table("phases").insert(phase.to_dict())
        self._before["phases"].setdefault(doc_id, None)
        self.phases.append(phase)
        self._touch()

    def replace_phase(self, old_code: str, phase: Phase) -> None:
        table = self._db.table("phases")
        doc_ids = [doc.doc_id for doc in table if doc.get("code") == old_code]
        self._remember("phases", doc_ids)
        table.update(phase.to_dict(), doc_ids=doc_ids)
        self.phases = [phase if p.code == old_code else p for p in self.phases]
        self._touch()

    def remove_phase(self, code: str) -> None:
        table = self._db.table("phases")
        doc_ids = [doc.doc_id for doc in table if doc.get("code") == code]
        self._remember("phases", doc_ids)
        table.remove(doc_ids=doc_ids)
        self.phases = [p for p in self.phases if p.code != code]
        self._touch()

    def add_issuer(self, issuer: Issuer) -> None:
        doc_id = self._db.table("issuers").insert(issuer.to_dict())
        self._before["issuers"].setdefault(doc_id, None)
        self.issuers.append(issuer)
        self._touch()

    def replace_issuer(self, old_name: str, issuer: Issuer) -> None:
        table = self._db.table("issuers")
        doc_ids = [doc.doc_id for doc in table if doc.get("name") == old_name]
        self._remember("issuers", doc_ids)
        table.update(issuer.to_dict(), doc_ids=doc_ids)
        self.issuers = [issuer if i.name == old_name else i for i in self.issuers]
        self._touch()

    def remove_issuer(self, name: str) -> None:
        table = self._db.table("issuers")
        doc_ids = [doc.doc_id for doc in table if doc.get("name") == name]
        self._remember("issuers", doc_ids)
        table.remove(doc_ids=doc_ids)
        self.issuers = [i for i in self.issuers if i.name != name]
        self._touch()

    def undo(self) -> Change | None:
        """Put back the records the newest recorded change replaced; None if there is none."""
        table = self._db.table("history")
        entries = sorted(table, key=lambda doc: doc.doc_id)
        if not entries:
            return None
        entry = entries[-1]
        revert = entry.get("undo", {})
        for name in _RECORDS:
            records = self._db.table(name)
            added = [
                i for first, last in revert.get(f"{name}_added", []) for i in range(first, last + 1)
            ]
            before = {int(k): v for k, v in revert.get(f"{name}_before", {}).items()}
            gone = [i for i in [*added, *before] if records.contains(doc_id=i)]
            records.remove(doc_ids=gone)
            records.insert_multiple(Document(v, doc_id=k) for k, v in before.items())
        table.remove(doc_ids=[entry.doc_id])
        self._awards = None  # built again from the records, if asked for
        self._added = None
        self.undone = _change(entry.doc_id, entry)
        self.changed = True
        return self.undone

    def _remember(self, name: str, doc_ids: list[int]) -> None:
        table = self.data.get(name, {})
        before = self._before[name]
        for doc_id in doc_ids:
            if doc_id not in before and str(doc_id) in table:
                before[doc_id] = dict(table[str(doc_id)])

    def _touch(self) -> None:
        self.changed = True
        meta = {"schema_version": SCHEMA_VERSION, "next_award_id": self._next_id}
        self._db.table("meta").upsert(Document(meta, doc_id=_META_ID))

    def record(self, at: dt.datetime) -> None:
        """Add this transaction's history entry, dropping the oldest beyond ``HISTORY_KEPT``."""
        if self.undone is not None:
            return
        revert: dict[str, Any] = {}
        parts: list[str] = []
        for name in _RECORDS:
            current = self.data.get(name, {})
            befores = self._before[name]
            new = [i for i, old in befores.items() if old is None]  # an import: 100,000 of them
            added = sorted(i for i, present in zip(new, map(current.__contains__, map(str, new)),
                                                   strict=True) if present)  # fmt: skip
            before = {str(i): old for i, old in befores.items() if old is not None}
            added_ranges = _ranges(added)
            if added:
                revert[f"{name}_added"] = added_ranges
            if before:
                revert[f"{name}_before"] = before
            parts += _describe(name, added_ranges, before, current)
        table = self._db.table("history")
        table.insert({
            "at": at.isoformat(timespec="seconds"),
            "command": self.command,
            "summary": "; ".join(parts) or "no change",
            "undo": revert,
        })  # fmt: skip
        kept = sorted(doc.doc_id for doc in table)
        table.remove(doc_ids=kept[:-HISTORY_KEPT])


def _ranges(ids: list[int]) -> list[list[int]]:
    """``[1, 2, 3, 7]`` as ``[[1, 3], [7, 7]]``: an import of 100,000 awards is one pair."""
    ranges: list[list[int]] = []
    for i in ids:
        if ranges and ranges[-1][1] == i - 1:
            ranges[-1][1] = i
        else:
            ranges.append([i, i])
    return ranges


def _describe(
    name: str,
    added: list[list[int]],
    before: dict[str, dict[str, Any]],
    current: dict[str, Any],
) -> list[str]:
    """ "added awards 4–6", "changed phase 2018-2023", "removed award 2", as the change was.

    ``added`` holds the ranges of new ids; ``before`` the replaced records by id."""
    changed = _ranges(sorted(int(i) for i in before if i in current))
    removed = _ranges(sorted(int(i) for i in before if i not in current))
    parts = []
    for verb, ranges in (("added", added), ("changed", changed), ("removed", removed)):
        if not ranges:
            continue
        single = len(ranges) == 1 and ranges[0][0] == ranges[0][1]
        noun = name[:-1] if single else name
        if name != "awards":
            ids = [str(i) for first, last in ranges for i in range(first, last + 1)]
            records = [current.get(i) or before.get(i) or {} for i in ids]
            names = ", ".join(str(r.get("code", r.get("name"))) for r in records)
        else:
            names = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges[:5]) + (
                ", …" if len(ranges) > 5 else ""
            )
        parts.append(f"{verb} {noun} {names}")
    return parts


def _change(number: int, entry: dict[str, Any]) -> Change:
    return Change(
        number=number,
        at=str(entry.get("at", "")),
        command=str(entry.get("command", "")),
        summary=str(entry.get("summary", "")),
    )


def _changes(data: dict[str, dict[str, Any]]) -> list[Change]:
    """The recorded changes, oldest first."""
    entries = data.get("history", {})
    return [_change(int(k), v) for k, v in sorted(entries.items(), key=lambda kv: int(kv[0]))]


class Store:
    """The data file at ``path``; ``lock_timeout`` is how long a write waits for another.

    ``command`` is the command line that history records for each write; with ``record``
    False, writes are not recorded (a generated file starts with no history).
    """

    def __init__(
        self,
        path: Path,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        command: str = "",
        *,
        record: bool = True,
    ) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self.command = command
        self.record = record

    @property
    def backup(self) -> Path:
        return backup_path(self.path)

    def read(self) -> Records:
        """The records as they are now; a missing file is an empty one and is not created."""
        return Records(self.path, self._load())

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Lock, read, let the caller change, and write back atomically if anything changed.

        If the caller raises, nothing is written and the file keeps its bytes.
        """
        with self._locked():
            raw = self._read()
            tx = Transaction(self.path, self._parse(raw), self.command, raw)
            yield tx
            if tx.changed:
                if self.record:
                    tx.record(dt.datetime.now(dt.UTC).astimezone())
                self._write(tx.payload(), keep_previous=True)

    def restore(self, *, force: bool = False) -> Path | None:
        """Bring back the last good copy; the damaged file is kept aside, and its new name
        returned (None if there was no file to keep)."""
        with self._locked():
            try:
                self._load()
            except StoreError:
                pass
            else:
                if not force:
                    raise StoreError(
                        _(
                            "{path} is not damaged; nothing was restored "
                            "(undo reverts changes; restore --force replaces the file anyway)"
                        ).format(path=self.path)
                    )
            good = self.backup
            try:
                payload = good.read_bytes()
                _check_shape(good, orjson.loads(payload))
            except FileNotFoundError:
                missing = _("there is no copy to restore: {path} does not exist")
                raise StoreError(missing.format(path=good)) from None
            except (OSError, orjson.JSONDecodeError, StoreError):
                damaged = _("the copy {path} is damaged too; nothing was restored")
                raise StoreError(damaged.format(path=good)) from None
            try:
                old = os.stat(self.path)
            except OSError:
                old = None
            kept = self._set_aside()
            try:
                _atomic_write(self.path, payload, old=old, sync=True)
            except OSError as error:
                raise _cannot(_("cannot write {path}: {reason}"), self.path, error) from None
            return kept

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        self._make_folder()
        lock = FileLock(str(self.path) + ".lock", timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise StoreError(
                _("database is busy: another awards command is writing {path}; try again").format(
                    path=self.path
                )
            ) from None
        except OSError as error:
            raise _cannot(_("cannot lock {path}: {reason}"), self.path, error) from None
        try:
            yield
        finally:
            lock.release()

    def _set_aside(self) -> Path | None:
        """Keep the damaged file under a dated name rather than write over it."""
        if not self.path.exists():
            return None
        if self.path.is_dir():
            raise StoreError(
                _("{path} is a folder; move it away, then restore").format(path=self.path)
            )
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError as error:
            raise _cannot(_("cannot move {path} aside: {reason}"), self.path, error) from None
        return aside

    def _make_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _cannot(
                _("cannot create the folder of {path}: {reason}"), self.path, error
            ) from None

    def _load(self) -> dict[str, dict[str, Any]]:
        return self._parse(self._read())

    def _read(self) -> bytes:
        path = self.path
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return b""
        except IsADirectoryError:
            raise StoreError(
                _("{path} is a folder, not an awards data file").format(path=path)
            ) from None
        except OSError as error:
            raise _cannot(_("cannot read {path}: {reason}"), path, error) from None

    def _parse(self, raw: bytes) -> dict[str, dict[str, Any]]:
        path = self.path
        if not raw or raw.isspace():  # isspace stops at the first other byte
            return {}
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise StoreError(
                _("{path} is damaged (not valid JSON: {problem}); it was left as it is").format(
                    path=path, problem=error
                )
                + _restore_hint(path)
            ) from None
        _check_shape(path, data)
        lifetime.keep(data)
        return data  # type: ignore[no-any-return]

    def _write(self, payload: bytes, *, keep_previous: bool = False) -> None:
        path = self.path
        try:
            old = os.stat(path)
        except FileNotFoundError:
            old = None
        except OSError as error:
            raise _cannot(_("cannot write {path}: {reason}"), path, error) from None
        _remove_leftovers(path)
        if keep_previous and old is not None:
            _keep_previous(path)
        try:
            _atomic_write(path, payload, old=old, sync=True)
        except OSError as error:
            raise _cannot(
                _("cannot write {path}: {reason}; the file was left as it was"), path, error
            ) from None


def _cannot(template: str, path: Path, error: OSError) -> StoreError:
    return StoreError(template.format(path=path, reason=error.strerror or error))


def serialize(
    data: dict[str, dict[str, Any]], awards: list[bytes | memoryview] | None = None
) -> bytes:
    """The file's bytes for ``data``: every table, the awards last, and their length in the
    meta table, so that the next change that only adds awards can find them as they were
    written. ``awards`` are the awards table's bytes in parts, when already at hand."""
    if awards is None:
        awards = [orjson.dumps(data.get("awards", {}))]
    meta = data.setdefault("meta", {}).setdefault(str(_META_ID), {})
    meta["awards_bytes"] = sum(map(len, awards))
    head = orjson.dumps({name: table for name, table in data.items() if name != "awards"})
    return b"".join([head[:-1], b',"awards":', *awards, b"}\n"])


def _awards_bytes(raw: bytes, length: Any) -> memoryview | None:
    """The awards table as ``serialize`` wrote it at the end of ``raw``; None when the file is
    not laid out so (an older awards wrote it, or a hand edit moved it)."""
    if type(length) is not int or length < 2 or not raw.endswith(b"}}\n"):
        return None
    start = len(raw) - 2 - length
    if start < 10 or raw[start - 10 : start] != b',"awards":' or raw[start : start + 1] != b"{":
        return None
    return memoryview(raw)[start:-2]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _keep_previous(path: Path) -> None:
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
        os.replace(tmp, backup)


def _restore_hint(path: Path) -> str:
    backup = backup_path(path)
    if not backup.is_file():
        return ""
    written = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    hint = _(". The last good copy is {path} ({written}); `awards restore` brings it back")
    return hint.format(path=backup, written=written)


def _atomic_write(path: Path, payload: bytes, *, old: os.stat_result | None, sync: bool) -> None:
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
        os.replace(tmp, path)
        tmp = None
        if sync:
            _fsync_folder(path.parent)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _check_shape(path: Path, data: Any) -> None:
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise StoreError(
            _("{path} is not an awards data file (wrong shape); it was left as it is").format(
                path=path
            )
            + _restore_hint(path)
        )
    for name in _TABLES:
        if name == "awards":
            continue  # checked record by record when read: see check_award_records
        if not all(isinstance(doc, dict) for doc in data.get(name, {}).values()):
            raise StoreError(
                _("{path} has a damaged {table} table; it was left as it is").format(
                    path=path, table=name
                )
                + _restore_hint(path)
            )
    meta = data.get("meta", {}).get(str(_META_ID), {})
    if type(meta.get("next_award_id", 1)) is not int:
        raise StoreError(
            _("{path} has a damaged {table} table; it was left as it is").format(
                path=path, table="meta"
            )
            + _restore_hint(path)
        )
    version = meta.get("schema_version", SCHEMA_VERSION)
    if type(version) is not int or version > SCHEMA_VERSION:
        raise StoreError(
            _(
                "{path} was written by a newer awards (schema {version}; this version reads up "
                "to {supported}); upgrade awards to use it"
            ).format(path=path, version=version, supported=SCHEMA_VERSION)
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
