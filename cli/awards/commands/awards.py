"""Award commands: add, list, show, edit, remove, tally."""

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from awards import render
from awards.commands.common import (
    FormatOption,
    OutputOption,
    ShowFormatOption,
    completes,
    confirm,
    option,
    settings,
    with_filters,
    with_options,
)
from awards.domain.vocab import DIMENSIONS, spoken
from awards.errors import Invalid, UsageProblem
from awards.i18n import _

# The model, the grid and the rest load in the commands that use them, not for --help.
if TYPE_CHECKING:
    from awards.query.filters import Filters

# One Option each, shared by add (required) and edit (optional), so help reads the same in both.
KIND = typer.Option("--kind", help="individual (cá nhân), collective (tập thể), household (hộ "
                    "gia đình), mixed.", autocompletion=completes("kind"))  # fmt: skip
FORM = typer.Option("--form", help="The title or form by its legal name, any case: \"Huân "
                    "chương Lao động hạng Ba\", \"Bằng khen của Chủ tịch UBND tỉnh\", bang-khen.",
                    autocompletion=completes("form"))  # fmt: skip
ISSUER = typer.Option("--issuer", help="Who gave it: UBND tỉnh, Bộ Công an… (taken from the "
                      "form's name when it holds one).",
                      autocompletion=completes("issuer"))  # fmt: skip
YEAR = typer.Option("--year", help="The award year.")
# The rest of the options add and edit share, given to both by with_award_options.
with_award_options = with_options({
    "count": option("--count", "Recipients the record stands for.", int | None),
    "decision": option("--decision", "Decision number (1234/QĐ-UBND)."),
    "decided_on": option("--decided-on", "Decision date: 2018-06-12 or 12/06/2018."),
    "honorific": option("--honorific", "How the recipient is addressed: Ông, Bà, Thượng tá."),
    "position": option("--position", "The recipient's position (chức vụ)."),
    "unit": option("--unit", "The recipient's organisation."),
    "note": option("--note", "Free text; keeps line breaks."),
    "method": option("--method", "regular, thematic, sudden, foreign, dedication, seniority, "
                     "resistance (thường xuyên, chuyên đề…)."),
    "category": option("--category", "The recipient group of forms 0602/0603, by code or "
                       "label: worker, leader-other… (Người trực tiếp…, Doanh nghiệp, Hợp tác "
                       "xã…); `awards catalogue categories` lists them."),
    "sector": option("--sector", "The field of activity (lĩnh vực): Y tế, Giáo dục - Đào tạo…"),
    "new_issuer": option("--new-issuer", "Keep an issuer that looks like a stored one.", bool),
}, "given")  # fmt: skip


@with_award_options
def awards_add(
    ctx: typer.Context,
    recipient: Annotated[
        str, typer.Argument(metavar="RECIPIENT", help="Who received it (a person or a collective).")
    ],
    kind: Annotated[str, KIND],
    form: Annotated[str, FORM],
    year: Annotated[int, YEAR],
    issuer: Annotated[str | None, ISSUER] = None,
    phase: Annotated[
        str | None, typer.Option("--phase", help="Phase code; inferred from the year if not given.")
    ] = None,
    given: dict[str, Any] = None,  # type: ignore[assignment]  # the options with_award_options adds
) -> None:
    """Record an award and print its new id."""
    given = {**given, "recipient": recipient, "kind": kind, "form": form, "issuer": issuer,
             "year": year, "phase": phase}  # fmt: skip
    from awards.domain.build import build_award
    from awards.domain.spellings import Spellings

    # Of every award, only what the spellings read: an add changes no other award.
    with settings(ctx).store().transaction(fields=Spellings.READS) as tx:
        known = Spellings(tx.award_rows.values(), tx.issuers, tx.catalogue)
        award = build_award(
            given, tx.phases, known, new_id=tx.next_award_id(), new_issuer=given["new_issuer"]
        )
        tx.add_awards([award])
    sys.stdout.write(f"{award.id}\n")


@with_filters
def awards_list(
    ctx: typer.Context,
    filters: "Filters",
    sort: Annotated[str | None, typer.Option(
        "--sort", help="Field to sort by; -year for descending.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Show at most N.")] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    columns: Annotated[str | None, typer.Option(
        "--columns", help="The table's fields, in order: recipient,form,year.")] = None,
) -> None:  # fmt: skip
    """List awards (all that match, unless --limit).

    At a terminal too narrow for every column, the table leaves out the unit, then the
    decision, the phase, the count, the kind and the id, and says which.
    """
    from awards.domain.vocab import AWARD_FIELDS
    from awards.query.filters import chosen_rows, sort_rows
    from awards.query.listing import award_list

    if limit is not None and limit < 0:
        raise UsageProblem(_("limit must be 0 or more, not {limit}").format(limit=limit))
    names = None
    if columns is not None:
        names = [n.strip().lower().replace("-", "_") for n in columns.split(",") if n.strip()]
        unknown = [n for n in names if n not in AWARD_FIELDS]
        if unknown or not names:
            message = _("unknown column {column!r}; fields: {fields}")
            shown = unknown[0] if unknown else columns
            raise UsageProblem(message.format(column=shown, fields=", ".join(AWARD_FIELDS)))
    # Filtered, only what the filters read of every award, and the chosen ones whole; no award
    # is built, so damage is refused as an export refuses it. Unfiltered, the awards are read
    # as they are shown: the first screen comes before the rest of the file is read.
    records = settings(ctx).store().read(full=True, fields=filters.fields() or None, lazily=True)
    chosen = sort_rows(chosen_rows(records, filters), sort, limit)
    render.emit(award_list(chosen, names), fmt, output)


