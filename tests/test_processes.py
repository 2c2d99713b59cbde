"""The installed `awards` program in real processes: exit codes, output encodings, terminals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

AWARDS = str(Path(sys.executable).with_name("awards"))


def awards(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AWARDS, *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
        env={**os.environ, **(env or {})}, timeout=120,
    )  # fmt: skip


def test_usage_and_value_errors_in_a_real_process(db: Path) -> None:
    """No traceback: exit 2 for a malformed line, exit 1 with one line for a bad value."""
    usage = awards("add", "X", "--year", "abc")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    bad = awards(
        "add", "X", "--kind", "nhóm", "--form", "Giấy khen", "--issuer", "A", "--year", "2020"
    )
    assert (bad.returncode, bad.stdout) == (1, "")
    assert bad.stderr.startswith("Error: unknown kind 'nhóm'") and bad.stderr.count("\n") == 1


def test_output_encoding_that_cannot_hold_vietnamese(db: Path) -> None:
    """ASCII or cp1252 stdout: JSON still comes out valid (escaped); a table or CSV fails with
    one line and writes nothing, never a traceback."""
    awards("add", "Đội Nhanh", "--kind", "tập thể", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
           "--year", "2020")  # fmt: skip
    expected = json.loads(awards("list", "--format", "json").stdout)
    for encoding in ("ascii", "cp1252"):
        env = {"PYTHONIOENCODING": encoding}
        done = awards("list", "--format", "json", env=env)
        assert (done.returncode, json.loads(done.stdout)) == (0, expected)
        for fmt in ("table", "csv", "markdown"):
            done = awards("list", "--format", fmt, env=env)
            assert (done.returncode, done.stdout) == (1, "")
            assert done.stderr.startswith(f"Error: this output ({encoding}) cannot show '")
            assert done.stderr.count("\n") == 1


def test_python_dash_m_runs_the_same_program(db: Path) -> None:
    """`python -m awards --version` answers."""
    done = subprocess.run(
        [sys.executable, "-m", "awards", "--version"], capture_output=True, text=True
    )
    assert done.stdout.startswith("awards ")


def remove_at_a_terminal(answer: bytes) -> subprocess.CompletedProcess[str]:
    """Run `awards remove 1` with a pseudo-terminal as stdin, typing ``answer``."""
    import pty

    controller, terminal = pty.openpty()
    try:
        os.write(controller, answer)
        done = subprocess.run(
            [AWARDS, "remove", "1"], stdin=terminal, capture_output=True, text=True, timeout=60
        )
    finally:
        os.close(terminal)
        os.close(controller)
    return done


def test_remove_asks_at_a_terminal(db: Path) -> None:
    """At a terminal remove asks: 'n' keeps the award (exit 1), 'y' removes it."""
    awards("add", "Đội Nhanh", "--kind", "tập thể", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
           "--year", "2020")  # fmt: skip
    before = db.read_bytes()
    declined = remove_at_a_terminal(b"n\n")
    assert declined.returncode == 1
    assert declined.stderr.startswith("Remove 1 (Đội Nhanh)? [y/N]:")
    assert declined.stderr.endswith("nothing removed\n")
    assert db.read_bytes() == before
    accepted = remove_at_a_terminal(b"y\n")
    assert (accepted.returncode, accepted.stderr.endswith("removed 1 award(s)\n")) == (0, True)
    assert json.loads(awards("list", "--format", "json").stdout) == []


def test_large_import_shows_progress_only_at_a_terminal(db: Path, tmp_path: Path) -> None:
    """5,000 rows: a progress bar on a terminal's stderr; a pipe gets the summary line alone."""
    rows = "".join(f"Người {i},cá nhân,Giấy khen,UBND tỉnh,2020\n" for i in range(5000))
    sheet = tmp_path / "big.csv"
    sheet.write_text("recipient,kind,form,issuer,year\n" + rows, encoding="utf-8")
    import pty

    controller, terminal = pty.openpty()
    try:
        shown = subprocess.run(
            [AWARDS, "import", str(sheet), "--dry-run"], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=terminal, timeout=120,
        )  # fmt: skip
        os.close(terminal)
        seen = b""
        while chunk := _read_some(controller):
            seen += chunk
    finally:
        os.close(controller)
    assert shown.returncode == 0
    assert b"checking rows" in seen
    assert seen.rstrip().endswith(b"would import 5000 awards, 0 phases")
    piped = awards("import", str(sheet))
    assert piped.stderr == "imported 5000 awards, 0 phases\n"


def _read_some(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal's other end is closed
        return b""


def test_a_large_output_arrives_whole_before_the_quick_exit(db: Path, tmp_path: Path) -> None:
    """The program ends without freeing its memory object by object; everything it wrote is
    flushed first, and the exit code is the command's."""
    rows = "".join(f"Người {i},cá nhân,Giấy khen,UBND tỉnh,2020\n" for i in range(3000))
    sheet = tmp_path / "many.csv"
    sheet.write_text("Họ và tên,Loại,Hình thức,Cấp khen,Năm\n" + rows, encoding="utf-8")
    assert awards("import", str(sheet)).returncode == 0
    listed = awards("list", "--format", "json")
    assert (listed.returncode, len(json.loads(listed.stdout))) == (0, 3000)
    assert awards("show", "3001").returncode == 1
    assert awards("--version").returncode == 0


def test_the_quick_exit_leaves_the_lock_free_and_every_file_whole(db: Path, tmp_path: Path) -> None:
    """After a write and a workbook written by real processes that end with the quick exit, the
    lock can be taken at once, the data file reads back, and the workbook opens."""
    from filelock import FileLock

    assert awards("add", "An", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
                  "--year", "2020").returncode == 0  # fmt: skip
    with FileLock(str(db) + ".lock", timeout=0):  # raises Timeout if the lock were still held
        assert json.loads(db.read_bytes())["awards"]["1"]["recipient"] == "An"
    book = tmp_path / "tally.xlsx"
    assert awards("tally", "--by", "year", "-o", str(book)).returncode == 0
    import openpyxl

    assert openpyxl.load_workbook(book)["tally"]["A2"].value == 2020
