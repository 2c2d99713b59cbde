"""The data file: reading it, and writing it under a lock with one atomic replace.

Reads parse the file once and never lock: writes replace the file by rename, so a reader sees
the old or the new file, never half of one. Writes hold a lock file beside the data file over
the whole read-modify-write, and keep the file they replace as ``<file>.bak``, the last good
copy that ``restore`` brings back if the file is later damaged."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from awards import lifetime
from awards.errors import StoreError
from awards.i18n import _
from awards.store import codec, files
from awards.store.tables import Records, Transaction

DEFAULT_LOCK_TIMEOUT = 10.0


class Store:
    """The data file at ``path``; ``lock_timeout`` is how long a write waits for another.

    ``command`` is the command line that history records for each write; with ``record``
    False, writes are not recorded (a generated file starts with no history).
    """

    def __init__(self, path: Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, command: str = "",
                 *, record: bool = True) -> None:  # fmt: skip
        # A link to the data file is followed (as git does), so that the lock and the write
        # are the target's, and the link stays a link.
        self.path = path.resolve() if path.is_symlink() else path
        self.lock_timeout = lock_timeout
        # The locked file while it is held, and the data file a transaction read, as _identity
        # gives them: checked again just before the rename.
        self._lock_file: tuple[int, ...] | None = None
        self._read_file: tuple[int, ...] | None = None
        self.command = command
        self.record = record

    def read(
        self, *, full: bool = False, fields: frozenset[str] | None = None, lazily: bool = False
    ) -> Records:
        """The records as they are now; a missing file is an empty one and is not created.
        ``full`` checks every field of every award, as a write does (an export carries the
        stored records on as they are). ``fields``: the only award fields the command reads;
        the awards may then hold no others (``codec.decode``). ``lazily``: awards as written
        are read as they are asked for (``Records.award_parts``)."""
        read, _raw = self._load(fields, lazily=lazily)
        return Records(self.path, read, full=full)

    @contextlib.contextmanager
    def transaction(self, *, fields: frozenset[str] | None = None) -> Iterator[Transaction]:
        """Lock, read, let the caller change, and write back atomically if anything changed.

        If the caller raises, nothing is written and the file keeps its bytes. ``fields``: the
        only award fields the caller reads of every award (an add, which only adds, reads two);
        any change but an add reads them whole first (see ``Transaction``).
        """
        self._refuse_read_only()
        with self._locked():
            self._read_file = _identity(self.path)
            # An older file's records read as this schema's; its awards are then written anew.
            read, raw = self._load(fields)
            tx = Transaction(self.path, read, self.command, raw)
            del raw  # the transaction keeps what it needs of it, and no longer
            yield tx
            if tx.changed:
                if self.record:
                    tx.record(dt.datetime.now(dt.UTC).astimezone())
                self._write(tx.payload())

    def copies(self) -> list[Copy]:
        """The last good copies, newest first, each read to say what it holds."""
        return [_copy_of(generation, copy) for generation, copy in files.generations(self.path)]

    def restore(self, *, force: bool = False, generation: int | None = None) -> Restored:
        """Bring back a last good copy (``generation``, else the newest that reads whole); the
        file it replaces is kept aside under a name of its own."""
        with self._locked():
            try:
                current = Records(self.path, self._load()[0], full=True)  # as a write checks
            except StoreError:
                current = None
            if current is not None and not force:
                message = _(
                    "{path} is not damaged; nothing was restored "
                    "(undo reverts changes; restore --force replaces the file anyway)"
                )
                raise StoreError(message.format(path=self.path))
            copies = self.copies()
            if not copies:
                missing = _("there is no copy to restore: {path} does not exist")
                raise StoreError(missing.format(path=files.backup_path(self.path)))
            chosen = _chosen(copies, generation)
            # The newest copy is the file as it was before its last write, so the file held at
            # least one change more than that copy, even where it no longer reads.
            newest = max([(c.last_change or 0) + (c.generation == 0) for c in copies]
                         + [_last_change(self.path)])  # fmt: skip
            old = self.path.stat() if self.path.exists() else None
            self._still_locked()
            kept = self._set_aside()  # a second name for the file: it stays where it was
            try:
                payload = chosen.path.read_bytes()
                files.atomic_write(self.path, payload, old=old, sync=True)  # one rename over it
            except OSError as error:
                raise files.cannot(_("cannot write {path}: {reason}"), self.path, error) from None
            return Restored(chosen, kept, newest)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        lock_path = Path(str(self.path) + ".lock")
        lock = FileLock(str(lock_path), timeout=self.lock_timeout)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise files.cannot(
                _("cannot create the folder of {path}: {reason}"), self.path, error
            ) from None
        try:
            lock.acquire()
            self._lock_file = _identity(lock_path, content=False)
        except Timeout:
            message = _("database is busy: another awards command is writing {path}; try again")
            raise StoreError(message.format(path=self.path)) from None
        except OSError as error:
            raise files.cannot(_("cannot lock {path}: {reason}"), self.path, error) from None
        try:
            yield
        finally:
            self._lock_file = None
            lock.release()

    def _still_unchanged(self) -> None:
        """Still locked, and the data file still the one this command read: a writer that got in
        through a removed lock has not replaced it meanwhile."""
        self._still_locked()
        if _identity(self.path) != self._read_file:
            message = _(
                "{path} was changed by another command while this one was writing; nothing "
                "was written, try again"
            )
            raise StoreError(message.format(path=self.path))

    def _still_locked(self) -> None:
        """The lock file is still the one this command locked: one deleted or replaced from
        outside lets another writer in, so nothing is written (the other writer's change would
        be lost, or this one)."""
        lock_path = Path(str(self.path) + ".lock")
        if self._lock_file is None or _identity(lock_path, content=False) != self._lock_file:
            message = _(
                "the lock {path} was removed while this command held it; nothing was written"
            )
            raise StoreError(message.format(path=lock_path))

    def _set_aside(self) -> Path | None:
        """Keep the damaged file under a dated name of its own, never another's: a new hard
        link (or, where links are refused, a copy made with O_EXCL), so the data file itself
        is never missing; the restore then renames the good copy over it."""
        if not self.path.exists():
            return None
        if self.path.is_dir():
            message = _("{path} is a folder; move it away, then restore")
            raise StoreError(message.format(path=self.path))
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        for attempt in range(100):
            suffix = f"-{attempt}" if attempt else ""
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}{suffix}")
            try:
                _second_name(self.path, aside)
                return aside
            except FileExistsError:
                continue
            except OSError as error:
                raise files.cannot(
                    _("cannot keep {path} aside: {reason}"), self.path, error
                ) from None
        raise StoreError(_("cannot keep {path} aside: too many copies").format(path=self.path))

    def _refuse_read_only(self) -> None:
        """A data file whose owner took away its write permission is left as it is, as SQLite
        leaves a read-only database: replacing it by rename would get round the protection."""
        try:
            mode = self.path.stat().st_mode
        except OSError:
            return  # a missing file is created; an unreadable one is refused when read
        if not mode & 0o222 or not os.access(self.path, os.W_OK):
            message = _("{path} is read-only; nothing was written (make it writable to change it)")
            raise StoreError(message.format(path=self.path))

    def _load(
        self, fields: frozenset[str] | None = None, *, lazily: bool = False
    ) -> tuple[codec.Decoded, bytes]:
        """The file as read (``codec.decode``; its awards not taken as written when an older
        file's records were read as this schema: they are then checked again), and its bytes."""
        raw = self._read()
        read = self._parse(raw, fields, lazily=lazily)
        if codec.upgrade(read.data):
            read = read._replace(checked=False)
        return read, raw

    def _read(self) -> bytes:
        path = self.path
        try:
            return path.read_bytes()
        except FileNotFoundError:
            if files.backup_path(self.path).is_file():
                message = _(
                    "{path} is missing, but its last good copy {copy} is there; "
                    "`awards restore` brings it back"
                )
                raise StoreError(
                    message.format(path=path, copy=files.backup_path(self.path))
                ) from None
            return b""
        except IsADirectoryError:
            message = _("{path} is a folder, not an awards data file")
            raise StoreError(message.format(path=path)) from None
        except OSError as error:
            raise files.cannot(_("cannot read {path}: {reason}"), path, error) from None

    def _parse(
        self, raw: bytes, fields: frozenset[str] | None, *, lazily: bool = False
    ) -> codec.Decoded:
        import msgspec

        path = self.path
        if not raw or raw.isspace():  # isspace stops at the first other byte
            return codec.Decoded({}, False)
        try:
            read = codec.decode(raw, fields, lazily=lazily)
        except msgspec.ValidationError:  # JSON, but not an object of tables
            codec.check_shape(path, None)  # says so
            raise
        except (msgspec.DecodeError, orjson.JSONDecodeError, RecursionError) as error:
            said = _("{path} is damaged (not valid JSON: {problem}); it was left as it is")
            raise files.damaged(said, path, problem=_where(raw, error)) from None
        codec.check_shape(path, read.data)
        # The tables, not the file's bytes: those of awards read as asked for are freed once read.
        lifetime.keep(read.data)
        lifetime.settle()
        return read

    def _write(self, payload: list[bytes | memoryview]) -> None:
        """Replace the file by ``payload``; the file replaced becomes the last good copy."""
        path = self.path
        try:
            old = os.stat(path)
        except FileNotFoundError:
            old = None
        except OSError as error:
            raise files.cannot(_("cannot write {path}: {reason}"), path, error) from None
        self._still_locked()
        files.remove_leftovers(path)
        held = (
            files.hold_previous(path) if old is not None and old.st_size > 0 else None
        )  # not empty
        try:
            # The lock is checked again at the last moment, after the write and its fsync: the
            # moment another writer could have got in is then only the rename itself.
            files.atomic_write(path, payload, old=old, sync=True, check=self._still_unchanged)
        except (OSError, StoreError) as error:
            if held is not None:
                held.unlink(missing_ok=True)  # a copy of the file still in place
            if isinstance(error, StoreError):
                raise
            raise files.cannot(
                _("cannot write {path}: {reason}; the file was left as it was"), path, error
            ) from None
        if held is not None:  # the new file is in place and synced: the old one is a copy now
            files.keep_generation(path, held)


def _where(raw: bytes, error: Exception) -> Exception:
    """What is wrong with bytes that are not JSON, as orjson says it: with the line and column
    (msgspec, which read them, names at most a byte, and nothing for a file cut short)."""
    try:
        orjson.loads(raw)
    except orjson.JSONDecodeError as said:
        return said
    return error


def _second_name(path: Path, aside: Path) -> None:
    """``aside`` becomes another name of ``path``'s content; FileExistsError if it is taken."""
    try:
        os.link(path, aside)
    except FileExistsError:
        raise
    except OSError:  # links refused (some Windows drives, FAT): a copy, never over another
        with path.open("rb") as source, open(aside, "xb") as copy:
            copy.write(source.read())


def _identity(path: Path, *, content: bool = True) -> tuple[int, ...] | None:
    """Which file ``path`` is (device and inode) and, with ``content``, as it is now (size and
    modification time); None when it is gone. A lock file is named by its inode alone: waiting
    writers open it with O_TRUNC (older filelock), which touches its time without replacing it."""
    try:
        found = path.stat()
    except OSError:
        return None
    if not content:
        return (found.st_dev, found.st_ino)
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class Copy:
    """A last good copy: its generation (0 the newest), file, when it was saved, and what it
    holds (None where it does not read whole)."""

    generation: int
    path: Path
    saved: dt.datetime
    size: int
    awards: int | None
    last_change: int | None


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did: the copy it brought back, where the file it replaced was kept, and
    the newest change any file knew of (so the changes after the copy's are named as dropped)."""

    copy: Copy
    kept: Path | None
    newest_change: int


def _copy_of(generation: int, path: Path) -> Copy:
    found = path.stat()
    saved = dt.datetime.fromtimestamp(found.st_mtime)
    import msgspec

    try:
        read = codec.decode(path.read_bytes())
        data = read.data
        codec.check_shape(path, data)
        Records(path, read, full=True)
    except (OSError, msgspec.DecodeError, orjson.JSONDecodeError, RecursionError, StoreError):
        return Copy(generation, path, saved, found.st_size, None, None)
    last = max(map(int, data.get("history", {})), default=0)
    return Copy(generation, path, saved, found.st_size, len(data.get("awards", {})), last)


def _chosen(copies: list[Copy], generation: int | None) -> Copy:
    if generation is None:
        good = [c for c in copies if c.awards is not None]
        if not good:
            raise StoreError(_("every copy is damaged too; nothing was restored"))
        return good[0]
    found = next((c for c in copies if c.generation == generation), None)
    if found is None:
        message = _("there is no copy {number}; restore --list shows them")
        raise StoreError(message.format(number=generation))
    if found.awards is None:
        damaged = _("the copy {path} is damaged too; nothing was restored")
        raise StoreError(damaged.format(path=found.path))
    return found


def _last_change(path: Path) -> int:
    """The newest change number a damaged file still shows, if it parses at all; else 0."""
    try:
        history = orjson.loads(path.read_bytes()).get("history", {})
        return max(map(int, history), default=0)
    except (OSError, orjson.JSONDecodeError, AttributeError, TypeError, ValueError):
        return 0
