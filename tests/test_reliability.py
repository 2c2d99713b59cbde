"""The data file survives what a shared office computer does to it.

Tests marked ``campaign`` run real processes many times. In the normal suite they run at small
sizes; ``AWARDS_CAMPAIGN=full pytest -m campaign -s`` runs them at the sizes docs/reliability.md reports
and prints the figures.
"""

from __future__ import annotations

import errno
import os
import random
import re
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import orjson
import pytest

from awards.domain.build import build_award, build_phase
from awards.domain.spellings import Spellings
from awards.store import Store
from tests.conftest import Run, digest

AWARDS = str(Path(sys.executable).with_name("awards"))
FULL = os.environ.get("AWARDS_CAMPAIGN") == "full"


def size(small: int, full: int) -> int:
    return full if FULL else small


def awards(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AWARDS, *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
        env={**os.environ, **(env or {})}, timeout=300,
    )  # fmt: skip


def individual(recipient: str, year: str = "2020") -> list[str]:
    return ["add", recipient, "--kind", "individual", "--form", "Giấy khen", "--issuer",
            "Giám đốc Công an tỉnh", "--year", year]  # fmt: skip


def fill(db: Path, count: int) -> None:
    """A file of ``count`` awards over two phases, written in one transaction."""
    rng = random.Random(count)
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Dương"]
    with Store(db, record=False).transaction() as tx:
        for code, start, end in (("2014-2018", 2014, 2018), ("2019-2023", 2019, 2023)):
            given = {"code": code, "program": "Chương trình phối hợp", "start": start, "end": end}
            tx.add(build_phase(given, tx.phases))
        spellings = Spellings(tx.awards)
        batch = []
        for i in range(count):
            given = dict(
                recipient=f"{rng.choice(surnames)} Văn {i}",
                kind=rng.choice(["individual", "collective"]),
                form=rng.choice(["Giấy khen", "Bằng khen"]),
                issuer=rng.choice(["Giám đốc Công an tỉnh", "UBND tỉnh", "Bộ Công an"]),
                year=rng.randint(2014, 2023),
                unit=f"Công ty TNHH Số {i % 97}",
            )
            award = build_award(given, tx.phases, spellings, new_id=tx.next_award_id() + i)
            batch.append(award)
        tx.add_awards(batch)
    Path(str(db) + ".bak").unlink(missing_ok=True)


def stored(db: Path) -> dict[str, dict[str, object]]:
    """The awards table, read as TinyDB keeps it; raises if the file does not load."""
    Store(db).read()
    return orjson.loads(db.read_bytes())["awards"]  # type: ignore[no-any-return]


def leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name.endswith(".tmp"))


# ---- 1. load -------------------------------------------------------------------------------


@pytest.mark.campaign
def test_four_processes_times_fifty_adds_lose_nothing(db: Path) -> None:
    """4 processes × N adds at once: all exit 0; exactly 4N awards; the file is valid."""
    each = size(15, 50)

    def adder(worker: int) -> list[int]:
        return [awards(*individual(f"Người {worker}-{i}")).returncode for i in range(each)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = [code for codes in pool.map(adder, range(4)) for code in codes]
    assert codes == [0] * (4 * each)
    assert len(stored(db)) == 4 * each
    print(f"\nload: 4 × {each} adds, {codes.count(0)} exit 0, {len(stored(db))} awards stored")


@pytest.mark.campaign
def test_two_adders_and_a_remover_leave_exactly_what_they_acknowledged(db: Path) -> None:
    """Adds and removes at once: stored = initial + acknowledged adds − acknowledged removes."""
    initial = size(20, 60)
    fill(db, initial)
    each = size(10, 40)
    removed: list[int] = []

    def adder(worker: int) -> list[str]:
        done = []
        for i in range(each):
            name = f"Thêm {worker}-{i}"
            if awards(*individual(name)).returncode == 0:
                done.append(name)
        return done

    def remover() -> None:
        for award_id in range(1, initial + 1, 2):
            if awards("remove", str(award_id), "--yes").returncode == 0:
                removed.append(award_id)

    with ThreadPoolExecutor(max_workers=3) as pool:
        added = pool.map(adder, range(2))
        pool.submit(remover).result()
        added_names = [name for names in added for name in names]
    table = stored(db)
    assert len(table) == initial + len(added_names) - len(removed)
    assert not {str(i) for i in removed} & set(table)
    assert set(added_names) <= {str(r["recipient"]) for r in table.values()}
    print(f"\nadd/remove: {len(added_names)} adds, {len(removed)} removes acknowledged; "
          f"{len(table)} stored = {initial} + {len(added_names)} − {len(removed)}")  # fmt: skip


# ---- 2. readers during writes --------------------------------------------------------------


@pytest.mark.campaign
def test_readers_never_see_a_half_written_file(db: Path) -> None:
    """Many `awards list` while another process keeps editing a large file: no reader fails."""
    count, reads = size(2_000, 20_000), size(40, 300)
    fill(db, count)
    stop = threading.Event()
    edits = []

    def editor() -> None:
        i = 0
        while not stop.is_set():
            edits.append(awards("edit", str(1 + i % count), "--note", f"sửa {i}").returncode)
            i += 1

    def reader(_: int) -> bool:
        done = awards("list", "--format", "json", "--limit", "3")
        return done.returncode == 0 and len(orjson.loads(done.stdout)) == 3

    writer = threading.Thread(target=editor)
    writer.start()
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(reader, range(reads)))
    finally:
        stop.set()
        writer.join()
    assert results.count(False) == 0
    assert edits and set(edits) == {0}
    print(f"\nreaders: {reads} lists during {len(edits)} edits of a {count}-award file, "
          f"{results.count(False)} failures")  # fmt: skip


