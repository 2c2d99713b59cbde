"""Write data/sample.json, an illustrative record of the Police–Labour Federation program;
data/decision-1520.xlsx and .csv, the list attached to a decision, as an office would send it;
data/proposal-2024.xlsx, a department's list in a real provincial system's layout; and
data/list-2023.xlsx, a clerk's list with a title block, merged header, sections and signatures.

The phases and the 2014–2018 totals follow the published review: 24 collectives and individuals
received a Bằng khen from Bộ Công an or UBND tỉnh, and 60 a Giấy khen from Giám đốc Công an tỉnh
or Chủ tịch LĐLĐ tỉnh. Every recipient name, unit and decision number is invented. Awards whose
names the review does not give are kept as totals (kind mixed, with a count), as offices do.

Run from the project folder with awards installed:  python data/make_sample.py
(or give another path for sample.json; the decision files are written beside it).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from awards.domain.build import build_award, build_issuer, build_phase
from awards.store import Store

Given = dict[str, str | int]  # an award's values by field name, as build_award takes them
HERE = Path(__file__).resolve().parent
PROGRAM = "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong công nhân, viên chức, lao động"
PARTIES = ["Công an tỉnh", "Liên đoàn Lao động tỉnh"]
BCA, UBND = "Bộ Công an", "UBND tỉnh"
GD_CA, CT_LDLD = "Giám đốc Công an tỉnh", "Chủ tịch LĐLĐ tỉnh"
# What form 0601 counts the program by: launched by two provincial bodies for the province, as a
# movement of its own theme.
FORM_0601 = {"host": "unit", "scope": "ministry-province", "movement": "thematic"}

UNITS = [
    "Công ty TNHH May mặc Bình An",
    "Công ty CP Gạch men Sông Lam",
    "Công đoàn Khu công nghiệp Bắc Thành",
    "Công ty TNHH Giày da Phú Mỹ",
    "Công đoàn Viên chức tỉnh",
    "Công ty CP Cấp nước Thành Đông",
    "Công ty TNHH Chế biến Gỗ Tân Lộc",
    "Công đoàn ngành Giao thông – Xây dựng",
]
COLLECTIVES = [
    "Tổ bảo vệ Công ty TNHH May mặc Bình An",
    "Ban An ninh trật tự Khu công nghiệp Bắc Thành",
    "Công đoàn cơ sở Công ty CP Gạch men Sông Lam",
    "Tổ tự quản an ninh Xưởng 2, Công ty TNHH Giày da Phú Mỹ",
    "Đội bảo vệ Công ty CP Cấp nước Thành Đông",
    "Công đoàn cơ sở Công ty TNHH Chế biến Gỗ Tân Lộc",
    "Phòng An ninh kinh tế, Công an tỉnh",
    "Ban Tuyên giáo, LĐLĐ tỉnh",
    "Công đoàn Khu công nghiệp Bắc Thành",
    "Tổ công nhân tự quản Khu nhà trọ Hòa Lợi",
    "Tổ an ninh Nhà máy Nước Thành Đông",
    "Công đoàn ngành Giao thông – Xây dựng",
]
PEOPLE = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Hoàng Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Đức",
    "Võ Thị Giang",
    "Đặng Minh Hải",
    "Bùi Thị Hạnh",
    "Đỗ Quang Huy",
    "Ngô Thị Lan",
    "Dương Văn Long",
    "Lý Thị Mai",
    "Trịnh Công Nam",
    "Phan Thị Ngọc",
    "Vũ Đình Phúc",
    "Đinh Thị Quyên",
    "Huỳnh Văn Sơn",
    "Mai Thị Tâm",
    "Tạ Quốc Thắng",
    "Lương Thị Uyên",
    "Châu Văn Vinh",
    "Kiều Thị Xuân",
    "Âu Minh Yên",
    "Ông Văn Ánh",
]


def award(
    recipient: str, kind: str, form: str, issuer: str, year: int, **extra: str | int
) -> Given:
    return {"recipient": recipient, "kind": kind, "form": form, "issuer": issuer, "year": year,
            **extra}  # fmt: skip


# The 2014–2018 review's decisions: (names, kind, form, issuer, decision, date, with unit).
# Each name's unit is the unit at its own index in UNITS, wrapping round.
REVIEW_2014_2018 = [
    (COLLECTIVES, range(0, 4), "tập thể", "Bằng khen", BCA, "2510/QĐ-BCA", "12/10/2018", True),
    (PEOPLE, range(0, 6), "cá nhân", "Bằng khen", BCA, "2510/QĐ-BCA", "12/10/2018", True),
    (COLLECTIVES, range(4, 9), "tập thể", "Bằng khen", UBND, "1876/QĐ-UBND", "05/11/2018", True),
    (PEOPLE, range(6, 15), "cá nhân", "Bằng khen", UBND, "1876/QĐ-UBND", "05/11/2018", True),
    (PEOPLE, range(15, 20), "cá nhân", "Giấy khen", GD_CA, "935/QĐ-CAT", "20/11/2018", True),
    (
        COLLECTIVES,
        range(9, 12),
        "tập thể",
        "Giấy khen",
        CT_LDLD,
        "412/QĐ-LĐLĐ",
        "22/11/2018",
        False,
    ),
]
# The names of most Giấy khen recipients are in the lists attached to the decisions, so the
# record keeps them as totals, right after the named ones of the same decision.
TOTALS_2014_2018 = {"935/QĐ-CAT": 30, "412/QĐ-LĐLĐ": 22}


def review_2014_2018() -> list[Given]:
    """The awards handed out at the 2014–2018 review: 24 Bằng khen and 60 Giấy khen."""
    out: list[Given] = []
    for names, indexes, kind, form, issuer, decision, date, with_unit in REVIEW_2014_2018:
        signed: dict[str, str | int] = {"decision": decision, "decided_on": date}
        for i in indexes:
            unit = {"unit": UNITS[i % len(UNITS)]} if with_unit else {}
            out.append(
                award(names[i], kind, form, issuer, 2018, phase="2014-2018", **signed, **unit)
            )
        if decision in TOTALS_2014_2018:
            name = f"Các tập thể, cá nhân theo danh sách kèm Quyết định {decision}"
            out.append(award(name, "mixed", form, issuer, 2018, phase="2014-2018",
                             count=TOTALS_2014_2018[decision], **signed))  # fmt: skip
    return out


def yearly_2019_2023() -> list[Given]:
    """Yearly awards of the second phase, and its 2023 review."""
    out: list[Given] = []
    for offset, year in enumerate(range(2019, 2024)):
        for j in range(2):
            out.append(
                award(
                    PEOPLE[(offset * 3 + j) % len(PEOPLE)],
                    "cá nhân",
                    "Giấy khen",
                    GD_CA,
                    year,
                    phase="2018-2023",
                    unit=UNITS[(offset + j) % len(UNITS)],
                )
            )
        out.append(
            award(
                COLLECTIVES[(offset * 2) % len(COLLECTIVES)],
                "tập thể",
                "Giấy khen",
                CT_LDLD,
                year,
                phase="2018-2023",
            )
        )
    # The Director's yearly emulation title, by its legal name, with the details lists carry.
    out.append(
        award(
            "Đặng Minh Hải",
            "cá nhân",
            "Chiến sĩ thi đua cơ sở",
            GD_CA,
            year=2021,
            phase="2018-2023",
            honorific="Thượng tá",
            position="Phó Trưởng phòng An ninh kinh tế",
            unit="Công an tỉnh",
            method="Khen thưởng theo công trạng và thành tích đạt được",
            category="Các cấp lãnh đạo từ phó phòng trở lên",
            sector="An ninh - Quốc phòng",
        )
    )
    out.append(
        award(
            "Công đoàn Khu công nghiệp Bắc Thành",
            "tập thể",
            "Bằng khen",
            UBND,
            year=2023,
            phase="2018-2023",
            decision="2201/QĐ-UBND",
            decided_on="15/12/2023",
            note="Tổng kết 5 năm giai đoạn 2018–2023",
            method="Khen thưởng chuyên đề",
        )
    )
    out.append(
        award(
            "Trần Thị Bình",
            "cá nhân",
            "Bằng khen",
            BCA,
            year=2023,
            phase="2018-2023",
            decision="3120/QĐ-BCA",
            decided_on="08/12/2023",
            unit="Công ty CP Gạch men Sông Lam",
            method="Khen thưởng chuyên đề",
            category="Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu",
        )
    )
    return out


# The issuers and their levels; the Labour Federation commends under its own statutes.
ISSUERS = [
    (BCA, "ministry", ["Bộ trưởng Bộ Công an"]),
    (UBND, "province", ["Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh"]),
    (GD_CA, "department", ["Giám đốc CA tỉnh"]),
    (CT_LDLD, "organisation", ["Chủ tịch Liên đoàn Lao động tỉnh"]),
]

# Quyết định 1520/QĐ-CAT: the Director's Giấy khen at the 2018–2023 review, as its attached list.
DECISION_TITLE = [
    "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN",
    "(Kèm theo Quyết định số 1520/QĐ-CAT ngày 15/12/2023 của Giám đốc Công an tỉnh)",
]
# As real lists head them: the honorific and the position beside the name, the form by its
# legal name with its issuer in it.
DECISION_HEADER = ["STT", "Tên gọi", "Tên tập thể, cá nhân", "Tập thể/Cá nhân", "Chức vụ",
                   "Đơn vị", "Danh hiệu thi đua/Hình thức khen thưởng", "Cấp khen", "Năm",
                   "Số QĐ", "Ngày QĐ", "Ghi chú"]  # fmt: skip
DECISION_FORM = "Giấy khen của Giám đốc Công an tỉnh"
DECISION_ROWS = [
    (None, "Tổ tự quản an ninh Khu nhà trọ Phước Thành", "Tập thể", None, None),
    (None, "Ban Bảo vệ Công ty TNHH Dệt may Hưng Phát", "Tập thể", None,
     "Công ty TNHH Dệt may Hưng Phát"),
    (None, "Công đoàn cơ sở Công ty CP Thép Nam Sơn", "Tập thể", None, "Công ty CP Thép Nam Sơn"),
    ("Ông", "Phan Văn Tài", "Cá nhân", "Tổ trưởng Tổ bảo vệ", "Công ty TNHH Dệt may Hưng Phát"),
    ("Bà", "Lý Thị Mai", "Cá nhân", "Chủ tịch Công đoàn cơ sở", "Công ty CP Thép Nam Sơn"),
    ("Ông", "Huỳnh Quốc Bảo", "Cá nhân", None, "Công đoàn Khu công nghiệp Bắc Thành"),
    ("Bà", "Mai Thị Thu Trang", "Cá nhân", "Công nhân", "Công ty TNHH Giày da Phú Mỹ"),
    ("Ông", "Châu Văn Lực", "Cá nhân", "Đội trưởng Đội bảo vệ", "Công ty CP Cấp nước Thành Đông"),
]  # fmt: skip


def decision_rows() -> list[list[object]]:
    """The table of the decision's list: numbers and dates typed as Excel keeps them."""
    import datetime as dt

    return [
        [number, honorific, name, kind, position, unit, DECISION_FORM, GD_CA, 2023,
         "1520/QĐ-CAT", dt.date(2023, 12, 15), None]
        for number, (honorific, name, kind, position, unit) in enumerate(DECISION_ROWS, start=1)
    ]  # fmt: skip


