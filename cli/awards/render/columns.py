"""A grid laid out in columns of text: the one layout of every table, at a terminal and off it.

A header, a rule, the rows, and under a second rule the total; columns two spaces apart,
numbers to the right. Widths are counted in terminal cells, so a name typed with combining
accents (NFD) lines up as its composed form does. Given a width, the text columns shrink to fit,
the widest first, and their cells wrap at spaces; a word longer than its column folds.

The layout is plain string work: a table costs about a microsecond per cell, where a general
table renderer measured and laid out every cell as an object at 60-80 µs per row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from awards.cells import FLOOR, measure, one_cell_each, texts
from awards.render.text import chunked
from awards.text import printable

if TYPE_CHECKING:
    from awards.cells import Measure
    from awards.grid import Cell, Grid

GAP = "  "
RULE = "─"


def width_of(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    if one_cell_each(text):
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def longest_word(text: str) -> int:
    """The width of the widest word of ``text``: measured once as a whole where every character
    takes one cell (the usual case), not word by word."""
    if one_cell_each(text):
        return max(map(len, text.split()), default=0)
    return max(map(width_of, text.split()), default=0)


def size(cell: str) -> int:
    """The width of a cell's widest line."""
    if "\n" in cell:
        return max(map(width_of, cell.split("\n")))
    return width_of(cell)


@dataclass(slots=True)
class Table:
    """The lines of a table, without trailing spaces. The rows' lines are made as they are
    read, so that a million rows are never all held as text at once."""

    head: list[str]  # the header's lines
    rule: str  # under the header, and over the total
    rows: Iterator[str]
    foot: list[str]  # the total's lines; none without a total
    left_out: list[str] = field(default_factory=list)  # the columns dropped to fit (``fit``)

    def lines(self) -> Iterator[str]:
        yield from self.head
        yield self.rule
        yield from self.rows
        if self.foot:
            yield self.rule
            yield from self.foot


def lay_out(grid: Grid, width: int | None = None, *, fit: bool = False) -> Table:
    """``grid`` as lines; with ``width``, no wider than that where the text columns can wrap,
    and with ``fit`` first without the columns ``grid.drop`` names (the first first) until every
    column has room: a number or code whole, a text column its longest word and up to
    ``FLOOR`` cells. Each column is measured once, as a whole (``cells.measure``), or its
    measure is the grid's own (``Grid.measures``), and the rows are laid out as they are read."""
    header = [printable(name) for name in grid.columns]
    bodies = grid.measures
    if bodies is None:
        every = [*grid.rows, *([grid.total] if grid.total is not None else [])]
        bodies = [measure(map(itemgetter(i), every), width_of) for i in range(len(header))]
    measures = [_Column.of(heading, body) for heading, body in zip(header, bodies, strict=True)]
    keep = list(range(len(header)))
    if width is not None and fit:
        keep = _kept(grid, measures, width)
    left_out = [header[i] for i in grid.drop if i not in keep]  # in the order they went
    header, measures = [header[i] for i in keep], [measures[i] for i in keep]

    def kept(row: Sequence[Cell]) -> list[str]:  # a row's cells as shown, of the kept columns
        return texts([row[i] for i in keep] if left_out else row)

    numeric = [keep[i] in grid.numeric for i in range(len(keep))]
    widths = [column.widest for column in measures]
    if width is not None:
        wraps = [keep[i] not in grid.nowrap for i in range(len(keep))]
        floors = [max(column.word, column.body) if number else None
                  for column, number in zip(measures, numeric, strict=True)]  # fmt: skip
        widths = _shrunk(widths, wraps, [column.word for column in measures], width, floors)

    def lines_of(cells: list[str]) -> list[str]:
        flat = "".join(cells)
        one_line = "\n" not in flat
        sizes = list(map(len, cells)) if one_line and one_cell_each(flat) else [
            size(cell) for cell in cells]  # fmt: skip
        if one_line and all(map(int.__le__, sizes, widths)):
            return [_joined(cells, sizes, widths, numeric)]
        broken = [wrapped(cell, limit) for cell, limit in zip(cells, widths, strict=True)]
        return [
            _joined(parts, [width_of(part) for part in parts], widths, numeric)
            for depth in range(max(map(len, broken)))
            for parts in ([lines[depth] if depth < len(lines) else "" for lines in broken],)
        ]

    if all(c.plain and c.body <= limit for c, limit in zip(measures, widths, strict=True)):
        rows: Iterator[str] = _plain_lines(grid.rows, keep if left_out else None, widths, numeric)
    else:
        rows = (line for row in grid.rows for line in lines_of(kept(row)))
    foot = lines_of(kept(grid.total)) if grid.total is not None else []
    rule = RULE * (sum(widths) + len(GAP) * (len(keep) - 1))
    return Table(lines_of(header), rule, rows, foot, left_out)


