"""The catalogue of titles and forms: its rules held to the law's articles, the names real lists
type, a register's own entries, and what check, filters and reports make of them."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from awards import text
from awards.domain.catalogue import LAW_CATALOGUE, LAW_ENTRIES, Found, statistic, verb
from awards.domain.values import parse_category, parse_kind, parse_sector
from awards.errors import Invalid
from tests.conftest import Run, digest

Ok = Callable[..., str]
VOCABULARY = Path(__file__).parent / "data" / "tdkt-vocabulary.txt"


def vocabulary(section: str) -> list[str]:
    """The names of one section of the vocabulary a real provincial system lists."""
    lines, inside = [], False
    for line in VOCABULARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            inside = line == f"[{section}]"
        elif inside and line.strip():
            lines.append(line.strip())
    return lines


def entry(name: str):  # type: ignore[no-untyped-def]
    found = LAW_CATALOGUE.entry(name)
    assert found is not None, name
    return found


# Each rule of the catalogue and the article it comes from (Luật Thi đua, khen thưởng 2022).
@pytest.mark.parametrize(
    ("name", "kinds", "levels", "article"),
    [
        # Điều 33: the orders, the State President gives them (Điều 77).
        ("Huân chương Lao động", {"individual", "collective"}, {"state"}, "Điều 33, 77"),
        ("Huân chương Dũng cảm", {"individual"}, {"state"}, "Điều 33, 77"),
        # Điều 54: medals go to individuals.
        ("Huy chương Chiến sĩ vẻ vang", {"individual"}, {"state"}, "Điều 54, 77"),
        # Điều 59: state honorary titles; a province or a city is a collective.
        ("Tỉnh Anh hùng", {"collective"}, {"state"}, "Điều 59, 77"),
        ("Bà mẹ Việt Nam anh hùng", {"individual"}, {"state"}, "Điều 59, 77"),
        # Điều 78: the Government's flag; the Prime Minister's title and Bằng khen.
        ("Cờ thi đua của Chính phủ", {"collective"}, {"government"}, "Điều 20, 78"),
        ("Chiến sĩ thi đua toàn quốc", {"individual"}, {"government"}, "Điều 20, 21, 78"),
        ("Bằng khen của Thủ tướng Chính phủ", {"individual", "collective", "household"},
         {"government"}, "Điều 78"),
        # Điều 79: ministers, provincial chairs and central organisations.
        ("Tập thể lao động xuất sắc", {"collective"}, {"ministry", "province", "organisation"},
         "Điều 20, 79"),
        ("Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", {"individual"},
         {"ministry", "province", "organisation"}, "Điều 20, 79"),
        # Điều 80: unit heads, district and commune chairs, companies.
        ("Chiến sĩ thi đua cơ sở", {"individual"},
         {"department", "district", "unit", "organisation"}, "Điều 20, 80"),
        ("Lao động tiên tiến", {"individual"},
         {"department", "district", "unit", "organisation", "commune"}, "Điều 20, 80"),
        ("Thôn văn hóa", {"collective"}, {"district"}, "Điều 20, 80"),  # 80.2
        ("Gia đình văn hóa", {"household"}, {"commune"}, "Điều 20, 80"),  # 80.3
        ("Giấy khen", {"individual", "collective", "household"},
         {"department", "district", "unit", "organisation", "commune"}, "Điều 80"),
    ],
)  # fmt: skip
def test_each_entry_follows_its_article(
    name: str, kinds: set[str], levels: set[str], article: str
) -> None:
    """Who may receive it and who may give it are the law's, with the article cited."""
    found = entry(name)
    assert (set(found.kinds), set(found.levels)) == (kinds, levels)
    assert found.basis == f"Luật Thi đua, khen thưởng 2022, {article}"


