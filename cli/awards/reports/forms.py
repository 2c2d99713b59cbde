"""The statistical forms of Circular 02/2023/TT-BNV, as ``Grid`` objects the renderers lay
out: form 0603 (Biểu số 0603.N/BNV-TĐKT), awards at ministry and province level by recipient and
by method.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from awards.domain.catalogue import LAW_CATALOGUE, Catalogue, statistic
from awards.domain.records import Award, Issuer
from awards.grid import Cell, Grid

FORM_0603_TITLE = "Biểu số 0603.N/BNV-TĐKT"
FORM_0603_SUBJECT = "Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh"
FORM_0603_COLUMNS = ("Bằng khen", "Chiến sĩ thi đua cấp bộ, tỉnh", "Cờ thi đua của bộ, tỉnh",
                     "Kỷ niệm chương")  # fmt: skip
# The catalogue group that each column counts: Bằng khen, the emulation title Chiến sĩ thi
# đua of a ministry or province, its Cờ thi đua, Kỷ niệm chương. The form has no column for
# the other titles that level gives (Tập thể lao động xuất sắc), which count nowhere.
_COLUMN_GROUPS = ("merit", "title", "flag", "badge")
NOT_CLASSIFIED = "Chưa phân loại"


def form_0603(
    awards: Sequence[Award], issuers: Sequence[Issuer], year: int,
    catalogue: Catalogue = LAW_CATALOGUE
) -> Grid:  # fmt: skip
    """The form's rows (01 total; 02–10 by recipient; 11–17 by method) × its columns (total,
    then the four forms): the awards the catalogue counts on form 0603. Records without a
    category or method are counted in the total and in a "not classified" row, so that every
    block adds up to row 01."""
    from awards.domain.vocab import CATEGORIES, METHODS

    levels = {issuer.name: issuer.level for issuer in issuers}
    column_of: dict[Award, int] = {}
    for award in awards:
        entry = catalogue.entry(award.form)
        if (award.year == year and not award.revoked and entry is not None
                and entry.group in _COLUMN_GROUPS
                and statistic(entry, levels.get(award.issuer)) == "0603"):  # fmt: skip
            column_of[award] = _COLUMN_GROUPS.index(entry.group)
    chosen = list(column_of)

    def row(code: str, label: str, test: Callable[[Award], bool]) -> list[Cell]:
        counts = [0] * len(_COLUMN_GROUPS)
        for award in chosen:
            if test(award):
                counts[column_of[award]] += award.count
        return [code, label, sum(counts), *counts]

    def category(name: str) -> Callable[[Award], bool]:
        return lambda a: a.category == name

    def method(name: str) -> Callable[[Award], bool]:
        return lambda a: a.method == name

    individual_groups = [c for c, (kind, _, _) in CATEGORIES.items() if kind == "individual"]
    rows = [
        row("01", "Tổng số", lambda a: True),
        row("02", "Tập thể", lambda a: a.kind == "collective"),
        row("03", "  Trong đó: Doanh nghiệp", category("enterprise")),
        row("04", "Hộ gia đình", lambda a: a.kind == "household"),
        row("05", "Cá nhân", lambda a: a.kind == "individual"),
        *[row(f"{6 + i:02d}", f"  {CATEGORIES[c][1]}", category(c))
          for i, c in enumerate(individual_groups)],
        row("", f"  {NOT_CLASSIFIED} (cá nhân)",
            lambda a: a.kind == "individual" and a.category is None),
        row("", f"{NOT_CLASSIFIED} (tập thể, cá nhân chung một bản ghi)",
            lambda a: a.kind == "mixed"),
        *[row(f"{11 + i:02d}", name, method(code))
          for i, (code, name) in enumerate(METHODS.items())],
        row("", f"{NOT_CLASSIFIED} (phương thức)", lambda a: a.method is None),
    ]  # fmt: skip
    columns = ["Mã số", "Chỉ tiêu", "Tổng số", *FORM_0603_COLUMNS]
    title = f"{FORM_0603_TITLE} — {FORM_0603_SUBJECT}, năm {year}"
    return Grid(columns, rows, frozenset({2, 3, 4, 5, 6}), frozenset({0}), title=title)
