"""What the data file keeps of its awards beside them (store.summary): kept true by every write,
void after a hand edit, and a list that lays out by it the very table it would measure."""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Callable
from itertools import islice
from pathlib import Path

import orjson
import pytest

from awards.store import codec, summary
from tests.test_terminal import screen_of

Ok = Callable[..., str]

ADD = ["add", "Nguyễn Văn An", "--kind", "individual", "--form", "Giấy khen", "--issuer",
       "Giám đốc Công an tỉnh", "--year", "2023"]  # fmt: skip


def kept_and_made(db: Path) -> tuple[summary.Summary | None, summary.Summary]:
    """The summary the file keeps, where its seal holds, and one made afresh of its awards."""
    data = orjson.loads(db.read_bytes())
    meta = data["meta"]["1"]
    return summary.kept(meta, meta["awards_crc"]), summary.of(list(data["awards"].items()))


def test_every_write_keeps_the_summary_of_its_awards(ok: Ok, db: Path, tmp_path: Path) -> None:
    """After an add, an import, an edit, a revocation, a removal and an undo, the file keeps
    the summary its awards make, as their order and widths, counts and revocations stand."""
    ok(["phase", "add", "2018-2023", "--program", "P", "--start", "2018", "--end", "2023"])
    sheet = tmp_path / "list.csv"
    sheet.write_text(
        "recipient,kind,form,issuer,year,unit\n"
        "Công đoàn cơ sở Công ty TNHH Dệt may Hưng Phát,collective,Giấy khen,UBND tỉnh,2021,"
        "Công ty TNHH Dệt may Hưng Phát\n"
        "Trần Thị Bình,individual,Bằng khen,UBND tỉnh,2022,\n",
        encoding="utf-8",
    )
    steps = [
        ADD, ["import", str(sheet)], ["edit", "1", "--recipient", "Nguyễn Văn An Khánh Hòa"],
        ["revoke", "2", "--decision", "12/QĐ-UBND", "--on", "2024-03-01", "--reason", "r"],
        ["remove", "3", "--yes"], ["undo"], ["edit", "2", "--unit", "Đội bảo vệ"], ["undo"],
        ["edit", "2", "--recipient", "Tổ bảo vệ"],  # the widest name goes: measured again
        ["edit", "2", "--kind", "individual"],  # the only collective goes
        ["undo"], ["undo"], ["unrevoke", "2"], ["undo"],  # the only revocation goes, and back
        ["issuer", "edit", "UBND tỉnh", "--name", "Ủy ban nhân dân tỉnh Khánh Hòa"], ADD,
    ]  # fmt: skip
    for step in steps:
        ok(step)
        kept, made = kept_and_made(db)
        assert kept == made, step
    assert kept is not None
    assert (kept.records, kept.recipients, kept.revoked) == (4, 3, 1)
    assert kept.ascending and (kept.first, kept.last) == (1, 4)
    assert kept.revocations == ["2024-03-01"]
    assert kept.values["kind"] == ["collective", "individual"]
    assert kept.measures["issuer"] == (len("Ủy ban nhân dân tỉnh Khánh Hòa"), 0, True)
    widest = len("Công đoàn cơ sở Công ty TNHH Dệt may Hưng Phát")
    assert kept.measures["recipient"] == (widest, 0, True)


def test_an_undo_writes_the_awards_back_in_the_order_of_their_ids(ok: Ok, db: Path) -> None:
    """An award put back by undo takes its place among the others again, in the file as in
    the list, so that a list of every award can still be shown as it is read."""
    for _ in range(3):
        ok(ADD)
    ok(["remove", "2", "--yes"])
    ok(["undo"])
    data = orjson.loads(db.read_bytes())
    assert list(data["awards"]) == ["1", "2", "3"]
    assert [line.split()[0] for line in ok("list").splitlines()[2:5]] == ["1", "2", "3"]