def write_decision(folder: Path) -> None:
    """The list as Excel's "CSV UTF-8" (BOM, semicolons) and as a workbook with a title."""
    lines = [";".join([title] + [""] * (len(DECISION_HEADER) - 1)) for title in DECISION_TITLE]
    lines.append(";".join(DECISION_HEADER))
    for row in decision_rows():
        cells = [c.strftime("%d/%m/%Y") if hasattr(c, "strftime") else c for c in row]
        lines.append(";".join("" if cell is None else str(cell) for cell in cells))
    (folder / "decision-1520.csv").write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode())

    widths = (5, 8, 44, 14, 24, 36, 36, 22, 7, 13, 12, 10)
    book = workbook(DECISION_TITLE, DECISION_HEADER, decision_rows(), widths)
    for row in book.active.iter_rows(min_row=len(DECISION_TITLE) + 2, min_col=11, max_col=11):
        row[0].number_format = "DD/MM/YYYY"
    book.save(folder / "decision-1520.xlsx")


def workbook(
    titles: list[str], header: list[str], rows: list[list[object]], widths: tuple[int, ...]
) -> Any:
    """A list as offices lay it out: bold title lines above the header row, then the rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    for title in titles:
        sheet.append([title])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    if header:
        sheet.append(header)
    for row in rows:
        sheet.append(row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return book


# A province's Department of Health proposes its 2024 awards, in the layout of a real provincial
# system's import sheet: its header row word for word, the legal names of titles and forms, the
# issuer named in the form where the list gives no other, and the official category labels.
PROPOSAL_TITLE = ["SỞ Y TẾ", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"]
PROPOSAL_HEADER = ["STT", "Tên gọi (Ông/Bà/Chức danh)", "Tên tập thể/cá nhân/hộ gia đình",
                   "Chức vụ", "Đơn vị công tác", "Phân loại khen thưởng",
                   "Danh hiệu thi đua/Hình thức khen thưởng", "Phân loại đối tượng",
                   "Lĩnh vực hoạt động", "Cấp khen", "Năm"]  # fmt: skip
WORKER = "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"
PROPOSAL_ROWS = [
    (None, "Khoa Hồi sức tích cực - Chống độc", None, "Bệnh viện Đa khoa tỉnh",
     "Khen thưởng tập thể", "Tập thể lao động xuất sắc", "Đơn vị sự nghiệp", "Y tế", UBND),
    (None, "Trung tâm Kiểm soát bệnh tật tỉnh", None, None, "Khen thưởng tập thể",
     "Bằng khen của Chủ tịch UBND tỉnh", "Đơn vị sự nghiệp", "Y tế", None),
    ("Bà", "Nguyễn Thị Hoa", "Điều dưỡng trưởng", "Bệnh viện Đa khoa tỉnh",
     "Khen thưởng cá nhân", "Chiến sĩ thi đua cấp tỉnh", WORKER, "Y tế", UBND),
    ("Ông", "Lê Quang Vinh", "Phó Giám đốc", "Sở Y tế", "Khen thưởng cá nhân",
     "Bằng khen của Chủ tịch UBND tỉnh", "Lãnh đạo cấp vụ, sở, ngành và tương đương",
     "Quản lý Nhà nước", None),
    ("Bác sĩ", "Trần Minh Khoa", "Trưởng khoa", "Trung tâm Y tế huyện Đông Sơn",
     "Khen thưởng cá nhân", "Huân chương Lao động hạng 3",
     "Các cấp lãnh đạo từ phó phòng trở lên", "Y tế", "Chủ tịch nước"),
    ("Ông", "Hộ ông Phạm Văn Đức", None, "Xã Tân Phú", "Khen thưởng hộ gia đình",
     "Bằng khen của Chủ tịch UBND tỉnh", "Hộ gia đình", "Y tế", None),
]  # fmt: skip


def write_proposal(folder: Path) -> None:
    """The Department of Health's list as a workbook, its title above the header row."""
    rows = [[number, *row, 2024] for number, row in enumerate(PROPOSAL_ROWS, start=1)]
    widths = (5, 12, 36, 20, 30, 24, 36, 40, 18, 16, 7)
    workbook(PROPOSAL_TITLE, PROPOSAL_HEADER, rows, widths).save(folder / "proposal-2024.xlsx")


