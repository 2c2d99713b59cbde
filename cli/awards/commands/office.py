"""The office commands: who keeps the register, as its documents and forms name it."""

from typing import Any

import typer

from awards import render
from awards.commands.common import ShowFormatOption, option, settings, with_options
from awards.commands.translation import Commands
from awards.i18n import _

app = typer.Typer(cls=Commands, help=(
    "The office: the unit, its partner, place and signers that documents and forms name."),
    no_args_is_help=True)  # fmt: skip

with_office_options = with_options({
    "unit": option("--unit", "The unit that keeps the register (Công an tỉnh Thanh Hóa)."),
    "parent": option("--parent", "The body above it (Bộ Công an)."),
    "partner": option("--partner", "The partner of a joint program (Liên đoàn Lao động tỉnh)."),
    "partner_parent": option("--partner-parent", "The body above the partner."),
    "place": option("--place", "Where documents are dated (Thanh Hóa)."),
    "signers": option("--signer", "Who signs, as 'Name, Title'; repeatable, replaces the "
                      "list.", list[str] | None),
    "reporting_unit": option("--reporting-unit", "Đơn vị báo cáo of the statistical forms."),
    "receiving_unit": option("--receiving-unit", "Đơn vị nhận báo cáo of the forms."),
}, "given")  # fmt: skip


@app.command("show")
def office_show(ctx: typer.Context, fmt: ShowFormatOption = None) -> None:
    """Show the office settings."""
    from awards.query.listing import office_detail

    render.emit(office_detail(settings(ctx).store().read(fields=frozenset()).office), fmt)


@app.command("set")
@with_office_options
def office_set(
    ctx: typer.Context,
    given: dict[str, Any] = None,  # type: ignore[assignment]  # the options with_office_options adds
) -> None:
    """Set the office settings: give what changes; '' clears one.

    Every document and form uses them: the report's issuing bodies, place and signers, and
    form 0603's reporting and receiving units, unless its options say otherwise.
    """
    from awards.domain.build import build_office

    with settings(ctx).store().transaction() as tx:
        office = build_office(given, tx.office)
        if office != tx.office:
            tx.set_office(office)
    render.info(_("office settings saved"))
