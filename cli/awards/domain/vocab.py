"""The vocabulary of the register: each field, form, kind, level, method and category, with
the words a user may type for it and the heading it is shown under. Declared once; lists,
headings and help are derived from here."""

from __future__ import annotations

from typing import Any, NamedTuple

from awards import i18n
from awards.i18n import N_, _

FIRST_YEAR = 1945

# What may be typed for a kind; "Khen thưởng cá nhân" as the catalogue sheets of real systems
# say it. "mixed": one record standing for collectives and individuals together.
KIND_WORDS = {"collective": "collective", "tap the": "collective", "individual": "individual",
              "ca nhan": "individual", "household": "household", "ho gia dinh": "household",
              "ho": "household", "khen thuong ca nhan": "individual",
              "khen thuong tap the": "collective", "khen thuong ho gia dinh": "household",
              "mixed": "mixed", "tap the, ca nhan": "mixed",
              "tap the ca nhan": "mixed"}  # fmt: skip


class Field(NamedTuple):  # a named tuple: read at start-up, where a dataclass costs 1.5 ms
    """A field of the register, declared once: every list, heading, header spelling and tally
    dimension below is derived from these."""

    name: str  # the stored name, the JSON key and the CSV header
    heading: str  # how a table heads it, through _()
    headers: tuple[str, ...] = ()  # how office files head its column, besides its name
    said: tuple[str, ...] = ()  # what a user may call it in --by (tally by it when given)
    tally_rank: int | None = None  # its place among the tally dimensions; None: not one
    listed: bool = False  # a column of `list` as a table (show and the other formats have all)
    numeric: bool = False  # right-aligned
    code: bool = False  # a short code that a narrow table must not fold


AWARD = (
    Field("id", N_("Id"), listed=True, numeric=True),
    Field("recipient", N_("Recipient"), ("Họ và tên", "Họ tên", "Tên tập thể, cá nhân",
          "Đối tượng", "Tên tập thể/cá nhân", "Tập thể, cá nhân được khen",
          "Tên tập thể/cá nhân/hộ gia đình", "Tên tập thể", "Tên đơn vị/tập thể công tác"),
          listed=True),
    Field("kind", N_("Kind"), ("Loại", "Tập thể/Cá nhân", "Tập thể hay cá nhân",
          "Phân loại khen thưởng"), ("loại", "đối tượng"), 6, listed=True, code=True),
    Field("count", N_("Count"), ("Số lượng",), listed=True, numeric=True),
    Field("form", N_("Form"), ("Hình thức", "Hình thức khen thưởng", "Danh hiệu",
          "Danh hiệu thi đua/Hình thức khen thưởng", "Danh hiệu thi đua", "Hình thức, danh hiệu"),
          ("hình thức",), 3, listed=True),
    Field("issuer", N_("Issuer"), ("Cấp khen", "Người ký", "Cơ quan khen thưởng",
          "Cấp khen thưởng"), ("cấp khen", "cơ quan"), 4, listed=True),
    Field("year", N_("Year"), ("Năm", "Năm khen thưởng"), ("năm",), 1, listed=True,
          numeric=True),
    Field("phase", N_("Phase"), ("Giai đoạn",), ("giai đoạn",), 2, listed=True, code=True),
    Field("decision", N_("Decision"), ("Số quyết định", "Số QĐ"), listed=True, code=True),
    Field("decided_on", N_("Decided on"), ("decided on", "Ngày quyết định", "Ngày QĐ",
          "Ngày ký")),
    Field("honorific", N_("Honorific"), ("Tên gọi", "Tên gọi (Ông/Bà/Chức danh)", "Danh xưng",
          "Ông/Bà", "Cấp bậc", "Cấp bậc, chức danh")),
    Field("position", N_("Position"), ("Chức vụ", "Chức vụ, đơn vị", "Chức danh",
          "Chức vụ, đơn vị công tác")),
    Field("unit", N_("Unit"), ("Đơn vị", "Đơn vị công tác"), ("đơn vị",), 7, listed=True),
    Field("note", N_("Note"), ("Ghi chú",)),
    Field("method", N_("Method"), ("Phương thức", "Phương thức khen thưởng"), ("phương thức",),
          8),
    Field("category", N_("Category"), ("Phân loại", "Nhóm đối tượng", "Thành phần",
          "Phân loại đối tượng", "Phân loại cán bộ"), ("phân loại",), 9),
    Field("sector", N_("Sector"), ("Lĩnh vực", "Lĩnh vực hoạt động"), ("lĩnh vực",), 10),
    Field("revoked_decision", N_("Revoked decision"), ("Số QĐ thu hồi", "Quyết định thu hồi")),
    Field("revoked_on", N_("Revoked on"), ("Ngày thu hồi",)),
    Field("revoked_reason", N_("Revoked reason"), ("Lý do thu hồi",)),
)  # fmt: skip
# An issuer's level, tallied through the awards the issuer gave.
LEVEL = Field("level", N_("Level"), ("Cấp",), ("cấp",), 5)
PHASE = (
    Field("code", N_("Code"), ("Mã", "Mã giai đoạn", "Giai đoạn")),
    Field("program", N_("Program"), ("Chương trình", "Tên chương trình")),
    Field("start", N_("Start"), ("Từ năm", "Năm bắt đầu")),
    Field("end", N_("End"), ("Đến năm", "Năm kết thúc")),
    Field("signed_on", N_("Signed on"), ("signed on", "Ngày ký")),
    Field("signers", N_("Signers"), ("Người ký",)),
    Field("parties", N_("Parties"), ("Các bên", "Cơ quan phối hợp")),
    Field("note", N_("Note"), ("Ghi chú",)),
    Field("host", N_("Host"), ("Cấp chủ trì", "Cấp chủ trì phát động")),
    Field("scope", N_("Scope"), ("Phạm vi", "Phạm vi tổ chức thi đua")),
    Field("movement", N_("Movement"), ("Phương thức tổ chức", "Loại phong trào")),
    Field("years", N_("Length"), ("Số năm", "Thời gian thực hiện")),
)
ISSUER = (
    Field("name", N_("Issuer"), ("Tên cơ quan", "Cơ quan")),
    LEVEL,
    Field("aliases", N_("Aliases"), ("Tên khác", "Tên gọi khác")),
)