def awards_show(
    ctx: typer.Context,
    award_id: Annotated[int, typer.Argument(metavar="ID", help="The award id.")],
    fmt: ShowFormatOption = None,
) -> None:
    """Show one award in full."""
    from awards.query.filters import find_award
    from awards.query.listing import award_detail

    award = find_award(settings(ctx).store().read(fields=frozenset()), award_id)  # it alone
    render.emit(award_detail(award), fmt)


@with_award_options
def awards_edit(
    ctx: typer.Context,
    award_id: Annotated[int, typer.Argument(metavar="ID", help="The award id.")],
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="New recipient name.")
    ] = None,
    kind: Annotated[str | None, KIND] = None,
    form: Annotated[str | None, FORM] = None,
    issuer: Annotated[str | None, ISSUER] = None,
    year: Annotated[int | None, YEAR] = None,
    phase: Annotated[str | None, typer.Option("--phase", help="Phase code; '' clears it.")] = None,
    given: dict[str, Any] = None,  # type: ignore[assignment]  # the options with_award_options adds
) -> None:
    """Correct an award. Give only what changes; '' clears an optional field."""
    given = {**given, "recipient": recipient, "kind": kind, "form": form, "issuer": issuer,
             "year": year, "phase": phase}  # fmt: skip
    from awards.domain.build import build_award
    from awards.domain.spellings import Spellings
    from awards.query.filters import find_award
    from awards.query.listing import award_detail

    with settings(ctx).store().transaction() as tx:
        before = find_award(tx, award_id)
        others = (r for key, r in tx.award_rows.items() if key != str(award_id))
        known = Spellings(others, tx.issuers, tx.catalogue)
        after = build_award(given, tx.phases, known, base=before, new_issuer=given["new_issuer"])
        if after != before:
            tx.replace_awards([after])
    render.emit(award_detail(after))


def awards_remove(
    ctx: typer.Context,
    award_ids: Annotated[list[int], typer.Argument(metavar="ID...", help="Award ids.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Remove awards. Asks first on a terminal; elsewhere needs --yes."""
    from awards.query.filters import find_award

    store = settings(ctx).store()
    wanted = list(dict.fromkeys(award_ids))
    if not yes:
        # Ask before taking the lock, so a pondering user does not hold up other writers.
        if not sys.stdin.isatty():
            raise Invalid(_("removing needs --yes when not run at a terminal"))
        records = store.read()
        names = ", ".join(
            f"{a.id} ({a.recipient})" for a in (find_award(records, i) for i in wanted)
        )
        if not confirm(_("Remove {awards}?").format(awards=names)):
            render.info(_("nothing removed"))
            raise typer.Exit(1)
    with store.transaction() as tx:
        doomed = [find_award(tx, award_id) for award_id in wanted]
        tx.remove_awards([a.id for a in doomed])
    render.info(_("removed {count} award(s)").format(count=len(doomed)))


@with_filters
def awards_tally(
    ctx: typer.Context,
    by: Annotated[
        list[str] | None, typer.Option("--by", help=f"{spoken(DIMENSIONS)}; repeatable.")
    ] = None,
    filters: "Filters" = None,  # type: ignore[assignment]
    fmt: FormatOption = None,
    output: OutputOption = None,
    include_revoked: Annotated[
        bool, typer.Option("--include-revoked", help="Count revoked awards too.")
    ] = False,
    chart: Annotated[
        bool, typer.Option("--chart", help="Bars instead of a table (one or two --by).")
    ] = False,
) -> None:
    """Count recipients by the dimensions given.

    No --by means --by phase --by form. One --by gives counts and shares; two a cross-tab;
    more, grouped rows. JSON, CSV and TSV give one row per group, for scripts; xlsx a sheet
    with a bar chart of it.
    """
    from awards.domain.records import field_values
    from awards.query.filters import chosen_records
    from awards.query.tally import counted_fields, parse_dimensions, tally, tally_chart, tally_rows

    dims = parse_dimensions(by)
    # Only what the tally counts and the filters read: a third of the time and memory.
    fields = {*counted_fields(dims), "count", "revoked_decision"} | filters.fields()
    records = settings(ctx).store().read(fields=frozenset(fields))
    chosen = chosen_records(records, filters)
    if not include_revoked and any(field_values(chosen, "revoked_decision")):
        chosen = [record for record in chosen if record.get("revoked_decision") is None]
    result = tally(chosen, dims, records.phases, records.issuers)
    if chart:
        if fmt is not None or output is not None:
            raise Invalid(_("--chart draws on the screen; leave out --format and --output"))
        render.draw_chart(tally_chart(result))
        return
    render.emit(tally_rows(result), fmt, output)
