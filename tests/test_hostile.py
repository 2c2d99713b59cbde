"""Hostile text and hostile outputs: names print exactly, control bytes never reach a terminal,
and an output that cannot hold Vietnamese gets one clear line, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import Run

Ok = Callable[..., str]
AWARDS = str(Path(sys.executable).with_name("awards"))
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample.json"

NAMES = [
    "[red]X[/red]",
    "[/]",
    "Đơn vị [khen thưởng]",
    "[link=http://x]y",
    "Tên cuối \\",
    "Công ty " + "Trách nhiệm hữu hạn " * 150 + "Bình An",
]


def markdown_cells(output: str) -> list[str]:
    """The body cells of a Markdown table, with its escapes taken off."""
    cells = []
    for line in output.splitlines()[2:]:
        for cell in re.split(r"(?<!\\)\|", line)[1:-1]:
            cells.append(re.sub(r"\\(.)", r"\1", cell.strip()))
    return cells


@pytest.mark.parametrize(
    "name", NAMES, ids=["markup", "close", "brackets", "link", "backslash", "long"]
)
def test_names_are_stored_and_printed_exactly_in_every_format(
    ok: Ok, tmp_path: Path, name: str
) -> None:
    """Rich markup, brackets, a trailing backslash, 3,000 characters: shown as typed, everywhere."""
    ok(["add", "--kind", "collective", "--form", "Giấy khen", "--issuer", "X", "--year", "2020",
        "--unit", name, "--note", name, "--", name])  # fmt: skip
    record = json.loads(ok("list -f json"))[0]
    assert (record["recipient"], record["unit"], record["note"]) == (name, name, name)
    assert json.loads(ok("show 1 -f json"))["recipient"] == name
    assert f" {name} " in ok("list")
    assert f"Recipient   {name}\n" in ok("show 1")
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        (row,) = list(csv.DictReader(io.StringIO(ok(f"list -f {fmt}")), delimiter=delimiter))
        assert (row["recipient"], row["unit"], row["note"]) == (name, name, name)
    assert markdown_cells(ok("list -f markdown"))[1] == name
    assert markdown_cells(ok("tally --by unit -f markdown"))[0] == name
    assert f"{name}  " in ok("tally --by unit")
    ok(["export", str(tmp_path / "x.xlsx")])
    assert openpyxl.load_workbook(tmp_path / "x.xlsx")["awards"]["B2"].value == name


ESCAPES = (
    "A\x1b[31mB\x1b[0m"  # colour
    "\x1b]8;;http://evil.example\x07C\x1b]8;;\x07"  # OSC 8 hyperlink
    "\x1b]0;pwned\x07D"  # OSC 0 window title
    "\x9b31mE"  # 8-bit CSI
    "F\x07G\rH"  # BEL, CR
)


def test_escape_sequences_and_control_bytes_are_removed_on_input(ok: Ok) -> None:
    """Colour, hyperlink and title sequences, C1 CSI, BEL and CR do not get into the file."""
    ok(["add", ESCAPES, "--kind", "individual", "--form", "Giấy khen", "--issuer", "X",
        "--year", "2020", "--unit", ESCAPES])  # fmt: skip
    record = json.loads(ok("list -f json"))[0]
    assert (record["recipient"], record["unit"]) == ("ABCDEFGH", "ABCDEFGH")


RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def test_a_hand_edited_file_never_lets_a_control_byte_reach_a_table(
    ok: Ok, run: Run, db: Path
) -> None:
    """Tables and Markdown show them escaped (\\x1b), whatever the file holds."""
    db.parent.mkdir()
    evil = "Đội \x1b[2J\x1b]0;pwned\x07Nhanh\x9b\r\x00"
    data = {
        "phases": {"1": {"code": "P", "program": evil, "start": 2014, "end": 2018,
                         "signed_on": None, "signers": [evil], "parties": [], "note": evil}},
        "awards": {"1": {"recipient": evil, "kind": "individual", "count": 1, "form": "Giấy khen",
                         "issuer": evil, "year": 2016, "phase": "P", "decision": evil,
                         "decided_on": None, "unit": evil, "note": evil}},
    }  # fmt: skip
    db.write_text(json.dumps(data), encoding="utf-8")
    for command in ("list", "list -f markdown", "show 1", "tally --by issuer", "tally --by unit -f markdown",
                    "phase list", "phase show P", "phase list -f markdown"):  # fmt: skip
        result = run(command)
        assert result.exit_code == 0, (command, result.output)
        assert not RAW_CONTROL.search(result.stdout), command
        assert "\\x1b" in result.stdout, command


# ---- output encodings ----------------------------------------------------------------------

COMMANDS = [
    ["list"], ["list", "-f", "csv"], ["list", "-f", "json"], ["tally"], ["tally", "-f", "markdown"],
    ["show", "1"], ["phase", "list"], ["phase", "show", "2014-2018"], ["history"],
    ["export"], ["export", "-f", "csv"],
]  # fmt: skip


@pytest.fixture(scope="module")
def utf8_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """What each command prints on the sample where the output holds UTF-8: the reference."""
    db = tmp_path_factory.mktemp("utf8") / "sample.json"
    shutil.copy(SAMPLE, db)
    env = {**os.environ, "AWARDS_DB": str(db), "PYTHONIOENCODING": "utf-8"}
    return {
        " ".join(argv): subprocess.run([AWARDS, *argv], capture_output=True, env=env).stdout
        for argv in COMMANDS
    }


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("to_file", [False, True], ids=["pipe", "file"])
def test_outputs_that_cannot_hold_vietnamese(
    tmp_path: Path, encoding: str, to_file: bool, utf8_outputs: dict[str, bytes]
) -> None:
    """Either the output is right, or exit 1 with one line that says what to do; no traceback."""
    db = tmp_path / "sample.json"
    shutil.copy(SAMPLE, db)
    env = {**os.environ, "AWARDS_DB": str(db), "PYTHONIOENCODING": encoding}
    for argv in COMMANDS:
        reference = utf8_outputs[" ".join(argv)]
        target = tmp_path / "out"
        with open(target, "wb") if to_file else open(os.devnull, "wb") as sink:
            done = subprocess.run(
                [AWARDS, *argv], stdout=sink if to_file else subprocess.PIPE,
                stderr=subprocess.PIPE, env=env,
            )  # fmt: skip
        out = target.read_bytes() if to_file else done.stdout
        err = done.stderr.decode("ascii", "replace")
        assert "Traceback" not in err, argv
        if done.returncode == 0:
            if argv[0] == "export":  # a file format: UTF-8 whatever the terminal's encoding
                assert out == reference, argv
            elif argv[-1] == "json":
                assert json.loads(out) == json.loads(reference), argv
            else:
                assert out.decode(encoding) == reference.decode("utf-8"), argv
        else:
            assert done.returncode == 1, argv
            assert out == b"", argv
            assert re.fullmatch(
                rf"Error: this output \({encoding}\) cannot show '.+'; set "
                r"PYTHONIOENCODING=utf-8 or use --format json\n", err
            ), (argv, err)  # fmt: skip


# ---- hostile files to import ----------------------------------------------------------------


def _workbook_with(tmp_path: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    """A one-row list of awards as a workbook, its sheet's XML changed by ``change``."""
    import zipfile

    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["recipient", "kind", "form", "issuer", "year"])
    book.active.append(["An", "individual", "Giấy khen", "UBND tỉnh", 2020])
    book.save(plain)
    target = tmp_path / name
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for part in source.namelist():
            data = source.read(part)
            out.writestr(part, change(data) if part == "xl/worksheets/sheet1.xml" else data)
    return target


