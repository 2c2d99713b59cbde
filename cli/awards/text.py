"""Vietnamese text as users type it: clean-up on input, folding for comparison, safe display.

Text arrives NFC or NFD, with stray spaces, mixed case and sometimes terminal escape sequences
pasted from elsewhere. ``clean`` makes the one stored form; ``key`` compares case-insensitively;
``fold`` also ignores diacritics (``đ`` folds to ``d``) for search and "did you mean" hints.
"""

import functools
import re
import unicodedata

# Whole escape sequences go, not just their ESC byte, or "\x1b[31mX" would leave "[31mX" behind.
_ESCAPES = re.compile(
    r"""
      \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC (title, hyperlink) up to BEL or ST
    | \x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?        # DCS, PM, APC, SOS strings
    | (?:\x1b\[|\x9b)[0-?]*[\x20-/]*[@-~]?          # CSI (colours, cursor moves), 7- or 8-bit
    | \x1b[\x20-/]*[0-~]?                           # the other two-byte escapes
    """,
    re.VERBOSE,
)

# Cc: control characters; Cf: format characters (zero-width, bidi overrides, BOM);
# Cs: lone surrogates, which no output encoding can write.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs"})
_LINE_BREAKS = re.compile(r"\r\n|[\n\v\f\x85\u2028\u2029]")


def _strip_invisible(value: str) -> str:
    if value.isprintable():  # the common case, checked in C: nothing to strip
        return value
    value = _ESCAPES.sub("", value)
    return "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in _INVISIBLE)


@functools.lru_cache(maxsize=16384)  # issuers, units, codes repeat row after row in an import
def clean(value: str, *, multiline: bool = False) -> str:
    """The stored form of a text value: NFC, no control characters, single inner spaces, trimmed.

    With ``multiline`` (notes) line breaks are kept, each line cleaned on its own.
    """
    value = unicodedata.normalize("NFC", value)
    if multiline:
        lines = [" ".join(_strip_invisible(line).split()) for line in _LINE_BREAKS.split(value)]
        return "\n".join(lines).strip("\n")
    return " ".join(_strip_invisible(value).split())


@functools.lru_cache(maxsize=8192)
def key(value: str) -> str:
    """Case-insensitive identity: ``Bằng  khen``, ``bằng khen`` and an NFD ``Bằng khen`` agree."""
    return unicodedata.normalize("NFC", clean(value).casefold())


# Tone marks written on the first vowel of an open "oa", "oe", "uy" (hòa, khỏe, thủy), as the
# older style does, moved to the second (hoà, khoẻ, thuỷ); and the Icelandic eth typed for đ.
_OLD_TONES = {f"{o}{v}": f"{base}{toned}"
              for base, vowel, marks in (("o", "a", "àáảãạ"), ("o", "e", "èéẻẽẹ"),
                                         ("u", "y", "ỳýỷỹỵ"))
              for o, toned in zip({"o": "òóỏõọ", "u": "ùúủũụ"}[base], marks, strict=True)
              for v in (vowel,)}  # fmt: skip
_OLD_TONE = re.compile(f"({'|'.join(_OLD_TONES)})(?![\\w])")


def same_key(value: str) -> str:
    """What two spellings of one name share, to find duplicates: ``key`` with the tone of an
    open oa/oe/uy in one place (hòa and hoà agree) and ð read as đ. Other diacritics count:
    Quang Phú and Quảng Phú are two names."""
    found = clean_key(value)
    if "ð" in found:
        found = found.replace("ð", "đ")
    return _OLD_TONE.sub(_new_tone, found)


def _new_tone(match: re.Match[str]) -> str:
    return _OLD_TONES[match[1]]


def clean_key(value: str) -> str:
    """``key`` of a value that is clean already (stored, or checked): no cache to churn through
    when every value is a new one, as the recipients of an import are."""
    return unicodedata.normalize("NFC", value.casefold())


@functools.lru_cache(maxsize=8192)
def fold(value: str) -> str:
    """Case- and accent-insensitive form: ``Nguyễn Văn Đức`` folds to ``nguyen van duc``."""
    decomposed = unicodedata.normalize("NFD", clean(value).casefold())
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return bare.replace("đ", "d")


def loose(value: str) -> str:
    """How a name from a closed list is matched: ``fold``, with ``-`` and ``_`` as spaces and
    ``/`` as a comma (``bang-khen``, ``tap the/ca nhan``)."""
    folded = " ".join(fold(value).replace("-", " ").replace("_", " ").split())
    return folded.replace("/", ",").replace(" ,", ",")


def printable(value: str, *, keep_newlines: bool = False) -> str:
    """Make any control or invisible character visible as an escape before it reaches a terminal.

    Stored text never holds them (``clean`` removes them), but a data file edited by hand might.
    """
    if value.isprintable():  # checked in C: no Cc, Cf or Cs character (the usual case)
        return value
    out = []
    for ch in value:
        if (ch == "\n" and keep_newlines) or unicodedata.category(ch) not in _INVISIBLE:
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


# A spreadsheet runs a cell that begins with one of these as a formula ("CSV injection").
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def safe(value: str) -> str:
    """``value`` as any output may carry it: unchanged when it is printable (checked in C), its
    control and invisible characters escaped (``\\x1b``) when a hand-edited file put them there;
    line breaks are kept."""
    return value if value.isprintable() else printable(value, keep_newlines=True)


def neutralise(value: str) -> str:
    """Text a spreadsheet will show rather than run: a leading ``'`` before a formula start.

    Values that already begin with ``'`` before such a character get one more, so
    ``restore_neutralised`` gives back exactly what was written.
    """
    return "'" + value if _FORMULA_START.match(value) else value


def restore_neutralised(value: str) -> str:
    """Undo ``neutralise`` on a cell read back from a CSV file."""
    if value.startswith("'") and _FORMULA_START.match(value, 1):
        return value[1:]
    return value


# Vietnamese alphabetical order: a ă â b c d đ e ê … o ô ơ … u ư …; the tone marks decide only
# between words that are otherwise the same, in the order ngang, huyền, hỏi, ngã, sắc, nặng.
_VI_LETTERS = [
    "a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k",
    "l", "m", "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w",
    "x", "y", "z",
]  # fmt: skip
_VI_RANK = {letter: rank for rank, letter in enumerate(_VI_LETTERS)}
_VI_MODIFIERS = frozenset("\u0306\u0302\u031b")
_VI_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@functools.lru_cache(maxsize=8192)
def vi_sort_key(value: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], str]:
    """Order as a Vietnamese dictionary does: "Dương" < "Đặng" < "Em"; "Anh" < "Ánh" < "Ảnh"
    by letters first, tones only to break ties, then the text itself."""
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    base = ""
    for ch in unicodedata.normalize("NFD", clean(value).casefold()):
        if ch in _VI_TONES:
            if tones:
                tones[-1] = _VI_TONES[ch]
        elif ch in _VI_MODIFIERS and base:
            base += ch
            letters[-1] = (1, _VI_RANK.get(base, len(_VI_LETTERS)))
        elif ch in _VI_RANK:
            base = ch
            letters.append((1, _VI_RANK[ch]))
            tones.append(0)
        else:  # spaces, digits, punctuation, other scripts: before letters, by code point
            base = ""
            letters.append((0, ord(ch)))
            tones.append(0)
    return tuple(letters), tuple(tones), value


# How names are ordered everywhere.
sort_key = vi_sort_key
