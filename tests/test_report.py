"""The review report and Vietnamese order: the sentence a report needs, word for word."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from awards.domain.records import Award, Issuer
from awards.query.tally import tally
from awards.reports.review import by_form, commendations, counted
from awards.text import sort_key
from tests.conftest import Run

Ok = Callable[..., str]
SAMPLE = str(Path(__file__).resolve().parent.parent / "data" / "sample.json")
SENTENCE = (
    "Tổng kết 5 năm thực hiện Chương trình phối hợp về “Đẩy mạnh phong trào toàn dân bảo vệ an "
    "ninh Tổ quốc trong công nhân, viên chức, lao động” giai đoạn 2014–2018, có 24 tập thể, cá "
    "nhân được Bộ Công an, UBND tỉnh tặng Bằng khen; 60 tập thể, cá nhân được Giám đốc Công an "
    "tỉnh và Chủ tịch LĐLĐ tỉnh tặng Giấy khen vì có thành tích xuất sắc trong thực hiện Chương "
    "trình. Thiếu tướng Nguyễn Hải Trung, Giám đốc Công an tỉnh và Ông Ngô Tôn Tẫn, Chủ tịch LĐLĐ "
    "tỉnh đã ký Chương trình phối hợp giai đoạn 2018–2023."
)


def test_the_sample_review_gives_the_published_sentence(ok: Ok) -> None:
    """24 Bằng khen from Bộ Công an, UBND tỉnh; 60 Giấy khen from the Director and the Chair."""
    report = ok(["--db", SAMPLE, "report", "phase", "2014-2018"]).splitlines()
    assert report[0] == "# Báo cáo tổng kết giai đoạn 2014–2018"
    assert SENTENCE in report
    assert "## Danh sách Bằng khen (24)" in report and "## Danh sách Giấy khen (60)" in report


def test_the_english_report(ok: Ok) -> None:
    """--lang en says the same in English."""
    text = ok(["--db", SAMPLE, "report", "phase", "2014-2018", "--lang", "en", "-f", "text"])
    assert text.startswith("Review of phase 2014–2018\n=========================\n")
    assert "24 collectives and individuals received a Bằng khen from Bộ Công an and UBND tỉnh;" in (
        " ".join(text.split()))  # fmt: skip


def award(award_id: int, form: str, issuer: str, kind: str = "individual", count: int = 1) -> Award:
    return Award(award_id, f"Người {award_id}", kind, count, form, issuer, 2020)


LEVELS = [Issuer("Bộ Công an", "ministry"), Issuer("UBND tỉnh", "province"),
          Issuer("Sở Nội vụ", "department")]  # fmt: skip


@pytest.mark.parametrize(
    ("awards", "clauses"),
    [
        ([award(1, "Giấy khen", "Giám đốc Công an tỉnh")],
         ["1 cá nhân được Giám đốc Công an tỉnh tặng Giấy khen"]),
        ([award(1, "Bằng khen", "UBND tỉnh", "collective", 3), award(2, "Bằng khen", "Bộ Công an", "collective")],
         ["4 tập thể được Bộ Công an, UBND tỉnh tặng Bằng khen"]),
        ([award(1, "Bằng khen", "UBND tỉnh"), award(2, "Bằng khen", "Bộ Công an"),
          award(3, "Bằng khen", "Sở Nội vụ")],
         ["3 cá nhân được Bộ Công an, UBND tỉnh và Sở Nội vụ tặng Bằng khen"]),
        ([award(1, "Giấy khen", "Giám đốc Công an tỉnh"), award(2, "Huân chương", "Chủ tịch nước"),
          award(3, "Bằng khen", "UBND tỉnh", "mixed", 5)],
         ["1 cá nhân được Chủ tịch nước tặng thưởng Huân chương",
          "5 tập thể, cá nhân được UBND tỉnh tặng Bằng khen",
          "1 cá nhân được Giám đốc Công an tỉnh tặng Giấy khen"]),
        ([award(1, "Lao động tiên tiến", "Giám đốc Công an tỉnh"),
          award(2, "Huân chương Lao động hạng Ba", "Chủ tịch nước", "collective"),
          award(3, "Huân chương Lao động hạng Nhì", "Chủ tịch nước", "collective")],
         ["1 tập thể được Chủ tịch nước tặng thưởng Huân chương Lao động hạng Nhì",
          "1 tập thể được Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba",
          "1 cá nhân được Giám đốc Công an tỉnh công nhận danh hiệu Lao động tiên tiến"]),
        ([award(1, "Giấy khen", "Giám đốc Công an tỉnh"), award(2, "Giấy khen", "Giám đốc Công an tỉnh"),
          award(3, "Giấy khen", "Giám đốc Công an tỉnh", count=2),
          award(4, "Giấy khen", "Giám đốc Công an tỉnh", "collective")],
         ["5 tập thể, cá nhân được Giám đốc Công an tỉnh tặng Giấy khen"]),
    ],
    ids=["one", "two bodies", "several", "forms by rank", "the verb of each and classes",
         "alike"],
)  # fmt: skip
def test_commendation_clauses(awards: list[Award], clauses: list[str]) -> None:
    """Counts summed, kinds from those present, issuers by level, forms by rank; and the same
    of the awards counted together by form, year, issuer and kind, as a review counts them."""
    assert commendations(by_form(awards), LEVELS, "vi") == clauses
    assert commendations(by_form(counted(awards)), LEVELS, "vi") == clauses


def test_awards_counted_together_tally_as_the_awards_do() -> None:
    """A review's cross-tabs count one record for each group of alike awards (``counted``):
    they are the awards' own, whatever the counts and however many are alike."""
    awards = [award(1, "Giấy khen", "Giám đốc Công an tỉnh"),
              award(2, "Giấy khen", "Giám đốc Công an tỉnh"),
              award(3, "Giấy khen", "Giám đốc Công an tỉnh", count=4),
              award(4, "Bằng khen", "UBND tỉnh", "collective", 3),
              Award(5, "Người 5", "collective", 2, "Bằng khen", "UBND tỉnh", 2019),
              Award(6, "Người 6", "individual", 1, "Giấy khen", "Chủ tịch LĐLĐ tỉnh", 2019)]  # fmt: skip
    assert len(counted(awards)) == 5  # the first two are alike
    for dims in (("year", "form"), ("issuer", "kind")):
        assert tally(counted(awards), dims, []) == tally(awards, dims, [])