def test_the_orders_medals_and_honours_the_law_lists_are_all_there() -> None:
    """Điều 33 khoản 2, Điều 54 khoản 2 and Điều 59 khoản 2, name by name, with the classes."""
    with_classes = ("Độc lập", "Quân công", "Lao động", "Bảo vệ Tổ quốc", "Chiến công")
    for name in with_classes:
        assert entry(f"Huân chương {name}").classes == ("Nhất", "Nhì", "Ba")
    for name in ("Sao vàng", "Hồ Chí Minh", "Đại đoàn kết dân tộc", "Dũng cảm", "Hữu nghị"):
        assert entry(f"Huân chương {name}").classes == ()
    for name in ("Quân kỳ quyết thắng", "Vì an ninh Tổ quốc", "Hữu nghị"):
        assert entry(f"Huy chương {name}").group == "medal"
    assert entry("Huy chương Chiến sĩ vẻ vang").classes == ("Nhất", "Nhì", "Ba")
    honours = ["Tỉnh Anh hùng", "Thành phố Anh hùng", "Bà mẹ Việt Nam anh hùng",
               "Anh hùng Lực lượng vũ trang nhân dân", "Anh hùng Lao động", "Nhà giáo nhân dân",
               "Nhà giáo ưu tú", "Thầy thuốc nhân dân", "Thầy thuốc ưu tú", "Nghệ sĩ nhân dân",
               "Nghệ sĩ ưu tú", "Nghệ nhân nhân dân", "Nghệ nhân ưu tú"]  # fmt: skip
    assert [e.name for e in LAW_ENTRIES if e.group == "honour"] == honours


def test_verbs_ranks_and_statistical_forms() -> None:
    """Orders are "tặng thưởng", base titles "công nhận"; state level counts on 0602, a
    ministry's or province's on 0603, lower levels on none; the highest come first."""
    assert verb(entry("Huân chương Lao động")) == "tặng thưởng"
    assert verb(entry("Lao động tiên tiến")) == "công nhận danh hiệu"
    assert verb(entry("Chiến sĩ thi đua cơ sở")) == "tặng danh hiệu"
    assert verb(entry("Bằng khen")) == "tặng"
    assert statistic(entry("Huân chương Lao động"), "state") == "0602"
    assert statistic(entry("Bằng khen"), "province") == "0603"
    assert statistic(entry("Bằng khen"), "government") == "0602"
    assert statistic(entry("Giấy khen"), "unit") is None
    ranked = sorted(["Giấy khen", "Bằng khen", "Huân chương Lao động hạng Ba",
                     "Huân chương Lao động hạng Nhất", "Huân chương Sao vàng",
                     "Chiến sĩ thi đua toàn quốc"], key=LAW_CATALOGUE.rank)  # fmt: skip
    assert ranked == ["Huân chương Sao vàng", "Huân chương Lao động hạng Nhất",
                      "Huân chương Lao động hạng Ba", "Chiến sĩ thi đua toàn quốc", "Bằng khen",
                      "Giấy khen"]  # fmt: skip


def test_no_two_names_look_alike_without_diacritics() -> None:
    """Names are matched without case or diacritics, so no two entries may fold the same."""
    folded = [text.loose(n) for e in LAW_ENTRIES for n in (e.name, *e.aliases)]
    assert len(folded) == len(set(folded))


@pytest.mark.parametrize("name", vocabulary("forms"))
def test_every_title_and_form_of_a_real_system_is_accepted(name: str) -> None:
    """As typed, in NFD, and in capitals: the same stored form each time."""
    stored = LAW_CATALOGUE.find(name).form
    assert LAW_CATALOGUE.find(unicodedata.normalize("NFD", name)).form == stored
    assert LAW_CATALOGUE.find(name.upper()).form == stored
    assert LAW_CATALOGUE.entry(stored) is not None


def test_every_category_kind_and_sector_of_a_real_system_is_accepted() -> None:
    """The long labels of categories and kinds; sectors keep their listed spelling."""
    categories = [parse_category(label) for label in vocabulary("categories")]
    assert None not in categories
    assert [parse_kind(kind) for kind in vocabulary("kinds")] == [
        "individual", "collective", "household"]  # fmt: skip
    for sector in vocabulary("sectors"):
        assert text.key(parse_sector(sector) or "") == text.key(sector)


@pytest.mark.parametrize(
    "typed",
    [
        "Huân chương Lao động hạng Ba",
        "huân chương lao động hạng 3",
        "HUÂN CHƯƠNG LAO ĐỘNG HẠNG III",
        "huan chuong lao dong hang ba",
    ],
)
def test_a_class_is_read_in_words_digits_or_roman(typed: str) -> None:
    """Every spelling of a class is the same stored form."""
    assert LAW_CATALOGUE.find(typed) == Found("Huân chương Lao động hạng Ba", None)


