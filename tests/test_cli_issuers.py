"""issuer, revoke, unrevoke and check as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.conftest import Run, digest

Ok = Callable[..., str]
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample.json"


def add(ok: Ok, recipient: str, issuer: str, form: str = "Giấy khen", year: str = "2020") -> int:
    return int(ok(["add", recipient, "--kind", "individual", "--form", form, "--issuer", issuer,
                   "--year", year]))  # fmt: skip


def listed(ok: Ok) -> list[dict[str, object]]:
    return json.loads(ok("list -f json"))  # type: ignore[no-any-return]


def issuers(ok: Ok) -> list[dict[str, object]]:
    return json.loads(ok("issuer list -f json"))  # type: ignore[no-any-return]


def test_issuers_have_levels_and_aliases_that_resolve_on_input(ok: Ok, run: Run) -> None:
    """An alias typed in add takes the issuer's name; a near-twin of an alias asks did-you-mean."""
    result = run("issuer add 'UBND tỉnh' --level tỉnh --alias 'Ủy ban nhân dân tỉnh'")
    assert (result.exit_code, result.stderr) == (0, "added issuer UBND tỉnh (province)\n")
    add(ok, "An", "ủy ban nhân dân  TỈNH", form="Bằng khen")
    assert listed(ok)[0]["issuer"] == "UBND tỉnh"
    near = run(["add", "Bình", "--kind", "individual", "--form", "Bằng khen", "--issuer",
                "Uy ban nhan dan tinh", "--year", "2020"])  # fmt: skip
    assert near.stderr == (
        "Error: issuer 'Uy ban nhan dan tinh' is not stored; did you mean 'UBND tỉnh'? "
        "(use --new-issuer to keep it as a new issuer)\n"
    )
    assert issuers(ok) == [
        {"name": "UBND tỉnh", "level": "province", "aliases": ["Ủy ban nhân dân tỉnh"], "awards": 1}
    ]
    assert [
        a["recipient"] for a in json.loads(ok("list -f json --issuer 'ủy ban nhân dân tỉnh'"))
    ] == ["An"]


def test_issuers_seen_only_in_awards_are_listed_without_a_level(ok: Ok) -> None:
    """Before anyone sets a level, the issuer is there, its level empty."""
    add(ok, "An", "Sở Nội vụ")
    assert ok("issuer list") == (
        "Issuer     Level  Aliases  Records\n"
        "──────────────────────────────────\n"
        "Sở Nội vụ  —      —              1\n"
    )
    ok("issuer edit 'sở nội vụ' --level sở")
    assert issuers(ok)[0]["level"] == "department"


def test_bad_levels_and_taken_names_fail_and_change_nothing(ok: Ok, run: Run, db: Path) -> None:
    """One line, exit 1, the file as it was."""
    ok("issuer add 'Bộ Công an' --level ministry --alias BCA")
    before = digest(db)
    for command, message in (
        ("issuer add X --level galaxy", "unknown level 'galaxy'; the levels are: state, government, "
         "ministry, province, department, district, commune, unit, organisation"),
        ("issuer add 'bộ công an' --level ministry", "issuer 'bộ công an' already exists; use issuer edit"),
        ("issuer add Y --level unit --alias bca", "'bca' is already a name of issuer 'Bộ Công an'"),
        ("issuer edit Z --level unit", "no issuer 'Z'"),
        ("issuer merge Z 'Bộ Công an'", "no issuer 'Z'"),
        ("issuer merge BCA 'Bộ Công an'", "no issuer 'BCA'"),
    ):  # fmt: skip
        result = run(command)
        assert (result.exit_code, result.stderr) == (1, f"Error: {message}\n"), command
    assert digest(db) == before


def test_renaming_an_issuer_rewrites_its_awards(ok: Ok, run: Run) -> None:
    """edit --name moves every award to the new name in the same write."""
    add(ok, "An", "GĐ CA tỉnh")
    add(ok, "Bình", "GĐ CA tỉnh")
    result = run("issuer edit 'GĐ CA tỉnh' --name 'Giám đốc Công an tỉnh' --level department")
    assert result.stderr == (
        "issuer Giám đốc Công an tỉnh: level department; 2 award(s) now name "
        "'Giám đốc Công an tỉnh'\n"
    )
    assert {a["issuer"] for a in listed(ok)} == {"Giám đốc Công an tỉnh"}