def test_a_phase_that_starts_in_the_year_the_last_ended_counts_its_years_once(ok: Ok) -> None:
    """2014–2018 is five years, and so is 2018–2023, which starts in the year 2014–2018 ended;
    2024–2028, signed, is named in the review of the phase before it."""
    for code, start, end in (("A", 2014, 2018), ("B", 2018, 2023)):
        ok(["phase", "add", code, "--program", "P", "--start", str(start), "--end", str(end)])
    ok(["phase", "add", "C", "--program", "P", "--start", "2024", "--end", "2028",
        "--signed-on", "20/12/2023", "--signer", "Giám đốc Công an tỉnh",
        "--signer", "Chủ tịch LĐLĐ tỉnh"])  # fmt: skip
    assert "Tổng kết 5 năm thực hiện" in ok("report phase A")
    review = ok("report phase B")
    assert "Tổng kết 5 năm thực hiện Chương trình phối hợp về “P” giai đoạn 2018–2023" in review
    assert ("Ngày 20/12/2023, Giám đốc Công an tỉnh và Chủ tịch LĐLĐ tỉnh đã ký Chương trình "
            "phối hợp giai đoạn 2024–2028.") in review  # fmt: skip


def test_names_with_markup_characters_reach_the_word_table_as_typed(ok: Ok, tmp_path: Path) -> None:
    """<, > and & are text in a name, not XML, and % and {} no format: the document opens and
    its list shows them."""
    ok(["phase", "add", "P", "--program", "P", "--start", "2020", "--end", "2024"])
    ok(["add", "Tổ <Bảo vệ> & Đội 1", "--kind", "tập thể", "--form", "Giấy khen", "--issuer",
        "UBND tỉnh", "--year", "2021", "--unit", "A & B"])  # fmt: skip
    ok(["add", "Đội %s 100% {0}", "--kind", "tập thể", "--form", "Giấy khen", "--issuer",
        "UBND tỉnh", "--year", "2021", "--unit", "%(unit)s"])  # fmt: skip
    target = tmp_path / "review.docx"
    ok(["report", "phase", "P", "-o", str(target)])
    document = docx.Document(io.BytesIO(target.read_bytes()))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert any("Tổ <Bảo vệ> & Đội 1" in row and "A & B" in row for row in rows)
    assert any("Đội %s 100% {0}" in row and "%(unit)s" in row for row in rows)


