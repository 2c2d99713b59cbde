"""What commands hand to the renderer, as plain data: tables, charts, forms, an export.

Tallies and listings build a ``Grid``; they never decide how it looks on the terminal or in a
file. ``render.emit`` takes a ``Rows``, ``Form``, ``Register`` or a report and writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, overload

if TYPE_CHECKING:
    from awards.cells import Measure
    from awards.domain.records import Entry, Issuer, Office, Phase

Cell = str | int | None
Records = Sequence[dict[str, Any]] | dict[str, Any]  # rows, or one record


@dataclass(slots=True)
class Grid:
    columns: list[str]
    rows: Sequence[Sequence[Cell]] = field(default_factory=list)
    numeric: frozenset[int] = frozenset()  # indexes of right-aligned columns
    nowrap: frozenset[int] = frozenset()  # short codes that a narrow terminal must not fold
    total: list[Cell] | None = None  # a last row set apart from the others
    title: str | None = None
    caption: str | None = None
    empty: str | None = None  # said on stderr instead of drawing a table with no rows
    drop: tuple[int, ...] = ()  # columns a narrow terminal leaves out, the first first
    chosen: bool = True  # --columns can bring them back (a list); else a form
    # Each column's measure (of its rows and total), when known before the rows are read: a
    # list of every award, whose rows are then read as they are shown. None: measured.
    measures: Sequence[Measure] | None = None


class Streamed(Sequence[Sequence[Cell]]):
    """Rows made as they are read, of a number known before: the rows of a list of every
    award, laid out by the measures the file keeps (``Grid.measures``). Going through them
    makes them again; asking for one by its place makes them all."""

    def __init__(self, make: Callable[[], Iterator[Sequence[Cell]]], length: int) -> None:
        self._make = make
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Sequence[Cell]]:
        return self._make()

    @overload
    def __getitem__(self, index: int) -> Sequence[Cell]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Sequence[Cell]]: ...
    def __getitem__(self, index: int | slice) -> Sequence[Cell] | Sequence[Sequence[Cell]]:
        return list(self._make())[index]


@dataclass(slots=True)
class Chart:
    """Bars as plain data: a bar per row label, split into one segment per series."""

    title: str
    labels: list[str]
    series: list[str]  # one name for a plain bar chart; several make stacked bars and a legend
    values: list[list[int]]  # values[row][series]


@dataclass(slots=True)
class Rows:
    """What a listing or a tally found: a ``Grid`` for people, ``records`` for scripts.

    ``records`` is a list of objects (one per row), or one object for a command that shows a
    single record. ``fieldnames`` are the CSV/TSV columns; ``formats`` what the command offers.
    A tally's workbook charts ``chart_series`` of ``sheet`` (its grid laid out for a sheet).

    The grid and the records may be given as functions that make them; ``table()`` and
    ``data()`` make each the first time the chosen format needs it, so that a list of a million
    awards as a table builds no JSON objects, and as JSON no table.
    """

    grid: Grid | Callable[[], Grid]
    records: Records | Callable[[], Records]
    fieldnames: Sequence[str] = ()
    what: str = ""  # for "wrote … to FILE", in the interface language
    name: str = "sheet"  # the worksheet's name in a workbook
    formats: tuple[str, ...] = ("table", "json", "csv", "tsv", "markdown", "text", "xlsx")
    sheet: Grid | None = None
    chart_series: Sequence[int] = ()
    chart_labels: int = 1
    chart_title: str = ""

    def table(self) -> Grid:
        if callable(self.grid):
            self.grid = self.grid()
        return self.grid

    def data(self) -> Records:
        if callable(self.records):
            self.records = self.records()
        return self.records


@dataclass(slots=True)
class Form:
    """A statistical form of the state for ``year``: its number ("0603.N/BNV-TĐKT") and title,
    its rows as ``grid`` (``sections``: the rows that head a block), the awards it cannot place
    (``left_out``), and the units that report it and receive it."""

    grid: Grid
    year: int
    what: str = ""
    formats: tuple[str, ...] = ("table", "markdown", "text", "xlsx")
    number: str = ""
    title: str = ""
    sections: frozenset[int] = frozenset()
    left_out: list[int | str] = field(default_factory=list)
    reporting: str | None = None
    receiving: str | None = None
    fixed: int = 4  # the heading's columns that span both its rows, before ``group``
    group: str = "Chia ra"  # what heads the other columns
    codes: tuple[str | None, ...] = ("A", "B", "C", "1", "2", "3", "4", "5")  # the code row;
    # None: the column shares the code to its left ("2" over every column of the orders)
    unit_note: str | None = None  # "Đơn vị tính: Phong trào", where the form says it once
    heading: tuple[Head, ...] = ()  # a heading deeper than ``fixed`` and ``group`` lay out


class Head(NamedTuple):
    """A cell of a form's heading: its row and column (from 0) and how many of each it spans."""

    row: int
    column: int
    rows: int
    columns: int
    text: str


@dataclass(slots=True)
class Register:
    """What an export holds: the phases and issuers, and the chosen awards as rows of every
    field by name (the id first), made from the stored records without building awards."""

    phases: Sequence[Phase]
    issuers: Sequence[Issuer]
    awards: Sequence[dict[str, Any]]  # made one at a time as they are written
    catalogue: Sequence[Entry] = ()  # the register's own entries
    office: Office | None = None
    formats: tuple[str, ...] = ("json", "csv", "tsv", "xlsx", "sqlite")
