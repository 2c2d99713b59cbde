"""The tables of one reading of the data file: the records it holds (``Records``), and a
locked reading whose changes are written back in one piece (``Transaction``).

The only module that imports TinyDB: phases, issuers, history and meta change through its
tables; awards, the one large table, change in place (see ``Transaction._award_table``)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import is_
from pathlib import Path
from typing import Any, overload

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from awards import lifetime
from awards.domain.catalogue import Catalogue
from awards.domain.records import Award, Entry, Issuer, Office, Phase
from awards.errors import Conflict, NotFound, StoreError
from awards.i18n import _
from awards.store import codec, history, summary
from awards.store.files import damaged


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
    stored records themselves, and builds objects only for what it shows. A reading of only
    some fields (``Store.read``) holds only those in ``award_rows``; the awards it builds and
    the rows it exports are read whole.
    """

    def __init__(self, path: Path, read: codec.Decoded, *, full: bool = False) -> None:
        self.path = path
        self._data = data = read.data
        self._awards: list[Award] | None = None
        self._checked = read.checked  # the awards are as written: built without a check
        # The awards' bytes, when a command asked for only some of their ``fields``
        # (``codec.decode``): its records then hold only those, and an award is read whole
        # from them when it is built.
        self._source = read.awards
        self._found: dict[str, Any] | None = None  # each award's bytes, when first needed
        self._every: dict[str, dict[str, Any]] | None = None  # or every record, read whole
        # Awards read as they are asked for (``Store.read(lazily=True)``): the parts read so
        # far, and the reading of the rest.
        self._lazy = read.unread is not None
        self._parts: list[dict[str, dict[str, Any]]] = []
        lifetime.keep(self._parts)
        self._reading = codec.record_parts(read.unread) if self._lazy else iter(())
        meta = data.get("meta", {}).get(str(codec.META_ID), {})
        # What the file keeps of its awards, where it holds for them (``store.summary``).
        self.summary = summary.kept(meta, meta.get("awards_crc") if read.checked else None)
        try:
            self.phases = [codec.phase_from_record(r) for r in data.get("phases", {}).values()]
            if not read.checked:  # the awards are not as this program wrote them: check each
                codec.check_award_records(data.get("awards", {}), full=full)
            self.issuers = [codec.issuer_from_record(r) for r in data.get("issuers", {}).values()]
            self.entries = [codec.entry_from_record(r) for r in data.get("catalogue", {}).values()]
            office = data.get("office", {}).get(str(codec.OFFICE_ID))
            self.office = codec.office_from_record(office) if office is not None else None
            self.changes = history.changes_of(data)
        except (TypeError, ValueError) as error:
            raise self._damaged(error) from None

    @property
    def catalogue(self) -> Catalogue:
        """The law's titles and forms, and this register's own entries."""
        return Catalogue(self.entries)

    def _damaged(self, error: Exception) -> StoreError:
        said = _("{path} holds a damaged record ({problem}); it was left as it is")
        return damaged(said, self.path, problem=error)

    def _tables(self) -> dict[str, dict[str, Any]]:
        return self._data

    @property
    def award_rows(self) -> dict[str, dict[str, Any]]:
        """The stored award records by id (text), as the file holds them: read only."""
        if self._lazy and "awards" not in self._data:  # the rest read, and every part joined
            while self._next_part() is not None:
                pass
            joined: dict[str, dict[str, Any]] = {}
            for part in self._parts:
                joined.update(part)
            self._data["awards"] = joined
        return self._tables().get("awards", {})

    def award_parts(self) -> Iterator[list[tuple[str, dict[str, Any]]]]:
        """The (id, record) pairs of every award in the file's order, a part at a time, each
        time it is asked. Of a file read ``lazily``, each part is read from its bytes when it
        is first reached, so that the first rows of a list show before the rest is read."""
        if not self._lazy:
            rows = list(self.award_rows.items())
            yield from (rows[at : at + _PART] for at in range(0, len(rows), _PART))
            return
        done = 0
        while done < len(self._parts) or self._next_part() is not None:
            yield list(self._parts[done].items())
            done += 1

    def _next_part(self) -> dict[str, dict[str, Any]] | None:
        part = next(self._reading, None)
        if part is not None:
            self._parts.append(part)
        return part

    def every_row(self) -> AwardRows:
        """Every award as an export writes it (``rows_from``), in the file's order: read as
        asked for (``award_parts``), and with the file's summary where it holds."""
        if self._source is not None:  # read with only some fields: read whole first
            return self.rows_from(self.award_rows.items())
        return AwardRows([], parts=self.award_parts, summary=self.summary)

    @property
    def awards(self) -> list[Award]:
        if self._awards is None:
            self._awards = self.awards_from(self.award_rows.items())
        return self._awards

    def awards_from(self, records: Iterable[tuple[str, dict[str, Any]]]) -> list[Award]:
        """Awards built from (id, record) pairs of ``award_rows``."""
        try:
            checked = self._checked
            awards = [codec.award_from_record(int(key), record, checked=checked)
                      for key, record in self._whole(records)]  # fmt: skip
        except (TypeError, ValueError) as error:
            raise self._damaged(error) from None
        lifetime.keep(awards)  # tens of thousands, freed with the process
        return awards

    def rows_from(self, records: Iterable[tuple[str, dict[str, Any]]]) -> AwardRows:
        """The (id, record) pairs of ``award_rows`` as an export writes them (``AwardRows``), of
        a reading with ``full``, which checked every value."""
        return AwardRows(self._whole(records))

    def _whole(
        self, records: Iterable[tuple[str, dict[str, Any]]]
    ) -> list[tuple[str, dict[str, Any]]]:
        """The (id, record) pairs with every field of each record."""
        if self._source is None:
            return list(records)
        keys = [key for key, _ in records]
        # A third of the awards or more are read faster all at once than one by one.
        if self._every is None and 3 * len(keys) >= len(self.award_rows):
            self._every = codec.stored_records(self._source)
        if self._every is not None:
            return [(key, self._every[key]) for key in keys]
        if self._found is None:
            self._found = codec.awards_by_id(self._source)
        return list(zip(keys, codec.whole_records(self._found, keys), strict=True))

    def award(self, award_id: int) -> Award | None:
        record = self.award_rows.get(str(award_id))
        return None if record is None else self.awards_from([(str(award_id), record)])[0]


