"""The report commands: a phase's review, a year's awards, in Vietnamese or English."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from awards import i18n, render
from awards.commands.common import (
    Language,
    OutputOption,
    format_option,
    option,
    settings,
    with_options,
)
from awards.commands.translation import Commands
from awards.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from awards.domain.records import Award
    from awards.grid import Form
    from awards.reports.review import Report
    from awards.store import Records

app = typer.Typer(
    cls=Commands,
    help="Reports: a phase's review, a year, a decision's list, forms 0601, 0602 and 0603.",
    no_args_is_help=True,
)


LangOption = Annotated[
    Language | None,
    typer.Option("--lang", help="vi or en (default: the language of awards --lang, else vi)."),
]
ReportFormatOption = Annotated[
    str | None, format_option("markdown, text or docx (default: from --output, else markdown).")
]
FormFormatOption = Annotated[
    str | None, format_option("table, markdown, text or xlsx (default: from --output, else table).")
]
YearOption = Annotated[int, typer.Option("--year", help="The year the form reports.")]
# Who files a form and with whom, given to each form's command.
with_filing = with_options({
    "reporting": option("--reporting-unit", "Đơn vị báo cáo (default: the office settings')."),
    "receiving": option("--receiving-unit",
                        "Đơn vị nhận báo cáo (default: the office settings')."),
}, "filed")  # fmt: skip
# What a report as a document carries, given to the phase and year reports.
with_document = with_options({
    "number": option("--number", "The document's number and symbol (15/BC-CAT), for docx."),
    "place": option("--place", "The place before the date (default: the office settings')."),
    "signers": option("--signer", "Who signs, as 'Name, Title' (default: the office settings', "
                      "else the phase's); repeatable, two for a joint report.", list[str] | None),
}, "document")  # fmt: skip


@app.command("phase")
@with_document
def report_phase(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE", help="The phase code.")],
    lang: LangOption = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
    document: dict[str, Any] = None,  # type: ignore[assignment]  # with_document's options
) -> None:
    """The review of a phase, in the usual words.

    Program, signers, the commendation sentence, and tables. As docx, a document laid out as
    Nghị định 30/2020/NĐ-CP lays one out: the parties as issuing bodies, the national name and
    motto, number, place and date, BÁO CÁO and its summary, the signers' blocks.
    """
    from awards.domain.build import find_phase
    from awards.reports.review import phase_report

    # Read whole: a phase holds a large part of a register (one of two or three), which is read
    # faster whole than chosen by phase first; its parts are chosen from as they are read, and
    # never joined into one table.
    records = settings(ctx).store().read(lazily=True)
    phase = find_phase(code, records.phases)
    awards = _awards_of(records, phase=phase.code)
    report = phase_report(phase, awards, records.phases, records.issuers, _report_language(lang))
    render.emit(_as_document(report, records, document), fmt, output)


@app.command("decision")
def report_decision(
    ctx: typer.Context,
    number: Annotated[str, typer.Argument(metavar="NUMBER", help="The decision number.")],
    year: Annotated[int | None, typer.Option(
        "--year", help="The decision's year, where the number names several.")] = None,
    issuer: Annotated[str | None, typer.Option(
        "--issuer", help="Who issued it, where the number names several.")] = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
) -> None:  # fmt: skip
    """The list attached to a decision.

    "Danh sách … kèm theo Quyết định số …": its recipients by form, in sections I. Tập thể,
    II. Cá nhân, numbered in each, with their position and unit; as docx, on A4 in Times New
    Roman, ready to attach. Each issuer numbers its decisions afresh every year (Nghị định
    30/2020/NĐ-CP, Điều 15): where NUMBER names several, --year and --issuer choose one.
    """
    from awards.reports.review import decision_list

    records = settings(ctx).store().read()
    render.emit(decision_list(number, records.awards, year, issuer), fmt, output)


@app.command("year")
@with_document
def report_year(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(metavar="YEAR", help="The calendar year.")],
    lang: LangOption = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
    document: dict[str, Any] = None,  # type: ignore[assignment]  # with_document's options
) -> None:
    """The awards of one calendar year, as a report."""
    from awards.domain.values import parse_year
    from awards.reports.review import year_report

    records = _read(ctx, year=year)
    year = parse_year(year)
    awards = _awards_of(records, year=year)
    report = year_report(year, awards, records.phases, records.issuers, _report_language(lang))
    render.emit(_as_document(report, records, document), fmt, output)


@app.command("0601")
@with_filing
def report_0601(
    ctx: typer.Context,
    year: YearOption,
    fmt: FormFormatOption = None,
    output: OutputOption = None,
    filed: dict[str, str | None] = None,  # type: ignore[assignment]  # with_filing's options
) -> None:
    """The statistical form 0601: the programs running in a year.

    Biểu số 0601.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV), "Số phong trào thi đua": by scope, by
    duration and by kind, in columns by the level that hosts them. A phase needs --host,
    --scope and --movement (phase add, phase edit); one without them is left out, and named.
    """
    from awards.domain.values import parse_year
    from awards.reports.forms import form_0601

    records = settings(ctx).store().read(fields=frozenset())  # the phases alone
    form = form_0601(records.phases, parse_year(year))
    form.what = _("form 0601")
    _file(form, records, filed["reporting"], filed["receiving"], fmt, output)
    if form.left_out:
        said = _("{count} phase(s) left out of the form: {codes}; set them with `awards phase "
                 "edit CODE --host … --scope … --movement …`")  # fmt: skip
        render.info(said.format(count=len(form.left_out), codes=", ".join(map(str, form.left_out))))
    render.emit(form, fmt, output)


class Proposer(StrEnum):
    ministry = "ministry"
    province = "province"


@app.command("0602")
@with_filing
def report_0602(
    ctx: typer.Context,
    year: YearOption,
    proposer: Annotated[
        Proposer | None,
        typer.Option("--proposer", help="Who proposed the awards to the Prime Minister: ministry "
                     "(a ministry or central body) or province; fills rows 02–03."),
    ] = None,
    fmt: FormFormatOption = None,
    output: OutputOption = None,
    filed: dict[str, str | None] = None,  # type: ignore[assignment]  # with_filing's options
) -> None:  # fmt: skip
    """The statistical form 0602 for a year: awards of the state.

    Biểu số 0602.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): the President's orders, medals and
    honours, the prizes, the Government's Cờ thi đua, the Prime Minister's Bằng khen and
    Chiến sĩ thi đua toàn quốc, by who proposed them, by recipient and by method; a column
    for each order, medal and honour given that year.

    An award the form cannot place (an individual without --category, any award without
    --method) is left out, named on stderr with the command that classifies it.
    """
    from awards.reports.forms import form_0602

    def make(awards: "list[Award]", records: "Records", year: int) -> "Form":
        return form_0602(awards, records.issuers, year, records.catalogue,
                         proposer.value if proposer else None)  # fmt: skip

    empty = _("rows 02–03 are left empty; --proposer ministry or province fills them")
    _awards_form(ctx, year, make, _("form 0602"), filed, fmt, output,
                 note=None if proposer else empty)  # fmt: skip


@app.command("0603")
@with_filing
def report_0603(
    ctx: typer.Context,
    year: YearOption,
    fmt: FormFormatOption = None,
    output: OutputOption = None,
    filed: dict[str, str | None] = None,  # type: ignore[assignment]  # with_filing's options
) -> None:
    """The statistical form 0603 for a year.

    Biểu số 0603.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): awards of ministries and provinces, by
    recipient and by method, as the state lays the form out.

    An award the form cannot place (an individual without --category, any award without
    --method) is left out, named on stderr with the command that classifies it.
    """
    from awards.reports.forms import form_0603

    def make(awards: "list[Award]", records: "Records", year: int) -> "Form":
        return form_0603(awards, records.issuers, year, records.catalogue)

    _awards_form(ctx, year, make, _("form 0603"), filed, fmt, output)


def _awards_form(
    ctx: typer.Context, year: int, make: "Callable[[list[Award], Records, int], Form]",
    what: str, filed: dict[str, str | None], fmt: str | None, output: str | None,
    note: str | None = None
) -> None:  # fmt: skip
    """A form of awards (0602, 0603) for ``year``, made by ``make`` from the year's awards and
    filed: the units from the options or the office settings, the awards it leaves out named
    on stderr with ``note``, then the form in its format."""
    from awards.domain.values import parse_year

    records = _read(ctx, year=year)
    year = parse_year(year)
    form = make(_awards_of(records, year=year), records, year)
    form.what = what
    _file(form, records, filed["reporting"], filed["receiving"], fmt, output)
    if form.left_out:
        shown = ", ".join(map(str, form.left_out[:20])) + (", …" if len(form.left_out) > 20 else "")
        said = _("{count} award(s) left out of the form, not classified: {ids}; set them with "
                 "`awards edit ID --category … --method …`")  # fmt: skip
        render.info(said.format(count=len(form.left_out), ids=shown))
    if note:
        render.info(note)
    render.emit(form, fmt, output)


def _read(ctx: typer.Context, **given: Any) -> "Records":
    """The register, reading of every award only what chooses those of a report or form (a
    year's: a small part of a register), which ``_awards_of`` then reads whole."""
    from awards.query.filters import Filters

    return settings(ctx).store().read(fields=Filters(**given).fields())


def _awards_of(records: "Records", **given: Any) -> "list[Award]":
    """The awards a report or form is about (a phase's, a year's), made from the stored
    records that match: those of other phases and years are never built."""
    from awards.query.filters import Filters, chosen_awards

    return chosen_awards(records, Filters(**given))


def _as_document(report: "Report", records: "Records", given: dict[str, Any]) -> "Report":
    """The report with what its document carries: the options, else the office settings (its
    bodies, each under the one above it; its place; its signers), else the report's own."""
    office = records.office
    report.number = given["number"]
    report.place = given["place"] or (office.place if office else None)
    if office is not None and office.unit:
        report.bodies = [(office.parent, office.unit)]
        if office.partner:
            report.bodies.append((office.partner_parent, office.partner))
    if given["signers"]:
        report.signers = [cleaned for s in given["signers"] if (cleaned := " ".join(s.split()))]
    elif office is not None and office.signers:
        report.signers = list(office.signers)
    return report


def _file(
    form: "Form", records: "Records", reporting: str | None, receiving: str | None,
    fmt: str | None, output: str | None
) -> None:  # fmt: skip
    """Who files the form and with whom: the options, else the office settings; and a format
    the form cannot be written in is said before anything else."""
    from awards.domain.values import parse_optional_text

    office = records.office
    form.reporting = parse_optional_text(reporting) or (office.reporting_unit if office else None)
    form.receiving = parse_optional_text(receiving) or (office.receiving_unit if office else None)
    render.choose_format(form.formats, fmt, output)


def _report_language(given: Language | None) -> str:
    """The report's own --lang, else the one asked of awards, else Vietnamese: the reports
    this tool writes are filed in Vietnamese."""
    return given.value if given is not None else (i18n.asked or "vi")
