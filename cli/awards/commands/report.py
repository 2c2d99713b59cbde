"""The report commands: a phase's review, a year's awards, in Vietnamese or English."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from awards import i18n, render
from awards.commands.common import Language, settings
from awards.errors import Invalid
from awards.i18n import _

if TYPE_CHECKING:  # the report module loads only when a report is made
    from awards.report import Report

app = typer.Typer(help="Reports: a phase's review, a year, form 0603.")


class ReportFormat(StrEnum):
    markdown = "markdown"
    text = "text"
    docx = "docx"


LangOption = Annotated[
    Language | None,
    typer.Option("--lang", help="vi or en (default: the language of awards --lang, else vi)."),
]
ReportFormatOption = Annotated[
    ReportFormat, typer.Option("--format", "-f", help="markdown, text or docx (Word).")
]
OutputOption = Annotated[
    str | None, typer.Option("--output", "-o", help="Write to this file (docx needs one).")
]


@app.command("phase")
def report_phase(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE", help="The phase code.")],
    lang: LangOption = None,
    fmt: ReportFormatOption = ReportFormat.markdown,
    output: OutputOption = None,
) -> None:
    """The review of a phase, in the usual words.

    Program, signers, the commendation sentence, and tables.
    """
    from awards.model import find_phase
    from awards.report import phase_report

    records = settings(ctx).store().read()
    phase = find_phase(code, records.phases)
    report = phase_report(
        phase, records.awards, records.phases, records.issuers, _report_language(lang)
    )
    _emit(report, fmt, output)


@app.command("year")
def report_year(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(metavar="YEAR", help="The calendar year.")],
    lang: LangOption = None,
    fmt: ReportFormatOption = ReportFormat.markdown,
    output: OutputOption = None,
) -> None:
    """The awards of one calendar year, as a report."""
    from awards.model import parse_year
    from awards.report import year_report

    records = settings(ctx).store().read()
    report = year_report(
        parse_year(year), records.awards, records.phases, records.issuers, _report_language(lang)
    )
    _emit(report, fmt, output)


class FormFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    xlsx = "xlsx"


@app.command("0603")
def report_0603(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help="The year the form reports.")],
    fmt: Annotated[
        FormFormat, typer.Option("--format", "-f", help="table, markdown or xlsx.")
    ] = FormFormat.table,
    output: OutputOption = None,
) -> None:
    """The statistical form 0603 for a year.

    Biểu số 0603.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): awards by recipient and by method.

    Set --method and --category on awards (add, edit, import) to fill its rows; the rest are
    counted as not classified, so every block adds up to the total.
    """
    from awards.model import parse_year
    from awards.outfile import write_output
    from awards.report import form_0603

    records = settings(ctx).store().read()
    grid = form_0603(records.awards, records.issuers, parse_year(year))
    if fmt is FormFormat.xlsx:
        from awards import workbook

        write_output(output or "-", workbook.form_0603_workbook(grid, year), binary=True)
        if output is not None:
            render.info(_("wrote form 0603 to {path}").format(path=output))
        return
    if output is None:
        render.emit(fmt.value, grid, [], [])
        return
    write_output(output, render.to_text(fmt.value, grid, [], []).encode())
    render.info(_("wrote form 0603 to {path}").format(path=output))


def _emit(report: "Report", fmt: ReportFormat, output: str | None) -> None:
    from awards.outfile import write_output

    if fmt is ReportFormat.docx:
        from awards.document import report_document

        if output is None:
            raise Invalid(_("a Word document needs --output FILE"))
        write_output(output, report_document(report), binary=True)
        render.info(_("wrote the report to {path}").format(path=output))
        return
    content = render.report_markdown(report) if fmt is ReportFormat.markdown else (
        render.report_text(report))  # fmt: skip
    if output is None:
        render.write_text(content)
    else:
        write_output(output, content.encode())
        render.info(_("wrote the report to {path}").format(path=output))


def _report_language(given: Language | None) -> str:
    """The report's own --lang, else the one asked of awards, else Vietnamese: the reports
    this tool writes are filed in Vietnamese."""
    return given.value if given is not None else (i18n.asked or "vi")
