"""The terminal: tables and charts, the pager, a progress bar, and the messages on stderr.

Rich prints at a terminal (colour, the pager) and is imported only when something is drawn; off
a terminal the lines are written plain. Data text is printed literally: no Rich markup is read
from it, and control characters are shown escaped.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import IO, TYPE_CHECKING

from awards.i18n import _
from awards.render.text import cell_text
from awards.text import printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from awards.grid import Chart, Grid


def write(content: str) -> None:
    """All of the output in one write, so a failure part-way leaves no half a table behind."""
    sys.stdout.write(content)
    sys.stdout.flush()


def drawn(grid: Grid) -> str:
    """The table as ``draw`` writes it off a terminal."""
    buffer = io.StringIO()
    draw(grid, buffer)
    return buffer.getvalue()


def draw(grid: Grid, out: IO[str]) -> None:
    """The table, with its title and caption (see ``_print``); at a terminal, fitted to it."""
    if not grid.rows and grid.empty:
        info(grid.empty)
        return
    from awards.render.columns import lay_out

    width = None
    if out.isatty():
        import shutil

        grid = _fitted(grid) if grid.drop else grid
        width = shutil.get_terminal_size().columns
    laid = lay_out(grid, width)
    parts: list[Text | Lines] = []
    if grid.title:
        parts += [([""], None), ([printable(grid.title)], "bold")]
    parts += [(laid.head, "bold"), (chain([laid.rule], laid.rows), None)]
    if laid.foot:
        parts += [([laid.rule], None), (laid.foot, "bold")]
    if grid.caption:
        parts.append(([printable(grid.caption)], "dim"))
    _print(parts, out)


_TEXT_ROOM = 16  # a name folded into lines narrower than this reads badly


def _fitted(grid: Grid) -> Grid:
    """The grid without the columns it drops first (``grid.drop``) until every column has room
    on this terminal: a number or code whole, a text column its longest word and up to
    ``_TEXT_ROOM`` characters; a line on stderr names the columns left out."""
    import dataclasses
    import shutil

    from awards.render.columns import longest_word, width_of

    width = shutil.get_terminal_size().columns
    rows = [*grid.rows, *([grid.total] if grid.total is not None else [])]

    def room(index: int) -> int:
        cells = [grid.columns[index], *(cell_text(row[index]) for row in rows)]
        if index in grid.numeric:  # its numbers whole; its heading may wrap
            return max([longest_word(cells[0]), *map(width_of, cells[1:])])
        if index in grid.nowrap:
            return max(map(width_of, cells))
        words = max(map(longest_word, cells))
        return max(words, min(max(map(width_of, cells)), _TEXT_ROOM))

    keep = list(range(len(grid.columns)))
    rooms = {index: room(index) for index in keep}
    left_out = []
    for index in grid.drop:
        if sum(rooms[i] for i in keep) + 2 * (len(keep) - 1) <= width:
            break
        keep.remove(index)
        left_out.append(grid.columns[index])
    if not left_out:
        return grid
    said = (_("left out to fit the terminal: {columns} (a wider window, or --columns, shows them)")
            if grid.chosen else _("left out to fit the terminal: {columns} (a wider window shows "
                                  "them, as do --format markdown and an .xlsx file)"))  # fmt: skip
    info(said.format(columns=", ".join(left_out)))

    def kept(indexes: frozenset[int]) -> frozenset[int]:
        return frozenset(keep.index(i) for i in indexes if i in keep)

    return dataclasses.replace(
        grid, columns=[grid.columns[i] for i in keep],
        rows=[[row[i] for i in keep] for row in grid.rows],
        total=[grid.total[i] for i in keep] if grid.total is not None else None,
        numeric=kept(grid.numeric), nowrap=kept(grid.nowrap), drop=())  # fmt: skip


paging = True  # a long table at a terminal goes through a pager; --no-pager says no


Lines = tuple[Iterable[str], str | None]  # lines of plain text, and the one style they share


def _print(parts: Sequence[Text | Lines], out: IO[str]) -> None:
    """Rich texts (a chart's coloured bars) and blocks of plain lines (a table's), one part after
    the other. Off a terminal plain (nothing is cut or wrapped, no colour, no trailing spaces),
    so the output can be compared and diffed. At a terminal in colour, and what is longer than
    the screen goes through the pager, as git does: $PAGER, else less (with LESS=FRX unless LESS
    is set: it quits when the output fits, keeps colour)."""
    if not out.isatty():  # no Rich: nothing of it is needed to write plain lines
        _write_plain((line for part in parts for line in _plain(part)), out)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, markup=False, highlight=False, emoji=False, soft_wrap=True)
    shown: list[Text | Lines] = [
        part if isinstance(part, Text) else (list(part[0]), part[1]) for part in parts
    ]  # a table's rows, made as they are read, are read once here
    lines = [line for part in shown for line in _plain(part)]
    if paging and _longer_than_screen(lines, console.height, console.width):
        _page(console, shown)
        return
    for part in shown:
        console.print(part if isinstance(part, Text) else Text("\n".join(part[0]), part[1] or ""))


def _plain(part: Text | Lines) -> Iterable[str]:
    return part[0] if isinstance(part, tuple) else part.plain.split("\n")


def _page(console: Console, parts: list[Text | Lines]) -> None:
    """Through the pager. Rich lays out only the short parts; a table's lines go as they are,
    wrapped in their style's codes, so the first screen of 100,000 rows is not held up by
    Rich's layout of every line. Windows' more would show the codes as text: none there."""
    import os
    import pydoc

    from rich.text import Text

    styles = os.name != "nt"
    chunks = []
    for part in parts:
        if isinstance(part, Text):
            with console.capture() as captured:
                console.print(part if styles else part.plain)
            chunks.append(captured.get())
            continue
        lines, style = part
        before, after = _codes(console, style) if styles and style else ("", "")
        chunks.append("".join(f"{before}{line}{after}\n" for line in lines))
    os.environ.setdefault("LESS", "FRX")
    pydoc.pager("".join(chunks))


def _codes(console: Console, style: str) -> tuple[str, str]:
    """What this terminal writes before and after a text in ``style``."""
    from rich.text import Text

    with console.capture() as captured:
        console.print(Text("x", style=style), end="")
    before, _x, after = captured.get().partition("x")
    return before, after


def _write_plain(lines: Iterable[str], out: IO[str]) -> None:
    """The lines without their trailing spaces, in one write: an output that cannot hold a
    character refuses the whole text, so no half a table is left behind."""
    out.write("".join(line.rstrip() + "\n" for part in lines for line in part.split("\n")))
    out.flush()


def _longer_than_screen(lines: list[str], height: int, width: int) -> bool:
    """Whether the lines take more of the terminal than it has, a line longer than the screen
    counting as the lines it wraps into (measured only when the count is near a screenful)."""
    from awards.render.columns import width_of

    if len(lines) >= height:
        return True
    return sum(max(1, -(-width_of(line) // width)) for line in lines) >= height


def error(message: str) -> None:
    """The one line a failed command prints."""
    sys.stderr.write(_("Error: {message}").format(message=printable(message)) + "\n")
    sys.stderr.flush()


def info(message: str) -> None:
    """A message for the person at the terminal, kept out of the data on stdout."""
    sys.stderr.write(printable(message) + "\n")
    sys.stderr.flush()


PROGRESS_FROM = 3000  # rows; fewer go by too fast for a bar to help


@contextlib.contextmanager
def progress(label: str, total: int) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for long jobs at a terminal; elsewhere it does nothing."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done, total: bar.update(task, completed=done, total=total)


CHART_WIDTH = 50  # bar columns off a terminal, so the drawing is the same everywhere
_BLOCKS = "█▓▒░◆●▲■"
_COLOURS = ["cyan", "magenta", "yellow", "green", "blue", "red", "bright_white", "bright_black"]


def draw_chart(chart: Chart) -> None:
    """Horizontal bars with their counts; stacked, with a legend, for several series. In colour
    on a terminal; plain characters elsewhere."""
    if not chart.labels:
        info(_("no awards to tally"))
        return
    from rich.text import Text

    shown = [printable(label) for label in chart.labels]
    label_width = max(len(label) for label in shown)
    totals = [sum(row) for row in chart.values]
    if sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns - label_width - len(str(max(totals))) - 3
        bar_width = max(10, min(width, 100))
    else:
        bar_width = CHART_WIDTH
    top, stacked = max(totals) or 1, len(chart.series) > 1
    lines = []
    for label, row, total in zip(shown, chart.values, totals, strict=True):
        line = Text(label.ljust(label_width) + "  ")
        drawn = running = 0
        for index, value in enumerate(row):
            running += value
            end = round(running * bar_width / top)  # cumulative: segments add up to the bar
            char = _BLOCKS[index % len(_BLOCKS)] if stacked else _BLOCKS[0]
            line.append(char * (end - drawn), style=_COLOURS[index % len(_COLOURS)])
            drawn = end
        lines.append(line.append(f" {total}"))
    if stacked:
        legend = Text()
        for index, name in enumerate(chart.series):
            legend.append(_BLOCKS[index % len(_BLOCKS)], style=_COLOURS[index % len(_COLOURS)])
            legend.append(f" {printable(name)}  ")
        lines += [Text(), legend]
    _print(lines, sys.stdout)
