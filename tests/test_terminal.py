"""At a real terminal (a pseudo-terminal): prompts, Ctrl-C, in the language asked for."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run, digest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
import data as bench_data  # noqa: E402

Ok = Callable[..., str]

pty = pytest.importorskip("pty")  # Unix; Windows has no pseudo-terminals to test with

ADD = ["add", "Nguyễn Văn An", "--kind", "cá nhân", "--form", "Bằng khen",
       "--issuer", "UBND tỉnh", "--year", "2020"]  # fmt: skip


def at_terminal(args: list[str], keys: bytes, db: Path, lang: str = "vi") -> tuple[int, str]:
    """Run awards in a pseudo-terminal, type ``keys`` once its prompt shows; exit code, screen."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the terminal is its controlling terminal, so Ctrl-C interrupts it
        # ... as it does for a person, even where the tests run in the background: a shell
        # starts a background job with SIGINT ignored, and Python then keeps it ignored.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        env = {**os.environ, "AWARDS_DB": str(db), "AWARDS_LANG": lang}
        os.execve(sys.executable, [sys.executable, "-m", "awards", *args], env)
    screen = b""
    deadline = time.monotonic() + 30
    while b"]" not in screen and time.monotonic() < deadline:  # the prompt ends in [c/K] or [y/N]
        screen += os.read(terminal, 1024)
    os.write(terminal, keys)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([terminal], [], [], 2)
        if not ready:
            # A Ctrl-C that lands in the instant before the prompt starts waiting for input is
            # noted and not acted on until the next signal (Python's readline); a person who
            # sees nothing happen presses it again.
            if keys == b"\x03":
                os.write(terminal, keys)
            continue
        try:
            chunk = os.read(terminal, 1024)
        except OSError:  # the child has ended and closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), screen.decode("utf-8", "replace")


def test_c_for_co_removes_at_a_vietnamese_prompt(ok: Ok, db: Path) -> None:
    """The question ends in [c/K]; c (có) is yes, as y is."""
    ok(ADD)
    code, screen = at_terminal(["remove", "1"], b"c\r", db)
    assert "Xóa 1 (Nguyễn Văn An)? [c/K]" in screen
    assert code == 0
    assert ok(["list", "-f", "json"]) == "[]\n"


@pytest.mark.parametrize("keys", [b"k\r", b"\r", b"no\r"])
def test_anything_but_yes_removes_nothing(ok: Ok, db: Path, keys: bytes) -> None:
    """k (không), Enter or any other answer keeps the award; exit 1, file unchanged."""
    ok(ADD)
    before = digest(db)
    code, screen = at_terminal(["remove", "1"], keys, db)
    assert (code, "không xóa gì" in screen) == (1, True)
    assert digest(db) == before


def test_ctrl_c_at_a_prompt_stops_in_the_interface_language(ok: Ok, db: Path) -> None:
    """Ctrl-C says it stopped, in Vietnamese, on a line of its own; exit 1, nothing written."""
    ok(ADD)
    before = digest(db)
    code, screen = at_terminal(["remove", "1"], b"\x03", db)
    assert code == 1
    assert screen.rstrip().splitlines()[-1] == "Đã dừng."
    assert "Aborted" not in screen and "Traceback" not in screen
    assert digest(db) == before


def test_the_english_prompt_takes_y(ok: Ok, db: Path) -> None:
    ok(ADD)
    code, screen = at_terminal(["remove", "1"], b"y\r", db, lang="en")
    assert "Remove 1 (Nguyễn Văn An)? [y/N]" in screen
    assert code == 0


def screen_of(args: list[str], db: Path, width: int, lines: int = 50) -> str:
    """What awards prints in a pseudo-terminal ``width`` columns wide (stdout and stderr)."""
    return ended_at_terminal(args, db, width, lines)[1]


def ended_at_terminal(args: list[str], db: Path, width: int, lines: int = 50) -> tuple[int, str]:
    """``screen_of``, and the exit code."""
    pid, terminal = pty.fork()
    if pid == 0:
        env = {**os.environ, "AWARDS_DB": str(db), "AWARDS_LANG": "en", "COLUMNS": str(width),
               "LINES": str(lines)}  # fmt: skip
        os.execve(sys.executable, [sys.executable, "-m", "awards", *args], env)
    screen = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    _, status = os.waitpid(pid, 0)
    shown = screen.decode("utf-8", "replace").replace("\r\n", "\n")
    return os.waitstatus_to_exitcode(status), re.sub(r"\x1b\[[0-9;]*m", "", shown)  # no colours


