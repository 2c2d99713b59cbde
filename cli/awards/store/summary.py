"""What the data file keeps of its awards beside them: how many there are, the recipients they
count, the revoked ones, whether their ids ascend in the file, and how each field's values
measure in a table (``cells.measure``). A kind, a method or a category is shown in each
language's own words, so of these the few different values are kept instead.

Every write keeps it (``merged`` with the awards an add brings, moved ``after`` the awards any
other change touched, or ``of`` every award anew), sealed with the awards' CRC-32: a list of
every award lays out its table and shows its first screen before the rest of the file is read
(``Records.award_parts``). A file edited by hand, or written by an earlier awards, has none
that holds, and its list measures the rows as read.
"""

from __future__ import annotations

import itertools
import operator
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import orjson

from awards.cells import Measure, measure
from awards.domain.vocab import LIST_FIELDS, SHOWN_OTHERWISE

KEY = "summary"  # in the meta record
# The fields kept: a list's own, and the few-valued ones it may be asked for (--columns); a
# list of others measures its rows as it reads them. Those shown otherwise in each language
# are kept as their different values.
KEPT = (*(field.name for field in LIST_FIELDS), "method", "category")
VALUED = tuple(name for name in KEPT if name in SHOWN_OTHERWISE)
MEASURED = tuple(name for name in KEPT if name not in SHOWN_OTHERWISE)
_MOST_VALUES = 64  # more different values than this: not kept


class Summary(NamedTuple):
    """The summary of some awards (``of``), as the file keeps it (``record``)."""

    records: int
    recipients: int  # the count of every award not revoked
    revoked: int
    ascending: bool  # their ids ascend in the order given
    first: int | None  # the first id and the last, in that order
    last: int | None
    measures: dict[str, Measure | None]  # by field; None: a text too wide to measure here
    values: dict[str, list[Any] | None]  # by field; None: too many to keep
    revocations: list[Any] | None  # the dates of the revoked awards, each once

    def merged(self, added: Summary) -> Summary:
        """The summary of these awards and of ``added`` after them."""
        ascending = self.ascending and added.ascending
        if self.last is not None and added.first is not None:
            ascending = ascending and added.first > self.last
        measures = {
            name: None if mine is None or theirs is None else mine.merged(theirs)
            for name in MEASURED
            for mine, theirs in [(self.measures.get(name), added.measures.get(name))]
        }
        values = {name: _union(self.values.get(name), added.values.get(name)) for name in VALUED}
        return Summary(
            self.records + added.records, self.recipients + added.recipients,
            self.revoked + added.revoked, ascending,
            self.first if self.first is not None else added.first,
            added.last if added.last is not None else self.last, measures, values,
            _union(self.revocations, added.revocations),
        )  # fmt: skip

    def record(self, crc: int) -> dict[str, Any]:
        """As the file keeps it, sealed with the awards' CRC-32 (``crc``): the seal is a CRC-32
        of its own bytes started from the awards', so that an edit of either breaks it."""
        kept: dict[str, Any] = {
            "records": self.records, "recipients": self.recipients, "revoked": self.revoked,
            "ascending": self.ascending, "first": self.first, "last": self.last,
            "measures": {name: None if found is None else list(found)
                         for name, found in self.measures.items()},
            "values": self.values, "revocations": self.revocations,
        }  # fmt: skip
        kept["seal"] = _seal(kept, crc)
        return kept


def of(pairs: Sequence[tuple[str, Mapping[str, Any]]], fields: Iterable[str] | None = None
       ) -> Summary:  # fmt: skip
    """The summary of stored award records, (id, record) pairs in the file's order; of
    ``fields`` only (the rest unknown), or of every one."""
    keys, rows = zip(*pairs, strict=True) if pairs else ((), ())
    ids = list(map(int, keys))
    chosen = None if fields is None else set(fields)  # fields may come as an iterator
    wanted = [name for name in KEPT if chosen is None or name in chosen]
    column = _columns(rows, ["revoked_decision", "count", "revoked_on",
                             *(name for name in wanted if name != "id")])  # fmt: skip
    live = list(map(operator.is_, column["revoked_decision"], itertools.repeat(None)))
    recipients = sum(itertools.compress(column["count"], live))
    ends = [min(ids), max(ids)] if ids else []  # all a measure takes of whole numbers
    measures = {name: measure(ends if name == "id" else column[name])
                for name in MEASURED if name in wanted}  # fmt: skip
    values = {name: _distinct(column[name]) for name in VALUED if name in wanted}
    ascending = all(map(int.__lt__, ids, ids[1:]))
    return Summary(len(rows), recipients, len(live) - sum(live), ascending,
                   ids[0] if ids else None, ids[-1] if ids else None, measures, values,
                   _revocations(column["revoked_on"], live))  # fmt: skip


