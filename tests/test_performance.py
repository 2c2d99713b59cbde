"""The size and read targets that hold on every run (timings live in tests/bench, not here)."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from awards.domain.vocab import DIMENSIONS
from awards.store import Store, codec
from tests.conftest import Run

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
import data as bench_data  # noqa: E402

Ok = Callable[..., str]
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample.json"


def test_t8_an_award_takes_at_most_270_bytes_on_the_benchmark_data(
    ok: Ok, tmp_path: Path, db: Path
) -> None:
    """UTF-8 without \\u escapes, empty fields left out: the file stays small."""
    awards, phases, issuers = bench_data.write(tmp_path, 2000)
    ok(["import", str(issuers), str(phases), str(awards)])
    content = db.read_bytes()
    assert b"\\u" not in content
    assert len(content) / 2000 <= 270


COMMANDS = [
    "list", "list -f json --year 2020", "tally", "tally --by year --by form", "show 1",
    "add X --kind individual --form 'Giấy khen' --issuer 'Giám đốc Công an tỉnh' --year 2020",
    "edit 1 --note n", "remove 2 --yes", "export", "phase list", "phase show 2014-2018",
    "issuer list", "check", "history", "undo", "revoke 3 --decision 1/QĐ --on 2020-01-02 --reason r",
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_t9_every_command_parses_the_data_file_exactly_once(
    ok: Ok, run: Run, db: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Each command succeeds on the sample register (which passes check, and has one recorded
    change to undo), and reads the file exactly once."""
    db.parent.mkdir(parents=True)
    shutil.copyfile(SAMPLE, db)
    ok(["edit", "4", "--note", "a change to undo"])
    parses = []
    real_parse = Store._parse

    def counted(self: Store, raw: bytes, fields: frozenset[str] | None, **how: bool) -> object:
        parses.append(self.path)
        return real_parse(self, raw, fields, **how)

    monkeypatch.setattr(Store, "_parse", counted)
    result = run(command)
    assert result.exit_code == 0, result.output
    assert len(parses) == 1


EVERY_DIMENSION = " ".join(f"--by {dim}" for dim in DIMENSIONS)
FILTERED = ["", "--year 2018", "--from 2019 --to 2021", "--phase 2014-2018",
            "--form 'Bằng khen'", "--issuer 'ubnd TỈNH'", "--kind collective",
            "--category worker", "--sector 'an ninh - quốc phòng'", "--search 'công an'",
            "--include-revoked", "--year 2018 --include-revoked --kind individual"]  # fmt: skip


def as_written_and_whole(ok: Ok, db: Path) -> Path:
    """The sample register at ``db`` with a change written (an award revoked), and a copy of it
    without the CRC-32 that marks its awards as written: that copy is read whole and checked."""
    db.parent.mkdir(parents=True)
    shutil.copyfile(SAMPLE, db)
    ok("revoke 3 --decision 1/QĐ --on 2020-01-02 --reason r")  # revoked awards are left out
    whole = db.with_name("wholes.json")  # a name as long as the register's, for status
    data = orjson.loads(db.read_bytes())
    del data["meta"]["1"]["awards_crc"]
    whole.write_bytes(orjson.dumps(data))
    return whole


@pytest.mark.parametrize("filters", FILTERED)
def test_a_tally_reads_only_what_it_counts_and_counts_the_same(
    ok: Ok, db: Path, filters: str
) -> None:
    """A tally of a file as awards wrote it reads only the fields it counts and its filters
    read; it counts what a reading of every field counts (a copy without the CRC-32 that marks
    the awards as written is read whole and checked), by every dimension, whatever the
    filters."""
    whole = as_written_and_whole(ok, db)
    for dims in (EVERY_DIMENSION, "--by method"):  # method: read by no filter
        command = f"tally {dims} {filters} -f json"
        counted = ok(command)
        assert json.loads(counted)  # something to compare
        assert counted == ok(f"--db {whole} {command}")


@pytest.mark.parametrize("filters", FILTERED)
@pytest.mark.parametrize("command", ["list -f json", "export -f json", "list --sort -unit"])
def test_a_filtered_list_or_export_reads_what_the_filters_read_and_the_chosen_whole(
    ok: Ok, db: Path, filters: str, command: str
) -> None:
    """A list or an export with filters reads what they read of every award, then the awards
    they chose, whole: what it shows is what a reading of every field shows."""
    whole = as_written_and_whole(ok, db)
    shown = ok(f"{command} {filters}".replace("--include-revoked", ""))
    assert shown.strip() not in ("", "[]")
    assert shown == ok(f"--db {whole} {command} {filters}".replace("--include-revoked", ""))


@pytest.mark.parametrize("award_id", ["1", "3", "52"])
def test_show_reads_its_award_whole(ok: Ok, db: Path, award_id: str) -> None:
    """``show`` reads no field of the others, and its own award whole."""
    whole = as_written_and_whole(ok, db)
    assert ok(f"show {award_id} -f json") == ok(f"--db {whole} show {award_id} -f json")
    assert ok(f"show {award_id}") == ok(f"--db {whole} show {award_id}")