def test_a_class_the_form_does_not_have_is_refused() -> None:
    """The error names the classes there are."""
    with pytest.raises(Invalid, match="Huân chương Lao động has no class 'IV'; its classes: "
                                      "Nhất, Nhì, Ba"):  # fmt: skip
        LAW_CATALOGUE.find("Huân chương Lao động hạng IV")
    with pytest.raises(Invalid, match="Giấy khen has no class"):
        LAW_CATALOGUE.find("Giấy khen hạng Nhất")


def test_the_issuer_in_a_name_is_read_out() -> None:
    """ "Bằng khen của X" is the form Bằng khen from X; the Prime Minister's is its own entry."""
    assert LAW_CATALOGUE.find("Bằng khen của Chủ tịch UBND tỉnh") == Found(
        "Bằng khen", "Chủ tịch UBND tỉnh")  # fmt: skip
    assert LAW_CATALOGUE.find("Cờ thi đua của UBND tỉnh") == Found("Cờ thi đua", "UBND tỉnh")
    assert LAW_CATALOGUE.find("bang khen cua thu tuong chinh phu") == Found(
        "Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ")  # fmt: skip
    with pytest.raises(Invalid, match="unknown title or form 'Giấy chứng nhận của X'"):
        LAW_CATALOGUE.find("Giấy chứng nhận của X")


def add(ok: Ok, name: str, *options: str) -> int:
    return int(ok(["add", "--year", "2023", *options, "--", name]))


def test_add_takes_the_issuer_from_the_form_and_refuses_a_conflict(
    ok: Ok, run: Run, db: Path
) -> None:
    """No --issuer: the form's; the same issuer by an alias is fine; another is an error."""
    ok("issuer add 'UBND tỉnh' --level province --alias 'Chủ tịch UBND tỉnh'")
    first = add(ok, "Công an huyện X", "--kind", "tập thể",
                "--form", "Bằng khen của Chủ tịch UBND tỉnh")  # fmt: skip
    assert json.loads(ok(f"show {first} -f json"))["issuer"] == "UBND tỉnh"
    add(ok, "Y", "--kind", "tập thể", "--form", "Bằng khen của Chủ tịch UBND tỉnh",
        "--issuer", "UBND tỉnh")  # fmt: skip
    before = digest(db)
    wrong = run(["add", "Z", "--kind", "tập thể", "--form", "Bằng khen của Chủ tịch UBND tỉnh",
                 "--issuer", "Bộ Công an", "--year", "2023"])  # fmt: skip
    assert (wrong.exit_code, wrong.stderr) == (1, (
        "Error: form 'Bằng khen' names issuer 'UBND tỉnh', but the issuer given is "
        "'Bộ Công an'\n"))  # fmt: skip
    none = run(["add", "Z", "--kind", "tập thể", "--form", "Bằng khen", "--year", "2023"])
    assert (none.exit_code, none.stderr) == (1, "Error: an award needs issuer\n")
    assert digest(db) == before


def test_recipient_details_go_in_and_out(ok: Ok) -> None:
    """Honorific, position, household kind, category labels, sector and method labels."""
    award = add(ok, "Trần Văn C", "--kind", "Khen thưởng cá nhân",
                "--form", "Chiến sĩ thi đua cơ sở", "--issuer", "Giám đốc Công an tỉnh",
                "--honorific", "Thượng tá", "--position", "Phó Trưởng phòng",
                "--category", "Các cấp lãnh đạo từ phó phòng trở lên",
                "--sector", "an ninh - quốc phòng",
                "--method", "Khen thưởng theo công trạng và thành tích đạt được")  # fmt: skip
    home = add(ok, "Hộ ông Lê Văn B", "--kind", "Khen thưởng hộ gia đình",
               "--form", "Gia đình văn hóa", "--issuer", "UBND xã Tân Phú",
               "--category", "Hộ gia đình")  # fmt: skip
    shown = json.loads(ok(f"show {award} -f json"))
    assert {k: shown[k] for k in ("honorific", "position", "category", "sector", "method")} == {
        "honorific": "Thượng tá", "position": "Phó Trưởng phòng", "category": "leader-other",
        "sector": "An ninh - Quốc phòng", "method": "regular"}  # fmt: skip
    assert json.loads(ok(f"show {home} -f json"))["kind"] == "household"
    assert ok("tally --by sector -f csv") == "sector,count\nAn ninh - Quốc phòng,1\n,1\n"
    assert ok("list --sector 'AN NINH - QUỐC PHÒNG' --category leader-other -f csv").count(
        "\n") == 2  # fmt: skip
    report = ok("report year 2023").splitlines()
    assert "| TT | Tên gọi | Tên tập thể, cá nhân | Chức vụ | Đơn vị |" in "\n".join(report)
    assert "| 1 | Thượng tá | Trần Văn C | Phó Trưởng phòng | — | Giám đốc Công an tỉnh |" in (
        "\n".join(report))  # fmt: skip
    vietnamese = ok(f"--lang vi show {award}")
    assert "Tên gọi" in vietnamese and "Thượng tá" in vietnamese
    assert "Các cấp lãnh đạo khác từ phó phòng trở lên" in vietnamese


