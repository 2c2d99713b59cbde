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
from itertools import chain, islice
from typing import IO, TYPE_CHECKING

from awards.i18n import _
from awards.render.text import chunked, holds_every_character
from awards.text import printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from awards.grid import Chart, Grid


def write(content: str | Iterable[str], out: IO[str] | None = None) -> None:
    """The text to ``out`` (stdout), or its parts as they are made where the output holds every
    character (UTF-8). An output that may not (cp1252) gets the whole text in one write, which
    it then refuses whole: a failure part-way leaves no half a table behind."""
    out = out or sys.stdout
    parts = [content] if isinstance(content, str) else content
    if holds_every_character(out):
        for part in parts:
            out.write(part)
    else:
        out.write("".join(parts))
    out.flush()


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

        width = shutil.get_terminal_size().columns
    laid = lay_out(grid, width, fit=bool(grid.drop))
    if laid.left_out:
        said = (_("left out to fit the terminal: {columns} (a wider window, or --columns, shows "
                  "them)") if grid.chosen else _("left out to fit the terminal: {columns} (a "
                "wider window shows them, as do --format markdown and an .xlsx file)"))  # fmt: skip
        info(said.format(columns=", ".join(laid.left_out)))
    parts: list[Text | Lines] = []
    if grid.title:
        parts += [([""], None), ([printable(grid.title)], "bold")]
    parts += [(laid.head, "bold"), (chain([laid.rule], laid.rows), None)]
    if laid.foot:
        parts += [([laid.rule], None), (laid.foot, "bold")]
    if grid.caption:
        parts.append(([printable(grid.caption)], "dim"))
    _print(parts, out)


paging = True  # a long table at a terminal goes through a pager; --no-pager says no


Lines = tuple[Iterable[str], str | None]  # lines of plain text, and the one style they share


def _print(parts: Sequence[Text | Lines], out: IO[str]) -> None:
    """Rich texts (a chart's coloured bars) and blocks of plain lines (a table's), one part after
    the other. Off a terminal plain (nothing is cut or wrapped, no colour, no trailing spaces),
    so the output can be compared and diffed. At a terminal in colour, and what is longer than
    the screen goes through the pager, as git does (``_page``)."""
    if not out.isatty():  # no Rich: nothing of it is needed to write plain lines
        _write_plain((line for part in parts for line in _plain(part)), out)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, markup=False, highlight=False, emoji=False, soft_wrap=True)
    shown, longer = _first_screen(parts, console.height, console.width)
    if paging and longer and _page(console, shown):
        return
    for part in shown:
        if isinstance(part, Text):
            console.print(part)
            continue
        for block in chunked(part[0], _BLOCK):
            console.print(Text("\n".join(block), part[1] or ""))


def _plain(part: Text | Lines) -> Iterable[str]:
    return part[0] if isinstance(part, tuple) else part.plain.split("\n")


def _first_screen(
    parts: Sequence[Text | Lines], height: int, width: int
) -> tuple[list[Text | Lines], bool]:
    """The parts, and whether they take more of the terminal than it has. Only a screenful of
    a table's lines (made as they are read) is read to tell; the rest are read as they are
    shown. A line longer than the screen counts as the lines it wraps into."""
    from awards.render.columns import width_of

    room, read = height, []
    shown: list[Text | Lines] = []
    for part in parts:
        if not isinstance(part, tuple):
            read += part.plain.split("\n")
            shown.append(part)
            continue
        lines = iter(part[0])
        first = list(islice(lines, max(room - len(read), 0) + 1))
        read += first
        shown.append((chain(first, lines), part[1]))
    if len(read) >= room:
        return shown, True
    return shown, sum(max(1, -(-width_of(line) // width)) for line in read) >= room


_BLOCK = 2000  # lines a write hands to the terminal or the pager at a time


def _page(console: Console, parts: list[Text | Lines]) -> bool:
    """Through the pager, as git does: $MANPAGER or $PAGER, else less (LESS=FRX unless LESS is
    set: it quits when the output fits, and keeps colour), else more. Rich lays out only the
    short parts; a table's lines are written as they are made, wrapped in their style's codes,
    so the first screen of 100,000 rows shows while the rest are still being laid out, and a
    pager closed early ends the work. On Windows, whose more reads a file better than a pipe
    and would show the codes as text, the lines go plain to a file the pager then shows.
    False when there is no pager to use (a dumb terminal, none found)."""
    import os
    import shutil

    from rich.text import Text

    if os.environ.get("TERM") in ("dumb", "emacs"):
        return False
    command = os.environ.get("MANPAGER") or os.environ.get("PAGER")
    found = shutil.which("less") or shutil.which("more")
    if not command and not found:
        return False
    windows = os.name == "nt"

    def chunks() -> Iterator[str]:
        for part in parts:
            if isinstance(part, Text):
                with console.capture() as captured:
                    console.print(part.plain if windows else part)
                yield captured.get()
                continue
            lines, style = part
            before, after = _codes(console, style) if style and not windows else ("", "")
            for block in chunked(lines, _BLOCK):
                yield "".join(f"{before}{line}{after}\n" for line in block)

    os.environ.setdefault("LESS", "FRX")
    if windows:
        _file_pager(chunks(), command or "more <")
    else:
        _pipe_pager(chunks(), command or found or "less")
    return True


def _pipe_pager(chunks: Iterable[str], command: str) -> None:
    """The text written to the pager's input as it is made; the pager's end (q before the
    last line) ends the writing. Ctrl-C is the pager's to handle, as pydoc leaves it."""
    import subprocess

    pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE,
                             encoding=sys.stdout.encoding, errors="backslashreplace")  # fmt: skip
    assert pager.stdin is not None
    try:
        with pager.stdin as pipe:
            for chunk in chunks:
                pipe.write(chunk)
    except (OSError, KeyboardInterrupt):  # the pager was closed: the rest is not wanted
        pass
    while True:
        try:
            pager.wait()
            break
        except KeyboardInterrupt:
            pass


def _file_pager(chunks: Iterable[str], command: str) -> None:
    """The text in a file in the console's code page, then the pager shown it (``more <``)."""
    import os
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "awards.txt")
        with open(path, "w", encoding=os.device_encoding(0), errors="backslashreplace") as file:
            file.writelines(chunks)
        subprocess.call(f'{command} "{path}"', shell=True)  # noqa: S602 (the user's own pager)


def _codes(console: Console, style: str) -> tuple[str, str]:
    """What this terminal writes before and after a text in ``style``."""
    from rich.text import Text

    with console.capture() as captured:
        console.print(Text("x", style=style), end="")
    before, _x, after = captured.get().partition("x")
    return before, after


def _write_plain(lines: Iterable[str], out: IO[str]) -> None:
    """The lines without their trailing spaces, a block at a time as they are made (``write``)."""
    text = (line.rstrip() + "\n" for part in lines for line in part.split("\n"))
    write(map("".join, chunked(text, _BLOCK)), out)


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
