"""A grid laid out in columns of text: the one layout of every table, at a terminal and off it.

A header, a rule, the rows, and under a second rule the total; columns two spaces apart,
numbers to the right. Widths are counted in terminal cells, so a name typed with combining
accents (NFD) lines up as its composed form does. Given a width, the text columns shrink to fit,
the widest first, and their cells wrap at spaces; a word longer than its column folds.

The layout is plain string work: a table costs about a microsecond per cell, where a general
table renderer measured and laid out every cell as an object at 60-80 µs per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from awards.render.text import cell_text
from awards.text import printable

if TYPE_CHECKING:
    from awards.grid import Grid

GAP = "  "
RULE = "─"
_FLOOR = 16  # a text column keeps its longest word, and this many cells if its text is longer

# Text whose every character takes one cell: ASCII, Latin (Vietnamese included, precomposed),
# Greek, Cyrillic, punctuation and box drawing. Anything else is measured character by character.
_ONE_CELL = re.compile(
    "[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u1e00-\u1eff\u2010-\u205e\u2500-\u25ff]*"
)


def width_of(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    if _ONE_CELL.fullmatch(text):
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


@dataclass(slots=True)
class Table:
    lines: list[str]  # without trailing spaces
    head: int  # how many of the first lines are the header
    foot: int  # how many of the last lines are the total row (0 without one)


def lay_out(grid: Grid, width: int | None = None) -> Table:
    """``grid`` as lines; with ``width``, no wider than that where the text columns can wrap."""
    header = [[printable(name) for name in grid.columns]]
    body = [[cell_text(value) for value in row] for row in grid.rows]
    foot = [[cell_text(value) for value in grid.total]] if grid.total is not None else []
    count = len(grid.columns)
    cells = [*header, *body, *foot]
    sizes = [[_size(cell) for cell in row] for row in cells]
    widths = [max(row[index] for row in sizes) for index in range(count)]
    fixed = grid.numeric | grid.nowrap
    if width is not None:
        widths = _shrunk(widths, [i not in fixed for i in range(count)], cells, width)
    right = [index in grid.numeric for index in range(count)]

    def lines_of(rows: list[list[str]], measured: list[list[int]]) -> list[str]:
        out: list[str] = []
        for row, row_sizes in zip(rows, measured, strict=True):
            if all(size <= limit and "\n" not in cell
                   for cell, size, limit in zip(row, row_sizes, widths, strict=True)):  # fmt: skip
                out.append(_joined(row, row_sizes, widths, right))
                continue
            wrapped = [_wrapped(cell, limit) for cell, limit in zip(row, widths, strict=True)]
            for depth in range(max(map(len, wrapped))):
                parts = [lines[depth] if depth < len(lines) else "" for lines in wrapped]
                out.append(_joined(parts, [width_of(part) for part in parts], widths, right))
        return out

    rule = RULE * (sum(widths) + len(GAP) * (count - 1))
    head = lines_of(header, sizes[:1])
    rows = lines_of(body, sizes[1 : 1 + len(body)])
    total = lines_of(foot, sizes[1 + len(body) :])
    return Table([*head, rule, *rows, *([rule, *total] if foot else [])], len(head), len(total))


def _size(cell: str) -> int:
    if "\n" in cell:
        return max(map(width_of, cell.split("\n")))
    return width_of(cell)


def _joined(parts: list[str], sizes: list[int], widths: list[int], right: list[bool]) -> str:
    padded = [
        " " * (limit - size) + part if to_right else part + " " * (limit - size)
        for part, size, limit, to_right in zip(parts, sizes, widths, right, strict=True)
    ]
    return GAP.join(padded).rstrip()


def _shrunk(widths: list[int], wraps: list[bool], cells: list[list[str]], room: int) -> list[int]:
    """The widths narrowed until the table fits ``room``: the widest text column down to the
    next widest, again and again, each no narrower than its floor (its longest word, and
    ``_FLOOR`` cells); then, if the table is still too wide, below the floor, folding words."""
    widths = list(widths)
    room -= len(GAP) * (len(widths) - 1)
    floors = [
        max([width_of(word) for row in cells for word in row[index].split()] + [0])
        if wraps[index] else widths[index]
        for index in range(len(widths))
    ]  # fmt: skip
    floors = [min(limit, max(floor, _FLOOR)) for limit, floor in zip(widths, floors, strict=True)]
    for lowest in (floors, [1] * len(widths)):
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


def _wrapped(cell: str, limit: int) -> list[str]:
    """``cell`` in lines of at most ``limit`` cells: its own lines, each broken at spaces, a word
    longer than the line folded."""
    lines: list[str] = []
    for paragraph in cell.split("\n"):
        line, size = "", 0
        for word in paragraph.split():
            wide = width_of(word)
            if line and size + 1 + wide <= limit:
                line, size = f"{line} {word}", size + 1 + wide
                continue
            if line:
                lines.append(line)
            if wide > limit:
                from rich.cells import chop_cells

                *whole, word = chop_cells(word, limit)
                lines += whole
                wide = width_of(word)
            line, size = word, wide
        lines.append(line)
    return lines
