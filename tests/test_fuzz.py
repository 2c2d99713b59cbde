"""Every command, driven by hypothesis with random options and random Unicode.

Whatever comes in, no command shows a traceback, every exit code is 0, 1 or 2, and a command
that fails leaves the data file byte for byte as it was. Small in the suite; run it long with
``AWARDS_CAMPAIGN=full pytest -m campaign tests/test_fuzz.py``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from awards.app import app
from tests.conftest import digest

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample.json"
EXAMPLES = 2000 if os.environ.get("AWARDS_CAMPAIGN") == "full" else 150

# Vietnamese as typed (NFC and NFD), look-alikes, invisible and unencodable characters, markup.
NASTY = st.sampled_from(
    ["Bằng khen", "Ba\u0300\u0306ng khen", "giay-khen", "UBND tỉnh", "ubnd tinh", "tập thể",
     "cá nhân", "mixed", "2014-2018", "2018", "12/06/2018", "31/02/2020", "1e3", "-1", "0",
     "\u200b", "\ufeff", "\ud800", "\x1b[31m", "[red]x[/]", "", " ", "\\", "'=1+1", "đ" * 300]
)  # fmt: skip
TEXT = st.one_of(
    NASTY, st.text(max_size=40), st.text(alphabet="aăâđêôơưÀẠẢỆỸ \u0300\u0301\u0323", max_size=20)
)
YEAR = st.one_of(st.integers(1900, 2100).map(str), TEXT)
ID = st.one_of(st.integers(-1, 110).map(str), TEXT)
KIND = st.one_of(st.sampled_from(["individual", "tập thể", "mixed", "Cá Nhân"]), TEXT)
FORM = st.one_of(st.sampled_from(["Giấy khen", "bang-khen", "Cờ thi đua"]), TEXT)
ISSUER = st.one_of(st.sampled_from(["UBND tỉnh", "Bộ Công an", "Giám đốc Công an tỉnh"]), TEXT)
PHASE = st.one_of(st.sampled_from(["2014-2018", "2018-2023", "P1"]), TEXT)
LEVEL = st.one_of(st.sampled_from(["ministry", "tỉnh", "đoàn thể", "unit"]), TEXT)
FORMAT = st.sampled_from(["table", "json", "csv", "tsv", "markdown"])

AWARD_OPTIONS = {"--kind": KIND, "--form": FORM, "--issuer": ISSUER, "--year": YEAR,
                 "--phase": PHASE, "--count": YEAR, "--decision": TEXT, "--decided-on": TEXT,
                 "--unit": TEXT, "--note": TEXT, "--method": TEXT,
                 "--category": st.one_of(st.sampled_from(["worker", "enterprise"]), TEXT)}  # fmt: skip
FILTERS = {"--year": YEAR, "--from": YEAR, "--to": YEAR, "--phase": PHASE, "--form": FORM,
           "--issuer": ISSUER, "--kind": KIND, "--search": TEXT}  # fmt: skip
PHASE_OPTIONS = {"--program": TEXT, "--start": YEAR, "--end": YEAR, "--signer": TEXT,
                 "--party": TEXT, "--signed-on": TEXT, "--note": TEXT}  # fmt: skip
COMMANDS: dict[
    tuple[str, ...], tuple[dict[str, st.SearchStrategy[str]], list[st.SearchStrategy[str]]]
] = {
    ("add",): (AWARD_OPTIONS | {"--new-issuer": st.just("")}, [TEXT]),
    ("edit",): (AWARD_OPTIONS | {"--recipient": TEXT}, [ID]),
    ("show",): ({"--format": st.sampled_from(["table", "json"])}, [ID]),
    ("remove", "--yes"): ({}, [ID, ID]),
    ("list",): (FILTERS | {"--sort": TEXT, "--limit": ID, "--format": FORMAT}, []),
    ("tally",): (
        FILTERS
        | {
            "--by": st.one_of(st.sampled_from(["year", "form", "unit", "năm"]), TEXT),
            "--format": FORMAT,
        },
        [],
    ),  # fmt: skip
    ("export",): (FILTERS | {"--format": st.sampled_from(["json", "csv"])}, []),
    ("import", "-"): (
        {
            "--on-duplicate": st.sampled_from(["skip", "error", "keep"]),
            "--dry-run": st.just(""),
            "--new-issuer": st.just(""),
        },
        [],
    ),  # fmt: skip
    ("history",): ({"--limit": ID, "--format": st.sampled_from(["table", "json"])}, []),
    ("undo",): ({}, []),
    ("phase", "add"): (PHASE_OPTIONS, [PHASE]),
    ("phase", "edit"): (PHASE_OPTIONS | {"--code": PHASE}, [PHASE]),
    ("phase", "show"): ({}, [PHASE]),
    ("phase", "remove"): ({}, [PHASE]),
    ("phase", "list"): ({"--format": FORMAT}, []),
    ("issuer", "add"): ({"--level": LEVEL, "--alias": ISSUER}, [ISSUER]),
    ("issuer", "edit"): ({"--level": LEVEL, "--alias": ISSUER, "--name": ISSUER}, [ISSUER]),
    ("issuer", "merge"): ({}, [ISSUER, ISSUER]),
    ("issuer", "list"): ({"--format": FORMAT}, []),
    ("revoke",): ({"--decision": TEXT, "--on": TEXT, "--reason": TEXT}, [ID, ID]),
    ("unrevoke",): ({}, [ID]),
    ("check",): ({"--format": st.sampled_from(["table", "json"])}, []),
    ("report", "phase"): (
        {
            "--lang": st.sampled_from(["vi", "en"]),
            "--format": st.sampled_from(["markdown", "text"]),
        },
        [PHASE],
    ),
    ("report", "0603"): ({"--year": YEAR, "--format": st.sampled_from(["table", "markdown"])}, []),
    ("report", "year"): (
        {
            "--lang": st.sampled_from(["vi", "en"]),
            "--format": st.sampled_from(["markdown", "text"]),
        },
        [YEAR],
    ),
}


@st.composite
def command_lines(draw: st.DrawFn) -> tuple[list[str], str]:
    """A command with options it knows and values that are often right and often not."""
    words = draw(st.sampled_from(sorted(COMMANDS)))
    options, positionals = COMMANDS[words]
    argv = list(words)
    chosen = draw(st.lists(st.sampled_from(sorted(options)), max_size=6)) if options else []
    if words == ("add",) and draw(st.booleans()):  # the required ones, right, so adds succeed
        argv += ["--kind=cá nhân", "--form=bang-khen", "--issuer=UBND tỉnh", "--year=2021"]
    if words == ("revoke",) and draw(st.booleans()):
        argv += ["--decision=9/QĐ", "--on=01/03/2021", "--reason=x"]
    for name in chosen:
        value = draw(options[name])
        argv.append(name if name in ("--new-issuer", "--dry-run") else f"{name}={value}")
    if positionals:
        argv.append("--")  # so that a value such as "-1" is not read as an option
        argv += [
            draw(strategy) for strategy in positionals[: draw(st.integers(1, len(positionals)))]
        ]
    stdin = draw(st.one_of(st.just("recipient,kind,form,issuer,year\nA,cá nhân,Giấy khen,X,2020\n"),
                           st.text(max_size=200)))  # fmt: skip
    return argv, stdin


@pytest.mark.campaign
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(line=command_lines())
def test_no_command_line_crashes_or_half_changes_the_file(
    tmp_path: Path, line: tuple[list[str], str]
) -> None:
    """Random commands on a copy of the sample: exit 0, 1 or 2; no traceback; failures write
    nothing."""
    argv, stdin = line
    db = tmp_path / "fuzz.json"
    shutil.copy(SAMPLE, db)
    before = digest(db)
    result = CliRunner().invoke(app, ["--db", str(db), *argv], input=stdin)
    shown = result.stdout_bytes + result.stderr_bytes
    event(f"{' '.join(argv[:2] if argv[0] == 'phase' else argv[:1])}: exit {result.exit_code}")
    assert result.exit_code in (0, 1, 2), (argv, result.exception, shown)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        argv, repr(result.exception))  # fmt: skip
    assert b"Traceback" not in shown, argv
    if result.exit_code != 0:
        assert digest(db) == before, argv
