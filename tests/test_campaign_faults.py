"""The faults a hostile user and a crashing machine bring, each as a campaign of real processes:
restores under load and under SIGKILL, the lock removed from outside, undo of one's own change
among others', and hostile files to import. Small in the suite; ``AWARDS_CAMPAIGN=full pytest
-m campaign -s tests/test_campaign_faults.py`` runs the sizes docs/reliability.md reports."""

from __future__ import annotations

import random
import re
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson
import pytest

from tests.test_hostile import _workbook_with
from tests.test_reliability import (
    AWARDS,
    awards,
    fill,
    individual,
    killed_run,
    size,
    stored,
    typical_duration,
)

pytestmark = pytest.mark.campaign


def test_restores_mixed_into_load_keep_every_file_they_replace(db: Path) -> None:
    """Adders and restore --force at once: every restore keeps the file it replaced under a
    name of its own, so every acknowledged add is in the data file or in a file set aside."""
    fill(db, 200)
    assert awards(*individual("seed")).returncode == 0  # a copy to restore
    rounds = size(4, 40)
    acknowledged: list[str] = []
    restores = 0
    lock = threading.Lock()

    def adder(worker: int) -> None:
        for i in range(rounds):
            name = f"W{worker} {i}"
            if awards(*individual(name)).returncode == 0:
                with lock:
                    acknowledged.append(name)

    def restorer() -> None:
        nonlocal restores
        for _ in range(rounds):
            if awards("restore", "--force").returncode == 0:
                with lock:
                    restores += 1

    with ThreadPoolExecutor(max_workers=5) as pool:
        for future in [*(pool.submit(adder, w) for w in range(3)), pool.submit(restorer)]:
            future.result()
    aside = sorted(db.parent.glob("awards.json.damaged-*"))
    assert len(aside) == restores  # none written over another
    held: set[str] = set()
    for path in [db, *aside]:
        held |= {str(r["recipient"]) for r in orjson.loads(path.read_bytes())["awards"].values()}
    lost = set(acknowledged) - held
    assert lost == set()
    print(f"\nrestores under load: {len(acknowledged)} adds and {restores} restores acknowledged; "
          f"{len(aside)} files set aside; acknowledged adds in no file: {len(lost)}")  # fmt: skip


def test_a_restore_killed_at_any_moment_leaves_a_whole_file_and_readers_never_see_none(
    db: Path,
) -> None:
    """SIGKILL during restore: the data file is there after every trial and loads, holding the
    old or the restored state; readers running meanwhile never find it missing or empty."""
    fill(db, size(500, 5_000))
    assert awards(*individual("seed")).returncode == 0
    trials = size(6, 80)
    duration = typical_duration(["restore", "--force"]) * 2
    rng = random.Random(7)
    seen_empty = 0
    stop = threading.Event()

    def reader() -> None:
        nonlocal seen_empty
        while not stop.is_set():
            done = awards("tally", "-f", "json")
            if done.returncode == 0 and done.stdout.strip() == "[]":
                seen_empty += 1

    watcher = threading.Thread(target=reader)
    watcher.start()
    try:
        for _ in range(trials):
            killed_run(["restore", "--force"], rng.uniform(0.0, duration))
            assert db.exists()
            assert len(stored(db)) > 0
    finally:
        stop.set()
        watcher.join()
    assert seen_empty == 0
    print(f"\nrestore killed: {trials} trials; data file missing 0, damaged 0; "
          f"readers that saw an empty register: {seen_empty}")  # fmt: skip