def test_a_form_without_a_class_selects_every_class(ok: Ok) -> None:
    """--form "Huân chương Lao động" lists each class; with a class, that class only; the
    short "Huân chương" every order."""
    for grade in ("Nhất", "Ba"):
        add(ok, f"Tập thể {grade}", "--kind", "collective", "--issuer", "Chủ tịch nước",
            "--form", f"Huân chương Lao động hạng {grade}")  # fmt: skip
    add(ok, "Khác", "--kind", "collective", "--issuer", "Chủ tịch nước", "--form", "Huân chương")
    names = [a["recipient"] for a in json.loads(ok("list --form 'huân chương lao động' -f json"))]
    assert names == ["Tập thể Nhất", "Tập thể Ba"]
    only = json.loads(ok("list --form 'Huân chương Lao động hạng 3' -f json"))
    assert [a["recipient"] for a in only] == ["Tập thể Ba"]
    orders = json.loads(ok("list --form 'huan chuong' -f json"))
    assert [a["recipient"] for a in orders] == ["Tập thể Nhất", "Tập thể Ba", "Khác"]


def test_a_register_keeps_its_own_entries(ok: Ok, run: Run, db: Path) -> None:
    """Add a ministry's Kỷ niệm chương; list, use, rename, and remove it once unused."""
    name = "Kỷ niệm chương Vì sự nghiệp bảo vệ an ninh Tổ quốc"
    refused = run(["add", "An", "--kind", "individual", "--form", name, "--issuer", "Bộ Công an",
                   "--year", "2023"])  # fmt: skip
    assert refused.stderr.startswith(f"Error: unknown title or form '{name}'")
    ok(["catalogue", "add", name, "--group", "kỷ niệm chương", "--kind", "individual",
        "--level", "bộ"])  # fmt: skip
    listed = json.loads(ok("catalogue list --local -f json"))
    assert [(e["name"], e["group"], e["levels"], e["statistic"], e["basis"], e["awards"])
            for e in listed] == [(name, "badge", ["ministry"], "level", None, 0)]  # fmt: skip
    award = add(ok, "An", "--kind", "individual", "--form", text.fold(name), "--issuer", "Bộ CA")
    assert json.loads(ok(f"show {award} -f json"))["form"] == name
    before = digest(db)
    in_use = run(["catalogue", "remove", name])
    assert (in_use.exit_code, in_use.stderr) == (
        1, f"Error: '{name}' is the form of 1 award(s); change them first\n")  # fmt: skip
    twin = run(["catalogue", "add", text.fold(name).upper(), "--group", "badge", "--kind",
                "individual", "--level", "ministry"])  # fmt: skip
    assert twin.stderr.startswith("Error: 'KY NIEM CHUONG VI SU NGHIEP BAO VE AN NINH TO QUOC' "
                                  f"reads as catalogue entry '{name}'")  # fmt: skip
    law = run(["catalogue", "edit", "Bằng khen", "--level", "unit"])
    assert law.stderr == "Error: 'Bằng khen' is the law's; only a register's own entries change\n"
    assert digest(db) == before
    renamed = "Kỷ niệm chương Vì an ninh Tổ quốc của Bộ"
    assert run(["catalogue", "edit", name, "--name", renamed]).stderr == (
        f"changed catalogue entry {renamed}; 1 award(s) now name '{renamed}'\n")  # fmt: skip
    assert json.loads(ok(f"show {award} -f json"))["form"] == renamed
    ok(f"remove {award} --yes")
    ok(["catalogue", "remove", renamed])
    assert json.loads(ok("catalogue list --local -f json")) == []


