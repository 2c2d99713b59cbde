"""The data file: empty and missing files, damage, schema, ids, atomic writes, locking."""

import os
import stat
import zlib
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from awards.domain.records import Award, Phase
from awards.errors import StoreError
from awards.store import Store
from tests.conftest import digest


def an_award(award_id: int) -> Award:
    return Award(award_id, "Nguyễn Văn An", "individual", 1, "Bằng khen", "UBND tỉnh", 2016)


def add(store: Store) -> int:
    with store.transaction() as tx:
        award = an_award(tx.next_award_id())
        tx.add_awards([award])
    return award.id


def test_missing_file_reads_empty_and_is_not_created(db: Path) -> None:
    """Reading a file that is not there creates neither it nor its folder."""
    records = Store(db).read()
    assert (records.phases, records.awards) == ([], [])
    assert not db.parent.exists()


def test_empty_file_is_an_empty_database(db: Path) -> None:
    """A 0-byte file reads as empty and takes a first write."""
    db.parent.mkdir()
    db.write_bytes(b"")
    assert Store(db).read().awards == []
    assert add(Store(db)) == 1


def test_first_write_creates_folders_and_a_tinydb_file(db: Path) -> None:
    """The file is TinyDB's JSON: a table per kind of record, meta with the schema, history."""
    add(Store(db))
    data = orjson.loads(db.read_bytes())
    assert set(data) == {"awards", "meta", "history"}
    assert data["history"]["1"]["undo"] == {"awards_added": [[1, 1]]}
    written = orjson.dumps(data["awards"])  # the awards as they stand at the end of the file
    assert db.read_bytes().endswith(b',"awards":' + written + b"}\n")
    kept = data["meta"]["1"].pop("summary")  # what a list shows before reading the awards
    assert data["meta"]["1"] == {
        "schema_version": 3, "next_award_id": 2, "next_change": 2, "awards_bytes": len(written),
        "awards_crc": zlib.crc32(written),
    }  # fmt: skip
    assert (kept["records"], kept["recipients"], kept["first"], kept["last"]) == (1, 1, 1, 1)
    assert kept["measures"]["recipient"] == [len("Nguyễn Văn An"), 0, True]
    assert data["awards"]["1"]["recipient"] == "Nguyễn Văn An"
    assert "\\u" not in db.read_text(encoding="utf-8")


def test_ids_are_never_reused(db: Path) -> None:
    """After the highest id is removed, the next award still gets a new id."""
    store = Store(db)
    assert [add(store), add(store)] == [1, 2]
    with store.transaction() as tx:
        tx.remove_awards([2])
    assert add(store) == 3


