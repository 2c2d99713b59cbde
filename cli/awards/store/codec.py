"""The data file's format: one JSON object of TinyDB tables (``phases``, ``awards``,
``issuers``, ``catalogue``, ``meta``, ``history``), the awards last. What a stored award, phase,
issuer or catalogue entry looks like, the check that a file and its records have every field
they need, the move of an older file's records to this schema, and the file's bytes."""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter, is_not
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypedDict

import orjson

from awards import lifetime
from awards.domain.records import Award, Entry, Issuer, Office, Phase
from awards.domain.vocab import AWARD_FIELDS, KIND_NAMES, LEVELS, PHASE_FIELDS
from awards.errors import StoreError
from awards.i18n import N_, _
from awards.store import summary
from awards.store.files import damaged
from awards.store.summary import Summary

STORED_FIELDS = AWARD_FIELDS[1:]  # all but the id, which is the document id; in this order
EMPTY_ROW = dict.fromkeys(AWARD_FIELDS)  # an award as export writes it, before its values


def check_award_records(records: Mapping[str, Mapping[str, Any]], *, full: bool = False) -> None:
    """Raise ``ValueError`` on the first award record whose required fields are missing or of
    the wrong type: what filters and tallies rely on. Cheap enough for every reading; the
    optional fields are checked when an award is built (``award_from_record``), or here with
    ``full`` (before a write, so that damage is never carried on)."""
    text_type, number_type, none_type = str, int, type(None)
    for doc_id, record in records.items():
        if type(record) is not dict:
            raise ValueError(_("award {id} is not a record").format(id=doc_id))
        get = record.get
        if not (
            type(get("recipient")) is text_type
            and type(get("kind")) is text_type
            and type(get("form")) is text_type
            and type(get("issuer")) is text_type
            and type(get("count")) is number_type
            and type(get("year")) is number_type
        ):
            award_from_record(int(doc_id), record)  # raises with the field's name
        if full:  # every other value is text or null: count and year are the only numbers
            kinds = list(map(type, record.values()))
            if kinds.count(text_type) + kinds.count(none_type) + 2 != len(kinds):
                award_from_record(int(doc_id), record)  # raises with the field's name
        if not doc_id.isdigit():
            raise ValueError(_("award id {id!r} is not a number").format(id=doc_id))


def award_from_record(award_id: int, record: Mapping[str, Any], *, checked: bool = False
                      ) -> Award:  # fmt: skip
    """An award as stored; raises ``ValueError`` on a damaged record (a file edited by hand).
    ``checked``: the record is one of awards as this program wrote them (``Decoded.checked``),
    each checked in full before it was written, so its values are not checked again.

    A report builds tens of thousands, so this is written for speed: a checked record, which
    holds only stored fields (``award_record``), is given by name, which msgspec takes in C
    (a third of the time of its values looked up one by one); any other in one positional pass.
    """
    if checked:
        return Award(award_id, **record)
    values: list[Any] = list(map(record.get, STORED_FIELDS))
    types = list(map(type, values))
    if types[:6] != _AWARD_TYPES or not _OPTIONAL_TYPES.issuperset(types[6:]):
        _check(record, _STORED_TYPES)
    return Award(award_id, *values)


def phase_from_record(record: Mapping[str, Any]) -> Phase:
    """A phase as stored; raises ``ValueError`` on a damaged record (a file edited by hand)."""
    _check(record, _PHASE_TYPES)
    values = {name: record.get(name) for name in PHASE_FIELDS}
    return Phase(**values | {name: tuple(values[name] or ()) for name in ("signers", "parties")})


def issuer_from_record(record: Mapping[str, Any]) -> Issuer:
    """An issuer as stored; raises ``ValueError`` on a damaged record."""
    name, level, aliases = record.get("name"), record.get("level"), record.get("aliases") or []
    if not isinstance(name, str) or (level is not None and level not in LEVELS):
        raise ValueError(_("issuer name or level is not valid"))
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ValueError(_("issuer aliases are not a list of text"))
    return Issuer(name, level, tuple(aliases))


