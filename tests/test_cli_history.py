"""history, undo and restore: every write can be taken back, and a damaged file recovered."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from awards.store import HISTORY_KEPT, Store
from tests.conftest import PROGRAM, Run, digest

Ok = Callable[..., str]


def add(ok: Ok, recipient: str, year: str = "2020") -> None:
    ok(["add", recipient, "--kind", "individual", "--form", "Giấy khen", "--issuer", "X",
        "--year", year])  # fmt: skip


def listed(ok: Ok) -> list[dict[str, object]]:
    return json.loads(ok("list -f json"))  # type: ignore[no-any-return]


def changes(ok: Ok) -> list[tuple[str, str]]:
    return [(c["command"], c["change"]) for c in json.loads(ok("history -f json"))]


def test_history_lists_each_write_newest_first(ok: Ok, run: Run, phases: None) -> None:
    """Time, the command as typed (without --db), and what it changed; failures leave no entry."""
    add(ok, "Nguyễn Văn An")
    ok("edit 1 --unit 'Công ty A'")
    assert run("add X --kind robot --form 'Giấy khen' --issuer X --year 2020").exit_code == 1
    ok("remove 1 --yes")
    assert changes(ok) == [
        ("awards remove 1 --yes", "removed award 1"),
        ("awards edit 1 --unit 'Công ty A'", "changed award 1"),
        (
            "awards add 'Nguyễn Văn An' --kind individual --form 'Giấy khen' --issuer X --year 2020",
            "added award 1",
        ),  # fmt: skip
        (
            f"awards phase add 2018-2023 --program '{PROGRAM}' --start 2018 --end 2023",
            "added phase 2018-2023",
        ),  # fmt: skip
        (
            f"awards phase add 2014-2018 --program '{PROGRAM}' --start 2014 --end 2018",
            "added phase 2014-2018",
        ),  # fmt: skip
    ]
    table = ok("history --limit 1").splitlines()
    assert table[0].split() == ["#", "When", "Command", "Change"]
    assert table[2].startswith("5  20") and table[2].endswith(
        "awards remove 1 --yes  removed award 1"
    )


def test_undo_takes_back_add_edit_and_remove_in_turn(ok: Ok, run: Run, phases: None) -> None:
    """Each undo reverts the newest change and says which; the records are as they were."""
    add(ok, "An")
    after_add = listed(ok)
    ok("edit 1 --year 2016 --decision 5/QĐ")
    after_edit = listed(ok)
    ok("remove 1 --yes")
    result = run("undo")
    assert result.exit_code == 0
    assert result.stderr.startswith("undid change 5: removed award 1 (awards remove 1 --yes, 20")
    assert listed(ok) == after_edit
    assert run("undo").stderr.startswith("undid change 4: changed award 1 (awards edit 1")
    assert listed(ok) == after_add
    ok("undo")
    assert listed(ok) == []
    add(ok, "Bình")
    assert [a["id"] for a in listed(ok)] == [2]  # an undone id is not handed out again


def test_undo_of_a_phase_rename_moves_its_awards_back(ok: Ok, phases: None) -> None:
    """A phase code change touches the phase and its awards; one undo restores both."""
    add(ok, "An", "2016")
    ok("phase edit 2014-2018 --code GD1")
    assert listed(ok)[0]["phase"] == "GD1"
    ok("undo")
    assert listed(ok)[0]["phase"] == "2014-2018"
    assert [p["code"] for p in json.loads(ok("phase list -f json"))] == ["2014-2018", "2018-2023"]


def test_undo_of_an_import_removes_all_it_added(ok: Ok, tmp_path: Path, db: Path) -> None:
    """An import is one change: one undo takes all of its awards and phases away."""
    add(ok, "Kept")
    before = listed(ok)
    sheet = tmp_path / "a.csv"
    sheet.write_text("recipient,kind,form,issuer,year\n" + "".join(
        f"Người {i},individual,Giấy khen,X,2020\n" for i in range(300)))  # fmt: skip
    ok(["import", str(sheet)])
    assert changes(ok)[0][1] == "added awards 2–301"
    ok("undo")
    assert listed(ok) == before


def test_twenty_five_undos_walk_back_to_an_empty_file(ok: Ok, run: Run) -> None:
    """Undo repeats at least 20 steps; past the first change it says there is nothing to undo."""
    for i in range(25):
        add(ok, f"Người {i}")
    for remaining in range(24, -1, -1):
        ok("undo")
        assert len(listed(ok)) == remaining
    result = run("undo")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: nothing to undo: no change is recorded\n",
    )


def test_history_keeps_the_newest_fifty(db: Path) -> None:
    """Older entries are dropped so the file does not grow without end."""
    from awards.domain.build import build_award

    store = Store(db, command="awards add")
    for i in range(HISTORY_KEPT + 5):
        with store.transaction() as tx:
            given = dict(
                recipient=f"A{i}", kind="individual", form="Giấy khen", issuer="X", year=2020
            )
            tx.add_awards([build_award(given, tx.phases, tx.awards, new_id=tx.next_award_id())])
    kept = store.read().changes
    assert len(kept) == HISTORY_KEPT
    assert [part.to_dict() for part in kept[0].parts] == [
        {"verb": "added", "table": "awards", "ids": [[6, 6]]}
    ]
    assert [part.to_dict() for part in kept[-1].parts] == [
        {"verb": "added", "table": "awards", "ids": [[55, 55]]}
    ]


def test_damaged_file_names_the_last_good_copy_and_restore_brings_it_back(
    ok: Ok, run: Run, db: Path
) -> None:
    """Each write keeps the file it replaces; a damaged file points to it; restore puts it back
    (the copy is the file before the last change, which history names)."""
    add(ok, "An")
    good = db.read_bytes()
    add(ok, "Bình")
    db.write_bytes(db.read_bytes()[:40])
    damaged = db.read_bytes()
    result = run("list")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {db} is damaged (not valid JSON: ")
    assert "line 1 column 41 (char 40)" in result.stderr  # where the file was cut
    stamp = result.stderr.rsplit("(", 1)[1].split(")")[0]
    assert result.stderr.rstrip().endswith(
        f"The last good copy is {db}.bak ({stamp}); `awards restore` brings it back"
    )
    restored = run("restore")
    assert restored.exit_code == 0
    (aside,) = db.parent.glob("awards.json.damaged-*")
    assert restored.stderr == (
        f"restored {db} from {db}.bak, which holds the changes up to 1; "
        f"the damaged file is kept as {aside}\n"
        "change 2 is not in that copy; make it again\n"
    )
    assert aside.read_bytes() == damaged
    assert db.read_bytes() == good
    assert [a["recipient"] for a in listed(ok)] == ["An"]


def test_restore_refuses_a_sound_file_unless_forced(ok: Ok, run: Run, db: Path) -> None:
    """Restore is for damage; --force rolls back to the copy even so; no copy, no restore."""
    db.parent.mkdir()
    db.write_bytes(b"{")
    assert run("restore").stderr == f"Error: there is no copy to restore: {db}.bak does not exist\n"
    assert db.read_bytes() == b"{"
    db.unlink()
    add(ok, "An")
    add(ok, "Bình")
    before = digest(db)
    result = run("restore")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {db} is not damaged; nothing was restored "
        "(undo reverts changes; restore --force replaces the file anyway)\n"
    )
    assert digest(db) == before
    assert run("restore --force").exit_code == 0
    assert [a["recipient"] for a in listed(ok)] == ["An"]


def test_the_copy_is_as_private_as_the_file(ok: Ok, db: Path) -> None:
    """A 640 data file gets a 640 copy."""
    add(ok, "An")
    os.chmod(db, 0o640)
    add(ok, "Bình")
    add(ok, "Chi")
    assert (db.stat().st_mode & 0o777, (db.parent / "awards.json.bak").stat().st_mode & 0o777) == (
        0o640,
        0o640,
    )


def test_history_is_stored_as_data_and_said_in_either_language(ok: Ok, db: Path) -> None:
    """The file records what changed, not words; history says it in the language asked for,
    and an entry an earlier awards recorded in words is shown in those words."""
    ok(["add", "An", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
        "--year", "2020"])  # fmt: skip
    ok(["edit", "1", "--note", "x"])
    entries = json.loads(db.read_bytes())["history"]
    assert [entry["changes"] for entry in entries.values()] == [
        [{"verb": "added", "table": "awards", "ids": [[1, 1]]}],
        [{"verb": "changed", "table": "awards", "ids": [[1, 1]]}],
    ]
    assert all("summary" not in entry for entry in entries.values())
    english = json.loads(ok(["history", "-f", "json"]))
    assert [c["change"] for c in english] == ["changed award 1", "added award 1"]
    vietnamese = ok(["--lang", "vi", "history"])
    assert "sửa khen thưởng 1" in vietnamese and "thêm khen thưởng 1" in vietnamese
    data = json.loads(db.read_bytes())
    data["history"]["1"] = {"at": "2025-01-01T00:00:00+07:00", "command": "awards add A",
                            "summary": "added award 1", "undo": {}}  # fmt: skip
    db.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    assert json.loads(ok(["history", "-f", "json"]))[-1]["change"] == "added award 1"


def test_a_record_damaged_by_hand_is_refused_by_every_write_and_restore_repairs_it(
    ok: Ok, run: Run, db: Path
) -> None:
    """`"note": 5` typed into the file: add refuses to carry it on (exit 1, the file as it was,
    naming the record), and restore, without --force, brings back the last good copy."""
    for name in ("An", "Bình"):
        ok(["add", name, "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
            "--year", "2020"])  # fmt: skip
    data = json.loads(db.read_bytes())
    data["awards"]["1"]["note"] = 5
    db.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    before = digest(db)
    refused = run(["add", "Chi", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer",
                   "UBND tỉnh", "--year", "2020"])  # fmt: skip
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"Error: {db} holds a damaged record (note is neither")
    assert "awards restore" in refused.stderr
    assert digest(db) == before
    restored = run(["restore"])
    assert restored.exit_code == 0, restored.stderr
    assert [a["recipient"] for a in json.loads(ok(["list", "-f", "json"]))] == ["An"]


ADD = ["add", "An", "--kind", "cá nhân", "--form", "Giấy khen", "--issuer", "UBND tỉnh",
       "--year", "2020"]  # fmt: skip


def test_two_restores_in_one_second_keep_both_files_aside(ok: Ok, db: Path) -> None:
    """Each restore --force keeps the file it replaces under a name of its own; none is lost."""
    ok(ADD)
    ok(ADD)
    contents = []
    for _ in range(2):
        contents.append(db.read_bytes())
        ok(["restore", "--force"])
    aside = sorted(db.parent.glob("awards.json.damaged-*"))
    assert len(aside) == 2
    assert sorted(path.read_bytes() for path in aside) == sorted(contents)


def test_a_restore_never_leaves_the_data_file_missing(
    ok: Ok, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The damaged file is kept aside by a second name, so the data file exists while the good
    copy is written, and is replaced by it in one rename."""
    import awards.store.files as store_module

    ok(ADD)
    ok(ADD)
    db.write_bytes(b"{ damaged")
    seen = []
    real = store_module.atomic_write

    def watched(path: Path, payload: bytes, **kwargs: object) -> None:
        seen.append(path.exists())
        real(path, payload, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "atomic_write", watched)
    ok(["restore"])
    assert seen == [True]
    assert len(json.loads(ok(["list", "-f", "json"]))) == 1


