"""What an officer meets every day at the terminal: the next phase, a protected register, a
revocation typed wrong, a command given without what it needs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

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
