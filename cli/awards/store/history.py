"""What each write changed, kept in the file so that ``undo`` can put it back: the entries
of the ``history`` table, as data (the words for them are made where they are shown)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

HISTORY_KEPT = 50  # changes that undo can revert, newest last
HISTORY_BYTES = 4 << 20  # and no more than this in all, though the newest is always kept


@dataclass(frozen=True, slots=True)
class Part:
    """One kind of change to one table: ``verb`` (added, changed, removed) ``table`` (awards,
    phases, issuers), naming awards by id ranges and phases and issuers by code or name."""

    verb: str
    table: str
    ids: tuple[tuple[int, int], ...] = ()
    names: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        if self.table == "awards":
            return {"verb": self.verb, "table": self.table, "ids": [list(p) for p in self.ids]}
        return {"verb": self.verb, "table": self.table, "names": list(self.names)}


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded write: when, the command line, and what it changed, as data; the words
    for it are made when it is shown, in the language asked for. ``recorded`` holds the English
    words an earlier version of awards stored in place of ``parts``."""

    number: int
    at: str
    command: str
    parts: tuple[Part, ...] = ()
    recorded: str | None = None


def id_ranges(ids: list[int]) -> list[list[int]]:
    """``[1, 2, 3, 7]`` as ``[[1, 3], [7, 7]]``: an import of 100,000 awards is one pair."""
    ranges: list[list[int]] = []
    for i in ids:
        if ranges and ranges[-1][1] == i - 1:
            ranges[-1][1] = i
        else:
            ranges.append([i, i])
    return ranges


def describe(
    name: str, added: list[list[int]], before: dict[str, dict[str, Any]], current: dict[str, Any]
) -> list[Part]:  # fmt: skip
    """What a change did to the table ``name``: the ids it added (``added``, as ranges), and the
    records it changed or removed (``before``, the replaced records by id)."""
    changed = id_ranges(sorted(int(i) for i in before if i in current))
    removed = id_ranges(sorted(int(i) for i in before if i not in current))
    parts = []
    for verb, ranges in (("added", added), ("changed", changed), ("removed", removed)):
        if not ranges:
            continue
        if name == "awards":
            parts.append(Part(verb, name, ids=tuple((first, last) for first, last in ranges)))
            continue
        ids = [str(i) for first, last in ranges for i in range(first, last + 1)]
        records = [current.get(i) or before.get(i) or {} for i in ids]
        names = tuple(str(r.get("code", r.get("name", r.get("unit", "")))) for r in records)
        parts.append(Part(verb, name, names=names))
    return parts


def change_of(number: int, entry: dict[str, Any]) -> Change:
    parts = tuple(Part(str(part.get("verb", "")), str(part.get("table", "")),
                       tuple((int(first), int(last)) for first, last in part.get("ids", ())),
                       tuple(map(str, part.get("names", ()))))
                  for part in entry.get("changes", ()))  # fmt: skip
    recorded = entry.get("summary")
    return Change(number, str(entry.get("at", "")), str(entry.get("command", "")), parts,
                  None if recorded is None else str(recorded))  # fmt: skip


def changes_of(data: dict[str, dict[str, Any]]) -> list[Change]:
    """The recorded changes, oldest first."""
    entries = data.get("history", {})
    return [change_of(int(k), v) for k, v in sorted(entries.items(), key=lambda kv: int(kv[0]))]


def changed_groups(
    before: dict[str, dict[str, Any]], current: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """What a change did to records it kept, field by field: for each distinct set of old
    values, the ids (as ranges) and the fields to set back or take away. 100,000 awards given a
    new issuer are one group of one field."""
    groups: dict[bytes, tuple[dict[str, Any], list[int]]] = {}
    for key, old in before.items():
        now = current[key]
        undo = {
            "set": {f: v for f, v in old.items() if now.get(f, _ABSENT) != v},
            "unset": sorted(f for f in now if f not in old),
        }
        groups.setdefault(orjson.dumps(undo, option=orjson.OPT_SORT_KEYS), (undo, []))[1].append(
            int(key)
        )
    return [{"ids": id_ranges(sorted(ids)), **undo} for undo, ids in groups.values()]


def restored(record: dict[str, Any], group: dict[str, Any]) -> dict[str, Any]:
    """``record`` as it was before the change ``group`` describes."""
    back = {f: v for f, v in record.items() if f not in group.get("unset", ())}
    back.update(group.get("set", {}))
    return back


def ids_of(ranges: list[list[int]]) -> list[int]:
    return [i for first, last in ranges for i in range(first, last + 1)]


_ABSENT = object()
