"""Every test gets its own data file through AWARDS_DB, so none can touch a real one."""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from awards import i18n
from awards.app import app

_ENV_TO_CLEAR = (
    "FORCE_COLOR", "NO_COLOR", "COLUMNS", "LINES", "TTY_COMPATIBLE", "AWARDS_DEBUG",
    "AWARDS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES",
)  # fmt: skip


@pytest.fixture(autouse=True)
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data file of this test (not created yet)."""
    path = tmp_path / "data" / "awards.json"
    monkeypatch.setenv("AWARDS_DB", str(path))
    monkeypatch.setenv("AWARDS_LOCK_TIMEOUT", "5")
    for name in _ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # English, whatever the machine speaks
    return path


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Each test starts in English, and leaves the interface in English for the next."""
    i18n.use("en")
    yield
    i18n.use("en")


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    """Run an awards command line (a string split like a shell, or a list) in-process."""
    runner = CliRunner()

    def invoke(args: str | list[str], input: str | None = None) -> Result:
        argv = shlex.split(args) if isinstance(args, str) else args
        return runner.invoke(app, argv, input=input)

    return invoke


@pytest.fixture
def ok(run: Run) -> Callable[..., str]:
    """Run a command that must succeed; return its stdout."""

    def invoke(args: str | list[str], input: str | None = None) -> str:
        result = run(args, input)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
        return result.stdout

    return invoke


def digest(path: Path) -> str | None:
    """The file's bytes as a hash, or None when it does not exist."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


PROGRAM = "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc"


@pytest.fixture
def phases(ok: Callable[..., str]) -> None:
    """The two phases of the program; 2018 lies in both."""
    ok(["phase", "add", "2014-2018", "--program", PROGRAM, "--start", "2014", "--end", "2018"])
    ok(["phase", "add", "2018-2023", "--program", PROGRAM, "--start", "2018", "--end", "2023"])