def test_merge_rewrites_awards_keeps_names_as_aliases_and_undoes_in_one_step(
    ok: Ok, run: Run, db: Path
) -> None:
    """merge FROM INTO: FROM's awards move, FROM's names resolve to INTO afterwards."""
    ok("issuer add 'UBND tỉnh' --level province")
    add(ok, "An", "UBND tỉnh", form="Bằng khen")
    add(ok, "Bình", "Ủy ban nhân dân tỉnh", form="Bằng khen")
    add(ok, "Chi", "Ủy ban nhân dân tỉnh", form="Bằng khen")
    before = listed(ok)
    result = run(["issuer", "merge", "Ủy ban nhân dân tỉnh", "UBND tỉnh"])
    assert result.stderr == "merged 'Ủy ban nhân dân tỉnh' into 'UBND tỉnh': 2 award(s) rewritten\n"
    assert {a["issuer"] for a in listed(ok)} == {"UBND tỉnh"}
    assert issuers(ok) == [{"name": "UBND tỉnh", "level": "province",
                            "aliases": ["Ủy ban nhân dân tỉnh"], "awards": 3}]  # fmt: skip
    add(ok, "Dũng", "ủy ban nhân dân tỉnh", form="Bằng khen")
    assert listed(ok)[-1]["issuer"] == "UBND tỉnh"
    ok("undo")
    ok("undo")
    assert listed(ok) == before
    same = run(["issuer", "merge", "UBND tỉnh", "ubnd TỈNH"])
    assert (same.exit_code, same.stderr) == (1, "Error: an issuer cannot be merged into itself\n")


def test_level_is_a_tally_dimension(ok: Ok) -> None:
    """Awards counted by their issuer's level; issuers without one under (none)."""
    ok("issuer add 'Bộ Công an' --level ministry")
    add(ok, "An", "Bộ Công an", form="Bằng khen")
    add(ok, "Bình", "Bộ Công an", form="Bằng khen")
    add(ok, "Chi", "Sở Nội vụ")
    assert ok("tally --by level -f csv") == "level,count\nministry,2\n,1\n"


# ---- revocation ----------------------------------------------------------------------------


def test_revoke_marks_and_tallies_leave_revoked_out(ok: Ok, run: Run, db: Path) -> None:
    """Kept and marked in list; out of tally unless --include-revoked; unrevoke takes it back."""
    add(ok, "An", "X")
    add(ok, "Bình", "X")
    result = run("revoke 2 --decision 9/QĐ --on 01/03/2021 --reason 'Khai man thành tích'")
    assert (result.exit_code, result.stderr) == (0, "revoked 1 award(s) by decision 9/QĐ\n")
    revoked = listed(ok)[1]
    assert (revoked["revoked_decision"], revoked["revoked_on"], revoked["revoked_reason"]) == (
        "9/QĐ", "2021-03-01", "Khai man thành tích")  # fmt: skip
    assert ok("list").splitlines()[-1] == (
        "2 award record(s), 1 recipient(s); 1 revoked record(s) not counted"
    )
    assert ok("list").splitlines()[3].endswith("revoked 2021-03-01")
    assert ok("tally --by year -f csv") == "year,count\n2020,1\n"
    assert ok("tally --by year -f csv --include-revoked") == "year,count\n2020,2\n"
    assert "Revoked" not in ok("show 1")
    assert ok("show 2").endswith(
        "Revoked decision  9/QĐ\nRevoked on        2021-03-01\nRevoked reason    Khai man thành tích\n"
    )
    before = digest(db)
    again = run("revoke 1 2 --decision 10/QĐ --on 02/03/2021 --reason x")
    assert again.stderr == "Error: award 2 is already revoked (decision 9/QĐ)\n"
    bad_date = run("revoke 1 --decision 10/QĐ --on 31/02/2021 --reason x")
    assert bad_date.stderr == "Error: revoked-on '31/02/2021' is not a real date\n"
    assert digest(db) == before
    assert run("unrevoke 2").stderr == "restored 1 award(s)\n"
    assert listed(ok)[1]["revoked_decision"] is None
    assert run("unrevoke 2").stderr == "Error: award 2 is not revoked\n"


def test_revoked_status_and_issuer_levels_survive_export_and_import(ok: Ok, tmp_path: Path) -> None:
    """JSON, CSV and XLSX carry the revocation; JSON and XLSX carry the issuers."""
    ok("issuer add 'Bộ Công an' --level ministry --alias BCA")
    add(ok, "An", "Bộ Công an", form="Bằng khen")
    ok("revoke 1 --decision 9/QĐ --on 2021-03-01 --reason 'Trùng'")
    original = listed(ok)
    for fmt in ("json", "xlsx", "csv"):
        target = tmp_path / f"out.{fmt}"
        ok(["export", str(target)])
        fresh = str(tmp_path / f"{fmt}.json")
        sources = [str(target)]
        if fmt == "csv":
            issuers_csv = tmp_path / "issuers.csv"
            issuers_csv.write_text(ok("issuer list -f csv"))
            sources.append(str(issuers_csv))
        ok(["--db", fresh, "import", *sources])
        assert json.loads(ok(["--db", fresh, "list", "-f", "json"])) == original, fmt
        assert json.loads(ok(["--db", fresh, "issuer", "list", "-f", "json"])) == [
            {"name": "Bộ Công an", "level": "ministry", "aliases": ["BCA"], "awards": 1}], fmt  # fmt: skip
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["awards"]
    assert [c.value for c in sheet[1]][-3:] == ["revoked_decision", "revoked_on", "revoked_reason"]