LONG = ["add", "Công đoàn cơ sở Công ty TNHH Dệt may Hưng Phát", "--kind", "tập thể", "--form",
        "Tập thể lao động xuất sắc", "--issuer", "UBND tỉnh", "--year", "2023", "--decision",
        "1520/QĐ-UBND", "--unit", "Công ty TNHH Dệt may Hưng Phát", "--count", "2"]  # fmt: skip


@pytest.mark.parametrize(
    ("width", "left_out"),
    [(120, []), (80, ["Unit", "Decision", "Phase"]),
     (60, ["Unit", "Decision", "Phase", "Count", "Kind"])],
)  # fmt: skip
def test_a_list_fits_the_terminal_and_says_what_it_left_out(
    ok: Ok, db: Path, width: int, left_out: list[str]
) -> None:
    """At 120 columns every column; narrower, the unit first, then the decision, the phase, the
    count and the kind are left out and named; no line is wider than the terminal, and no
    word, number or code is broken."""
    ok(["phase", "add", "2018-2023", "--program", "P", "--start", "2018", "--end", "2023"])
    ok(LONG)
    screen = screen_of(["list"], db, width)
    lines = [line for line in screen.splitlines() if line.strip()]
    said = [line for line in lines if line.startswith("left out to fit the terminal")]
    assert said == ([f"left out to fit the terminal: {', '.join(left_out)} (a wider window, or "
                     "--columns, shows them)"] if left_out else [])  # fmt: skip
    table = [line for line in lines if line not in said]
    assert all(len(line) <= width for line in table)
    heading = table[0].split()
    for column in ["Id", "Recipient", "Kind", "Count", "Form", "Issuer", "Year", "Phase",
                   "Decision", "Unit"]:  # fmt: skip
        assert (column in heading) == (column not in left_out), column
    text = " ".join(" ".join(line.split()) for line in table)
    for column, whole in (("Decision", "1520/QĐ-UBND"), ("Phase", "2018-2023"), ("Issuer", "UBND")):
        assert (whole in text) == (column not in left_out), whole


FORM_0603_HEADINGS = ["Mã số", "Đơn vị tính", "Tổng số", "Bằng khen",
                      "Chiến sĩ thi đua cấp bộ, cấp tỉnh",
                      "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực "
                      "thuộc Trung ương",
                      "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, "
                      "thành phố trực thuộc Trung ương"]  # fmt: skip


@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_form_fits_the_terminal_its_headings_wrapped_between_words(
    ok: Ok, db: Path, width: int
) -> None:
    """Form 0603 at a terminal: no line wider than the terminal; the count columns' long
    headings wrap between words and their numbers stay whole; what does not fit (the unit
    first, then the counts from the last) is named, and the label, code and total stay."""
    ok(["issuer", "add", "UBND tỉnh", "--level", "province"])
    ok(["add", "Công ty A", "--kind", "tập thể", "--form", "Bằng khen", "--issuer", "UBND tỉnh",
        "--year", "2023", "--method", "regular", "--count", "12345"])  # fmt: skip
    screen = screen_of(["report", "0603", "--year", "2023"], db, width, lines=80)
    lines = [line for line in screen.splitlines() if line.strip()]
    said = [line for line in lines if line.startswith("left out to fit the terminal")]
    table = [line for line in lines if line not in said and not line.startswith("Biểu số")]
    assert all(len(line) <= width for line in table)
    rule = next(i for i, line in enumerate(table) if line.startswith("─"))
    words = {word for heading in FORM_0603_HEADINGS for word in heading.split()}
    assert {word for line in table[:rule] for word in line.split()} <= words  # none broken
    assert table[rule + 1].split()[:4] == ["Tổng", "số", "01", "12345"]
    assert all(line.endswith("(a wider window shows them, as do --format markdown and an .xlsx "
                             "file)") for line in said)  # fmt: skip
    left_out = said[0].split(": ", 1)[1].split(" (a wider")[0] if said else ""
    assert left_out == {120: "", 80: "", 60: f"Đơn vị tính, {FORM_0603_HEADINGS[-1]}"}[width]