# ---- 3. crashes ----------------------------------------------------------------------------


def killed_run(argv: list[str], delay: float) -> int:
    """Start a command, SIGKILL it after ``delay`` seconds if it is still running."""
    process = subprocess.Popen(
        [AWARDS, *argv], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    return process.wait()


def typical_duration(argv: list[str]) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        awards(*argv)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@pytest.mark.campaign
def test_sigkill_at_random_moments_loses_no_acknowledged_change(db: Path) -> None:
    """add, edit and remove killed at random moments: the file always loads, and every command
    that exited 0 is in it. A killed writer's temporary files go at the next write."""
    count, trials = size(2_000, 20_000), size(8, 100)
    fill(db, count)
    rng = random.Random(4)
    duration = typical_duration(["show", "1"]) * 3
    acknowledged_adds: list[str] = []
    tally = {"add": [0, 0], "edit": [0, 0], "remove": [0, 0]}  # [exited 0, killed]
    for trial in range(trials):
        name = f"Crash {trial}"
        code = killed_run(individual(name), rng.uniform(0.0, duration))
        table = stored(db)  # loads, or fails the test
        tally["add"][code != 0] += 1
        if code == 0:
            acknowledged_adds.append(name)
            assert name in {str(r["recipient"]) for r in table.values()}

        target, note = str(rng.randint(1, count)), f"ghi chú {trial}"
        previous = table.get(target, {}).get("note")
        code = killed_run(["edit", target, "--note", note], rng.uniform(0.0, duration))
        table = stored(db)
        tally["edit"][code != 0] += 1
        if target in table:
            assert table[target].get("note") == note if code == 0 else table[target].get("note") in (
                previous, note)  # fmt: skip

        target = str(count - trial)
        code = killed_run(["remove", target, "--yes"], rng.uniform(0.0, duration))
        table = stored(db)
        tally["remove"][code != 0] += 1
        if code == 0:
            assert target not in table
    names = {str(r["recipient"]) for r in stored(db).values()}
    assert set(acknowledged_adds) <= names
    assert awards(*individual("After the crashes")).returncode == 0
    assert leftovers(db) == []
    print(f"\ncrash: {trials} trials each on {count} awards; exited 0/killed: "
          + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in tally.items())
          + f"; file loaded {3 * trials}/{3 * trials}; acknowledged adds lost: 0")  # fmt: skip


# ---- 4. full disks and I/O errors ----------------------------------------------------------


