"""The statistical forms of Circular 02/2023/TT-BNV, as the state lays them out: form 0601 (the
programs), form 0602 (awards of the state) and form 0603 (awards at ministry and province
level), the last two by recipient and by method.

The form counts what the catalogue says it counts (``domain.catalogue.statistic``). Its rows
are the state's, word for word; an award the form cannot place (an individual without a
category, any award without a method, a record of collectives and individuals together) is
not put in an invented row: it is left out, and ``Form.left_out`` names it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from awards.domain.catalogue import LAW_CATALOGUE, Catalogue, statistic
from awards.domain.records import Award, Entry, Issuer, Phase
from awards.grid import Cell, Form, Grid, Head

CIRCULAR = "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023"
RECEIVED = "Ngày 15 tháng 12 năm báo cáo"
FORM_0603_NUMBER = "0603.N/BNV-TĐKT"
FORM_0603_TITLE = ("SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, "
                   "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG")  # fmt: skip
FORM_0603_COLUMNS = (
    "Bằng khen",
    "Chiến sĩ thi đua cấp bộ, cấp tỉnh",
    "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
    "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực "
    "thuộc Trung ương",
)
HEADINGS = ("", "Mã số", "Đơn vị tính", "Tổng số")
FORM_0602_NUMBER = "0602.N/BNV-TĐKT"
FORM_0602_TITLE = "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC"
_EACH = " (Mỗi hình thức khen thưởng ghi riêng một cột)"
# Columns 2–9 of form 0602, by code: the words over each, and whether each form given has
# columns of its own under them.
_0602_GROUPS = {
    "2": (f"Các loại huân chương, huy chương{_EACH}", True),
    "3": ("Giải thưởng Hồ Chí Minh", False),
    "4": ("Giải thưởng Nhà nước", False),
    "5": (f"Danh hiệu vinh dự nhà nước{_EACH}", True),
    "6": ("Cờ thi đua của Chính phủ", False),
    "7": ("Bằng khen của Thủ tướng Chính phủ", False),
    "8": ("Danh hiệu “Chiến sĩ thi đua Toàn quốc”", False),
    "9": (f"Các hình thức khen thưởng khác{_EACH}", True),
}
_0602_EACH = {code: each for code, (_, each) in _0602_GROUPS.items()}
# The columns the form splits one way only; the others as their forms may be given.
_0602_KINDS = {"3": ("individual",), "4": ("individual",), "6": ("collective",),
               "7": ("collective", "individual"), "8": ("individual",)}  # fmt: skip
_KIND_HEADS = {"collective": "Tập thể", "individual": "Cá nhân"}
_0602_FIXED = tuple(Head(0, column, 4, 1, name) for column, name in enumerate(HEADINGS))
# The individuals' rows of forms 0602 and 0603, as the forms word them.
_PEOPLE = {"leader-national": "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
           "leader-department": "Lãnh đạo cấp vụ, sở, ngành và tương đương",
           "entrepreneur": "Doanh nhân",
           "leader-other": "Các cấp lãnh đạo khác từ phó phòng trở lên",
           "worker": "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến "
                     "đấu (công nhân, nông dân,...)"}  # fmt: skip
FORM_0601_NUMBER = "0601.N/BNV-TĐKT"
FORM_0601_TITLE = "SỐ PHONG TRÀO THI ĐUA"
FORM_0601_GROUP = "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua"
# The catalogue group that each column counts: Bằng khen, the emulation title Chiến sĩ thi
# đua of a ministry or province, its Cờ thi đua, Kỷ niệm chương. The form has no column for
# the other titles that level gives (Tập thể lao động xuất sắc), which count nowhere.
_COLUMN_GROUPS = ("merit", "title", "flag", "badge")


def form_0603(
    awards: Sequence[Award], issuers: Sequence[Issuer], year: int,
    catalogue: Catalogue = LAW_CATALOGUE
) -> Form:  # fmt: skip
    """Rows 01 (total), 02–10 by recipient, 11–17 by method, under their section rows, and
    the columns total, then the four forms."""
    column_of: dict[Award, int] = {}
    left_out: list[int] = []
    for award, entry in _counted(awards, issuers, year, catalogue, "0603"):
        if entry.group not in _COLUMN_GROUPS:
            continue
        if _unplaced(award):
            left_out.append(award.id)
        else:
            column_of[award] = _COLUMN_GROUPS.index(entry.group)
    row, section = _counter(column_of, len(_COLUMN_GROUPS))
    rows = [
        row("Tổng số", "01", "", lambda a: True),
        section("1. Chia theo đối tượng khen thưởng"),
        *_by_recipient(row, 2),
        section("2. Chia theo phương thức khen thưởng"),
        *_by_method(row, 11),
    ]
    columns = [*HEADINGS, *FORM_0603_COLUMNS]
    return _awards_form(FORM_0603_NUMBER, FORM_0603_TITLE, year, columns, rows, left_out,
                        sections=frozenset({1, 11}))  # fmt: skip


def form_0602(
    awards: Sequence[Award], issuers: Sequence[Issuer], year: int,
    catalogue: Catalogue = LAW_CATALOGUE, proposer: str | None = None
) -> Form:  # fmt: skip
    """Form 0602, the awards of the state (the President's, the Government's and the Prime
    Minister's): rows 01 (total), 02–03 by who proposed them (``proposer``, "ministry" or
    "province": the unit that files the form proposed every award it counts; None leaves the
    two rows empty), 06–14 by recipient, 15–21 by method; columns 2–9 of the form, those
    marked "each form in its own column" with a column for each form given that year, split
    into Tập thể and Cá nhân as the form may be given. A household counts as Tập thể, the
    form's columns having no other place for it."""
    placed: dict[Award, tuple[str, str, str]] = {}  # award: (column group, form, kind)
    left_out: list[int] = []
    for award, entry in _counted(awards, issuers, year, catalogue, "0602"):
        code = _0602_group(entry)
        kind = "collective" if award.kind == "household" else award.kind
        if _unplaced(award) or kind not in _0602_kinds(code, entry):
            left_out.append(award.id)
        else:
            placed[award] = (code, award.form if _0602_EACH[code] else "", kind)
    forms: dict[str, dict[str, tuple[str, ...]]] = {code: {} for code in _0602_EACH}
    for code, form, _ in sorted(placed.values(), key=lambda p: catalogue.rank(p[1])):
        if form not in forms[code]:
            forms[code][form] = _0602_kinds(code, catalogue.entry(form))
    keys: list[tuple[str, str, str]] = []
    columns, heading = [*HEADINGS], list(_0602_FIXED)
    codes: list[str | None] = ["A", "B", "C", "1"]
    for code, (title, each) in _0602_GROUPS.items():
        first = len(columns)
        given = forms[code] or {"": _0602_kinds(code, None)}
        for form, kinds in given.items():
            if form:
                heading.append(Head(2, len(columns), 1, len(kinds), form))
            for kind in kinds:
                heading.append(Head(3, len(columns), 1, 1, _KIND_HEADS[kind]))
                columns.append(f"{form or title.split(' (')[0]} ({_KIND_HEADS[kind]})")
                keys.append((code, form, kind))
        span = len(columns) - first
        heading.append(Head(1, first, 1 if each and forms[code] else 2, span, title))
        codes += [code, *([None] * (span - 1))]
    heading.append(Head(0, len(HEADINGS), 1, len(columns) - len(HEADINGS), "Chia ra"))
    column_of = {award: keys.index(key) for award, key in placed.items()}
    row, section = _counter(column_of, len(keys))
    total = row("Tổng số", "01", "", lambda a: True)

    def proposed(label: str, code: str, unit: str, by: str) -> list[Cell]:
        if proposer is None:
            return [label, code, unit, *([""] * (len(keys) + 1))]
        return [label, code, unit, *(total[3:] if proposer == by else [0] * (len(keys) + 1))]

    rows = [
        total,
        section("1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng"),
        proposed("- Bộ, ban, ngành, đoàn thể Trung ương", "02", "Bộ, ngành", "ministry"),
        proposed("- Tỉnh, thành phố trực thuộc Trung ương", "03", "Tỉnh, TP", "province"),
        section("2. Chia theo đối tượng khen thưởng"),
        *_by_recipient(row, 6),
        section("3. Chia theo phương thức khen thưởng"),
        *_by_method(row, 15),
    ]
    return _awards_form(FORM_0602_NUMBER, FORM_0602_TITLE, year, columns, rows, left_out,
                        sections=frozenset({1, 4, 14}), codes=tuple(codes),
                        heading=tuple(heading))  # fmt: skip