_PART = 4000  # awards to a part, where they were read whole


class AwardRows(Sequence[dict[str, Any]]):
    """Awards as an export writes them, each made as it is written: every field by name, the
    id first, without building an award. Every value is text, a whole number or None (the
    records were read with ``full``: ``Records.rows_from``). Only the stored
    records are held, so a large export does not hold a second copy of the register.

    Every award of a file (``Records.every_row``) comes in parts as the file is read: going
    through them in order (``parts``, or as a sequence) reads no more than it has reached,
    and anything else reads them all first. ``summary``: what the file keeps of them, where
    it holds (``store.summary``), so that their number is known before they are read."""

    def __init__(
        self,
        records: list[tuple[str, dict[str, Any]]],
        *,
        parts: Callable[[], Iterator[list[tuple[str, dict[str, Any]]]]] | None = None,
        summary: summary.Summary | None = None,
    ) -> None:
        self._records = records  # every pair, given or once read whole
        self._parts = parts  # else how to go through them a part at a time
        self.summary = summary

    def __len__(self) -> int:
        if self._parts is not None and self.summary is not None:
            return self.summary.records
        return len(self._all())

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return itertools.starmap(_row, itertools.chain.from_iterable(self.parts()))

    def parts(self) -> Iterator[list[tuple[str, dict[str, Any]]]]:
        """The (id, record) pairs, a part at a time, in order; each read as it is reached."""
        return self._parts() if self._parts is not None else iter([self._records])

    def _all(self) -> list[tuple[str, dict[str, Any]]]:
        if self._parts is not None:
            self._records = list(itertools.chain.from_iterable(self._parts()))
            self._parts = None
        return self._records

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return list(itertools.starmap(_row, self._all()[index]))
        return _row(*self._all()[index])

    def summarized(self, fields: Iterable[str]) -> summary.Summary:
        """Their summary: the file's (``summary``), else made of them, of ``fields`` only."""
        if self.summary is not None:
            return self.summary
        return summary.of(self._all(), fields)

    @property
    def ascending(self) -> bool:
        """Whether they are known to be in the order of their ids (``summary``)."""
        return self.summary is not None and self.summary.ascending

    def column(self, name: str) -> list[Any]:
        """One field of every row, in order, without making the rows: what a table lays out
        and a sort orders by."""
        return column_of(self._all(), name)

    def cells(self, names: Sequence[str]) -> list[list[Any]]:
        """These fields of every row, in order, a list a row, without making the rows: what
        a table shows."""
        return cells_of(self._all(), names)

    def taken(self, order: Iterable[int]) -> AwardRows:
        """The rows at these positions, in this order."""
        return AwardRows(list(map(self._all().__getitem__, order)))


