"""Form 0603 and the two fields it needs: method and category."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.conftest import Run, digest

Ok = Callable[..., str]


def add(ok: Ok, name: str, kind: str, form: str, *more: str, issuer: str = "UBND tỉnh",
        count: str = "1") -> None:  # fmt: skip
    ok(["add", "--kind", kind, "--form", form, "--issuer", issuer, "--year", "2023",
        "--count", count, *more, "--", name])  # fmt: skip


def test_method_and_category_are_checked_and_stored(ok: Ok, run: Run, db: Path) -> None:
    """Vietnamese or English words; a category must fit the kind."""
    add(
        ok,
        "Công ty A",
        "tập thể",
        "Bằng khen",
        "--method",
        "chuyên đề",
        "--category",
        "doanh nghiệp",
    )
    record = json.loads(ok("show 1 -f json"))
    assert (record["method"], record["category"]) == ("thematic", "enterprise")
    before = digest(db)
    wrong = run(["add", "An", "--kind", "individual", "--form", "Bằng khen", "--issuer", "X",
                 "--year", "2023", "--category", "enterprise"])  # fmt: skip
    assert wrong.stderr == "Error: category enterprise is for collective awards, not individual\n"
    unknown = run("edit 1 --method weekly")
    assert unknown.stderr.startswith(
        "Error: unknown method 'weekly'; use one of: regular, thematic"
    )
    assert digest(db) == before
    ok("edit 1 --method ''")
    assert json.loads(ok("show 1 -f json"))["method"] is None
    assert ok("tally --by category -f csv") == "category,count\nenterprise,1\n"


def crafted(ok: Ok) -> None:
    """Counts chosen so every cell of the form is known."""
    ok("issuer add 'UBND tỉnh' --level province")
    ok("issuer add 'Giám đốc Công an tỉnh' --level department")
    add(
        ok,
        "Công ty A",
        "collective",
        "Bằng khen",
        "--method",
        "thematic",
        "--category",
        "enterprise",
    )
    add(ok, "Hộ ông B", "household", "Bằng khen", "--method", "regular", "--category", "household")
    add(ok, "Tổ C", "collective", "Cờ thi đua", "--method", "regular")
    add(ok, "Ông D", "individual", "Bằng khen", "--method", "thematic", "--category", "worker")
    add(ok, "Bà E", "individual", "Chiến sĩ thi đua", "--category", "leader-department")
    add(ok, "Các cá nhân", "individual", "Kỷ niệm chương", "--method", "dedication", count="3")
    add(ok, "Tổng hợp", "mixed", "Bằng khen", "--method", "thematic", count="4")
    add(ok, "Không tính", "individual", "Giấy khen", issuer="Giám đốc Công an tỉnh")
    add(ok, "Cơ sở", "individual", "Chiến sĩ thi đua", issuer="Giám đốc Công an tỉnh")


def test_form_0603_adds_up_on_a_crafted_set(ok: Ok) -> None:
    """Rows by recipient and by method, columns by form, not classified where fields are unset.

    Giấy khen and a unit-level Chiến sĩ thi đua are not on this form (ministry and province)."""
    crafted(ok)
    rows = {}
    for line in ok("report 0603 --year 2023 -f markdown").splitlines()[4:]:
        cells = [c.strip().replace("\\", "") for c in line.strip("|").split("|")]
        rows[cells[0] or cells[1]] = [int(c) for c in cells[2:]]
    #                  total  BK  CSTĐ CTĐ KNC
    assert rows["01"] == [12, 7, 1, 1, 3]
    assert rows["02"] == [2, 1, 0, 1, 0]  # collectives, households apart
    assert rows["03"] == [1, 1, 0, 0, 0]
    assert rows["04"] == [1, 1, 0, 0, 0]
    assert rows["05"] == [5, 1, 1, 0, 3]
    assert rows["07"] == [1, 0, 1, 0, 0]
    assert rows["10"] == [1, 1, 0, 0, 0]
    assert rows["Chưa phân loại (cá nhân)"] == [3, 0, 0, 0, 3]
    assert rows["Chưa phân loại (tập thể, cá nhân chung một bản ghi)"] == [4, 4, 0, 0, 0]
    assert rows["11"] == [2, 1, 0, 1, 0]
    assert rows["12"] == [6, 6, 0, 0, 0]
    assert rows["15"] == [3, 0, 0, 0, 3]
    assert rows["Chưa phân loại (phương thức)"] == [1, 0, 1, 0, 0]
    by_kind = ["02", "04", "05", "Chưa phân loại (tập thể, cá nhân chung một bản ghi)"]
    assert [sum(rows[r][i] for r in by_kind) for i in range(5)] == rows["01"]
    by_method = [*(f"{n:02d}" for n in range(11, 18)), "Chưa phân loại (phương thức)"]
    assert [sum(rows[r][i] for r in by_method) for i in range(5)] == rows["01"]


def test_form_0603_workbook_looks_like_the_paper_form(ok: Ok, tmp_path: Path) -> None:
    """Title, merged headers, the codes A, B, 1–5, then the rows."""
    crafted(ok)
    target = tmp_path / "0603.xlsx"
    ok(["report", "0603", "--year", "2023", "-f", "xlsx", "-o", str(target)])
    sheet = openpyxl.load_workbook(target)["0603"]
    assert sheet["A1"].value == "Biểu số 0603.N/BNV-TĐKT"
    assert {str(r) for r in sheet.merged_cells.ranges} >= {"A5:A6", "B5:B6", "C5:C6", "D5:G5"}
    assert [c.value for c in sheet[7]] == ["A", "B", "1", "2", "3", "4", "5"]
    assert [c.value for c in sheet[8]] == ["Tổng số", "01", 12, 7, 1, 1, 3]


def test_import_reads_method_and_category_columns(ok: Ok, tmp_path: Path) -> None:
    """Vietnamese headers Phương thức and Phân loại."""
    sheet = tmp_path / "a.csv"
    sheet.write_text("Họ và tên,Loại,Hình thức,Cấp khen,Năm,Phương thức,Phân loại\n"
                     "An,cá nhân,Bằng khen,UBND tỉnh,2023,Đột xuất,công nhân\n")  # fmt: skip
    ok(["import", str(sheet)])
    record = json.loads(ok("list -f json"))[0]
    assert (record["method"], record["category"]) == ("sudden", "worker")
