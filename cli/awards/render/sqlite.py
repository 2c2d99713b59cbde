"""The register as a SQLite database (``export FILE.sqlite``): the path beyond one file for an
archive of millions of awards, which sqlite-utils, Datasette or any SQL tool opens.

Tables of the awards, phases, issuers and the register's own catalogue entries, with the
columns an export has (lists as one text, items separated by "; "); indexes on what filters
and tallies select by; and views for the standard tallies, counting recipients, not records,
and leaving revoked awards out, as ``awards tally`` does.
"""

from __future__ import annotations

import functools
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from awards.domain.vocab import AWARD_FIELDS, CATALOGUE_FIELDS, ISSUER_FIELDS, PHASE_FIELDS

_NUMBERS = {"id", "count", "year", "start", "end", "years"}
_KEYS = {"awards": "id", "phases": "code", "issuers": "name", "catalogue": "name"}
_INDEXED = ("year", "phase", "form", "issuer", "kind", "decision", "unit")
_VIEWS = {
    "recipients_by_phase_and_form": ("phase", "form"),
    "recipients_by_year_and_form": ("year", "form"),
    "recipients_by_issuer": ("issuer",),
    "recipients_by_year_and_kind": ("year", "kind"),
}


def register_database(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> Iterator[bytes]:
    """The database's bytes from every table's rows of fields by name, a megabyte at a time.
    It is built in a temporary file (one in memory, then its bytes, held it twice: 70 MB at
    100,000 awards), which the caller's writer copies to its own and renames into place."""
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        path = Path(folder) / "register.sqlite"
        _build(sqlite3.connect(path), rows)
        with path.open("rb") as built:
            yield from iter(functools.partial(built.read, 1 << 20), b"")


def _build(database: sqlite3.Connection, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    tables: dict[str, tuple[Sequence[str], Sequence[Mapping[str, Any]]]] = {
        "awards": (AWARD_FIELDS, rows["awards"]), "phases": (PHASE_FIELDS, rows["phases"]),
        "issuers": (ISSUER_FIELDS, rows["issuers"]),
        "catalogue": (CATALOGUE_FIELDS, rows["catalogue"]),
    }  # fmt: skip
    try:
        database.execute("PRAGMA journal_mode = OFF")  # a file of its own, copied once whole
        for name, (fields, records) in tables.items():
            columns = ", ".join(
                f'"{f}" {"INTEGER" if f in _NUMBERS else "TEXT"}'
                + (" PRIMARY KEY" if f == _KEYS[name] else "")
                for f in fields
            )
            database.execute(f'CREATE TABLE "{name}" ({columns})')
            marks = ", ".join("?" * len(fields))
            database.executemany(
                f'INSERT INTO "{name}" VALUES ({marks})',
                ([_cell(record[f]) for f in fields] for record in records),
            )
        for field in _INDEXED:
            database.execute(f'CREATE INDEX "awards_{field}" ON "awards" ("{field}")')
        for view, by in _VIEWS.items():
            keys = ", ".join(f'"{f}"' for f in by)
            database.execute(
                f'CREATE VIEW "{view}" AS SELECT {keys}, SUM("count") AS recipients, '
                f'COUNT(*) AS records FROM "awards" WHERE "revoked_decision" IS NULL '
                f"GROUP BY {keys} ORDER BY {keys}"
            )
        database.commit()
    finally:
        database.close()


def _cell(value: Any) -> Any:
    return "; ".join(value) if isinstance(value, list) else value
