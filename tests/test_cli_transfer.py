"""import and export as a user runs them: files in, files out, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awards import text
from awards.domain.vocab import AWARD_FIELDS
from tests.conftest import PROGRAM, Run, digest

Ok = Callable[..., str]

HEADER = "recipient,kind,form,issuer,year,decision\n"
EXCEL_HEADER = "STT;Họ và tên;Tập thể/Cá nhân;Hình thức khen thưởng;Cấp khen;Năm;Số QĐ;Ngày QĐ\n"


def write(path: Path, content: str, encoding: str = "utf-8") -> str:
    path.write_bytes(content.encode(encoding))
    return str(path)


def add(
    ok: Ok,
    recipient: str,
    *more: str,
    year: str = "2020",
    form: str = "Giấy khen",
    issuer: str = "X",
) -> None:
    """An individual's award, with the fields a test does not care about filled in."""
    ok(["add", "--kind", "individual", "--form", form, "--issuer", issuer, "--year", year,
        *more, "--", recipient])  # fmt: skip


def awards_json(ok: Ok) -> list[dict[str, object]]:
    return json.loads(ok("list -f json"))  # type: ignore[no-any-return]


def without_ids(records: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in r.items() if k != "id"} for r in records]


# ---- CSV in --------------------------------------------------------------------------------


def shown_width(width: float) -> int:
    """A column's width as Excel shows it, in characters: the file holds it with the cell's
    padding (15.71 for 15), as Excel itself writes it."""
    return int(width)


def test_excel_csv_with_bom_semicolons_and_vietnamese_headers(
    ok: Ok, run: Run, tmp_path: Path, phases: None
) -> None:
    """Excel's "CSV UTF-8" (BOM, ';', quoted line breaks) with office headers imports cleanly."""
    sheet = write(
        tmp_path / "qd.csv",
        "\ufeff"
        + EXCEL_HEADER
        + '1;"Tổ bảo vệ\nCông ty Bình An";tập thể;Giấy khen;Giám đốc Công an tỉnh;2019;15/QĐ-CAT;12/06/2019\n'
        + "2;Nguyễn Văn An;cá nhân;giay khen;Giám đốc Công an tỉnh;2019;15/QĐ-CAT;12/06/2019\n",
    )
    result = run(["import", sheet])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "imported 2 awards, 0 phases\n"
    records = awards_json(ok)
    assert [(r["recipient"], r["kind"], r["form"], r["decided_on"]) for r in records] == [
        ("Tổ bảo vệ Công ty Bình An", "collective", "Giấy khen", "2019-06-12"),
        ("Nguyễn Văn An", "individual", "Giấy khen", "2019-06-12"),
    ]


def test_a_windows_code_page_file_is_converted_and_said_so(
    ok: Ok, run: Run, tmp_path: Path
) -> None:
    """A file saved in Windows-1258 (which has the Western letters too) is read as such, and
    the summary says so; its names are stored as they read."""
    sheet = tmp_path / "old.csv"
    sheet.write_bytes(
        (HEADER + "Ana,individual,Giay khen,X,2019,\n").encode()
        + "José Núñez,individual,Giay khen,X,2019,\n".encode("latin-1")
    )
    result = run(["import", str(sheet)])
    assert result.stderr.splitlines()[0] == (
        "old.csv: read as Windows-1258 and converted to Unicode")  # fmt: skip
    assert [a["recipient"] for a in json.loads(ok("list -f json"))] == ["Ana", "José Núñez"]


def test_bytes_of_no_vietnamese_encoding_are_refused_naming_the_line(
    run: Run, tmp_path: Path, db: Path
) -> None:
    """A byte no code page of Vietnamese has is refused, never imported as mojibake."""
    sheet = tmp_path / "odd.csv"
    sheet.write_bytes((HEADER + "Ana,individual,Giay khen,X,2019,\n").encode() + b"B\x81,x\n")
    result = run(["import", str(sheet)])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: odd.csv is not UTF-8 text (line 3 has the byte 0x81); in Excel choose Save As, "
        "'CSV UTF-8 (Comma delimited)', and import that file\n"
    )
    assert not db.exists()


def test_one_bad_row_in_a_hundred_leaves_the_file_unchanged(
    ok: Ok, run: Run, tmp_path: Path, db: Path, phases: None
) -> None:
    """Row 50 of 100 is bad: nothing is written, and the report names its row and column."""
    before = digest(db)
    lines = [f"Người {i},cá nhân,Giấy khen,UBND tỉnh,2020,{i}/QĐ\n" for i in range(100)]
    lines[48] = "Người 48,cá nhân,Giấy khen,UBND tỉnh,3020,48/QĐ\n"  # row 50 (the header is row 1)
    result = run(["import", write(tmp_path / "a.csv", HEADER + "".join(lines))])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 1 problem in 1 place; nothing was imported\n"
        f"  row 50, column year: year 3020 is out of range (1945–{dt.date.today().year + 1})\n"
    )
    assert digest(db) == before


