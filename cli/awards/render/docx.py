"""Word documents (.docx) through python-docx: the review report, where it ends up.

The only module that imports python-docx, and only when a document is written.
"""

from __future__ import annotations

import io
from typing import Any

from awards.grid import Cell
from awards.reports.review import Report
from awards.text import safe


def report_document(report: Report) -> bytes:
    """A heading, the facts, the commendation paragraph, and each table with a bold header."""
    from docx import Document

    document = Document()
    document.add_heading(safe(report.title), level=1)
    for label, value in report.facts:
        line = document.add_paragraph()
        line.add_run(f"{safe(label)}: ").bold = True
        line.add_run(safe(value))
    document.add_paragraph(safe(report.paragraph))
    for title, grid in report.tables:
        document.add_heading(safe(title), level=2)
        rows = [*grid.rows, *([grid.total] if grid.total is not None else [])]
        table = document.add_table(rows=len(rows) + 1, cols=len(grid.columns))
        table.style = "Table Grid"
        _fill(table.rows[0].cells, grid.columns, bold=True)
        for cells, row in zip(table.rows[1:], rows, strict=True):
            _fill(cells.cells, row, bold=row is grid.total)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fill(cells: Any, values: list[Cell] | list[str], *, bold: bool) -> None:
    for cell, value in zip(cells, values, strict=True):
        run = cell.paragraphs[0].add_run("" if value is None else safe(str(value)))
        run.bold = bold