def test_a_workbook_claiming_the_whole_grid_reads_only_its_cells(run: Run, tmp_path: Path) -> None:
    """A sheet that claims A1:XFD1048576 but holds two rows imports its one award at once."""
    claim = _workbook_with(
        tmp_path, "claim.xlsx", lambda xml: xml.replace(b'ref="A1:E2"', b'ref="A1:XFD1048576"')
    )
    import zipfile

    assert b"XFD1048576" in zipfile.ZipFile(claim).read("xl/worksheets/sheet1.xml")
    result = run(["import", str(claim)])
    assert (result.exit_code, result.stderr) == (0, "imported 1 award, 0 phases\n")


def test_a_workbook_that_unpacks_to_too_much_is_refused_unread(
    run: Run, tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip bomb: a small file whose sheet unpacks past the limit is refused before anything
    is unpacked (the limit is lowered to 4 MB here, so the test builds 5 MB, not 257)."""
    from awards.transfer import sheets

    monkeypatch.setitem(sheets.LIMITS, "part", 4 << 20)
    bomb = _workbook_with(
        tmp_path,
        "bomb.xlsx",
        lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * (5 << 20)),
    )
    assert bomb.stat().st_size < 100 << 10
    result = run(["import", str(bomb)])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: bomb.xlsx is refused: one of its parts unpacks to 5 MB (the most is 4 MB)\n"
    )
    assert not db.exists()


def test_a_list_with_a_million_columns_is_refused_in_one_line(run: Run, tmp_path: Path) -> None:
    """Not a warning per column: one line naming the limit."""
    sheet = tmp_path / "wide.csv"
    sheet.write_text("recipient,kind,form,issuer,year" + ",x" * 1_000_000 + "\n", encoding="utf-8")
    result = run(["import", str(sheet)])
    assert (result.exit_code, result.stderr) == (
        1, "Error: wide.csv is refused: a line of more than 1,048,576 bytes\n"
    )  # fmt: skip


def test_unknown_columns_are_named_once_and_capped(run: Run, tmp_path: Path) -> None:
    """Twelve unknown columns: one notice, the first ten named and the rest counted."""
    sheet = tmp_path / "extra.csv"
    extra = [f"c{i}" for i in range(12)]
    sheet.write_text(
        ",".join(["recipient", "kind", "form", "issuer", "year", *extra])
        + "\n"
        + ",".join(["An", "individual", "Giấy khen", "UBND tỉnh", "2020", *["" for _ in extra]])
        + "\n",
        encoding="utf-8",
    )
    result = run(["import", str(sheet), "--dry-run"])
    assert result.exit_code == 0
    named = ", ".join(repr(c) for c in extra[:10])
    assert result.stderr.splitlines()[1] == (
        f"extra.csv: not imported (not a known field): {named} and 2 more"
    )


UNSEEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")  # a tab separates TSV


def test_every_output_of_a_hand_edited_file_is_safe(run: Run, db: Path, tmp_path: Path) -> None:
    """Escape sequences, C1 controls and bidi overrides typed into the file by hand: no format
    carries them raw, none crashes, and JSON still gives back the same text to a parser."""
    db.parent.mkdir()
    evil = "Đội \x1b[2J\x1b]8;;http://x\x07Nhanh\x9b\u202e\x00"
    data = {
        "phases": {"1": {"code": "P", "program": "P", "start": 2014, "end": 2018}},
        "awards": {"1": {"recipient": evil, "kind": "individual", "count": 1, "form": "Giấy khen",
                         "issuer": "UBND tỉnh", "year": 2016, "phase": "P", "unit": evil,
                         "note": evil}},
        "history": {"1": {"at": "2026-01-01T00:00:00+07:00", "command": f"awards add {evil}",
                          "changes": [], "undo": {}}},
    }  # fmt: skip
    db.write_text(json.dumps(data), encoding="utf-8")
    for command in ("list -f csv", "list -f tsv", "list -f json", "history -f json", "export",
                    "export -f csv", "history"):  # fmt: skip
        result = run(command)
        assert result.exit_code == 0, (command, result.output)
        assert not UNSEEN.search(result.stdout), command
    assert json.loads(run("list -f json").stdout)[0]["recipient"] == evil  # escaped, not changed
    for name in ("out.xlsx", "out.csv", "review.docx"):
        target = tmp_path / name
        argv = ["report", "phase", "P", "-o", str(target)] if name.endswith("docx") else (
            ["export", str(target)])  # fmt: skip
        result = run(argv)
        assert result.exit_code == 0, (name, result.output)
    assert "\\x1b" in openpyxl.load_workbook(tmp_path / "out.xlsx")["awards"]["B2"].value
    review = docx.Document(str(tmp_path / "review.docx"))
    cells = [cell.text for table in review.tables for row in table.rows for cell in row.cells]
    assert any(cell.startswith("Đội \\x1b[2J") for cell in cells)  # in the list, escaped