def test_file_size_limit_fails_the_write_with_one_line(db: Path) -> None:
    """A write that the file-size limit (`ulimit -f`) stops: exit 1, one line, bytes unchanged."""
    fill(db, 300)
    before = digest(db)
    limit = db.stat().st_size // 2

    def small_limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [AWARDS, *individual("An")], capture_output=True, text=True, preexec_fn=small_limit
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"Error: cannot write {db}: File too large; the file was left as it was\n"
    assert digest(db) == before
    assert leftovers(db) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_fails_the_write_with_one_line(db: Path) -> None:
    """A folder the user may not write to: exit 1, one line, bytes unchanged."""
    fill(db, 10)
    before = digest(db)
    os.chmod(db.parent, 0o555)
    try:
        done = awards(*individual("An"))
    finally:
        os.chmod(db.parent, 0o755)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert done.stderr.startswith("Error: ")
    assert digest(db) == before


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("tempfile.mkstemp", OSError(errno.EROFS, "Read-only file system")),
        ("os.fsync", OSError(errno.ENOSPC, "No space left on device")),
        ("os.replace", OSError(errno.EIO, "Input/output error")),
    ],
)
def test_faults_in_the_write_path_fail_with_one_line(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch, target: str, error: OSError
) -> None:
    """A read-only disk, a full disk, an I/O error at the rename: exit 1, file unchanged."""
    fill(db, 10)
    before = digest(db)
    module, name = target.split(".")

    def fault(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(f"{module}.{name}", fault)
    result = run(individual("An"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot write {db}: {error.strerror}; the file was left as it was\n"
    )
    assert digest(db) == before


def test_an_export_written_in_parts_that_fails_part_way_keeps_the_last_export(
    ok: Callable[..., str], run: Run, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV of 12,000 awards goes to its file a part at a time; a disk that fills after the
    first parts: exit 1 with one line, the export made before byte for byte as it was, and no
    part of the new one left beside it."""
    fill(db, 12_000)
    target = tmp_path / "out" / "awards.csv"
    target.parent.mkdir()
    ok(["export", str(target)])
    before, files = digest(target), sorted(target.parent.iterdir())
    ok(["edit", "1", "--note", "changed since"])
    real, written = os.fdopen, []

    class Filling:  # a file on a disk with room for two parts
        def __init__(self, file: Any) -> None:
            self.file = file

        def __enter__(self) -> Filling:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def writelines(self, parts: Iterable[bytes]) -> None:
            for part in parts:
                if len(written) == 2:
                    raise OSError(errno.ENOSPC, "No space left on device")
                written.append(len(part))
                self.file.write(part)

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Filling(real(fd, mode)))
    result = run(["export", str(target)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {target}: No space left on device\n"
    assert len(written) == 2 and sum(written) < target.stat().st_size  # it had begun
    assert digest(target) == before and sorted(target.parent.iterdir()) == files


# ---- 5. busy -------------------------------------------------------------------------------


def test_a_held_lock_makes_writes_wait_then_fail_and_frees_when_its_holder_dies(db: Path) -> None:
    """Another process holds the lock: the write waits the set time, then 'database is busy';
    once the holder is killed, a write that will not wait at all succeeds."""
    fill(db, 5)
    before = digest(db)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from filelock import FileLock; "
         f"lock = FileLock({str(db) + '.lock'!r}); lock.acquire(); print('held', flush=True); "
         "time.sleep(600)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        started = time.monotonic()
        busy = awards(*individual("An"), env={"AWARDS_LOCK_TIMEOUT": "1"})
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert busy.returncode == 1
    assert busy.stderr == (
        f"Error: database is busy: another awards command is writing {db}; try again\n"
    )
    assert waited >= 1.0
    assert digest(db) == before
    freed = awards(*individual("An"), env={"AWARDS_LOCK_TIMEOUT": "0"})
    assert (freed.returncode, freed.stdout) == (0, "6\n")


# ---- 6. damaged files, every command -------------------------------------------------------

EVERY_COMMAND = [
    ["list"], ["tally"], ["show", "1"], individual("An"), ["edit", "1", "--note", "x"],
    ["remove", "1", "--yes"], ["export"], ["phase", "list"], ["phase", "show", "2014-2018"],
    ["phase", "add", "P", "--program", "X", "--start", "2020", "--end", "2021"],
    ["phase", "edit", "2014-2018", "--end", "2019"], ["phase", "remove", "2014-2018"],
    ["history"], ["undo"], ["import", "-"], ["issuer", "list"],
    ["issuer", "add", "Bộ Công an", "--level", "ministry"], ["issuer", "merge", "A", "B"],
    ["revoke", "1", "--decision", "9/QĐ", "--on", "2021-03-01", "--reason", "x"], ["check"],
]  # fmt: skip
DAMAGE = {
    "null": b"null",
    "truncated": b'{"awards": {"1": {"recipient": "Nguy',
    "wrong shape": b'{"awards": [1, 2, 3]}',
    "invalid UTF-8": b'{"awards": {"1": {"recipient": "\xff\xfe"}}}',
    "newer schema": b'{"meta": {"1": {"schema_version": 99, "next_award_id": 1}}}',
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("argv", EVERY_COMMAND, ids=" ".join)
def test_every_command_refuses_a_damaged_file(
    run: Run, db: Path, damage: str, argv: list[str]
) -> None:
    """Exit 1, one line naming the path, no traceback, and the bytes as they were."""
    db.parent.mkdir()
    db.write_bytes(DAMAGE[damage])
    result = run(argv, input="recipient,kind,form,issuer,year\nA,individual,Giấy khen,X,2020\n")
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and str(db) in result.stderr
    assert result.stderr.startswith("Error: ")
    assert db.read_bytes() == DAMAGE[damage]


@pytest.mark.parametrize("argv", EVERY_COMMAND, ids=" ".join)
def test_every_command_names_a_folder_or_an_unreadable_file(
    run: Run, db: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder in place of the file, and a file without read permission (simulated for root)."""
    db.mkdir(parents=True)
    result = run(argv, input="")
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {db} is a folder, not an awards data file\n")  # fmt: skip
    db.rmdir()
    db.write_bytes(b"{}")
    real_read_bytes = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == db:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    result = run(argv, input="")
    assert (result.exit_code, result.stderr) == (1, f"Error: cannot read {db}: Permission denied\n")
    assert real_read_bytes(db) == b"{}"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_named(db: Path) -> None:
    """The real thing, for a user who is not root."""
    fill(db, 3)
    os.chmod(db, 0)
    try:
        done = awards("list")
    finally:
        os.chmod(db, 0o644)
    assert (done.returncode, done.stderr) == (1, f"Error: cannot read {db}: Permission denied\n")


HAND_EDITS = ["list", "tally", "check", "export", "show 2", "edit 1 --note x"]


@pytest.mark.parametrize("argv", HAND_EDITS)
def test_a_hand_edit_that_keeps_every_byte_in_place_is_still_refused(
    run: Run, db: Path, argv: str
) -> None:
    """The awards carry a CRC-32 of their bytes, so a reading of a file as awards wrote it
    skips checking them again; a year typed as `true` over its four digits (the same length,
    the file otherwise the same byte for byte) no longer matches it, is checked and refused."""
    fill(db, 3)
    before = db.read_bytes()
    edited = re.sub(rb'"year":\d{4}', b'"year":true', before, count=1)
    assert len(edited) == len(before) and edited != before
    db.write_bytes(edited)
    result = run(argv)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {db} holds a damaged record (year is not a whole number); it was left as it is\n"
    )
    assert db.read_bytes() == edited


def test_undo_refuses_to_bring_back_a_record_damaged_in_the_history(run: Run, db: Path) -> None:
    """An award removed, then its copy in the history edited by hand: undo brings back only
    what a write would accept, so it refuses, and the file keeps its bytes."""
    fill(db, 3)
    assert run("remove 1 --yes").exit_code == 0
    data = orjson.loads(db.read_bytes())
    (entry,) = [e for e in data["history"].values() if " remove " in e["command"]]
    entry["undo"]["awards_before"]["1"]["count"] = "one"
    db.write_bytes(orjson.dumps(data))
    before = digest(db)
    result = run("undo")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {db} holds a damaged record (count is not a whole")
    assert digest(db) == before


# ---- 7. mode and owner ---------------------------------------------------------------------


def test_mode_and_owner_survive_a_write(db: Path) -> None:
    """A 640 file stays 640, and (where the user may set it) keeps its owner and group."""
    fill(db, 3)
    os.chmod(db, 0o640)
    owner = (12345, 12345) if os.geteuid() == 0 else (db.stat().st_uid, db.stat().st_gid)
    os.chown(db, *owner)
    assert awards(*individual("An")).returncode == 0
    assert (db.stat().st_mode & 0o777, db.stat().st_uid, db.stat().st_gid) == (0o640, *owner)
