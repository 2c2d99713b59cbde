"""Realistic benchmark data: Vietnamese names and units, three phases, ten issuers with their
levels (most awards from the province's own), forms of every level, 2014–2025.

Deterministic for a given size, so two runs measure the same files.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Quang", "Thanh", "Xuân", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hải", "Hạnh", "Huy", "Lan", "Long",
         "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"]  # fmt: skip
COMPANIES = ["Công ty TNHH May mặc", "Công ty CP Gạch men", "Công ty TNHH Giày da",
             "Công ty CP Cấp nước", "Công ty TNHH Chế biến Gỗ", "Công đoàn Khu công nghiệp",
             "Công ty CP Thép", "Nhà máy Nước"]  # fmt: skip
PLACES = ["Bình An", "Sông Lam", "Phú Mỹ", "Thành Đông", "Tân Lộc", "Bắc Thành", "Hưng Phát",
          "Nam Sơn", "Phước Thành", "Hòa Lợi", "Long Hậu", "An Khánh"]  # fmt: skip
TEAMS = ["Tổ bảo vệ", "Đội tự quản", "Ban An ninh", "Công đoàn cơ sở", "Tổ công nhân"]
PHASES = [("2014-2018", 2014, 2018), ("2018-2023", 2018, 2023), ("2024-2026", 2024, 2026)]
PROGRAM = "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong công nhân, viên chức, lao động"
# A province's issuers: (name, level, forms it gives, decision suffix, share of the awards).
ISSUERS = [
    ("Giám đốc Công an tỉnh", "department", ["Giấy khen"], "QĐ-CAT", 25),
    ("Chủ tịch LĐLĐ tỉnh", "organisation", ["Giấy khen", "Bằng khen"], "QĐ-LĐLĐ", 25),
    ("UBND tỉnh", "province", ["Bằng khen", "Cờ thi đua", "Chiến sĩ thi đua"], "QĐ-UBND", 25),
    ("Bộ Công an", "ministry", ["Bằng khen", "Kỷ niệm chương"], "QĐ-BCA", 8),
    ("Giám đốc Sở LĐTBXH", "department", ["Giấy khen"], "QĐ-SLĐTBXH", 4),
    ("Chủ tịch UBND huyện", "district", ["Giấy khen"], "QĐ-UBND", 6),
    ("Trưởng Công an huyện", "district", ["Giấy khen"], "QĐ-CAH", 4),
    ("Tổng LĐLĐ Việt Nam", "organisation", ["Bằng khen"], "QĐ-TLĐ", 1),
    ("Thủ tướng Chính phủ", "government", ["Bằng khen"], "QĐ-TTg", 1),
    ("Chủ tịch nước", "state", ["Huân chương Lao động hạng Ba"], "QĐ-CTN", 1),
]
HEADER = ["recipient", "kind", "count", "form", "issuer", "year", "phase", "decision",
          "decided_on", "unit", "note"]  # fmt: skip


SHARES = [share for *_, share in ISSUERS]


def phase_of(year: int, rng: random.Random) -> str:
    codes = [code for code, start, end in PHASES if start <= year <= end]
    return rng.choice(codes)


def rows(count: int) -> list[list[str]]:
    rng = random.Random(count)
    units = [f"{c} {p}" for c in COMPANIES for p in PLACES]
    decisions: dict[tuple[str, int, int], str] = {}
    out = []
    for i in range(count):
        issuer, _level, forms, suffix, _share = rng.choices(ISSUERS, SHARES)[0]
        form = rng.choice(forms)
        year = rng.randint(2014, 2025)
        unit = rng.choice(units)
        if form == "Cờ thi đua" or (form != "Chiến sĩ thi đua" and rng.random() < 0.25):
            kind, recipient = "collective", f"{rng.choice(TEAMS)} {rng.choice(PLACES)} {i}"
        else:
            kind = "individual"
            recipient = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {i}"
        number = rng.randint(1, 60)
        drawn = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        # An issuer numbers its decisions afresh each year, each number once, so a number of
        # an issuer in a year is one decision with one date: the first one drawn for it.
        decided = decisions.setdefault((issuer, year, number), drawn)
        note = "Thành tích xuất sắc trong phong trào" if rng.random() < 0.1 else ""
        out.append([recipient, kind, "1", form, issuer, str(year), phase_of(year, rng),
                    f"{number}/{suffix}", decided, unit, note])  # fmt: skip
    return out


def write(folder: Path, count: int) -> tuple[Path, Path, Path]:
    """``awards-N.csv``, ``phases.csv`` and ``issuers.csv`` (with their levels) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    awards = folder / f"awards-{count}.csv"
    with awards.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        writer.writerows(rows(count))
    phases = folder / "phases.csv"
    with phases.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["code", "program", "start", "end"])
        for code, start, end in PHASES:
            writer.writerow([code, PROGRAM, start, end])
    issuers = folder / "issuers.csv"
    with issuers.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["name", "level"])
        writer.writerows((name, level) for name, level, *_ in ISSUERS)
    return awards, phases, issuers
