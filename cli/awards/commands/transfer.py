"""Import and export: CSV, JSON and Excel files in, the same out."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from awards import render
from awards.commands.awards import filtered
from awards.commands.common import (
    FormFilter,
    FromFilter,
    IssuerFilter,
    KindFilter,
    PhaseFilter,
    SearchFilter,
    ToFilter,
    YearFilter,
    settings,
)
from awards.errors import Invalid
from awards.i18n import _, ngettext

if TYPE_CHECKING:
    from awards.importing import Plan


class FileFormat(StrEnum):
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class OnDuplicate(StrEnum):
    skip = "skip"
    error = "error"
    keep = "keep"


def transfer_import(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="CSV, JSON or XLSX files; - reads standard input."),
    ],
    fmt: Annotated[
        FileFormat | None,
        typer.Option("--format", "-f", help="csv, json or xlsx (default: from the file name)."),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="The workbook sheet of awards (default: first).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and show what would be added; write nothing.")
    ] = False,
    on_duplicate: Annotated[
        OnDuplicate,
        typer.Option("--on-duplicate", help="skip (and report), error, or keep duplicates."),
    ] = OnDuplicate.skip,
    new_issuer: Annotated[
        bool, typer.Option("--new-issuer", help="Keep issuers that look like stored ones.")
    ] = False,
) -> None:
    """Add the awards and phases of files, all or none.

    Headers may be the English field names or the usual Vietnamese ones (Họ và tên, Hình thức,
    Cấp khen, Năm…). Rows are checked like `awards add`; if any fails nothing is written,
    otherwise everything goes in as one write.
    """
    from awards.importing import plan_import
    from awards.sheets import read_tables
    from awards.tally import tally, tally_grid

    fmt_name = fmt.value if fmt is not None else None
    tables = [table for name in files for table in read_tables(name, fmt_name, sheet)]
    store = settings(ctx).store()
    options = {"on_duplicate": on_duplicate.value, "new_issuer": new_issuer}
    total = sum(len(table.rows) for table in tables)
    if dry_run:
        records = store.read()
        with render.progress(_("checking rows"), total) as progress:
            plan = plan_import(
                tables,
                records.phases,
                records.award_rows,
                next_id=1,
                issuers=records.issuers,
                progress=progress,
                **options,  # type: ignore[arg-type]
            )
        _report(plan, dry_run=True)
        _refuse(plan)
        phases = [*records.phases, *plan.phases]
        grid = tally_grid(tally(list(plan.records.values()), ["phase", "form"], phases))
        grid.empty = _("no awards to add")
        render.emit("table", grid, [], [])
        render.info(_summary(plan, dry_run=True))
        return
    with store.transaction() as tx:
        with render.progress(_("checking rows"), total) as progress:
            plan = plan_import(
                tables,
                tx.phases,
                tx.award_rows,
                next_id=tx.next_award_id(),
                issuers=tx.issuers,
                progress=progress,
                **options,  # type: ignore[arg-type]
            )
        _report(plan, dry_run=False)
        _refuse(plan)
        for issuer in plan.issuers:
            tx.add_issuer(issuer)
        for phase in plan.phases:
            tx.add_phase(phase)
        tx.add_records(plan.records)
    render.info(_summary(plan, dry_run=False))


def _report(plan: "Plan", *, dry_run: bool) -> None:
    from awards.importing import summary_lines

    for notice in plan.notices:
        render.info(notice)
    if plan.duplicates and not plan.problems:
        count = len(plan.duplicates)
        if dry_run:
            said = ngettext(
                "would skip {count} duplicate:", "would skip {count} duplicates:", count
            )
        else:
            said = ngettext("skipped {count} duplicate:", "skipped {count} duplicates:", count)
        render.info(said.format(count=count))
        for line in summary_lines(plan.duplicates):
            render.info(f"  {line}")


def _refuse(plan: "Plan") -> None:
    from awards.importing import summary_lines

    if plan.problems:
        places = len({problem.where for problem in plan.problems})
        failure = Invalid(
            _("{problems} in {places}; nothing was imported").format(
                problems=_count(len(plan.problems), "problem"), places=_count(places, "place")
            )
        )
        failure.details = tuple(summary_lines(plan.problems))
        raise failure


def _summary(plan: "Plan", *, dry_run: bool) -> str:
    counts = _count(len(plan.records), "award") + ", " + _count(len(plan.phases), "phase")
    if plan.issuers:
        counts += ", " + _count(len(plan.issuers), "issuer")
    line = (_("would import {counts}") if dry_run else _("imported {counts}")).format(counts=counts)
    if plan.duplicates:
        skipped = _("; would skip {count}") if dry_run else _("; skipped {count}")
        line += skipped.format(count=_count(len(plan.duplicates), "duplicate"))
    if plan.phases_present:
        line += _("; {count} already stored").format(count=_count(plan.phases_present, "phase"))
    return line


def _count(number: int, noun: str) -> str:
    """ "1 award", "2 awards", in the interface language."""
    templates = {
        "award": ngettext("{count} award", "{count} awards", number),
        "phase": ngettext("{count} phase", "{count} phases", number),
        "issuer": ngettext("{count} issuer", "{count} issuers", number),
        "duplicate": ngettext("{count} duplicate", "{count} duplicates", number),
        "problem": ngettext("{count} problem", "{count} problems", number),
        "place": ngettext("{count} place", "{count} places", number),
    }
    return templates[noun].format(count=number)


def transfer_export(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(metavar="[FILE]", help="Where to write; - (the default) is stdout.")
    ] = "-",
    fmt: Annotated[
        FileFormat | None,
        typer.Option("--format", "-f", help="csv, json or xlsx (default: from FILE, else json)."),
    ] = None,
    year: YearFilter = None,
    first_year: FromFilter = None,
    last_year: ToFilter = None,
    phase: PhaseFilter = None,
    form: FormFilter = None,
    issuer: IssuerFilter = None,
    kind: KindFilter = None,
    search: SearchFilter = None,
) -> None:
    """Write phases and awards to JSON, CSV or XLSX.

    JSON holds everything; CSV the awards; XLSX sheets of awards, phases and issuers.

    JSON and XLSX files can be imported again as they are.
    """
    from awards.model import AWARD_FIELDS
    from awards.outfile import write_output
    from awards.sheets import EXPORT_SCHEMA, format_of

    if fmt is not None:
        fmt_name = fmt.value
    elif target == "-":
        fmt_name = "json"
    else:
        fmt_name = format_of(target, None)
    records = settings(ctx).store().read()
    chosen = filtered(records, year, first_year, last_year, phase, form, issuer, kind, search)
    if fmt_name == "xlsx":
        from awards import workbook

        payload = workbook.awards_workbook(records.phases, chosen, records.issuers)
    elif fmt_name == "csv":
        content = render.to_delimited([a.to_dict() for a in chosen], AWARD_FIELDS, ",")
        # Excel opens a CSV file as UTF-8 only when it starts with a byte order mark.
        payload = content.encode("utf-8-sig" if target != "-" else "utf-8")
    else:
        import orjson

        document = {
            "schema": EXPORT_SCHEMA,
            "issuers": [i.to_dict() for i in records.issuers],
            "phases": [p.to_dict() for p in records.phases],
            "awards": [a.to_dict() for a in chosen],
        }
        payload = orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
    write_output(target, payload, binary=fmt_name == "xlsx")
    if target != "-":
        render.info(
            _("exported {awards}, {phases} to {path}").format(
                awards=_count(len(chosen), "award"),
                phases=_count(len(records.phases), "phase"),
                path=target,
            )
        )