def entry_from_record(record: Mapping[str, Any]) -> Entry:
    """A register's own catalogue entry as stored; raises ``ValueError`` on a damaged record."""
    from awards.domain.catalogue import GROUPS

    _check(record, _ENTRY_TYPES)
    name, group = record["name"], record["group"]
    kinds, levels = tuple(record["kinds"]), tuple(record["levels"])
    if group not in GROUPS or not set(kinds) <= KIND_NAMES.keys() or not set(levels) <= {*LEVELS}:
        raise ValueError(_("catalogue entry {name!r} has an unknown group, kind or level")
                         .format(name=name))  # fmt: skip
    classes, aliases = tuple(record.get("classes") or ()), tuple(record.get("aliases") or ())
    return Entry(name, group, kinds, levels, classes, aliases)


def office_from_record(record: Mapping[str, Any]) -> Office:
    """The office settings as stored; raises ``ValueError`` on a damaged record."""
    _check(record, _OFFICE_TYPES)
    values = {name: record.get(name) for name in _OFFICE_TYPES}
    return Office(**values | {"signers": tuple(values["signers"] or ())})


def entry_record(entry: Entry) -> dict[str, Any]:
    """What the file keeps of a register's own entry: what a user gave it."""
    return {name: value for name, value in entry.to_dict().items()
            if name in _ENTRY_TYPES and value not in (None, [])}  # fmt: skip


# What each stored field holds: text, a whole number, a list of text, or (None) text or null.
_AWARD_TYPES: list[type] = [str, str, int, str, str, int]  # recipient … year, in STORED_FIELDS
_OPTIONAL_TYPES = frozenset({str, type(None)})
_STORED_TYPES = dict(
    zip(STORED_FIELDS, [*_AWARD_TYPES, *[None] * (len(STORED_FIELDS) - 6)], strict=True)
)
_OFFICE_TYPES = {"unit": None, "parent": None, "partner": None, "partner_parent": None,
                 "place": None, "signers": list, "reporting_unit": None,
                 "receiving_unit": None}  # fmt: skip
_ENTRY_TYPES = {"name": str, "group": str, "kinds": list, "levels": list, "classes": list,
                "aliases": list}  # fmt: skip
_PHASE_TYPES = {"code": str, "program": str, "start": int, "end": int, "signed_on": None,
                "signers": list, "parties": list, "note": None, "host": None, "scope": None,
                "movement": None, "years": "int?"}  # fmt: skip
_WRONG = {str: N_("{field} is not text"), int: N_("{field} is not a whole number"),
          None: N_("{field} is neither text nor null"),
          "int?": N_("{field} is neither a whole number nor null"),
          list: N_("{field} is not a list of text")}  # fmt: skip