def column_of(pairs: Sequence[tuple[str, dict[str, Any]]], name: str) -> list[Any]:
    """One field of each (id, record) pair, in order; the id a number."""
    if name == "id":
        return [int(key) for key, _record in pairs]
    return [record.get(name) for _key, record in pairs]


def cells_of(pairs: Sequence[tuple[str, dict[str, Any]]], names: Sequence[str]) -> list[list[Any]]:
    """These fields of each (id, record) pair, a list a pair, in order."""
    table = [list(map(record.get, names)) for _key, record in pairs]
    if "id" in names:  # not a stored field: the record's key
        at = names.index("id")
        for row, award_id in zip(table, column_of(pairs, "id"), strict=True):
            row[at] = award_id
    return table


def _row(key: str, record: dict[str, Any]) -> dict[str, Any]:
    row = codec.EMPTY_ROW.copy()
    row.update(record)
    row["id"] = int(key)
    if len(row) != len(codec.EMPTY_ROW):  # a key typed into the file by hand is not a field
        row = {name: row[name] for name in codec.EMPTY_ROW}
    return row


class Transaction(Records):
    """A locked reading of the file whose changes are written back in one piece at the end.

    Every change keeps the before-image of the records it touches (None: the record is new),
    which becomes the history entry that ``undo`` reverts.

    A transaction that read only some fields of the awards (``Store.transaction(fields=…)``)
    may read those and add awards, whose table is then written back as the bytes read, the new
    ones after them (``payload``). Anything else (building an award, changing or removing one,
    undo) first reads every award whole (``_whole_table``), so that nothing written back or kept
    for undo lacks a field.
    """

    def __init__(
        self, path: Path, read: codec.Decoded, command: str = "", raw: bytes = b""
    ) -> None:
        # ``raw``: the bytes ``read`` was read from. Damage is refused, not carried on.
        super().__init__(path, read, full=True)
        data = read.data
        self._db = TinyDB(data, storage=_Loaded)
        self.changed = False
        self.command = command
        self.undone: history.Change | None = None
        self._before: dict[str, dict[int, dict[str, Any] | None]] = {
            n: {} for n in codec.RECORD_TABLES
        }
        meta = data.get("meta", {}).get(str(codec.META_ID), {})
        highest = max(map(int, data.get("awards", {})), default=0)
        self._next_id = max(int(meta.get("next_award_id", 1)), highest + 1)
        # The awards as the file held them, while this change only adds to them: they are
        # written back as read, with the new ones after them (see ``payload``).
        self._read_awards = codec.awards_bytes(raw, meta.get("awards_bytes"))
        self._added: dict[str, dict[str, Any]] | None = {}

    def _rewritten(self) -> None:
        """This change does more than add awards: their table is written anew, and the bytes
        read are let go (27 MB at 100,000 awards)."""
        self._added = self._read_awards = None

    def payload(self) -> list[bytes | memoryview]:
        """The file's new bytes in parts: the awards last, after the other tables
        (``serialize``). When this change only added awards, the awards table is not serialized
        again: 100,000 awards take 45 ms; the bytes read are copied, and the new ones follow."""
        read = self._read_awards
        if self._added is None or read is None:
            assert self._source is None  # each change but an add read every award whole first
            kept = self.summary  # moved by the awards changed, else made anew
            if kept is not None:
                kept = summary.after(kept, self._award_table(), self._before["awards"])
            return codec.serialize(self.data, None, kept)
        # The summary the file kept, with the new awards'; where it kept none that holds (an
        # older awards wrote it), made anew if every award was read whole, else left out.
        kept = self.summary
        if kept is not None and self._added:
            kept = kept.merged(summary.of(list(self._added.items())))
        elif kept is None and self._source is None:
            kept = summary.of(list(self._award_table().items()))
        if not self._added:
            return codec.serialize(self.data, [read], kept)
        added = orjson.dumps(self._added)[1:]  # the new awards, after the opening brace
        parts = [read[:-1], b"," if len(read) > 2 else b"", added]
        return codec.serialize(self.data, parts, kept)

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

    def _whole_table(self) -> None:
        """Every stored award with every field, where only some were read: read whole from the
        same bytes. The awards added since are whole already, and nothing else has changed."""
        if self._source is None:
            return
        whole = self._every if self._every is not None else codec.stored_records(self._source)
        self._award_table().update(whole)
        self._source = self._found = self._every = None

    def _whole(
        self, records: Iterable[tuple[str, dict[str, Any]]]
    ) -> list[tuple[str, dict[str, Any]]]:
        """An award built in a change is read whole, as every award then is."""
        if self._source is None:
            return super()._whole(records)
        pairs = list(records)  # taken from the table as it was read
        self._whole_table()
        table = self._award_table()
        return [(key, table[key]) for key, _record in pairs]

    def add_awards(self, awards: list[Award]) -> None:
        """New awards, numbered from ``next_award_id``, in one table update however many."""
        self.add_records({str(award.id): codec.award_record(award) for award in awards})

    def add_records(self, records: dict[str, dict[str, Any]]) -> None:
        """New awards as stored records by id (an import's), in one table update."""
        if not records:
            return
        table = self._award_table()
        if not table.keys().isdisjoint(records):
            raise ValueError("a new award's id is taken")
        table.update(records)
        ids = list(map(int, records))
        before = self._before["awards"]  # each new: None before it, unless it was there
        before.update(dict.fromkeys(itertools.filterfalse(before.__contains__, ids)))
        self._next_id = max(self._next_id, max(ids) + 1)
        if self._awards is not None:
            self._awards.extend(self.awards_from(records.items()))
        if self._added is not None:
            self._added.update(records)
        self._touch()

    def replace_awards(self, awards: list[Award]) -> None:
        """Store new versions of existing awards, under the same ids."""
        self._whole_table()
        table = self._award_table()
        changed = {award.id: award for award in awards}
        self._rewritten()
        self._remember("awards", list(changed))
        for award_id, award in changed.items():
            table[str(award_id)] = codec.award_record(award)
        if self._awards is not None:
            self._awards = [changed.get(a.id, a) for a in self._awards]
        self._touch()

    def remove_awards(self, award_ids: list[int]) -> None:
        self._whole_table()
        self._rewritten()
        self._remember("awards", award_ids)
        table = self._award_table()
        for award_id in award_ids:
            table.pop(str(award_id), None)
        gone = set(award_ids)
        if self._awards is not None:
            self._awards = [a for a in self._awards if a.id not in gone]
        self._touch()

    def add(self, record: Phase | Issuer | Entry) -> None:
        """A new phase, issuer or catalogue entry."""
        table, held = _table_of(record)
        doc_id = self._db.table(table).insert(_stored(record))
        self._before[table].setdefault(doc_id, None)
        getattr(self, held).append(record)
        self._touch()

    def replace(self, key: str, record: Phase | Issuer | Entry) -> None:
        """The phase, issuer or entry stored under ``key`` (its code or name) becomes ``record``."""
        table, held = _table_of(record)
        self._db.table(table).update(_stored(record), doc_ids=self._replaced(table, key))
        setattr(self, held, [record if _key(r) == key else r for r in getattr(self, held)])
        self._touch()

    def remove(self, record: Phase | Issuer | Entry) -> None:
        (table, held), key = _table_of(record), _key(record)
        self._db.table(table).remove(doc_ids=self._replaced(table, key))
        setattr(self, held, [r for r in getattr(self, held) if _key(r) != key])
        self._touch()

    def set_office(self, office: Office) -> None:
        """The office settings become ``office``; the ones they replace are kept for undo."""
        doc_id = codec.OFFICE_ID
        self._remember("office", [doc_id])
        self._before["office"].setdefault(doc_id, None)
        record = {
            name: value for name, value in office.to_dict().items() if value not in (None, [])
        }
        table = self._db.table("office")
        if table.contains(doc_id=doc_id):  # replaced whole: upsert would keep a cleared field
            table.remove(doc_ids=[doc_id])
        table.insert(Document(record, doc_id=doc_id))
        self.office = office
        self._touch()

    def _replaced(self, table: str, key: str) -> list[int]:
        """The ids of the records stored under ``key``, about to change: kept for undo."""
        field = "code" if table == "phases" else "name"
        doc_ids = [doc.doc_id for doc in self._db.table(table) if doc.get(field) == key]
        self._remember(table, doc_ids)
        return doc_ids

    def undo(self, number: int | None = None) -> history.Change | None:
        """Put back the records that change ``number`` (the newest, if None) replaced; None if
        no change is recorded. A change that a later one built on is refused, naming it."""
        self._whole_table()
        table = self._db.table("history")
        entries = sorted(table, key=lambda doc: doc.doc_id)
        if not entries:
            return None
        chosen = [e for e in entries if number is None or e.doc_id == number][-1:]
        if not chosen:
            missing = _("there is no change {number}; history lists the ones that can be undone")
            raise NotFound(missing.format(number=number))
        entry = chosen[0]
        touched = _touched(entry)
        for later in (e for e in entries if e.doc_id > entry.doc_id):
            if not touched.isdisjoint(_touched(later)):
                said = _(
                    "change {number} cannot be undone on its own: change {later} ({command}) "
                    "changed the same records since; undo {later} first"
                )
                raise Conflict(said.format(number=entry.doc_id, later=later.doc_id,
                                           command=later.get("command")))  # fmt: skip
        revert = entry.get("undo", {})
        for name in codec.RECORD_TABLES:
            records = self._db.table(name)
            before = {int(k): v for k, v in revert.get(f"{name}_before", {}).items()}
            for group in revert.get(f"{name}_changed", []):
                for i in history.ids_of(group["ids"]):
                    if (now := records.get(doc_id=i)) is not None:
                        before[i] = history.restored(dict(now), group)
            added = history.ids_of(revert.get(f"{name}_added", []))
            if name == "awards":  # what comes back is checked as what is read: the file may
                self._check_restored(before)  # have been edited by hand since
                self._remember(name, [*added, *before])  # what the summary moves by
                for award_id in before:
                    self._before[name].setdefault(award_id, None)
            records.remove(doc_ids=[i for i in [*added, *before] if records.contains(doc_id=i)])
            records.insert_multiple(Document(v, doc_id=k) for k, v in before.items())
        table.remove(doc_ids=[entry.doc_id])
        self._awards = None  # built again from the records, if asked for
        self._rewritten()
        self.undone = history.change_of(entry.doc_id, entry)
        self.changed = True
        return self.undone

    def _check_restored(self, awards: Mapping[int, Any]) -> None:
        try:
            codec.check_award_records({str(k): v for k, v in awards.items()}, full=True)
        except (TypeError, ValueError) as error:
            raise self._damaged(error) from None

    def _remember(self, name: str, doc_ids: list[int]) -> None:
        if name == "awards":
            self._whole_table()  # kept for undo: every field
        table = self.data.get(name, {})
        before = self._before[name]
        for doc_id in doc_ids:
            if doc_id not in before and str(doc_id) in table:
                before[doc_id] = dict(table[str(doc_id)])

    def _touch(self) -> None:
        self.changed = True
        meta = {"schema_version": codec.SCHEMA_VERSION, "next_award_id": self._next_id}
        self._db.table("meta").upsert(Document(meta, doc_id=codec.META_ID))

    def record(self, at: dt.datetime) -> None:
        """Add this transaction's history entry, dropping the oldest beyond ``HISTORY_KEPT``."""
        if self.undone is not None:
            return
        revert: dict[str, Any] = {}
        parts: list[history.Part] = []
        for name in codec.RECORD_TABLES:
            current = self.data.get(name, {})
            befores = self._before[name]
            # An import adds 100,000: they are chosen in C.
            new = list(
                itertools.compress(befores, map(is_, befores.values(), itertools.repeat(None)))
            )
            added = sorted(itertools.compress(new, map(current.__contains__, map(str, new))))
            before = {str(i): old for i, old in befores.items() if old is not None}
            removed = {key: old for key, old in before.items() if key not in current}
            kept = {key: old for key, old in before.items() if key in current}
            added_ranges = history.id_ranges(added)
            if added:
                revert[f"{name}_added"] = added_ranges
            if removed:  # gone from the file: the whole record, to put back
                revert[f"{name}_before"] = removed
            if kept:  # still there: only the fields that changed
                revert[f"{name}_changed"] = history.changed_groups(kept, current)
            parts += history.describe(name, added_ranges, before, current)
        table, meta = self._db.table("history"), self._db.table("meta")
        # Change numbers are never given twice, even after an undo removed the newest.
        found: Any = meta.get(doc_id=codec.META_ID) or {}
        number = max(
            int(found.get("next_change", 1)), max((d.doc_id for d in table), default=0) + 1
        )
        entry = {"at": at.isoformat(timespec="seconds"), "command": self.command,
                 "changes": [part.to_dict() for part in parts], "undo": revert}  # fmt: skip
        table.insert(Document(entry, doc_id=number))
        meta.upsert(Document({"next_change": number + 1}, doc_id=codec.META_ID))
        # The oldest go beyond HISTORY_KEPT changes or HISTORY_BYTES; the newest always stays.
        numbers = sorted((doc.doc_id for doc in table), reverse=True)
        total, dropped = 0, numbers[history.HISTORY_KEPT :]
        for kept_number in numbers[1 : history.HISTORY_KEPT]:
            total += len(orjson.dumps(table.get(doc_id=kept_number)))
            if total > history.HISTORY_BYTES:
                dropped.append(kept_number)
        table.remove(doc_ids=dropped)


def _table_of(record: Phase | Issuer | Entry) -> tuple[str, str]:
    """The table that stores ``record``, and the attribute that holds its kind."""
    if isinstance(record, Phase):
        return "phases", "phases"
    return ("issuers", "issuers") if isinstance(record, Issuer) else ("catalogue", "entries")


def _stored(record: Phase | Issuer | Entry) -> dict[str, Any]:
    return codec.entry_record(record) if isinstance(record, Entry) else record.to_dict()


def _key(record: Phase | Issuer | Entry) -> str:
    """What a phase, issuer or entry is known by: its code, or its name."""
    return record.code if isinstance(record, Phase) else record.name


def _touched(entry: Mapping[str, Any]) -> set[tuple[str, int]]:
    """The records a recorded change added or replaced, by table and id."""
    revert = entry.get("undo", {})
    touched: set[tuple[str, int]] = set()
    for name in codec.RECORD_TABLES:
        touched.update((name, i) for i in history.ids_of(revert.get(f"{name}_added", [])))
        touched.update((name, int(i)) for i in revert.get(f"{name}_before", {}))
        for group in revert.get(f"{name}_changed", []):
            touched.update((name, i) for i in history.ids_of(group["ids"]))
    return touched
