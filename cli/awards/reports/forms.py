"""The statistical forms of Circular 02/2023/TT-BNV, as the state lays them out: form 0603
(Biểu số 0603.N/BNV-TĐKT), awards at ministry and province level, by recipient and by method.

The form counts what the catalogue says it counts (``domain.catalogue.statistic``). Its rows
are the state's, word for word; an award the form cannot place (an individual without a
category, any award without a method, a record of collectives and individuals together) is
not put in an invented row: it is left out, and ``Form.left_out`` names it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from awards.domain.catalogue import LAW_CATALOGUE, Catalogue, statistic
from awards.domain.records import Award, Issuer, Phase
from awards.grid import Cell, Form, Grid

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
    from awards.domain.vocab import CATEGORIES, METHODS

    levels = {issuer.name: issuer.level for issuer in issuers}
    column_of: dict[Award, int] = {}
    left_out: list[int] = []
    for award in awards:
        entry = catalogue.entry(award.form)
        if (award.year != year or award.revoked or entry is None
                or entry.group not in _COLUMN_GROUPS
                or statistic(entry, levels.get(award.issuer)) != "0603"):  # fmt: skip
            continue
        if (
            award.method is None
            or award.kind == "mixed"
            or (award.kind == "individual" and award.category is None)
        ):
            left_out.append(award.id)
            continue
        column_of[award] = _COLUMN_GROUPS.index(entry.group)

    def row(label: str, code: str, unit: str, test: Callable[[Award], bool]) -> list[Cell]:
        counts = [0] * len(_COLUMN_GROUPS)
        for award, column in column_of.items():
            if test(award):
                counts[column] += award.count
        return [label, code, unit, sum(counts), *counts]

    def section(label: str) -> list[Cell]:
        return [label, "", "", "", *([""] * len(_COLUMN_GROUPS))]

    def category(name: str) -> Callable[[Award], bool]:
        return lambda a: a.category == name

    def method(name: str) -> Callable[[Award], bool]:
        return lambda a: a.method == name

    people = [c for c, (kind, _, _) in CATEGORIES.items() if kind == "individual"]
    labels = {"leader-national": "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
              "leader-department": "Lãnh đạo cấp vụ, sở, ngành và tương đương",
              "entrepreneur": "Doanh nhân",
              "leader-other": "Các cấp lãnh đạo khác từ phó phòng trở lên",
              "worker": "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến "
                        "đấu (công nhân, nông dân,...)"}  # fmt: skip
    rows = [
        row("Tổng số", "01", "", lambda a: True),
        section("1. Chia theo đối tượng khen thưởng"),
        row("- Tập thể", "02", "Tập thể", lambda a: a.kind == "collective"),
        row("Trong đó: Doanh nghiệp", "03", "Doanh nghiệp", category("enterprise")),
        row("- Hộ gia đình", "04", "Hộ", lambda a: a.kind == "household"),
        row("- Cá nhân", "05", "Người", lambda a: a.kind == "individual"),
        *[row(f"+ {labels[c]}", f"{6 + i:02d}", "Người", category(c))
          for i, c in enumerate(people)],
        section("2. Chia theo phương thức khen thưởng"),
        *[row(f"- {name}", f"{11 + i:02d}", "", method(code))
          for i, (code, name) in enumerate(METHODS.items())],
    ]  # fmt: skip
    columns = [*HEADINGS, *FORM_0603_COLUMNS]
    grid = Grid(columns, rows, frozenset(range(3, len(columns))), frozenset({1}),
                title=f"Biểu số: {FORM_0603_NUMBER} — {FORM_0603_TITLE} — Năm {year}")  # fmt: skip
    if left_out:
        grid.caption = left_out_note(left_out)
    return Form(grid, year, number=FORM_0603_NUMBER, title=FORM_0603_TITLE,
                sections=frozenset({1, 11}), left_out=sorted(left_out))  # fmt: skip


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
                title=f"Biểu số: {FORM_0601_NUMBER} — {FORM_0601_TITLE} — Năm {year}")  # fmt: skip
    if left_out:
        codes = ", ".join(p.code for p in left_out)
        grid.caption = (f"Không tính {len(left_out)} giai đoạn chưa có cấp chủ trì, phạm vi hoặc "
                        f"phương thức tổ chức ({codes}).")  # fmt: skip
    return Form(grid, year, number=FORM_0601_NUMBER, title=FORM_0601_TITLE,
                sections=frozenset({1, 6, 12}), left_out=[p.code for p in left_out], fixed=3,
                group=FORM_0601_GROUP, codes=("A", "B", "1=(2+3+4)", "2", "3", "4"),
                unit_note="Đơn vị tính: Phong trào")  # fmt: skip
