"""Word documents (.docx) through python-docx: the review report, laid out as Nghị định
30/2020/NĐ-CP lays out an administrative document, so that it can be signed as it is.

A4, the decree's margins (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 13–14;
the issuing bodies (two side by side for a joint report of the Police and the Labour Federation)
beside the national name and motto; the number, the place and date; "BÁO CÁO" and its summary in
capitals; the body; the tables with widths that fit their content; "Nơi nhận" and the signature
blocks; page numbers from the second page; the language vi-VN; the document's properties.

The only module that imports python-docx, and only when a document is written.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from awards.grid import Cell, Grid
from awards.reports.review import Report
from awards.text import safe

FONT = "Times New Roman"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def report_document(report: Report, today: dt.date | None = None) -> bytes:
    """The report as a document ready to sign: see the module's description."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    today = today or dt.date.today()
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    _defaults(document, Pt(13))
    if report.attached:  # a list attached to a decision: its title and the decision it goes with
        _paragraph(document, align="center").add_run(safe(report.title)).bold = True
        _paragraph(document, align="center").add_run(safe(report.paragraph)).italic = True
        for title, grid in report.tables:
            if title:
                _paragraph(document).add_run(safe(title)).bold = True
            _table(document, grid)
        _page_numbers(section)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    _header_block(document, report, report.number, report.place, today)
    _page_numbers(section)
    for label, value in report.facts:
        line = _paragraph(document, indent=True)
        line.add_run(f"{safe(label)}: ").bold = True
        line.add_run(safe(value))
    _paragraph(document, indent=True).add_run(safe(report.paragraph))
    for title, grid in report.tables:
        _paragraph(document).add_run(safe(title)).bold = True
        _table(document, grid)
    _closing(document, report)
    properties = document.core_properties
    properties.author = "; ".join(body for _above, body in report.bodies)
    properties.title = report.summary or report.title
    properties.language = "vi-VN"
    properties.created = properties.modified = dt.datetime.combine(today, dt.time())
    properties.last_modified_by = properties.author
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _defaults(document: Any, size: Any) -> None:
    """Times New Roman for every script (East Asian too, or Word falls back), vi-VN."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, size
    properties = style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.append(fonts)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    properties.append(language)


def _paragraph(document: Any, *, indent: bool = False, align: str = "justify") -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center":
                           WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                           "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]  # fmt: skip
    paragraph.paragraph_format.space_after = Pt(6)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
    return paragraph


def _header_block(
    document: Any, report: Report, number: str | None, place: str | None, today: dt.date
) -> None:
    """The bodies on the left (each above its line), the nation and motto on the right; under
    them the number, and the place and date; then BÁO CÁO and the summary."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    bodies: list[tuple[str | None, str]] = report.bodies[:2] or [(None, "…")]
    table = document.add_table(rows=2, cols=len(bodies) + 1)
    widths = [Mm(50)] * len(bodies) + [Mm(165 - 50 * len(bodies))]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for cell, (above, body) in zip(table.rows[0].cells, bodies, strict=False):
        if above:  # the body above: capitals, not bold; the issuing body under it, bold
            _cell_text(cell, safe(above).upper(), size=Pt(12))
        _cell_text(cell, safe(body).upper(), bold=True, size=Pt(12), new=bool(above))
        _cell_text(cell, "_______", size=Pt(12), new=True)
    nation = table.rows[0].cells[-1]
    _cell_text(nation, NATION, bold=True, size=Pt(12))
    _cell_text(nation, MOTTO, bold=True, size=Pt(13), new=True)
    _cell_text(nation, "_______________________", size=Pt(13), new=True)
    _cell_text(table.rows[1].cells[0], f"Số: {safe(number) if number else '…/BC'}", size=Pt(13))
    where = f"{safe(place) if place else '…'}, ngày {today.day:02d} tháng {today.month:02d} "
    _cell_text(table.rows[1].cells[-1], f"{where}năm {today.year}", italic=True, size=Pt(13))
    title = _paragraph(document, align="center")
    title.paragraph_format.space_before = Pt(12)
    title.add_run("BÁO CÁO").bold = True
    summary = _paragraph(document, align="center")
    summary.add_run(safe(report.summary or report.title)).bold = True
    summary.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _cell_text(
    cell: Any, value: str, *, bold: bool = False, italic: bool = False, size: Any = None,
    new: bool = False
) -> None:  # fmt: skip
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell.add_paragraph() if new else cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(value)
    run.bold, run.italic = bold, italic
    if size is not None:
        run.font.size = size


