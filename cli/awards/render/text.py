"""The text formats: JSON, CSV and TSV for scripts, Markdown and plain text for people.

Pure functions from results to strings; ``render.emit`` decides where they go. Names are
written as stored: Markdown escapes what it would read as markup, CSV prefixes what a
spreadsheet would run as a formula, and control characters are never written raw.
"""

from __future__ import annotations

import io
import itertools
import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from awards.cells import NONE_SHOWN, cell_text
from awards.i18n import N_, Translate
from awards.text import FORMULA_FIRST, neutralise, printable, safe

if TYPE_CHECKING:
    from awards.grid import Cell, Grid
    from awards.reports.review import Report
    from awards.store.history import Change

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """The items in lists of ``size``, in order (the last shorter): what a renderer makes in one
    call, a few thousand rows at a time."""
    items = iter(items)
    while part := list(itertools.islice(items, size)):
        yield part


def to_json(value: Any, *, ascii_only: bool = False) -> Iterator[bytes]:
    """Indented JSON in UTF-8, ending in a newline, in parts; with ``ascii_only`` letters
    become \\u escapes, for an output that cannot hold Vietnamese.

    A list (any sequence but a text: the rows of a list, made as they are written), alone or as
    an object's last member (an export's awards), goes a few thousand items to a part, so that
    neither its JSON nor its rows are ever held whole: a million awards make 600 MB of JSON.
    The parts together are the bytes the whole value would make."""
    dumps = _ascii_json if ascii_only else _utf8_json
    items, head, after = value, b"", b"\n"
    if isinstance(value, dict) and value:
        last = next(reversed(value))
        if not _listed(value[last]):
            yield dumps(value) + b"\n"
            return
        items, whole = value[last], dumps(value | {last: []})  # ends in '[]\n}'
        head, after = whole[:-4], b"\n}\n"
    elif not _listed(value):
        yield dumps(value) + b"\n"
        return
    if not items:
        yield head + b"[]" + after
        return
    indent = b"  " if head else b""
    yield head + b"[\n"
    for at, part in enumerate(chunked(items, _JSON_PART)):
        inner = dumps(part)[2:-2]  # the items, without the list's brackets and line breaks
        if indent:
            inner = indent + inner.replace(b"\n", b"\n" + indent)  # no text holds a line break
        yield (b",\n" if at else b"") + inner
    yield b"\n" + indent + b"]" + after


_JSON_PART = 5000


