"""A printable table as plain data: what the renderer draws as a Rich table or Markdown.

Tallies and listings build a ``Grid``; they never decide how it looks on the terminal.
"""

from dataclasses import dataclass, field

Cell = str | int | None


@dataclass(slots=True)
class Grid:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    numeric: frozenset[int] = frozenset()  # indexes of right-aligned columns
    nowrap: frozenset[int] = frozenset()  # short codes that a narrow terminal must not fold
    total: list[Cell] | None = None  # a last row set apart from the others
    title: str | None = None
    caption: str | None = None
    empty: str | None = None  # said on stderr instead of drawing a table with no rows


@dataclass(slots=True)
class Chart:
    """Bars as plain data: a bar per row label, split into one segment per series."""

    title: str
    labels: list[str]
    series: list[str]  # one name for a plain bar chart; several make stacked bars and a legend
    values: list[list[int]]  # values[row][series]
