"""Write the output under each `$ awards …` example of the README and the guide afresh.

Run ``python tests/examples.py`` after changing what a command prints, and read the diff:
``test_readme.py`` runs the same examples the same way (in order, on a fresh data file per
document) and fails while a document shows other output.
"""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ["README.md", "docs/guide.md"]


def rewritten(document: Path) -> str:
    """The document with each example's output as the command prints it now."""
    from typer.testing import CliRunner

    from awards.app import app

    runner, out, command, in_block = CliRunner(), [], None, False
    for line in document.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_block, command = not in_block, None
            out.append(line)
        elif in_block and line.startswith("$ "):
            result = runner.invoke(app, shlex.split(line[2:])[1:], prog_name="awards")
            out.append(line)
            out += result.output.splitlines()
            command = line
        elif command is None:
            out.append(line)  # prose, or a block line that is not an example's output
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "cli"))
    os.chdir(ROOT)
    from awards import i18n

    for name in DOCUMENTS:
        with tempfile.TemporaryDirectory() as folder:
            os.environ["AWARDS_DB"] = str(Path(folder) / "awards.json")
            i18n.use("en")
            (ROOT / name).write_text(rewritten(ROOT / name), encoding="utf-8")
        print(f"wrote {name}")
