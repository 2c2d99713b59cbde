"""Form 0602: the awards of the state, in the columns and rows the state lays out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.conftest import Run

Ok = Callable[..., str]
PRESIDENT, PM = "Chủ tịch nước", "Thủ tướng Chính phủ"


def add(ok: Ok, name: str, kind: str, form: str, issuer: str, *more: str,
        count: str = "1") -> None:  # fmt: skip
    ok(["add", "--kind", kind, "--form", form, "--issuer", issuer, "--year", "2023",
        "--count", count, *more, "--", name])  # fmt: skip


def crafted(ok: Ok) -> None:
    """Counts chosen so that every cell of the form is known."""
    ok(["issuer", "add", PRESIDENT, "--level", "state"])
    ok(["issuer", "add", PM, "--level", "government"])
    ok(["issuer", "add", "Chính phủ", "--level", "government"])
    ok(["issuer", "add", "UBND tỉnh", "--level", "province"])
    given = [  # recipient, kind, form, issuer, method, category
        ("Phòng A", "collective", "Huân chương Lao động hạng Ba", PRESIDENT, "regular",
         "administration"),
        ("Ông B", "individual", "Huân chương Lao động hạng Ba", PRESIDENT, "dedication",
         "leader-national"),
        ("Ông C", "individual", "Huân chương Độc lập hạng Nhì", PRESIDENT, "dedication",
         "leader-national"),
        ("Bà D", "individual", "Nhà giáo ưu tú", PRESIDENT, "regular", "worker"),
        ("Công ty E", "collective", "Bằng khen của Thủ tướng Chính phủ", PM, "thematic",
         "enterprise"),
        ("Hộ ông F", "household", "Bằng khen của Thủ tướng Chính phủ", PM, "regular", "household"),
    ]  # fmt: skip
    for name, kind, form, issuer, method, category in given:
        add(ok, name, kind, form, issuer, "--method", method, "--category", category)
    add(ok, "Các công nhân", "individual", "Bằng khen của Thủ tướng Chính phủ", PM,
        "--method", "sudden", "--category", "worker", count="3")  # fmt: skip
    add(ok, "Bà G", "individual", "Chiến sĩ thi đua toàn quốc", PM,
        "--method", "regular", "--category", "worker")  # fmt: skip
    add(ok, "Tổ H", "collective", "Cờ thi đua của Chính phủ", "Chính phủ", "--method", "regular")
    # left out: an individual without a category, a prize to a collective (the form's column
    # has Cá nhân only); not on this form: the province's Bằng khen (form 0603)
    add(ok, "Ông I", "individual", "Bằng khen của Thủ tướng Chính phủ", PM, "--method", "regular")
    add(ok, "Nhóm K", "collective", "Giải thưởng Nhà nước", PRESIDENT, "--method", "regular")
    add(ok, "Ông L", "individual", "Bằng khen", "UBND tỉnh", "--method", "regular",
        "--category", "worker")  # fmt: skip


def table(stdout: str) -> tuple[list[str], dict[str, list[int | None]]]:
    """The markdown form's headings and its coded rows as numbers (None for an empty cell)."""
    lines = [line for line in stdout.splitlines() if line.startswith("|")]
    headings = [c.strip() for c in lines[0].strip("|").split("|")]
    rows: dict[str, list[int | None]] = {}
    for line in lines[2:]:
        cells = [c.strip().replace("\\", "") for c in line.strip("|").split("|")]
        if cells[1]:
            rows[cells[1]] = [int(c) if c else None for c in cells[3:]]
    return headings, rows