def _check(record: Mapping[str, Any], types: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` naming the first field whose value is not of its type."""
    for name, kind in types.items():
        value = record.get(name)
        if kind is None:
            fits = value is None or type(value) is str
        elif kind is list:
            fits = value is None or type(value) is list and all(type(v) is str for v in value)
        elif kind == "int?":
            fits = value is None or type(value) is int
        else:
            fits = type(value) is kind
        if not fits:
            raise ValueError(_(_WRONG[kind]).format(field=name))


def award_record(award: Award) -> dict[str, Any]:
    """The stored form of an award: every field but the id, which is the TinyDB document id."""
    # Empty optional fields are left out: a large file is a quarter smaller, and reads the same.
    # The pairs are chosen in C: an import makes 100,000 records.
    values = _stored_values(award)
    pairs = zip(STORED_FIELDS, values, strict=True)
    return dict(itertools.compress(pairs, map(is_not, values, _NONE)))


_stored_values = attrgetter(*STORED_FIELDS)
_NONE = itertools.repeat(None)


# 2: issuers with levels, and revocation fields on awards. 3: a register's own catalogue
# entries; households, a kind of their own (they were collectives of category household);
# honorific, position and sector on awards; the office settings. A file of an earlier schema
# is read as this one (``upgrade``); an older awards refuses a newer file rather than drop what
# it does not know.
SCHEMA_VERSION = 3
TABLES = ("meta", "phases", "awards", "issuers", "catalogue", "office", "history")
RECORD_TABLES = ("awards", "phases", "issuers", "catalogue", "office")  # what undo puts back
OFFICE_ID = 1  # the office settings are one record
META_ID = 1


def serialize(
    data: dict[str, dict[str, Any]],
    awards: list[bytes | memoryview] | None = None,
    kept: Summary | None = None,
) -> list[bytes | memoryview]:
    """The file's bytes for ``data``, in parts (as many bytes again, joined): every table, the
    awards last in the order of their ids, and their length in the meta table, so that the
    next change that only adds awards can find them as they were written, and their summary
    (``store.summary``).
    ``awards`` are the awards table's bytes in parts, when already at hand, and ``kept`` their
    summary, if known; without ``awards``, they are made from ``data``, and their summary too
    unless ``kept`` says all but their order."""
    if awards is None:
        table = data.get("awards", {})
        ids = list(map(int, table))
        if not all(map(int.__lt__, ids, ids[1:])):  # an undo put one back: in order again
            table = data["awards"] = dict(sorted(table.items(), key=lambda item: int(item[0])))
            ids.sort()
        awards = [orjson.dumps(table)]
        if kept is None:
            kept = summary.of(list(table.items()))
        kept = kept._replace(ascending=True, first=ids[0] if ids else None,
                             last=ids[-1] if ids else None)  # fmt: skip
    meta = data.setdefault("meta", {}).setdefault(str(META_ID), {})
    meta["awards_bytes"] = sum(map(len, awards))
    crc = 0
    for part in awards:
        crc = zlib.crc32(part, crc)
    meta["awards_crc"] = crc
    meta.pop(summary.KEY, None)
    if kept is not None:
        meta[summary.KEY] = kept.record(crc)
    head = orjson.dumps({name: table for name, table in data.items() if name != "awards"})
    return [head[:-1], b',"awards":', *awards, b"}\n"]


def awards_bytes(raw: bytes, length: Any) -> memoryview | None:
    """The awards table as ``serialize`` wrote it at the end of ``raw``; None when the file is
    not laid out so (an older awards wrote it, or a hand edit moved it)."""
    if type(length) is not int or length < 2 or not raw.endswith(b"}}\n"):
        return None
    start = len(raw) - 2 - length
    if start < 10 or raw[start - 10 : start] != b',"awards":' or raw[start : start + 1] != b"{":
        return None
    return memoryview(raw)[start:-2]


class Decoded(NamedTuple):
    """A reading of the file: its tables; whether its awards are the bytes ``serialize`` wrote,
    every record of them checked in full before it was; and, when they were read with only some
    of their fields, their bytes, from which a command's own awards are read whole
    (``whole_records``); or, when they were not read yet (``lazily``), their bytes to read."""

    data: dict[str, dict[str, Any]]
    checked: bool
    awards: Any = None
    unread: Any = None


def decode(raw: bytes, fields: frozenset[str] | None = None, *, lazily: bool = False) -> Decoded:
    """The file's tables from its bytes. The awards are as written when their CRC-32 is the
    one ``serialize`` recorded beside them (9 ms for 100,000 awards, where checking them again
    takes ten times that). Any edit by hand changes it, and the records are then checked one by
    one as read.

    ``fields``: the only award fields the command reads of every award (a tally reads three of
    eighteen). Awards as written are then read with only those, each still a record by field
    name, as a third of the time and memory; any others are read whole, to be checked. Raises
    ``msgspec.DecodeError`` on bytes that are not JSON, ``msgspec.ValidationError`` (one kind
    of it) on JSON that is not an object of tables.

    ``lazily``: awards as written, with every field, are left unread (``record_parts`` reads
    them as they are asked for)."""
    import msgspec

    parts = msgspec.json.decode(raw, type=dict[str, msgspec.Raw])
    data = {name: orjson.loads(memoryview(part)) for name, part in parts.items()
            if name != "awards"}  # fmt: skip
    awards = parts.get("awards")
    if awards is None:
        return Decoded(data, False)
    meta = data.get("meta", {})
    meta = meta.get(str(META_ID), {}) if type(meta) is dict else {}
    checked = (
        type(meta) is dict
        and meta.get("schema_version") == SCHEMA_VERSION
        and type(meta.get("awards_crc")) is int
        and zlib.crc32(awards) == meta["awards_crc"]
    )
    if not checked:  # read as orjson wrote them (it reads a number beyond 64 bits as a float)
        data["awards"] = orjson.loads(memoryview(awards))
    elif lazily and fields is None:
        return Decoded(data, checked, unread=awards)
    else:  # msgspec builds them without a parse tree beside them: 65 MB less
        data["awards"] = stored_records(awards, fields)
        if fields is not None:
            return Decoded(data, checked, awards)
    return Decoded(data, checked)


def stored_records(awards: Any, fields: frozenset[str] | None = None) -> dict[str, dict[str, Any]]:
    """Every award's stored record by id, every field or only ``fields``, from the awards'
    bytes as written (``record_parts``, joined)."""
    parts = record_parts(awards, fields)
    every = next(parts, {})
    for part in parts:
        every.update(part)
    return every


def record_parts(awards: Any, fields: frozenset[str] | None = None) -> Iterator[dict[str, Any]]:
    """The awards' stored records by id, every field or only ``fields``, from their bytes as
    written: a part at a time (about 4,000 awards), each read as it is asked for.

    Read so, the texts most awards repeat (a form, an issuer, a unit: ``SHARED_FIELDS``) are
    one text each however many awards hold them: 100,000 awards hold half a million of them,
    50 MB as texts of their own (``_Shared``), and a text made once is hashed once where a
    tally counts it."""
    view = memoryview(awards)
    shared = _Shared(fields)
    if not shared.seen:  # no field to share: read in one part
        yield shared.read(view)
        return
    start, end = 1, len(view) - 1  # within the braces
    part = bytearray(b"{}")  # each part's records in braces, in one buffer read again
    while start < end:
        found = _BOUNDARY.search(view, min(start + _PART_BYTES, end))
        stop = found.start() + 1 if found else end  # after a record's closing brace
        part[1:-1] = view[start:stop]
        records = shared.read(part)
        lifetime.settle()  # records of plain values: the collector has nothing to find in them
        yield records
        start = stop + 1


# Where one award's record ends and the next one's id begins. A text cannot hold it: a quote
# inside a JSON text is escaped, and the records' values are texts, numbers and nulls.
_BOUNDARY = re.compile(rb'\},"')
_PART_BYTES = 1 << 20  # about 4,000 awards
Buffer = bytes | bytearray | memoryview  # what msgspec reads from

# The fields whose values are few and repeated in every award: read as shared texts.
SHARED_FIELDS = ("kind", "form", "issuer", "phase", "honorific", "position", "unit", "method",
                 "category", "sector")  # fmt: skip
# A field is read as plain texts once it has more values than this, or has brought values not
# seen before in this many parts (units a register names more of year after year): each such
# part is read twice.
_MOST_VALUES, _MOST_NEW = 1000, 4


class _Shared:
    """A reader of the awards' parts, in order, that makes each value of a shared field one
    text: msgspec reads a value of a ``Literal`` as the text the ``Literal`` holds, and the
    values seen in the parts before become one. A part with a value not seen yet is read
    again as it is, and its values learnt before the next part."""

    def __init__(self, fields: frozenset[str] | None) -> None:
        import msgspec

        self.fields = STORED_FIELDS if fields is None else sorted(fields)
        shared = [name for name in SHARED_FIELDS if name in self.fields]
        # None: the field is read as plain texts.
        self.seen: dict[str, set[str] | None] = {name: set() for name in shared}
        self.new = dict.fromkeys(shared, 0)  # parts that brought a value not seen yet
        plain = msgspec.json.Decoder() if fields is None else msgspec.json.Decoder(_shape(fields))
        self._plain = plain.decode
        self._shared: Callable[[Buffer], Any] | None = None
        self._unlearnt: Iterable[dict[str, Any]] = ()

    def read(self, part: Buffer) -> dict[str, dict[str, Any]]:
        import msgspec

        if self._unlearnt:
            self._learn(self._unlearnt)
            self._unlearnt = ()
        if self._shared is not None:
            try:
                return self._shared(part)  # type: ignore[no-any-return]
            except msgspec.ValidationError:  # a value not seen yet
                pass
        records: dict[str, dict[str, Any]] = self._plain(part)
        self._unlearnt = records.values()  # if another part follows
        return records

    def _learn(self, records: Iterable[dict[str, Any]]) -> None:
        records = list(records)
        for name, seen in self.seen.items():
            if seen is None:
                continue
            values = {value for value in map(dict.get, records, itertools.repeat(name))
                      if type(value) is str}  # fmt: skip
            if values <= seen:
                continue
            seen |= values
            self.new[name] += 1
            if self.new[name] >= _MOST_NEW or len(seen) > _MOST_VALUES:
                self.seen[name] = None
        self._shared = self._reader()

    def _reader(self) -> Callable[[Buffer], Any]:
        import msgspec

        fields = _read_as(self.fields)
        for name, seen in self.seen.items():
            if seen is not None:
                values: Any = Literal[tuple(sorted(seen)) or ("",)]  # none yet: one text
                fields[name] = values if _STORED_TYPES[name] is str else values | None
        shape = TypedDict("Stored", fields, total=False)  # type: ignore[misc]
        return msgspec.json.Decoder(dict[str, shape]).decode


def awards_by_id(awards: Any) -> dict[str, Any]:
    """Each award's bytes by id, found in one pass over the awards' bytes a reading of only
    some fields kept (``Decoded.awards``), none of them read yet (40 ms for 100,000)."""
    import msgspec

    return msgspec.json.decode(awards, type=dict[str, msgspec.Raw])


def whole_records(found: Mapping[str, Any], keys: Iterable[str]) -> list[dict[str, Any]]:
    """The stored records of ``keys``, every field, from their bytes (``awards_by_id``)."""
    import msgspec

    read = msgspec.json.Decoder().decode
    return [read(found[key]) for key in keys]


def _read_as(fields: Iterable[str]) -> dict[str, Any]:
    """The type each of ``fields`` is read as: text, a whole number, or text or null."""
    kinds: dict[Any, Any] = {str: str, int: int, None: str | None}
    return {name: kinds[_STORED_TYPES[name]] for name in fields}


@functools.cache
def _shape(fields: frozenset[str]) -> Any:
    """The awards table as read with only ``fields``: a record of each, by name, of its type."""
    shape = TypedDict("Stored", _read_as(sorted(fields)), total=False)  # type: ignore[misc]
    return dict[str, shape]


def upgrade(data: dict[str, dict[str, Any]]) -> bool:
    """Read a file of an earlier schema as this one; True if a record changed. Nothing is lost:
    a household was kept as a collective of category household, and is now its own kind."""
    meta = data.get("meta", {}).get(str(META_ID), {})
    if meta.get("schema_version", SCHEMA_VERSION) >= 3:
        return False
    changed = False
    for record in data.get("awards", {}).values():
        if type(record) is dict and record.get("category") == "household":
            changed = changed or record.get("kind") != "household"
            record["kind"] = "household"
    return changed


def check_shape(path: Path, data: Any) -> None:
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        wrong = _("{path} is not an awards data file (wrong shape); it was left as it is")
        raise damaged(wrong, path)
    # The awards are checked record by record when read: see check_award_records.
    tables = [n for n in TABLES if n != "awards"]
    broken = [n for n in tables if not all(isinstance(d, dict) for d in data.get(n, {}).values())]
    meta = {} if broken else data.get("meta", {}).get(str(META_ID), {})
    if broken or type(meta.get("next_award_id", 1)) is not int:
        said = _("{path} has a damaged {table} table; it was left as it is")
        raise damaged(said, path, table=(broken or ["meta"])[0])
    version = meta.get("schema_version", SCHEMA_VERSION)
    if type(version) is not int or version > SCHEMA_VERSION:
        message = _(
            "{path} was written by a newer awards (schema {version}; this version reads up "
            "to {supported}); upgrade awards to use it"
        )
        raise StoreError(message.format(path=path, version=version, supported=SCHEMA_VERSION))