# The Labour Federation's Giấy khen list of 2023 as a clerk lays it out: national header, the
# decision in the title, a header over two merged rows, column numbers, I. Tập thể / II. Cá
# nhân sections, a total and a signature block. The form, issuer, decision and date are the
# title's; the kind is the section's.
CLERK_ROWS: list[list[object]] = [
    ["LIÊN ĐOÀN LAO ĐỘNG TỈNH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None, None],
    [None, None, None, "Độc lập - Tự do - Hạnh phúc", None, None],
    [],
    ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"],
    ["(Kèm theo Quyết định số 415/QĐ-LĐLĐ ngày 20/11/2023 của Chủ tịch LĐLĐ tỉnh)"],
    [],
    ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Khen thưởng", None],
    [None, None, None, None, "Hình thức", "Năm"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["I. TẬP THỂ"],
    [1, "Công đoàn cơ sở Công ty TNHH Dệt may Hưng Phát", None, "Công ty TNHH Dệt may Hưng Phát",
     None, None],
    [2, "Tổ bảo vệ Khu công nghiệp Bắc Thành", None, "Công đoàn Khu công nghiệp Bắc Thành", None,
     None],
    ["II. CÁ NHÂN"],
    [1, "Nguyễn Thị Lụa", "Tổ trưởng tổ sản xuất", "Công ty TNHH Dệt may Hưng Phát", None, None],
    [2, "Trần Văn Bảo", "Đoàn viên công đoàn", "Công ty CP Thép Nam Sơn", None, None],
    [3, "Lê Thị Hoà", "Công nhân", "Công ty CP Thép Nam Sơn", None, None],
    [None, "Tổng cộng: 5 (2 tập thể, 3 cá nhân)", None, None, None, None],
    [],
    ["Nơi nhận:", None, None, "CHỦ TỊCH", None, None],
    ["- Như Điều 3;", None, None, None, None, None],
    ["- Lưu: VT, ToC.", None, None, None, None, None],
    [],
    [None, None, None, "Ngô Văn Tâm", None, None],
]  # fmt: skip
CLERK_MERGED = ["A1:C1", "D1:F1", "D2:F2", "A4:F4", "A5:F5", "A7:A8", "B7:B8", "C7:C8", "D7:D8",
                "E7:F7", "A10:F10", "A13:F13", "B17:F17"]  # fmt: skip


def write_clerk_list(folder: Path) -> None:
    book = workbook([], [], CLERK_ROWS, (5, 44, 22, 34, 12, 7))
    for cells in CLERK_MERGED:
        book.active.merge_cells(cells)
    book.save(folder / "list-2023.xlsx")


def main(path: Path) -> None:
    path.unlink(missing_ok=True)
    store = Store(path, record=False)
    with store.transaction() as tx:
        tx.add(
            build_phase(
                dict(
                    code="2014-2018",
                    program=PROGRAM,
                    start=2014,
                    end=2018,
                    parties=PARTIES,
                    **FORM_0601,
                ),
                tx.phases,
            )
        )
        tx.add(
            build_phase(
                dict(
                    code="2018-2023",
                    program=PROGRAM,
                    start=2018,
                    end=2023,
                    signers=[
                        "Thiếu tướng Nguyễn Hải Trung, Giám đốc Công an tỉnh",
                        "Ông Ngô Tôn Tẫn, Chủ tịch LĐLĐ tỉnh",
                    ],
                    parties=PARTIES,
                    **FORM_0601,
                ),
                tx.phases,
            )
        )
        for name, level, aliases in ISSUERS:
            tx.add(build_issuer(name, level, aliases, tx.issuers))
        for given in review_2014_2018() + yearly_2019_2023():
            tx.add_awards([build_award(given, tx.phases, tx.awards, new_id=tx.next_award_id())])
    Path(str(path) + ".lock").unlink(missing_ok=True)
    Path(str(path) + ".bak").unlink(missing_ok=True)
    write_decision(path.parent)
    write_proposal(path.parent)
    write_clerk_list(path.parent)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "sample.json")