class _Column(NamedTuple):
    widest: int  # the widest text of the column, its heading included, in terminal cells
    word: int  # its widest word
    body: int  # its widest text under the heading
    plain: bool  # every text under the heading one line, each character one cell

    @classmethod
    def of(cls, heading: str, body: Measure) -> _Column:
        """A column's widths: its heading's, and its values' (``body``)."""
        return cls(max(size(heading), body.widest), max(longest_word(heading), body.word),
                   body.widest, body.plain)  # fmt: skip


def _kept(grid: Grid, measures: list[_Column], width: int) -> list[int]:
    """The columns that stay when a terminal ``width`` cells wide cannot give every column its
    room: ``grid.drop`` says which go, the first first."""

    def room(index: int) -> int:
        column = measures[index]
        if index in grid.numeric:  # its numbers whole; its heading may wrap
            return max(column.word, column.body)
        if index in grid.nowrap:
            return column.widest
        return max(column.word, min(column.widest, FLOOR))

    keep = list(range(len(measures)))
    for index in grid.drop:
        if sum(map(room, keep)) + len(GAP) * (len(keep) - 1) <= width:
            break
        keep.remove(index)
    return keep


def _plain_lines(
    rows: Sequence[Sequence[Cell]], keep: list[int] | None, widths: list[int], right: list[bool]
) -> Iterator[str]:
    """The lines of rows whose every cell is one line of one-cell characters no wider than its
    column (``Measure.plain``): as ``_joined`` makes them, a few thousand rows padded by one
    %-format (twice as fast as ``str.format``) and each line's end trimmed in C."""
    form = GAP.join(f"%{'' if to_right else '-'}{limit}s" for limit, to_right in zip(
        widths, right, strict=True))  # fmt: skip
    for part in chunked(rows, _PART):
        cells = texts([row[i] for row in part for i in keep] if keep is not None else
                       [value for row in part for value in row])  # fmt: skip
        yield from map(str.rstrip, ("\n".join([form] * len(part)) % tuple(cells)).split("\n"))


_PART = 2000  # rows to one format


def _joined(parts: list[str], sizes: list[int], widths: list[int], right: list[bool]) -> str:
    padded = [
        " " * (limit - size) + part if to_right else part + " " * (limit - size)
        for part, size, limit, to_right in zip(parts, sizes, widths, right, strict=True)
    ]
    return GAP.join(padded).rstrip()


def _shrunk(
    widths: list[int], wraps: list[bool], words: list[int], room: int, numbers: list[int | None]
) -> list[int]:
    """The widths narrowed until the table fits ``room``: the widest text column down to the
    next widest, again and again, each no narrower than its floor (its longest word, and
    ``FLOOR`` cells); then, if the table is still too wide, below the floor, folding words.
    A column of numbers wraps its heading but never goes below ``numbers`` (its widest number
    and the longest word of its heading)."""
    widths = list(widths)
    room -= len(GAP) * (len(widths) - 1)
    floors = [
        word if wrap else limit for word, wrap, limit in zip(words, wraps, widths, strict=True)
    ]
    floors = [min(limit, max(floor, FLOOR)) for limit, floor in zip(widths, floors, strict=True)]
    floors = [
        floor if number is None else number for floor, number in zip(floors, numbers, strict=True)
    ]
    least = [1 if number is None else number for number in numbers]
    for lowest in (floors, least):
        while sum(widths) > room:
            able = [i for i, limit in enumerate(widths) if wraps[i] and limit > lowest[i]]
            if not able:
                break
            widest = max(widths[i] for i in able)
            next_widest = max([widths[i] for i in able if widths[i] < widest] + [0])
            index = next(i for i in able if widths[i] == widest)
            cut = min(sum(widths) - room, widest - next_widest, widest - lowest[index])
            widths[index] -= cut
    return widths


def wrapped(cell: str, limit: int) -> list[str]:
    """``cell`` in lines of at most ``limit`` cells: its own lines, each broken at spaces, a word
    longer than the line folded."""
    measure = len if one_cell_each(cell.replace("\n", " ")) else width_of
    lines: list[str] = []
    for paragraph in cell.split("\n"):
        line, size = "", 0
        for word in paragraph.split():
            wide = measure(word)
            if line and size + 1 + wide <= limit:
                line, size = f"{line} {word}", size + 1 + wide
                continue
            if line:
                lines.append(line)
            if wide > limit:
                from rich.cells import chop_cells

                *whole, word = chop_cells(word, limit)
                lines += whole
                wide = measure(word)
            line, size = word, wide
        lines.append(line)
    return lines
