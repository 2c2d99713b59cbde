"""The README's examples are real: each `$ awards ...` line gives the output shown under it.

Examples with `--db data/sample.json` run on the sample data; the others run in order on one
fresh data file, as a reader following the tour would.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awards.app import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "--db data/sample.json "


def examples() -> list[tuple[str, str]]:
    """(command, output) pairs from the README's fenced blocks, in order."""
    found: list[tuple[str, str]] = []
    command: str | None = None
    output: list[str] = []
    in_block = False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if command is not None:
                found.append((command, "".join(output)))
            in_block, command, output = not in_block, None, []
        elif in_block and line.startswith("$ "):
            if command is not None:
                found.append((command, "".join(output)))
            command, output = line[2:], []
        elif command is not None:
            output.append(line + "\n")
    return found


def test_readme_has_examples() -> None:
    """The tour is there: many examples, on the sample data and on a fresh file."""
    commands = [command for command, _ in examples()]
    assert len(commands) >= 20
    assert any(SAMPLE in c for c in commands) and any(SAMPLE not in c for c in commands)


def test_readme_examples_print_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every example, run in order, prints exactly what the README shows (stdout and stderr)."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("AWARDS_DB", str(tmp_path / "awards.json"))
    runner = CliRunner()
    for command, expected in examples():
        argv = shlex.split(command)
        assert argv[0] == "awards", command
        result = runner.invoke(app, argv[1:], prog_name="awards")
        assert (command, result.output) == (command, expected)
