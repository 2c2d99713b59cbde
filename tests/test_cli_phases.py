"""The phase commands: add, list, show, edit, remove."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROGRAM, Run, digest

Ok = Callable[..., str]


@pytest.fixture
def signed(ok: Ok) -> None:
    """The 2018-2023 phase with its signers and parties, and two awards in it."""
    ok(["phase", "add", "2018-2023", "--program", PROGRAM, "--start", "2018", "--end", "2023",
        "--signed-on", "15/03/2018", "--signer", "Thiếu tướng Nguyễn Hải Trung, Giám đốc Công an tỉnh",
        "--signer", "Ông Ngô Tôn Tẫn, Chủ tịch LĐLĐ tỉnh", "--party", "Công an tỉnh",
        "--party", "Liên đoàn Lao động tỉnh"])  # fmt: skip
    for issuer in ("UBND tỉnh", "Bộ Công an"):
        ok(
            [
                "add",
                "X",
                "--kind",
                "tập thể",
                "--form",
                "Bằng khen",
                "--issuer",
                issuer,
                "--year",
                "2020",
            ]
        )


def test_phase_list_json_has_exactly_the_phase_keys(ok: Ok, signed: None) -> None:
    """Objects with code, program, start, end, signed_on, signers, parties, note, and what
    form 0601 counts a program by: host, scope, movement; and the length it states, if any."""
    assert json.loads(ok("phase list --format json")) == [
        {
            "code": "2018-2023",
            "program": PROGRAM,
            "start": 2018,
            "end": 2023,
            "signed_on": "2018-03-15",
            "signers": [
                "Thiếu tướng Nguyễn Hải Trung, Giám đốc Công an tỉnh",
                "Ông Ngô Tôn Tẫn, Chủ tịch LĐLĐ tỉnh",
            ],
            "parties": ["Công an tỉnh", "Liên đoàn Lao động tỉnh"],
            "note": None,
            "host": None,
            "scope": None,
            "movement": None,
            "years": None,
        }
    ]


def test_phase_list_in_year_order_with_award_counts(ok: Ok, signed: None) -> None:
    """A phase added later but earlier in time comes first; the table counts recipients."""
    ok(["phase", "add", "2014-2018", "--program", PROGRAM, "--start", "2014", "--end", "2018"])
    assert ok("phase list -f csv") == (
        "code,program,start,end,signed_on,signers,parties,note,host,scope,movement,years\n"
        f"2014-2018,{PROGRAM},2014,2018,,,,,,,,\n"
        f"2018-2023,{PROGRAM},2018,2023,2018-03-15,"
        '"Thiếu tướng Nguyễn Hải Trung, Giám đốc Công an tỉnh; Ông Ngô Tôn Tẫn, Chủ tịch LĐLĐ tỉnh",'
        "Công an tỉnh; Liên đoàn Lao động tỉnh,,,,,\n"
    )
    table = ok("phase list").splitlines()
    assert table[0].split() == [
        "Code",
        "Program",
        "Start",
        "End",
        "Signed",
        "on",
        "Signers",
        "Parties",
        "Recipients",
    ]
    assert table[2].startswith("2014-2018") and table[2].endswith("0")
    assert table[3].startswith("2018-2023") and table[3].endswith("2")
    assert ok("phase list -f markdown").splitlines()[1] == "|---|---|---:|---:|---|---|---|---:|"


def test_phase_show_tallies_by_form_and_issuer(ok: Ok, signed: None) -> None:
    """show prints the details and a form × issuer cross-tab of the phase's awards."""
    assert ok("phase show 2018-2023") == (
        "Field      Value\n"
        "──────────────────────────────────────────────────────────────\n"
        "Code       2018-2023\n"
        "Program    Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc\n"
        "Years      2018–2023\n"
        "Signed on  2018-03-15\n"
        "Signers    Thiếu tướng Nguyễn Hải Trung, Giám đốc Công an tỉnh\n"
        "           Ông Ngô Tôn Tẫn, Chủ tịch LĐLĐ tỉnh\n"
        "Parties    Công an tỉnh\n"
        "           Liên đoàn Lao động tỉnh\n"
        "Note       —\n"
        "Host       —\n"
        "Scope      —\n"
        "Movement   —\n"
        "Length     —\n"
        "\n"
        "Awards of 2018-2023 by form and issuer\n"
        "Form       Bộ Công an  UBND tỉnh  Total\n"
        "───────────────────────────────────────\n"
        "Bằng khen           1          1      2\n"
        "───────────────────────────────────────\n"
        "Total               1          1      2\n"
    )
    assert json.loads(ok("phase show 2018-2023 -f json"))["signed_on"] == "2018-03-15"


