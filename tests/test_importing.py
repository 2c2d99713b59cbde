"""Reading rows and matching headers: the parts of an import below the command."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awards.errors import Invalid
from awards.importing import header_key, plan_import
from awards.sheets import Table, csv_table, decode, sniff_delimiter
from awards.text import neutralise, restore_neutralised


@pytest.mark.parametrize(
    ("header", "same_as"),
    [
        ("Tập thể / Cá nhân:", "Tập thể/Cá nhân"),
        ("HỌ VÀ TÊN", "Họ và tên"),
        ("Ho va ten", "Họ và tên"),
        ("Số QĐ", "so qd"),
        ("decided_on", "decided on"),
        ("Tên tập thể ,cá nhân", "Tên tập thể, cá nhân"),
    ],
)
def test_headers_match_without_case_accents_or_punctuation(header: str, same_as: str) -> None:
    """Headers as offices type them meet the known spellings."""
    assert header_key(header) == header_key(same_as)


def test_delimiter_is_read_from_the_header_line() -> None:
    """Comma, semicolon or tab; a comma inside later rows does not mislead."""
    assert sniff_delimiter("a;b;c\n1,5;2;3\n") == ";"
    assert sniff_delimiter("a,b\n") == ","
    assert sniff_delimiter("a\tb\n") == "\t"
    assert sniff_delimiter("recipient\n") == ","


def test_utf16_unicode_text_from_excel_is_read() -> None:
    """Excel's "Unicode Text" is UTF-16 with a BOM and tabs."""
    raw = codecs.BOM_UTF16_LE + "Họ và tên\tNăm\nAn\t2020\n".encode("utf-16-le")
    assert decode(raw, "x") == "Họ và tên\tNăm\nAn\t2020\n"
    assert csv_table(raw, "x").rows == [(1, ["Họ và tên", "Năm"]), (2, ["An", "2020"])]


def test_cp1258_vietnamese_is_refused() -> None:
    """The Windows Vietnamese code page is not guessed at."""
    with pytest.raises(Invalid, match=r"line 2 has the byte 0xd0"):
        decode("Họ và tên\n".encode() + "Đông\n".encode("cp1258"), "x.csv")


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@a", "'=a", "''+b", "'plain", "plain", ""])
def test_neutralising_is_undone_exactly(value: str) -> None:
    """What export quotes, import unquotes, and nothing else."""
    assert restore_neutralised(neutralise(value)) == value
    assert not neutralise(value).startswith(("=", "+", "-", "@"))


def test_a_phases_table_is_told_apart_by_its_headers() -> None:
    """Headers code/start/end without a recipient make a phases table."""
    table = Table(
        source="p.csv",
        rows=[
            (1, ["Mã giai đoạn", "Chương trình", "Từ năm", "Đến năm"]),
            (2, ["A", "P", "2014", "2018"]),
        ],
    )
    plan = plan_import([table], [], [], next_id=1)
    assert plan.problems == []
    assert [(p.code, p.start, p.end) for p in plan.phases] == [("A", 2014, 2018)]


def test_blank_rows_and_empty_tables_are_passed_over() -> None:
    """Trailing blank lines and empty sheets are not rows to import."""
    table = Table(
        source="a.csv",
        rows=[(1, ["recipient", "kind", "form", "issuer", "year"]), (2, ["An", "individual", "Giấy khen", "X", 2020.0]),
              (3, ["", None, " ", "", ""])],
    )  # fmt: skip
    plan = plan_import([table, Table(source="empty.csv", rows=[])], [], [], next_id=7)
    assert plan.problems == []
    assert [(i, r["recipient"], r["year"]) for i, r in plan.records.items()] == [("7", "An", 2020)]


@given(st.lists(st.lists(st.text(alphabet="ab ,;\tĐđ\n\r'=", max_size=6), max_size=4), max_size=6))
def test_the_quick_csv_split_reads_what_the_csv_module_reads(rows: list[list[str]]) -> None:
    """A text without quotes, NULs or lone carriage returns splits as csv.reader reads it."""
    import csv
    import io

    from awards.sheets import split_simple_csv

    content = "\r\n".join(",".join(row) for row in rows) + ("\n" if rows else "")
    quick = split_simple_csv(content, ",")
    if quick is not None:
        assert quick == list(csv.reader(io.StringIO(content, newline="")))


