"""Phase commands: awards phase add, list, show, edit, remove."""

from typing import Annotated

import typer

from awards import render
from awards.commands.common import FormatOption, OutputOption, ShowFormatOption, completes, settings
from awards.commands.translation import Commands
from awards.errors import Conflict
from awards.i18n import _

app = typer.Typer(
    cls=Commands,
    help="Program phases (giai đoạn): add, list, show, edit, remove.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

CodeArg = Annotated[str, typer.Argument(metavar="CODE", help="Phase code, e.g. 2018-2023.",
                                        autocompletion=completes("phase"))]  # fmt: skip
SignedOnOpt = Annotated[
    str | None, typer.Option("--signed-on", help="Signing date: 2018-06-12 or 12/06/2018.")
]
SignerOpt = Annotated[
    list[str] | None, typer.Option("--signer", help="Who signed; repeat for each.")
]
PartyOpt = Annotated[
    list[str] | None, typer.Option("--party", help="A party to the program; repeatable.")
]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Free text.")]
HostOpt = Annotated[
    str | None,
    typer.Option(
        "--host",
        help=("For form 0601, who launched it: central, ministry-province (bộ, tỉnh) or unit."),
    ),
]
ScopeOpt = Annotated[
    str | None,
    typer.Option(
        "--scope", help=("For form 0601: national, ministry-province, cluster (cụm, khối) or unit.")
    ),
]
MovementOpt = Annotated[str | None, typer.Option("--movement", help=(
    "For form 0601: thematic (chuyên đề) or regular (thường xuyên hàng năm)."))]  # fmt: skip
YearsOpt = Annotated[int | None, typer.Option("--years", help=(
    "How many years the program says it runs, for its review (\"Tổng kết 5 năm\"); 0 clears. "
    "Default: counted from its years, a year it shares with the program's previous phase "
    "counted once."))]  # fmt: skip


@app.command("add")
def phase_add(
    ctx: typer.Context,
    code: CodeArg,
    program: Annotated[str, typer.Option("--program", help="The program's name.")],
    start: Annotated[int, typer.Option("--start", help="First year.")],
    end: Annotated[int, typer.Option("--end", help="Last year.")],
    signed_on: SignedOnOpt = None,
    signers: SignerOpt = None,
    parties: PartyOpt = None,
    note: NoteOpt = None,
    host: HostOpt = None,
    scope: ScopeOpt = None,
    movement: MovementOpt = None,
    years: YearsOpt = None,
) -> None:
    """Add a phase."""
    given = dict(locals())  # the options, by field name
    from awards.domain.build import build_phase

    with settings(ctx).store().transaction() as tx:
        phase = build_phase(given, tx.phases)
        tx.add(phase)
    render.info(_("added phase {code}").format(code=phase.code))


@app.command("list")
def phase_list(ctx: typer.Context, fmt: FormatOption = None, output: OutputOption = None) -> None:
    """List phases in order of their years."""
    from awards.query.listing import PHASE_LIST_READS
    from awards.query.listing import phase_list as phases_listed

    records = settings(ctx).store().read(fields=PHASE_LIST_READS)
    render.emit(phases_listed(records.phases, records.award_rows.values()), fmt, output)


@app.command("show")
def phase_show(ctx: typer.Context, code: CodeArg, fmt: ShowFormatOption = None) -> None:
    """Show a phase, with its awards tallied by form and issuer."""
    from awards.domain.build import find_phase
    from awards.grid import Rows
    from awards.query.listing import phase_detail

    records = settings(ctx).store().read()
    phase = find_phase(code, records.phases)
    shown = phase_detail(phase)
    chosen = render.choose_format(shown.formats, fmt, None)
    render.emit(shown, chosen)
    if chosen == "json":  # the phase alone, for scripts
        return
    awards = [a for a in records.awards if a.phase == phase.code and not a.revoked]
    if awards:
        from awards.query.tally import tally, tally_grid

        title = _("Awards of {code} by form and issuer").format(code=phase.code)
        grid = tally_grid(tally(awards, ("form", "issuer"), records.phases), title)
        render.emit(Rows(grid, []))
    else:
        render.info(_("phase {code} has no awards yet").format(code=phase.code))


@app.command("edit")
def phase_edit(
    ctx: typer.Context,
    code: CodeArg,
    new_code: Annotated[str | None, typer.Option(
        "--code", help="Rename; its awards follow.")] = None,
    program: Annotated[str | None, typer.Option("--program", help="The program's name.")] = None,
    start: Annotated[int | None, typer.Option("--start", help="First year.")] = None,
    end: Annotated[int | None, typer.Option("--end", help="Last year.")] = None,
    signed_on: SignedOnOpt = None,
    signers: Annotated[list[str] | None, typer.Option(
        "--signer", help="Replaces the signers; repeatable.")] = None,
    parties: Annotated[list[str] | None, typer.Option(
        "--party", help="Replaces the parties; repeatable.")] = None,
    note: NoteOpt = None,
    host: HostOpt = None,
    scope: ScopeOpt = None,
    movement: MovementOpt = None,
    years: YearsOpt = None,
) -> None:  # fmt: skip
    """Correct a phase. Refused while it would leave awards outside its years."""
    given = {**locals(), "code": new_code}  # the options; CODE names the phase to edit
    from awards.domain.build import build_phase, find_phase
    from awards.query.listing import phase_detail

    with settings(ctx).store().transaction() as tx:
        before = find_phase(code, tx.phases)
        after = build_phase(given, tx.phases, tx.awards, base=before)
        if after != before:
            tx.replace(before.code, after)
            moved = [a.replaced(phase=after.code) for a in tx.awards if a.phase == before.code]
            if moved and after.code != before.code:
                tx.replace_awards(moved)
    render.emit(phase_detail(after))


@app.command("remove")
def phase_remove(ctx: typer.Context, code: CodeArg) -> None:
    """Remove a phase that no award refers to."""
    from awards.domain.build import find_phase

    with settings(ctx).store().transaction() as tx:
        phase = find_phase(code, tx.phases)
        used = sum(1 for a in tx.awards if a.phase == phase.code)
        if used:
            message = _("phase {code} is used by {count} award(s); move or remove them first")
            raise Conflict(message.format(code=phase.code, count=used))
        tx.remove(phase)
    render.info(_("removed phase {code}").format(code=phase.code))