def _awards_form(
    number: str, title: str, year: int, columns: list[str], rows: list[list[Cell]],
    left_out: list[int], **layout: Any
) -> Form:  # fmt: skip
    """A form of awards (0602, 0603) from its columns and rows: the counts right-aligned, the
    code kept whole; a narrow terminal leaves out the unit first, then the counts from the
    last (the label, the code and the total stay); the awards left out noted under it."""
    grid = Grid(columns, rows, frozenset(range(3, len(columns))), frozenset({1}),
                title=f"Biểu số: {number} — {title} — Năm {year}",
                drop=(2, *range(len(columns) - 1, 3, -1)), chosen=False)  # fmt: skip
    if left_out:
        grid.caption = left_out_note(left_out)
    return Form(grid, year, number=number, title=title, left_out=sorted(left_out), **layout)


def _counted(
    awards: Sequence[Award], issuers: Sequence[Issuer], year: int, catalogue: Catalogue,
    number: str
) -> Iterator[tuple[Award, Entry]]:  # fmt: skip
    """The awards of ``year`` that the catalogue puts on form ``number``, with their entries."""
    levels = {issuer.name: issuer.level for issuer in issuers}
    for award in awards:
        if award.year != year or award.revoked:
            continue
        entry = catalogue.entry(award.form)
        if entry is not None and statistic(entry, levels.get(award.issuer)) == number:
            yield award, entry


