"""Excel workbooks (.xlsx) to write, through XlsxWriter: an export's sheets, a table or tally
(with a native bar chart), and form 0603.

The one module that imports XlsxWriter (``transfer.workbook`` reads, through python-calamine);
it is itself loaded only when a workbook is written. No cell written here is ever a formula:
text is stored as text, and text that Excel would run gets the quote prefix as well.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import xlsxwriter

from awards import text
from awards.domain.vocab import AWARD_FIELDS, CATALOGUE_FIELDS, ISSUER_FIELDS, PHASE_FIELDS
from awards.errors import Invalid
from awards.grid import Form, Grid, Head
from awards.i18n import _

_MAX_WIDTH = 60
_DATE_FORMAT = "DD/MM/YYYY"
_MOST_ROWS = 1_048_576  # of a sheet, its heading included
_CELL_MOST = 32_767  # characters of a cell (UTF-16 code units)

_FONT = "Times New Roman"  # the font of the state's documents


def _book(buffer: io.BytesIO, *, rows_in_order: bool = True) -> Any:
    """A workbook written into ``buffer``: every text as text (never a formula, a number or a
    link), a date with its format. ``rows_in_order``: each row is written out once the next
    begins, so that a sheet of 100,000 rows is not held (the rows must come in order)."""
    return xlsxwriter.Workbook(buffer, {
        "constant_memory": rows_in_order, "strings_to_formulas": False,
        "strings_to_numbers": False, "strings_to_urls": False,
        "default_date_format": _DATE_FORMAT,
    })  # fmt: skip


def awards_workbook(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> bytes:
    """Sheets of awards, phases, issuers and (when it has any) the register's own catalogue
    entries, from their rows of fields by name, headed by the JSON keys, which import reads
    back."""
    buffer = io.BytesIO()
    book = _book(buffer)
    sheets = {"awards": AWARD_FIELDS, "phases": PHASE_FIELDS, "issuers": ISSUER_FIELDS,
              "catalogue": CATALOGUE_FIELDS}  # fmt: skip
    for title, names in sheets.items():
        if title == "catalogue" and not tables[title]:
            continue
        _fitting(len(tables[title]))
        rows = [list(row) for row in map(itemgetter(*names), tables[title])]
        for index, name in enumerate(names):  # a date as a date, a list as one text
            if name in _DATES:
                for row in rows:
                    row[index] = row[index] and dt.date.fromisoformat(row[index])
            elif rows and type(rows[0][index]) is list:  # a list field holds one in every row
                for row in rows:
                    row[index] = "; ".join(row[index] or ()) or None
        _write_sheet(book, title, list(names), rows)
    book.close()
    return buffer.getvalue()


_DATES = frozenset({"decided_on", "revoked_on", "signed_on"})


def _fitting(rows: int) -> None:
    """Refuse, before anything is written, a sheet of more rows than Excel holds (which an
    .xlsx writer leaves out, and Excel would not open)."""
    if rows >= _MOST_ROWS:
        raise Invalid(_("a sheet of a workbook holds at most {most:,} rows, and this one has "
                        "{count:,}; export to .csv or .sqlite instead").format(
                            most=_MOST_ROWS - 1, count=rows))  # fmt: skip


def _write_sheet(book: Any, title: str, headers: list[str], rows: list[list[Any]]) -> Any:
    """A sheet of ``rows`` under a bold heading, each column as wide as its widest value.

    Each column is looked at once: one whose values all go out as typed (``text.as_typed``, a
    few calls in C for the column) is written as it is, any other value by value: control
    characters shown (``text.safe``), and text that Excel would run as a formula given the quote
    prefix. Rows are written a row a call; a date goes out with its format."""
    sheet = book.add_worksheet(title)
    widths, unsure = _columns(headers, rows)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, headers, book.add_format({"bold": True}))
    quoted = book.add_format({"quote_prefix": True})
    for number, row in enumerate(rows, start=1):
        formulas = []
        for index in unsure:
            value = row[index]
            if type(value) is str:
                value = row[index] = text.safe(value)
                if text.neutralise(value) != value:  # Excel would run it: it stays text
                    formulas.append(index)
        sheet.write_row(number, 0, row)
        for index in formulas:
            sheet.write_string(number, index, row[index], quoted)
    return sheet


def _columns(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> tuple[list[int], list[int]]:
    """Each column's width, as wide as its widest value (``_MAX_WIDTH`` at most), and the
    columns whose values do not all go out as typed (``text.as_typed``). Each column's different
    values are looked at, each once: ten issuers ten times, not 100,000."""
    widths, unsure = [], []
    for index, header in enumerate(headers):
        values = set(map(itemgetter(index), rows))
        widths.append(min(max(len(header), _widest(values, header)) + 2, _MAX_WIDTH))
        if not text.as_typed(filter(None, values)):
            unsure.append(index)
    return widths, unsure


def _widest(values: Iterable[Any], header: str) -> int:
    """The widest of a column's values in characters, its longest line where it has several; a
    date as wide as 00/00/0000 (str() of a date is as wide). Looked at in C, value by value.
    A text longer than a cell holds is refused: a writer would cut it short."""
    shown = list(map(str, filter(None, values)))
    if max(map(len, shown), default=0) > _CELL_MOST // 2:  # a text that may be too long
        for value in shown:
            if len(value.encode("utf-16-le")) // 2 > _CELL_MOST:
                raise Invalid(_(
                    "a cell of a workbook holds at most {most:,} characters, and a {field} here "
                    "has {count:,}; export to .csv, .json or .sqlite instead"
                ).format(most=_CELL_MOST, field=header, count=len(value)))  # fmt: skip
    if "\n" in "".join(shown):
        shown = [line for value in shown for line in value.split("\n")]
    return max(map(len, shown), default=0)


def grid_workbook(
    grid: Grid, series: Sequence[int], labels: int, title: str, name: str = "tally"
) -> bytes:
    """A table as a sheet, and a native bar chart of it when ``series`` are given (a tally).

    ``series`` are the grid columns drawn as bars; the first ``labels`` columns name the bars.
    """
    _fitting(len(grid.rows) + (grid.total is not None))
    buffer = io.BytesIO()
    book = _book(buffer)
    rows = [list(row) for row in grid.rows]
    if grid.total is not None:
        rows.append(list(grid.total))
    sheet = _write_sheet(book, name, list(grid.columns), rows)
    if grid.rows and series:
        chart = book.add_chart({"type": "column"})
        last = len(grid.rows)  # the last row of bars: the total is not one
        for column in series:
            chart.add_series({"name": [name, 0, column],
                              "categories": [name, 1, 0, last, labels - 1],
                              "values": [name, 1, column, last, column]})  # fmt: skip
        chart.set_title({"name": title})
        chart.set_y_axis({"name": _("Recipients")})
        chart.set_x_axis({"name": " × ".join(grid.columns[:labels])})
        chart.set_size({"width": 907, "height": 454})  # 24 cm by 12 cm
        if len(series) == 1:
            chart.set_legend({"none": True})
        sheet.insert_chart(1, len(grid.columns) + 1, chart)
    book.close()
    return buffer.getvalue()


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


def form_workbook(form: Form) -> bytes:
    """A state form as it is filed: the header block (its number and circular on the left, the
    reporting and receiving units on the right), the title in capitals, the two-row heading
    with "Chia ra", the code row (A, B, C, 1…), the rows with their section rows, the note of
    what was left out and the signature block; Times New Roman, borders, A4 landscape, one page
    wide, the heading repeated on every page. Rows and columns count from 1 here, as a sheet's
    do on the screen (``_Cells``)."""
    from awards.reports.forms import CIRCULAR, RECEIVED

    grid = form.grid
    width = len(grid.columns)
    buffer = io.BytesIO()
    book = _book(buffer, rows_in_order=False)
    sheet = _Cells(book, form.number.split(".")[0] or "form")
    font: dict[str, Any] = {}
    bold, italic = {"bold": True}, {"italic": True}
    centre = {"align": "center", "valign": "vcenter", "text_wrap": True}
    left = {"align": "left", "valign": "vcenter", "text_wrap": True}
    box = {"border": 1}
    split = max(width // 2, 2)

    def put(row: int, first: int, last: int, value: str, *styles: dict[str, Any]) -> None:
        sheet.put(row, first, row, last, value, *styles)

    put(1, 1, split, f"Biểu số: {form.number}", bold, left)
    put(1, split + 1, width, f"Đơn vị báo cáo: {form.reporting or ''}", font, centre)
    put(2, 1, split, CIRCULAR, font, left)
    put(2, split + 1, width, f"Đơn vị nhận báo cáo: {form.receiving or ''}", font, centre)
    put(3, 1, split, f"Ngày nhận báo cáo: {RECEIVED}", font, left)
    put(5, 1, width, form.title, {"bold": True, "font_size": 13}, centre)
    put(6, 1, width, f"Thời điểm báo cáo: Năm {form.year}", italic, centre)
    if form.unit_note:
        put(7, 1, width, form.unit_note, italic, {"align": "right"})
    top, heads = 8, heading(form)
    depth = max(head.row + head.rows for head in heads)
    codes = top + depth  # the code row: a column with None shares the code to its left
    heading_cells = (bold, centre, box)
    for head in heads:
        row, column = top + head.row, 1 + head.column
        sheet.put(row, column, row + head.rows - 1, column + head.columns - 1, head.text,
                  *heading_cells)  # fmt: skip
    for column, code in enumerate(form.codes[:width], start=1):
        if code is not None:
            span = next((n for n, c in enumerate(form.codes[column:], 1) if c is not None), 0)
            last = column + span - 1 if span else min(len(form.codes), width)
            sheet.put(codes, column, codes, max(last, column), code, *heading_cells)
    sheet.fill(top, codes, width, *heading_cells)  # what no heading or code covers: its box
    first = codes + 1
    for offset, values in enumerate(grid.rows):
        strong = bold if offset == 0 or offset in form.sections else font
        for column, shown in enumerate(values, start=1):
            sheet.put(first + offset, column, first + offset, column, shown, strong,
                      left if column == 1 else centre, box)  # fmt: skip
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
    for column, size in enumerate(sizes):
        sheet.sheet.set_column(column, column, size)
    heights = {5: 36.0}
    # A row is as tall as its longest wrapped text: set here, as Excel and LibreOffice do not
    # grow a row for wrapped text in a sheet fitted to the page.
    for at, lines in _lines(heads, sizes).items():
        heights[top + at] = max(15.0, 13.0 * lines + 2)
    for offset, values in enumerate(grid.rows):
        lines = _wrapped(str(values[0] or ""), sizes[0])
        if lines > 1:
            heights[first + offset] = 13.0 * lines + 2
    for at, height in heights.items():
        sheet.sheet.set_row(at - 1, height)
    sheet.sheet.set_landscape()
    sheet.sheet.set_paper(9)  # A4
    sheet.sheet.fit_to_pages(1, 0)  # one page wide, as many long as it takes
    sheet.sheet.repeat_rows(top - 1, codes - 1)
    sheet.sheet.center_horizontally()
    book.close()
    return buffer.getvalue()


class _Cells:
    """A sheet written a cell or a merged range at a time, rows and columns counted from 1;
    each distinct set of styles (Times New Roman 11 under them all) made a format once."""

    def __init__(self, book: Any, title: str) -> None:
        self.book, self.sheet = book, book.add_worksheet(title)
        self.formats: dict[tuple[tuple[str, Any], ...], Any] = {}
        self.covered: set[tuple[int, int]] = set()

    def put(self, row: int, column: int, last_row: int, last_column: int, value: Any,
            *styles: dict[str, Any]) -> None:  # fmt: skip
        """``value`` in a cell, or across the range to (``last_row``, ``last_column``),
        merged. A text is written as text, whatever it looks like."""
        style = self._format(styles)
        if (last_row, last_column) != (row, column):
            self.sheet.merge_range(row - 1, column - 1, last_row - 1, last_column - 1, None,
                                   style)  # fmt: skip
        if value is None or value == "":
            self.sheet.write_blank(row - 1, column - 1, None, style)
        elif isinstance(value, str):
            self.sheet.write_string(row - 1, column - 1, value, style)
        else:
            self.sheet.write(row - 1, column - 1, value, style)
        self.covered.update((r, c) for r in range(row, last_row + 1)
                            for c in range(column, last_column + 1))  # fmt: skip

    def fill(self, top: int, bottom: int, width: int, *styles: dict[str, Any]) -> None:
        """The cells from row ``top`` to ``bottom`` and column 1 to ``width`` that nothing
        was written in, blank in these styles."""
        style = self._format(styles)
        for row in range(top, bottom + 1):
            for column in range(1, width + 1):
                if (row, column) not in self.covered:
                    self.sheet.write_blank(row - 1, column - 1, None, style)

    def _format(self, styles: Sequence[dict[str, Any]]) -> Any:
        merged = {"font_name": _FONT, "font_size": 11}
        for style in styles:
            merged |= style
        key = tuple(sorted(merged.items()))
        if key not in self.formats:
            self.formats[key] = self.book.add_format(merged)
        return self.formats[key]
