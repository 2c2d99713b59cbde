"""Excel workbooks (.xlsx) to import, through openpyxl: the awards sheet, and the phases and
issuers sheets a workbook may have, as ``Table`` objects of plain cells.

One of the two modules that import openpyxl (``render.xlsx`` writes); it is itself loaded only
when a workbook is read: most commands never touch one.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from awards import text
from awards.errors import Invalid, NotFound
from awards.i18n import _
from awards.transfer.sheets import LIMITS, Cell, Table, over_limit, read_bytes

SHEET_KINDS = {
    "phases": "phases",
    "giai doan": "phases",
    "issuers": "issuers",
    "cap khen": "issuers",
    "catalogue": "catalogue",
    "danh muc": "catalogue",
}


def _sheet_kind(name: str) -> str | None:
    """A sheet named phases (Giai đoạn), issuers (Cấp khen) or catalogue (Danh mục) holds
    those, not awards."""
    return SHEET_KINDS.get(text.fold(name))


def read_tables(path: Path, sheet: str | None) -> list[Table]:
    """The awards sheet (``sheet``, else the first that is not a phases or issuers sheet) and
    the workbook's phases and issuers sheets, if it has them."""
    raw = read_bytes(path)
    _check_sizes(raw, path)
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        message = _("{name} is not an Excel workbook (.xlsx): {problem}")
        raise Invalid(message.format(name=path.name, problem=error)) from None
    try:
        names = book.sheetnames
        if sheet is not None:
            chosen = next((n for n in names if text.key(n) == text.key(sheet)), None)
            if chosen is None:
                message = _("no sheet {sheet!r} in {name}; it has: {sheets}")
                raise NotFound(message.format(sheet=sheet, name=path.name, sheets=", ".join(names)))
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


def _check_sizes(raw: bytes, path: Path) -> None:
    """Refuse, before unpacking anything, a workbook whose parts unpack to more than a register
    could need: a small file can claim gigabytes (a zip bomb)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = max((part.file_size for part in archive.infolist()), default=0)
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: openpyxl says the file is not a workbook
    if unpacked > LIMITS["part"]:
        too_big = _(
            "{name} is refused: one of its parts unpacks to {size} MB (the most is {most} MB)"
        )
        raise Invalid(
            too_big.format(name=path.name, size=unpacked >> 20, most=LIMITS["part"] >> 20)
        )


def _sheet_table(sheet: Any, source: str, kind: str | None) -> Table:
    """The sheet's rows as its cells hold them: the range a sheet claims is not believed (a
    file may claim 16,384 columns by a million rows), and rows, columns and cells are held to
    Excel's own limits."""
    sheet.reset_dimensions()
    rows: list[tuple[int, list[Cell]]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > LIMITS["rows"] or len(values) > LIMITS["columns"]:
            over = "rows" if number > LIMITS["rows"] else "columns"
            raise Invalid(over_limit(source, over))
        cells = [_cell(value) for value in values]
        if any(isinstance(cell, str) and len(cell) > LIMITS["cell"] for cell in cells):
            raise Invalid(over_limit(source, "cell"))
        rows.append((number, cells))
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
