"""Reading rows and matching headers: the parts of an import below the command."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from awards.errors import Invalid
from awards.text import neutralise, restore_neutralised
from awards.transfer.plan import header_key, plan_import
from awards.transfer.sheets import Table, csv_table, decode, sniff_delimiter


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
    assert decode(raw, "x") == ("Họ và tên\tNăm\nAn\t2020\n", None)
    assert csv_table(raw, "x").rows == [(1, ["Họ và tên", "Năm"]), (2, ["An", "2020"])]


def cp1258(value: str) -> bytes:
    """Text as Windows-1258 keeps it: â, ơ, đ… as letters, the tone as a mark after them."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in value:
        parts = unicodedata.normalize("NFD", ch)
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (letter + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


def test_legacy_vietnamese_encodings_are_converted_or_refused_by_name() -> None:
    """Windows-1258 and TCVN3 (ABC) become Unicode, and say so; VNI is refused by name."""
    names = "Nguyễn Văn Đức\nLê Thị Hòa\nTrần Quốc Tuấn\n"
    assert decode(cp1258(names), "x.csv") == (names, "Windows-1258")
    tcvn3 = "NguyÔn V¨n §øc\nLª ThÞ Hßa\nTrÇn Quèc TuÊn\n".encode("latin-1")
    assert decode(tcvn3, "x.csv") == (names, "TCVN3 (ABC)")
    vni = "Nguyeãn Vaên Ñöùc\nLeâ Thò Hoøa\nTraàn Quoác Tuaán\n".encode("latin-1")
    with pytest.raises(Invalid, match=r"line 1 has the byte 0xe3\), it looks like VNI"):
        decode(vni, "x.csv")


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
    plan = plan_import([table], [], {}, next_id=1)
    assert plan.problems == []
    assert [(p.code, p.start, p.end) for p in plan.phases] == [("A", 2014, 2018)]


def test_blank_rows_and_empty_tables_are_passed_over() -> None:
    """Trailing blank lines and empty sheets are not rows to import."""
    table = Table(
        source="a.csv",
        rows=[(1, ["recipient", "kind", "form", "issuer", "year"]), (2, ["An", "individual", "Giấy khen", "X", 2020.0]),
              (3, ["", None, " ", "", ""])],
    )  # fmt: skip
    plan = plan_import([table, Table(source="empty.csv", rows=[])], [], {}, next_id=7)
    assert plan.problems == []
    assert [(i, r["recipient"], r["year"]) for i, r in plan.records.items()] == [("7", "An", 2020)]


@given(st.lists(st.integers(min_value=0, max_value=30), max_size=6), st.integers(1, 20))
@example([3, 0], 2)  # one byte too long, then its line break: the last in reach
@example([2, 2, 2], 2)  # each as long as allowed
@example([1, 3], 2)  # the long line after a short one
def test_a_long_line_is_found_as_splitting_would_find_it(lengths: list[int], most: int) -> None:
    """The cheap scan for an over-long line agrees with splitting the text into lines."""
    from awards.transfer.sheets import _has_long_line

    raw = b"\n".join(b"x" * n for n in lengths)
    assert _has_long_line(raw, most) == any(len(line) > most for line in raw.split(b"\n"))


# Beside \r and \n, what str.splitlines ends a line at, and CSV holds as text in a cell.
_OTHER_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"


@given(st.lists(st.lists(st.text(alphabet='ab,"\r\n ễ' + _OTHER_BREAKS, max_size=6), min_size=1,
                         max_size=4), max_size=6),
       st.sampled_from(["\n", "\r\n", "\r"]))  # fmt: skip
def test_csv_rows_end_where_a_text_stream_would_end_them(
    rows: list[list[str]], ending: str
) -> None:
    """A CSV file is read line by line without a stream's copy of it: its rows are what the
    csv module reads from a text stream, whatever ends its lines (\\r\\n, \\r, \\n, mixed),
    whatever line breaks its quoted cells hold, and whatever other breaks (form feed, U+2028…)
    its cells hold as text."""
    import csv
    import io

    written = io.StringIO(newline="")
    csv.writer(written, lineterminator=ending).writerows(rows)
    content = "recipient,note" + ending + written.getvalue()
    expected = list(csv.reader(io.StringIO(content, newline="")))
    table = csv_table(content.encode("utf-8"), "x.csv")
    assert [cells for _number, cells in table.rows] == expected