def test_a_reading_of_some_fields_holds_only_those_when_the_awards_are_as_written(
    ok: Ok, db: Path
) -> None:
    """Awards as written are read with only the fields asked for; awards whose CRC-32 no longer
    matches (a hand edit) are read whole, and checked."""
    db.parent.mkdir(parents=True)
    shutil.copyfile(SAMPLE, db)
    ok("edit 4 --note n")  # written by this version: the awards carry their CRC-32
    asked = frozenset({"year", "unit"})
    assert {frozenset(r) <= asked for r in Store(db).read(fields=asked).award_rows.values()} == {
        True
    }
    db.write_bytes(db.read_bytes().replace(b'"year":2018', b'"year":2019', 1))
    rows = Store(db).read(fields=asked).award_rows.values()
    assert {"recipient", "kind", "form", "issuer", "year"} <= set().union(*rows)


@pytest.mark.parametrize("command", ["", "phase list", "issuer list -f json",
                                     "catalogue list -f json", "history -f json",
                                     "report year 2018 -f markdown", "report year 2021",
                                     "report 0601 --year 2018 -f markdown",
                                     "report 0602 --year 2018 -f markdown",
                                     "report 0603 --year 2018 -f markdown",
                                     "report 0603 --year 2021"])  # fmt: skip
def test_the_lists_that_read_a_few_fields_say_what_a_whole_reading_says(
    ok: Ok, db: Path, command: str
) -> None:
    """``awards`` alone, the phase, issuer and catalogue lists, the history, and a year's
    reports and forms read only the award fields they count or choose by, and say what a
    reading of every field says."""
    whole = as_written_and_whole(ok, db)
    said = ok(f"--db {db} {command}")
    assert said.strip() not in ("", "[]")
    assert said.replace(str(db), "FILE") == ok(f"--db {whole} {command}").replace(
        str(whole), "FILE"
    )


def test_a_whole_reading_reads_what_the_file_holds_and_shares_the_repeated_texts(
    db: Path,
) -> None:
    """Awards read whole are read a part at a time (a megabyte, here about 5,000 awards): what
    is read is what the file holds, field for field and in order, whatever their texts hold;
    a form, issuer or unit that many awards repeat is one text in the parts after the one it
    is first seen in (an issuer new in the second part too); units new in part after part are
    read as they are. A reading of some fields reads them so too."""
    tricky = ['},"9":{"recipient":"x"}', "ends in a backslash \\", '"quoted"', "}", ",", ""]
    records = {}
    for n in range(1, 30_001):
        records[str(n)] = {
            "recipient": f"Nguyễn Văn {n}", "kind": "individual", "count": 1,
            "form": "Giấy khen" if n % 2 else "Bằng khen",
            "issuer": "Giám đốc Công an tỉnh" if n <= 10_000 else "Chủ tịch UBND tỉnh",
            "year": 2018 + n % 5, "phase": "2018-2023",
            "unit": f"Đơn vị {n // 500}" if n > 24_000 else "Phòng PV05",
            "note": tricky[n % len(tricky)],
        }  # fmt: skip
    meta = {"1": {"schema_version": codec.SCHEMA_VERSION, "next_award_id": 30_001}}
    db.parent.mkdir(parents=True)
    db.write_bytes(b"".join(codec.serialize({"meta": meta, "awards": records})))

    read = Store(db).read().award_rows
    assert read == records
    assert list(read) == list(records)
    assert [list(r) for r in read.values()] == [list(r) for r in records.values()]
    assert read["12000"]["form"] is read["18000"]["form"]  # the third part, and the fourth
    assert read["12000"]["unit"] is read["18000"]["unit"]
    assert read["12000"]["issuer"] is read["18000"]["issuer"]  # first seen in the second
    assert read["29500"]["unit"] == "Đơn vị 59"
    some = Store(db).read(fields=frozenset({"form", "year"})).award_rows  # as a tally reads
    assert some == {key: {"form": r["form"], "year": r["year"]} for key, r in records.items()}
    assert some["12000"]["form"] is some["18000"]["form"]


SETTLED = """
import gc, sys
from pathlib import Path
from awards import lifetime
from awards.store import Store
lifetime.until_exit = sys.argv[2] == "program"  # as the program runs, or in-process
gc.set_threshold(20_000, 50, 1000)  # eager: a pass every 20,000 new objects
passes = []
gc.callbacks.append(lambda phase, info: passes.append(info) if phase == "stop" else None)
records = Store(Path(sys.argv[1])).read(lazily=True)
read = sum(len(part) for part in records.award_parts())
every = Store(Path(sys.argv[1])).read().award_rows
print(read, len(every), len(passes))
"""


def test_the_collector_passes_over_no_record_read(ok: Ok, tmp_path: Path, db: Path) -> None:
    """The program tells the garbage collector to leave the records it has read, which hold
    no cycle to find (``lifetime.settle``): at 100,000 awards its passes over them took a
    twentieth of a check. With a collector made eager, reading 30,000 awards a part at a
    time, or all at once, makes no pass; run in-process (tests), the collector is left as
    it is, and passes over them."""
    import subprocess

    awards, phases, issuers = bench_data.write(tmp_path, 30_000)
    ok(["import", str(issuers), str(phases), str(awards)])
    found = {}
    for how in ("program", "in-process"):
        done = subprocess.run([sys.executable, "-c", SETTLED, str(db), how],
                              capture_output=True, text=True, check=True)  # fmt: skip
        found[how] = done.stdout.split()
    assert found["program"] == ["30000", "30000", "0"]
    assert found["in-process"][:2] == ["30000", "30000"] and int(found["in-process"][2]) > 0