def test_a_revocation_in_a_file_needs_its_decision_and_date(run: Run, tmp_path: Path) -> None:
    """Half a revocation is a problem of that row."""
    sheet = tmp_path / "a.csv"
    sheet.write_text(
        "Họ và tên,Loại,Hình thức,Cấp khen,Năm,Lý do thu hồi\nAn,cá nhân,Giấy khen,X,2020,Trùng\n"
    )
    result = run(["import", str(sheet)])
    assert result.stderr.splitlines()[1] == "  row 2: a revocation needs its decision number"


# ---- check ---------------------------------------------------------------------------------


def test_check_exits_1_with_findings_and_0_when_clean(ok: Ok, run: Run) -> None:
    """Rule, ids and explanation in a table or JSON; a script can stop on the exit code."""
    ok("issuer add 'UBND tỉnh' --level province")
    add(ok, "An", "UBND tỉnh", form="Giấy khen")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[2] == (
        "level-form  1       Giấy khen from 'UBND tỉnh', a province-level issuer; Giấy khen is given "
        "at: commune, department, district, organisation, unit"
    )
    found = json.loads(run("check -f json").stdout)
    assert found == [{
        "rule": "level-form", "title": "form not given at the issuer's level",
        "basis": "Luật Thi đua, khen thưởng 2022 (06/2022/QH15), Điều 77–80", "awards": [1],
        "message": "Giấy khen from 'UBND tỉnh', a province-level issuer; Giấy khen is given at: "
                   "commune, department, district, organisation, unit",
    }]  # fmt: skip
    ok("edit 1 --form 'Bằng khen'")
    clean = run("check")
    assert (clean.exit_code, clean.stdout, clean.stderr) == (0, "", "no problems found\n")
    assert json.loads(ok("check -f json")) == []


def test_check_refuses_a_record_damaged_by_hand(ok: Ok, run: Run, db: Path) -> None:
    """`"decided_on": 5` typed into the file: check reads every field, so it names the
    damaged record in one line rather than stopping on it, and leaves the file as it is."""
    ok("issuer add 'UBND tỉnh' --level province")
    add(ok, "An", "UBND tỉnh", form="Bằng khen")
    data = json.loads(db.read_bytes())
    data["awards"]["1"]["decided_on"] = 5
    db.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    before = digest(db)
    refused = run("check")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr.startswith(f"Error: {db} holds a damaged record (decided_on is")
    assert refused.stderr.count("\n") == 1
    assert digest(db) == before


def test_check_names_each_spelling_with_its_own_awards(ok: Ok, run: Run) -> None:
    """Several names spelled two ways in one register: each finding holds the awards of its
    own name's spellings, and of no other."""
    ok("issuer add 'UBND tỉnh' --level province")
    for name in ("Lê Văn Bình", "LÊ VĂN BÌNH", "Trần Thị Hoa", "Le Van Binh", "Trần Thị Hòa"):
        add(ok, name, "UBND tỉnh", form="Bằng khen")
    result = run("check -f json")
    assert result.exit_code == 1
    found = [(f["awards"], f["message"]) for f in json.loads(result.stdout)
             if f["rule"] == "spelling"]  # fmt: skip
    assert found == [  # each name's spellings in code-point order
        ([1, 2, 4], "recipient spelled 'Le Van Binh' and 'LÊ VĂN BÌNH' and 'Lê Văn Bình'"),
        ([3, 5], "recipient spelled 'Trần Thị Hoa' and 'Trần Thị Hòa'"),
    ]


def test_the_sample_data_comes_out_clean(ok: Ok) -> None:
    """The published review, with its issuers' levels, breaks no rule."""
    assert ok(["--db", str(SAMPLE), "check", "-f", "json"]) == "[]\n"


def test_check_help_lists_every_rule_with_its_basis(ok: Ok) -> None:
    """`check --help` is where the rules are explained."""
    shown = ok("check --help")
    assert (
        "level-form: form not given at the issuer's level (Luật Thi đua, khen thưởng 2022" in shown
    )
    assert "duplicate: probable duplicate" in shown
