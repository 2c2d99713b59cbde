"""What an officer meets every day at the terminal: the next phase, a protected register, a
revocation typed wrong, a command given without what it needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run, digest

Ok = Callable[..., str]
ADD = ["add", "An", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
       "--year", "2020"]  # fmt: skip


def test_the_next_phase_is_recorded_before_it_starts(ok: Ok, run: Run) -> None:
    """A five-year phase signed now may end years ahead; a phase beyond ten years is refused."""
    ok(["phase", "add", "2024-2029", "--program", "P", "--start", "2024", "--end", "2029"])
    assert json.loads(ok(["phase", "list", "-f", "json"]))[0]["end"] == 2029
    far = run(["phase", "add", "2090-2095", "--program", "P", "--start", "2090", "--end", "2095"])
    assert far.exit_code == 1 and "start 2090 is out of range" in far.stderr


def test_a_read_only_register_is_left_as_it_is(ok: Ok, run: Run, db: Path) -> None:
    """chmod 444: a change is refused in one line, and the file keeps its bytes and mode."""
    ok(ADD)
    db.chmod(0o444)
    before = digest(db)
    refused = run(["remove", "1", "--yes"])
    assert (refused.exit_code, refused.stderr) == (
        1, f"Error: {db} is read-only; nothing was written (make it writable to change it)\n"
    )  # fmt: skip
    assert digest(db) == before and db.stat().st_mode & 0o777 == 0o444
    assert len(json.loads(ok(["list", "-f", "json"]))) == 1  # reading still works


def test_undo_on_a_missing_register_leaves_nothing_behind(run: Run, tmp_path: Path) -> None:
    """No folder and no lock file are made for a register that is not there."""
    target = tmp_path / "nowhere" / "awards.json"
    result = run(["--db", str(target), "undo"])
    assert (result.exit_code, result.stderr) == (
        1, "Error: nothing to undo: no change is recorded\n"
    )  # fmt: skip
    assert not target.parent.exists()


def test_an_empty_data_file_name_is_a_usage_error(run: Run) -> None:
    """--db '' names no file: exit 2, saying so, instead of "'.' is a folder"."""
    result = run(["--db", "", "list"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for '--db': give the data file's name\n")


def test_report_alone_shows_its_commands(run: Run) -> None:
    """`awards report`, like `awards phase`, lists what it can do rather than an error."""
    result, like = run(["report"]), run(["phase"])
    assert result.exit_code == like.exit_code
    assert "Error" not in result.output
    assert "phase" in result.output and "0603" in result.output


def test_a_revocation_cannot_come_before_the_award(ok: Ok, run: Run, db: Path) -> None:
    """revoke with a date before the award's decision (or its year) is refused, file unchanged."""
    ok([*ADD, "--decided-on", "12/06/2020"])
    before = digest(db)
    early = run(["revoke", "1", "--decision", "9/QĐ", "--on", "01/01/2001", "--reason", "x"])
    assert early.exit_code == 1
    assert early.stderr == (
        "Error: a revocation dated 2001-01-01 comes before the award (2020-06-12)\n"
    )
    assert digest(db) == before
    ok(["revoke", "1", "--decision", "9/QĐ", "--on", "01/07/2020", "--reason", "x"])


def test_an_issuer_filter_resolves_like_input(ok: Ok, run: Run) -> None:
    """Any case and spacing finds the issuer; typed without diacritics, the filter names the
    stored spelling instead of printing an empty list."""
    ok(ADD)
    assert len(json.loads(ok(["list", "--issuer", "ubnd  TỈNH", "-f", "json"]))) == 1
    result = run(["tally", "--issuer", "ubnd tinh"])
    assert (result.exit_code, result.stderr) == (
        1, "Error: no issuer 'ubnd tinh'; did you mean 'UBND tỉnh'?\n"
    )  # fmt: skip


