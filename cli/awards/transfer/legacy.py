"""Vietnamese text in the encodings that came before Unicode, found and converted, or refused by
name: never stored as mojibake ("NguyÔn V¨n An").

Lists typed in the .VnTime fonts hold TCVN3 (ABC): each Vietnamese letter is a byte, which a
file saved as Windows text (or a workbook, as the Latin-1 letter of that byte) keeps as it is.
TCVN3 uses for its commonest letters (ă â ê ô ơ ư đ, à ả ã á ạ) bytes that are symbols in
Latin-1 and Windows-1258 and never appear in Vietnamese written in either, so they tell it apart.
VNI writes a letter as its base and a mark byte after it (``Nguyeãn``), with marks that are
letters no Vietnamese text uses (ø, û, ï, ö); it is recognised and refused with its name.
"""

from __future__ import annotations

# TCVN3 (ABC), the byte as a Latin-1 character -> the letter.
_TCVN3_LOWER = (
    "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\xadøõö÷ùýúûüþ",
    "áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ",
)
_TCVN3_UPPER = ("¡¢§£¤¥¦", "ĂÂĐÊÔƠƯ")
_TCVN3 = str.maketrans(_TCVN3_LOWER[0] + _TCVN3_UPPER[0], _TCVN3_LOWER[1] + _TCVN3_UPPER[1])
# Bytes TCVN3 needs for its commonest letters, symbols everywhere else.
_TCVN3_SIGNS = frozenset("¨©ª«¬\xad®µ¶·¸¹»¼½¾¡¢£¤¥¦§")
# What VNI writes for đ and ư and for marks after a vowel, letters Vietnamese never uses.
_VNI_SIGNS = frozenset("ñøûïöüëåäæÿÑØÛÏÖÜËÅÄÆ")

TCVN3, VNI = "TCVN3 (ABC)", "VNI"


def detect(value: str) -> str | None:
    """TCVN3 or VNI if ``value`` is text in that encoding read as Latin-1 letters; None for
    Unicode text (anything beyond Latin-1 is Unicode's own) or text with no sign of either."""
    if not value or not is_latin(value):
        return None
    letters = sum(1 for ch in value if ch.isalpha())
    signs = sum(1 for ch in value if ch in _TCVN3_SIGNS)
    if signs and signs * 50 >= letters:  # one in fifty letters at the least
        return TCVN3
    vni = sum(1 for ch in value if ch in _VNI_SIGNS)
    if vni >= 3 and vni * 50 >= letters:  # a Western name's ñ or ü is not VNI
        return VNI
    return None


def is_latin(value: str) -> bool:
    """Whether every character is a Latin-1 one: text a legacy encoding may hide in."""
    return max(value, default="") <= "\xff"


def from_tcvn3(value: str) -> str:
    """TCVN3 read as Latin-1, as Unicode."""
    return value.translate(_TCVN3)