def _listed(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


def _ascii_json(value: Any) -> bytes:
    import json

    return json.dumps(value, indent=2, ensure_ascii=True).encode("ascii")


def _utf8_json(value: Any) -> bytes:
    import orjson

    content = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    # JSON escapes C0 controls itself; these it leaves raw, and a terminal would act on them.
    # The usual case, none of the bytes they begin with, is told in one pass (no copy).
    if not content.translate(None, _NOT_UNSEEN_FIRST) or _UNSEEN.search(content) is None:
        return content
    return _UNSEEN.sub(lambda found: b"\\u%04x" % ord(found[0].decode()), content)


# C1 controls (an 8-bit CSI among them), and the invisible format characters that reorder or
# hide text (bidi overrides, zero widths): escaped in JSON as \uXXXX, the same string to a
# parser. Matched in the UTF-8 bytes, character by character.
_UNSEEN_CODES = (*range(0x7F, 0xA0), 0x61C, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
                 *range(0x2060, 0x206A), 0xFEFF)  # fmt: skip
_UNSEEN = re.compile(
    "|".join(re.escape(chr(code).encode()).decode("latin-1") for code in _UNSEEN_CODES).encode(
        "latin-1"
    )
)
# Every byte but those their UTF-8 begins with: what is left of a text once these are taken
# out is empty where none of the characters is in it (bytes.translate, in C: a pattern that
# begins with a choice is tried at every position, seven times as slow).
_NOT_UNSEEN_FIRST = bytes(
    sorted(set(range(256)) - {chr(code).encode()[0] for code in _UNSEEN_CODES})
)


def delimited(
    records: Iterable[dict[str, Any]], fieldnames: Sequence[str], delimiter: str
) -> Iterator[str]:
    """CSV or TSV with a header row, a few thousand rows at a time as they are written; text a
    spreadsheet would run as a formula gets a ``'``.

    The rows go to the writer as they are: a batch whose written text shows that every value
    went out as typed (``_as_written``) is kept; any other is written again row by row, each
    value made safe."""
    import csv  # only for CSV and TSV: not loaded at start-up

    def written(rows: Iterable[Sequence[Any]]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
        return buffer.getvalue()

    yield written([fieldnames])
    typed = isinstance(records, Tabled)  # every value text, a number or None
    for batch in _cells(records, fieldnames, 5000):
        part = written(batch)
        plain = typed or _PLAIN_TYPES.issuperset(map(type, itertools.chain.from_iterable(batch)))
        if not (plain and _as_written(part, len(batch), len(fieldnames), delimiter)):
            part = written([["" if v is None else _flat(v) for v in values] for values in batch])
        yield part


@runtime_checkable
class Tabled(Protocol):
    """Rows that give their values without making each row (``store.tables.AwardRows``), every
    value text, a whole number or None."""

    def __len__(self) -> int: ...
    def taken(self, order: Iterable[int]) -> Tabled: ...
    def cells(self, names: Sequence[str]) -> list[list[Any]]: ...


def _cells(records: Iterable[dict[str, Any]], names: Sequence[str], size: int
           ) -> Iterator[list[list[Any]]]:  # fmt: skip
    """Each record's values of ``names``, a list a record, ``size`` records at a time; of
    awards as an export writes them (``Tabled``), without making each row."""
    if isinstance(records, Tabled):
        for at in range(0, len(records), size):
            yield records.taken(range(at, min(at + size, len(records)))).cells(names)
        return
    for chunk in chunked(records, size):
        yield [list(map(record.get, names)) for record in chunk]


def encoded(chunks: Iterable[str], encoding: str) -> Iterator[bytes]:
    """The text's parts in ``encoding``, as they come (a byte order mark once, at the start)."""
    import codecs

    encoder = codecs.getincrementalencoder(encoding)()
    for chunk in chunks:
        yield encoder.encode(chunk)
    yield encoder.encode("", final=True)


def holds_every_character(stream: Any) -> bool:
    """Whether text written to ``stream`` can hold every character: a text stream of its own
    (no encoding), or one in UTF-8. Another may refuse a letter part-way."""
    import codecs

    encoding = getattr(stream, "encoding", None)
    try:
        return encoding is None or codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return True  # written as UTF-8


def _as_written(written: str, rows: int, fields: int, delimiter: str) -> bool:
    """Whether ``rows`` rows of text and numbers, as the CSV writer wrote them, hold every
    value as typed, as ``safe`` and ``neutralise`` would leave it: a line break only where a
    row ends (and a tab only between fields, in TSV), every other character printable, and no
    field that begins as a formula may. A batch it is not sure of (a field beginning with "-",
    or a note of two lines) is simply written value by value."""
    if written.count("\n") != rows:
        return False
    if delimiter == "\t":
        if written.count("\t") != rows * (fields - 1):
            return False
        written = written.replace("\t", ",")
    written = written.replace("\n", ",")
    first = written[:2].lstrip('"')[:1]  # the first field's first letter
    return (
        written.isprintable()
        and not (first and first in FORMULA_FIRST)
        and _LATER_FORMULA.search(written) is None
    )


_PLAIN_TYPES = frozenset({str, int, type(None)})
# Any later field that so begins: after a comma, or a tab or line break (both written ","),
# quoted or not (a comma inside a value may match too: the batch is then written value by
# value). The first field is looked at by itself, as ``text.as_typed`` does. A pattern that
# begins with one character is looked for as fast as a text: one that begins with a choice,
# or "^|", is tried at every position, two or three times as slow.
_LATER_FORMULA = re.compile(r",\"?[" + re.escape(FORMULA_FIRST) + "]")


def _flat(value: Any) -> Any:
    if type(value) is str:
        return neutralise(safe(value))
    if isinstance(value, list | tuple):
        return neutralise(safe("; ".join(str(item) for item in value)))
    return value  # a number: the CSV writer writes it as str() would


_MARKDOWN_SPECIAL_CHARACTERS = "\\|*_`[]<>#"
_MARKDOWN_SPECIAL = str.maketrans({ch: "\\" + ch for ch in _MARKDOWN_SPECIAL_CHARACTERS})
# Within rows written whole, where every "|" is the table's own: the others, looked for one by
# one (each a search in C, thirty times as fast as one pattern of them all).
_ESCAPED_IN_ROWS = _MARKDOWN_SPECIAL_CHARACTERS.replace("|", "")
_MARKDOWN_SPECIAL_IN_ROWS = str.maketrans({ch: "\\" + ch for ch in _ESCAPED_IN_ROWS})


def _markdown_cell(value: Cell) -> str:
    shown = cell_text(value).translate(_MARKDOWN_SPECIAL)
    return shown.replace("\n", "<br>")


def _markdown_rows(rows: Sequence[Sequence[Cell]], columns: int) -> Iterator[str]:
    """Table rows, a few thousand to each text, each written with its cells as they are and
    then looked at: where a cell needs more than its text (a "|", a line break, a character
    that is not printable), the part is written again cell by cell."""
    # A %-format, a row at a time: twice as fast as format(), and faster than one for a part.
    line = "| " + " | ".join(["%s"] * columns) + " |"
    write = line.__mod__
    for part in chunked(map(tuple, rows), 2000):
        lines = list(map(write, part))  # a number as str() writes it; None as "None"
        written = "\n".join(lines)
        if "None" in written:  # a cell that is None (or a text that says None)
            lines = [write(tuple([NONE_SHOWN if cell is None else cell for cell in row]))
                     for row in part]  # fmt: skip
            written = "\n".join(lines)
        # A line break is not printable: each line then holds one row, every "|" its own.
        if not (all(map(str.isprintable, lines))
                and written.count("|") == len(part) * (columns + 1)):  # fmt: skip
            written = "\n".join([write(tuple(map(_markdown_cell, row))) for row in part])
        elif any(map(written.__contains__, _ESCAPED_IN_ROWS)):  # rare: translate is slow
            written = written.translate(_MARKDOWN_SPECIAL_IN_ROWS)
        yield written


def markdown_parts(grid: Grid) -> Iterator[str]:
    """A GitHub-flavoured Markdown table, in parts of whole lines as they are made (a table of
    100,000 rows is written without being joined into one text first); names are escaped so
    they render exactly as stored."""

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    head = [f"**{_markdown_cell(grid.title)}**", ""] if grid.title else []
    head.append(line([_markdown_cell(c) for c in grid.columns]))
    rule = ["---:" if i in grid.numeric else "---" for i in range(len(grid.columns))]
    head.append("|" + "|".join(rule) + "|")
    yield "\n".join(head) + "\n"
    for rows in _markdown_rows(grid.rows, len(grid.columns)):
        yield rows + "\n"
    tail = []
    if grid.total is not None:
        tail.append(line([f"**{_markdown_cell(v)}**" if v != "" else "" for v in grid.total]))
    if grid.caption:
        tail += ["", _markdown_cell(grid.caption)]
    if tail:
        yield "\n".join(tail) + "\n"


def report_markdown(report: Report) -> Iterator[str]:
    """The review report as Markdown, in parts (``markdown_parts``): a heading, the facts, the
    paragraph, the tables, a blank line between each."""
    lines = [f"# {_markdown_cell(report.title)}", ""]
    lines += [
        f"- **{_markdown_cell(label)}:** {_markdown_cell(value)}" for label, value in report.facts
    ]
    if report.facts:
        lines.append("")
    lines.append(_markdown_cell(report.paragraph))
    yield "\n".join(lines) + "\n"
    for title, grid in report.tables:
        yield f"\n## {_markdown_cell(title)}\n\n" if title else "\n"
        yield from markdown_parts(grid)


def report_text(report: Report) -> str:
    """The review report as plain text, tables drawn as off a terminal."""
    from awards.render.terminal import drawn

    parts = [report.title, "=" * len(report.title), ""]
    parts += [f"{label}: {value}" for label, value in report.facts]
    if report.facts:
        parts.append("")
    parts += [textwrap.fill(report.paragraph, width=100), ""]
    for title, grid in report.tables:
        parts += [*([title, "-" * len(title)] if title else []), drawn(grid)]
    return printable("\n".join(parts).rstrip("\n") + "\n", keep_newlines=True)


# The words of a recorded change; ``change_words`` says them in the interface language.
_CHANGE_WORDS = {
    ("added", True): N_("added"), ("changed", True): N_("changed"),
    ("removed", True): N_("removed"), ("awards", True): N_("award"),
    ("awards", False): N_("awards"), ("phases", True): N_("phase"),
    ("phases", False): N_("phases"), ("issuers", True): N_("issuer"),
    ("issuers", False): N_("issuers"), ("catalogue", True): N_("catalogue entry"),
    ("catalogue", False): N_("catalogue entries"), ("office", True): N_("office settings"),
    ("office", False): N_("office settings"),
}  # fmt: skip
SHOWN_RANGES = 5


def change_words(change: Change, say: Translate) -> str:
    """ "added awards 4–6; changed phase 2018-2023", in the language of ``say``. A change an
    earlier awards recorded in words is shown in those words."""
    if not change.parts:
        return change.recorded if change.recorded is not None else say(N_("no change"))
    said = []
    for part in change.parts:
        if part.table == "awards":
            single = len(part.ids) == 1 and part.ids[0][0] == part.ids[0][1]
            shown = part.ids[:SHOWN_RANGES]
            names = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in shown)
            names += ", …" if len(part.ids) > SHOWN_RANGES else ""
        else:
            single = len(part.names) == 1
            names = ", ".join(part.names)
        verb = say(_CHANGE_WORDS.get((part.verb, True), part.verb))
        noun = say(_CHANGE_WORDS.get((part.table, single), part.table))
        said.append(f"{verb} {noun} {names}")
    return "; ".join(said)
