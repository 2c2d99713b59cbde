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
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from awards.grid import Cell, Grid
from awards.render.text import chunked
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
    rows_later: list[Iterator[bytes]] = []  # each table's rows, written when the file is
    if report.attached:  # a list attached to a decision: its title and the decision it goes with
        _paragraph(document, align="center").add_run(safe(report.title)).bold = True
        _paragraph(document, align="center").add_run(safe(report.paragraph)).italic = True
        for title, grid in report.tables:
            if title:
                _paragraph(document).add_run(safe(title)).bold = True
            _table(document, grid, rows_later)
        _page_numbers(section)
        return _saved(document, rows_later)
    _header_block(document, report, report.number, report.place, today)
    _page_numbers(section)
    for label, value in report.facts:
        line = _paragraph(document, indent=True)
        line.add_run(f"{safe(label)}: ").bold = True
        line.add_run(safe(value))
    _paragraph(document, indent=True).add_run(safe(report.paragraph))
    for title, grid in report.tables:
        _paragraph(document).add_run(safe(title)).bold = True
        _table(document, grid, rows_later)
    _closing(document, report)
    properties = document.core_properties
    properties.author = "; ".join(body for _above, body in report.bodies)
    properties.title = report.summary or report.title
    properties.language = "vi-VN"
    properties.created = properties.modified = dt.datetime.combine(today, dt.time())
    properties.last_modified_by = properties.author
    return _saved(document, rows_later)


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


def _table(document: Any, grid: Grid, rows_later: list[Iterator[bytes]]) -> None:
    """A table whose columns are as wide as their content asks, within the text's width.

    Two rows are made through python-docx, a plain one and a bold one, each cell with its width
    and a run in 12 pt. The table's rows are copies of them written as text into the document
    when it is saved (``_saved``): a list of 46,000 names as python-docx elements took 1 GB and
    6 s, where python-docx also finds each cell by walking the rows before it."""
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt

    rows = [*grid.rows, *([grid.total] if grid.total is not None else [])]
    table = document.add_table(rows=2, cols=len(grid.columns))
    table.style = "Table Grid"
    table.autofit = False
    widths = _widths(grid.columns, rows, 165)
    for template, strong in zip(table.rows, (False, True), strict=True):
        for index, (cell, width) in enumerate(zip(template.cells, widths, strict=True)):
            cell.width = Mm(width)
            run = cell.paragraphs[0].add_run(f"{_SLOT}{index}{_SLOT}")
            run.bold = strong
            run.font.size = Pt(12)
    templates = [row._tr for row in table.rows]
    plain, bold = (_pieces(template.xml) for template in templates)
    for template in templates:
        table._tbl.remove(template)
    marker = OxmlElement("w:tr")  # replaced by the rows when the document is saved
    marker.text = f"{_SLOT}{len(rows_later)}"
    table._tbl.append(marker)
    total = [grid.total] if grid.total is not None else []
    rows_later.append(
        itertools.chain(_rows(bold, [grid.columns]), _rows(plain, grid.rows), _rows(bold, total))
    )


_SLOT = "\ue000"  # a private character marks where a cell's text, or a table's rows, go
_TEXT = re.compile(f"<w:t>{_SLOT}(\\d+){_SLOT}</w:t>")


def _pieces(xml: str) -> list[str]:
    """A template row as text around its cells' texts: the XML between the elements (python-
    docx prints it indented) left out, the namespace declared once in the document."""
    xml = re.sub(r">\s+<", "><", xml.strip())
    xml = re.sub(r' xmlns:\w+="[^"]*"', "", xml)
    return _TEXT.split(xml)[::2]


def _rows(pieces: list[str], rows: Sequence[Sequence[Cell]]) -> Iterator[bytes]:
    """Table rows' XML in UTF-8, a few hundred rows to each part: each cell's text between the
    template's pieces. Rows of one-line printable texts, none with a space at either end (a
    register's values are stored so), are escaped and encoded in one pass, and the rows made
    as bytes: the XML around the texts, nine tenths of it, is never encoded. Any others go
    cell by cell through ``_text``."""
    form = "%s".join(piece.replace("%", "%%") for piece in pieces).encode("utf-8")
    for part in chunked(rows, _PART):
        texts = ["" if value is None else str(value) for row in part for value in row]
        joined = "\0".join(texts)
        if "".join(texts).isprintable() and not _edge_space(joined):  # so no text holds a \0
            encoded = _escape(joined).encode("utf-8").split(b"\0")
            cells = [b"<w:t>%s</w:t>" % text if text else b"" for text in encoded]
        else:
            cells = [_text(safe(text)).encode("utf-8") for text in texts]
        yield (form * len(part)) % tuple(cells)


# Rows to each part: a few hundred, as compressing row by row cost more than making the rows.
_PART = 500


def _edge_space(joined: str) -> bool:
    """Whether a text of cells joined by \\0 has a space at either end of one, which Word would
    drop unless kept."""
    return joined[:1] == " " or joined[-1:] == " " or " \0" in joined or "\0 " in joined


def _escape(text: str) -> str:
    """Text as XML holds it: &, < and > as entities."""
    from xml.sax.saxutils import escape

    return escape(text)


def _text(text: str) -> str:
    """A cell's text as the runs of Word hold it: a w:br at each line break, a space at either
    end of a line kept (Word would drop it)."""
    parts = []
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append("<w:br/>")
        if line:
            space = ' xml:space="preserve"' if line != line.strip() else ""
            parts.append(f"<w:t{space}>{_escape(line)}</w:t>")
    return "".join(parts)


def _saved(document: Any, rows_later: list[Iterator[bytes]]) -> bytes:
    """The document as a file, each table's rows written where its marker stands, a part at a
    time into the compressed file, so that a long list is never held as elements or whole text.
    The document's text is compressed at zlib's fastest level: its rows repeat the same XML
    around each text, which that level packs almost as tightly (a list of 46,000 names: 1.7 MB
    against 1.2 MB at the default level) in a third of the time."""
    import zipfile

    buffer = io.BytesIO()
    document.save(buffer)
    if not rows_later:
        return buffer.getvalue()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item, source.read(item))
                continue
            xml = source.read(item).decode("utf-8")
            with target.open(item.filename, "w") as stream:  # at this file's level
                parts = re.split(f"<w:tr>{_SLOT}(\\d+)</w:tr>", xml)
                stream.write(parts[0].encode("utf-8"))
                for index, after in zip(parts[1::2], parts[2::2], strict=True):
                    for part in rows_later[int(index)]:
                        stream.write(part)
                    stream.write(after.encode("utf-8"))
    return out.getvalue()


def _widths(columns: Sequence[str], rows: Sequence[Sequence[Cell]], total: float) -> list[float]:
    """Each column's share of ``total`` mm by the longest word or value it holds, so that a
    number column is narrow and a name column takes what is left. Each column's different
    values are measured, once each."""
    values = zip(*rows, strict=True) if rows else ([] for _column in columns)  # by column
    longest = [
        max(max(map(len, str(column).split()), default=1),
            max(map(len, map(str, set(held) - {None})), default=1))
        for column, held in zip(columns, values, strict=True)
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