def test_columns_chooses_the_fields_and_their_order(ok: Ok, run: Run) -> None:
    """--columns recipient,year,form: those, in that order; an unknown one is named."""
    ok(LONG)
    heading = ok(["list", "--columns", "recipient, year,form"]).splitlines()[0].split()
    assert heading == ["Recipient", "Year", "Form"]
    wrong = run(["list", "--columns", "recipient,colour"])
    assert (wrong.exit_code, wrong.stderr.split(";")[0]) == (2, "Error: unknown column 'colour'")


def test_a_long_list_goes_through_the_pager_unless_told_not_to(
    ok: Ok, db: Path, tmp_path: Path
) -> None:
    """Longer than the screen: through $PAGER (here one that marks its lines); --no-pager, or
    a list that fits, prints directly; piped output never pages (every other test)."""
    for n in range(30):
        ok(["add", f"Người {n}", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "X",
            "--year", "2020"])  # fmt: skip
    pager = tmp_path / "pager.py"
    pager.write_text("import sys\nfor line in sys.stdin:\n    print('P:' + line, end='')\n")
    os.environ["PAGER"] = f"{sys.executable} {pager}"
    try:
        paged = screen_of(["list"], db, 100, lines=20)
        direct = screen_of(["--no-pager", "list"], db, 100, lines=20)
        short = screen_of(["list", "--limit", "3"], db, 100, lines=20)
    finally:
        del os.environ["PAGER"]
    assert sum(line.startswith("P:") for line in paged.splitlines()) >= 30
    assert not any(line.startswith("P:") for line in direct.splitlines() + short.splitlines())
    assert "Người 29" in direct


def many_awards(ok: Ok, tmp_path: Path, count: int) -> None:
    """``count`` awards of the benchmark's making (ten issuers, real unit names) in the register."""
    awards, phases, issuers = bench_data.write(tmp_path, count)
    ok(["import", str(issuers), str(phases), str(awards)])


def marking_pager(tmp_path: Path, lines: int | None = None) -> str:
    """A pager that prints each line it reads marked "P:", and stops after ``lines`` lines."""
    pager = tmp_path / "pager.py"
    pager.write_text(f"import itertools, sys\nfor line in itertools.islice(sys.stdin, {lines}):\n"
                     "    print('P:' + line, end='')\n")  # fmt: skip
    return f"{sys.executable} {pager}"


