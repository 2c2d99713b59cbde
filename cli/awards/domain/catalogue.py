"""The catalogue of titles and forms (danh hiệu thi đua, hình thức khen thưởng) as Luật Thi
đua, khen thưởng 2022 (06/2022/QH15) defines them, and a register's own entries (a ministry's
Kỷ niệm chương). Each entry knows its classes, who may receive it, which levels of issuer may
give it, the verb its decisions use, its rank and the statistical form that counts it.

``Catalogue.find`` reads a name as offices type it: the legal name in any case, NFC or NFD,
"hạng Ba", "hạng 3" or "hạng III", with or without the issuer in it ("Bằng khen của Chủ tịch
UBND tỉnh"). The short names of earlier versions (Bằng khen, Chiến sĩ thi đua…) stay entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from awards import text
from awards.domain.records import Entry
from awards.errors import Invalid
from awards.i18n import _

LAW = "Luật Thi đua, khen thưởng 2022"
# The groups of the catalogue, highest first: the word its decisions use for each.
GROUPS = {
    "order": "tặng thưởng",  # Huân chương
    "honour": "phong tặng danh hiệu",  # danh hiệu vinh dự nhà nước
    "prize": "tặng",  # Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước
    "medal": "tặng thưởng",  # Huy chương
    "flag": "tặng",  # Cờ thi đua
    "title": "tặng danh hiệu",  # danh hiệu thi đua
    "merit": "tặng",  # Bằng khen
    "badge": "tặng",  # Kỷ niệm chương, Huy hiệu
    "paper": "tặng",  # Giấy khen
    "other": "tặng",  # Bằng Tổ quốc ghi công, Bảng vàng danh dự…
}
KINDS = ("individual", "collective", "household")
CLASSES = ("Nhất", "Nhì", "Ba")
_CLASS_WORDS = {"nhat": 0, "1": 0, "i": 0, "nhi": 1, "2": 1, "ii": 1, "ba": 2, "3": 2, "iii": 2}
_CLASS = re.compile(r"^(.*?)\s*,?\s+hang\s+(\w+)$")
_OF = re.compile(r"\s+(?:của|cua)\s+", re.IGNORECASE)

ONE, COL, HOME = "individual", "collective", "household"
IC, ICH = (ONE, COL), (ONE, COL, HOME)
STATE, GOV = ("state",), ("government",)
HIGH = ("ministry", "province", "organisation")  # Điều 79, and central organisations
BASE = ("department", "district", "unit", "organisation")  # Điều 80: unit heads, districts
ARMED = ("ministry", "department", "district", "unit")  # Điều 80.5: the army and police decide


def _e(name: str, group: str, kinds: Sequence[str], levels: Sequence[str], statistic: str | None,
       basis: str, *, classes: Sequence[str] = (), aliases: Sequence[str] = (),
       issuer: str | None = None, verb: str | None = None) -> Entry:  # fmt: skip
    return Entry(name, group, tuple(kinds), tuple(levels), tuple(classes), tuple(aliases),
                 statistic, f"{LAW}, {basis}", issuer, verb)  # fmt: skip


_ORDER = "Điều 33, 77"  # the orders; the State President gives them
_OLD = "Điều 33 lists the orders given now; kept for earlier decisions"
_MEDAL = "Điều 54, 77"
_HONOUR = "Điều 59, 77"
_RECOGNISE = "công nhận danh hiệu"

# The law's entries, highest first: their order is their rank.
LAW_ENTRIES: tuple[Entry, ...] = (
    _e("Huân chương Sao vàng", "order", IC, STATE, "0602", _ORDER),
    _e("Huân chương Hồ Chí Minh", "order", IC, STATE, "0602", _ORDER),
    _e("Huân chương Độc lập", "order", IC, STATE, "0602", _ORDER, classes=CLASSES),
    _e("Huân chương Quân công", "order", IC, STATE, "0602", _ORDER, classes=CLASSES),
    _e("Huân chương Lao động", "order", IC, STATE, "0602", _ORDER, classes=CLASSES),
    _e("Huân chương Bảo vệ Tổ quốc", "order", IC, STATE, "0602", _ORDER, classes=CLASSES),
    _e("Huân chương Chiến công", "order", IC, STATE, "0602", _ORDER, classes=CLASSES),
    _e("Huân chương Đại đoàn kết dân tộc", "order", IC, STATE, "0602", _ORDER),
    _e("Huân chương Dũng cảm", "order", (ONE,), STATE, "0602", _ORDER),
    _e("Huân chương Hữu nghị", "order", IC, STATE, "0602", _ORDER),
    _e("Huân chương Quân kỳ quyết thắng", "order", IC, STATE, "0602", _OLD),
    _e("Huân chương Vì an ninh Tổ quốc", "order", IC, STATE, "0602", _OLD),
    _e("Huân chương Chiến sĩ vẻ vang", "order", IC, STATE, "0602", _OLD, classes=CLASSES),
    _e("Huân chương Chiến thắng", "order", IC, STATE, "0602", _OLD, classes=CLASSES),
    _e("Huân chương Kháng chiến chống Mỹ", "order", IC, STATE, "0602", _OLD, classes=CLASSES),
    _e("Huân chương Kháng chiến chống Pháp", "order", IC, STATE, "0602", _OLD, classes=CLASSES),
    _e("Huân chương", "order", IC, STATE, "0602", _ORDER),  # an order not named
    _e("Tỉnh Anh hùng", "honour", (COL,), STATE, "0602", _HONOUR),
    _e("Thành phố Anh hùng", "honour", (COL,), STATE, "0602", _HONOUR),
    _e("Bà mẹ Việt Nam anh hùng", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Anh hùng Lực lượng vũ trang nhân dân", "honour", IC, STATE, "0602", _HONOUR),
    _e("Anh hùng Lao động", "honour", IC, STATE, "0602", _HONOUR),
    _e("Nhà giáo nhân dân", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Nhà giáo ưu tú", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Thầy thuốc nhân dân", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Thầy thuốc ưu tú", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Nghệ sĩ nhân dân", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Nghệ sĩ ưu tú", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Nghệ nhân nhân dân", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Nghệ nhân ưu tú", "honour", (ONE,), STATE, "0602", _HONOUR),
    _e("Giải thưởng Hồ Chí Minh", "prize", IC, STATE, "0602", "Điều 77"),
    _e("Giải thưởng Nhà nước", "prize", IC, STATE, "0602", "Điều 77"),
    _e("Huy chương Quân kỳ quyết thắng", "medal", (ONE,), STATE, "0602", _MEDAL),
    _e("Huy chương Vì an ninh Tổ quốc", "medal", (ONE,), STATE, "0602", _MEDAL),
    _e("Huy chương Chiến sĩ vẻ vang", "medal", (ONE,), STATE, "0602", _MEDAL, classes=CLASSES),
    _e("Huy chương Hữu nghị", "medal", (ONE,), STATE, "0602", _MEDAL),
    _e("Huy chương Chiến thắng", "medal", (ONE,), STATE, "0602", _OLD, classes=CLASSES[:2]),
    _e("Huy chương Kháng chiến chống Mỹ", "medal", (ONE,), STATE, "0602", _OLD,
       classes=CLASSES[:2]),
    _e("Huy chương Kháng chiến chống Pháp", "medal", (ONE,), STATE, "0602", _OLD,
       classes=CLASSES[:2]),
    _e("Huy chương", "medal", (ONE,), STATE, "0602", _MEDAL),  # a medal not named
    _e("Cờ thi đua của Chính phủ", "flag", (COL,), GOV, "0602", "Điều 20, 78", issuer="Chính phủ"),
    _e("Chiến sĩ thi đua toàn quốc", "title", (ONE,), GOV, "0602", "Điều 20, 21, 78"),
    _e("Bằng khen của Thủ tướng Chính phủ", "merit", ICH, GOV, "0602", "Điều 78",
       issuer="Thủ tướng Chính phủ"),
    _e("Bằng Tổ quốc ghi công", "other", (ONE,), GOV, None,
       "Điều 78; given under the law on people with meritorious services"),
    _e("Bằng có công với nước", "other", ICH, GOV, None,
       "Điều 78; given under the law on people with meritorious services"),
    # Cờ thi đua, Chiến sĩ thi đua and Bằng khen as earlier versions kept them: the level of
    # their issuer says which they are, and which form counts them.
    _e("Cờ thi đua", "flag", (COL,), ("government", *HIGH), "level", "Điều 20, 78, 79",
       aliases=("Cờ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương",
                "Cờ thi đua của Bộ, ban, ngành, tỉnh", "Cờ thi đua cấp bộ", "Cờ thi đua cấp tỉnh")),
    _e("Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", "title", (ONE,), HIGH, "0603", "Điều 20, 79",
       aliases=("Chiến sĩ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương",
                "Chiến sĩ thi đua cấp bộ, tỉnh", "Chiến sĩ thi đua cấp bộ",
                "Chiến sĩ thi đua cấp tỉnh")),
    _e("Chiến sĩ thi đua", "title", (ONE,), ("government", *HIGH, *BASE), "level",
       "Điều 20, 78–80"),
    _e("Bằng khen", "merit", ICH, ("government", *HIGH), "level", "Điều 78, 79",
       aliases=("Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương",
                "Bằng khen cấp bộ", "Bằng khen cấp tỉnh")),
    _e("Kỷ niệm chương", "badge", (ONE,), HIGH, "0603", "Điều 79",
       aliases=("Kỷ niệm chương, Huy hiệu", "Huy hiệu")),
    _e("Kỷ niệm chương chiến sĩ cách mạng bị địch bắt tù đày", "badge", (ONE,), HIGH, "0603",
       "Điều 79"),
    _e("Tập thể lao động xuất sắc", "title", (COL,), HIGH, None, "Điều 20, 79"),
    _e("Đơn vị quyết thắng", "title", (COL,), ARMED, None, "Điều 20, 80"),
    _e("Bảng vàng danh dự", "other", ICH, (*HIGH, "district"), None,
       "not a form of the law: an honour roll some provinces keep"),
    _e("Chiến sĩ thi đua cơ sở", "title", (ONE,), BASE, None, "Điều 20, 80"),
    # "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã": Giấy khen, and its issuer (Catalogue.find)
    _e("Giấy khen", "paper", ICH, (*BASE, "commune"), None, "Điều 80"),
    _e("Tập thể lao động tiên tiến", "title", (COL,), BASE, None, "Điều 20, 80", verb=_RECOGNISE),
    _e("Đơn vị tiên tiến", "title", (COL,), ARMED, None, "Điều 20, 80", verb=_RECOGNISE),
    _e("Lao động tiên tiến", "title", (ONE,), (*BASE, "commune"), None, "Điều 20, 80",
       verb=_RECOGNISE),
    _e("Chiến sĩ tiên tiến", "title", (ONE,), ARMED, None, "Điều 20, 80", verb=_RECOGNISE),
    _e("Thôn văn hóa", "title", (COL,), ("district",), None, "Điều 20, 80", verb=_RECOGNISE),
    _e("Tổ dân phố văn hóa", "title", (COL,), ("district",), None, "Điều 20, 80",
       verb=_RECOGNISE),
    _e("Gia đình văn hóa", "title", (HOME,), ("commune",), None, "Điều 20, 80", verb=_RECOGNISE),
)  # fmt: skip

# The statistical form that counts a form given at a level (Thông tư 02/2023/TT-BNV): 0602 the
# State's and the Government's awards, 0603 those of ministries, provinces and central bodies.
_FORM_OF_LEVEL = {"state": "0602", "government": "0602", "ministry": "0603",
                  "province": "0603", "organisation": "0603"}  # fmt: skip


def statistic(entry: Entry, level: str | None) -> str | None:
    """The statistical form that counts ``entry`` given by an issuer of ``level``."""
    if entry.statistic != "level":
        return entry.statistic
    return _FORM_OF_LEVEL.get(level or "")


def verb(entry: Entry) -> str:
    """What its decision says: "tặng", "tặng thưởng", "tặng danh hiệu", "công nhận danh hiệu"."""
    return entry.verb or GROUPS[entry.group]


class Found(NamedTuple):
    """A name as typed, read: the stored form (with its class), and the issuer it named."""

    form: str
    issuer: str | None


class Catalogue:
    """The law's entries and a register's own, looked up by any name they are typed under."""

    def __init__(self, local: Iterable[Entry] = ()) -> None:
        self.local = tuple(local)
        self.entries = (*LAW_ENTRIES, *self.local)
        self._by_word: dict[str, Entry] = {}
        for entry in self.entries:
            for name in (entry.name, *entry.aliases):
                self._by_word.setdefault(text.loose(name), entry)
        self._by_name = {entry.name: entry for entry in self.entries}

    def names(self) -> list[str]:
        return [entry.name for entry in self.entries]

    def entry(self, form: str) -> Entry | None:
        """The entry of a stored form ("Huân chương Lao động hạng Ba"), None if unknown."""
        found = self._by_name.get(form)
        if found is None and " hạng " in form:
            found = self._by_name.get(form.rsplit(" hạng ", 1)[0])
        return found

    @staticmethod
    def rank(form: str) -> float:
        """Where a form stands, highest first, as the law's entries are ordered; its class
        orders it within its entry. Another name ranks after the law's entry it begins with
        ("Kỷ niệm chương Vì sự nghiệp …" after "Kỷ niệm chương"), else last."""
        entry = _LAW_BY_NAME.get(form)
        grade = None
        if entry is None and " hạng " in form:
            base, grade = form.rsplit(" hạng ", 1)
            entry = _LAW_BY_NAME.get(base)
        if entry is not None:
            place = float(_LAW_RANK[entry.name])
            return (
                place + (entry.classes.index(grade) + 1) / 10 if grade in entry.classes else place
            )
        begins = [rank for name, rank in _LAW_RANK.items() if form.startswith(name + " ")]
        return max(begins) + 0.5 if begins else float(len(LAW_ENTRIES))

    def find(self, value: str) -> Found:
        """The stored form and the issuer that a typed name stands for; ``Invalid`` if the
        catalogue has no such entry."""
        typed = text.clean(value)
        found = self._read(typed)
        if found is not None:
            return found
        parts = _OF.split(typed, maxsplit=1)  # "Bằng khen của Chủ tịch UBND tỉnh"
        if len(parts) == 2 and parts[1]:
            found = self._read(parts[0])
            if found is not None:
                return Found(found.form, parts[1])
        message = _("unknown title or form {value!r}; `awards catalogue list` shows them, "
                    "and `awards catalogue add` records a register's own")  # fmt: skip
        raise Invalid(message.format(value=typed))

    def _read(self, typed: str) -> Found | None:
        word = text.loose(typed)
        entry = self._by_word.get(word)
        grade = None
        if entry is None and (match := _CLASS.match(word)):
            entry = self._by_word.get(match[1].rstrip(","))
            grade = _CLASS_WORDS.get(match[2], len(CLASSES))
        if entry is None:
            return None
        if grade is None:
            return Found(entry.name, entry.issuer)
        if grade >= len(entry.classes):
            classes = ", ".join(entry.classes) or _("none")
            message = _("{form} has no class {grade!r}; its classes: {classes}")
            said = typed.rsplit(maxsplit=1)[-1]
            raise Invalid(message.format(form=entry.name, grade=said, classes=classes))
        return Found(f"{entry.name} hạng {entry.classes[grade]}", entry.issuer)


_LAW_BY_NAME = {entry.name: entry for entry in LAW_ENTRIES}
_LAW_RANK = {entry.name: rank for rank, entry in enumerate(LAW_ENTRIES)}
LAW_CATALOGUE = Catalogue()
