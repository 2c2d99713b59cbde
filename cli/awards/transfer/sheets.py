"""Files of rows to import: CSV as Excel and office machines write it, and JSON.

Excel workbooks are read by ``workbook``. Both give ``Table`` objects of plain cells, which
``importing`` maps onto phases and awards; nothing here knows what a column means.
"""

from __future__ import annotations

import codecs
import csv
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from awards import lifetime, text
from awards.errors import Invalid, UsageProblem
from awards.i18n import N_, _
from awards.transfer import legacy

Cell = str | int | float | list[str] | None

# The "schema" of an export file (2 added issuers, 3 a register's own catalogue entries); an
# import refuses a newer one.
EXPORT_SCHEMA = 3

_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".json": "json", ".xlsx": "xlsx",
             ".xls": "xlsx", ".xlsm": "xlsx", ".ods": "xlsx"}  # a workbook, whichever  # fmt: skip
_DELIMITERS = (",", ";", "\t")


# What one file to import may hold; Excel's own limits, and a size no register's sheet reaches.
LIMITS = {"rows": 1_048_576, "columns": 16_384, "cell": 32_767, "part": 256 << 20,
          "line": 1 << 20}  # fmt: skip


def over_limit(source: str, limit: str) -> str:
    said = {
        "rows": _("{source} is refused: more than {most} rows"),
        "columns": _("{source} is refused: a row of more than {most} columns"),
        "cell": _("{source} is refused: a cell of more than {most} characters"),
        "line": _("{source} is refused: a line of more than {most} bytes"),
    }[limit]
    return said.format(source=source, most=f"{LIMITS[limit]:,}")


@dataclass(slots=True)
class Table:
    """The rows of one CSV file, JSON list or worksheet, numbered as a user would count them."""

    source: str
    rows: list[tuple[int, list[Cell]]]
    kind: str | None = None  # "awards" or "phases" when the file says which; else the headers do
    headers: list[str] | None = None  # JSON keys; CSV and sheets have theirs among the rows
    row_word: str = N_("row")  # in messages, through _()
    column_word: str = N_("column")
    sheet: str | None = field(default=None)
    codes: dict[str, str] = field(default_factory=dict)  # a workbook's DANHMUC: code -> name
    encoding: str | None = None  # the legacy encoding its text was converted from, if any


def format_of(name: str, given: str | None) -> str:
    """The format given, or the one the file name says."""
    if given is not None:
        chosen = _SUFFIXES.get("." + given.strip().lower())
        if chosen is None:
            message = _("--format {format} is not one this command reads; it reads {formats}")
            formats = "csv, tsv, json, xlsx, xls, ods"
            raise UsageProblem(message.format(format=given, formats=formats))
        return chosen
    found = _SUFFIXES.get(Path(name).suffix.lower())
    if found is None:
        message = _("cannot tell the format of {name}; give --format csv, json or xlsx "
                    "(a workbook: .xlsx, .xls or .ods)")  # fmt: skip
        raise Invalid(message.format(name=name))
    return found


