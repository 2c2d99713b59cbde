"""The layer fences and the command surface: each library stays in its module; every command has help."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from awards.app import app
from tests.conftest import Run

PACKAGE = Path(__file__).resolve().parent.parent / "cli" / "awards"
ALLOWED = {
    "tinydb": {"store/tables.py"},
    "rich": {"render/terminal.py", "render/columns.py"},
    "typer": {
        "app.py",
        "commands/__init__.py",
        "commands/awards.py",
        "commands/catalogue.py",
        "commands/common.py",
        "commands/history.py",
        "commands/issuers.py",
        "commands/office.py",
        "commands/phases.py",
        "commands/report.py",
        "commands/review.py",
        "commands/transfer.py",
        "commands/translation.py",
    },
    "xlsxwriter": {"render/xlsx.py"},
    "python_calamine": {"transfer/workbook.py"},
    "docx": {"render/docx.py"},
}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("library", sorted(ALLOWED))
def test_library_imported_only_where_allowed(library: str) -> None:
    """TinyDB only in the store, Rich only in the renderer, Typer only in the command layer."""
    users = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if library in imported_roots(path)
    }
    assert users <= ALLOWED[library]


def all_commands() -> list[list[str]]:
    from typer.main import get_command

    root = get_command(app)
    found = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        found.append([name])
        for sub in getattr(command, "commands", {}):
            found.append([name, sub])
    return found


@pytest.mark.parametrize("words", all_commands(), ids=" ".join)
def test_every_command_has_help(run: Run, words: list[str]) -> None:
    """Each command answers --help with a description."""
    result = run([*words, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    assert len(result.stdout.splitlines()) > 3


def test_commands_are_the_documented_ones() -> None:
    """The surface the command reference documents."""
    assert sorted(" ".join(w) for w in all_commands()) == [
        "add", "catalogue", "catalogue add", "catalogue categories", "catalogue edit",
        "catalogue list", "catalogue remove", "check", "edit", "export", "history", "import", "issuer", "issuer add",
        "issuer edit", "issuer list", "issuer merge", "list", "office", "office set", "office show", "phase", "phase add", "phase edit", "phase list",
        "phase remove", "phase show", "remove", "report", "report 0601", "report 0602", "report 0603", "report decision", "report phase",
        "report year",
        "restore", "revoke", "show", "tally", "undo",
        "unrevoke",
    ]  # fmt: skip


def test_everyday_commands_do_not_load_heavy_libraries(tmp_path: Path) -> None:
    """list, tally and add leave XlsxWriter (and tally/list JSON leave Rich) unloaded."""
    script = (
        "import sys\n"
        "from awards.app import app\n"
        "for argv in (['add', 'A', '--kind', 'individual', '--form', 'Giấy khen',"
        " '--issuer', 'X', '--year', '2020'], ['list', '-f', 'json'], ['tally', '-f', 'csv']):\n"
        "    try:\n"
        "        app(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('xlsxwriter', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"AWARDS_DB": str(tmp_path / "a.json"), "PATH": ""},
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "[]"


def test_help_loads_no_more_than_the_command_layer() -> None:
    """--help reads no data: the model, the store, TinyDB and Rich stay unloaded (start-up)."""
    script = (
        "import sys\n"
        "from awards.app import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('awards.domain.build', 'awards.store', 'awards.grid', 'tinydb', 'orjson', 'rich')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "[]"


def test_the_issuer_level_help_names_every_level(run: Run) -> None:
    """The levels in `issuer add --help` are written out; they must be the model's."""
    from awards.commands.issuers import LEVEL_HELP
    from awards.domain.vocab import LEVELS

    assert LEVEL_HELP.startswith(", ".join(LEVELS) + " (")


def test_nothing_imports_the_private_parts_of_typer() -> None:
    """Typer's copy of Click is private (typer._click); the package speaks to Typer alone."""
    private = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom | ast.Import)
        and any(
            name.startswith("typer._")
            for name in (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else
                [alias.name for alias in node.names]
            )
        )
    }  # fmt: skip
    assert private == set()