def test_phase_edit_and_rename_moves_awards(ok: Ok, signed: None) -> None:
    """Renaming a phase carries its awards along; other fields change in place."""
    ok(
        [
            "phase",
            "edit",
            "2018-2023",
            "--code",
            "GD2",
            "--note",
            "Giai đoạn 2",
            "--signer",
            "Một người",
        ]
    )
    phase = json.loads(ok("phase show gd2 -f json"))
    assert (phase["code"], phase["note"], phase["signers"]) == ("GD2", "Giai đoạn 2", ["Một người"])
    assert {a["phase"] for a in json.loads(ok("list -f json"))} == {"GD2"}


def test_phase_edit_refused_while_awards_fall_outside(run: Run, db: Path, signed: None) -> None:
    """Narrowing 2018-2023 to end in 2019 would orphan two 2020 awards: refused, file kept."""
    before = digest(db)
    result = run("phase edit 2018-2023 --end 2019")
    assert (result.exit_code, result.stderr) == (
        1, "Error: 2 award(s) of phase 2018-2023 lie outside 2018–2019; change their year or phase first\n"
    )  # fmt: skip
    assert digest(db) == before


def test_phase_remove_refused_while_used(run: Run, ok: Ok, db: Path, signed: None) -> None:
    """A phase in use is kept and the count is said; an unused one goes."""
    before = digest(db)
    result = run("phase remove 2018-2023")
    assert (result.exit_code, result.stderr) == (
        1, "Error: phase 2018-2023 is used by 2 award(s); move or remove them first\n"
    )  # fmt: skip
    assert digest(db) == before
    ok("remove 1 2 --yes")
    result = run("phase remove 2018-2023")
    assert (result.exit_code, result.stderr) == (0, "removed phase 2018-2023\n")
    assert ok("phase list -f json") == "[]\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [("phase add 2018-2023 --program P --start 2018 --end 2023", "a phase with code '2018-2023' already exists"),
     ("phase add 'giai đoạn' --program P --start 2018 --end 2023", "phase code 'giai đoạn' may hold only"),
     ("phase add X --program P --start 2020 --end 2019", "start 2020 is after end 2019"),
     ("phase add X --program P --start 1930 --end 2019", "start 1930 is out of range"),
     ("phase add X --program ' ' --start 2010 --end 2019", "program must not be empty"),
     ("phase add X --program P --start 2010 --end 2019 --signed-on 2019-02-30", "signed-on '2019-02-30' is not a real date"),
     ("phase show nope", "no phase with code 'nope'"),
     ("phase edit nope --end 2030", "no phase with code 'nope'"),
     ("phase remove nope", "no phase with code 'nope'")],
)  # fmt: skip
def test_phase_bad_values(run: Run, db: Path, signed: None, args: str, message: str) -> None:
    """Bad phase values: exit 1, one line, file unchanged."""
    before = digest(db)
    result = run(args)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {message}") and result.stderr.count("\n") == 1
    assert digest(db) == before


def test_phase_list_empty_says_how_to_start(run: Run) -> None:
    """No phases: a hint on stderr, nothing on stdout."""
    result = run("phase list")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.startswith("no phases yet; add one with: awards phase add")
