"""The one output path: --output takes its format from the file's extension, --format
overrides it, and a format a command cannot write is a usage error naming those it can."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import Run, digest

Ok = Callable[..., str]
SAMPLE = str(Path(__file__).resolve().parent.parent / "data" / "sample.json")


@pytest.fixture
def sample(db: Path) -> Path:
    """The sample register as this test's data file."""
    db.parent.mkdir(parents=True)
    db.write_bytes(Path(SAMPLE).read_bytes())
    return db


def test_tally_to_each_kind_of_file(ok: Ok, run: Run, tmp_path: Path, sample: Path) -> None:
    """tally -o NAME.EXT writes that format: a workbook, Markdown, plain text, TSV."""
    book = tmp_path / "y.xlsx"
    result = run(["tally", "--by", "year", "-o", str(book)])
    assert (result.exit_code, result.stderr) == (0, f"wrote the tally and its chart to {book}\n")
    rows = list(openpyxl.load_workbook(book)["tally"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Year", "Recipients") and rows[-1][0] == "Total"

    markdown = tmp_path / "y.md"
    ok(["tally", "--by", "year", "-o", str(markdown)])
    assert markdown.read_text(encoding="utf-8") == ok(["tally", "--by", "year", "-f", "markdown"])

    drawn = tmp_path / "y.txt"
    ok(["tally", "--by", "year", "-o", str(drawn)])
    assert drawn.read_text(encoding="utf-8") == ok(["tally", "--by", "year"])

    tabs = tmp_path / "y.tsv"
    ok(["tally", "--by", "year", "-o", str(tabs)])
    lines = tabs.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "year\tcount" and all(line.count("\t") == 1 for line in lines)


def test_format_overrides_the_extension(ok: Ok, tmp_path: Path, sample: Path) -> None:
    """--format json -o x.txt writes JSON into x.txt."""
    target = tmp_path / "x.txt"
    ok(["tally", "--by", "year", "-f", "json", "-o", str(target)])
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
        ok(["tally", "--by", "year", "-f", "json"])
    )


@pytest.mark.parametrize(
    ("argv", "formats"),
    [
        (["tally", "-f", "docx"], "table, json, csv, tsv, markdown, text, xlsx"),
        (["list", "-f", "pdf"], "table, json, csv, tsv, markdown, text, xlsx"),
        (["report", "phase", "2014-2018", "-f", "xlsx"], "markdown, text, docx"),
        (["report", "0603", "--year", "2018", "-f", "json"], "table, markdown, text, xlsx"),
        (["show", "1", "-f", "csv"], "table, json"),
        (["export", "-f", "markdown"], "json, csv, tsv, xlsx, sqlite"),
    ],
)
def test_a_format_the_command_cannot_write_is_a_usage_error(
    run: Run, sample: Path, argv: list[str], formats: str
) -> None:
    """Exit 2, one line naming the formats the command writes; the file is untouched."""
    before = digest(sample)
    result = run(argv)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --format ")
    assert result.stderr.endswith(f"it writes {formats}\n")
    assert result.stdout == ""
    assert digest(sample) == before


def test_an_extension_that_names_no_format_is_a_usage_error(
    run: Run, tmp_path: Path, sample: Path
) -> None:
    """-o tally.pdf, or a report to .xlsx: exit 2, nothing written."""
    for argv, name in ((["tally"], "t.pdf"), (["report", "phase", "2014-2018"], "r.xlsx")):
        target = tmp_path / name
        result = run([*argv, "-o", str(target)])
        assert result.exit_code == 2, result.output
        assert "give --format" in result.stderr and str(target) in result.stderr
        assert not target.exists()


def test_reports_to_word_and_the_form_to_a_workbook(run: Run, tmp_path: Path, sample: Path) -> None:
    """report phase -o r.docx is a Word document; report 0603 -o f.xlsx the form's workbook."""
    document = tmp_path / "r.docx"
    result = run(["report", "phase", "2014-2018", "-o", str(document)])
    assert (result.exit_code, result.stderr) == (0, f"wrote the report to {document}\n")
    assert docx.Document(str(document)).paragraphs[0].text == "BÁO CÁO"
    form = tmp_path / "f.xlsx"
    result = run(["report", "0603", "--year", "2018", "-o", str(form)])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"wrote form 0603 to {form}"
    assert result.stderr.startswith("24 award(s) left out of the form, not classified: 1, 2, 3")
    assert openpyxl.load_workbook(form)["0603"]["A1"].value


def test_a_word_document_goes_down_a_pipe_but_not_to_a_terminal(run: Run, sample: Path) -> None:
    """Without --output, docx is written to stdout when it is not a terminal."""
    piped = run(["report", "phase", "2014-2018", "-f", "docx"])
    assert piped.exit_code == 0
    assert docx.Document(io.BytesIO(piped.stdout_bytes)).paragraphs[0].text


def test_lists_write_to_files_too(ok: Ok, tmp_path: Path, sample: Path) -> None:
    """list, phase list, issuer list and history take --output like tally."""
    ok(["edit", "1", "--note", "a change for the history"])
    for argv, name in (
        (["list"], "a.csv"), (["phase", "list"], "p.json"), (["issuer", "list"], "i.md"),
        (["history"], "h.txt"),
    ):  # fmt: skip
        target = tmp_path / name
        ok([*argv, "-o", str(target)])
        assert target.stat().st_size > 0
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as file:
        assert len(list(csv.DictReader(file))) == len(json.loads(ok(["list", "-f", "json"])))


def test_a_tsv_export_holds_tabs(ok: Ok, tmp_path: Path, sample: Path) -> None:
    """export out.tsv is tab-separated, with the awards' JSON keys as its header."""
    target = tmp_path / "out.tsv"
    ok(["export", str(target)])
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter="\t"))
    stored = json.loads(ok(["list", "-f", "json"]))
    assert rows[0][:3] == ["id", "recipient", "kind"]
    assert [row[1] for row in rows[1:]] == [award["recipient"] for award in stored]


