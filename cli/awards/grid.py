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
