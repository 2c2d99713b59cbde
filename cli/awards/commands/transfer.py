"""Import and export: CSV, JSON and Excel files in, the same out."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from awards import render
from awards.commands.common import (
    format_option,
    option,
    settings,
    with_filters,
    with_options,
)
from awards.errors import Invalid
from awards.i18n import _, ngettext

if TYPE_CHECKING:
    from awards.domain.records import Entry, Issuer, Phase
    from awards.query.filters import Filters
    from awards.store import Records
    from awards.transfer.plan import Plan


class OnDuplicate(StrEnum):
    skip = "skip"
    error = "error"
    keep = "keep"


# Values for the whole file: they fill what its rows (and its title) do not say.
with_file_values = with_options({
    "issuer": option("--issuer", "The issuer of rows that name none.", field="issuer"),
    "year": option("--year", "The year of rows that give none."),
    "form": option("--form", "The title or form of rows that name none.", field="form"),
    "kind": option("--kind", "The kind of rows that give none.", field="kind"),
    "decision": option("--decision", "The decision number of rows that give none."),
    "decided_on": option("--decided-on", "The decision date of rows that give none."),
    "phase": option("--phase", "The phase of rows that give none.", field="phase"),
    "method": option("--method", "The method of rows that give none."),
    "category": option("--category", "The category of rows that give none."),
    "unit": option("--unit", "The unit of rows that give none."),
}, "given")  # fmt: skip


@with_file_values
def transfer_import(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(
        metavar="FILE...", help="CSV, JSON or XLSX files; - reads standard input.")],
    fmt: Annotated[str | None, format_option(
        "csv, json or xlsx (default: from the file name).")] = None,
    sheet: Annotated[str | None, typer.Option(
        "--sheet", help="The workbook sheet of awards (default: first).")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check and show what would be added; write nothing.")] = False,
    on_duplicate: Annotated[OnDuplicate, typer.Option(
        "--on-duplicate", help="skip (and report), error, or keep duplicates.")] = OnDuplicate.skip,
    new_issuer: Annotated[bool, typer.Option(
        "--new-issuer", help="Keep issuers that look like stored ones.")] = False,
    given: dict[str, Any] = None,  # type: ignore[assignment]  # the options with_file_values adds
) -> None:  # fmt: skip
    """Add the awards and phases of files, all or none.

    Headers may be the English field names or the usual Vietnamese ones (Họ và tên, Hình thức,
    Cấp khen, Năm…), under a title block, on one row or two. Section rows (I. Tập thể, II. Cá
    nhân) give the kind of the rows below; total rows and what is below the table are skipped
    and counted. What the rows lack comes from the options, else from the title ("Kèm theo
    Quyết định số … ngày … của …"); a row that says otherwise than an option is refused. Rows
    are checked like `awards add`; if any fails nothing is written, otherwise everything goes
    in as one write.
    """
    from awards.grid import Rows
    from awards.query.tally import tally, tally_grid
    from awards.transfer.plan import plan_import
    from awards.transfer.sheets import read_tables

    tables = [table for name in files for table in read_tables(name, fmt, sheet)]
    total = sum(len(table.rows) for table in tables)

    def planned(records: "Records", next_id: int) -> "Plan":
        """The plan against the records as they are; refused whole if any row fails."""
        with render.progress(_("checking rows"), total) as progress:
            plan = plan_import(tables, records.phases, records.award_rows, next_id=next_id,
                               issuers=records.issuers, progress=progress,
                               on_duplicate=on_duplicate.value, new_issuer=new_issuer,
                               catalogue=records.catalogue, given=given,
                               office=records.office)  # fmt: skip
        tables.clear()  # the plan holds what the rows gave: 100 MB of cells at 100,000 rows
        _report(plan, dry_run=dry_run)
        _refuse(plan)
        return plan

    store = settings(ctx).store()
    if dry_run:
        records = store.read()
        plan = planned(records, next_id=1)
        phases = [*records.phases, *plan.phases]
        grid = tally_grid(tally(list(plan.records.values()), ["phase", "form"], phases))
        grid.empty = _("no awards to add")
        render.emit(Rows(grid, []))
    else:
        with store.transaction() as tx:
            plan = planned(tx, next_id=tx.next_award_id())
            added: list[Issuer | Phase | Entry] = [*plan.issuers, *plan.phases, *plan.entries]
            for record in added:
                tx.add(record)
            if plan.office is not None:
                tx.set_office(plan.office)
            tx.add_records(plan.records)
    render.info(_summary(plan, dry_run=dry_run))


def _report(plan: "Plan", *, dry_run: bool) -> None:
    from awards.transfer.plan import summary_lines

    if dry_run:  # the preview an officer reads before importing
        for line in plan.layouts:
            render.info(line)
    for notice in plan.notices:
        render.info(notice)
    if plan.duplicates and not plan.problems:
        count = len(plan.duplicates)
        said = (
            ngettext("would skip {count} duplicate:", "would skip {count} duplicates:", count)
            if (dry_run)
            else ngettext("skipped {count} duplicate:", "skipped {count} duplicates:", count)
        )
        render.info(said.format(count=count))  # fmt: skip
        for line in summary_lines(plan.duplicates):
            render.info(f"  {line}")


def _refuse(plan: "Plan") -> None:
    from awards.transfer.plan import summary_lines

    if plan.problems:
        places = render.counted(len({problem.where for problem in plan.problems}), "place")
        problems = render.counted(len(plan.problems), "problem")
        said = _("{problems} in {places}; nothing was imported")
        details = tuple(summary_lines(plan.problems))
        raise Invalid(said.format(problems=problems, places=places), details=details)


def _summary(plan: "Plan", *, dry_run: bool) -> str:
    counts = [render.counted(len(plan.records), "award"), render.counted(len(plan.phases), "phase")]
    counts += [render.counted(len(plan.issuers), "issuer")] if plan.issuers else []
    counts += [render.counted(len(plan.entries), "entry")] if plan.entries else []
    counts += [_("the office settings")] if plan.office is not None else []
    line = _("would import {counts}") if dry_run else _("imported {counts}")
    line = line.format(counts=", ".join(counts))
    if plan.duplicates:
        skipped = _("; would skip {count}") if dry_run else _("; skipped {count}")
        line += skipped.format(count=render.counted(len(plan.duplicates), "duplicate"))
    if plan.phases_present:
        present = render.counted(plan.phases_present, "phase")
        line += _("; {count} already stored").format(count=present)
    passed = [render.counted(count, reason) for reason, count in plan.skipped.items()]
    if passed:
        line += _("; passed over {rows}").format(rows=", ".join(passed))
    return line


@with_filters
def transfer_export(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(metavar="[FILE]", help="Where to write; - (the default) is stdout.")
    ] = "-",
    fmt: Annotated[
        str | None,
        format_option("json, csv, tsv, xlsx or sqlite (default: from FILE, else json)."),
    ] = None,
    filters: "Filters" = None,  # type: ignore[assignment]
) -> None:
    """Write phases, issuers and awards to JSON, CSV, TSV, XLSX or SQLite.

    JSON holds everything; XLSX a sheet each for awards, phases, issuers and the register's own
    catalogue entries. CSV and TSV hold the awards; written to FILE, the others go beside it in
    FILE-phases, FILE-issuers and FILE-catalogue, and `awards import` takes them back together.
    FILE.sqlite (or .db) is a SQLite database of the same tables, indexed, with views of the
    standard tallies, for sqlite-utils, Datasette or any SQL tool.
    """
    from awards.grid import Register
    from awards.query.filters import chosen_rows

    # Damage is refused, never exported. Filtered, only what the filters read of every award,
    # and the chosen ones whole.
    records = settings(ctx).store().read(full=True, fields=filters.fields() or None)
    chosen = chosen_rows(records, filters)
    register = Register(records.phases, records.issuers, chosen, records.entries, records.office)
    render.emit(register, fmt, target)