def _unplaced(award: Award) -> bool:
    """An award no row can hold: without a method, of collectives and individuals together,
    or an individual's without a category."""
    return (
        award.method is None
        or award.kind == "mixed"
        or (award.kind == "individual" and award.category is None)
    )


Row = Callable[[str, str, str, Callable[[Award], bool]], list[Cell]]


def _counter(column_of: dict[Award, int], width: int) -> tuple[Row, Callable[[str], list[Cell]]]:
    """A form's row makers: a counted row (its label, code and unit, then the total and the
    count of each column of the awards it holds) and a section row (a label and blanks)."""

    def row(label: str, code: str, unit: str, test: Callable[[Award], bool]) -> list[Cell]:
        counts = [0] * width
        for award, column in column_of.items():
            if test(award):
                counts[column] += award.count
        return [label, code, unit, sum(counts), *counts]

    def section(label: str) -> list[Cell]:
        return [label, "", "", "", *([""] * width)]

    return row, section


def _by_recipient(row: Row, first: int) -> list[list[Cell]]:
    """The nine rows by recipient of forms 0602 and 0603, coded from ``first``."""
    from awards.domain.vocab import CATEGORIES

    def category(name: str) -> Callable[[Award], bool]:
        return lambda a: a.category == name

    people = [c for c, (kind, _, _) in CATEGORIES.items() if kind == "individual"]
    return [
        row("- Tập thể", f"{first:02d}", "Tập thể", lambda a: a.kind == "collective"),
        row("Trong đó: Doanh nghiệp", f"{first + 1:02d}", "Doanh nghiệp", category("enterprise")),
        row("- Hộ gia đình", f"{first + 2:02d}", "Hộ", lambda a: a.kind == "household"),
        row("- Cá nhân", f"{first + 3:02d}", "Người", lambda a: a.kind == "individual"),
        *[row(f"+ {_PEOPLE[c]}", f"{first + 4 + i:02d}", "Người", category(c))
          for i, c in enumerate(people)],
    ]  # fmt: skip


def _by_method(row: Row, first: int) -> list[list[Cell]]:
    """The seven rows by method of forms 0602 and 0603, coded from ``first``."""
    from awards.domain.vocab import METHODS

    def method(name: str) -> Callable[[Award], bool]:
        return lambda a: a.method == name

    return [row(f"- {name}", f"{first + i:02d}", "", method(code))
            for i, (code, name) in enumerate(METHODS.items())]  # fmt: skip


def _0602_group(entry: Entry) -> str:
    """The column of form 0602 (its code, 2–9) that counts an entry."""
    if entry.group in ("order", "medal"):
        return "2"
    if entry.group == "prize":
        return "3" if entry.name == "Giải thưởng Hồ Chí Minh" else "4"
    return {"honour": "5", "flag": "6", "merit": "7", "title": "8"}.get(entry.group, "9")