def test_every_problem_is_listed_up_to_twenty_then_counted(
    run: Run, tmp_path: Path, db: Path
) -> None:
    """Each bad cell of each row is named; after 20 lines, a count of the rest."""
    rows = "".join(f"Người {i},robot,Giấy khen,X,1900,\n" for i in range(15))
    result = run(["import", write(tmp_path / "a.csv", HEADER + rows)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: 30 problems in 15 places; nothing was imported"
    assert lines[1] == (
        "  row 2, column kind: unknown kind 'robot': use individual (cá nhân), collective "
        "(tập thể), household (hộ gia đình) or mixed (tập thể, cá nhân)"
    )
    assert (
        lines[2]
        == f"  row 2, column year: year 1900 is out of range (1945–{dt.date.today().year + 1})"
    )
    assert lines[-1] == "  … and 10 more"
    assert len(lines) == 22
    assert not db.exists()


def test_missing_columns_and_unknown_columns(run: Run, ok: Ok, tmp_path: Path) -> None:
    """A required column that is absent stops the import; an unknown one is reported, not lost."""
    result = run(["import", write(tmp_path / "a.csv", "Họ và tên,Năm\nAn,2020\n")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: 2 problems in 1 place; nothing was imported",
        "  a.csv: no column for kind (a header such as 'kind', 'Loại', 'Tập thể/Cá nhân')",
        "  a.csv: no column for form (a header such as 'form', 'Hình thức', 'Hình thức khen thưởng')",
    ]
    result = run(
        [
            "import",
            write(
                tmp_path / "b.csv", "Điện thoại," + HEADER + "0909,An,cá nhân,Giấy khen,X,2020,\n"
            ),
        ]
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "b.csv: not imported (not a known field): 'Điện thoại'",
        "imported 1 award, 0 phases",
    ]


def test_title_rows_above_the_header_are_skipped(ok: Ok, run: Run, tmp_path: Path) -> None:
    """Office sheets put a title above the table; the header is found below it."""
    sheet = write(
        tmp_path / "qd.csv",
        "DANH SÁCH KHEN THƯỞNG,,,,,\n(Kèm theo Quyết định số 15/QĐ-CAT),,,,,\n,,,,,\n"
        + HEADER
        + "An,cá nhân,Giấy khen,X,2020,\n",
    )
    assert run(["import", sheet]).exit_code == 0
    assert [r["recipient"] for r in awards_json(ok)] == ["An"]


def test_standard_input_reads_csv_or_json(ok: Ok, run: Run) -> None:
    """`import -` takes CSV or JSON from a pipe."""
    assert run(["import", "-"], input=HEADER + "An,cá nhân,Giấy khen,X,2020,\n").exit_code == 0
    piped = json.dumps([{"recipient": "Bình", "kind": "individual", "form": "Giấy khen",
                         "issuer": "X", "year": 2021}])  # fmt: skip
    assert run(["import", "-"], input=piped).exit_code == 0
    assert [r["recipient"] for r in awards_json(ok)] == ["An", "Bình"]


def test_unknown_file_kinds_and_missing_files(run: Run, tmp_path: Path) -> None:
    """Clear one-line errors for what cannot be read."""
    (tmp_path / "notes.docx").write_bytes(b"x")
    assert run(["import", str(tmp_path / "notes.docx")]).stderr == (
        f"Error: cannot tell the format of {tmp_path / 'notes.docx'}; "
        "give --format csv, json or xlsx (a workbook: .xlsx, .xls or .ods)\n"
    )
    assert run(["import", str(tmp_path / "nope.csv")]).stderr == (
        f"Error: no file {tmp_path / 'nope.csv'}\n"
    )
    (tmp_path / "fake.xlsx").write_text("not a zip")
    result = run(["import", str(tmp_path / "fake.xlsx")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: fake.xlsx is not a workbook (.xlsx, .xls, .ods): ")
    assert run(["import", "x.csv", "--on-duplicate", "maybe"]).exit_code == 2


# ---- duplicates and dry runs ---------------------------------------------------------------


def test_duplicates_are_skipped_and_reported_by_default(ok: Ok, run: Run, tmp_path: Path) -> None:
    """Same recipient, form, issuer, year and decision as a stored award or an earlier row."""
    add(ok, "Nguyễn Văn An", "--decision", "7/QĐ")
    sheet = write(
        tmp_path / "a.csv",
        HEADER
        + "NGUYỄN VĂN AN,individual,Giấy khen,X,2020,7/QĐ\n"
        + "Trần Bình,individual,Giấy khen,X,2020,7/QĐ\n"
        + "Trần  Bình,individual,Giấy khen,X,2020,7/QĐ\n",
    )
    result = run(["import", sheet])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "skipped 2 duplicates:",
        "  row 2: same recipient, unit, form, issuer and year as award 1",
        "  row 4: same recipient, unit, form, issuer and year as row 3",
        "imported 1 award, 0 phases; skipped 2 duplicates",
    ]
    assert [r["recipient"] for r in awards_json(ok)] == ["Nguyễn Văn An", "Trần Bình"]


def test_on_duplicate_error_refuses_and_keep_imports(
    ok: Ok, run: Run, tmp_path: Path, db: Path
) -> None:
    """--on-duplicate error fails the import; keep adds the twin."""
    sheet = write(tmp_path / "a.csv", HEADER + "An,individual,Giấy khen,X,2020,\n" * 2)
    before = digest(db)
    result = run(["import", sheet, "--on-duplicate", "error"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: 1 problem in 1 place; nothing was imported",
        "  row 3: same recipient, unit, form, issuer and year as row 2",
    ]
    assert digest(db) == before
    assert run(["import", sheet, "--on-duplicate", "keep"]).stderr == (
        "imported 2 awards, 0 phases\n"
    )
    assert [r["id"] for r in awards_json(ok)] == [1, 2]


def test_dry_run_shows_counts_per_phase_and_form_and_writes_nothing(
    ok: Ok, run: Run, tmp_path: Path, db: Path, phases: None
) -> None:
    """--dry-run checks everything and prints what would be added."""
    before = digest(db)
    sheet = write(
        tmp_path / "a.csv",
        HEADER
        + "An,individual,Giấy khen,X,2016,\n"
        + "Bình,individual,Bằng khen,UBND tỉnh,2016,\n"
        + "Chi,individual,Giấy khen,X,2020,\n",
    )
    result = run(["import", sheet, "--dry-run"])
    assert result.exit_code == 0
    assert result.stdout == (
        "Phase      Bằng khen  Giấy khen  Total\n"
        "──────────────────────────────────────\n"
        "2014-2018          1          1      2\n"
        "2018-2023                     1      1\n"
        "──────────────────────────────────────\n"
        "Total              1          2      3\n"
    )
    assert result.stderr == "a.csv: header at row 1\nwould import 3 awards, 0 phases\n"
    assert digest(db) == before


def test_issuer_near_twin_needs_new_issuer(ok: Ok, run: Run, tmp_path: Path) -> None:
    """A row's issuer that differs from a stored one only by diacritics is a problem."""
    add(ok, "An", issuer="UBND tỉnh")
    sheet = write(tmp_path / "a.csv", HEADER + "Bình,individual,Giấy khen,UBND tinh,2020,\n")
    result = run(["import", sheet])
    assert result.stderr.splitlines()[1] == (
        "  row 2, column issuer: issuer 'UBND tinh' is not stored; did you mean 'UBND tỉnh'? "
        "(use --new-issuer to keep it as a new issuer)"
    )
    assert run(["import", sheet, "--new-issuer"]).exit_code == 0


# ---- phases --------------------------------------------------------------------------------


def test_phases_from_their_own_csv_go_in_before_the_awards(
    ok: Ok, run: Run, tmp_path: Path
) -> None:
    """`import phases.csv awards.csv`: the awards may use the phases of the same import."""
    phases = write(
        tmp_path / "phases.csv",
        "code,program,start,end,signers\n"
        f'2014-2018,"{PROGRAM}",2014,2018,"Giám đốc Công an tỉnh; Chủ tịch LĐLĐ tỉnh"\n',
    )
    awards = write(tmp_path / "awards.csv", HEADER + "An,individual,Giấy khen,X,2016,\n")
    result = run(["import", awards, phases])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "imported 1 award, 1 phase\n"
    assert json.loads(ok("phase show 2014-2018 -f json"))["signers"] == [
        "Giám đốc Công an tỉnh",
        "Chủ tịch LĐLĐ tỉnh",
    ]
    assert awards_json(ok)[0]["phase"] == "2014-2018"
    again = run(["import", phases])
    assert again.stderr == "imported 0 awards, 0 phases; 1 phase already stored\n"
    changed = write(
        tmp_path / "p2.csv", f'code,program,start,end\n2014-2018,"{PROGRAM}",2014,2019\n'
    )
    clash = run(["import", changed])
    assert clash.stderr.splitlines()[1] == (
        "  row 2, column code: a phase with code '2014-2018' already exists"
    )


# ---- JSON and XLSX, and round trips --------------------------------------------------------


def test_json_export_is_the_documented_document(ok: Ok, phases: None) -> None:
    """{"schema", "office", "catalogue", "issuers", "phases", "awards"} with the keys of list
    --format json."""
    add(ok, "An", year="2016")
    document = json.loads(ok("export"))
    assert list(document) == ["schema", "office", "catalogue", "issuers", "phases", "awards"]
    assert document["office"] is None
    assert document["schema"] == 3
    assert document["catalogue"] == []
    assert document["awards"] == awards_json(ok)
    assert [p["code"] for p in document["phases"]] == ["2014-2018", "2018-2023"]


def test_export_filters_and_refuses_a_newer_schema(ok: Ok, run: Run, tmp_path: Path) -> None:
    """Export takes the list filters; an export from a newer awards is not misread."""
    for year in ("2019", "2020"):
        add(ok, f"An {year}", year=year)
    assert [a["recipient"] for a in json.loads(ok("export --year 2020"))["awards"]] == ["An 2020"]
    newer = write(tmp_path / "n.json", json.dumps({"schema": 9, "awards": []}))  # reads up to 3
    assert run(["import", newer]).stderr == (
        "Error: n.json is an export of schema 9; this awards reads up to 3\n"
    )


def test_xlsx_import_reads_numbers_and_dates_as_excel_stores_them(
    ok: Ok, run: Run, tmp_path: Path, phases: None
) -> None:
    """A year typed as a number, a date cell, a number-typed decision; the first sheet by default."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["Quyết định khen thưởng"])
    sheet.append(["STT", "Tên tập thể, cá nhân", "Loại", "Hình thức", "Cơ quan khen thưởng",
                  "Năm", "Số quyết định", "Ngày quyết định", "Đơn vị"])  # fmt: skip
    sheet.append([1, "Trần Thị Bình", "Cá nhân", "Bằng khen", "UBND tỉnh", 2019.0, 1520,
                  dt.datetime(2019, 12, 15), "Công ty X"])  # fmt: skip
    other = book.create_sheet("Khác")
    other.append(["recipient", "kind", "form", "issuer", "year"])
    other.append(["Lê C", "individual", "Giấy khen", "X", 2020])
    book.save(tmp_path / "qd.xlsx")
    assert run(["import", str(tmp_path / "qd.xlsx")]).exit_code == 0
    assert without_ids(awards_json(ok)) == [
        {"recipient": "Trần Thị Bình", "kind": "individual", "count": 1, "form": "Bằng khen",
         "issuer": "UBND tỉnh", "year": 2019, "phase": "2018-2023", "decision": "1520",
         "decided_on": "2019-12-15", "honorific": None, "position": None, "unit": "Công ty X",
         "note": None, "method": None, "category": None, "sector": None,
         "revoked_decision": None, "revoked_on": None, "revoked_reason": None},
    ]  # fmt: skip
    assert run(["import", str(tmp_path / "qd.xlsx"), "--sheet", "khác"]).exit_code == 0
    assert [r["recipient"] for r in awards_json(ok)] == ["Trần Thị Bình", "Lê C"]
    missing = run(["import", str(tmp_path / "qd.xlsx"), "--sheet", "Tổng"])
    assert missing.stderr == "Error: no sheet 'Tổng' in qd.xlsx; it has: Danh sách, Khác\n"


def test_xlsx_export_has_awards_and_phases_sheets_typed_and_fitted(
    ok: Ok, tmp_path: Path, phases: None
) -> None:
    """Year numeric, dates as dates, widths fitted; import reads it back as it was."""
    add(ok, "Trần Thị Bình", "--decided-on", "15/12/2019", form="Bằng khen", year="2019")
    target = tmp_path / "out.xlsx"
    ok(["export", str(target)])
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["awards", "phases", "issuers"]
    awards = book["awards"]
    assert tuple(c.value for c in awards[1]) == AWARD_FIELDS
    assert awards["G2"].value == 2019 and awards["G2"].data_type == "n"
    assert awards["J2"].value == dt.datetime(2019, 12, 15)
    assert awards["J2"].number_format == "DD/MM/YYYY"
    assert shown_width(awards.column_dimensions["B"].width) == len("Trần Thị Bình") + 2
    assert [c.value for c in book["phases"]["A"]] == ["code", "2014-2018", "2018-2023"]


def test_xlsx_export_fits_each_column_to_its_longest_value_or_line(
    ok: Ok, tmp_path: Path, phases: None
) -> None:
    """A column is as wide as its widest value, a note of several lines as its longest line,
    a date as a date shown; values shared by many awards count once, as any other."""
    from openpyxl.utils import get_column_letter

    long_line, unit = "Thành tích xuất sắc trong phong trào năm 2020", "Công ty Điện lực Phú Thọ"
    add(ok, "Trần Thị Bình", "--note", f"Dòng đầu\n{long_line}\nDòng cuối", "--unit", unit,
        "--decided-on", "15/12/2020")  # fmt: skip
    for name in ("Lê Văn An", "Hà Minh Thu"):
        add(ok, name, "--unit", unit)
    target = tmp_path / "out.xlsx"
    ok(["export", str(target)])
    sheet = openpyxl.load_workbook(target)["awards"]

    def width(field: str) -> int:
        return shown_width(
            sheet.column_dimensions[get_column_letter(AWARD_FIELDS.index(field) + 1)].width
        )

    assert width("note") == len(long_line) + 2
    assert width("unit") == len(unit) + 2
    assert width("decided_on") == len("decided_on") + 2  # the heading: wider than 15/12/2020
    assert width("recipient") == len("Trần Thị Bình") + 2


def test_xlsx_export_writes_each_awards_own_date_where_many_share_one(
    ok: Ok, tmp_path: Path
) -> None:
    """Six awards on three dates (and a revocation date) in a shuffled order: every dated
    cell is in its own award's row, a date with its format; the undated stay empty."""
    dates = ["02/05/2020", "", "17/11/2021", "02/05/2020", "17/11/2021", "02/05/2020"]
    for number, date in enumerate(dates, start=1):
        add(ok, f"Người {number}", *(["--decided-on", date] if date else []))
    ok(["revoke", "4", "--decision", "9/QĐ", "--on", "17/11/2021", "--reason", "x"])
    target = tmp_path / "out.xlsx"
    ok(["export", str(target)])
    sheet = openpyxl.load_workbook(target)["awards"]
    heading = [c.value for c in sheet[1]]
    decided, revoked = heading.index("decided_on") + 1, heading.index("revoked_on") + 1
    shown = [(row[1].value, row[decided - 1].value, row[revoked - 1].value)
             for row in sheet.iter_rows(min_row=2)]  # fmt: skip
    as_dates = [dt.datetime.strptime(d, "%d/%m/%Y") if d else None for d in dates]
    assert shown == [(f"Người {n}", as_dates[n - 1], dt.datetime(2021, 11, 17) if n == 4 else None)
                     for n in range(1, 7)]  # fmt: skip
    formats = {
        sheet.cell(row, column).number_format
        for row in range(2, 8)
        for column in (decided, revoked)
        if sheet.cell(row, column).value is not None
    }
    assert formats == {"DD/MM/YYYY"}


FORMULAS = ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)", "'=already"]


@pytest.mark.parametrize("name", ["out.csv", "out.json", "out.xlsx", "out.sqlite"])
def test_a_record_damaged_by_hand_is_never_exported(
    ok: Ok, run: Run, db: Path, tmp_path: Path, name: str
) -> None:
    """`"note": 5` typed into the file: an export refuses it, as a write does, naming the
    record, and writes no file."""
    add(ok, "An")
    data = json.loads(db.read_bytes())
    data["awards"]["1"]["note"] = 5
    db.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    refused = run(["export", str(tmp_path / name)])
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"Error: {db} holds a damaged record (note is neither")
    assert list(tmp_path.glob("out*")) == []


def test_an_unknown_key_typed_into_the_file_is_not_exported(ok: Ok, db: Path) -> None:
    """An export writes the fields of an award, and nothing else a hand put in its record."""
    add(ok, "An")
    data = json.loads(db.read_bytes())
    data["awards"]["1"]["colour"] = "red"
    db.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    exported = json.loads(ok("export -f json"))["awards"]
    assert list(exported[0]) == list(AWARD_FIELDS)
    assert ok("export -f csv").splitlines()[0] == ",".join(AWARD_FIELDS)


def test_csv_neutralises_by_each_value_whatever_else_the_row_holds(ok: Ok) -> None:
    """A formula in a late column is neutralised; text that merely holds a formula's first
    character after a bar or a line break is written as typed."""
    add(ok, "Đội 1|=2", "--unit=-Phòng A")
    add(ok, "An", "--note=dòng 1\n=dòng 2")
    add(ok, "Bình", "--note=a|+b", "--unit=@Phòng B")
    rows = list(csv.reader(io.StringIO(ok("export -f csv"))))
    unit, note = rows[0].index("unit"), rows[0].index("note")
    assert (rows[1][1], rows[1][unit]) == ("Đội 1|=2", "'-Phòng A")
    assert rows[2][note] == "dòng 1\n=dòng 2"
    assert (rows[3][note], rows[3][unit]) == ("a|+b", "'@Phòng B")


@pytest.mark.parametrize(("suffix", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_a_long_export_neutralises_the_one_value_that_needs_it(
    ok: Ok, db: Path, tmp_path: Path, suffix: str, delimiter: str
) -> None:
    """12,000 awards, among them one unit that begins as a formula, one recipient with a tab
    typed into the file by hand and one note of two lines: those three are written safe, and
    every other value exactly as stored, each row under its id. A key typed by hand into a
    record is no column; a unit taken out of one is an empty cell."""
    rows = [[f"Người {n}", "individual", "Giấy khen", "Giám đốc Công an tỉnh", "2020",
             f"Đội {n % 7}, Phòng {n % 3}"] for n in range(12_000)]  # fmt: skip
    rows[7_001][5] = "=1+1"
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([["recipient", "kind", "form", "issuer", "year", "unit"],
                                    *rows])  # fmt: skip
    ok(["import", str(source), "--new-issuer"])
    data = json.loads(db.read_bytes())
    data["awards"]["9500"]["recipient"] = "Người\t9499"
    data["awards"]["11000"]["note"] = "dòng 1\ndòng 2"
    data["awards"]["3000"]["ghi_chu"] = "typed by hand"
    del data["awards"]["4000"]["unit"]
    rows[3_999][5] = ""
    db.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    target = tmp_path / f"out.{suffix}"
    ok(["export", str(target)])
    with target.open(encoding="utf-8-sig", newline="") as file:
        written = list(csv.reader(file, delimiter=delimiter))
    recipient, unit, note = (written[0].index(name) for name in ("recipient", "unit", "note"))
    assert len(written) == 12_001
    assert {len(row) for row in written} == {len(written[0])}
    assert "ghi_chu" not in written[0] and "typed by hand" not in written[3_000]
    assert [row[written[0].index("id")] for row in written[1:]] == list(map(str, range(1, 12_001)))
    assert written[7_002][unit] == "'=1+1"
    assert written[9_500][recipient] == "Người\\t9499"
    assert written[11_000][note] == "dòng 1\ndòng 2"
    changed = {7_002, 9_500, 11_000}
    assert [
        (row[recipient], row[unit]) for n, row in enumerate(written) if n and n not in changed
    ] == [(r[0], r[5]) for n, r in enumerate(rows, start=1) if n not in changed]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_in_the_first_field_of_a_table_is_neutralised(
    ok: Ok, value: str, fmt: str
) -> None:
    """The first value of a table's first row, where no comma or line comes before it: a
    tally whose largest unit begins as a formula writes it with a leading quote."""
    add(ok, "A", f"--unit={value}", "--count=5")
    add(ok, "B", "--unit=Đội 1")
    written = ok(f"tally --by unit -f {fmt}")
    rows = list(csv.reader(io.StringIO(written), delimiter="," if fmt == "csv" else "\t"))
    assert rows[1:] == [["'" + value, "5"], ["Đội 1", "1"]]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_a_formula_that_begins_a_later_row_is_neutralised(ok: Ok, fmt: str) -> None:
    """The first field of a row after the first, where a line break comes before it: each
    unit that begins as a formula, ranked below a plain one, gets its leading quote."""
    add(ok, "A", "--unit=Đội 1", f"--count={len(FORMULAS) + 1}")
    for n, value in enumerate(FORMULAS):
        add(ok, f"B{n}", f"--unit={value}", f"--count={len(FORMULAS) - n}")
    written = ok(f"tally --by unit -f {fmt}")
    rows = list(csv.reader(io.StringIO(written), delimiter="," if fmt == "csv" else "\t"))
    assert [row[0] for row in rows[1:]] == ["Đội 1", *("'" + value for value in FORMULAS)]


def test_formula_looking_values_are_neutralised(ok: Ok, run: Run, tmp_path: Path) -> None:
    """CSV gets a leading quote; XLSX cells are text with the quote prefix, never formulas;
    both import back to the exact values."""
    for value in FORMULAS:
        add(ok, value, f"--decision={value}")
    csv_text = ok("export -f csv")
    assert csv_text.splitlines()[1].startswith('1,"\'=HYPERLINK(""http://x"",""y"")",')
    assert "\n2,'+1," in csv_text and "\n5,''=already," in csv_text
    target = tmp_path / "f.xlsx"
    ok(["export", str(target)])
    cells = [row[1] for row in openpyxl.load_workbook(target)["awards"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == FORMULAS
    assert {c.data_type for c in cells} == {"s"}
    assert [c.quotePrefix for c in cells] == [True] * 5
    for name, content in (("back.csv", csv_text), ("back.xlsx", None)):
        path = tmp_path / name
        if content is not None:
            path.write_text(content)
        else:
            path = target
        fresh = tmp_path / f"{name}.json"
        assert run(["--db", str(fresh), "import", str(path)]).exit_code == 0
        back = json.loads(ok(["--db", str(fresh), "list", "-f", "json"]))
        assert [r["recipient"] for r in back] == FORMULAS
        assert [r["decision"] for r in back] == FORMULAS


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐĂÂÊÔƠƯ"
TEXT = st.text(alphabet=VIETNAMESE + " ,;'\"=+-@[]\\\n", min_size=1, max_size=30).filter(
    lambda value: bool(text.clean(value))
)


@st.composite
def award_rows(draw: st.DrawFn) -> list[dict[str, object]]:
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        form = draw(st.sampled_from(["NFC", "NFD"]))
        row = {
            "recipient": unicodedata.normalize(form, draw(TEXT)),
            "kind": draw(st.sampled_from(["individual", "collective"])),
            "form": draw(st.sampled_from(["Giấy khen", "Bằng khen", "Cờ thi đua"])),
            "issuer": draw(st.sampled_from(["UBND tỉnh", "Bộ Công an"])),
            "year": draw(st.integers(2014, 2023)),
            "decision": draw(st.none() | TEXT),
            "decided_on": draw(
                st.none() | st.dates(dt.date(2014, 1, 1), dt.date(2023, 12, 31)).map(str)
            ),
            "unit": draw(st.none() | TEXT),
            "note": draw(st.none() | TEXT),
        }
        row["note"] = row["note"] and unicodedata.normalize(form, str(row["note"]))
        rows.append(row)
    return rows


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=award_rows())
def test_round_trip_keeps_every_record(
    run: Run, tmp_path_factory: pytest.TempPathFactory, fmt: str, rows: list[dict[str, object]]
) -> None:
    """Import (NFC or NFD text) → export → import into an empty file gives identical records."""
    folder = tmp_path_factory.mktemp("trip")
    first, second = str(folder / "first.json"), str(folder / "second.json")
    source = folder / "in.json"
    source.write_text(json.dumps(rows))
    imported = run(["--db", first, "import", str(source), "--on-duplicate", "keep"])
    assert imported.exit_code == 0, imported.stderr
    stored = json.loads(run(["--db", first, "list", "-f", "json"]).stdout)
    assert [r["recipient"] for r in stored] == [text.clean(str(r["recipient"])) for r in rows]
    exported = folder / f"out.{fmt}"
    assert run(["--db", first, "export", str(exported)]).exit_code == 0
    again = run(["--db", second, "import", str(exported), "--on-duplicate", "keep"])
    assert again.exit_code == 0, again.stderr
    assert without_ids(json.loads(run(["--db", second, "list", "-f", "json"]).stdout)) == (
        without_ids(stored)
    )


# ---- tally as a workbook -------------------------------------------------------------------


def test_tally_workbook_has_the_numbers_and_a_bar_chart(
    ok: Ok, run: Run, tmp_path: Path, phases: None
) -> None:
    """tally --format xlsx --output: the cross-tab as numbers and a native bar chart of it."""
    for name, form, year in (("A", "Giấy khen", "2016"), ("B", "Giấy khen", "2016"),
                             ("C", "Bằng khen", "2016"), ("D", "Giấy khen", "2019")):  # fmt: skip
        add(ok, name, form=form, year=year)
    target = tmp_path / "tally.xlsx"
    result = run(["tally", "--by", "year", "--by", "form", "-f", "xlsx", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stderr == f"wrote the tally and its chart to {target}\n"
    sheet = openpyxl.load_workbook(target)["tally"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Year", "Bằng khen", "Giấy khen", "Total"],
        [2016, 1, 2, 3],
        [2019, 0, 1, 1],
        ["Total", 1, 3, 4],
    ]
    (chart,) = sheet._charts
    assert chart.tagname == "barChart" and chart.type == "col"

    def cells(reference: str) -> str:  # a range as it reads, whether quoted and fixed or not
        return reference.replace("'", "").replace("$", "")

    assert [cells(s.tx.strRef.f) for s in chart.series] == ["tally!B1", "tally!C1"]
    assert [cells(s.val.numRef.f) for s in chart.series] == ["tally!B2:B3", "tally!C2:C3"]
    category = chart.series[0].cat
    assert cells((category.numRef or category.strRef).f) == "tally!A2:A3"


def test_tally_output_file_for_text_formats(ok: Ok, run: Run, tmp_path: Path) -> None:
    """--output writes any format to a file, the same bytes stdout would get."""
    add(ok, "A")
    target = tmp_path / "t.csv"
    assert run(["tally", "--by", "year", "-f", "csv", "-o", str(target)]).exit_code == 0
    # A file gets the byte order mark that makes Excel read it as UTF-8; stdout does not.
    assert target.read_bytes() == b"\xef\xbb\xbf" + ok("tally --by year -f csv").encode()
    assert ok("tally --by year -f csv") == "year,count\n2020,1\n"
    piped = run(["tally", "-f", "xlsx"])  # not a terminal: the workbook goes to the pipe
    assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"PK")


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_the_sample_survives_an_export_and_import(ok: Ok, tmp_path: Path, fmt: str) -> None:
    """Phases (signers, parties) and awards of the sample come back identical from JSON and XLSX."""
    sample = str(Path(__file__).resolve().parent.parent / "data" / "sample.json")
    target = tmp_path / f"sample.{fmt}"
    ok(["--db", sample, "export", str(target)])
    fresh = str(tmp_path / "fresh.json")
    ok(["--db", fresh, "import", str(target)])
    original, copy = (json.loads(ok(["--db", db, "export"])) for db in (sample, fresh))
    assert copy["phases"] == original["phases"]
    assert without_ids(copy["awards"]) == without_ids(original["awards"])


def test_a_control_character_in_a_cell_is_named_not_merged_away(
    run: Run, tmp_path: Path, db: Path
) -> None:
    """A NUL between two words is reported with its row and column; nothing is imported."""
    sheet = tmp_path / "nul.csv"
    sheet.write_bytes(
        b"recipient,kind,form,issuer,year\n"
        + "Nguyễn\x00Văn A,individual,Giấy khen,UBND tỉnh,2020\n".encode()
    )
    result = run(["import", str(sheet)])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 1 problem in 1 place; nothing was imported\n"
        "  row 2, column recipient: the cell holds the control character U+0000; remove it\n"
    )
    assert not db.exists()


def test_export_to_sqlite_gives_tables_indexes_and_tally_views(
    ok: Ok, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FILE.sqlite: the same records as the JSON export, indexes on what is filtered by, and
    views that count recipients as tally does (revoked awards left out); not to stdout. It is
    built in a temporary file, which is gone once the export is written."""
    import sqlite3
    import tempfile

    scratch = tmp_path / "temporary"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    db = tmp_path / "register.json"
    db.write_bytes((Path(__file__).resolve().parent.parent / "data" / "sample.json").read_bytes())
    ok(
        [
            "--db",
            str(db),
            "revoke",
            "1",
            "--decision",
            "9/QĐ",
            "--on",
            "2019-01-02",
            "--reason",
            "x",
        ]
    )
    target = tmp_path / "register.sqlite"
    ok(["--db", str(db), "export", str(target)])
    assert list(scratch.iterdir()) == []
    database = sqlite3.connect(target)
    exported = json.loads(ok(["--db", str(db), "export"]))
    assert database.execute("SELECT COUNT(*) FROM awards").fetchone()[0] == len(exported["awards"])
    first = database.execute("SELECT id, recipient, form, year FROM awards ORDER BY id").fetchone()
    award = exported["awards"][0]
    assert first == (award["id"], award["recipient"], award["form"], award["year"])
    indexes = {
        row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type='index'")
    }
    assert {"awards_year", "awards_phase", "awards_form", "awards_issuer"} <= indexes
    tallied = json.loads(
        ok(["--db", str(db), "tally", "--by", "phase", "--by", "form", "-f", "json"])
    )
    view = database.execute("SELECT phase, form, recipients FROM recipients_by_phase_and_form")
    assert sorted(view.fetchall()) == sorted((t["phase"], t["form"], t["count"]) for t in tallied)
    database.close()
    refused = run(["--db", str(db), "export", "-f", "sqlite"])
    assert (refused.exit_code, refused.stderr) == (2, (
        "Error: a database cannot go to standard output; give a file name ending in .sqlite or "
        ".db\n"))  # fmt: skip


def test_an_xlsx_export_of_more_awards_than_a_sheet_holds_is_refused() -> None:
    """A sheet holds 1,048,576 rows, the heading among them: an export of as many awards is
    refused before anything is written, naming the formats that hold them."""
    from collections.abc import Sequence

    from awards.errors import Invalid
    from awards.render.xlsx import awards_workbook

    class Many(Sequence[dict[str, object]]):  # that many awards, none of them made
        def __len__(self) -> int:
            return 1_048_576

        def __getitem__(self, index: object) -> dict[str, object]:  # type: ignore[override]
            raise AssertionError("nothing is read of a register too large to write")

    tables = {"awards": Many(), "phases": [], "issuers": [], "catalogue": []}
    with pytest.raises(
        Invalid,
        match=r"^a sheet of a workbook holds at most 1,048,575 rows, "
        r"and this one has 1,048,576; export to \.csv or \.sqlite instead$",
    ):
        awards_workbook(tables)


def test_an_xlsx_export_of_a_text_longer_than_a_cell_holds_is_refused(
    ok: Ok, run: Run, tmp_path: Path
) -> None:
    """A note of 40,000 letters does not fit a cell (32,767): the export says so in one line,
    naming the formats that hold it whole, and writes no workbook; a CSV export holds it."""
    add(ok, "Trần Thị Bình", "--note", "ghi chú " + "x" * 39_992)
    target = tmp_path / "out.xlsx"
    refused = run(["export", str(target)])
    assert (refused.exit_code, refused.stderr) == (1, (
        "Error: a cell of a workbook holds at most 32,767 characters, and a note here has "
        "40,000; export to .csv, .json or .sqlite instead\n"))  # fmt: skip
    assert not target.exists()
    ok(["export", str(tmp_path / "out.csv")])
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as file:
        (written,) = list(csv.DictReader(file))
    assert len(written["note"]) == 40_000