def test_a_long_word_table_keeps_every_cell_as_given_whatever_its_neighbours() -> None:
    """Rows are written a few hundred at a time: a cell of two lines, one with a space at its
    end, an empty one and a number each keep their form beside plain rows in the same part,
    and every row of a list longer than a part is in the table, in order."""
    from awards.grid import Grid
    from awards.render.docx import report_document
    from awards.reports.review import Report

    rows: list[list[str | int | None]] = [[n, f"Nguyễn Văn {n}", "Đội A"] for n in range(1, 1201)]
    rows[700] = [701, "Tổ 1\nTổ 2", None]
    rows[701] = [702, "Đội & Tổ <B> ", "Đội A"]
    grid = Grid(["STT", "Họ và tên", "Đơn vị"], rows, total=["", "Cộng", 1200])
    report = Report("Danh sách", tables=[("", grid)], attached=True)
    document = docx.Document(io.BytesIO(report_document(report)))
    shown = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    expected = [["", "Cộng", "1200"] if row is None else
                ["" if v is None else str(v) for v in row] for row in [*rows, None]]  # fmt: skip
    assert shown == [["STT", "Họ và tên", "Đơn vị"], *expected]
    # the space at the end of a name marked to be kept, or Word would drop it
    assert 'xml:space="preserve">Đội &amp; Tổ &lt;B&gt; </w:t>' in document.element.xml


def test_a_length_the_program_states_comes_before_the_count(
    ok: Ok, run: Run, tmp_path: Path
) -> None:
    """A program signed for six years says so (phase --years 6) where the count from its years
    would say five; --years 0 goes back to the count; the length goes out with an export and
    comes back with its import."""
    ok(["phase", "add", "A", "--program", "P", "--start", "2014", "--end", "2018"])
    ok(["phase", "add", "B", "--program", "P", "--start", "2018", "--end", "2023", "--years", "6"])
    assert "Tổng kết 6 năm thực hiện Chương trình phối hợp về “P” giai đoạn 2018–2023" in ok(
        "report phase B"
    )
    exported = tmp_path / "register.json"
    ok(["export", str(exported)])
    copy = tmp_path / "copy.json"
    ok(["--db", str(copy), "import", str(exported)])
    assert json.loads(ok(["--db", str(copy), "phase", "show", "B", "-f", "json"]))["years"] == 6
    ok(["phase", "edit", "B", "--years", "0"])
    assert "Tổng kết 5 năm thực hiện" in ok("report phase B")
    wrong = run(["phase", "edit", "B", "--years", "51"])
    assert (wrong.exit_code, wrong.stderr) == (1, "Error: years must be from 1 to 50, not 51\n")


def test_revoked_awards_are_not_reported(ok: Ok, run: Run) -> None:
    """A revoked award is not in the sentence or the tables."""
    ok(["phase", "add", "P", "--program", "Chương trình", "--start", "2020", "--end", "2021"])
    for name in ("An", "Bình"):
        ok(["add", name, "--kind", "individual", "--form", "Giấy khen", "--issuer", "Sở Nội vụ",
            "--year", "2020"])  # fmt: skip
    ok("revoke 2 --decision 9/QĐ --on 2021-01-02 --reason x")
    report = ok("report phase P")
    assert "có 1 cá nhân được Sở Nội vụ tặng Giấy khen vì có thành tích xuất sắc trong" in report
    assert "Bình" not in report