def test_check_knows_the_catalogue(ok: Ok, run: Run, db: Path) -> None:
    """A level that may not give a form, a kind that may not hold it, a class missing, and a
    form no catalogue knows (a file edited by hand) are each found."""
    ok("issuer add 'UBND tỉnh' --level province")
    ok("issuer add 'Chủ tịch nước' --level state")
    ok("issuer add 'UBND xã' --level commune")
    add(ok, "A", "--kind", "individual", "--form", "Giấy khen", "--issuer", "UBND tỉnh")
    add(ok, "B", "--kind", "individual", "--form", "Gia đình văn hóa", "--issuer", "UBND xã")
    add(ok, "C", "--kind", "collective", "--form", "Huân chương Lao động", "--issuer",
        "Chủ tịch nước")  # fmt: skip
    add(ok, "D", "--kind", "individual", "--form", "Lao động tiên tiến", "--issuer", "UBND xã")
    data = json.loads(db.read_text(encoding="utf-8"))
    data["awards"]["4"]["form"] = "Giấy chứng nhận"
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    found = json.loads(run("check -f json").stdout)
    assert [(f["rule"], f["awards"]) for f in found] == [
        ("level-form", [1]), ("kind-form", [2]), ("unknown-form", [4]), ("class-missing", [3]),
    ]  # fmt: skip
    assert found[1]["message"] == (
        "Gia đình văn hóa goes to households, but these awards go to individuals"
    )


def test_an_older_file_moves_to_the_new_schema_losing_nothing(ok: Ok, db: Path) -> None:
    """A household was a collective of category household; it reads, and is written, as a
    household, and the file becomes schema 3; every other value stays as it was."""
    db.parent.mkdir(parents=True)
    old = {"meta": {"1": {"schema_version": 2, "next_award_id": 3}},
           "awards": {"1": {"recipient": "Hộ ông B", "kind": "collective", "count": 1,
                            "form": "Bằng khen", "issuer": "UBND tỉnh", "year": 2020,
                            "category": "household", "note": "giữ nguyên"},
                      "2": {"recipient": "An", "kind": "individual", "count": 1,
                            "form": "Giấy khen", "issuer": "UBND xã", "year": 2020}}}  # fmt: skip
    db.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert json.loads(ok("show 1 -f json"))["kind"] == "household"
    ok("edit 2 --note x")
    stored = json.loads(db.read_text(encoding="utf-8"))
    assert stored["meta"]["1"]["schema_version"] == 3
    assert stored["awards"]["1"] == {**old["awards"]["1"], "kind": "household"}
    assert stored["awards"]["2"] == {**old["awards"]["2"], "note": "x"}


