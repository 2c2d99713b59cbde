"""Excel workbooks (.xlsx) to write, through openpyxl: an export's sheets, a table or tally
(with a native bar chart), and form 0603.

One of the two modules that import openpyxl (``transfer.xlsx`` reads); it is itself loaded
only when a workbook is written. No cell written here is ever a formula: text is stored as text, and
text that Excel would run gets the quote prefix as well.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from awards import text
from awards.domain.records import Award, Entry, Issuer, Phase
from awards.domain.vocab import AWARD_FIELDS, CATALOGUE_FIELDS, ISSUER_FIELDS, PHASE_FIELDS
from awards.grid import Grid
from awards.i18n import _
from awards.reports.forms import FORM_0603_COLUMNS, FORM_0603_SUBJECT, FORM_0603_TITLE

_MAX_WIDTH = 60
_DATE_FORMAT = "DD/MM/YYYY"


def awards_workbook(
    phases: Sequence[Phase], awards: Sequence[Award], issuers: Sequence[Issuer] = (),
    catalogue: Sequence[Entry] = ()
) -> bytes:  # fmt: skip
    """Sheets of awards, phases, issuers and (when it has any) the register's own catalogue
    entries, headed by the JSON keys, which import reads back."""
    book = Workbook(write_only=True)
    sheets = [
        ("awards", awards, AWARD_FIELDS),
        ("phases", phases, PHASE_FIELDS),
        ("issuers", issuers, ISSUER_FIELDS),
        ("catalogue", catalogue, CATALOGUE_FIELDS),
    ]
    for title, items, names in sheets[:4 if catalogue else 3]:  # fmt: skip
        rows = [[_value(name, getattr(item, name)) for name in names] for item in items]
        _write_sheet(book, title, list(names), rows)
    return _save(book)


def _value(name: str, value: Any) -> Any:
    """A field as a cell: a date as a date, a list as one text separated by ``;``."""
    if isinstance(value, tuple):
        return "; ".join(value) or None
    if name in ("decided_on", "revoked_on", "signed_on") and value:
        return dt.date.fromisoformat(value)
    return value


def _write_sheet(book: Any, title: str, headers: list[str], rows: list[list[Any]]) -> Any:

    sheet = book.create_sheet(title)
    for index, header in enumerate(headers):
        widest = max([len(header), *(len(_shown(row[index])) for row in rows)])
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = min(widest + 2, _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heading = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for row in rows:
        sheet.append([_write_cell(sheet, value) for value in row])
    return sheet


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "00/00/0000"
    return max(str(value).split("\n"), key=len)


def _write_cell(sheet: Any, value: Any) -> Any:

    if not isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, dt.date):
            cell.number_format = _DATE_FORMAT
        return cell
    value = text.safe(value)  # a control character would make openpyxl refuse the cell
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would make "=…" a formula; it stays text
    if text.neutralise(value) != value:
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    return cell


def grid_workbook(
    grid: Grid, series: Sequence[int], labels: int, title: str, name: str = "tally"
) -> bytes:
    """A table as a sheet, and a native bar chart of it when ``series`` are given (a tally).

    ``series`` are the grid columns drawn as bars; the first ``labels`` columns name the bars.
    """
    book = Workbook(write_only=True)
    rows = [list(row) for row in grid.rows]
    if grid.total is not None:
        rows.append(list(grid.total))
    sheet = _write_sheet(book, name, list(grid.columns), rows)
    if grid.rows and series:
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "clustered" if len(series) > 1 else "standard"
        chart.title = title
        chart.y_axis.title = _("Recipients")
        chart.x_axis.title = " × ".join(grid.columns[:labels])
        chart.width, chart.height = 24, 12
        last = len(grid.rows) + 1
        for column in series:
            data = Reference(sheet, min_col=column + 1, min_row=1, max_row=last)
            chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, max_col=labels, min_row=2, max_row=last))
        if len(series) == 1:
            chart.legend = None
        sheet.add_chart(chart, f"{get_column_letter(len(grid.columns) + 2)}2")
    return _save(book)


def _save(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def form_0603_workbook(grid: Grid, year: int) -> bytes:
    """Form 0603 laid out like the paper form: title, merged headers, codes A, B, 1–5."""
    book = Workbook()
    sheet = book.active
    sheet.title = "0603"
    bold, thin = Font(bold=True), Side(style="thin")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row, value in ((1, FORM_0603_TITLE), (2, FORM_0603_SUBJECT), (3, f"Năm {year}")):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
        sheet.cell(row, 1, value).font = bold
        sheet.cell(row, 1).alignment = centre
    # Rows 5-6: A, B and the total span both; "Chia ra" spans the four forms.
    for column, value in ((1, "Chỉ tiêu"), (2, "Mã số"), (3, "Tổng số")):
        sheet.merge_cells(start_row=5, start_column=column, end_row=6, end_column=column)
        sheet.cell(5, column, value)
    sheet.merge_cells(start_row=5, start_column=4, end_row=5, end_column=7)
    sheet.cell(5, 4, "Chia ra")
    for offset, value in enumerate(FORM_0603_COLUMNS):
        sheet.cell(6, 4 + offset, value)
    for column, code in enumerate(("A", "B", "1", "2", "3", "4", "5"), start=1):
        sheet.cell(7, column, code)
    for row in range(5, 8):
        for column in range(1, 8):
            cell = sheet.cell(row, column)
            cell.font, cell.alignment, cell.border = bold, centre, box
    for offset, values in enumerate(grid.rows):
        code, label, counts = str(values[0] or ""), str(values[1]), values[2:]
        row = 8 + offset
        sheet.cell(row, 1, label).data_type = "s"
        sheet.cell(row, 2, code or None)
        for column, count in enumerate(counts, start=3):
            sheet.cell(row, column, count)
        for column in range(1, 8):
            sheet.cell(row, column).border = box
            if code == "01":  # the total
                sheet.cell(row, column).font = bold
    for column, width in enumerate((58, 8, 10, 12, 16, 14, 14), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[6].height = 45
    return _save(book)
