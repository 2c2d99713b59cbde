"""The one output path: a command hands over what it found, and ``emit`` writes it.

The format is the one asked for with ``--format``, else the one the output file's extension
names, else the command's default. A format the result cannot take is a usage error naming
the ones it can. Data goes to stdout or the file; messages go to stderr, so
``awards tally --format json | jq`` always works.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from awards import lifetime
from awards.domain.vocab import AWARD_FIELDS, CATALOGUE_FIELDS, ISSUER_FIELDS, PHASE_FIELDS
from awards.errors import UsageProblem
from awards.i18n import _, ngettext
from awards.render import terminal
from awards.render.terminal import CHART_WIDTH, draw_chart, error, info, progress
from awards.render.text import (
    delimited,
    encoded,
    holds_every_character,
    markdown_parts,
    report_markdown,
    report_text,
    to_json,
)

if TYPE_CHECKING:  # the results load with the commands that make them, not for --help
    from awards.grid import Form, Grid, Register, Rows
    from awards.reports.review import Report

__all__ = ["CHART_WIDTH", "EXTENSIONS", "choose_format", "counted", "draw_chart", "emit", "error",
           "info", "progress"]  # fmt: skip

# What an output file's name says of its format.
EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".md": "markdown", ".txt": "text",
              ".xlsx": "xlsx", ".docx": "docx", ".sqlite": "sqlite", ".db": "sqlite"}  # fmt: skip
BINARY = frozenset({"xlsx", "docx", "sqlite"})


def choose_format(offered: Sequence[str], fmt: str | None, target: str | None) -> str:
    """The format to write: ``fmt``, else the extension of ``target``, else the first offered."""
    if fmt is not None:
        chosen = fmt.strip().lower()
        if chosen == "md":
            chosen = "markdown"
        if chosen not in offered:
            message = _("--format {format} is not one this command writes; it writes {formats}")
            raise UsageProblem(message.format(format=fmt, formats=", ".join(offered)))
        return chosen
    if target is not None and target != "-":
        suffix = Path(target).suffix.lower()
        named = EXTENSIONS.get(suffix)
        if named is None or named not in offered:
            message = _(
                "cannot tell a format this command writes from the name {path}; "
                "give --format ({formats}) or a file ending in {suffixes}"
            )
            raise UsageProblem(
                message.format(
                    path=target,
                    formats=", ".join(offered),
                    suffixes=", ".join(s for s, f in EXTENSIONS.items() if f in offered),
                )
            )
        return named
    return offered[0]


def emit(
    result: Rows | Form | Register | Report, fmt: str | None = None, target: str | None = None
) -> None:
    """Write ``result`` in the chosen format to ``target`` (a file name; None or - is stdout)."""
    from awards.grid import Register, Rows

    lifetime.keep(result)  # a report's tens of thousands of rows, freed with the process
    chosen = choose_format(result.formats, fmt, target)
    to_file = target is not None and target != "-"
    if isinstance(result, Register):
        _export(result, chosen, target or "-")
        return
    if not to_file and chosen == "table":  # a report has no table format
        terminal.draw(_table(result), sys.stdout)  # type: ignore[arg-type]
        return
    if chosen == "json" and isinstance(result, Rows):
        _write_json(result.data(), target or "-")
        if to_file:
            info(_("wrote {what} to {path}").format(what=_what(result, chosen), path=target))
        return
    payload = _payload(result, chosen, to_file=to_file)
    if not to_file and not isinstance(payload, bytes):
        terminal.write(payload)
        return
    from awards.render.files import write_output

    encoding = "utf-8-sig" if chosen in ("csv", "tsv") and to_file else "utf-8"
    data = payload if isinstance(payload, bytes) else encoded(
        [payload] if isinstance(payload, str) else payload, encoding)  # fmt: skip
    write_output(target or "-", data, binary=chosen if chosen in BINARY else None)
    if to_file:
        info(_("wrote {what} to {path}").format(what=_what(result, chosen), path=target))


def _what(result: Rows | Form | Report, fmt: str) -> str:
    from awards.grid import Rows

    what = getattr(result, "what", "") or _("the report")
    chart = (
        isinstance(result, Rows) and fmt == "xlsx" and result.chart_series and result.table().rows
    )
    return _("{what} and its chart").format(what=what) if chart else what


def _payload(
    result: Rows | Form | Report, fmt: str, *, to_file: bool
) -> str | bytes | Iterator[str]:
    from awards.grid import Form, Rows

    if isinstance(result, Rows):
        data = result.data()
        records = [data] if isinstance(data, dict) else data
        if fmt in ("csv", "tsv"):
            return delimited(records, result.fieldnames, "," if fmt == "csv" else "\t")
        if fmt == "xlsx":
            from awards.render import xlsx as workbook

            sheet = result.sheet or result.table()
            return workbook.grid_workbook(
                sheet, result.chart_series, result.chart_labels, result.chart_title, result.name
            )
    elif isinstance(result, Form):
        if fmt == "xlsx":
            from awards.render import xlsx as workbook

            return workbook.form_workbook(result)
    else:
        if fmt == "docx":
            from awards.render.docx import report_document

            return report_document(result)
        return report_markdown(result) if fmt == "markdown" else report_text(result)
    if fmt == "markdown":
        return markdown_parts(_table(result))
    return terminal.drawn(_table(result))  # table or text, to a file: drawn as off a terminal


def _table(result: Rows | Form) -> Grid:
    from awards.grid import Rows

    return result.table() if isinstance(result, Rows) else result.grid


def _write_json(value: object, target: str) -> None:
    """JSON as the UTF-8 bytes it is made of, a part at a time. On standard output that cannot
    hold Vietnamese, it is written whole in that output's encoding, or if that cannot hold
    every letter, with letters as \\u escapes: JSON stays valid either way."""
    from awards.render.files import write_output

    if target != "-" or holds_every_character(sys.stdout):
        write_output(target, to_json(value))
        return
    try:
        write_output(target, b"".join(to_json(value)).decode().encode(sys.stdout.encoding))
    except UnicodeEncodeError:
        write_output(target, to_json(value, ascii_only=True))


def _export(register: Register, fmt: str, target: str) -> None:
    """An export: JSON holds everything; XLSX a sheet per table; CSV and TSV the awards, and
    to a file, the phases and issuers in files of their own beside it, which import reads
    back together."""
    from awards.render.files import write_output

    # Every table as rows of its fields by name; the awards come so.
    tables = {"awards": register.awards, "phases": [p.to_dict() for p in register.phases],
              "issuers": [i.to_dict() for i in register.issuers],
              "catalogue": [e.to_dict() for e in register.catalogue]}  # fmt: skip
    counts = {name: counted(len(items), _NOUNS[name]) for name, items in tables.items()}
    if fmt in ("json", "csv", "tsv"):  # a catalogue entry as the data file keeps it
        from awards.store.codec import entry_record

        tables["catalogue"] = [entry_record(entry) for entry in register.catalogue]
    if fmt == "xlsx":
        from awards.render.xlsx import awards_workbook

        write_output(target, awards_workbook(tables), binary="xlsx")
    elif fmt == "sqlite":
        from awards.render.sqlite import register_database

        if target == "-":
            raise UsageProblem(_("a database cannot go to standard output; give a file name "
                                 "ending in .sqlite or .db"))  # fmt: skip
        write_output(target, register_database(tables), binary="sqlite")
    elif fmt == "json":
        from awards.transfer.sheets import EXPORT_SCHEMA

        document = (
            {"schema": EXPORT_SCHEMA}
            | {"office": register.office.to_dict() if register.office else None}
            | {name: tables[name] for name in ("catalogue", "issuers", "phases", "awards")}
        )
        write_output(target, to_json(document))
    else:
        # Excel opens a CSV file as UTF-8 only when it starts with a byte order mark.
        encoding, delimiter = (
            "utf-8-sig" if target != "-" else "utf-8",
            "," if fmt == "csv" else "\t",
        )
        base, written = Path(target), []
        every = (AWARD_FIELDS, PHASE_FIELDS, ISSUER_FIELDS, CATALOGUE_FIELDS)
        for name, fields in zip(tables, every, strict=True):
            if name == "catalogue" and not tables[name]:
                continue  # most registers have none: no empty file beside the others
            path = target if name == "awards" else str(base.with_stem(f"{base.stem}-{name}"))
            write_output(path, encoded(delimited(tables[name], fields, delimiter), encoding))
            if target == "-":
                return  # standard output: the awards alone
            written.append(_("{count} to {path}").format(count=counts[name], path=path))
        info(_("exported {what}").format(what="; ".join(written)))
        return
    if target != "-":
        said = _("exported {awards}, {phases}, {issuers} to {path}")
        if register.catalogue:
            said = _("exported {awards}, {phases}, {issuers}, {catalogue} to {path}")
        info(said.format(**counts, path=target))


# What an export says of each table's records, by count ("3 catalogue entries").
_NOUNS = {"awards": "award", "phases": "phase", "issuers": "issuer", "catalogue": "entry"}


def counted(number: int, noun: str) -> str:
    """ "1 award", "2 awards", in the interface language."""
    templates = {
        "award": ngettext("{count} award", "{count} awards", number),
        "phase": ngettext("{count} phase", "{count} phases", number),
        "issuer": ngettext("{count} issuer", "{count} issuers", number),
        "entry": ngettext("{count} catalogue entry", "{count} catalogue entries", number),
        "section": ngettext("{count} section row", "{count} section rows", number),
        "numbering": ngettext(
            "{count} row of column numbers", "{count} rows of column numbers", number
        ),
        "blank": ngettext("{count} blank row", "{count} blank rows", number),
        "total": ngettext("{count} total row", "{count} total rows", number),
        "below": ngettext("{count} row below the table", "{count} rows below the table", number),
        "duplicate": ngettext("{count} duplicate", "{count} duplicates", number),
        "problem": ngettext("{count} problem", "{count} problems", number),
        "place": ngettext("{count} place", "{count} places", number),
    }
    return templates[noun].format(count=number)
