"""The vocabulary of the register: each field, form, kind, level, method and category, with
the words a user may type for it and the heading it is shown under. Declared once; lists,
headings and help are derived from here."""

from __future__ import annotations

from awards.i18n import N_

FIRST_YEAR = 1945

FORMS = (
    "Huân chương",
    "Huy chương",
    "Kỷ niệm chương",
    "Cờ thi đua",
    "Bằng khen",
    "Giấy khen",
    "Chiến sĩ thi đua",
    "Lao động tiên tiến",
    "Tập thể lao động xuất sắc",
    "Tập thể lao động tiên tiến",
)

KINDS = ("collective", "individual", "mixed")
_KIND_WORDS = {
    "collective": "collective",
    "tap the": "collective",
    "individual": "individual",
    "ca nhan": "individual",
    "mixed": "mixed",
    "tap the, ca nhan": "mixed",
    "tap the ca nhan": "mixed",
}

AWARD_FIELDS = (
    "id",
    "recipient",
    "kind",
    "count",
    "form",
    "issuer",
    "year",
    "phase",
    "decision",
    "decided_on",
    "unit",
    "note",
    "method",
    "category",
    "revoked_decision",
    "revoked_on",
    "revoked_reason",
)
REVOCATION_FIELDS = ("revoked_decision", "revoked_on", "revoked_reason")
# How tables head each field, through _() (JSON, CSV and TSV keep the field names).
HEADINGS = {
    "id": N_("Id"),
    "recipient": N_("Recipient"),
    "kind": N_("Kind"),
    "count": N_("Count"),
    "form": N_("Form"),
    "issuer": N_("Issuer"),
    "year": N_("Year"),
    "phase": N_("Phase"),
    "decision": N_("Decision"),
    "decided_on": N_("Decided on"),
    "unit": N_("Unit"),
    "note": N_("Note"),
    "method": N_("Method"),
    "category": N_("Category"),
    "revoked_decision": N_("Revoked decision"),
    "revoked_on": N_("Revoked on"),
    "revoked_reason": N_("Revoked reason"),
}

# Phương thức khen thưởng and the recipient groups of the statistical form 0603 (Thông tư
# 02/2023/TT-BNV), stored by these English names.
METHODS = {
    "regular": "Thường xuyên",
    "thematic": "Chuyên đề",
    "sudden": "Đột xuất",
    "foreign": "Đối ngoại",
    "dedication": "Cống hiến",
    "seniority": "Niên hạn",
    "resistance": "Kháng chiến",
}
# category: (the kind it belongs to, its name on the form, other words typed for it)
CATEGORIES = {
    "enterprise": ("collective", "Doanh nghiệp", ()),
    "household": ("collective", "Hộ gia đình", ("hộ",)),
    "leader-national": ("individual", "Lãnh đạo cấp bộ, cấp tỉnh trở lên", ("lãnh đạo cấp bộ",
                                                                        "lãnh đạo cấp tỉnh")),
    "leader-department": ("individual", "Lãnh đạo cấp vụ, sở, ngành", ("lãnh đạo cấp sở",
                                                                   "lãnh đạo cấp vụ")),
    "entrepreneur": ("individual", "Doanh nhân", ()),
    "leader-other": ("individual", "Các cấp lãnh đạo khác từ phó phòng trở lên",
                     ("lãnh đạo khác",)),
    "worker": ("individual", "Người trực tiếp lao động (công nhân, nông dân, …)",
               ("người trực tiếp lao động", "công nhân", "nông dân", "người lao động")),
}  # fmt: skip

# Who may give what depends on the level of the issuer (Luật Thi đua, khen thưởng 2022,
# Điều 77–80); "organisation" is a political or social organisation (the Labour Federation,
# the Youth Union), which commends under its own statutes.
LEVELS = (
    "state",
    "government",
    "ministry",
    "province",
    "department",
    "district",
    "commune",
    "unit",
    "organisation",
)
_LEVEL_WORDS = {
    "nha nuoc": "state",
    "chu tich nuoc": "state",
    "chinh phu": "government",
    "thu tuong": "government",
    "bo": "ministry",
    "bo, nganh": "ministry",
    "tinh": "province",
    "so": "department",
    "so, nganh": "department",
    "huyen": "district",
    "xa": "commune",
    "don vi": "unit",
    "co so": "unit",
    "doan the": "organisation",
    "to chuc": "organisation",
}
PHASE_FIELDS = ("code", "program", "start", "end", "signed_on", "signers", "parties", "note")
ISSUER_FIELDS = ("name", "level", "aliases")
