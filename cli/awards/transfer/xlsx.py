"""Excel workbooks (.xlsx) to import, through openpyxl: the awards sheet, and the phases and
issuers sheets a workbook may have, as ``Table`` objects of plain cells.

One of the two modules that import openpyxl (``render.xlsx`` writes), and only inside the
functions that need it: most commands never touch a workbook.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from awards import text
from awards.errors import Invalid, NotFound
from awards.i18n import _
from awards.transfer.sheets import Cell, Table, read_bytes

SHEET_KINDS = {
    "phases": "phases",
    "giai doan": "phases",
    "issuers": "issuers",
    "cap khen": "issuers",
}


def _sheet_kind(name: str) -> str | None:
    """A sheet named phases (Giai đoạn) or issuers (Cấp khen) holds those, not awards."""
    return SHEET_KINDS.get(text.fold(name))


def read_tables(path: Path, sheet: str | None) -> list[Table]:
    """The awards sheet (``sheet``, else the first that is not a phases or issuers sheet) and
    the workbook's phases and issuers sheets, if it has them."""
    from openpyxl import load_workbook

    raw = read_bytes(path)
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise Invalid(
            _("{name} is not an Excel workbook (.xlsx): {problem}").format(
                name=path.name, problem=error
            )
        ) from None
    try:
        names = book.sheetnames
        if sheet is not None:
            chosen = next((n for n in names if text.key(n) == text.key(sheet)), None)
            if chosen is None:
                raise NotFound(
                    _("no sheet {sheet!r} in {name}; it has: {sheets}").format(
                        sheet=sheet, name=path.name, sheets=", ".join(names)
                    )
                )
        else:
            chosen = next((n for n in names if _sheet_kind(n) is None), None)
        tables = []
        for name in names:
            kind = None if name == chosen else _sheet_kind(name)
            if name == chosen or kind is not None:
                where = _("{name}, sheet {sheet}").format(name=path.name, sheet=name)
                tables.append(_sheet_table(book[name], where, kind))
        return tables
    finally:
        book.close()


def _sheet_table(sheet: Any, source: str, kind: str | None) -> Table:
    rows: list[tuple[int, list[Cell]]] = []
    first = sheet.min_row or 1
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=first):
        rows.append((number, [_cell(value) for value in values]))
    return Table(source=source, rows=rows, kind=kind, sheet=sheet.title)


def _cell(value: Any) -> Cell:
    """A cell as Excel stored it: numbers stay numbers; a date cell becomes an ISO date."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or isinstance(value, dt.time | dt.timedelta):
        return str(value)
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)