def test_a_hand_edit_voids_the_summary(ok: Ok, db: Path) -> None:
    """A summary changed by hand, or awards changed by hand under it, is not taken: the list
    counts and measures the awards themselves."""
    ok(ADD)
    ok(ADD)
    data = orjson.loads(db.read_bytes())
    data["meta"]["1"]["summary"]["records"] = 7
    db.write_bytes(orjson.dumps(data))
    assert "2 award record(s), 2 recipient(s)" in ok("list")
    ok(["edit", "1", "--note", "x"])  # written anew, the summary with it
    raw = db.read_bytes().replace('"Nguyễn Văn An"'.encode(), b'"A much longer name here"', 1)
    db.write_bytes(raw)
    data = orjson.loads(raw)
    assert summary.kept(data["meta"]["1"], zlib.crc32(orjson.dumps(data["awards"]))) is None
    listed = ok("list").splitlines()
    assert listed[2].split("  ")[1] == "A much longer name here"
    assert listed[3].split("  ")[1].rstrip() == "Nguyễn Văn An"


def hostile(db: Path, *, keep: bool, wide: bool = False) -> None:
    """A register of what a table finds hard, written as awards writes it, with its summary
    or (``keep`` False) without one: names in NFD and with a control character typed by hand,
    a word longer than a column may fold, a unit of two lines, revoked awards, every kind;
    and with ``wide``, a name in characters two cells wide, which the summary leaves
    unmeasured (a list then measures its rows)."""
    names = ["Nguyễn Văn An", unicodedata.normalize("NFD", "Trần Thị Bình Minh Khai"),
             "Tổ\x07 bảo vệ", "Công ty TNHH Một thành viên Xây dựng Cầu đường Bến Thành",
             "Hội Liên hiệp Phụ nữ Chiềnggggggggggggggggggggg",
             "Đội 中文 bảo vệ" if wide else "Đội bảo vệ"]  # fmt: skip
    kinds = ["individual", "collective", "household", "mixed"]
    records = {}
    for n in range(1, 301):
        record = {"recipient": f"{names[n % len(names)]} {n}", "kind": kinds[n % 4],
                  "count": 1 + n % 12, "form": "Giấy khen", "issuer": "UBND tỉnh",
                  "year": 2018 + n % 6, "phase": "2018-2023", "decision": f"{n}/QĐ-UBND"}  # fmt: skip
        if n % 7 == 0:
            record["unit"] = "Phòng Cảnh sát\nkinh tế"
        if n % 50 == 0:
            record |= {"revoked_decision": "9/QĐ-UBND", "revoked_on": f"2024-0{n // 50}-01"}
        records[str(n)] = record
    meta = {"1": {"schema_version": codec.SCHEMA_VERSION, "next_award_id": 301}}
    data = {"meta": meta, "awards": records}
    written = b"".join(codec.serialize(data))
    if not keep:
        data["meta"]["1"].pop(summary.KEY)
        written = orjson.dumps(data) + b"\n"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(written)


@pytest.mark.parametrize("wide", [False, True])
@pytest.mark.parametrize(
    "args",
    [["list"], ["--lang", "vi", "list"], ["list", "--columns", "recipient,kind,unit,year"],
     ["list", "--columns", "kind,category,recipient"], ["list", "-f", "markdown"],
     ["list", "-f", "json"]],
)  # fmt: skip
def test_a_list_by_the_summary_is_the_list_by_its_rows(
    ok: Ok, db: Path, args: list[str], wide: bool
) -> None:
    """Piped, and at terminals 60, 100 and 200 columns wide, a list of a file that keeps its
    summary is the list of the same awards measured as they are read."""
    from awards.query.filters import Filters, chosen_rows
    from awards.query.listing import award_list
    from awards.store import Store

    hostile(db, keep=True, wide=wide)
    assert kept_and_made(db)[0] is not None
    laid_by = award_list(chosen_rows(Store(db).read(lazily=True), Filters())).table().measures
    assert (laid_by is None) == wide
    by_summary = [ok(args), *(screen_of(["--no-pager", *args], db, w) for w in (60, 100, 200))]
    hostile(db, keep=False, wide=wide)
    assert kept_and_made(db)[0] is None
    laid_by = award_list(chosen_rows(Store(db).read(lazily=True), Filters())).table().measures
    assert laid_by is not None or wide  # measured as read
    by_rows = [ok(args), *(screen_of(["--no-pager", *args], db, w) for w in (60, 100, 200))]
    assert by_summary == by_rows
    assert "Trần Thị Bình Minh Khai" in unicodedata.normalize("NFC", by_summary[0])


