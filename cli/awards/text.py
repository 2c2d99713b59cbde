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


@functools.lru_cache(maxsize=8192)
def fold(value: str) -> str:
    """Case- and accent-insensitive form: ``Nguyễn Văn Đức`` folds to ``nguyen van duc``."""
    decomposed = unicodedata.normalize("NFD", clean(value).casefold())
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return bare.replace("đ", "d")


def sort_key(value: str) -> tuple[str, str]:
    """Order names by their folded form first, so accents do not scatter a list."""
    return fold(value), key(value)


def printable(value: str, *, keep_newlines: bool = False) -> str:
    """Make any control or invisible character visible as an escape before it reaches a terminal.

    Stored text never holds them (``clean`` removes them), but a data file edited by hand might.
    """
    out = []
    for ch in value:
        if (ch == "\n" and keep_newlines) or unicodedata.category(ch) not in _INVISIBLE:
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


# A spreadsheet runs a cell that begins with one of these as a formula ("CSV injection").
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


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
