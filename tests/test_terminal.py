"""At a real terminal (a pseudo-terminal): prompts, Ctrl-C, in the language asked for."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import digest

Ok = Callable[..., str]

pty = pytest.importorskip("pty")  # Unix; Windows has no pseudo-terminals to test with

ADD = ["add", "Nguyễn Văn An", "--kind", "cá nhân", "--form", "Bằng khen",
       "--issuer", "UBND tỉnh", "--year", "2020"]  # fmt: skip


def at_terminal(args: list[str], keys: bytes, db: Path, lang: str = "vi") -> tuple[int, str]:
    """Run awards in a pseudo-terminal, type ``keys`` once its prompt shows; exit code, screen."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the terminal is its controlling terminal, so Ctrl-C interrupts it
        env = {**os.environ, "AWARDS_DB": str(db), "AWARDS_LANG": lang}
        os.execve(sys.executable, [sys.executable, "-m", "awards", *args], env)
    screen = b""
    deadline = time.monotonic() + 30
    while b"]" not in screen and time.monotonic() < deadline:  # the prompt ends in [c/K] or [y/N]
        screen += os.read(terminal, 1024)
    os.write(terminal, keys)
    while True:
        try:
            chunk = os.read(terminal, 1024)
        except OSError:  # the child has ended and closed the terminal
            break
        if not chunk:
            break
        screen += chunk
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