@pytest.mark.parametrize("suffix", ["csv", "tsv"])
def test_a_delimited_export_says_what_it_wrote_and_imports_into_an_empty_file(
    ok: Ok, run: Run, tmp_path: Path, sample: Path, suffix: str
) -> None:
    """The awards go to FILE, phases and issuers beside it; the three import back whole."""
    target = tmp_path / f"out.{suffix}"
    result = run(["export", str(target)])
    phases, issuers = (tmp_path / f"out-{name}.{suffix}" for name in ("phases", "issuers"))
    stored = json.loads(ok(["export"]))
    assert result.exit_code == 0
    assert result.stderr == (
        f"exported {len(stored['awards'])} awards to {target}; "
        f"{len(stored['phases'])} phases to {phases}; "
        f"{len(stored['issuers'])} issuers to {issuers}\n"
    )
    fresh = str(tmp_path / "fresh.json")
    ok(["--db", fresh, "import", str(phases), str(issuers), str(target)])
    again = json.loads(ok(["--db", fresh, "export"]))
    assert again["phases"] == stored["phases"]
    assert again["issuers"] == stored["issuers"]
    assert again["awards"] == stored["awards"]


def test_an_output_file_keeps_its_permissions(ok: Ok, tmp_path: Path, sample: Path) -> None:
    """A report written over a 0600 file stays 0600: the file is replaced, its mode kept."""
    target = tmp_path / "private.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    ok(["tally", "-o", str(target)])
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text(encoding="utf-8").startswith("| Phase |")


