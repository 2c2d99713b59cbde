"""The register as a SQLite database (``export FILE.sqlite``): the path beyond one file for an
archive of millions of awards, which sqlite-utils, Datasette or any SQL tool opens.

Tables of the awards, phases, issuers and the register's own catalogue entries, with the
columns an export has (lists as one text, items separated by "; "); indexes on what filters
and tallies select by; and views for the standard tallies, counting recipients, not records,
and leaving revoked awards out, as ``awards tally`` does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
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


def register_database(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> bytes:
    """The database's bytes from every table's rows of fields by name, built in memory and
    written whole by the caller."""
    tables: dict[str, tuple[Sequence[str], Sequence[Mapping[str, Any]]]] = {
        "awards": (AWARD_FIELDS, rows["awards"]), "phases": (PHASE_FIELDS, rows["phases"]),
        "issuers": (ISSUER_FIELDS, rows["issuers"]),
        "catalogue": (CATALOGUE_FIELDS, rows["catalogue"]),
    }  # fmt: skip
    database = sqlite3.connect(":memory:")
    try:
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
        return database.serialize()
    finally:
        database.close()


def _cell(value: Any) -> Any:
    return "; ".join(value) if isinstance(value, list) else value
