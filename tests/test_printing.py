"""What an officer prints: the forms and the review, turned into PDF by LibreOffice as an office
would print them, where LibreOffice is installed (it is not a dependency of awards)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_form_0602 import crafted

Ok = Callable[..., str]
SAMPLE = str(Path(__file__).resolve().parent.parent / "data" / "sample.json")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
A4 = (595.3, 841.9)  # points, portrait

pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed; the printed pages are checked where it is "
    "(Debian: apt install libreoffice-calc libreoffice-writer)",
)


def printed(files: list[Path], folder: Path) -> dict[str, list[tuple[float, float]]]:
    """Each file's pages as LibreOffice prints them to PDF: their sizes in points."""
    assert SOFFICE is not None
    env = {**os.environ, "HOME": str(folder)}  # LibreOffice keeps its profile under HOME
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    *map(str, files)], env=env, capture_output=True, timeout=300, check=True)  # fmt: skip
    pages = {}
    for file in files:
        pdf = file.with_suffix(".pdf").read_bytes()
        boxes = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf,
                           re.DOTALL)  # fmt: skip
        pages[file.name] = [(round(float(w), 1), round(float(h), 1)) for w, h in boxes]
    return pages


def test_the_forms_print_on_one_landscape_page_and_the_review_on_a4(ok: Ok, tmp_path: Path) -> None:
    """The forms print on A4 in landscape, one page across: form 0603 of 2023 and form 0602 with
    a column for each of the orders and honours given, on one page each; 0601 and 0603 of 2018, longer, on pages of the same size (a form is
    fitted to the width of a page, not to its height). The review of 2014–2018 prints on A4
    portrait pages."""
    files = [tmp_path / "0603.xlsx", tmp_path / "0601.xlsx", tmp_path / "0603-2018.xlsx",
             tmp_path / "review.docx", tmp_path / "0602.xlsx"]  # fmt: skip
    crafted(ok)  # orders, honours, prizes and the Prime Minister's awards, in the test's file
    ok(["report", "0602", "--year", "2023", "--proposer", "province", "-o", str(files[4])])
    ok(["--db", SAMPLE, "report", "0603", "--year", "2023", "-o", str(files[0])])
    ok(["--db", SAMPLE, "report", "0601", "--year", "2023", "-o", str(files[1])])
    ok(["--db", SAMPLE, "report", "0603", "--year", "2018", "-o", str(files[2])])
    ok(["--db", SAMPLE, "report", "phase", "2014-2018", "-o", str(files[3])])
    pages = printed(files, tmp_path)
    landscape = (A4[1], A4[0])
    assert pages["0603.xlsx"] == [landscape]
    assert pages["0602.xlsx"] == [landscape]
    assert pages["0601.xlsx"] and set(pages["0601.xlsx"]) == {landscape}
    assert pages["0603-2018.xlsx"] and set(pages["0603-2018.xlsx"]) == {landscape}
    assert pages["review.docx"] and set(pages["review.docx"]) == {A4}