def _0602_kinds(code: str, entry: Entry | None) -> tuple[str, ...]:
    """What the form's column ``code`` splits into: its own, else the entry's kinds."""
    if code in _0602_KINDS:
        return _0602_KINDS[code]
    kinds = entry.kinds if entry is not None else ("collective", "individual")
    return tuple(k for k in ("collective", "individual") if k in kinds) or ("individual",)


def left_out_note(ids: Sequence[int]) -> str:
    """What the form says of the awards it leaves out, in the form's own language."""
    shown = ", ".join(map(str, sorted(ids)[:20])) + (", …" if len(ids) > 20 else "")
    return (f"Không tính {len(ids)} khen thưởng chưa phân loại đối tượng hoặc phương thức "
            f"(số {shown}).")  # fmt: skip


def form_0601(phases: Sequence[Phase], year: int) -> Form:
    """Form 0601, the programs (movements) running in ``year``: row 01 the total, 02–05 by
    scope, 06–10 by duration, 11–12 by kind; the columns by the level that hosts them. A phase
    without its host, scope or kind is left out, and named."""
    from awards.domain.vocab import HOSTS, MOVEMENTS, SCOPES
    from awards.reports.review import phase_years

    running: list[Phase] = []
    left_out: list[Phase] = []
    for phase in phases:
        if phase.contains(year):
            complete = phase.host and phase.scope and phase.movement
            (running if complete else left_out).append(phase)
    hosts = list(HOSTS)

    def row(label: str, code: str, test: Callable[[Phase], bool]) -> list[Cell]:
        counts = [sum(1 for p in running if p.host == host and test(p)) for host in hosts]
        return [label, code, sum(counts), *counts]

    def section(label: str) -> list[Cell]:
        return [label, "", "", *([""] * len(hosts))]

    def years(low: int, high: int) -> Callable[[Phase], bool]:
        return lambda p: low <= phase_years(p, phases) < high

    def scope(name: str) -> Callable[[Phase], bool]:
        return lambda p: p.scope == name

    def movement(name: str) -> Callable[[Phase], bool]:
        return lambda p: p.movement == name

    rows = [
        row("Tổng số", "01", lambda p: True),
        section("1. Chia theo phạm vi tổ chức thi đua"),
        *[row(f"- {label}", f"{2 + i:02d}", scope(code))
          for i, (code, (label, _)) in enumerate(SCOPES.items())],
        section("2. Chia theo thời hạn thi đua"),
        row("- Dưới 1 năm", "06", years(0, 1)),
        row("- 1 năm", "07", years(1, 2)),
        row("- Từ 1 năm đến dưới 3 năm", "08", years(2, 3)),
        row("- Từ 3 năm đến dưới 5 năm", "09", years(3, 5)),
        row("- Từ 5 năm trở lên", "10", years(5, 1000)),
        section("3. Chia theo phương thức tổ chức phong trào thi đua"),
        *[row(f"- {label}", f"{11 + i:02d}", movement(code))
          for i, (code, (label, _)) in enumerate(MOVEMENTS.items())],
    ]  # fmt: skip
    columns = ["", "Mã số", "Tổng số", *(label for label, _ in HOSTS.values())]
    grid = Grid(columns, rows, frozenset(range(2, len(columns))), frozenset({1}),
                title=f"Biểu số: {FORM_0601_NUMBER} — {FORM_0601_TITLE} — Năm {year}",
                drop=tuple(range(len(columns) - 1, 2, -1)), chosen=False)  # fmt: skip
    if left_out:
        codes = ", ".join(p.code for p in left_out)
        grid.caption = (f"Không tính {len(left_out)} giai đoạn chưa có cấp chủ trì, phạm vi hoặc "
                        f"phương thức tổ chức ({codes}).")  # fmt: skip
    return Form(grid, year, number=FORM_0601_NUMBER, title=FORM_0601_TITLE,
                sections=frozenset({1, 6, 12}), left_out=[p.code for p in left_out], fixed=3,
                group=FORM_0601_GROUP, codes=("A", "B", "1=(2+3+4)", "2", "3", "4"),
                unit_note="Đơn vị tính: Phong trào")  # fmt: skip