# A register's own catalogue entry, as export writes it and import reads it.
CATALOGUE = (
    Field("name", N_("Title or form"), ("Danh hiệu, hình thức", "Tên danh hiệu, hình thức")),
    Field("group", N_("Group"), ("Nhóm",)),
    Field("kinds", N_("Receives"), ("Đối tượng nhận",)),
    Field("levels", N_("Levels"), ("Cấp tặng",)),
    Field("classes", N_("Classes"), ("Hạng",)),
    Field("aliases", N_("Aliases"), ("Tên khác",)),
)

# The register's office settings, as `office show` heads them.
OFFICE = (
    Field("unit", N_("Unit")),
    Field("parent", N_("Body above the unit")),
    Field("partner", N_("Partner")),
    Field("partner_parent", N_("Body above the partner")),
    Field("place", N_("Place")),
    Field("signers", N_("Signers")),
    Field("reporting_unit", N_("Reporting unit")),
    Field("receiving_unit", N_("Receiving unit")),
)

AWARD_FIELDS = tuple(field.name for field in AWARD)
CATALOGUE_FIELDS = tuple(field.name for field in CATALOGUE)
PHASE_FIELDS = tuple(field.name for field in PHASE)
ISSUER_FIELDS = tuple(field.name for field in ISSUER)
REVOCATION_FIELDS = ("revoked_decision", "revoked_on", "revoked_reason")
HEADINGS = {field.name: field.heading for field in (*AWARD, LEVEL)}
LIST_FIELDS = tuple(field for field in AWARD if field.listed)
# What a list leaves out, first to last, when the terminal is too narrow for all its columns.
DROPPED_FIRST = ("unit", "decision", "phase", "count", "kind", "id")
# The tally dimensions in the order help and messages name them.
DIMENSIONS = tuple(
    field.name
    for field in sorted((*AWARD, LEVEL), key=lambda f: f.tally_rank or 0)
    if field.tally_rank is not None
)
DEFAULT_DIMENSIONS = ("phase", "form")


