"""The award commands as a user runs them: output, exit codes, and the data file's bytes."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awards import text
from awards.domain.build import build_award
from awards.domain.records import Award
from awards.query.tally import tally
from tests.conftest import Run, digest

Ok = Callable[..., str]
UBND, BCA = "UBND tỉnh", "Bộ Công an"


COLLECTIVE_2020 = ["--kind", "tập thể", "--form", "Giấy khen", "--issuer", UBND, "--year", "2020"]


def add(ok: Ok, recipient: str, *options: str) -> int:
    return int(ok(["add", recipient, *options]))


@pytest.fixture
def some(ok: Ok, phases: None) -> None:
    """Four awards across both phases; 2018 ones name their phase."""
    add(
        ok,
        "Đội bảo vệ Bình An",
        "--kind",
        "tập thể",
        "--form",
        "Bằng khen",
        "--issuer",
        UBND,
        "--year",
        "2018",
        "--phase",
        "2014-2018",
        "--unit",
        "Công ty TNHH Bình An",
    )
    add(
        ok,
        "Nguyễn Văn An",
        "--kind",
        "cá nhân",
        "--form",
        "bang-khen",
        "--issuer",
        BCA,
        "--year",
        "2017",
        "--decision",
        "2510/QĐ-BCA",
        "--decided-on",
        "12/10/2017",
    )
    add(
        ok,
        "Các tập thể, cá nhân",
        "--kind",
        "mixed",
        "--count",
        "30",
        "--form",
        "giay khen",
        "--issuer",
        "Giám đốc Công an tỉnh",
        "--year",
        "2018",
        "--phase",
        "2014-2018",
    )
    add(ok, "Trần Thị Bình", "--kind", "individual", "--form", "Giấy khen",
        "--issuer", "Chủ tịch LĐLĐ tỉnh", "--year", "2021", "--note", "Dòng 1\nDòng 2")  # fmt: skip


def test_add_prints_new_ids(ok: Ok, phases: None) -> None:
    """Each add prints the id it gave, counting up."""
    args = ["--kind", "cá nhân", "--form", "Giấy khen", "--issuer", UBND, "--year", "2020"]
    assert ok(["add", "A", *args]) == "1\n"
    assert ok(["add", "B", *args]) == "2\n"


def test_list_table(ok: Ok, some: None) -> None:
    """The table shows every match, with the numbers right-aligned and a count below."""
    assert ok("list") == (
        "Id  Recipient             Kind        Count  Form       Issuer                 Year  Phase      Decision     Unit\n"
        "─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n"
        " 1  Đội bảo vệ Bình An    collective      1  Bằng khen  UBND tỉnh              2018  2014-2018  —            Công ty TNHH Bình An\n"
        " 2  Nguyễn Văn An         individual      1  Bằng khen  Bộ Công an             2017  2014-2018  2510/QĐ-BCA  —\n"
        " 3  Các tập thể, cá nhân  mixed          30  Giấy khen  Giám đốc Công an tỉnh  2018  2014-2018  —            —\n"
        " 4  Trần Thị Bình         individual      1  Giấy khen  Chủ tịch LĐLĐ tỉnh     2021  2018-2023  —            —\n"
        "4 award record(s), 33 recipient(s)\n"
    )


def test_list_json_has_exactly_the_award_keys(ok: Ok, some: None) -> None:
    """JSON objects carry all twenty keys, absent values as null, dates ISO."""
    awards = json.loads(ok("list --format json"))
    assert awards[1] == {
        "id": 2, "recipient": "Nguyễn Văn An", "kind": "individual", "count": 1,
        "form": "Bằng khen", "issuer": "Bộ Công an", "year": 2017, "phase": "2014-2018",
        "decision": "2510/QĐ-BCA", "decided_on": "2017-10-12", "honorific": None,
        "position": None, "unit": None, "note": None, "method": None, "category": None,
        "sector": None,
        "revoked_decision": None, "revoked_on": None, "revoked_reason": None,
    }  # fmt: skip
    assert awards[3]["note"] == "Dòng 1\nDòng 2"


@pytest.mark.parametrize(
    "args", ["list", "list -f json", "list -f csv", "list --year 2021", "list --sort unit"]
)
def test_list_refuses_a_record_damaged_by_hand_and_names_the_field(
    ok: Ok, run: Run, some: None, db: Path, args: str
) -> None:
    """A decision typed as a number into the file: list says which field is damaged, exit 1,
    whether it shows that award or not, and leaves the file as it is."""
    data = json.loads(db.read_text(encoding="utf-8"))
    data["awards"]["2"]["decision"] = 5
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = digest(db)
    result = run(args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"Error: {db} holds a damaged record (decision is neither "
                                    "text nor null); it was left as it is. The last good copy")  # fmt: skip
    assert digest(db) == before


def test_list_csv_tsv_markdown(ok: Ok, some: None) -> None:
    """CSV and TSV have a header and every field; Markdown is a table."""
    csv_lines = ok("list --format csv --limit 1").splitlines()
    assert csv_lines == [
        "id,recipient,kind,count,form,issuer,year,phase,decision,decided_on,honorific,position,"
        "unit,note,method,category,sector,revoked_decision,revoked_on,revoked_reason",
        "1,Đội bảo vệ Bình An,collective,1,Bằng khen,UBND tỉnh,2018,2014-2018,,,,,"
        "Công ty TNHH Bình An,,,,,,,",
    ]
    tsv_lines = ok("list --format tsv --year 2021").splitlines()
    assert tsv_lines[1].split("\t")[:3] == ["4", "Trần Thị Bình", "individual"]
    assert tsv_lines[1].endswith('"Dòng 1')
    markdown = ok("list --format markdown --year 2017").splitlines()
    assert markdown[:3] == [
        "| Id | Recipient | Kind | Count | Form | Issuer | Year | Phase | Decision | Unit |",
        "|---:|---|---|---:|---|---|---:|---|---|---|",
        "| 2 | Nguyễn Văn An | individual | 1 | Bằng khen | Bộ Công an | 2017 | 2014-2018 | 2510/QĐ-BCA | — |",
    ]


def ids(ok: Ok, args: str) -> list[int]:
    return [award["id"] for award in json.loads(ok(f"list --format json {args}"))]


@pytest.mark.parametrize(
    ("args", "expected"),
    [("--year 2018", [1, 3]), ("--from 2018", [1, 3, 4]), ("--to 2017", [2]),
     ("--from 2017 --to 2018", [1, 2, 3]), ("--phase 2018-2023", [4]), ("--form giay-khen", [3, 4]),
     ("--issuer 'ubnd  TỈNH'", [1]), ("--kind 'cá nhân'", [2, 4]), ("--kind mixed", [3]),
     ("--search 'nguyen van'", [2]), ("--search binh", [1, 4]), ("--search 2510/qd", [2]),
     ("--search 'dong 2'", [4]), ("--search 'TNHH'", [1]), ("--sort -year --limit 2", [4, 1]),
     ("--sort recipient", [3, 1, 2, 4]), ("--limit 0", [])],
)  # fmt: skip
def test_filters_and_sort(ok: Ok, some: None, args: str, expected: list[int]) -> None:
    """Each filter selects by its field; search ignores case and accents (d matches đ)."""
    assert ids(ok, args) == expected


def test_search_d_matches_d_stroke(ok: Ok, some: None) -> None:
    """`doi bao ve` finds `Đội bảo vệ`."""
    assert ids(ok, "--search 'doi bao ve'") == [1]


def test_show_table_and_json(ok: Ok, some: None) -> None:
    """show prints every field; --format json the object."""
    assert ok("show 2").splitlines()[2:5] == [
        "Id          2",
        "Recipient   Nguyễn Văn An",
        "Kind        individual",
    ]
    assert json.loads(ok("show 3 --format json"))["count"] == 30


def test_tally_default_is_phase_by_form(ok: Ok, some: None) -> None:
    """No --by: phases as rows, forms as columns from the highest down, totals both ways."""
    assert ok("tally") == (
        "Phase      Bằng khen  Giấy khen  Total\n"
        "──────────────────────────────────────\n"
        "2014-2018          2         30     32\n"
        "2018-2023                     1      1\n"
        "──────────────────────────────────────\n"
        "Total              2         31     33\n"
    )


def test_tally_one_dimension_all_formats(ok: Ok, some: None) -> None:
    """One --by: count and share for people; rows without totals for scripts."""
    assert ok("tally --by year") == (
        "Year   Recipients   Share\n"
        "─────────────────────────\n"
        "2017            1    3.0%\n"
        "2018           31   93.9%\n"
        "2021            1    3.0%\n"
        "─────────────────────────\n"
        "Total          33  100.0%\n"
    )
    assert json.loads(ok("tally --by year --format json")) == [
        {"year": 2017, "count": 1}, {"year": 2018, "count": 31}, {"year": 2021, "count": 1},
    ]  # fmt: skip
    assert ok("tally --by year --format csv") == "year,count\n2017,1\n2018,31\n2021,1\n"
    assert ok("tally --by year -f tsv") == "year\tcount\n2017\t1\n2018\t31\n2021\t1\n"
    assert ok("tally --by kind --format markdown") == (
        "| Kind | Recipients | Share |\n"
        "|---|---:|---:|\n"
        "| mixed | 30 | 90.9% |\n"
        "| individual | 2 | 6.1% |\n"
        "| collective | 1 | 3.0% |\n"
        "| **Total** | **33** | **100.0%** |\n"
    )


def test_tally_with_filters_and_three_dimensions(ok: Ok, some: None) -> None:
    """Filters narrow the tally; three dimensions give grouped rows."""
    assert json.loads(ok("tally --by issuer --form 'bằng khen' --format json")) == [
        {"issuer": "Bộ Công an", "count": 1}, {"issuer": "UBND tỉnh", "count": 1},
    ]  # fmt: skip
    out = ok("tally --by phase --by form --by unit --year 2018")
    assert out.splitlines()[2:4] == [
        "2014-2018  Bằng khen  Công ty TNHH Bình An           1",
        "           Giấy khen  (none)                        30",
    ]


def test_one_category_from_nfc_nfd_case_and_spaces(ok: Ok, phases: None) -> None:
    """Form and issuer typed four ways tally as one row each."""
    nfd_form = unicodedata.normalize("NFD", "Bằng khen")
    nfd_issuer = unicodedata.normalize("NFD", "UBND tỉnh")
    for form, issuer in [("Bằng khen", "UBND tỉnh"), (nfd_form, nfd_issuer),
                         ("BẰNG KHEN", "ubnd tỉnh"), ("  Bằng   khen ", "  UBND   tỉnh  ")]:  # fmt: skip
        ok(["add", "X", "--kind", "cá nhân", "--form", form, "--issuer", issuer, "--year", "2020"])
    assert json.loads(ok("tally --by form --by issuer --format json")) == [
        {"form": "Bằng khen", "issuer": "UBND tỉnh", "count": 4}
    ]


def test_unit_takes_the_stored_spelling(ok: Ok, phases: None) -> None:
    """A unit differing only by case or spacing joins the stored one."""
    base = ["--kind", "cá nhân", "--form", "Giấy khen", "--issuer", UBND, "--year", "2020"]
    ok(["add", "A", *base, "--unit", "Công ty Bình An"])
    ok(["add", "B", *base, "--unit", "công ty  BÌNH AN"])
    assert json.loads(ok("tally --by unit -f json")) == [{"unit": "Công ty Bình An", "count": 2}]


@pytest.mark.parametrize(
    "name", ["Đội [bold]Nhanh[/bold] [A]", "[red]X[/red]", "[/]", "Đơn vị [khen thưởng]",
             "[link=http://x]y", "trailing\\"],
)  # fmt: skip
def test_markup_looking_names_print_exactly(ok: Ok, phases: None, name: str) -> None:
    """Brackets and backslashes are data, printed as typed in table, JSON, CSV and show."""
    add(ok, name, *COLLECTIVE_2020)
    assert [cell for cell in ok("list").splitlines()[2].split("  ") if cell][1].strip() == name
    assert json.loads(ok("list -f json"))[0]["recipient"] == name
    assert ok("list -f csv").splitlines()[1].split(",")[1] == name
    assert name in ok("show 1")


def test_markdown_escapes_so_names_render_as_typed(ok: Ok, phases: None) -> None:
    """Markdown gets backslashes before characters it would read as syntax."""
    add(ok, "A|B *c* [d]", *COLLECTIVE_2020)
    assert "| A\\|B \\*c\\* \\[d\\] |" in ok("list -f markdown")


def test_a_long_markdown_table_escapes_each_row_as_it_would_alone() -> None:
    """Rows are escaped a few thousand at a time, each row as it would be alone, and every row
    of a table longer than a part is there, in order: in a part with syntax characters, an
    empty cell (a dash) and a name that is the word None (that word); in one with a control
    character; in one with a "|"; in one with a line break (<br>)."""
    from awards.grid import Grid
    from awards.render.text import markdown_parts

    rows: list[list[str | int | None]] = [[n, f"Đội {n}", "Phòng A"] for n in range(1, 6501)]
    rows[5] = [6, "None", None]
    rows[10] = [11, "*c* #1", "[x]_"]
    rows[2100] = [2101, "Đội \x1b[2J", None]
    rows[4101] = [4102, "A|B *c*", "<Phòng>"]
    rows[6101] = [6102, "Dòng một\nDòng hai", "Phòng A"]
    lines = "".join(markdown_parts(Grid(["STT", "Tên", "Đơn vị"], rows))).splitlines()
    assert len(lines) == 2 + 6500
    assert lines[2] == "| 1 | Đội 1 | Phòng A |"
    assert lines[2 + 5] == "| 6 | None | — |"
    assert lines[2 + 10] == "| 11 | \\*c\\* \\#1 | \\[x\\]\\_ |"
    assert lines[2 + 2100] == "| 2101 | Đội \\\\x1b\\[2J | — |"
    assert lines[2 + 4101] == "| 4102 | A\\|B \\*c\\* | \\<Phòng\\> |"
    assert lines[2 + 6101] == "| 6102 | Dòng một<br>Dòng hai | Phòng A |"
    assert lines[-1] == "| 6500 | Đội 6500 | Phòng A |"


def test_control_characters_are_removed_on_input(ok: Ok, phases: None) -> None:
    """ESC sequences, BEL and CR typed or pasted into a name never reach the file."""
    ok(["add", "\x1b[31mĐỏ\x1b[0m\x07\r", "--kind", "tập thể", "--form", "Giấy khen",
        "--issuer", "\x1b]0;t\x07UBND tỉnh", "--year", "2020"])  # fmt: skip
    award = json.loads(ok("show 1 -f json"))
    assert (award["recipient"], award["issuer"]) == ("Đỏ", "UBND tỉnh")


def test_hand_edited_control_bytes_are_shown_escaped(ok: Ok, db: Path, phases: None) -> None:
    """A file edited by hand with an ESC in a name shows it as \\x1b in tables and Markdown."""
    add(ok, "Tên", *COLLECTIVE_2020)
    db.write_text(db.read_text(encoding="utf-8").replace("Tên", "T\\u001b[2Jên"), encoding="utf-8")
    for fmt, shown in (("table", "T\\x1b[2Jên"), ("markdown", "T\\\\x1b\\[2Jên")):
        out = ok(f"list -f {fmt}")
        assert "\x1b" not in out
        assert shown in out


def test_json_escapes_the_invisible_and_leaves_typography_as_typed(
    ok: Ok, db: Path, phases: None
) -> None:
    """Quotes and dashes share their first UTF-8 byte with the invisible characters JSON
    escapes: they stay as typed, while a zero-width space edited into the file by hand, among
    them, is escaped; a parser reads both back as they are stored."""
    add(ok, "Đội “Sao Vàng” – Quận 1", *COLLECTIVE_2020)
    assert '"Đội “Sao Vàng” – Quận 1"' in ok("list -f json")
    add(ok, "Tổ Một", *COLLECTIVE_2020)
    db.write_text(
        db.read_text(encoding="utf-8").replace("Tổ Một", "Tổ\\u200bMột"), encoding="utf-8"
    )
    out = ok("list -f json")
    assert "\u200b" not in out and '"Tổ\\u200bMột"' in out
    assert '"Đội “Sao Vàng” – Quận 1"' in out
    assert [r["recipient"] for r in json.loads(out)] == ["Đội “Sao Vàng” – Quận 1", "Tổ\u200bMột"]


def test_edit_changes_only_what_is_given(ok: Ok, some: None) -> None:
    """Edit keeps other fields; an empty value clears an optional one."""
    ok(["edit", "2", "--recipient", "Nguyễn Văn Ân", "--decision", ""])
    award = json.loads(ok("show 2 -f json"))
    assert (award["recipient"], award["decision"], award["decided_on"]) == (
        "Nguyễn Văn Ân", None, "2017-10-12",
    )  # fmt: skip


def test_edit_year_keeps_or_reinfers_phase(ok: Ok, some: None) -> None:
    """2018 → 2016 keeps 2014-2018; 2017 → 2022 moves to 2018-2023."""
    ok("edit 1 --year 2016")
    ok("edit 2 --year 2022")
    assert [(a["id"], a["phase"]) for a in json.loads(ok("list -f json --to 2022"))] == [
        (1, "2014-2018"), (2, "2018-2023"), (3, "2014-2018"), (4, "2018-2023"),
    ]  # fmt: skip


def test_remove_needs_yes_off_a_terminal(run: Run, ok: Ok, db: Path, some: None) -> None:
    """Without --yes and no terminal: exit 1, nothing removed; with --yes: gone."""
    before = digest(db)
    result = run("remove 1")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: removing needs --yes when not run at a terminal\n",
    )
    assert digest(db) == before
    result = run("remove 1 3 --yes")
    assert (result.exit_code, result.stderr) == (0, "removed 2 award(s)\n")
    assert ids(ok, "") == [2, 4]
    assert add(ok, "Z", *COLLECTIVE_2020) == 5


def test_issuer_did_you_mean(run: Run, ok: Ok, db: Path, some: None) -> None:
    """An issuer differing only by diacritics is refused with a hint; --new-issuer keeps it."""
    args = [
        "add",
        "X",
        "--kind",
        "tập thể",
        "--form",
        "Giấy khen",
        "--issuer",
        "UBND tinh",
        "--year",
        "2020",
    ]
    before = digest(db)
    result = run(args)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: issuer 'UBND tinh' is not stored; did you mean 'UBND tỉnh'? "
        "(use --new-issuer to keep it as a new issuer)\n"
    )
    assert digest(db) == before
    assert ok([*args, "--new-issuer"]) == "5\n"


BASE = ["--kind", "cá nhân", "--form", "Giấy khen", "--issuer", UBND, "--year", "2020"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "X", *BASE[:-1], "1900"], "year 1900 is out of range (1945–"),
        (["add", "X", *BASE, "--kind", "nhóm"], "unknown kind 'nhóm'"),
        (["add", "X", *BASE, "--form", "Giấy chứng nhận"], "unknown title or form 'Giấy chứng nhận'; `awards catalogue list` shows them"),
        (["add", "X", *BASE, "--phase", "1990-1995"], "no phase with code '1990-1995'"),
        (["add", "X", *BASE, "--phase", "2014-2018"], "year 2020 is outside phase 2014-2018 (2014–2018)"),
        (["add", "X", *BASE[:-1], "2018"], "year 2018 lies in phases 2014-2018 and 2018-2023; choose one with --phase"),
        (["add", "X", *BASE, "--decided-on", "31/02/2020"], "decided-on '31/02/2020' is not a real date"),
        (["add", "X", *BASE, "--count", "0"], "count must be from 1 to 1000000, not 0"),
        (["add", "X", *BASE, "--count", "18446744073709551615"],
         "count must be from 1 to 1000000, not 18446744073709551615"),
        (["add", "X", *BASE, "--kind", "mixed"], "kind mixed stands for several recipients"),
        (["add", "  ", *BASE], "recipient must not be empty"),
        (["edit", "99", "--year", "2020"], "no award with id 99"),
        (["edit", "1", "--year", "2024", "--phase", "2014-2018"], "year 2024 is outside phase 2014-2018"),
        (["show", "99"], "no award with id 99"),
        (["remove", "1", "99", "--yes"], "no award with id 99"),
        (["list", "--form", "x"], "unknown title or form 'x'"),
        (["tally", "--phase", "nope"], "no phase with code 'nope'"),
        (["tally", "--from", "1800"], "from 1800 is out of range"),
    ],
)  # fmt: skip
def test_bad_values_exit_1_with_one_line_and_file_unchanged(
    run: Run, db: Path, some: None, args: list[str], message: str
) -> None:
    """A bad value: exit 1, one 'Error:' line naming the problem, data file byte-for-byte kept."""
    before = digest(db)
    result = run(args)
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith(f"Error: {message}")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert digest(db) == before


@pytest.mark.parametrize(
    "args",
    [["add", "X", *BASE[:-1], "abc"], ["add", "X", "--kind", "cá nhân"], ["list", "--colour"],
     ["show", "abc"], ["list", "--format", "pdf"], ["nope"], ["add"]],
)  # fmt: skip
def test_malformed_command_lines_exit_2(run: Run, db: Path, some: None, args: list[str]) -> None:
    """Unknown options, missing arguments, words for numbers: usage errors, exit 2, no change."""
    before = digest(db)
    result = run(args)
    assert result.exit_code == 2
    assert "Error:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert digest(db) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--sort", "colour"], "cannot sort by 'colour'"),
        (["list", "--limit", "-1"], "limit must be 0 or more"),
        (["history", "--limit", "-1"], "limit must be 0 or more"),
        (["list", "--columns", "recipient,colour"], "unknown column 'colour'"),
        (["tally", "--by", "colour"], "cannot tally by 'colour'; dimensions: year, phase, form, issuer, level, kind, unit"),
        (["tally", "--by", "yeer"], "cannot tally by 'yeer'"),
        (["tally", "--by", "year", "--by", "năm"], "each dimension may be given to --by once"),
    ],
)  # fmt: skip
def test_an_option_value_the_command_does_not_offer_is_a_usage_error(
    run: Run, db: Path, some: None, args: list[str], message: str
) -> None:
    """A dimension, sort field or column the command does not have, or a negative limit: the
    command line asks for what the command cannot do, as a format it does not write does: exit
    2, one 'Error:' line naming it, no change."""
    before = digest(db)
    result = run(args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {message}")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr + result.stdout
    assert digest(db) == before


def test_reading_a_missing_file_shows_empty_and_creates_nothing(run: Run, db: Path) -> None:
    """list, tally and phase list on no file: empty results, nothing created."""
    assert run("list -f json").stdout == "[]\n"
    assert run("tally -f csv").stdout == "phase,form,count\n"
    result = run("list")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no awards match\n")
    assert run("phase list -f json").stdout == "[]\n"
    assert not db.parent.exists()


@pytest.mark.parametrize(
    "content", [b'{"awards": {', b"\x00\x01", b'{"meta": {"1": {"schema_version": 9}}}']
)
def test_damaged_or_newer_file_every_command(run: Run, db: Path, content: bytes) -> None:
    """Every command on a damaged or newer file: exit 1, one line naming the path, bytes kept."""
    db.parent.mkdir(parents=True)
    db.write_bytes(content)
    for args in (["list"], ["tally"], ["show", "1"], ["phase", "list"], ["remove", "1", "--yes"],
                 ["add", "X", *BASE], ["edit", "1", "--year", "2020"], ["phase", "show", "x"]):  # fmt: skip
        result = run(args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith("Error: ") and str(db) in result.stderr
        assert result.stderr.count("\n") == 1
        assert db.read_bytes() == content


def test_no_color_and_no_escape_codes_off_a_terminal(
    ok: Ok, some: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped output has no ANSI codes; NO_COLOR is respected too."""
    assert "\x1b" not in ok("tally")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in ok("list")


