"""The command reference, docs/reference.md, made from the commands' own help.

Run ``python tests/reference.py`` after changing a command or its help; ``test_docs.py`` fails
while the file and the help differ, so the reference cannot go stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference.md"
WIDTH = 100


def reference() -> str:
    """Every command's --help, in English, at a fixed width, in the order the help lists them."""
    from typer.main import get_command
    from typer.testing import CliRunner

    from awards import i18n
    from awards.app import app

    i18n.use("en")
    root = get_command(app)
    words: list[list[str]] = [[]]
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        words.append([name])
        words += [[name, sub] for sub in getattr(command, "commands", {})]
    parts = [
        "# Command reference\n\n",
        "Each command's `--help`, as the program prints it. Made by `python tests/reference.py`;\n",
        "a test fails when this file and the help differ.\n",
    ]
    runner = CliRunner()
    for argv in words:
        result = runner.invoke(
            app, [*argv, "--help"], prog_name="awards", terminal_width=WIDTH,
            env={"COLUMNS": str(WIDTH), "AWARDS_LANG": "en"},
        )  # fmt: skip
        title = " ".join(["awards", *argv])
        parts.append(f"\n## {title}\n\n```\n{result.stdout.rstrip()}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "cli"))
    REFERENCE.write_text(reference(), encoding="utf-8")
    print(f"wrote {REFERENCE.relative_to(ROOT)}")
