"""Output: Rich tables and Markdown for people, JSON, CSV and TSV for scripts; messages on stderr.

The only module that imports Rich (and only when a table is drawn). Data goes to stdout and
messages to stderr, so ``awards tally --format json | jq`` always works. Data text is printed
literally: no Rich markup is read from it, and control characters are shown escaped.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from awards.i18n import _
from awards.text import neutralise, printable

if TYPE_CHECKING:
    from awards.grid import Cell, Chart, Grid
    from awards.report import Report

FORMATS = ("table", "json", "csv", "tsv", "markdown")
NONE_SHOWN = "—"


def emit(fmt: str, grid: Grid, records: list[dict[str, Any]], fieldnames: Sequence[str]) -> None:
    """Write ``grid`` (table, markdown) or ``records`` (json, csv, tsv) to stdout, whole."""
    if fmt == "json":
        _write_json(records)
    elif fmt == "table":
        draw(grid, sys.stdout)
    else:
        _write(to_text(fmt, grid, records, fieldnames))


def to_text(fmt: str, grid: Grid, records: list[dict[str, Any]], fieldnames: Sequence[str]) -> str:
    """The output of ``emit`` as text, for a file: a table is drawn as off a terminal."""
    if fmt == "json":
        import orjson

        return orjson.dumps(records, option=orjson.OPT_INDENT_2).decode() + "\n"
    if fmt in ("csv", "tsv"):
        return to_delimited(records, fieldnames, "," if fmt == "csv" else "\t")
    if fmt == "markdown":
        return to_markdown(grid)
    buffer = io.StringIO()
    draw(grid, buffer)
    return buffer.getvalue()


def emit_object(fmt: str, grid: Grid, record: dict[str, Any]) -> None:
    """One record: as a two-column table, or as a JSON object."""
    if fmt == "json":
        _write_json(record)
    else:
        draw(grid, sys.stdout)


def write_text(content: str) -> None:
    """Text output (a report) to stdout, whole."""
    _write(content)


def _write(content: str) -> None:
    """All of the output in one write, so a failure part-way leaves no half a table behind."""
    sys.stdout.write(content)
    sys.stdout.flush()


def _write_json(value: Any) -> None:
    """JSON stays valid on an output that cannot hold Vietnamese: letters become \\u escapes."""
    import orjson

    content = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n"
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        content.encode(encoding)
    except UnicodeEncodeError:
        import json

        content = json.dumps(value, indent=2, ensure_ascii=True) + "\n"
    except LookupError:
        pass
    _write(content)


def to_delimited(records: list[dict[str, Any]], fieldnames: Sequence[str], delimiter: str) -> str:
    """CSV or TSV with a header row; text a spreadsheet would run as a formula gets a ``'``."""
    buffer = io.StringIO()
    import csv

    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(fieldnames)
    for record in records:
        writer.writerow([_flat(record.get(name)) for name in fieldnames])
    return buffer.getvalue()


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return neutralise("; ".join(str(item) for item in value))
    return neutralise(value) if isinstance(value, str) else str(value)


def _cell_text(value: Cell) -> str:
    if value is None:
        return NONE_SHOWN
    return printable(str(value), keep_newlines=True)


def draw(grid: Grid, out: IO[str]) -> None:
    """A Rich table. Off a terminal it is as wide as its content needs (nothing is cut), has no
    colour and no trailing spaces, so it can be compared and diffed."""
    if not grid.rows and grid.empty:
        info(grid.empty)
        return
    from rich.box import Box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    rules = Box("    \n    \n ── \n    \n ── \n    \n    \n    \n")
    terminal = out.isatty()
    buffer = io.StringIO()
    console = Console(
        file=out if terminal else buffer,
        markup=False,
        highlight=False,
        emoji=False,
        width=None if terminal else 100_000,
        color_system="auto" if terminal else None,
    )
    table = Table(box=rules, show_edge=False, pad_edge=False, collapse_padding=True)
    for index, name in enumerate(grid.columns):
        table.add_column(
            Text(printable(name)),
            justify="right" if index in grid.numeric else "left",
            overflow="fold",
            no_wrap=index in grid.numeric or index in grid.nowrap,
        )
    for row in grid.rows:
        table.add_row(*(Text(_cell_text(value)) for value in row))
    if grid.total is not None:
        table.add_section()
        table.add_row(*(Text(_cell_text(value)) for value in grid.total), style="bold")
    if grid.title:
        console.print()
        console.print(Text(printable(grid.title), style="bold"))
    console.print(table)
    if grid.caption:
        console.print(Text(printable(grid.caption), style="dim"))
    if not terminal:
        out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))
        out.flush()