def test_the_pager_is_given_the_table_a_part_at_a_time_as_printed_without_it(
    ok: Ok, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list of 5,000 awards (more than one part of the lines written to the pager at a time)
    reaches the pager line for line as --no-pager prints it, with the columns left out."""
    many_awards(ok, tmp_path, 5000)
    monkeypatch.setenv("PAGER", marking_pager(tmp_path))
    paged = screen_of(["list"], db, 100, lines=30).splitlines()
    direct = screen_of(["--no-pager", "list"], db, 100, lines=30).splitlines()
    assert direct[0].startswith("left out to fit the terminal: Unit, Decision")
    assert paged == [direct[0], *("P:" + line for line in direct[1:])]
    recipients = sum(award["count"] for award in json.loads(ok(["list", "-f", "json"])))
    assert direct[-1] == f"5000 award record(s), {recipients} recipient(s)"


def test_a_pager_closed_after_a_screen_ends_the_list_at_once_and_quietly(
    ok: Ok, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pager closed after five lines of 20,000 awards (q after the first screen): the list
    ends, with exit 0 and no error, where it would otherwise write to a pager that is gone."""
    many_awards(ok, tmp_path, 20_000)
    monkeypatch.setenv("PAGER", marking_pager(tmp_path, lines=5))
    started = time.monotonic()
    code, screen = ended_at_terminal(["list"], db, 100, lines=30)
    assert code == 0, screen
    paged = [line for line in screen.splitlines() if line.startswith("P:")]
    assert len(paged) == 5 and paged[0].split()[:3] == ["P:", "Id", "Recipient"]
    assert "Error" not in screen and "Traceback" not in screen
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("how", ["dumb terminal", "no pager found"])
def test_without_a_pager_to_use_a_long_list_is_printed_directly(
    ok: Ok, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """TERM=dumb (an editor's shell) prints directly, as pydoc does; so does a machine with
    neither $PAGER, less nor more."""
    for n in range(40):
        ok(["add", f"Người {n}", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "X",
            "--year", "2020"])  # fmt: skip
    if how == "dumb terminal":
        monkeypatch.setenv("PAGER", marking_pager(tmp_path))
        monkeypatch.setenv("TERM", "dumb")
    else:
        monkeypatch.delenv("PAGER", raising=False)
        monkeypatch.delenv("MANPAGER", raising=False)
        monkeypatch.setenv("PATH", str(tmp_path))  # no less, no more
    code, screen = ended_at_terminal(["list"], db, 100, lines=20)
    assert code == 0
    assert not any(line.startswith("P:") for line in screen.splitlines())
    assert "Người 39" in screen and screen.rstrip().endswith("40 award record(s), 40 recipient(s)")


def test_columns_line_up_however_wide_the_characters_are(ok: Ok, db: Path) -> None:
    """Widths are counted in what the terminal shows: a name left in NFD by another tool (its
    accents as separate characters) takes the columns of its NFC form, a Korean company's name
    two columns a syllable; each prints as stored."""
    names = ["Nguyễn Văn Long", "Trần Thị Bích Ngọc", "Công ty TNHH 한솔 Vina"]
    for name in names:
        ok(["add", name, "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
            "--year", "2021"])  # fmt: skip
    data = json.loads(db.read_text(encoding="utf-8"))
    data["awards"]["2"]["recipient"] = unicodedata.normalize("NFD", names[1])
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lines = ok(["list", "--columns", "recipient,year"]).splitlines()
    assert unicodedata.normalize("NFD", names[1]) in lines[3] and names[2] in lines[4]

    def cells(text: str) -> int:  # what a terminal draws
        wide = sum(unicodedata.east_asian_width(ch) == "W" for ch in text)
        return sum(not unicodedata.combining(ch) for ch in text) + wide

    ends = [cells(line) for line in lines[2:5]]
    assert ends == [cells(lines[0])] * 3 and lines[0].endswith("Year")


def test_a_long_table_of_plain_text_is_laid_out_as_each_row_would_be() -> None:
    """A table longer than a part, every cell one line of one-cell text: names padded on the
    left, numbers on the right, no space at a line's end, every row in order; with a column
    left out to fit, the others as they would be without it."""
    from awards.grid import Grid
    from awards.render.columns import lay_out

    rows: list[list[str | int | None]] = [
        [n, f"Nguyễn Văn {n}", "Đội A" if n % 3 else None, n * 7] for n in range(1, 4501)
    ]
    grid = Grid(["STT", "Họ và tên", "Đơn vị", "Số"], rows, numeric=frozenset({0, 3}), drop=(2,))

    def expected(row: list[str | int | None], keep: list[int], widths: list[int]) -> str:
        cells = ["—" if row[i] is None else str(row[i]) for i in keep]
        return "  ".join(
            cell.rjust(width) if i in (0, 3) else cell.ljust(width)
            for i, cell, width in zip(keep, cells, widths, strict=True)
        ).rstrip()

    widths = [
        max(len(grid.columns[i]), *(len(str(row[i] or "—")) for row in rows)) for i in range(4)
    ]
    whole = list(lay_out(grid).lines())
    assert whole[2:] == [expected(row, [0, 1, 2, 3], widths) for row in rows]
    assert whole[2:4] == [
        "   1  Nguyễn Văn 1     Đội A       7",
        "   2  Nguyễn Văn 2     Đội A      14",
    ]
    narrow = lay_out(grid, 30, fit=True)
    assert narrow.left_out == ["Đơn vị"]
    kept = [widths[0], widths[1], widths[3]]
    assert list(narrow.lines())[2:] == [expected(row, [0, 1, 3], kept) for row in rows]


def test_a_long_table_off_a_terminal_is_every_row_written_a_part_at_a_time(
    ok: Ok, tmp_path: Path
) -> None:
    """Piped, a list of 5,000 awards goes out a part of lines at a time as they are made (to
    UTF-8): every award's row, in order, then the caption, as in its JSON."""
    many_awards(ok, tmp_path, 5000)
    lines = ok(["list", "--columns", "id,recipient,year"]).splitlines()
    listed = json.loads(ok(["list", "-f", "json"]))
    rows = [line.split() for line in lines[2:-1]]
    assert [(int(row[0]), row[-1]) for row in rows] == [(a["id"], str(a["year"])) for a in listed]
    assert lines[-1].startswith("5000 award record(s)")