KIND_NAMES = {"collective": N_("collective"), "individual": N_("individual"),
              "household": N_("household"), "mixed": N_("mixed")}  # fmt: skip


_DATES = frozenset({"decided_on", "revoked_on", "signed_on", "at", "saved"})


def shown(name: str, value: Any) -> Any:
    """A stored value as a person reads it: a kind in the interface language, and in Vietnamese
    a method or category by its name on form 0603 and a date (or time) as 20/12/2017. Files and
    JSON keep the stored values."""
    if name == "kind" and value in KIND_NAMES:
        return _(value)
    if i18n.current != "vi" or not isinstance(value, str):
        return value
    if name in _DATES and value[4:5] == "-":
        return vn_date(value)
    if name == "method":
        return METHODS.get(value, value)
    return CATEGORIES[value][1] if name == "category" and value in CATEGORIES else value


SHOWN_OTHERWISE = frozenset({"kind", *_DATES, "method", "category"})  # what ``shown`` changes


def shown_all(name: str, values: list[Any]) -> list[Any]:
    """``shown`` of each value, worked out once for each different one; the values themselves
    where the field is never shown otherwise (a name, a number)."""
    if name not in SHOWN_OTHERWISE:
        return values
    table = {value: shown(name, value) for value in set(values)}
    return list(map(table.__getitem__, values))


def vn_date(value: str) -> str:
    """2017-12-20 (or 2017-12-20 08:30) as 20/12/2017 (08:30), as Vietnamese documents write it."""
    return "/".join(reversed(value[:10].split("-"))) + value[10:]


def spoken(names: tuple[str, ...], last: str = "or") -> str:
    """``a, b or c``: a list as help texts write it."""
    return f"{', '.join(names[:-1])} {last} {names[-1]}" if len(names) > 1 else "".join(names)


# Phương thức khen thưởng and the recipient groups of the statistical forms (Thông tư
# 02/2023/TT-BNV), stored by these English names; also typed as the labels of real systems.
METHODS = {"regular": "Thường xuyên", "thematic": "Chuyên đề", "sudden": "Đột xuất",
           "foreign": "Đối ngoại", "dedication": "Cống hiến", "seniority": "Niên hạn",
           "resistance": "Kháng chiến"}  # fmt: skip
METHOD_WORDS = {"Khen thưởng theo công trạng và thành tích đạt được": "regular",
                "Khen thưởng thường xuyên": "regular", "Công trạng": "regular",
                "Khen thưởng chuyên đề": "thematic", "Khen thưởng theo đợt hoặc chuyên đề":
                "thematic", "Theo đợt": "thematic", "Khen thưởng đột xuất": "sudden",
                "Khen thưởng đối ngoại": "foreign", "Khen thưởng quá trình cống hiến":
                "dedication", "Khen thưởng theo niên hạn": "seniority",
                "Khen thưởng thành tích kháng chiến": "resistance"}  # fmt: skip
# category: (the kind it belongs to, its name on the form, other words typed for it)
CATEGORIES = {
    "leader-national": ("individual", "Lãnh đạo cấp bộ, cấp tỉnh trở lên",
                        ("lãnh đạo cấp bộ", "lãnh đạo cấp tỉnh",
                         "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên")),
    "leader-department": ("individual", "Lãnh đạo cấp vụ, sở, ngành",
                          ("lãnh đạo cấp sở", "lãnh đạo cấp vụ",
                           "Lãnh đạo cấp vụ, sở, ngành và tương đương")),
    "entrepreneur": ("individual", "Doanh nhân", ()),
    "leader-other": ("individual", "Các cấp lãnh đạo khác từ phó phòng trở lên",
                     ("lãnh đạo khác", "Các cấp lãnh đạo từ phó phòng trở lên",
                      "Các cấp lãnh đạo khác")),
    "worker": ("individual", "Người trực tiếp lao động (công nhân, nông dân, …)",
               ("người trực tiếp lao động", "công nhân", "nông dân", "người lao động",
                "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu")),
    "party": ("collective", "Cơ quan Đảng và các tổ chức chính trị, xã hội",
              ("cơ quan Đảng", "tổ chức chính trị, xã hội", "đoàn thể")),
    "central": ("collective", "Cơ quan Trung ương đóng trên địa bàn",
                ("cơ quan trung ương",)),
    "administration": ("collective", "Cơ quan hành chính", ("hành chính",)),
    "public-service": ("collective", "Đơn vị sự nghiệp", ("sự nghiệp",)),
    "enterprise": ("collective", "Doanh nghiệp", ()),
    "cooperative": ("collective", "Hợp tác xã", ("HTX",)),
    "other": ("collective", "Đối tượng khác", ("khác",)),
    "household": ("household", "Hộ gia đình", ("hộ",)),
}  # fmt: skip

