"""How an office lays out a list: the one layout finder of an import.

Above the table, a title block (the national header, "DANH SÁCH…", "Kèm theo Quyết định số …
ngày … của …"), whose facts fill what the rows lack; the header, on one row or two, merged
cells read as their text; under it, perhaps a row of column numbers. In the table, section rows
("I. Tập thể", "II. Cá nhân", "A. Khối …") that set the kind or the unit of the rows below,
blank rows and total rows ("Tổng cộng", "Cộng: 24"). Below it, the signature block ("Nơi
nhận", "GIÁM ĐỐC", "NGƯỜI LẬP BIỂU") and whatever follows. Everything that is not an award is
named with its reason, so that nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from awards import text
from awards.transfer.sheets import Cell, Table

HEADER_SEARCH_ROWS = 25  # a title block of a dozen lines is common; more is not a header

# Why a row is not an award; the summary counts them in these words (render.counted).
SECTION, NUMBERING, BLANK, TOTAL, BELOW = "section", "numbering", "blank", "total", "below"

_NUMBER = re.compile(r"^\(?\d{1,3}\)?\.?$|^\(?[a-zđ]\)?$")
_SECTION = re.compile(r"^(?:[ivxlc]+|[a-zđ]|\d{1,2}(?:\.\d{1,2})*)\s*[.):/-]\s*(\S.*)$")
_TOTAL = re.compile(r"^(?:tong cong|tong so|tong|cong)\b\s*(?::|\d|$|\()")
# Words that open a signature block or what follows a table; once one is met, what is below
# is not the table. TM., KT., Q. (on behalf of, for, acting) open one only before a role.
_FOOTER_START = ("noi nhan", "nguoi lap", "nguoi ky", "ky ten", "(ky", "ky,", "xac nhan cua",
                 "luu:", "luu vt")  # fmt: skip
_ON_BEHALF = re.compile(
    r"^(?:tm|kt|q|tl|tuq)\s*[./]\s*(?:giam doc|chu tich|thu truong|bo truong|"
    r"thu tuong|ban|uy ban|ubnd|so|cong an|lien doan|tong|truong|pho)"
)
_FOOTER_ROLES = frozenset({"giam doc", "pho giam doc", "chu tich", "pho chu tich", "thu truong",
                           "truong phong", "ke toan", "nguoi lap bieu", "truong ban",
                           "bo truong", "thu tuong", "tong giam doc", "chanh van phong",
                           "truong phong to chuc", "dai dien"})  # fmt: skip
_DATE_LINE = re.compile(r",?\s*ngay\s*[\d.…]*\s*thang\s*[\d.…]*\s*nam\s*[\d.…]*$")
_KINDS = (("ho gia dinh", "household"), ("tap the", "collective"), ("ca nhan", "individual"))


@dataclass(slots=True)
class Header:
    """Where the header is (one row, or two when a merged cell heads a group of columns) and
    each column's name, the two rows' words joined where that names a field."""

    first: int  # index into the table's rows
    last: int
    names: list[str]


@dataclass(slots=True)
class Body:
    """The table's rows, each an award (with what its section gives) or skipped with a reason."""

    awards: list[tuple[int, list[Cell], dict[str, str]]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> rows
    sections: list[tuple[str, str, str]] = field(default_factory=list)  # (row, field, value)


def _texts(cells: Sequence[Cell]) -> list[str]:
    return [t for cell in cells if cell is not None and (t := text.clean(str(cell)))]


def find_header(table: Table, known: Callable[[str], bool]) -> Header | None:
    """The first row among the first few that names two known fields, and the row under it
    when that row names fields of a group the first row heads."""
    rows = table.rows[:HEADER_SEARCH_ROWS]
    for index, (_number, cells) in enumerate(rows):
        names = ["" if cell is None else text.clean(str(cell)) for cell in cells]
        if sum(1 for name in names if name and known(name)) < 2:
            continue
        if index + 1 < len(table.rows):
            under = ["" if c is None else text.clean(str(c)) for c in table.rows[index + 1][1]]
            joined = _joined(names, under, known)
            if joined is not None:
                return Header(index, index + 1, joined)
        return Header(index, index, names)
    return None


def _joined(names: list[str], under: list[str], known: Callable[[str], bool]) -> list[str] | None:
    """The two rows as one header, if the second names a field its column's first does not."""
    width = max(len(names), len(under))
    names, under = names + [""] * (width - len(names)), under + [""] * (width - len(under))
    adds = [i for i, word in enumerate(under) if word and known(word) and not known(names[i])]
    if not adds or any(_NUMBER.match(text.fold(word)) for word in under if word):
        return None
    joined = []
    for top, low in zip(names, under, strict=True):
        if not low or low == top:
            joined.append(top)
        elif known(low) or not top:
            joined.append(low)
        else:
            both = f"{top} {low}"
            joined.append(both if known(both) else low)
    return joined


def read_body(table: Table, header: Header, number: int | None) -> Body:
    """Each row under the header: an award, with the kind or unit its section sets, or a row
    skipped for a reason. ``number`` is the column of the row number, where the file has one."""
    body = Body()
    rows = table.rows[header.last + 1 :]
    last = len(rows) - 1
    while last >= 0 and not _texts(rows[last][1]):  # the blank rows after the table
        last -= 1
    section: dict[str, str] = {}
    below = False
    for position, (row_number, cells) in enumerate(rows[: last + 1]):
        filled: list[Cell] = list(filter(None, cells))  # in C; a cell of spaces is read below
        reason: str | None = None
        if below:
            reason = BELOW
        elif _is_total(filled[0] if filled else None):
            reason = TOTAL
        elif len(set(filled)) > 3:  # an award's: a signature or section row has fewer words
            if position == 0 and _numbering(_texts(cells)):
                reason = NUMBERING
        elif not (texts := _texts(cells)):
            reason = BLANK
        elif position == 0 and _numbering(texts):
            reason = NUMBERING
        elif _is_footer(texts, cells, number):
            below, reason = True, BELOW
        else:
            named = _section(texts, cells, number)
            if named is not None:
                reason = SECTION
                name, value = named
                if name == "kind":  # a new kind starts afresh: its units are its own
                    section = {"kind": value} if value else {}
                else:
                    section = {**section, name: value}
                body.sections.append((str(row_number), name, value))
        if reason is None:
            body.awards.append((row_number, cells, section))
        else:
            body.skipped[reason] = body.skipped.get(reason, 0) + 1
    return body


def _numbering(texts: list[str]) -> bool:
    """(1) (2) (3) …, or 1 2 3 …, or A B C … under the header."""
    return len(texts) >= 2 and all(_NUMBER.match(text.fold(t)) for t in texts)


def _is_total(first: Cell) -> bool:
    """A row whose first words are "Tổng cộng", "Cộng:", "Tổng số"."""
    return (type(first) is str and first.lstrip()[:1] in ("T", "t", "C", "c")
            and bool(_TOTAL.match(text.fold(first[:12]))))  # fmt: skip


def _is_footer(texts: list[str], cells: Sequence[Cell], number: int | None) -> bool:
    """A row that opens the signature block: "Nơi nhận:", "(Ký, ghi rõ họ tên)", "…, ngày 15
    tháng 12 năm 2023", or only roles ("GIÁM ĐỐC", "NGƯỜI LẬP BIỂU"). A numbered row is an
    award, whatever its words; a role among other words is a position, not a signature."""
    if number is not None and number < len(cells) and _row_number(cells[number]):
        return False
    words = [text.fold(t) for t in texts]
    if any(word.startswith(_FOOTER_START) or _DATE_LINE.search(word) or _ON_BEHALF.match(word)
           for word in words):  # fmt: skip
        return True
    return all(re.sub(r"[^a-z ]", "", word).strip() in _FOOTER_ROLES for word in words)


def _row_number(cell: Cell) -> bool:
    return isinstance(cell, int | float) or (
        isinstance(cell, str) and cell.strip().rstrip(".").isdigit()
    )


def _section(texts: list[str], cells: Sequence[Cell], number: int | None) -> tuple[str, str] | None:
    """("kind", "collective") for "I. Tập thể", ("unit", "Khối …") for "A. Khối …"; None for
    a row that is not a section heading. A heading is one text (a merged cell repeats it),
    its numeral in front or in the row number's column; a bare "Cá nhân" heads a section too,
    but "Tập thể lớp 10A" is a recipient."""
    if number is not None and number < len(cells) and _row_number(cells[number]):
        return None
    distinct = list(dict.fromkeys(texts))
    if len(distinct) == 2 and re.fullmatch(r"[ivxlc]+|[a-zđ]", text.fold(distinct[0]).rstrip(".")):
        distinct = [f"{distinct[0].rstrip('.')}. {distinct[1]}"]
    if len(distinct) != 1:
        return None
    heading = distinct[0]
    match = _SECTION.match(text.fold(heading))
    if match is not None and match[0][:1].isdigit() and number is None:
        match = None  # "1. …" is a section only where rows have numbers of their own
    rest = text.loose(match[1] if match else heading)
    rest = re.sub(r"\(.*?\)|[:\d]+", "", rest).strip(" ,.")
    kinds = [kind for word, kind in _KINDS if word in rest]
    if match is None:
        core = re.sub(r"^(?:danh sach|khen thuong|cac)\s+", "", rest)
        bare = next((kind for word, kind in _KINDS if core == word), None)
        return ("kind", bare) if bare else None
    if kinds:  # "Tập thể, cá nhân" sets no kind of its own
        return "kind", kinds[0] if len(kinds) == 1 else ""
    return "unit", text.clean(heading[len(heading) - len(match[1]) :])


_DECISION = re.compile(r"quyet dinh\s+so\s*:?\s*([0-9][\w/.\-]*)")
_SHORT_DATE = re.compile(r"^\s*ngay\s*(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4})")
_LONG_DATE = re.compile(r"^\s*ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_OF = re.compile(r"\bcua\s+(.+?)\s*(?:\bve viec\b.*)?[).;,]*\s*$")
_YEAR = re.compile(r"(?<!thang )(?<!thang \d )(?<!thang \d\d )\bnam\s+(\d{4})\b")
_GIVEN = re.compile(r"\b(?:duoc tang|de nghi tang|tang thuong|tang|cong nhan)\s+(.+)$")


def title_facts(table: Table, header: Header) -> dict[str, tuple[str, int]]:
    """What the title block above the header says of every row: the decision ("Quyết định số
    1520/QĐ-UBND ngày 15/6/2017 của Chủ tịch UBND tỉnh"), the year ("… NĂM 2023"), and the form
    ("… ĐƯỢC TẶNG GIẤY KHEN"), each with the row it is read from. The form is a candidate, for
    the catalogue to accept or not."""
    facts: dict[str, tuple[str, int]] = {}
    for number, cells in table.rows[: header.first]:
        for line in _texts(cells):
            _read_line(text.clean(line), number, facts)
    return facts


def _read_line(line: str, number: int, facts: dict[str, tuple[str, int]]) -> None:
    folded = text.fold(line)
    same = len(folded) == len(line)  # then a span of the folded line is the line's own
    found = _DECISION.search(folded)
    if found is not None and "decision" not in facts:
        start, end = found.span(1)
        facts["decision"] = ((line if same else folded)[start:end].rstrip(".,;"), number)
        after = folded[end:]
        date = _SHORT_DATE.match(after) or _LONG_DATE.match(after)
        if date is not None:
            value = date[1] if date.re is _SHORT_DATE else "/".join(date.groups())
            facts["decided_on"] = (re.sub(r"\s+", "", value), number)
        issuer = _OF.search(after)
        if issuer is not None:
            begin = end + issuer.start(1)
            facts["issuer"] = ((line if same else folded)[begin : end + issuer.end(1)], number)
    year = _YEAR.search(folded)
    if year is not None and "year" not in facts:
        facts["year"] = (year[1], number)
    given = _GIVEN.search(folded)
    if given is not None and "form" not in facts and found is None:
        start = given.start(1)
        candidate = (line if same else folded)[start:]
        candidate = re.sub(r"(?i)\s+(?:năm|nam)\s+\d{4}.*$", "", candidate)
        candidate = re.sub(r"(?i)^(?:danh hiệu|danh hieu)\s+", "", candidate)
        facts["form"] = (candidate.strip(' .:;"“”'), number)