def test_a_missing_data_file_beside_its_last_good_copy_is_an_error(
    ok: Ok, run: Run, db: Path
) -> None:
    """Not an empty register: exit 1, naming both; restore brings the copy back."""
    ok(ADD)
    ok(ADD)
    db.unlink()
    result = run(["tally"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {db} is missing, but its last good copy {db}.bak is there; "
        "`awards restore` brings it back\n"
    )
    ok(["restore"])
    assert len(json.loads(ok(["list", "-f", "json"]))) == 1


def test_an_emptied_data_file_never_becomes_the_last_good_copy(ok: Ok, db: Path) -> None:
    """`: > awards.json` then a write: the copy still holds the awards from before."""
    ok(ADD)
    ok(ADD)
    kept = (db.parent / "awards.json.bak").read_bytes()
    db.write_bytes(b"")
    ok(ADD)
    assert (db.parent / "awards.json.bak").read_bytes() == kept


def test_a_data_file_that_is_a_link_stays_a_link(ok: Ok, tmp_path: Path) -> None:
    """Writes go to the link's target, which keeps getting the changes, and the link stays."""
    target = tmp_path / "real" / "awards.json"
    target.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(target)
    ok(["--db", str(link), *ADD])
    ok(["--db", str(link), *ADD])
    assert link.is_symlink()
    assert len(json.loads(target.read_bytes())["awards"]) == 2
    assert not (tmp_path / "link.json.lock").exists()


def test_undo_n_reverts_that_change_and_refuses_one_built_on(ok: Ok, run: Run, db: Path) -> None:
    """undo 1 after an unrelated change 2 reverts 1 alone; a change that a later one edited is
    refused naming the later one; numbers are not given again after an undo."""
    ok(ADD)  # change 1: award 1
    ok(["add", "Bình", *ADD[2:]])  # change 2: award 2
    ok(["edit", "2", "--note", "x"])  # change 3: builds on 2
    refused = run(["undo", "2"])
    assert refused.exit_code == 1
    assert refused.stderr == (
        "Error: change 2 cannot be undone on its own: change 3 (awards edit 2 --note x) "
        "changed the same records since; undo 3 first\n"
    )
    said = run(["undo", "1"])
    assert said.exit_code == 0 and said.stderr.startswith("undid change 1: added award 1 (")
    assert [a["recipient"] for a in json.loads(ok(["list", "-f", "json"]))] == ["Bình"]
    ok(["undo"])  # the newest: 3
    ok(["add", "Chi", *ADD[2:]])
    numbers = [c["number"] for c in json.loads(ok(["history", "-f", "json"]))]
    assert numbers == [4, 2]
    missing = run(["undo", "9"])
    assert (missing.exit_code, missing.stderr) == (
        1, "Error: there is no change 9; history lists the ones that can be undone\n"
    )  # fmt: skip


def test_copies_are_kept_in_generations_and_restore_names_what_it_drops(
    ok: Ok, run: Run, db: Path
) -> None:
    """Each write keeps the file it replaced as the newest copy, older ones moving down; restore
    --list shows them; restore --from brings one back and says which changes it does not hold."""
    for name in ("A", "B", "C", "D"):
        ok(["add", name, *ADD[2:]])  # changes 1–4
    listed = json.loads(ok(["restore", "--list", "-f", "json"]))
    assert [(c["generation"], c["awards"], c["last_change"]) for c in listed] == [
        (0, 3, 3), (1, 2, 2), (2, 1, 1),
    ]  # fmt: skip
    db.write_bytes(b"{ damaged")
    result = run(["restore", "--from", "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == ("changes 3–4 are not in that copy; make them again")
    assert [a["recipient"] for a in json.loads(ok(["list", "-f", "json"]))] == ["A", "B"]


def test_a_failed_write_never_turns_the_live_file_into_the_copy(
    ok: Ok, run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is made only after the new file is in place: when the write fails, the last good
    copy is still the older file, and emptying the data file afterwards cannot reach it."""
    ok(ADD)
    ok(["add", "Bình", *ADD[2:]])
    copy = db.parent / "awards.json.bak"
    kept = copy.read_bytes()

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("awards.store.files.atomic_write", refused)
    assert run(["add", "Chi", *ADD[2:]]).exit_code == 1
    monkeypatch.undo()
    assert copy.read_bytes() == kept
    db.write_bytes(b"")  # `: > awards.json`, on the same inode
    assert copy.read_bytes() == kept


def test_history_keeps_what_changed_not_whole_records(ok: Ok, db: Path) -> None:
    """An issuer renamed on many awards is one group of one field; undo puts every award back
    byte for byte."""
    for name in ("A", "B", "C"):
        ok(["add", name, *ADD[2:], "--unit", "Xã A", "--note", "giữ nguyên"])
    before = json.loads(db.read_bytes())["awards"]
    ok(["issuer", "edit", "UBND tỉnh", "--name", "Ủy ban nhân dân tỉnh"])
    entries = json.loads(db.read_bytes())["history"]
    entry = entries[str(max(map(int, entries)))]
    assert entry["undo"]["awards_changed"] == [
        {"ids": [[1, 3]], "set": {"issuer": "UBND tỉnh"}, "unset": []}
    ]
    ok(["undo"])
    assert json.loads(db.read_bytes())["awards"] == before


def test_history_is_bounded_in_size_and_keeps_the_newest(
    ok: Ok, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the size bound the oldest changes go; the newest change can always be undone."""
    monkeypatch.setattr("awards.store.history.HISTORY_BYTES", 600)
    for name in ("A", "B", "C", "D", "E", "F"):
        ok(["add", name, *ADD[2:], "--note", "x" * 200])
    numbers = [c["number"] for c in json.loads(ok(["history", "-f", "json"]))]
    assert numbers[0] == 6 and len(numbers) < 6
    ok(["undo"])
    assert len(json.loads(ok(["list", "-f", "json"]))) == 5
