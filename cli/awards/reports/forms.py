"""The statistical forms of Circular 02/2023/TT-BNV, as ``Grid`` objects the renderers lay
out: form 0603 (Biểu số 0603.N/BNV-TĐKT), awards at ministry and province level by recipient and
by method.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from awards.domain.records import Award, Issuer
from awards.grid import Cell, Grid

FORM_0603_TITLE = "Biểu số 0603.N/BNV-TĐKT"
FORM_0603_SUBJECT = "Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh"
FORM_0603_FORMS = ("Bằng khen", "Chiến sĩ thi đua", "Cờ thi đua", "Kỷ niệm chương")
FORM_0603_COLUMNS = ("Bằng khen", "Chiến sĩ thi đua cấp bộ, tỉnh", "Cờ thi đua của bộ, tỉnh",
                     "Kỷ niệm chương")  # fmt: skip
_HIGH_LEVELS = frozenset({"government", "ministry", "province", "organisation"})
NOT_CLASSIFIED = "Chưa phân loại"


def form_0603(awards: Sequence[Award], issuers: Sequence[Issuer], year: int) -> Grid:
    """The form's rows (01 total; 02–10 by recipient; 11–17 by method) × its columns (total,
    then the four forms). Records without a category or method are counted in the total and
    in a "not classified" row, so that every block adds up to row 01."""
    from awards.domain.vocab import CATEGORIES, METHODS

    levels = {issuer.name: issuer.level for issuer in issuers}
    chosen = [
        a for a in awards
        if a.year == year and not a.revoked and a.form in FORM_0603_FORMS
        and (a.form != "Chiến sĩ thi đua" or levels.get(a.issuer) in _HIGH_LEVELS)
    ]  # fmt: skip

    def row(code: str, label: str, test: Callable[[Award], bool]) -> list[Cell]:
        counts = [sum(a.count for a in chosen if a.form == form and test(a))
                  for form in FORM_0603_FORMS]  # fmt: skip
        return [code, label, sum(counts), *counts]

    def category(name: str) -> Callable[[Award], bool]:
        return lambda a: a.category == name

    def method(name: str) -> Callable[[Award], bool]:
        return lambda a: a.method == name

    individual_groups = [c for c, (kind, _, _) in CATEGORIES.items() if kind == "individual"]
    rows = [
        row("01", "Tổng số", lambda a: True),
        row("02", "Tập thể", lambda a: a.kind == "collective" and a.category != "household"),
        row("03", "  Trong đó: Doanh nghiệp", category("enterprise")),
        row("04", "Hộ gia đình", category("household")),
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