def test_writes_work_where_the_system_has_no_chown(
    ok: Ok, tmp_path: Path, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no os.chown: a write to the data file and to an output file still works."""
    import os

    monkeypatch.delattr(os, "chown")
    ok(["edit", "1", "--note", "written without chown"])
    ok(["tally", "-o", str(tmp_path / "t.csv")])
    assert json.loads(ok(["show", "1", "-f", "json"]))["note"] == "written without chown"


def test_the_data_file_and_its_own_files_are_never_an_output(
    run: Run, sample: Path, tmp_path: Path
) -> None:
    """-o awards.json (or its lock, or its copy, with --format) is refused; the file as it was."""
    before = digest(sample)
    for argv in (["tally", "-o", str(sample)],
                 ["tally", "-f", "csv", "-o", f"{sample}.lock"],
                 ["list", "-f", "json", "-o", f"{sample}.bak"],
                 ["list", "-f", "json", "-o", f"{sample}.bak.2"],
                 ["tally", "-f", "csv", "-o", f"{sample}.damaged-20261201-080000-000001"]):  # fmt: skip
        result = run(argv)
        assert result.exit_code == 1, argv
        assert result.stderr.endswith("is the data file or one of its own; write elsewhere\n")
    assert digest(sample) == before


def test_a_pipe_is_written_into_and_a_link_is_followed(
    ok: Ok, sample: Path, tmp_path: Path
) -> None:
    """A FIFO stays a FIFO and gets the bytes; a symbolic link stays a link, its target written."""
    import os
    import threading

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    ok(["tally", "--by", "year", "-o", str(fifo)])
    reader.join(timeout=10)
    assert got and got[0].decode("utf-8-sig") == ok(["tally", "--by", "year", "-f", "csv"])
    assert fifo.is_fifo()
    link, target = tmp_path / "link.md", tmp_path / "target.md"
    link.symlink_to(target)
    ok(["tally", "-o", str(link)])
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("| Phase |")


def test_a_killed_writers_old_temporary_file_is_removed(
    ok: Ok, sample: Path, tmp_path: Path
) -> None:
    """A temporary file left an hour ago by a killed export goes at the next write of that file;
    a fresh one (a writer still at work) stays."""
    import os
    import time

    old, fresh = tmp_path / ".t.csv.abc.tmp", tmp_path / ".t.csv.def.tmp"
    for leftover in (old, fresh):
        leftover.write_bytes(b"partial")
    hour_ago = time.time() - 3700
    os.utime(old, (hour_ago, hour_ago))
    ok(["tally", "-o", str(tmp_path / "t.csv")])
    assert not old.exists() and fresh.exists()


def test_json_of_more_rows_than_a_part_is_the_json_of_them_all(
    ok: Ok, db: Path, tmp_path: Path
) -> None:
    """A list or an export is written a few thousand rows at a time: more awards than that (a
    zero-width space typed by hand among them) make one JSON value, indented as a whole value
    is, the invisible character escaped, to standard output and to a file."""
    from awards.domain.vocab import AWARD_FIELDS
    from awards.store import codec

    records = {str(n): {"recipient": f"Trần Thị {n}", "kind": "individual", "count": 1,
                        "form": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "year": 2020}
               for n in range(1, 12_001)}  # fmt: skip
    records["7001"]["note"] = "tên\u200bẩn"
    meta = {"1": {"schema_version": codec.SCHEMA_VERSION, "next_award_id": 12_001}}
    db.parent.mkdir(parents=True)
    db.write_bytes(b"".join(codec.serialize({"meta": meta, "awards": records})))
    rows = [{name: record.get(name) for name in AWARD_FIELDS} | {"id": int(key)}
            for key, record in records.items()]  # fmt: skip

    def as_one_value(value: object) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False).replace("\u200b", "\\u200b") + "\n"

    listed = ok("list -f json")
    assert listed == as_one_value(rows)
    exported = ok("export -f json")
    assert json.loads(exported)["awards"] == rows
    assert exported == as_one_value(json.loads(exported))
    ok(["export", str(tmp_path / "all.json")])
    assert (tmp_path / "all.json").read_text(encoding="utf-8") == exported
