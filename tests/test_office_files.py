"""Lists as offices make them go in with at most the whole-file options, losing no distinct
award and reading nothing that is not one: title blocks, merged two-row headers, column
numbers, sections, totals, signature blocks; .xlsx, .xls, .ods and text in UTF-8, UTF-16,
Windows-1258 and TCVN3; code columns through a workbook's DANHMUC sheet."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from awards import text
from tests import office_files
from tests.conftest import Run, digest

Ok = Callable[..., str]
HEALTH_OPTIONS = ["--kind", "tập thể", "--issuer", "Giám đốc Sở Y tế"]


def listed(ok: Ok) -> list[dict[str, object]]:
    return json.loads(ok("list -f json"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("variant", list(office_files.WRITERS))
def test_a_departments_list_goes_in_from_every_format(
    ok: Ok, run: Run, tmp_path: Path, variant: str
) -> None:
    """The same five awards from each format; the repeated row skipped and named; sections,
    column numbers, the total and the signature block passed over and counted."""
    path = office_files.WRITERS[variant](tmp_path)
    result = run(["import", str(path), *HEALTH_OPTIONS])
    assert result.exit_code == 0, result.stderr
    last = result.stderr.splitlines()[-1]
    assert last == (
        "imported 5 awards, 0 phases; skipped 1 duplicate; passed over 1 row of column numbers, "
        "2 section rows, 1 total row, 1 blank row, 5 rows below the table"
    )
    assert "row 17: same recipient, unit, form, issuer and year as" in result.stderr
    awards = listed(ok)
    assert [(a["recipient"], text.key(str(a["unit"]))) for a in awards] == [
        (name, text.key(unit)) for name, unit in office_files.HEALTH_AWARDS
    ]
    assert {(a["kind"], a["form"], a["issuer"], a["year"]) for a in awards} == {
        ("collective", "Tập thể lao động tiên tiến", "Giám đốc Sở Y tế", 2023)
    }
    assert not any("Giám" in str(a["recipient"]) or "Cộng" in str(a["recipient"]) for a in awards)
    if variant in ("csv-1258", "csv-tcvn3"):
        encoding = "Windows-1258" if variant == "csv-1258" else "TCVN3 (ABC)"
        assert f"{path.name}: read as {encoding} and converted to Unicode" in result.stderr


def test_the_dry_run_shows_what_was_found_and_writes_nothing(
    run: Run, tmp_path: Path, db: Path
) -> None:
    """The whole-file values, the header, each column's field, the title's facts, the sections,
    and the counts."""
    path = office_files.WRITERS["xlsx"](tmp_path)
    result = run(["import", str(path), "--dry-run", *HEALTH_OPTIONS])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[:6] == [
        "values for the whole file: issuer 'Giám đốc Sở Y tế' (--issuer), kind 'tập thể' (--kind)",
        "ds.xlsx, sheet Danh sách: header at rows 7–8",
        "  columns: 'Tên tập thể' → recipient, 'Đơn vị' → unit, 'Danh hiệu' → form, 'Năm' → year, "
        "'Ghi chú' → note",
        "  the title gives: year '2023' (row 4), form 'TẬP THỂ LAO ĐỘNG TIÊN TIẾN' (row 4)",
        "  row 10: a section; unit 'BỆNH VIỆN ĐA KHOA TỈNH' for the rows below",
        "  row 13: a section; unit 'BỆNH VIỆN NHI' for the rows below",
    ]
    assert lines[-1].startswith("would import 5 awards, 0 phases; would skip 1 duplicate")
    assert "Tập thể lao động tiên tiến" in result.stdout
    assert digest(db) is None


def test_a_decision_list_reads_its_title(ok: Ok, tmp_path: Path) -> None:
    """A Prime Minister's list in three columns: the form, issuer, number and date from the
    title, the year from the date, the kind from the sections; the signer is not a recipient."""
    ok(["import", str(office_files.xlsx(tmp_path / "qd.xlsx", office_files.PRIME_MINISTER))])
    awards = listed(ok)
    assert [(a["recipient"], a["kind"]) for a in awards] == [
        ("Phòng Cảnh sát kinh tế, Công an tỉnh Thanh Hóa", "collective"),
        ("Công đoàn Khu kinh tế Nghi Sơn", "collective"),
        ("Ông Lê Văn Thành", "individual"),
        ("Bà Trịnh Thị Hương", "individual"),
        ("Thượng tá Đỗ Minh Quang", "individual"),
    ]
    assert {(a["form"], a["issuer"], a["year"], a["decision"], a["decided_on"]) for a in awards} == {
        ("Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", 2017, "1520/QĐ-TTg",
         "2017-06-15")}  # fmt: skip
    assert awards[2]["position"] == "Trưởng phòng, Công an tỉnh Thanh Hóa"


def test_an_option_overrides_the_title_and_a_row_that_disagrees_is_refused(
    ok: Ok, run: Run, tmp_path: Path, db: Path
) -> None:
    """--year fills what the title said; a row whose Năm says otherwise is named."""
    path = office_files.WRITERS["csv-utf8"](tmp_path)
    result = run(["import", str(path), *HEALTH_OPTIONS, "--year", "2022"])
    assert result.exit_code == 1
    assert "row 11, column Năm: the file gives year '2023', but --year says '2022'" in (
        result.stderr)  # fmt: skip
    assert digest(db) is None
    ok(["import", str(path), *HEALTH_OPTIONS, "--year", "2023", "--decision", "88/QĐ-SYT"])
    assert {a["decision"] for a in listed(ok)} == {"88/QĐ-SYT"}


def test_code_columns_go_through_the_workbooks_danhmuc(ok: Ok, run: Run, tmp_path: Path) -> None:
    """A provincial system's template: its codes read through its DANHMUC sheet; a column the
    register does not keep is named once."""
    path = office_files.xlsx(tmp_path / "mau.xlsx", office_files.TEMPLATE,
                             extra={"DANHMUC": office_files.CATALOGUE_SHEET})  # fmt: skip
    result = run(["import", str(path)])
    assert result.stderr.splitlines() == [
        "mau.xlsx, sheet Danh sách: not imported (not a known field): 'Giới tính'",
        "imported 2 awards, 0 phases",
    ]
    awards = listed(ok)
    assert [(a["form"], a["sector"], a["honorific"], a["category"]) for a in awards] == [
        ("Chiến sĩ thi đua cơ sở", "Y tế", "Ông", "worker"),
        ("Tập thể lao động xuất sắc", "Y tế", None, "public-service"),
    ]
    rows = [list(row) for row in office_files.TEMPLATE]
    rows[1][6] = "DH99"
    unknown = run(["import", str(office_files.xlsx(tmp_path / "x.xlsx", rows,
                                                   extra={"DANHMUC": office_files.CATALOGUE_SHEET}))])  # fmt: skip
    assert "row 2, column Mã danh hiệu thi đua/hình thức khen thưởng: code 'DH99' is not in " \
        "the workbook's DANHMUC sheet" in unknown.stderr  # fmt: skip


def test_a_vni_sheet_is_refused_by_name(run: Run, tmp_path: Path, db: Path) -> None:
    """Names typed in VNI are not stored as mojibake: the encoding is named."""
    rows = [
        ["STT", "Họ và tên", "Năm"],
        [1, "Nguyeãn Vaên Ñöùc", 2023],
        [2, "Traàn Thò Hoøa", 2023],
    ]
    result = run(["import", str(office_files.xlsx(tmp_path / "vni.xlsx", rows))])
    assert result.stderr == (
        "Error: vni.xlsx, sheet Danh sách is written in the VNI encoding; convert it to Unicode "
        "(Unikey's converter does) and import that file\n"
    )
    assert digest(db) is None


def test_names_that_differ_in_their_diacritics_are_two_awards(
    ok: Ok, run: Run, tmp_path: Path
) -> None:
    """Quang Phú and Quảng Phú are two communes: both go in, and check calls neither a
    duplicate; Hòa and Hoà are one spelling."""
    sheet = tmp_path / "xa.csv"
    sheet.write_text(
        "recipient,kind,form,issuer,year\n"
        "UBND xã Quang Phú,tập thể,Giấy khen,UBND huyện,2023\n"
        "UBND xã Quảng Phú,tập thể,Giấy khen,UBND huyện,2023\n"
        "UBND xã Hòa Bình,tập thể,Giấy khen,UBND huyện,2023\n"
        "UBND xã Hoà Bình,tập thể,Giấy khen,UBND huyện,2023\n",
        encoding="utf-8",
    )
    result = ok(["import", str(sheet)])
    assert result == ""
    names = [a["recipient"] for a in listed(ok)]
    assert names == ["UBND xã Quang Phú", "UBND xã Quảng Phú", "UBND xã Hòa Bình"]
    ok("issuer add 'UBND huyện' --level district")
    found = json.loads(run("check -f json").stdout)
    assert [(f["rule"], f["awards"]) for f in found] == [("spelling", [1, 2])]