def test_a_word_document_laid_out_as_the_decree_lays_one_out(
    ok: Ok, run: Run, tmp_path: Path
) -> None:
    """Nghị định 30/2020/NĐ-CP: A4, its margins, Times New Roman 13, vi-VN; the two parties as
    issuing bodies beside the national name and motto; number, place and date; BÁO CÁO and its
    summary; the sentence and the tables; Nơi nhận and a signature block for each signer; page
    numbers in the header from the second page; the document's properties."""
    target = tmp_path / "bao-cao.docx"
    result = run(["--db", SAMPLE, "report", "phase", "2014-2018", "-f", "docx", "-o", str(target),
                  "--number", "15/BC-CAT-LĐLĐ", "--place", "Thanh Hóa",
                  "--signer", "Nguyễn Văn A, Giám đốc Công an tỉnh",
                  "--signer", "Trần Thị B, Chủ tịch LĐLĐ tỉnh"])  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, f"wrote the report to {target}\n")
    document = docx.Document(io.BytesIO(target.read_bytes()))
    page = document.sections[0]
    assert [round(v.mm) for v in (page.page_width, page.page_height)] == [210, 297]
    assert [round(v.mm) for v in (page.top_margin, page.bottom_margin, page.left_margin,
                                  page.right_margin)] == [20, 20, 30, 15]  # fmt: skip
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Times New Roman", 13)
    assert document.core_properties.language == "vi-VN"
    assert document.core_properties.author == "Công an tỉnh; Liên đoàn Lao động tỉnh"
    header = document.tables[0]
    assert [c.text.split("\n")[0] for c in header.rows[0].cells] == [
        "CÔNG AN TỈNH", "LIÊN ĐOÀN LAO ĐỘNG TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]  # fmt: skip
    assert "Độc lập - Tự do - Hạnh phúc" in header.rows[0].cells[2].text
    assert header.rows[1].cells[0].text == "Số: 15/BC-CAT-LĐLĐ"
    assert header.rows[1].cells[2].text.startswith("Thanh Hóa, ngày ")
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:2] == ["BÁO CÁO", (
        "Tổng kết 5 năm thực hiện Chương trình phối hợp về “Đẩy mạnh phong trào toàn dân bảo vệ "
        "an ninh Tổ quốc trong công nhân, viên chức, lao động” giai đoạn 2014–2018")]  # fmt: skip
    assert SENTENCE in paragraphs
    closing = document.tables[-1].rows[0].cells
    assert closing[0].text.startswith("Nơi nhận:")
    assert [c.text.split("\n")[0] for c in closing[1:]] == [
        "GIÁM ĐỐC CÔNG AN TỈNH", "CHỦ TỊCH LĐLĐ TỈNH"]  # fmt: skip
    assert [c.text.split("\n")[-1] for c in closing[1:]] == ["Nguyễn Văn A", "Trần Thị B"]
    assert page.different_first_page_header_footer
    assert "PAGE" in page.header.paragraphs[0]._p.xml
    table = document.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["Năm", "Bằng khen", "Giấy khen", "Tổng cộng"]
    assert [c.text for c in table.rows[-1].cells] == ["Tổng cộng", "24", "60", "84"]
    bold = [
        {run.bold for cell in row.cells for run in cell.paragraphs[0].runs} for row in table.rows
    ]
    assert bold == [{True}, *[{False}] * (len(table.rows) - 2), {True}]  # the header, the total
    piped = run(["--db", SAMPLE, "report", "phase", "2014-2018", "-f", "docx"])
    assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"PK")


def test_a_year_report_across_phases(ok: Ok) -> None:
    """report year Y: that year's awards, whatever their phase."""
    report = ok(["--db", SAMPLE, "report", "year", "2023"])
    assert report.startswith("# Báo cáo khen thưởng năm 2023\n")
    assert "Năm 2023, có 2 tập thể, cá nhân được Bộ Công an, UBND tỉnh tặng Bằng khen; " in report


SURNAMES = ["Vũ", "Đỗ", "Dương", "Đặng", "Ân", "An", "Ánh", "Ông", "Ô", "Ơn", "Em", "Ưng", "Uông",
            "Bùi", "Ngô", "Nguyễn", "Nguyên", "Lê", "Lý", "Hồ", "Hoàng", "Huỳnh", "Phạm", "Phan"]  # fmt: skip


def test_vietnamese_alphabetical_order() -> None:
    """a < ă < â, d < đ, o < ô < ơ, u < ư; tones only break ties: Đặng after Dương, before Em."""
    assert sorted(SURNAMES, key=sort_key) == [
        "An", "Ánh", "Ân", "Bùi", "Dương", "Đặng", "Đỗ", "Em", "Hoàng", "Hồ", "Huỳnh", "Lê",
        "Lý", "Ngô", "Nguyên", "Nguyễn", "Ô", "Ông", "Ơn", "Phạm", "Phan", "Uông", "Ưng", "Vũ",
    ]  # fmt: skip


def test_lists_sorted_by_name_follow_vietnamese_order(ok: Ok) -> None:
    """list --sort recipient puts Đặng after Dương."""
    for name in ("Em", "Đặng Văn A", "Dương Văn B"):
        ok(["add", name, "--kind", "individual", "--form", "Giấy khen", "--issuer", "X",
            "--year", "2020"])  # fmt: skip
    shown = ok("list --sort recipient -f csv").splitlines()[1:]
    assert [line.split(",")[1] for line in shown] == ["Dương Văn B", "Đặng Văn A", "Em"]