def test_awards_alone_says_which_file_and_what_it_holds(ok: Ok, run: Run, db: Path) -> None:
    """No command: the data file in use, its phases, records, recipients and latest change, and
    where to start; exit 0, and a file that is not there is not created."""
    fresh = run([])
    assert fresh.exit_code == 0 and f"{db} (not created yet)" in fresh.stdout
    assert not db.exists()
    ok(["phase", "add", "2018-2023", "--program", "P", "--start", "2018", "--end", "2023"])
    ok([*ADD, "--count", "3"])
    lines = ok([]).splitlines()
    assert lines[2].split() == ["Data", "file", str(db)]
    assert [line.split()[-1] for line in lines[3:6]] == ["1", "1", "3"]
    assert lines[6].startswith("Last change  2 (")
    assert lines[6].endswith("awards add An --kind 'cá nhân' --form 'Giấy khen' --issuer "
                             "'UBND tỉnh' --year 2020 --count 3")  # fmt: skip
    assert lines[7].startswith("Start with awards phase add, awards add")
    assert ok(["--lang", "vi"]).splitlines()[2].split()[:3] == ["Tệp", "dữ", "liệu"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows finds its data folder without env")
def test_the_first_write_says_where_the_default_file_is(tmp_path: Path) -> None:
    """Without --db or AWARDS_DB the register goes to the user data folder: the command that
    creates it says where, once."""
    env = {k: v for k, v in os.environ.items() if k != "AWARDS_DB"}
    env |= {"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path), "APPDATA": str(tmp_path),
            "LOCALAPPDATA": str(tmp_path)}  # fmt: skip
    awards = [sys.executable, "-m", "awards"]
    first = subprocess.run([*awards, *ADD], env=env, capture_output=True, text=True)
    created = next(tmp_path.rglob("awards.json"))
    assert (first.returncode, first.stderr) == (0, f"created the data file {created}\n")
    again = subprocess.run([*awards, *ADD], env=env, capture_output=True, text=True)
    assert (again.returncode, again.stderr) == (0, "")


def completions(words: str, db: Path) -> list[str]:
    """What the shell is offered for the last of ``words`` (bash's protocol)."""
    program = Path(sys.executable).with_name("awards")
    env = {
        **os.environ,
        "AWARDS_DB": str(db),
        "_AWARDS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (not words.endswith(" "))),
    }
    found = subprocess.run([program], env=env, capture_output=True, text=True).stdout
    return [line for line in found.splitlines() if line]


@pytest.mark.skipif(sys.platform == "win32", reason="the console script is awards.exe there")
def test_the_shell_completes_phases_issuers_forms_and_kinds(ok: Ok, db: Path) -> None:
    """Phase codes and issuers come from the data file, forms and kinds from the vocabulary,
    those that begin as typed; --show-completion prints the script to install."""
    ok(["phase", "add", "2018-2023", "--program", "P", "--start", "2018", "--end", "2023"])
    ok(ADD)
    assert completions("awards list --phase 20", db) == ["2018-2023"]
    assert completions("awards phase show ", db) == ["2018-2023"]
    assert completions("awards tally --issuer U", db) == ["UBND tỉnh"]
    assert completions("awards add X --form Giấ", db) == ["Giấy khen"]
    assert completions("awards add X --form Tập", db) == [
        "Tập thể lao động xuất sắc", "Tập thể lao động tiên tiến"]  # fmt: skip
    assert completions("awards edit 1 --kind c", db) == ["collective"]
    assert completions("awards issuer edit ", db) == ["UBND tỉnh"]
    assert completions("awards list --phase 20", db.with_name("missing.json")) == []
    script = subprocess.run([Path(sys.executable).with_name("awards"), "--show-completion", "bash"],
                            capture_output=True, text=True).stdout  # fmt: skip
    assert "_AWARDS_COMPLETE=complete_bash" in script


def test_help_names_what_each_value_holds(ok: Ok) -> None:
    """--year YEAR and --issuer NAME rather than <int> and <str>; in Vietnamese, NĂM and TÊN."""
    listed = ok(["list", "--help"])
    for shown in ("--year YEAR", "--issuer NAME", "--phase CODE", "--search TEXT", "--output FILE"):
        assert shown in listed
    assert "<int>" not in listed and "<str>" not in listed
    assert "--decided-on DATE" in ok(["add", "--help"]) and "--count N" in ok(["add", "--help"])
    vietnamese = ok(["--lang", "vi", "list", "--help"])
    assert "--year NĂM" in vietnamese and "--issuer TÊN" in vietnamese
    assert ok(["issuer", "merge", "--help"]).startswith(
        "Usage: root issuer merge [OPTIONS] FROM INTO\n"
    )
    assert ok(["--lang", "vi", "remove", "--help"]).startswith(
        "Cách dùng: root remove [TÙY-CHỌN] MÃ...\n"
    )


def test_a_missing_argument_is_named_as_the_usage_line_names_it(run: Run) -> None:
    result = run(["--lang", "vi", "add"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "Cách dùng: root add [TÙY-CHỌN] NGƯỜI-NHẬN"
    assert result.stderr.splitlines()[-1] == "Lỗi: Thiếu tham số 'NGƯỜI-NHẬN'."