def test_form_0602_adds_up_on_a_crafted_set(ok: Ok, run: Run) -> None:
    """A column for each order and honour given, split as each may be given; households under
    Tập thể; the 19 coded rows (01–03, 06–21, as the state codes them) and no others; rows 02–03
    from --proposer."""
    crafted(ok)
    result = run("report 0602 --year 2023 --proposer ministry -f markdown")
    assert result.exit_code == 0
    assert result.stderr == (
        "2 award(s) left out of the form, not classified: 10, 11; set them with "
        "`awards edit ID --category … --method …`\n"
    )
    headings, rows = table(result.stdout)
    assert headings[4:] == [
        "Huân chương Độc lập hạng Nhì (Tập thể)", "Huân chương Độc lập hạng Nhì (Cá nhân)",
        "Huân chương Lao động hạng Ba (Tập thể)", "Huân chương Lao động hạng Ba (Cá nhân)",
        "Giải thưởng Hồ Chí Minh (Cá nhân)", "Giải thưởng Nhà nước (Cá nhân)",
        "Nhà giáo ưu tú (Cá nhân)", "Cờ thi đua của Chính phủ (Tập thể)",
        "Bằng khen của Thủ tướng Chính phủ (Tập thể)", "Bằng khen của Thủ tướng Chính phủ (Cá nhân)",
        "Danh hiệu “Chiến sĩ thi đua Toàn quốc” (Cá nhân)",
        "Các hình thức khen thưởng khác (Tập thể)", "Các hình thức khen thưởng khác (Cá nhân)",
    ]  # fmt: skip
    codes = ["01", "02", "03", *(f"{n:02d}" for n in range(6, 22))]
    assert list(rows) == codes
    #                  total HCĐL     HCLĐ   GT    NGUT CTĐ BK TTCP CSTĐ khác
    assert rows["01"] == [11, 0, 1, 1, 1, 0, 0, 1, 1, 2, 3, 1, 0, 0]
    assert rows["02"] == rows["01"]
    assert rows["03"] == [0] * 14
    assert rows["06"] == [3, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]
    assert rows["07"] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    assert rows["08"] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    assert rows["09"] == [7, 0, 1, 0, 1, 0, 0, 1, 0, 0, 3, 1, 0, 0]
    assert rows["10"] == [2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert rows["14"] == [5, 0, 0, 0, 0, 0, 0, 1, 0, 0, 3, 1, 0, 0]
    assert rows["15"] == [5, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0]
    assert rows["19"] == [2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    for total in rows.values():  # every row: its total is the sum of its columns
        assert total[0] == sum(n or 0 for n in total[1:])
    by_kind = [sum(rows[r][i] or 0 for r in ("06", "08", "09")) for i in range(14)]
    assert by_kind == rows["01"]
    by_method = [sum(rows[f"{r}"][i] or 0 for r in range(15, 22)) for i in range(14)]
    assert by_method == rows["01"]
    for section in (
        "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng",
        "2. Chia theo đối tượng khen thưởng",
        "3. Chia theo phương thức khen thưởng",
    ):
        assert f"| {section} |" in result.stdout  # fmt: skip
    assert "| - Tỉnh, thành phố trực thuộc Trung ương | 03 | Tỉnh, TP |" in result.stdout
    province = run("report 0602 --year 2023 --proposer province -f markdown")
    assert table(province.stdout)[1]["03"] == rows["01"]


def test_without_the_proposer_rows_02_03_stay_empty_and_it_says_so(ok: Ok, run: Run) -> None:
    crafted(ok)
    result = run("report 0602 --year 2023 -f markdown")
    assert result.stderr.endswith(
        "rows 02–03 are left empty; --proposer ministry or province fills them\n"
    )
    rows = table(result.stdout)[1]
    assert rows["02"] == rows["03"] == [None] * 14
    wrong = run("report 0602 --year 2023 --proposer city")
    assert wrong.exit_code == 2 and "--proposer" in wrong.stderr


def test_form_0602_workbook_has_the_four_row_heading_and_prints_one_page_wide(
    ok: Ok, tmp_path: Path
) -> None:
    """The heading as the state draws it: "Chia ra" over columns 2–9, each order and honour
    under its group, Tập thể / Cá nhân under each; the code row's 2, 5, 7 and 9 span their
    columns; the usual header block, print setup and signatures."""
    crafted(ok)
    target = tmp_path / "0602.xlsx"
    ok(["report", "0602", "--year", "2023", "-o", str(target), "--proposer", "province",
        "--reporting-unit", "UBND tỉnh Thanh Hóa", "--receiving-unit", "Bộ Nội vụ"])  # fmt: skip
    sheet = openpyxl.load_workbook(target)["0602"]
    assert [sheet[c].value for c in ("A1", "A2", "A3", "A5", "A6")] == [
        "Biểu số: 0602.N/BNV-TĐKT", "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023",
        "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo", "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
        "Thời điểm báo cáo: Năm 2023"]  # fmt: skip
    assert "Đơn vị báo cáo: UBND tỉnh Thanh Hóa" in [c.value for c in sheet[1]]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # A–D down the four heading rows; Chia ra over E–Q; the orders E–H, each order two wide;
    # the prizes and Cờ thi đua down two rows; Bằng khen two wide and two deep.
    assert merged >= {"A8:A11", "B8:B11", "C8:C11", "D8:D11", "E8:Q8", "E9:H9", "E10:F10",
                      "G10:H10", "I9:I10", "J9:J10", "L9:L10", "M9:N10", "O9:O10", "P9:Q10",
                      "E12:H12", "M12:N12", "P12:Q12"}  # fmt: skip
    assert sheet["E9"].value == (
        "Các loại huân chương, huy chương (Mỗi hình thức khen thưởng ghi riêng một cột)"
    )
    assert [sheet.cell(10, c).value for c in (5, 7, 11)] == [
        "Huân chương Độc lập hạng Nhì",
        "Huân chương Lao động hạng Ba",
        "Nhà giáo ưu tú",
    ]
    assert [c.value for c in sheet[11]][4:] == [
        "Tập thể", "Cá nhân", "Tập thể", "Cá nhân", "Cá nhân", "Cá nhân", "Cá nhân", "Tập thể",
        "Tập thể", "Cá nhân", "Cá nhân", "Tập thể", "Cá nhân"]  # fmt: skip
    assert [c.value for c in sheet[12]] == ["A", "B", "C", "1", "2", None, None, None, "3", "4",
                                            "5", "6", "7", None, "8", "9", None]  # fmt: skip
    assert [c.value for c in sheet[13]][:4] == ["Tổng số", "01", None, 11]
    assert sheet["A15"].value == "- Bộ, ban, ngành, đoàn thể Trung ương" and sheet["D15"].value == 0
    assert sheet["A16"].value == "- Tỉnh, thành phố trực thuộc Trung ương"
    assert sheet["D16"].value == 11 and sheet["A14"].font.b and sheet["A13"].font.name == (
        "Times New Roman")  # fmt: skip
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    # one page wide (1, the default width, may be left out of the file), as many long as it takes
    fit = (sheet.page_setup.fitToWidth or 1, sheet.page_setup.fitToHeight)
    assert (*fit, sheet.sheet_properties.pageSetUpPr.fitToPage) == (1, 0, True)
    assert sheet.print_title_rows == "$8:$12"
    assert sheet.row_dimensions[14].height >= 2 * 13  # its label takes two lines of 13 points
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert {"Người lập biểu", "Thủ trưởng đơn vị", "(Ký, họ tên, đóng dấu)"} <= set(texts)


def test_a_year_without_orders_keeps_every_column_of_the_form(ok: Ok, tmp_path: Path) -> None:
    """With nothing to put in a column "for each form", the column stays, split Tập thể /
    Cá nhân under its heading, and counts nothing."""
    ok(["issuer", "add", PM, "--level", "government"])
    add(ok, "Ông A", "individual", "Bằng khen của Thủ tướng Chính phủ", PM,
        "--method", "regular", "--category", "worker")  # fmt: skip
    target = tmp_path / "0602.xlsx"
    ok(["report", "0602", "--year", "2023", "-o", str(target)])
    sheet = openpyxl.load_workbook(target)["0602"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"E9:F10", "I9:J10", "E12:F12", "I12:J12", "O9:P10"} <= merged
    assert [c.value for c in sheet[11]][4:] == [
        "Tập thể", "Cá nhân", "Cá nhân", "Cá nhân", "Tập thể", "Cá nhân", "Tập thể", "Tập thể",
        "Cá nhân", "Cá nhân", "Tập thể", "Cá nhân"]  # fmt: skip
    assert [c.value for c in sheet[13]] == ["Tổng số", "01", None, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                                            0, 0, 0]  # fmt: skip