def test_a_kind_takes_the_width_of_its_name_in_the_language_shown(ok: Ok, db: Path) -> None:
    """The file keeps the kinds it holds, not their widths: in Vietnamese the kind column is as
    wide as "tập thể, cá nhân", in English as "individual", each row's count under its heading."""
    hostile(db, keep=True)
    for lang, widest in (("vi", "tập thể, cá nhân"), ("en", "individual")):
        header, *lines = ok(["--lang", lang, "list"]).splitlines()
        kind, count = ("Đối tượng", "Số lượng") if lang == "vi" else ("Kind", "Count")
        assert header.index(count) - header.index(kind) == len(widest) + 2
        third = next(line for line in lines if line.startswith("  3  "))  # count 4
        assert third[: header.index(count) + len(count)].endswith(" 4")


def test_the_first_rows_of_a_list_come_before_the_rest_is_read(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of a file that keeps its summary, a list's table lays out its first screen from the
    first part of the file; the rest is read as the lines are asked for, and the lines are
    those of the table laid out from every row."""
    from awards.query.filters import Filters, chosen_rows
    from awards.query.listing import award_list
    from awards.render.columns import lay_out
    from awards.store import Store

    records = {str(n): {"recipient": f"Lê Thị {n}", "kind": "individual", "count": 1,
                        "form": "Giấy khen", "issuer": "UBND tỉnh", "year": 2020}
               for n in range(1, 20_001)}  # fmt: skip
    meta = {"1": {"schema_version": codec.SCHEMA_VERSION, "next_award_id": 20_001}}
    db.parent.mkdir(parents=True)
    db.write_bytes(b"".join(codec.serialize({"meta": meta, "awards": records})))
    read: list[int] = []
    real = codec.record_parts

    def counted(*args: object, **kwargs: object) -> object:
        for part in real(*args, **kwargs):  # type: ignore[arg-type]
            read.append(len(part))
            yield part

    monkeypatch.setattr(codec, "record_parts", counted)
    shown = Store(db).read(full=True, lazily=True)
    table = lay_out(award_list(chosen_rows(shown, Filters())).table(), 100)
    first = list(islice(table.rows, 40))
    assert len(read) == 1 and read[0] < 20_000
    rest = list(table.rows)
    assert sum(read) == 20_000 and len(read) > 1
    whole = Store(db).read(full=True)  # every row at hand, measured
    every = lay_out(award_list(whole.rows_from(whole.award_rows.items())).table(), 100)
    assert [*first, *rest] == list(every.rows)
    assert first[0].split() == ["1", "Lê", "Thị", "1", "individual", "1", "Giấy", "khen",
                                "UBND", "tỉnh", "2020", "—", "—", "—"]  # fmt: skip


def test_a_summary_of_some_fields_is_the_same_whether_they_come_listed_or_one_by_one() -> None:
    """The fields of a summary may be given as any iterable, an iterator too: each is kept,
    and those not given are not."""
    pairs = [
        (str(i), {"recipient": f"Nguyễn Văn {i}", "kind": "individual", "count": 1,
                  "form": "Giấy khen", "issuer": "Giám đốc Công an tỉnh", "year": 2020})
        for i in range(1, 4)
    ]  # fmt: skip
    listed = summary.of(pairs, ["recipient", "form", "kind"])
    assert summary.of(pairs, iter(["recipient", "form", "kind"])) == listed
    assert sorted(listed.measures) == ["form", "recipient"]
    assert listed.values == {"kind": ["individual"]}