def test_a_real_list_with_its_catalogue_columns_goes_in(ok: Ok, tmp_path: Path) -> None:
    """The header row of a real system's import sheet, with legal names in every column."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Tên gọi (Ông/Bà/Chức danh)", "Tên tập thể/cá nhân/hộ gia đình",
                  "Chức vụ", "Đơn vị công tác", "Phân loại khen thưởng",
                  "Danh hiệu thi đua/Hình thức khen thưởng", "Phân loại đối tượng",
                  "Lĩnh vực hoạt động", "Năm"])  # fmt: skip
    sheet.append([1, "Bà", "Nguyễn Thị Hoa", "Điều dưỡng trưởng", "Bệnh viện Đa khoa tỉnh",
                  "Khen thưởng cá nhân", "Bằng khen của Chủ tịch UBND tỉnh",
                  "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu",
                  "Y tế", 2024])  # fmt: skip
    sheet.append([2, None, "Khoa Hồi sức tích cực", None, "Bệnh viện Đa khoa tỉnh",
                  "Khen thưởng tập thể", "Tập thể lao động xuất sắc của Chủ tịch UBND tỉnh",
                  "Đơn vị sự nghiệp", "Y tế", 2024])  # fmt: skip
    sheet.append(
        [
            3,
            "Ông",
            "Hộ ông Phạm Văn Đ",
            None,
            None,
            "Khen thưởng hộ gia đình",
            "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã",
            "Hộ gia đình",
            None,
            2024,
        ]
    )
    book.save(tmp_path / "list.xlsx")
    ok(["import", str(tmp_path / "list.xlsx")])
    rows = json.loads(ok("list -f json"))
    assert [(r["honorific"], r["kind"], r["form"], r["issuer"], r["category"], r["sector"])
            for r in rows] == [
        ("Bà", "individual", "Bằng khen", "Chủ tịch UBND tỉnh", "worker", "Y tế"),
        (None, "collective", "Tập thể lao động xuất sắc", "Chủ tịch UBND tỉnh", "public-service",
         "Y tế"),
        ("Ông", "household", "Giấy khen", "Chủ tịch Ủy ban nhân dân cấp xã", "household", None),
    ]  # fmt: skip
    assert rows[0]["position"] == "Điều dưỡng trưởng"


def test_form_0603_counts_by_the_catalogue(ok: Ok) -> None:
    """A province's Chiến sĩ thi đua and a ministry's own Kỷ niệm chương count on 0603; a
    State order and a unit's Giấy khen do not; a household is row 04."""
    ok("issuer add 'UBND tỉnh' --level province")
    ok("issuer add 'Bộ Công an' --level ministry")
    ok("issuer add 'Chủ tịch nước' --level state")
    ok("issuer add 'Công ty X' --level unit")
    ok(["catalogue", "add", "Kỷ niệm chương Vì an ninh Tổ quốc", "--group", "badge", "--kind",
        "individual", "--level", "ministry"])  # fmt: skip
    classified = ["--method", "regular", "--category", "worker"]
    add(ok, "A", "--kind", "individual", "--form", "Chiến sĩ thi đua cấp tỉnh", "--issuer",
        "UBND tỉnh", *classified)  # fmt: skip
    add(ok, "B", "--kind", "individual", "--form", "Kỷ niệm chương Vì an ninh Tổ quốc",
        "--issuer", "Bộ Công an", *classified)  # fmt: skip
    add(ok, "C", "--kind", "hộ gia đình", "--form", "Bằng khen", "--issuer", "UBND tỉnh",
        "--method", "regular")  # fmt: skip
    add(ok, "D", "--kind", "collective", "--form", "Huân chương Lao động hạng Ba", "--issuer",
        "Chủ tịch nước")  # fmt: skip
    add(ok, "E", "--kind", "individual", "--form", "Giấy khen", "--issuer", "Công ty X")
    rows = {}
    for line in ok("report 0603 --year 2023 -f markdown").splitlines()[4:]:
        cells = [c.strip().replace("\\", "") for c in line.strip("|").split("|")]
        if len(cells) == 8 and cells[1]:
            rows[cells[1]] = [int(c) for c in cells[3:]]
    #                  total  BK  CSTĐ CTĐ KNC
    assert rows["01"] == [3, 1, 1, 0, 1]
    assert rows["04"] == [1, 1, 0, 0, 0]
    assert rows["05"] == [2, 0, 1, 0, 1]


@pytest.mark.parametrize("suffix", [".json", ".csv", ".xlsx"])
def test_a_register_s_own_entries_travel_with_its_export(
    ok: Ok, run: Run, tmp_path: Path, suffix: str
) -> None:
    """Exported with the awards that use them, and imported first, into a fresh register."""
    name = "Kỷ niệm chương Vì sự nghiệp Y tế"
    ok(["catalogue", "add", name, "--group", "badge", "--kind", "individual", "--level",
        "ministry", "--alias", "KNC Y tế"])  # fmt: skip
    add(ok, "An", "--kind", "individual", "--form", "KNC Y tế", "--issuer", "Bộ Y tế",
        "--honorific", "Bà", "--sector", "Y tế")  # fmt: skip
    target = tmp_path / f"out{suffix}"
    said = run(["export", str(target)]).stderr
    assert "1 catalogue entry" in said
    files = [str(p) for p in sorted(tmp_path.glob("out*"))]
    fresh = ["--db", str(tmp_path / "fresh.json")]
    assert run([*fresh, "import", *files]).stderr == (
        "imported 1 award, 0 phases, 1 catalogue entry\n")  # fmt: skip
    assert json.loads(ok([*fresh, "catalogue", "list", "--local", "-f", "json"]))[0]["aliases"] == [
        "KNC Y tế"]  # fmt: skip
    (award,) = json.loads(ok([*fresh, "list", "-f", "json"]))
    assert (award["form"], award["honorific"], award["sector"]) == (name, "Bà", "Y tế")
    again = run([*fresh, "import", *files])
    assert again.exit_code == 0 and "1 catalogue entry" not in again.stderr
