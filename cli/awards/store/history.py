"""What each write changed, kept in the file so that ``undo`` can put it back: the entries
of the ``history`` table, and the words ``history`` shows for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HISTORY_KEPT = 50  # changes that undo can revert, newest last


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded write: when, the command line, and what it changed, in words."""

    number: int
    at: str
    command: str
    summary: str


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
    name: str,
    added: list[list[int]],
    before: dict[str, dict[str, Any]],
    current: dict[str, Any],
) -> list[str]:
    """ "added awards 4–6", "changed phase 2018-2023", "removed award 2", as the change was.

    ``added`` holds the ranges of new ids; ``before`` the replaced records by id."""
    changed = id_ranges(sorted(int(i) for i in before if i in current))
    removed = id_ranges(sorted(int(i) for i in before if i not in current))
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


def change_of(number: int, entry: dict[str, Any]) -> Change:
    return Change(
        number=number,
        at=str(entry.get("at", "")),
        command=str(entry.get("command", "")),
        summary=str(entry.get("summary", "")),
    )


def changes_of(data: dict[str, dict[str, Any]]) -> list[Change]:
    """The recorded changes, oldest first."""
    entries = data.get("history", {})
    return [change_of(int(k), v) for k, v in sorted(entries.items(), key=lambda kv: int(kv[0]))]
