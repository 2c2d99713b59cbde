"""The README's and the docs' examples are real: each `$ awards ...` line gives the output
shown under it, and the command reference is the commands' own help.

Examples with `--db data/sample.json` run on the sample data; the others run in order on one
fresh data file per document, as a reader following it would.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from awards.app import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "--db data/sample.json "


DOCUMENTS = ["README.md", "docs/guide.md"]


def examples(document: str) -> list[tuple[str, str]]:
    """(command, output) pairs from the document's fenced blocks, in order."""
    found: list[tuple[str, str]] = []
    command: str | None = None
    output: list[str] = []
    in_block = False
    for line in (ROOT / document).read_text(encoding="utf-8").splitlines():
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


def test_the_docs_have_examples() -> None:
    """The README shows a handful; the guide's tour many, on the sample data and a fresh file."""
    assert len(examples("README.md")) >= 8
    commands = [command for command, _ in examples("docs/guide.md")]
    assert len(commands) >= 20
    assert any(SAMPLE in c for c in commands) and any(SAMPLE not in c for c in commands)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_examples_print_what_the_docs_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, document: str
) -> None:
    """Every example, run in order, prints exactly what its document shows (stdout and stderr)."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("AWARDS_DB", str(tmp_path / "awards.json"))
    runner = CliRunner()
    for command, expected in examples(document):
        argv = shlex.split(command)
        assert argv[0] == "awards", command
        result = runner.invoke(app, argv[1:], prog_name="awards")
        assert (command, result.output) == (command, expected)


def test_the_reference_is_the_commands_help() -> None:
    """docs/reference.md is what `python tests/reference.py` makes from the help today."""
    from tests.reference import REFERENCE, reference

    assert REFERENCE.read_text(encoding="utf-8") == reference()


def test_the_readme_stays_short() -> None:
    """A newcomer reads the README in minutes; the rest is in docs/."""
    assert len((ROOT / "README.md").read_bytes()) <= 10_240
