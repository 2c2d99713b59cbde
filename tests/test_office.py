"""The office settings: set once, shown, undone, exported; used by the documents and forms."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl

from tests.conftest import Run

Ok = Callable[..., str]
SAMPLE = str(Path(__file__).resolve().parent.parent / "data" / "sample.json")
OFFICE = ["office", "set", "--unit", "Công an tỉnh Thanh Hóa", "--parent", "Bộ Công an",
          "--partner", "Liên đoàn Lao động tỉnh Thanh Hóa", "--partner-parent",
          "Tổng Liên đoàn Lao động Việt Nam", "--place", "Thanh Hóa",
          "--signer", "Nguyễn Văn A, Giám đốc Công an tỉnh",
          "--signer", "Trần Thị B, Chủ tịch LĐLĐ tỉnh",
          "--reporting-unit", "Công an tỉnh Thanh Hóa", "--receiving-unit", "Bộ Công an"]  # fmt: skip


def test_set_show_clear_and_undo(ok: Ok, run: Run) -> None:
    """Set once, shown by office show and by awards alone; '' clears one; undo puts it back."""
    assert run(OFFICE).stderr == "office settings saved\n"
    shown = json.loads(ok("office show -f json"))
    assert (shown["unit"], shown["parent"], shown["signers"]) == (
        "Công an tỉnh Thanh Hóa", "Bộ Công an",
        ["Nguyễn Văn A, Giám đốc Công an tỉnh", "Trần Thị B, Chủ tịch LĐLĐ tỉnh"])  # fmt: skip
    assert json.loads(ok(["office", "show", "-f", "json"]))["place"] == "Thanh Hóa"
    assert "Công an tỉnh Thanh Hóa" in ok([])
    ok(["office", "set", "--place", ""])
    assert json.loads(ok("office show -f json"))["place"] is None
    ok("undo")
    assert json.loads(ok("office show -f json"))["place"] == "Thanh Hóa"


def test_the_documents_and_forms_use_them(ok: Ok, tmp_path: Path) -> None:
    """The review's and the year report's issuing bodies, each under the body above it, place
    and signers; form 0603's reporting and receiving units."""
    db = tmp_path / "register.json"
    db.write_bytes(Path(SAMPLE).read_bytes())
    ok(["--db", str(db), *OFFICE])
    target = tmp_path / "r.docx"
    ok(["--db", str(db), "report", "phase", "2014-2018", "-o", str(target)])
    document = docx.Document(io.BytesIO(target.read_bytes()))
    header = document.tables[0]
    assert [c.text.split("\n")[:2] for c in header.rows[0].cells[:2]] == [
        ["BỘ CÔNG AN", "CÔNG AN TỈNH THANH HÓA"],
        ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA"]]  # fmt: skip
    assert header.rows[1].cells[-1].text.startswith("Thanh Hóa, ngày ")
    closing = document.tables[-1].rows[0].cells
    assert [c.text.split("\n")[-1] for c in closing[1:]] == ["Nguyễn Văn A", "Trần Thị B"]
    year = tmp_path / "y.docx"
    ok(["--db", str(db), "report", "year", "2023", "-o", str(year), "--number", "7/BC-CAT"])
    yearly = docx.Document(io.BytesIO(year.read_bytes()))
    assert yearly.tables[0].rows[0].cells[0].text.split("\n")[:2] == [
        "BỘ CÔNG AN", "CÔNG AN TỈNH THANH HÓA"]  # fmt: skip
    assert yearly.tables[0].rows[1].cells[0].text == "Số: 7/BC-CAT"
    assert [p.text for p in yearly.paragraphs[:2]] == ["BÁO CÁO", "Báo cáo khen thưởng năm 2023"]
    form = tmp_path / "f.xlsx"
    ok(["--db", str(db), "report", "0603", "--year", "2023", "-o", str(form)])
    sheet = openpyxl.load_workbook(form)["0603"]
    assert (sheet["E1"].value, sheet["E2"].value) == (
        "Đơn vị báo cáo: Công an tỉnh Thanh Hóa", "Đơn vị nhận báo cáo: Bộ Công an")  # fmt: skip


def test_they_travel_with_the_export(ok: Ok, run: Run, tmp_path: Path) -> None:
    """A register with none takes an export's; one with its own keeps it, and says so."""
    ok(OFFICE)
    target = tmp_path / "all.json"
    ok(["export", str(target)])
    fresh = ["--db", str(tmp_path / "fresh.json")]
    assert run([*fresh, "import", str(target)]).stderr == (
        "imported 0 awards, 0 phases, the office settings\n")  # fmt: skip
    assert json.loads(ok([*fresh, "office", "show", "-f", "json"]))["partner"] == (
        "Liên đoàn Lao động tỉnh Thanh Hóa")  # fmt: skip
    ok([*fresh, "office", "set", "--place", "Sầm Sơn"])
    assert run([*fresh, "import", str(target)]).stderr.splitlines()[0] == (
        "all.json: its office settings were not taken; the register keeps its own "
        "(awards office show)")  # fmt: skip
    assert json.loads(ok([*fresh, "office", "show", "-f", "json"]))["place"] == "Sầm Sơn"
