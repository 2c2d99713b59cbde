"""Print a pip constraints file that pins every direct dependency of the project (and of its
test extra) to the lowest version its range in pyproject.toml allows.

CI installs with it to prove the lower end of each range, as well as the newest versions."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

NAME = re.compile(r"\s*([A-Za-z0-9._-]+)")
LOWER = re.compile(r">=\s*([^,;\s]+)")


def lowest(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = []
    for requirement in wanted:
        name, bound = NAME.match(requirement), LOWER.search(requirement)
        if name is None or bound is None:
            sys.exit(f"{requirement!r} has no lower bound (>=); give it one")
        pins.append(f"{name[1]}=={bound[1]}")
    return pins


if __name__ == "__main__":
    print("\n".join(lowest(Path(__file__).resolve().parent.parent / "pyproject.toml")))