def test_db_option_overrides_env(ok: Ok, tmp_path: Path, db: Path) -> None:
    """--db PATH wins over AWARDS_DB."""
    other = tmp_path / "other.json"
    ok(["--db", str(other), "add", "X", *COLLECTIVE_2020])
    assert other.exists() and not db.exists()


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ \t\u00a0\u0300\u0301\u0303\u0309\u0323"


def four_ways(issuer: str) -> list[str]:
    """An issuer as four clerks type it: as given, NFD, upper case, padded."""
    return [
        issuer,
        unicodedata.normalize("NFD", issuer),
        unicodedata.normalize("NFC", issuer).upper(),
        f"  {issuer}  ",
    ]


@settings(max_examples=200, deadline=None)
@given(issuer=st.text(alphabet=VIETNAMESE, max_size=16).filter(lambda v: text.clean(v)))
def test_any_issuer_typed_four_ways_is_one_category(issuer: str) -> None:
    """Whatever the issuer, its NFC, NFD, upper-case and padded spellings build awards that
    tally as one row, named as first typed (cleaned): the path add takes, without the file."""
    stored: list[Award] = []
    for number, spelling in enumerate(four_ways(issuer), start=1):
        given = {"recipient": "X", "kind": "cá nhân", "form": "Giấy khen", "issuer": spelling}
        stored.append(build_award({**given, "year": "2020"}, [], stored, new_id=number))
    counted = tally(stored, ["issuer"], [])
    assert counted.groups == [((text.clean(issuer),), 4)]


def test_an_issuer_typed_four_ways_is_one_row_of_the_tally(ok: Ok) -> None:
    """Through the commands and the file: four spellings of one issuer, one tally row."""
    for spelling in four_ways("Chủ tịch  UBND tỉnh"):
        ok(["add", "X", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", spelling,
            "--year", "2020"])  # fmt: skip
    tallied = json.loads(ok(["tally", "--by", "issuer", "-f", "json"]))
    assert tallied == [{"issuer": "Chủ tịch UBND tỉnh", "count": 4}]
