"""Workbooks to import, .xlsx, .xls and .ods alike, through python-calamine: the awards sheet,
the phases, issuers and catalogue sheets a workbook may have, and the code lists of a sheet
named DANHMUC (a provincial system's template), as ``Table`` objects of plain cells.

The only module that imports python-calamine; it is itself loaded only when a workbook is read.
A merged cell is read as its text in every cell it covers, so a heading over two columns heads
both and a unit merged down a group of rows is each row's.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from awards import text
from awards.errors import Invalid, NotFound
from awards.i18n import _
from awards.transfer import legacy
from awards.transfer.sheets import LIMITS, Cell, Table, over_limit, read_bytes

SHEET_KINDS = {
    "phases": "phases",
    "giai doan": "phases",
    "issuers": "issuers",
    "cap khen": "issuers",
    "catalogue": "catalogue",
}
_CODE = re.compile(r"^[\w.\-/]{1,20}$")


def _sheet_kind(name: str) -> str | None:
    """A sheet named phases (Giai đoạn), issuers (Cấp khen) or catalogue holds those, not
    awards; a sheet named DANHMUC (Danh mục) holds the codes the awards sheet may use."""
    folded = text.loose(name)
    return "codes" if folded.replace(" ", "") == "danhmuc" else SHEET_KINDS.get(folded)


def read_tables(path: Path, sheet: str | None) -> list[Table]:
    """The awards sheet (``sheet``, else the first that is no other kind's) and the workbook's
    phases, issuers and catalogue sheets, if it has them; each knows the workbook's codes."""
    raw = read_bytes(path)
    _check_sizes(raw, path)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as error:  # calamine raises its own kinds for a file that is no workbook
        message = _("{name} is not a workbook (.xlsx, .xls, .ods): {problem}")
        raise Invalid(message.format(name=path.name, problem=error)) from None
    try:
        names = list(book.sheet_names)
        if sheet is not None:
            chosen = next((n for n in names if text.key(n) == text.key(sheet)), None)
            if chosen is None:
                message = _("no sheet {sheet!r} in {name}; it has: {sheets}")
                raise NotFound(message.format(sheet=sheet, name=path.name, sheets=", ".join(names)))
        else:
            chosen = next((n for n in names if _sheet_kind(n) is None), None)
        codes: dict[str, str] = {}
        for name in names:
            if name != chosen and _sheet_kind(name) == "codes":
                codes.update(_codes(_rows(book, name, path.name)))
        tables = []
        for name in names:
            kind = None if name == chosen else _sheet_kind(name)
            if name == chosen or kind not in (None, "codes"):
                where = _("{name}, sheet {sheet}").format(name=path.name, sheet=name)
                rows, encoding = _unicode(_rows(book, name, where), where)
                tables.append(Table(where, rows, kind, sheet=name, codes=codes, encoding=encoding))
        return tables
    finally:
        book.close()


def _check_sizes(raw: bytes, path: Path) -> None:
    """Refuse, before unpacking anything, a workbook whose parts unpack to more than a register
    could need: a small file can claim gigabytes (a zip bomb). An .xls is no zip: its size is
    its size."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = max((part.file_size for part in archive.infolist()), default=0)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if unpacked > LIMITS["part"]:
        too_big = _(
            "{name} is refused: one of its parts unpacks to {size} MB (the most is {most} MB)"
        )
        raise Invalid(
            too_big.format(name=path.name, size=unpacked >> 20, most=LIMITS["part"] >> 20)
        )


def _rows(book: Any, name: str, source: str) -> list[tuple[int, list[Cell]]]:
    """The sheet's rows from its first, numbered as the sheet numbers them, merged cells
    filled, and held to Excel's own limits."""
    try:
        sheet = book.get_sheet_by_name(name)
        values = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
    except Exception as error:  # a damaged sheet
        message = _("{source} cannot be read: {problem}")
        raise Invalid(message.format(source=source, problem=error)) from None
    if len(values) > LIMITS["rows"] or any(len(row) > LIMITS["columns"] for row in values):
        over = "rows" if len(values) > LIMITS["rows"] else "columns"
        raise Invalid(over_limit(source, over))
    rows = [[_cell(value) for value in row] for row in values]
    for (top, left), (bottom, right) in merged:
        if top < len(rows) and left < len(rows[top]):
            value = rows[top][left]
            for r in range(top, min(bottom, len(rows) - 1) + 1):
                row = rows[r]
                for c in range(left, right + 1):
                    if c < len(row) and row[c] is None:
                        row[c] = value
    if any(isinstance(cell, str) and len(cell) > LIMITS["cell"] for row in rows for cell in row):
        raise Invalid(over_limit(source, "cell"))
    return list(enumerate(rows, start=1))


def _unicode(
    rows: list[tuple[int, list[Cell]]], source: str
) -> tuple[list[tuple[int, list[Cell]]], str | None]:
    """The sheet's text in Unicode: typed in a .VnTime font, its cells hold TCVN3 as Latin-1
    letters, converted here; VNI is refused by name. A cell with a letter beyond Latin-1 (a
    header retyped in Unicode) is Unicode already, and is left as it is."""
    latin = [c for _n, cells in rows for c in cells if isinstance(c, str) and legacy.is_latin(c)]
    found = legacy.detect("\n".join(latin))
    if found is None:
        return rows, None
    if found == legacy.VNI:
        message = _("{source} is written in the VNI encoding; convert it to Unicode (Unikey's "
                    "converter does) and import that file")  # fmt: skip
        raise Invalid(message.format(source=source))
    converted = [(n, [legacy.from_tcvn3(c) if isinstance(c, str) and legacy.is_latin(c) else c
                      for c in cells]) for n, cells in rows]  # fmt: skip
    return converted, found


def _codes(rows: list[tuple[int, list[Cell]]]) -> dict[str, str]:
    """What each code of a DANHMUC sheet stands for: in each row, a short code (no spaces)
    beside the name on its right."""
    found: dict[str, str] = {}
    for _number, cells in rows:
        for code, name in zip(cells, cells[1:], strict=False):
            if isinstance(code, int | float):
                code = str(code)
            if isinstance(code, str) and _CODE.match(code.strip()) and isinstance(name, str):
                if text.clean(name) and not _CODE.match(name.strip()):
                    found.setdefault(text.key(code), text.clean(name))
    return found


def _cell(value: Any) -> Cell:
    """A cell as the sheet stores it: an empty one as None, a whole number as an int, a date
    cell as an ISO date."""
    if value == "" or value is None:
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or isinstance(value, dt.time | dt.timedelta):
        return str(value)
    if isinstance(value, str | int):
        return value
    return str(value)