def after(before: Summary, table: Mapping[str, Mapping[str, Any]],
          changed: Mapping[int, Mapping[str, Any] | None]) -> Summary:  # fmt: skip
    """The summary of ``table``, awards by id whose summary was ``before`` until the awards
    ``changed`` (each id's record before, None for a new one) changed. The counts move by what
    went and what came; a field's measure merges what came where what went held neither its
    widest value nor its widest word, nor its only value that is not plain, and is measured
    again over ``table`` otherwise; its values likewise, where every value that went is still
    held by one that came. Its order is not known (``serialize`` lays the awards out in
    order, and says so)."""
    went = of([(str(i), old) for i, old in changed.items() if old is not None])
    came = of([(key, table[key]) for key in map(str, changed) if key in table])
    rows: list[Mapping[str, Any]] = []

    def every() -> list[Mapping[str, Any]]:
        if not rows:
            rows.extend(table.values())
        return rows

    measures: dict[str, Measure | None] = {}
    for name in MEASURED:
        held, gone, new = before.measures.get(name), went.measures[name], came.measures[name]
        if (
            held is not None
            and gone is not None
            and new is not None
            and gone.plain
            and (gone.widest < held.widest and (gone.word == 0 or gone.word < held.word))
        ):
            measures[name] = held.merged(new)
        elif name == "id":
            ids = list(map(int, table))
            measures[name] = measure([min(ids), max(ids)] if ids else [])
        else:
            measures[name] = measure(_column(every(), name))
    values: dict[str, list[Any] | None] = {}
    for name in VALUED:
        held_values, gone_values, new_values = (
            before.values.get(name), went.values[name], came.values[name])  # fmt: skip
        values[name] = (
            _union(held_values, new_values)
            if _still_held(held_values, gone_values, new_values)
            else _distinct(_column(every(), name))
        )
    revocations = (
        _union(before.revocations, came.revocations)
        if _still_held(before.revocations, went.revocations, came.revocations)
        else _revocations(
            _column(every(), "revoked_on"), [r.get("revoked_decision") is None for r in every()]
        )
    )
    return Summary(
        before.records - went.records + came.records,
        before.recipients - went.recipients + came.recipients,
        before.revoked - went.revoked + came.revoked, False, None, None, measures, values,
        revocations,
    )  # fmt: skip


def _still_held(held: list[Any] | None, gone: list[Any] | None, new: list[Any] | None) -> bool:
    """Whether the values ``held`` with ``new`` are those of awards that lost the ``gone``:
    each value that went came again (so none of ``held`` is lost)."""
    return held is not None and gone is not None and new is not None and set(gone) <= set(new)


def _column(rows: Iterable[Mapping[str, Any]], name: str) -> Iterator[Any]:
    return map(dict.get, rows, itertools.repeat(name))  # type: ignore[arg-type]


def _columns(rows: Sequence[Mapping[str, Any]], names: Iterable[str]) -> dict[str, list[Any]]:
    """Each row's value of each of ``names``, a part of the rows at a time: a part's records
    are still in the processor's cache when their next field is read (100,000 records read
    field by field whole were a third slower)."""
    columns: dict[str, list[Any]] = {name: [] for name in names}
    for at in range(0, len(rows), _PART):
        part = rows[at : at + _PART]
        for name, values in columns.items():
            values += _column(part, name)
    return columns


_PART = 2000


def _revocations(dates: Iterable[Any], live: Iterable[bool]) -> list[Any] | None:
    """The different dates among ``dates`` of the revoked awards (``live``: not revoked)."""
    return _distinct(itertools.compress(dates, map(operator.not_, live)))


def kept(meta: Mapping[str, Any], crc: int | None) -> Summary | None:
    """The summary the file keeps in its ``meta`` record, where its seal holds for awards whose
    CRC-32 is ``crc`` (None: not the bytes a write left); else None."""
    found = meta.get(KEY)
    if crc is None or type(found) is not dict or found.get("seal") != _seal(found, crc):
        return None
    try:
        measures = {name: None if m is None else Measure(*m)
                    for name, m in found["measures"].items()}  # fmt: skip
        return Summary(found["records"], found["recipients"], found["revoked"],
                       found["ascending"], found["first"], found["last"], measures,
                       found["values"], found["revocations"])  # fmt: skip
    except (AttributeError, KeyError, TypeError, ValueError):  # sealed, not by this awards
        return None


def _seal(kept: Mapping[str, Any], crc: int) -> int:
    return zlib.crc32(orjson.dumps({k: v for k, v in kept.items() if k != "seal"}), crc)


def _distinct(values: Iterable[Any]) -> list[Any] | None:
    """The different values, in an order of their own (the file's bytes do not vary), or
    None where there are more than are kept."""
    found = set(values)
    if len(found) > _MOST_VALUES:
        return None
    return sorted(found, key=lambda value: (value is None, type(value).__name__, str(value)))


def _union(mine: list[Any] | None, theirs: list[Any] | None) -> list[Any] | None:
    if mine is None or theirs is None:
        return None
    return _distinct([*mine, *theirs])
