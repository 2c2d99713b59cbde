"""The write paths with Windows' rules patched in: no os.chown, a replace refused while another
process holds the file open, hard links refused. This machine cannot run Windows; these prove
the paths that Windows takes."""

from __future__ import annotations

import json
import locale
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run, digest

Ok = Callable[..., str]
ADD = ["add", "An", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
       "--year", "2020"]  # fmt: skip


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """No chown, and no hard links; the count of refused replaces is set by each test."""
    monkeypatch.delattr(os, "chown")

    def no_link(source: object, target: object) -> None:
        raise OSError(1, "hard links are not supported on this drive")

    monkeypatch.setattr(os, "link", no_link)
    return {"refusals": 0}


def _refuse_replaces(monkeypatch: pytest.MonkeyPatch, times: int) -> list[int]:
    """os.replace refused ``times`` times over, as while a reader holds the file."""
    real, refused = os.replace, [0]

    def replace(source: str, target: str) -> None:
        if refused[0] < times:
            refused[0] += 1
            raise PermissionError(13, "The process cannot access the file")
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    return refused


def test_a_write_waits_for_a_reader_to_let_go(
    ok: Ok, db: Path, windows: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused three times, the replace goes through: the change lands, a copy is kept."""
    ok(ADD)
    refused = _refuse_replaces(monkeypatch, 3)
    ok(ADD)
    assert refused[0] == 3
    assert len(json.loads(db.read_bytes())["awards"]) == 2
    assert len(json.loads((db.parent / "awards.json.bak").read_bytes())["awards"]) == 1


def test_a_reader_that_never_lets_go_fails_the_write_cleanly(
    run: Run, ok: Ok, db: Path, windows: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One line, exit 1, the file as it was, and no temporary file left behind."""
    ok(ADD)
    before = digest(db)
    _refuse_replaces(monkeypatch, 10_000)
    monkeypatch.setattr("awards.store.files.time.sleep", lambda seconds: None, raising=False)
    result = run(ADD)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot write {db}: ")
    assert "the file was left as it was" in result.stderr
    assert digest(db) == before
    assert list(db.parent.glob(".awards.json.*.tmp")) == []


def test_restore_and_the_last_good_copy_work_without_links(
    ok: Ok, db: Path, windows: dict[str, int]
) -> None:
    """Where links are refused, the copy and the damaged file kept aside are copies."""
    ok(ADD)
    ok(ADD)
    db.write_bytes(b"{ damaged")
    ok(["restore"])
    (aside,) = db.parent.glob("awards.json.damaged-*")
    assert aside.read_bytes() == b"{ damaged"
    assert len(json.loads(ok(["list", "-f", "json"]))) == 1


def test_the_pager_on_windows_is_given_a_file_it_can_page(tmp_path: Path) -> None:
    """Windows' more pages a file better than a pipe (as pydoc finds): the table goes whole
    into a file in the console's code page, the pager is run on it (``more <`` takes it as a
    quoted path), and the file is gone afterwards."""
    from awards.render.terminal import _file_pager

    seen = tmp_path / "seen.txt"
    pager = tmp_path / "pager.py"
    pager.write_text("import pathlib, shutil, sys\n"
                     f"shutil.copy(sys.argv[1], {str(seen)!r})\n"
                     f"pathlib.Path({str(tmp_path / 'path.txt')!r}).write_text(sys.argv[1])\n")  # fmt: skip
    _file_pager(iter(["  Id  Recipient\n", "   1  Nguyễn Văn An\n"]), f"{sys.executable} {pager}")
    encoding = os.device_encoding(0) or locale.getpreferredencoding(False)
    assert seen.read_text(encoding=encoding) == "  Id  Recipient\n   1  Nguyễn Văn An\n"
    assert not Path((tmp_path / "path.txt").read_text()).exists()
