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
    add(ok, "Bà E", "individual", "Chiến sĩ thi đua", "--category", "leader-department",
        "--method", "regular")  # fmt: skip
    add(ok, "Các cá nhân", "individual", "Kỷ niệm chương", "--method", "dedication",
        "--category", "leader-other", count="3")  # fmt: skip
    add(ok, "Tổng hợp", "mixed", "Bằng khen", "--method", "thematic", count="4")
    add(ok, "Không tính", "individual", "Giấy khen", issuer="Giám đốc Công an tỉnh")
    add(ok, "Cơ sở", "individual", "Chiến sĩ thi đua", issuer="Giám đốc Công an tỉnh")
    add(ok, "Ông F", "individual", "Bằng khen", "--category", "worker")


def test_form_0603_adds_up_on_a_crafted_set(ok: Ok, run: Run) -> None:
    """The state's rows, with codes and units; columns by form. Giấy khen and a unit-level
    Chiến sĩ thi đua are not on this form; a record of collectives and individuals together
    and an award without a method are left out, named on stderr and in the form's note."""
    crafted(ok)
    result = run("report 0603 --year 2023 -f markdown")
    assert result.stderr == (
        "2 award(s) left out of the form, not classified: 7, 10; set them with "
        "`awards edit ID --category … --method …`\n"
    )
    rows, labels = {}, {}
    for line in result.stdout.splitlines()[4:]:
        cells = [c.strip().replace("\\", "") for c in line.strip("|").split("|")]
        if len(cells) == 8 and cells[1]:
            rows[cells[1]] = [int(c) for c in cells[3:]]
            labels[cells[1]] = (cells[0], cells[2])
    #                  total  BK  CSTĐ CTĐ KNC
    assert rows["01"] == [8, 3, 1, 1, 3]
    assert rows["02"] == [2, 1, 0, 1, 0]
    assert rows["03"] == [1, 1, 0, 0, 0]
    assert rows["04"] == [1, 1, 0, 0, 0]
    assert rows["05"] == [5, 1, 1, 0, 3]
    assert rows["07"] == [1, 0, 1, 0, 0]
    assert rows["09"] == [3, 0, 0, 0, 3]
    assert rows["10"] == [1, 1, 0, 0, 0]
    assert rows["11"] == [3, 1, 1, 1, 0]
    assert rows["12"] == [2, 2, 0, 0, 0]
    assert rows["15"] == [3, 0, 0, 0, 3]
    assert [sum(rows[r][i] for r in ("02", "04", "05")) for i in range(5)] == rows["01"]
    people = [f"{n:02d}" for n in range(6, 11)]
    assert [sum(rows[r][i] for r in people) for i in range(5)] == rows["05"]
    by_method = [f"{n:02d}" for n in range(11, 18)]
    assert [sum(rows[r][i] for r in by_method) for i in range(5)] == rows["01"]
    assert list(rows) == [f"{n:02d}" for n in range(1, 18)]  # the 17 coded rows, no others
    assert labels["04"] == ("- Hộ gia đình", "Hộ")
    assert labels["10"][0] == ("+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục "
                               "vụ chiến đấu (công nhân, nông dân,...)")  # fmt: skip
    assert "| 1. Chia theo đối tượng khen thưởng |" in result.stdout
    assert "| 2. Chia theo phương thức khen thưởng |" in result.stdout
    assert "Không tính 2 khen thưởng chưa phân loại đối tượng hoặc phương thức (số 7, 10)." in (
        result.stdout)  # fmt: skip


def test_form_0603_workbook_is_the_state_form_and_prints_on_one_page_wide(
    ok: Ok, tmp_path: Path
) -> None:
    """Header block, the title in capitals, the two-row heading with "Chia ra", the codes A, B,
    C, 1–5, section rows, the signature block; Times New Roman, A4 landscape, one page wide,
    the heading repeated on every page."""
    crafted(ok)
    target = tmp_path / "0603.xlsx"
    ok(["report", "0603", "--year", "2023", "-f", "xlsx", "-o", str(target),
        "--reporting-unit", "UBND tỉnh Thanh Hóa", "--receiving-unit", "Bộ Nội vụ"])  # fmt: skip
    sheet = openpyxl.load_workbook(target)["0603"]
    assert [sheet[c].value for c in ("A1", "A2", "A3", "E1", "E2")] == [
        "Biểu số: 0603.N/BNV-TĐKT", "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023",
        "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo", "Đơn vị báo cáo: UBND tỉnh Thanh Hóa",
        "Đơn vị nhận báo cáo: Bộ Nội vụ"]  # fmt: skip
    assert sheet["A5"].value == ("SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ "
                                 "TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG")  # fmt: skip
    assert sheet["A6"].value == "Thời điểm báo cáo: Năm 2023"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert merged >= {"A8:A9", "B8:B9", "C8:C9", "D8:D9", "E8:H8", "A5:H5"}
    assert [c.value for c in sheet[8]][:5] == [None, "Mã số", "Đơn vị tính", "Tổng số", "Chia ra"]
    assert [c.value for c in sheet[10]] == ["A", "B", "C", "1", "2", "3", "4", "5"]
    assert [c.value for c in sheet[11]] == ["Tổng số", "01", None, 8, 3, 1, 1, 3]
    assert sheet["A12"].value == "1. Chia theo đối tượng khen thưởng" and sheet["A12"].font.b
    assert sheet["A11"].font.name == "Times New Roman"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    # one page wide (1, the default width, may be left out of the file), as many long as it takes
    fit = (sheet.page_setup.fitToWidth or 1, sheet.page_setup.fitToHeight)
    assert (*fit, sheet.sheet_properties.pageSetUpPr.fitToPage) == (1, 0, True)
    assert sheet.print_title_rows == "$8:$10"
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert {"Người lập biểu", "Thủ trưởng đơn vị", "(Ký, họ tên, đóng dấu)"} <= set(texts)


def test_import_reads_method_and_category_columns(ok: Ok, tmp_path: Path) -> None:
    """Vietnamese headers Phương thức and Phân loại."""
    sheet = tmp_path / "a.csv"
    sheet.write_text("Họ và tên,Loại,Hình thức,Cấp khen,Năm,Phương thức,Phân loại\n"
                     "An,cá nhân,Bằng khen,UBND tỉnh,2023,Đột xuất,công nhân\n")  # fmt: skip
    ok(["import", str(sheet)])
    record = json.loads(ok("list -f json"))[0]
    assert (record["method"], record["category"]) == ("sudden", "worker")