@pytest.mark.parametrize(
    "content",
    [b"{", b"null", b"[]", b'{"awards": []}', b'{"awards": {"1": 5}}', b"\xff\xfe{}",
     b'{"awards": {"1": {"recipient": "x"}}}', b'{"meta": {"1": {"next_award_id": "7"}}}',
     b'{"awards": {"x": {}}}', b'{"phases": {"1": {"code": "a", "program": "p", "start": 1, "end": 2, "signers": "A"}}}',
     # A year beyond what the file's 64-bit numbers hold, and lists nested past any reading.
     b'{"awards": {"1": {"recipient": "x", "kind": "individual", "count": 1, "form": "Giay khen", "issuer": "I", "year": 99999999999999999999}}}',
     b'{"phases": {"1": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"],
)  # fmt: skip
def test_damaged_file_is_refused_and_kept(db: Path, content: bytes) -> None:
    """Truncated JSON, the wrong shape or bad bytes: an error naming the path, bytes unchanged.

    (A reading checks what filters and tallies use; the rest is checked when an award is built,
    and all of it before any write.)"""
    db.parent.mkdir()
    db.write_bytes(content)
    with pytest.raises(StoreError, match=str(db)):
        len(Store(db).read().awards)
    with pytest.raises(StoreError):
        add(Store(db))
    assert db.read_bytes() == content


def test_a_damaged_optional_field_is_found_when_its_award_is_built(db: Path) -> None:
    """A phase of the wrong type: tallies (which read the stored records) pass it by, but
    building the award names the damage, and the bytes stay as they were."""
    content = (b'{"awards": {"1": {"recipient": "x", "kind": "mixed", "count": 2, "form": '
               b'"Giay khen", "issuer": "I", "year": 2020, "phase": 5}}}')  # fmt: skip
    db.parent.mkdir()
    db.write_bytes(content)
    records = Store(db).read()
    assert len(records.award_rows) == 1
    with pytest.raises(StoreError, match=f"{db} holds a damaged record \\(phase is neither"):
        len(records.awards)
    assert db.read_bytes() == content


def test_newer_schema_is_refused(db: Path) -> None:
    """A file from a newer awards says so and is not touched."""
    db.parent.mkdir()
    db.write_bytes(b'{"meta": {"1": {"schema_version": 4}}}')
    with pytest.raises(StoreError, match="newer awards"):
        Store(db).read()


def test_folder_in_place_of_file(db: Path) -> None:
    """A folder where the file should be is named in the error."""
    db.mkdir(parents=True)
    with pytest.raises(StoreError, match="is a folder"):
        Store(db).read()


def test_failed_change_writes_nothing(db: Path) -> None:
    """An exception inside a transaction leaves the bytes as they were."""
    store = Store(db)
    add(store)
    before = digest(db)
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.add_awards([an_award(tx.next_award_id())])
        raise RuntimeError("boom")
    assert digest(db) == before


def test_write_keeps_file_mode(db: Path) -> None:
    """A 640 file stays 640 after a write (the temporary file is made 600)."""
    store = Store(db)
    add(store)
    os.chmod(db, 0o640)
    add(store)
    assert stat.S_IMODE(db.stat().st_mode) == 0o640
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_write_leaves_file_and_no_temp(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An I/O error while writing: a StoreError, the old bytes, no temporary file left."""
    store = Store(db)
    add(store)
    before = digest(db)

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(StoreError, match="No space left on device"):
        add(store)
    assert digest(db) == before
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_leftover_temp_files_are_removed_by_the_next_write(db: Path) -> None:
    """A killed writer's temporary file does not pile up."""
    store = Store(db)
    add(store)
    leftover = db.parent / f".{db.name}.abc123.tmp"
    leftover.write_bytes(b"half")
    add(store)
    assert not leftover.exists()


def test_busy_lock_times_out(db: Path) -> None:
    """While another process holds the lock, a write waits, then says the database is busy."""
    from filelock import FileLock

    store = Store(db, lock_timeout=0.2)
    add(store)
    before = digest(db)
    with FileLock(str(db) + ".lock"), pytest.raises(StoreError, match="database is busy"):
        add(store)
    assert digest(db) == before


def test_phases_round_trip(db: Path) -> None:
    """A phase reads back as it was written, lists as tuples."""
    phase = Phase("2018-2023", "P", 2018, 2023, "2018-06-12", ("A", "B"), ("C",), "ghi chú")
    with Store(db).transaction() as tx:
        tx.add(phase)
    assert Store(db).read().phases == [phase]


def test_unreadable_file_is_named(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the user may not read: an error naming the path (simulated; root reads anything)."""
    db.parent.mkdir()
    db.write_bytes(b"{}")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(StoreError, match=f"cannot read {db}: Permission denied"):
        Store(db).read()


def test_a_change_that_only_adds_writes_what_a_whole_write_would(
    db: Path, ok: Callable[..., str], tmp_path: Path
) -> None:
    """Adding awards reuses the awards' bytes as read instead of serializing them again; after
    every kind of change the file is byte for byte what serializing it whole gives."""
    from awards.store import serialize

    sheet = tmp_path / "more.csv"
    sheet.write_text("recipient,kind,form,issuer,year\nB,individual,Giấy khen,UBND tỉnh,2020\n"
                     "C,collective,Bằng khen,UBND tỉnh,2021\n", encoding="utf-8")  # fmt: skip
    for command in (
        "add A --kind individual --form 'Giấy khen' --issuer 'UBND tỉnh' --year 2020",
        "phase add 2018-2023 --program P --start 2018 --end 2023",
        f"import {sheet}",
        "add D --kind individual --form 'Giấy khen' --issuer 'UBND tỉnh' --year 2022",
        "edit 1 --unit 'Xã A'",
        "add E --kind individual --form 'Giấy khen' --issuer 'UBND tỉnh' --year 2022",
        "remove 2 --yes",
        "undo",
        "issuer add 'UBND tỉnh' --level province",
    ):
        ok(command)
        raw = db.read_bytes()
        assert b"".join(serialize(orjson.loads(raw))) == raw, command
    assert len(orjson.loads(db.read_bytes())["awards"]) == 5


def test_a_lock_removed_from_outside_stops_the_write(db: Path) -> None:
    """Deleting the lock file while a writer holds it would let a second writer in; the holder
    then writes nothing and says why, and the file keeps its bytes."""
    from awards.domain.build import build_phase
    from awards.errors import StoreError

    store = Store(db)
    with store.transaction() as tx:
        tx.add(
            build_phase(
                {"code": "2014-2018", "program": "P", "start": 2014, "end": 2018}, tx.phases
            )
        )
    before = db.read_bytes()
    lock = db.with_name(db.name + ".lock")
    with pytest.raises(StoreError, match="was removed while this command held it"):
        with store.transaction() as tx:
            tx.add(
                build_phase(
                    {"code": "2018-2023", "program": "P", "start": 2018, "end": 2023}, tx.phases
                )
            )
            lock.unlink()
    assert db.read_bytes() == before


SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample.json"


def _after(changes: Callable[..., None], path: Path, fields: frozenset[str] | None) -> object:
    """The sample register after ``changes`` in one transaction (reading ``fields`` of every
    award), as the file holds it: the awards, the meta table and the history (without when)."""
    path.write_bytes(SAMPLE.read_bytes())
    with Store(path).transaction() as tx:  # a change for undo to take back
        tx.replace_awards([(tx.award(4) or an_award(4)).replaced(note="changed")])
    with Store(path, command="test").transaction(fields=fields) as tx:
        changes(tx)
    data = orjson.loads(path.read_bytes())
    history = [{k: v for k, v in entry.items() if k != "at"} for entry in data["history"].values()]
    return data["awards"], data["meta"], history


CHANGES = {
    "add": lambda tx: tx.add_awards([an_award(tx.next_award_id())]),
    "add, then replace": lambda tx: (tx.add_awards([an_award(tx.next_award_id())]),
                                     tx.replace_awards([an_award(2)])),
    "add, then remove": lambda tx: (tx.add_awards([an_award(tx.next_award_id())]),
                                    tx.remove_awards([3])),
    "undo": lambda tx: tx.undo(),
    "read an award, then add": lambda tx: (tx.award(5), tx.awards,
                                           tx.add_awards([an_award(tx.next_award_id())])),
}  # fmt: skip


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_that_read_some_fields_writes_every_field_of_every_award(
    tmp_path: Path, change: str
) -> None:
    """A transaction that read only the issuer and unit of every award (as an add does) writes
    the same file as one that read them whole, whatever it then does: an add copies the awards
    as read; an edit, a removal, an undo or an award built first read them whole, so nothing
    written or kept for undo lacks a field."""
    some = _after(CHANGES[change], tmp_path / "some.json", frozenset({"issuer", "unit"}))
    whole = _after(CHANGES[change], tmp_path / "whole.json", None)
    assert some == whole
    awards = some[0]
    assert isinstance(awards, dict) and all("recipient" in record for record in awards.values())
