"""Form 0601, the programs (phases) running in a year, as the state lays the form out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.conftest import Run

Ok = Callable[..., str]


def phases(ok: Ok) -> None:
    ok(["phase", "add", "A", "--program", "P", "--start", "2014", "--end", "2018", "--host",
        "đơn vị", "--scope", "tỉnh", "--movement", "chuyên đề"])  # fmt: skip
    ok(["phase", "add", "B", "--program", "P", "--start", "2018", "--end", "2023", "--host",
        "unit", "--scope", "ministry-province", "--movement", "thematic"])  # fmt: skip
    ok(["phase", "add", "C", "--program", "Q", "--start", "2018", "--end", "2018", "--host",
        "tỉnh", "--scope", "cụm, khối", "--movement", "thường xuyên"])  # fmt: skip
    ok(["phase", "add", "D", "--program", "R", "--start", "2017", "--end", "2019"])


def test_the_programs_of_a_year_by_scope_duration_and_kind(ok: Ok, run: Run) -> None:
    """Each phase running in the year counts once, in its host's column; a phase without its
    host, scope or kind is left out and named with the command that completes it."""
    phases(ok)
    result = run("report 0601 --year 2018 -f markdown")
    assert result.stderr == (
        "1 phase(s) left out of the form: D; set them with `awards phase edit CODE --host … "
        "--scope … --movement …`\n"
    )
    rows = {}
    for line in result.stdout.splitlines()[4:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 6 and cells[1]:
            rows[cells[1]] = [int(c) for c in cells[2:]]
    #                 total central  b/t  unit
    assert rows["01"] == [3, 0, 1, 2]
    assert rows["03"] == [2, 0, 0, 2]  # the province
    assert rows["04"] == [1, 0, 1, 0]  # a cluster
    assert rows["07"] == [1, 0, 1, 0]  # one year
    assert rows["10"] == [2, 0, 0, 2]  # five years each: 2018-2023 does not count 2018 twice
    assert rows["11"] == [2, 0, 0, 2] and rows["12"] == [1, 0, 1, 0]
    assert list(rows) == [f"{n:02d}" for n in range(1, 13)]
    assert "Không tính 1 giai đoạn chưa có cấp chủ trì, phạm vi hoặc phương thức tổ chức (D)." in (
        result.stdout)  # fmt: skip


def test_the_workbook_is_the_state_form(ok: Ok, tmp_path: Path) -> None:
    """Its header block, title, "Đơn vị tính: Phong trào", the heading by host, the codes A,
    B, 1=(2+3+4), 2–4, and the section rows."""
    phases(ok)
    target = tmp_path / "0601.xlsx"
    ok(["report", "0601", "--year", "2018", "-o", str(target), "--receiving-unit", "Bộ Nội vụ"])
    sheet = openpyxl.load_workbook(target)["0601"]
    assert sheet["A1"].value == "Biểu số: 0601.N/BNV-TĐKT"
    assert sheet["A5"].value == "SỐ PHONG TRÀO THI ĐUA"
    assert sheet["A7"].value == "Đơn vị tính: Phong trào"
    assert sheet["D8"].value == "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua"
    assert "D8:F8" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[10]] == ["A", "B", "1=(2+3+4)", "2", "3", "4"]
    assert [c.value for c in sheet[11]] == ["Tổng số", "01", 3, 0, 1, 2]
    assert sheet["A12"].value == "1. Chia theo phạm vi tổ chức thi đua"
    assert sheet["D2"].value == "Đơn vị nhận báo cáo: Bộ Nội vụ"