def test_a_decision_number_of_several_years_or_issuers_names_one_with_year_and_issuer(
    ok: Ok, run: Run
) -> None:
    """Numbers start again every year and each issuer has its own (Nghị định 30/2020/NĐ-CP,
    Điều 15): 12/QĐ-UBND of the province in 2020 and 2021 and of a district in 2021 are three
    decisions, which the list does not run together; --year and --issuer choose one."""
    for name, issuer, on in (
        ("An", "UBND tỉnh", "2020-03-02"),
        ("Bình", "UBND tỉnh", "2021-04-05"),
        ("Chi", "UBND huyện", "2021-06-07"),
        ("Dũng", "UBND tỉnh", None),
    ):
        ok(["add", name, "--kind", "individual", "--form", "Giấy khen", "--issuer", issuer,
            "--year", (on or "2021")[:4], "--decision", "12/QĐ-UBND",
            *(["--decided-on", on] if on else [])])  # fmt: skip
    several = run("report decision 12/QĐ-UBND")
    assert (several.exit_code, several.stdout) == (1, "")
    assert several.stderr == (
        "Error: 12/QĐ-UBND names 3 decisions, numbered afresh each year by each issuer: "
        "UBND tỉnh, 2020; UBND huyện, 2021; UBND tỉnh, 2021; --year or --issuer chooses one\n"
    )
    listed = ok("report decision 12/qđ-ubnd --year 2021 --issuer 'ubnd  tỉnh'")
    assert "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/04/2021 của UBND tỉnh)" in listed
    names = [line.split(" | ")[1] for line in listed.splitlines() if line.startswith("| ")][2:]
    assert names == ["Bình", "Dũng"]  # Dũng undated, of his award's year
    assert "| 1 | An |" in ok("report decision 12/QĐ-UBND --year 2020")
    assert "| 1 | Chi |" in ok("report decision 12/QĐ-UBND --issuer 'UBND huyện'")
    for options in ("--year 2019", "--issuer 'UBND huyen'"):  # no year, no such issuer
        missing = run(f"report decision 12/QĐ-UBND {options}")
        assert (missing.exit_code, missing.stderr) == (1, (
            "Error: 12/QĐ-UBND names no decision of that year and issuer; it names: UBND tỉnh, "
            "2020; UBND huyện, 2021; UBND tỉnh, 2021\n"))  # fmt: skip


def test_a_decisions_list_as_it_is_attached(ok: Ok, run: Run, tmp_path: Path) -> None:
    """The title with the verb, the decision it goes with, sections I. TẬP THỂ and II. CÁ NHÂN
    numbered afresh, the honorific before the name, position and unit; as docx on A4."""
    db = tmp_path / "r.json"
    db.write_bytes(Path(SAMPLE).read_bytes())
    ok(["--db", str(db), "import", str(Path(SAMPLE).parent / "decision-1520.xlsx")])
    listed = ok(["--db", str(db), "report", "decision", "1520/qđ-cat"]).splitlines()
    assert listed[:3] == [
        "# DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN", "",
        "(Kèm theo Quyết định số 1520/QĐ-CAT ngày 15/12/2023 của Giám đốc Công an tỉnh)"]  # fmt: skip
    rows = [line for line in listed if line.startswith("| ")][1:]
    assert rows[0] == "| I | TẬP THỂ |  |"
    assert rows[4] == "| II | CÁ NHÂN |  |"
    assert (
        rows[5]
        == "| 1 | Ông Châu Văn Lực | Đội trưởng Đội bảo vệ, Công ty CP Cấp nước Thành Đông |"
    )
    target = tmp_path / "ds.docx"
    ok(["--db", str(db), "report", "decision", "1520/QĐ-CAT", "-o", str(target)])
    document = docx.Document(io.BytesIO(target.read_bytes()))
    assert round(document.sections[0].page_width.mm) == 210
    assert document.paragraphs[0].text == "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"
    assert [c.text for c in document.tables[0].rows[1].cells] == ["I", "TẬP THỂ", ""]
    missing = run(["--db", str(db), "report", "decision", "9999/QĐ"])
    assert (missing.exit_code, missing.stderr) == (1, "Error: no awards with decision '9999/QĐ'\n")