_CELLS = {
    "recipient": ["An", "an", "Bình", "", "Đội [A]", "Chi"],
    "kind": ["individual", "cá nhân", "collective", "mixed", "nhóm", ""],
    "count": ["", "1", "2", "0", "x"],
    "form": ["Giấy khen", "bang-khen", "Bằng khen", "Cờ thi đua", "Huy chương", "?"],
    "issuer": ["UBND tỉnh", "ubnd tỉnh", "UBND tinh", "Bộ Công an", " ", "Bo Cong an"],
    "year": ["2016", "2018", "2020", "1900", "năm"],
    "phase": ["", "2014-2018", "2018-2023", "1999"],
    "decision": ["", "1/QĐ", "1/qđ", "2/QĐ"],
    "unit": ["", "Xã A", "xã a", "Xã  B"],
    "category": ["", "worker", "enterprise"],
}


# Values that all pass, in spellings that must come out as one: the table goes in at once.
_GOOD_CELLS = {
    "recipient": ["An", "Bình", "Chi", "Dũng", "Em", "Giang", "Hà"],
    "kind": ["individual", "cá nhân", "collective"],
    "count": ["", "1", "3"],
    "form": ["Giấy khen", "bang-khen", "Bằng khen"],
    "issuer": ["UBND tỉnh", "ubnd tỉnh", "UBND  tỉnh", "Bộ Công an", "BỘ CÔNG AN", "Sở X"],
    "year": ["2016", "2020", "2021"],
    "phase": [""],
    "decision": ["", "1/QĐ", "1/qđ"],
    "unit": ["", "Xã A", "xã a", "Xã  B", "Xã B"],
    "category": [""],
}


def _rows(cells: dict[str, list[str]]) -> st.SearchStrategy[list[dict[str, str]]]:
    row = st.fixed_dictionaries({name: st.sampled_from(values) for name, values in cells.items()})
    return st.lists(row, max_size=8)


@given(
    st.one_of(_rows(_CELLS), _rows(_GOOD_CELLS)),
    st.sampled_from(["skip", "error", "keep"]),
    st.booleans(),
)
def test_a_table_read_at_once_is_read_as_row_after_row(
    rows: list[dict[str, str]], on_duplicate: str, split: bool
) -> None:
    """The column-at-a-time reading of a CSV table gives the plan that reading it row after
    row gives: the same records, ids, problems and duplicates, whatever the rows hold."""
    from awards import importing
    from awards.domain.records import Phase

    phases = [Phase("2014-2018", "P", 2014, 2018), Phase("2018-2023", "P", 2018, 2023)]
    stored = {"1": {"recipient": "Bình", "kind": "individual", "count": 1, "form": "Giấy khen",
                    "issuer": "UBND tỉnh", "year": 2020, "unit": "Xã A"}}  # fmt: skip
    header = list(_CELLS)
    lines = [[row[name] for name in header] for row in rows]
    halves = [lines[: len(lines) // 2], lines[len(lines) // 2 :]] if split else [lines]
    tables = [
        Table(source=f"{i}.csv", rows=list(enumerate([header, *part], start=1)), texts_only=True)
        for i, part in enumerate(halves)
    ]

    def plan(at_once: bool) -> tuple[object, ...]:
        original = importing._AwardImporter.table_at_once
        if not at_once:
            importing._AwardImporter.table_at_once = lambda *args: False  # type: ignore[method-assign]
        try:
            result = plan_import(tables, phases, stored, next_id=2, on_duplicate=on_duplicate)
        finally:
            importing._AwardImporter.table_at_once = original  # type: ignore[method-assign]
        return (result.records, [str(p) for p in result.problems],
                [str(p) for p in result.duplicates], result.notices)  # fmt: skip

    assert plan(at_once=True) == plan(at_once=False)