def read_tables(name: str, fmt: str | None, sheet: str | None = None) -> list[Table]:
    """The tables in the file ``name`` (``-`` is standard input, CSV or JSON)."""
    if name == "-":
        raw = sys.stdin.buffer.read()
        fmt = format_of(name, fmt) if fmt is not None else None
        fmt = fmt or ("json" if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[") else "csv")
        if fmt == "xlsx":
            raise Invalid(_("a workbook cannot come from standard input; give its file name"))
        source = _("standard input")
    else:
        fmt = format_of(name, fmt)
        if fmt == "xlsx":
            from awards.transfer import workbook

            return workbook.read_tables(Path(name), sheet)
        raw = read_bytes(Path(name))
        source = Path(name).name
    if sheet is not None:
        raise Invalid(_("--sheet is for workbooks (.xlsx, .xls, .ods)"))
    tables = json_tables(raw, source) if fmt == "json" else [csv_table(raw, source)]
    lifetime.settle()  # rows of plain values, read: the collector has nothing to find in them
    return tables


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or one line saying why they cannot be read."""
    try:
        if path.stat().st_size > LIMITS["part"]:  # read whole, so held to a register's size
            too_big = _("{name} is refused: it is larger than {most} MB")
            raise Invalid(too_big.format(name=path.name, most=LIMITS["part"] >> 20))
        return path.read_bytes()
    except FileNotFoundError:
        raise Invalid(_("no file {path}").format(path=path)) from None
    except IsADirectoryError:
        raise Invalid(_("{path} is a folder, not a file to import").format(path=path)) from None
    except OSError as error:
        cannot = _("cannot read {path}: {reason}")
        raise Invalid(cannot.format(path=path, reason=error.strerror)) from None


def decode(raw: bytes, source: str) -> tuple[str, str | None]:
    """The text of a file, and the encoding it was converted from when not Unicode's.

    UTF-8 with or without Excel's BOM, or UTF-16 with a BOM ("Unicode text"), as they are.
    Bytes that are neither are Vietnamese in an older encoding: TCVN3 (ABC) or Windows-1258 is
    converted and named; VNI, and bytes that are no Vietnamese encoding, are refused with the
    way to re-save them, never imported as mojibake.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            damaged = _("{source} is damaged UTF-16 text; re-save it as CSV UTF-8")
            raise Invalid(damaged.format(source=source)) from None
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        bad = error.start
    found = legacy.detect(raw.decode("latin-1"))
    if found == legacy.TCVN3:
        return legacy.from_tcvn3(raw.decode("latin-1")), found
    if found is None:
        try:
            return unicodedata.normalize("NFC", raw.decode("cp1258")), "Windows-1258"
        except UnicodeDecodeError as error:
            bad = error.start
    line = raw[:bad].count(b"\n") + 1
    message = _(
        "{source} is not UTF-8 text (line {line} has the byte 0x{byte:02x}){encoding}; "
        "in Excel choose Save As, 'CSV UTF-8 (Comma delimited)', and import that file"
    )
    named = _(", it looks like {encoding}").format(encoding=found) if found else ""
    raise Invalid(message.format(source=source, line=line, byte=raw[bad], encoding=named))


def sniff_delimiter(content: str) -> str:
    """Comma, semicolon (Excel where the decimal mark is a comma) or tab, from the first line."""
    end = content.find("\n")
    first = content if end < 0 else content[:end]  # not a copy of the rest of the file
    counts = {delimiter: first.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _has_long_line(raw: bytes, most: int) -> bool:
    """Whether a line of ``raw`` is longer than ``most`` bytes. From the start of a line, the
    last line break in reach (``most`` bytes on) ends lines none of which is longer: found in
    C (rfind), one step passes many lines. Where there is none, that line is longer."""
    start = 0
    while len(raw) - start > most:
        newline = raw.rfind(b"\n", start, start + most + 1)
        if newline < 0:
            return True
        start = newline + 1
    return False


def csv_lines(content: str) -> list[str]:
    r"""The lines of a CSV text, each with its ending: a line ends at \r\n, \r or \n, as a
    text stream with newline="" gives them, without the copy of the text such a stream holds
    (four bytes a character: 52 MB for 100,000 rows). They are split in C by ``splitlines``,
    which also ends a line at \v, \f, \x1c–\x1e, \x85, \u2028 and \u2029; CSV holds those
    as text in a cell, so where the count of lines shows one, its pieces are joined again."""
    pieces = content.splitlines(keepends=True)
    returns = content.count("\r")  # none, in a file saved on Linux or a Mac
    breaks = content.count("\n") + returns - (content.count("\r\n") if returns else 0)
    if len(pieces) == breaks + (not content.endswith(("\n", "\r")) and content != ""):
        return pieces
    lines: list[str] = []
    held: list[str] = []  # the pieces of a line not ended yet
    for piece in pieces:
        held.append(piece)
        if piece.endswith(("\n", "\r")):
            lines.append("".join(held))
            held.clear()
    return [*lines, "".join(held)] if held else lines


def csv_table(raw: bytes, source: str) -> Table:
    if _has_long_line(raw, LIMITS["line"]):  # before decoding: a hostile line is refused cheaply
        raise Invalid(over_limit(source, "line"))
    content, encoding = decode(raw, source)
    delimiter = sniff_delimiter(content)
    reader = csv.reader(csv_lines(content), delimiter=delimiter)
    try:
        rows = cast(list[tuple[int, list[Cell]]], list(enumerate(reader, start=1)))
    except csv.Error as error:
        where = _("{source}, line {line}: {problem}").format(
            source=source, line=reader.line_num, problem=error
        )
        raise Invalid(where) from None
    widest = max((len(cells) for _number, cells in rows), default=0)
    if len(rows) > LIMITS["rows"] or widest > LIMITS["columns"]:
        raise Invalid(over_limit(source, "rows" if len(rows) > LIMITS["rows"] else "columns"))
    if "'" in content:  # undo the quote export puts before text a spreadsheet would run
        for index, (number, cells) in enumerate(rows):
            joined = "\n".join(cast(list[str], cells))  # one test in C for a quote at a start
            if joined[:1] == "'" or "\n'" in joined:
                rows[index] = (number, [text.restore_neutralised(str(cell)) for cell in cells])
    return Table(source=source, rows=rows, encoding=encoding)


def json_tables(raw: bytes, source: str) -> list[Table]:
    """An export (``{"schema", "phases", "awards"}``) or a list of awards (``list -f json``)."""
    import orjson

    try:
        document = orjson.loads(raw.removeprefix(codecs.BOM_UTF8))
    except orjson.JSONDecodeError as error:
        message = _("{source} is not valid JSON: {problem}")
        raise Invalid(message.format(source=source, problem=error)) from None
    if isinstance(document, list):
        return [_json_table(document, source, "awards")]
    if not isinstance(document, dict):
        message = _("{source} holds neither a list of awards nor an awards export")
        raise Invalid(message.format(source=source))
    schema = document.get("schema", EXPORT_SCHEMA)
    if type(schema) is not int or schema > EXPORT_SCHEMA:
        newer = _("{source} is an export of schema {schema!r}; this awards reads up to {supported}")
        raise Invalid(newer.format(source=source, schema=schema, supported=EXPORT_SCHEMA))
    unknown = sorted(set(document) - {"schema", "office", "issuers", "phases", "catalogue",
                                      "awards"})  # fmt: skip
    if unknown:
        message = _("{source} has keys an awards export does not: {keys}")
        raise Invalid(message.format(source=source, keys=", ".join(unknown)))
    tables = []
    if isinstance(document.get("office"), dict):
        tables.append(_json_table([document["office"]], source, "office"))
    for kind in ("issuers", "phases", "catalogue", "awards"):
        items = document.get(kind, [])
        if not isinstance(items, list):
            raise Invalid(_("{source}: {key} must be a list").format(source=source, key=kind))
        tables.append(_json_table(items, source, kind))
    return tables


def _json_table(items: list[Any], source: str, kind: str) -> Table:
    headers = dict.fromkeys(key for item in items if isinstance(item, dict) for key in item)
    rows: list[tuple[int, list[Cell]]] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            message = _("{source}: {record} {number} is not an object")
            raise Invalid(
                message.format(source=source, record=_(_RECORD_WORDS[kind]), number=number)
            )
        rows.append((number, [_json_cell(item.get(name)) for name in headers]))
    return Table(source, rows, kind, list(headers), _RECORD_WORDS[kind], column_word=N_("field"))


_RECORD_WORDS = {"awards": N_("award"), "phases": N_("phase"), "issuers": N_("issuer"),
                 "catalogue": N_("catalogue entry"), "office": N_("office settings")}  # fmt: skip


def _json_cell(value: Any) -> Cell:
    if value is None or isinstance(value, str | int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return str(value)  # a nested value fails the field's own check with its text shown