# What form 0601 counts a program (a phase) by (Thông tư 02/2023/TT-BNV): the level that hosts
# it, its scope and its kind, by code: (its words on the form, other words typed for it).
HOSTS = {"central": ("Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)",
                     ("trung ương", "cấp trung ương")),
         "ministry-province": ("Cấp bộ, ban ngành đoàn thể trung ương, tỉnh, thành phố trực "
                               "thuộc Trung ương", ("bộ", "tỉnh", "cấp bộ", "cấp tỉnh")),
         "unit": ("Cơ quan, tổ chức, đơn vị", ("đơn vị", "cơ quan"))}  # fmt: skip
SCOPES = {"national": ("Toàn quốc", ()),
          "ministry-province": ("Bộ, ban, ngành đoàn thể, địa phương",
                                ("bộ", "tỉnh", "địa phương")),
          "cluster": ("Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức",
                      ("cụm", "khối", "cụm, khối")),
          "unit": ("Cơ quan, tổ chức, đơn vị", ("đơn vị", "cơ quan"))}  # fmt: skip
MOVEMENTS = {"thematic": ("Thi đua theo chuyên đề", ("chuyên đề",)),
             "regular": ("Thi đua thường xuyên hàng năm",
                         ("thường xuyên", "hàng năm"))}  # fmt: skip

# Lĩnh vực hoạt động as a real provincial system lists them; another sector may be typed too.
SECTORS = ("An ninh - Quốc phòng", "Báo chí - Thông tin - Truyền thông", "Bảo hiểm xã hội",
           "Các cơ quan, tổ chức Đảng", "Các tổ chức Hội và Đoàn thể", "Công nghiệp - Thương mại",
           "Cơ quan lập pháp", "Giáo dục - Đào tạo", "Giao thông vận tải", "Kế hoạch - Đầu tư",
           "Kinh tế - Xã hội", "Khoa học - Công nghệ", "Lao động, Thương binh và Xã hội",
           "Nông nghiệp - Nông thôn", "Ngoại giao", "Quản lý Nhà nước", "Tài chính - Ngân hàng",
           "Tài nguyên - Môi trường", "Tôn giáo - Tín ngưỡng",
           "Tư pháp - Thanh tra - Tòa án - Kiểm sát", "Văn hóa - Thể thao - Du lịch", "Xây dựng",
           "Y tế")  # fmt: skip

# Who may give what depends on the level of the issuer (Luật Thi đua, khen thưởng 2022,
# Điều 77–80); "organisation" is a political or social organisation (the Labour Federation,
# the Youth Union), which commends under its own statutes.
LEVELS = ("state", "government", "ministry", "province", "department", "district", "commune",
          "unit", "organisation")  # fmt: skip
LEVEL_WORDS = {"nha nuoc": "state", "chu tich nuoc": "state", "chinh phu": "government",
               "thu tuong": "government", "bo": "ministry", "bo, nganh": "ministry",
               "tinh": "province", "so": "department", "so, nganh": "department",
               "huyen": "district", "xa": "commune", "don vi": "unit", "co so": "unit",
               "doan the": "organisation", "to chuc": "organisation"}  # fmt: skip
