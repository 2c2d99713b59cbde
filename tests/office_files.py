"""Lists made as offices make them, for the import tests: a department's proposals with a
national header, a merged two-row header, column numbers, sections by hospital, a total and a
signature block; a Prime Minister's Bằng khen list in the usual three columns, its facts in its
title; and a provincial system's template, whose code columns refer to its DANHMUC sheet.

The department's list is written as .xlsx, .xls and .ods, and as CSV in UTF-8, UTF-16,
Windows-1258 and TCVN3 (ABC), all holding the same awards. Every name in them is invented.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

Row = list[object]

# The department's list: (row, merged ranges as (first row, first col, last row, last col)).
HEALTH: list[Row] = [
    ["SỞ Y TẾ TỈNH THANH HÓA", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None, None],
    [None, None, None, "Độc lập - Tự do - Hạnh phúc", None, None],
    [],
    ["DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU TẬP THỂ LAO ĐỘNG TIÊN TIẾN NĂM 2023"],
    ["(Kèm theo Tờ trình số 45/TTr-SYT ngày 10/12/2023 của Sở Y tế)"],
    [],
    ["STT", "Tên tập thể", "Đơn vị", "Đề nghị khen thưởng", None, "Ghi chú"],
    [None, None, None, "Danh hiệu", "Năm", None],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["A. BỆNH VIỆN ĐA KHOA TỈNH"],
    [1, "Khoa Dinh dưỡng", None, "Tập thể lao động tiên tiến", 2023, None],
    [2, "Khoa Hồi sức tích cực", None, "Tập thể lao động tiên tiến", "Năm 2023", None],
    ["B. BỆNH VIỆN NHI"],
    [3, "Khoa Dinh dưỡng", None, "Tập thể lao động tiên tiến", 2023, None],
    [4, "Khoa Hóa sinh", "Bệnh viện Nhi", None, None, None],
    [5, "Khoa Sơ sinh", "Bệnh viện Nhi", None, None, None],
    [6, "Khoa Hoá sinh", "bệnh viện  Nhi", None, None, "nhập hai lần"],
    [None, "Cộng: 6 tập thể", None, None, None, None],
    [],
    ["Nơi nhận:", None, None, "GIÁM ĐỐC", None, None],
    ["- Như trên;", None, None, None, None, None],
    ["- Lưu: VT.", None, None, None, None, None],
    [],
    [None, None, None, "Nguyễn Văn Giám", None, None],
]
HEALTH_MERGED = [(0, 0, 0, 2), (0, 3, 0, 5), (1, 3, 1, 5), (3, 0, 3, 5), (4, 0, 4, 5),
                 (6, 0, 7, 0), (6, 1, 7, 1), (6, 2, 7, 2), (6, 3, 6, 4), (6, 5, 7, 5),
                 (9, 0, 9, 5), (12, 0, 12, 5)]  # fmt: skip
# What the department's list holds with the options --kind "tập thể" --issuer "Giám đốc Sở Y
# tế": five awards; row 6 repeats row 4 (Hoá for Hóa, the unit in another case and spacing).
HEALTH_AWARDS = [
    ("Khoa Dinh dưỡng", "BỆNH VIỆN ĐA KHOA TỈNH"),
    ("Khoa Hồi sức tích cực", "BỆNH VIỆN ĐA KHOA TỈNH"),
    ("Khoa Dinh dưỡng", "BỆNH VIỆN NHI"),
    ("Khoa Hóa sinh", "Bệnh viện Nhi"),
    ("Khoa Sơ sinh", "Bệnh viện Nhi"),
]

# A Prime Minister's Bằng khen list: three columns, sections by kind, its facts in its title.
PRIME_MINISTER: list[Row] = [
    ["THỦ TƯỚNG CHÍNH PHỦ", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ"],
    ["(Kèm theo Quyết định số 1520/QĐ-TTg ngày 15 tháng 6 năm 2017 của Thủ tướng Chính phủ)"],
    [],
    ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"],
    ["I", "TẬP THỂ", None],
    [1, "Phòng Cảnh sát kinh tế, Công an tỉnh Thanh Hóa", None],
    [2, "Công đoàn Khu kinh tế Nghi Sơn", None],
    ["II", "CÁ NHÂN", None],
    [1, "Ông Lê Văn Thành", "Trưởng phòng, Công an tỉnh Thanh Hóa"],
    [2, "Bà Trịnh Thị Hương", "Chủ tịch Công đoàn Khu kinh tế Nghi Sơn"],
    [3, "Thượng tá Đỗ Minh Quang", "Phó Trưởng phòng, Công an tỉnh Thanh Hóa"],
    [],
    [None, "KT. THỦ TƯỚNG", None],
    [None, "PHÓ THỦ TƯỚNG", None],
    [None, "Trần Văn Ký", None],
]

# A provincial system's template: the DANHSACH sheet, with code columns, and DANHMUC.
TEMPLATE: list[Row] = [
    ["STT", "Tên gọi (Ông/Bà/Chức danh)", "Tên tập thể/cá nhân/hộ gia đình", "Chức vụ",
     "Đơn vị công tác", "Phân loại khen thưởng", "Mã danh hiệu thi đua/hình thức khen thưởng",
     "Phân loại đối tượng", "Mã lĩnh vực hoạt động", "Giới tính", "Cấp khen", "Năm"],
    [1, "Ông", "Hoàng Văn Nam", "Trưởng khoa", "Bệnh viện Nhi", "Khen thưởng cá nhân", "DH05",
     "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu", "LV23",
     "Nam", "UBND tỉnh", 2024],
    [2, None, "Khoa Ngoại", None, "Bệnh viện Nhi", "Khen thưởng tập thể", "DH02",
     "Đơn vị sự nghiệp", "LV23", None, "UBND tỉnh", 2024],
]  # fmt: skip
CATALOGUE_SHEET: list[Row] = [
    ["DANH MỤC DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG", None, None, "LĨNH VỰC", None],
    ["Mã", "Tên", None, "Mã", "Tên"],
    ["DH01", "Tập thể lao động tiên tiến", None, "LV22", "Xây dựng"],
    ["DH02", "Tập thể lao động xuất sắc", None, "LV23", "Y tế"],
    ["DH05", "Chiến sĩ thi đua cơ sở", None, None, None],
]


def xlsx(path: Path, rows: list[Row], merged: list[tuple[int, int, int, int]] = (),
         extra: dict[str, list[Row]] | None = None) -> Path:  # fmt: skip
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    for row in rows:
        sheet.append(row)
    for top, left, bottom, right in merged:
        sheet.merge_cells(start_row=top + 1, start_column=left + 1, end_row=bottom + 1,
                          end_column=right + 1)  # fmt: skip
    for name, more in (extra or {}).items():
        added = book.create_sheet(name)
        for row in more:
            added.append(row)
    book.save(path)
    return path


def xls(path: Path, rows: list[Row], merged: list[tuple[int, int, int, int]] = ()) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sách")
    starts = {(top, left): (bottom, right) for top, left, bottom, right in merged}
    covered = {(r, c) for t, lft, b, rgt in merged for r in range(t, b + 1)
               for c in range(lft, rgt + 1)}  # fmt: skip
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in starts:
                bottom, right = starts[(r, c)]
                sheet.write_merge(r, bottom, c, right, value)
            elif value is not None and (r, c) not in covered:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def ods(path: Path, rows: list[Row]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Danh sách")
    for row in rows:
        line = TableRow()
        for value in row:
            if value is None:
                cell = TableCell()
            elif isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            line.addElement(cell)
        table.addElement(line)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def delimited(rows: list[Row], separator: str = ";") -> str:
    """The rows as Excel saves them to text: merged cells hold their text in the first cell."""
    return "".join(
        separator.join("" if value is None else str(value) for value in row) + "\r\n"
        for row in rows
    )


def cp1258(value: str) -> bytes:
    """Text as Windows-1258 keeps it: â, ơ, đ… as letters, the tone as a mark after them."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in value:
        parts = unicodedata.normalize("NFD", ch)
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (letter + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


_TCVN3 = str.maketrans(
    "áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵĂÂĐÊÔƠƯ",
    "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\xadøõö÷ùýúûüþ¡¢§£¤¥¦",
)


def tcvn3(value: str) -> bytes:
    """Text typed in a .VnTime font and saved as Windows text: TCVN3 (ABC) bytes. Capitals with
    a tone have no TCVN3 byte (a .VnTimeH font draws them from the small letters), so they are
    written small."""
    lowered = "".join(ch.lower() if ch.isupper() and ch not in "ĂÂĐÊÔƠƯ" and not ch.isascii()
                      else ch for ch in value)  # fmt: skip
    return lowered.translate(_TCVN3).encode("latin-1")


WRITERS: dict[str, Callable[[Path], Path]] = {
    "xlsx": lambda folder: xlsx(folder / "ds.xlsx", HEALTH, HEALTH_MERGED),
    "xls": lambda folder: xls(folder / "ds.xls", HEALTH, HEALTH_MERGED),
    "ods": lambda folder: ods(folder / "ds.ods", HEALTH),
    "csv-utf8": lambda folder: _write(folder / "ds.csv", "\ufeff" + delimited(HEALTH), "utf-8"),
    "csv-utf16": lambda folder: _write(folder / "ds.txt", delimited(HEALTH, "\t"), "utf-16"),
    "csv-1258": lambda folder: _bytes(folder / "ds-1258.csv", cp1258(delimited(HEALTH))),
    "csv-tcvn3": lambda folder: _bytes(folder / "ds-tcvn3.csv", tcvn3(delimited(HEALTH))),
}


def _write(path: Path, content: str, encoding: str) -> Path:
    path.write_bytes(content.encode(encoding))
    return path


def _bytes(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path