def test_the_lock_removed_again_and_again_loses_no_acknowledged_add(db: Path) -> None:
    """Adders while another process keeps deleting the lock file: every add that exited 0 is in
    the file once, and no id is handed out twice."""
    fill(db, 100)
    rounds = size(5, 50)
    acknowledged: list[str] = []
    lock_file = Path(str(db) + ".lock")
    stop = threading.Event()

    def breaker() -> None:
        while not stop.is_set():
            lock_file.unlink(missing_ok=True)

    def adder(worker: int) -> None:
        for i in range(rounds):
            name = f"L{worker} {i}"
            if awards(*individual(name)).returncode == 0:
                acknowledged.append(name)

    thread = threading.Thread(target=breaker)
    thread.start()
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(adder, range(4)))
    finally:
        stop.set()
        thread.join()
    table = stored(db)
    names = [str(r["recipient"]) for r in table.values()]
    assert set(acknowledged) <= set(names)
    assert len(names) == len(set(names))
    print(f"\nlock removed from outside: {4 * rounds} adds tried, {len(acknowledged)} "
          "acknowledged, lost 0, ids handed twice 0")  # fmt: skip


def test_each_process_undoes_its_own_change_and_no_other(db: Path) -> None:
    """Processes that add, then undo their own change by number: no one's undo reverts another's
    change."""
    fill(db, 50)
    rounds = size(3, 25)
    kept: list[str] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        for i in range(rounds):
            mine, other = f"U{index} {i} undone", f"U{index} {i} kept"
            assert awards(*individual(mine)).returncode == 0
            history = orjson.loads(awards("history", "-f", "json", "--limit", "50").stdout)
            number = next(c["number"] for c in history if mine in c["command"])
            assert awards("undo", str(number)).returncode == 0
            assert awards(*individual(other)).returncode == 0
            with lock:
                kept.append(other)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(worker, range(4)))
    names = {str(r["recipient"]) for r in stored(db).values()}
    assert set(kept) <= names
    assert not any(name.endswith("undone") for name in names)
    print(f"\nundo N under load: {4 * rounds} undos, other processes' changes reverted: 0")


def _measured(argv: list[str]) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """A command, its seconds and its peak memory in KiB, measured in a process of its own."""
    script = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "took = time.perf_counter() - started\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stdout.write(f'{done.returncode}\\n{took}\\n{peak}\\n{done.stderr}')\n"
    )
    out = subprocess.run([sys.executable, "-c", script, AWARDS, *argv], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    code, took, peak, stderr = out.split("\n", 3)
    return subprocess.CompletedProcess(argv, int(code), "", stderr), float(took), int(peak)


def test_hostile_files_are_refused_within_a_second_and_200_mib(tmp_path: Path, db: Path) -> None:
    """Each hostile file: one line naming the limit, in at most a second, at most 200 MiB."""
    unpack = size(300, 2000) << 20
    files = {
        "zip bomb": _workbook_with(tmp_path, "bomb.xlsx",
                               lambda x: x.replace(b"<sheetData>", b"<sheetData>" + b" " * unpack)),
        "claimed range": _workbook_with(tmp_path, "claim.xlsx",
                                    lambda x: re.sub(rb'ref="[^"]+"', b'ref="A1:XFD1048576"', x)),
        "million columns": tmp_path / "wide.csv",
        "huge cell": tmp_path / "cell.csv",
    }  # fmt: skip
    files["million columns"].write_text("recipient" + ",x" * 1_000_000 + "\n", encoding="utf-8")
    files["huge cell"].write_text("recipient,kind\n\"" + "a" * (64 << 20) + "\",x\n",
                                  encoding="utf-8")  # fmt: skip
    lines = []
    for what, path in files.items():
        done, took, peak = _measured(["--db", str(db), "import", str(path), "--dry-run"])
        refused = done.returncode == 1 and done.stderr.count("\n") == 1
        accepted = what == "claimed range" and done.returncode == 0
        assert refused or accepted, (what, done.stderr)
        assert took <= 1.0 and peak <= 200 * 1024, (what, took, peak)
        lines.append(f"{what} ({path.stat().st_size >> 10} KiB): "
                     f"{'read its two rows' if accepted else 'refused'} in {took:.2f} s, "
                     f"peak {peak >> 10} MiB")  # fmt: skip
    print("\nhostile files: " + "; ".join(lines))
