"""Excel workbooks (.xlsx) to write, through openpyxl: an export's sheets, a table or tally
(with a native bar chart), and form 0603.

One of the two modules that import openpyxl (``transfer.xlsx`` reads); it is itself loaded
only when a workbook is written. No cell written here is ever a formula: text is stored as text, and
text that Excel would run gets the quote prefix as well.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from awards import text
from awards.domain.vocab import AWARD_FIELDS, CATALOGUE_FIELDS, ISSUER_FIELDS, PHASE_FIELDS
from awards.grid import Form, Grid, Head
from awards.i18n import _

_MAX_WIDTH = 60
_DATE_FORMAT = "DD/MM/YYYY"


_FONT = "Times New Roman"  # the font of the state's documents


def awards_workbook(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> bytes:
    """Sheets of awards, phases, issuers and (when it has any) the register's own catalogue
    entries, from their rows of fields by name, headed by the JSON keys, which import reads
    back."""
    book = Workbook(write_only=True)
    sheets = {"awards": AWARD_FIELDS, "phases": PHASE_FIELDS, "issuers": ISSUER_FIELDS,
              "catalogue": CATALOGUE_FIELDS}  # fmt: skip
    for title, names in sheets.items():
        if title == "catalogue" and not tables[title]:
            continue
        rows = [list(row) for row in map(itemgetter(*names), tables[title])]
        for index, name in enumerate(names):  # a date as a date, a list as one text
            if name in _DATES:
                for row in rows:
                    row[index] = row[index] and dt.date.fromisoformat(row[index])
            elif rows and type(rows[0][index]) is list:  # a list field holds one in every row
                for row in rows:
                    row[index] = "; ".join(row[index] or ()) or None
        _write_sheet(book, title, list(names), rows)
    return _save(book)


_DATES = frozenset({"decided_on", "revoked_on", "signed_on"})


def _write_sheet(book: Any, title: str, headers: list[str], rows: list[list[Any]]) -> Any:
    """A sheet of ``rows`` under a bold heading, each column as wide as its widest value.

    Each column is looked at once: one whose values all go out as typed (``text.as_typed``, a
    few calls in C for the column) is written as it is, any other value by value
    (``_write_cell``); a date goes in a cell with its format, one cell for each date, used
    again on every row that has it (a write-only sheet writes each row as it is appended)."""
    sheet = book.create_sheet(title)
    widths, unsure = _columns(headers, rows)
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heading = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    dates: dict[dt.date, Any] = {}  # each date's cell
    for row in rows:
        for index in unsure:
            value = row[index]
            if type(value) is dt.date:
                if value not in dates:
                    dates[value] = _write_cell(sheet, value)
                row[index] = dates[value]
            elif value is not None:
                row[index] = _write_cell(sheet, value)
        sheet.append(row)
    return sheet


def _columns(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> tuple[list[int], list[int]]:
    """Each column's width, as wide as its widest value (``_MAX_WIDTH`` at most), and the
    columns whose values do not all go out as typed (``text.as_typed``). Each column's different
    values are looked at, each once: ten issuers ten times, not 100,000."""
    widths, unsure = [], []
    for index, header in enumerate(headers):
        values = set(map(itemgetter(index), rows))
        widths.append(min(max(len(header), _widest(values)) + 2, _MAX_WIDTH))
        if dt.date in set(map(type, values)) or not text.as_typed(filter(None, values)):
            unsure.append(index)
    return widths, unsure


def _widest(values: Iterable[Any]) -> int:
    """The widest of a column's values in characters, its longest line where it has several; a
    date as wide as 00/00/0000 (str() of a date is as wide). Looked at in C, value by value."""
    shown = list(map(str, filter(None, values)))
    if "\n" in "".join(shown):
        shown = [line for value in shown for line in value.split("\n")]
    return max(map(len, shown), default=0)


def _write_cell(sheet: Any, value: Any) -> Any:
    """The value as ``sheet.append`` takes it: the value itself where openpyxl writes it as it
    is (a number, most text), a cell where it needs a format or must stay text. (openpyxl tries
    a cell as a value first, and builds an error message before it takes it as a cell: with a
    cell for every value, exporting 100,000 awards took 17 s instead of 11.)"""
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet)
        cell.number_format = _DATE_FORMAT  # before the value, which then keeps it
        cell.value = value
        return cell
    if not isinstance(value, str):
        return value
    value = text.safe(value)  # a control character would make openpyxl refuse the cell
    if text.neutralise(value) == value:  # nothing a spreadsheet would run as a formula
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would make "=…" a formula; it stays text
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


def heading(form: Form) -> tuple[Head, ...]:
    """The form's heading cells: its own, else the usual two rows: the ``fixed`` columns each
    down both rows, ``group`` over the others, and their names under it."""
    if form.heading:
        return form.heading
    columns, fixed = form.grid.columns, form.fixed
    return (
        *(Head(0, column, 2, 1, name) for column, name in enumerate(columns[:fixed])),
        Head(0, fixed, 1, len(columns) - fixed, form.group),
        *(Head(1, column, 1, 1, name) for column, name in enumerate(columns) if column >= fixed),
    )


def _lines(heads: Sequence[Head], sizes: Sequence[float]) -> dict[int, int]:
    """How many lines each heading row needs for the cells that lie in it alone."""
    lines: dict[int, int] = {}
    for head in heads:
        width = sum(sizes[head.column : head.column + head.columns])
        lines.setdefault(head.row, 1)
        if head.rows == 1:
            lines[head.row] = max(lines[head.row], _wrapped(head.text, width, 1.05))  # bold
    return lines


def _wrapped(value: str, width: float, letters: float = 1.2) -> int:
    """The lines a text takes in a column ``width`` characters wide, broken between words as
    a table's cells are (``columns.wrapped``): ``letters`` to a unit of width, as Times New
    Roman 11 sets Vietnamese."""
    from awards.render.columns import wrapped

    return len(wrapped(value, max(int(width * letters) - 2, 4)))


def _save(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def form_workbook(form: Form) -> bytes:
    """A state form as it is filed: the header block (its number and circular on the left, the
    reporting and receiving units on the right), the title in capitals, the two-row heading
    with "Chia ra", the code row (A, B, C, 1…), the rows with their section rows, the note of
    what was left out and the signature block; Times New Roman, borders, A4 landscape, one page
    wide, the heading repeated on every page."""
    from awards.reports.forms import CIRCULAR, RECEIVED

    grid = form.grid
    width = len(grid.columns)
    book = Workbook()
    sheet = book.active
    sheet.title = form.number.split(".")[0] or "form"
    font, bold = Font(name=_FONT, size=11), Font(name=_FONT, size=11, bold=True)
    italic = Font(name=_FONT, size=11, italic=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    split = max(width // 2, 2)

    def put(row: int, first: int, last: int, value: str, style: Font, align: Alignment) -> None:
        if last > first:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        cell = sheet.cell(row, first, value)
        cell.font, cell.alignment = style, align

    put(1, 1, split, f"Biểu số: {form.number}", bold, left)
    put(1, split + 1, width, f"Đơn vị báo cáo: {form.reporting or ''}", font, centre)
    put(2, 1, split, CIRCULAR, font, left)
    put(2, split + 1, width, f"Đơn vị nhận báo cáo: {form.receiving or ''}", font, centre)
    put(3, 1, split, f"Ngày nhận báo cáo: {RECEIVED}", font, left)
    put(5, 1, width, form.title, Font(name=_FONT, size=13, bold=True), centre)
    put(6, 1, width, f"Thời điểm báo cáo: Năm {form.year}", italic, centre)
    if form.unit_note:
        put(7, 1, width, form.unit_note, italic, Alignment(horizontal="right"))
    top, heads = 8, heading(form)
    depth = max(head.row + head.rows for head in heads)
    for head in heads:
        row, column = top + head.row, 1 + head.column
        if head.rows > 1 or head.columns > 1:
            bottom, right = row + head.rows - 1, column + head.columns - 1
            sheet.merge_cells(start_row=row, start_column=column, end_row=bottom,
                              end_column=right)  # fmt: skip
        sheet.cell(row, column, head.text)
    codes = top + depth  # the code row: a column with None shares the code to its left
    for column, code in enumerate(form.codes[:width], start=1):
        if code is not None:
            sheet.cell(codes, column, code)
            span = next((n for n, c in enumerate(form.codes[column:], 1) if c is not None), 0)
            last = column + span - 1 if span else min(len(form.codes), width)
            if last > column:
                sheet.merge_cells(start_row=codes, start_column=column, end_row=codes,
                                  end_column=last)  # fmt: skip
    for row in range(top, codes + 1):
        for column in range(1, width + 1):
            cell = sheet.cell(row, column)
            cell.font, cell.alignment, cell.border = bold, centre, box
    first = codes + 1
    for offset, values in enumerate(grid.rows):
        at = first + offset
        strong = offset == 0 or offset in form.sections
        for column, shown in enumerate(values, start=1):
            cell = sheet.cell(at, column, shown)
            if column == 1 and isinstance(shown, str):
                cell.data_type = "s"
            cell.font, cell.border = (bold if strong else font), box
            cell.alignment = left if column == 1 else centre
    row = first + len(grid.rows) + 1
    if grid.caption:
        put(row, 1, width, grid.caption, italic, left)
        row += 2
    put(row, split + 1, width, "…, ngày … tháng … năm …", italic, centre)
    put(row + 1, 1, split, "Người lập biểu", bold, centre)
    put(row + 1, split + 1, width, "Thủ trưởng đơn vị", bold, centre)
    put(row + 2, 1, split, "(Ký, họ tên)", italic, centre)
    put(row + 2, split + 1, width, "(Ký, họ tên, đóng dấu)", italic, centre)
    counts = width - form.fixed
    sizes = [*(46, 7, 12, 9)[: form.fixed], *([20 if counts < 8 else 11] * counts)]
    for column, size in enumerate(sizes, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = size
    sheet.row_dimensions[5].height = 36
    # A row is as tall as its longest wrapped text: set here, as Excel and LibreOffice do not
    # grow a row for wrapped text in a sheet fitted to the page.
    for row, lines in _lines(heads, sizes).items():
        sheet.row_dimensions[top + row].height = max(15.0, 13.0 * lines + 2)
    for offset, values in enumerate(grid.rows):
        lines = _wrapped(str(values[0] or ""), sizes[0])
        if lines > 1:
            sheet.row_dimensions[first + offset].height = 13.0 * lines + 2
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{top}:{codes}"
    sheet.print_options.horizontalCentered = True
    return _save(book)