def _page_numbers(section: Any) -> None:
    """A page number centred at the top of every page but the first."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _table(document: Any, grid: Grid) -> None:
    """A table whose columns are as wide as their content asks, within the text's width.

    Two rows are made through python-docx, a plain one and a bold one, each cell with its width
    and a run in 12 pt; every row of the table is a copy of one of them with its texts put in.
    Asking python-docx for each cell in turn costs time that grows with the table (it finds a
    cell by walking the rows before it): 8 s for a report of 10,000 awards, where copying takes
    a fraction of a second."""
    import copy

    from docx.shared import Mm, Pt

    rows = [*grid.rows, *([grid.total] if grid.total is not None else [])]
    table = document.add_table(rows=2, cols=len(grid.columns))
    table.style = "Table Grid"
    table.autofit = False
    for template, bold in zip(table.rows, (False, True), strict=True):
        for cell, width in zip(template.cells, _widths(grid.columns, rows, 165), strict=True):
            cell.width = Mm(width)
            run = cell.paragraphs[0].add_run()
            run.bold = bold
            run.font.size = Pt(12)
    plain, bold = (row._tr for row in table.rows)
    body = table._tbl
    body.remove(plain)
    body.remove(bold)
    rows_of: list[tuple[Sequence[Cell], Any]] = [(grid.columns, bold)]
    rows_of += [(row, plain) for row in grid.rows]
    rows_of += [(grid.total, bold)] if grid.total is not None else []
    for values, template in rows_of:
        row = copy.deepcopy(template)
        for run, value in zip(row.iter(_RUN), values, strict=True):
            _put_text(run, "" if value is None else safe(str(value)))
        body.append(row)


_RUN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"


def _put_text(run: Any, text: str) -> None:
    """``text`` into an empty run, a line break (w:br) where it has one."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        if line:
            element = OxmlElement("w:t")
            if line != line.strip():  # Word drops a space at either end unless told to keep it
                element.set(qn("xml:space"), "preserve")
            element.text = line
            run.append(element)


def _widths(columns: Sequence[str], rows: Sequence[Sequence[Cell]], total: float) -> list[float]:
    """Each column's share of ``total`` mm by the longest word or value it holds, so that a
    number column is narrow and a name column takes what is left."""
    longest = [
        max([max((len(w) for w in str(column).split()), default=1),
             *(len(str(row[i])) if row[i] is not None else 1 for row in rows)])
        for i, column in enumerate(columns)
    ]  # fmt: skip
    weights = [min(max(n, 3), 40) for n in longest]
    return [total * weight / sum(weights) for weight in weights]


def _closing(document: Any, report: Report) -> None:
    """ "Nơi nhận" on the left; a signature block for each signer on the right (both parties
    of a joint report), the title in capitals above room for the signature and the name."""
    from docx.shared import Pt

    signers = report.signers[:2] or ["…"]
    table = document.add_table(rows=1, cols=1 + len(signers))
    receivers = table.rows[0].cells[0]
    paragraph = receivers.paragraphs[0]
    run = paragraph.add_run("Nơi nhận:")
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    for line in ("- Như trên;", "- Lưu: VT."):
        receivers.add_paragraph().add_run(line).font.size = Pt(11)
    for cell, signer in zip(table.rows[0].cells[1:], signers, strict=True):
        name, _, title = safe(signer).rpartition(", ")
        name, title = (name, title) if name else ("", title)
        _cell_text(cell, title.upper(), bold=True, size=Pt(13))
        for _line in range(4):
            _cell_text(cell, "", new=True)
        _cell_text(cell, name, bold=True, size=Pt(13), new=True)