_MARKDOWN_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\|*_`[]<>#"})


def _markdown_cell(value: Cell) -> str:
    shown = _cell_text(value).translate(_MARKDOWN_SPECIAL)
    return shown.replace("\n", "<br>")


def to_markdown(grid: Grid) -> str:
    """A GitHub-flavoured Markdown table; names are escaped so they render exactly as stored."""
    lines = []
    if grid.title:
        lines += [f"**{_markdown_cell(grid.title)}**", ""]
    lines.append("| " + " | ".join(_markdown_cell(c) for c in grid.columns) + " |")
    lines.append(
        "|"
        + "|".join("---:" if i in grid.numeric else "---" for i in range(len(grid.columns)))
        + "|"
    )
    for row in grid.rows:
        lines.append("| " + " | ".join(_markdown_cell(v) for v in row) + " |")
    if grid.total is not None:
        lines.append(
            "| "
            + " | ".join(f"**{_markdown_cell(v)}**" if v != "" else "" for v in grid.total)
            + " |"
        )
    if grid.caption:
        lines += ["", _markdown_cell(grid.caption)]
    return "\n".join(lines) + "\n"


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


def report_markdown(report: Report) -> str:
    """The review report as Markdown: a heading, the facts, the paragraph, the tables."""
    lines = [f"# {_markdown_cell(report.title)}", ""]
    lines += [
        f"- **{_markdown_cell(label)}:** {_markdown_cell(value)}" for label, value in report.facts
    ]
    if report.facts:
        lines.append("")
    lines += [_markdown_cell(report.paragraph), ""]
    for title, grid in report.tables:
        lines += [f"## {_markdown_cell(title)}", "", to_markdown(grid)]
    return "\n".join(lines).rstrip("\n") + "\n"


def report_text(report: Report) -> str:
    """The review report as plain text, tables drawn as off a terminal."""
    import textwrap

    parts = [report.title, "=" * len(report.title), ""]
    parts += [f"{label}: {value}" for label, value in report.facts]
    if report.facts:
        parts.append("")
    parts += [textwrap.fill(report.paragraph, width=100), ""]
    for title, grid in report.tables:
        buffer = io.StringIO()
        draw(grid, buffer)
        parts += [title, "-" * len(title), buffer.getvalue()]
    return printable("\n".join(parts).rstrip("\n") + "\n", keep_newlines=True)


CHART_WIDTH = 50  # bar columns off a terminal, so the drawing is the same everywhere
_BLOCKS = "█▓▒░◆●▲■"
_COLOURS = ["cyan", "magenta", "yellow", "green", "blue", "red", "bright_white", "bright_black"]


def draw_chart(chart: Chart) -> None:
    """Horizontal bars with their counts; stacked, with a legend, for several series. In colour
    on a terminal; plain characters elsewhere."""
    out = sys.stdout
    terminal = out.isatty()
    if not chart.labels:
        info(_("no awards to tally"))
        return
    shown = [printable(label) for label in chart.labels]
    label_width = max(len(label) for label in shown)
    totals = [sum(row) for row in chart.values]
    number_width = len(str(max(totals)))
    if terminal:
        import shutil

        width = shutil.get_terminal_size().columns - label_width - number_width - 3
        bar_width = max(10, min(width, 100))
    else:
        bar_width = CHART_WIDTH
    top = max(totals) or 1
    lines: list[list[tuple[str, str | None]]] = []
    stacked = len(chart.series) > 1
    for label, row, total in zip(shown, chart.values, totals, strict=True):
        line: list[tuple[str, str | None]] = [(label.ljust(label_width) + "  ", None)]
        drawn = running = 0
        for index, value in enumerate(row):
            running += value
            end = round(running * bar_width / top)  # cumulative: segments add up to the bar
            char = _BLOCKS[index % len(_BLOCKS)] if stacked else _BLOCKS[0]
            line.append((char * (end - drawn), _COLOURS[index % len(_COLOURS)]))
            drawn = end
        line.append((f" {total}", None))
        lines.append(line)
    legend: list[tuple[str, str | None]] = []
    if stacked:
        for index, name in enumerate(chart.series):
            legend.append((_BLOCKS[index % len(_BLOCKS)], _COLOURS[index % len(_COLOURS)]))
            legend.append((f" {printable(name)}  ", None))
    if not terminal:
        text_lines = ["".join(part for part, _ in line).rstrip() for line in lines]
        if legend:
            text_lines.append("")
            text_lines.append("".join(part for part, _ in legend).rstrip())
        _write("\n".join(text_lines) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, markup=False, highlight=False, emoji=False)
    blank: list[tuple[str, str | None]] = [("", None)]
    for line in [*lines, *([blank, legend] if legend else [])]:
        rendered = Text()
        for part, colour in line:
            rendered.append(part, style=colour or "")
        console.print(rendered)
