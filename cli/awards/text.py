"""Vietnamese text as users type it: clean-up on input, folding for comparison, safe display.

Text arrives NFC or NFD, with stray spaces, mixed case and sometimes terminal escape sequences
pasted from elsewhere. ``clean`` makes the one stored form; ``key`` compares case-insensitively;
``fold`` also ignores diacritics (``đ`` folds to ``d``) for search and "did you mean" hints.
"""

import codecs
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, count
from typing import TypeVar

T = TypeVar("T")

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
    return cleaned(value, multiline=multiline)


def cleaned(value: str, *, multiline: bool = False) -> str:
    """``clean`` without its cache, for a value that is new each time, as an import's
    recipients are: caching 100,000 of them only turns the cache over."""
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
    Quang Phú and Quảng Phú are two names. Of a value that is clean already (``clean_key``)."""
    return _same_keyed(clean_key(value))


def same_keys(values: Sequence[str]) -> list[str]:
    """``same_key`` of each value, in C over many at once (``_at_once``)."""
    return list(_at_once(values, same_key, lambda lines: _same_keyed(clean_key(lines)).split("\n")))


def _same_keyed(found: str) -> str:
    if "ð" in found:
        found = found.replace("ð", "đ")
    # A search first: most names have no tone to move, and one finds that at half a sub's cost.
    return _OLD_TONE.sub(_new_tone, found) if _OLD_TONE.search(found) else found


def _new_tone(match: re.Match[str]) -> str:
    return _OLD_TONES[match[1]]


def clean_key(value: str) -> str:
    """``key`` of a value that is clean already (stored, or checked): no cache to churn through
    when every value is a new one, as the recipients of an import are."""
    return unicodedata.normalize("NFC", value.casefold())


@functools.lru_cache(maxsize=8192)
def fold(value: str) -> str:
    """Case- and accent-insensitive form: ``Nguyễn Văn Đức`` folds to ``nguyen van duc``, and
    so does ``Ðức`` with the Icelandic eth typed for đ. Two names alike by ``same_key`` fold
    alike: what it moves or reads as another letter, this drops or reads as that letter."""
    return folded(value)


def folded(value: str) -> str:
    """``fold`` without its cache (nor ``clean``'s)."""
    return _bare(cleaned(value))


def folds(values: Sequence[str]) -> list[str]:
    """``fold`` of each value, for values looked at once each (the distinct names of a whole
    register, which would only churn through a cache): in C over many at once where every
    one is as ``clean`` leaves it (``_at_once``)."""
    return list(_at_once(values, folded, lambda lines: _bare(lines).split("\n"), stored=True))


def _bare(value: str) -> str:
    """A clean text folded: its marks dropped and đ (or ð) read as d. Each 8-bit code
    (``_Code``) folds the texts of its characters in C; any other is looked at by letter."""
    folded = value.casefold()
    try:  # Vietnamese as typed, in NFC
        return _AS_TYPED.translate(folded)
    except UnicodeEncodeError:
        decomposed = unicodedata.normalize("NFD", folded)
    try:  # any text of ASCII and combining marks
        return _DECOMPOSED.translate(decomposed)
    except UnicodeEncodeError:  # another letter: every nonspacing mark, by its category
        kept = (ch for ch in decomposed if unicodedata.category(ch) != "Mn")
        return "".join(kept).replace("đ", "d").replace("ð", "d")


class _Code:
    """An 8-bit code of ASCII and up to 128 characters past it (``past_ascii``), as the
    standard single-byte codecs are made, and one translation of its bytes: a text of nothing
    else is encoded in C, and each of its characters becomes what ``each`` makes of it (one
    ASCII character, or none)."""

    def __init__(self, past_ascii: str, each: Callable[[str], str]) -> None:
        characters = "".join(map(chr, range(0x80))) + past_ascii
        self._code = codecs.charmap_build(characters + "\ufffe" * (0x100 - len(characters)))
        made = list(map(each, characters))
        self._table = "".join(one or "\0" for one in made).encode("ascii").ljust(0x100, b"\0")
        self._deleted = bytes(at for at, one in enumerate(made) if not one)

    def translate(self, text: str) -> str:
        """``text`` translated; raises ``UnicodeEncodeError`` if it holds a character this code
        does not."""
        encoded = codecs.charmap_encode(text, "strict", self._code)[0]
        return encoded.translate(self._table, self._deleted).decode("ascii")


def _plain(character: str) -> str:
    """The letter a character is written on: none for a mark (nonspacing), d for đ and ð."""
    if unicodedata.category(character) == "Mn":
        return ""
    return "d" if character in "đð" else unicodedata.normalize("NFD", character)[0]


# The marks of Vietnamese, and its vowels as typed: with a modifier, a tone or both, each one
# character in NFC.
_VI_MODIFIERS = "\u0306\u0302\u031b"  # ă, â and ê, ô; ơ and ư: after their base letter
_VI_TONES = "\u0300\u0309\u0303\u0301\u0323"
_VI_TYPED = "".join(
    lettered for vowel in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
    for tone in ("", *_VI_TONES)
    if not (lettered := unicodedata.normalize("NFC", vowel + tone)).isascii()
)  # fmt: skip
# A decomposed text: the combining marks U+0300-U+036F, đ and ð. A text as typed, in NFC, so
# not decomposed first (a third of the time): the vowels as typed, đ and ð, and the marks of
# Vietnamese, which NFC leaves apart on a letter that has no character for them.
_DECOMPOSED = _Code("".join(map(chr, range(0x300, 0x370))) + "đð", _plain)
_AS_TYPED = _Code(_VI_TYPED + "đð" + _VI_TONES + _VI_MODIFIERS, _plain)


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


# A spreadsheet runs a cell that begins with one of these as a formula ("CSV injection"), or
# with a tab or carriage return; a cell that begins with "'" is neutralised again, so that
# ``restore_neutralised`` gives back exactly what was written.
FORMULA_FIRST = "'=+-@"
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
    if not value or value[0] not in _FORMULA_FIRST:  # most text: no pattern to run
        return value
    return "'" + value if _FORMULA_START.match(value) else value


_FORMULA_FIRST = frozenset(FORMULA_FIRST + "\t\r")


def as_typed(values: Iterable[object]) -> bool:
    """Whether every value of a row goes out as it is, with neither ``safe`` nor ``neutralise``
    changing it: all printable, none beginning as a formula may. A few calls in C for the whole
    row; a row it is not sure of (a value with "|=" inside) is simply looked at value by
    value."""
    shown = "|".join(map(str, values))
    return (
        shown.isprintable()
        and shown[:1] not in _FORMULA_FIRST
        and _FORMULA_AFTER_BAR.search(shown) is None
    )


# Faster than one pattern with "^|" in it: a pattern that begins with a character is looked
# for in C, one that begins with a choice is tried at every position.
_FORMULA_AFTER_BAR = re.compile(r"\|[" + re.escape(FORMULA_FIRST) + "]")


def restore_neutralised(value: str) -> str:
    """Undo ``neutralise`` on a cell read back from a CSV file."""
    if value.startswith("'") and _FORMULA_START.match(value, 1):
        return value[1:]
    return value


# Vietnamese alphabetical order: a ă â b c d đ e ê … o ô ơ … u ư …; the tone marks decide only
# between words that are otherwise the same, in the order ngang, huyền, hỏi, ngã, sắc, nặng.
# A key is one string, compared in C: the letters, a NUL, the tones, a \1 and the text itself
# (two texts of the same letters and tones, "An" and "an", in an order of their own).
#
# The letters: every other character first, by code point (spaces, digits, other scripts),
# then a ă â b c d đ e ê … o ô ơ … u ư … z, each one rank, then the three modifiers where they
# stand on another letter; the tones left out. A letter and its modifier as one rank order as
# the letter then the modifier ranked after every letter would: "ab" < "ăa" < "âa".
# The tones: "a" for each character that is not a tone, and each tone past it in its rank;
# read only between texts of the same letters, where they tell which has the first tone.
#
# Made fast by staying in ASCII: in a decomposed, casefolded text the Vietnamese marks and đ
# are the only characters past ASCII, and capitals are none (no character casefolds or
# decomposes into one). Each of the nine becomes a capital, and each part is then one
# translation of ASCII into ASCII, which Python makes from a table of 128 entries in C, where a
# character past ASCII makes it look every character up in a dictionary (half the time the
# keys took before); a letter and its modifier are then made one rank. The letters are ranked
# in ASCII too: 75 other characters (no capital: none is left), a stand-in for those past
# ASCII (each written after it), 33 letters and 3 modifiers; none of them NUL or a line break.
#
# The letters of a text as typed, of ASCII and Vietnamese letters only, are made without
# decomposing it (a third of the time): each of its characters is one byte of an 8-bit code,
# and one translation of the bytes gives each its rank, the rank the decomposed way gives it.
_VI_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_STAND_INS = dict(zip("đ" + _VI_MODIFIERS + _VI_TONES, "DBCHSTUVW", strict=True))
_RANKS = iter(c for c in range(1, 128) if c != ord("\n"))
_VI_LETTER_KEYS: dict[int, str | None] = {
    code: chr(next(_RANKS)) for code in range(128)
    if not ("a" <= chr(code) <= "z" or "A" <= chr(code) <= "Z" or chr(code) == "\n")
}  # fmt: skip
_PAST_ASCII = chr(next(_RANKS))  # before a character past ASCII, which follows it
_LETTER_RANKS = {letter: chr(next(_RANKS)) for letter in (*_VI_LETTERS, *_VI_MODIFIERS)}
# Each letter of a decomposed text, and each stand-in: its rank; the tones: none.
_VI_LETTER_KEYS |= {ord(_STAND_INS.get(letter, letter)): rank
                    for letter, rank in _LETTER_RANKS.items()
                    if letter.isascii() or letter in _STAND_INS}  # fmt: skip
_VI_LETTER_KEYS |= dict.fromkeys(map(ord, map(_STAND_INS.__getitem__, _VI_TONES)))
# A letter and its modifier, ranked apart, as the one rank of the letter they make.
_JOINED = [(_LETTER_RANKS[apart[0]] + _LETTER_RANKS[apart[1]], _LETTER_RANKS[joined])
           for joined in "ăâêôơư" for apart in [unicodedata.normalize("NFD", joined)]]  # fmt: skip
_VI_TONE_KEYS = dict.fromkeys(range(128), "a") | {ord("\n"): "\n"} | {
    ord(_STAND_INS[tone]): chr(ord("b") + rank) for rank, tone in enumerate(_VI_TONES)}  # fmt: skip


def _stood(lines: str) -> tuple[str, dict[int, str | None], dict[int, str]]:
    """``lines`` casefolded and decomposed, each Vietnamese mark and đ by its stand-in, and
    the tables that make its letters and its tones (see above)."""
    stood = unicodedata.normalize("NFD", lines.casefold())
    for mark, stand_in in _STAND_INS.items():
        stood = stood.replace(mark, stand_in)
    letters, tones = _VI_LETTER_KEYS, _VI_TONE_KEYS
    if not stood.isascii():  # another script, another mark: looked up, and ranked by code
        past = {ord(character) for character in set(stood) if character > "\x7f"}
        letters = letters | {code: _PAST_ASCII + chr(code) for code in past}
        tones = tones | dict.fromkeys(past, "a")
    return stood, letters, tones


def _letters_of(stood: str, letters: dict[int, str | None]) -> str:
    """The letters of a text ``_stood`` made, by its table ``letters``."""
    ranked = stood.translate(letters)
    for apart, joined in _JOINED:
        ranked = ranked.replace(apart, joined)
    return ranked


def _sort_keyed(lines: str) -> list[str]:
    """The letters and tones of each line of ``lines`` (see above), a NUL between them."""
    stood, letters, tones = _stood(lines)
    return list(map("\0".join, zip(_letters_of(stood, letters).split("\n"),
                                   stood.translate(tones).split("\n"), strict=True)))  # fmt: skip


def _lettered(lines: str) -> list[str]:
    """The letters of each line of ``lines``, as ``_sort_keyed`` makes them: of a text of
    ASCII and Vietnamese letters as typed, by its 8-bit code (see above)."""
    try:
        return _TYPED_LETTERS.translate(lines.casefold()).split("\n")
    except UnicodeEncodeError:
        stood, letters, _tones = _stood(lines)
        return _letters_of(stood, letters).split("\n")


def _rank(character: str) -> str:
    """The rank of one character, as the decomposed way gives it (``_letters_of``)."""
    return "\n" if character == "\n" else _letters_of(*_stood(character)[:2])


# ASCII and the Vietnamese letters as typed, each by its rank.
_TYPED_LETTERS = _Code(_VI_TYPED + "đ", _rank)


def _letters_and_tones(value: str) -> str:
    """The letters and tones of one value, as ``_sort_keyed`` makes them of a clean line."""
    return _sort_keyed(clean(value))[0]


def _letters(value: str) -> str:
    """The letters of one value, as ``_lettered`` makes them of a clean line."""
    return _lettered(clean(value))[0]


@functools.lru_cache(maxsize=8192)
def vi_sort_key(value: str) -> str:
    """Order as a Vietnamese dictionary does: "Dương" < "Đặng" < "Em"; "Anh" < "Ánh" < "Ảnh"
    by letters first, tones only to break ties, then the text itself (see above).

    A modifier (the breve of ă, the circumflex of â, the horn of ơ) sorts after every letter, so
    "ab" < "ăa" < "âa"; words of the same letters are ordered by the first tone that differs,
    none first, then huyền, hỏi, ngã, sắc, nặng."""
    return f"{_letters_and_tones(value)}\1{value}"


# How names are ordered everywhere.
sort_key = vi_sort_key


def sort_keys(values: Sequence[str]) -> list[str]:
    """Keys that order ``values`` as ``sort_key`` does, to be compared with each other: made in
    C over many at once where every value is as ``clean`` leaves it (``_at_once``), and as
    little of each as tells it apart. A value whose letters no other value has: its letters
    alone, which order it among the others as its whole key would (where one's letters begin
    another's, the NUL before the tones is less than any letter). Values of the same letters:
    their letters and tones; where two different values have the same letters and tones too,
    each value's ``sort_key``. Texts in ASCII, which a sort compares fastest."""
    keys = list(_at_once(values, _letters, _lettered, stored=True))
    distinct = len(set(keys))
    if distinct == len(keys) or distinct == len(set(values)):  # the first: no value twice
        return keys
    held = Counter(keys)
    alike = list(compress(count(), map((1).__lt__, map(held.__getitem__, keys))))
    named = list(map(values.__getitem__, alike))
    toned = list(_at_once(named, _letters_and_tones, _sort_keyed, stored=True))
    if len(set(toned)) != len(set(named)):  # two values of the same letters and tones
        toned = list(map("{}\1{}".format, toned, named))
    for at, key in zip(alike, toned, strict=True):
        keys[at] = key
    return keys


def _at_once(
    values: Sequence[str], each: Callable[[str], str], lines: Callable[[str], Iterable[str]],
    *, stored: bool = False
) -> Iterator[str]:  # fmt: skip
    """``each`` of every value, made 10,000 values at a time by ``lines`` from their lines
    joined (the texts made on the way are four bytes a letter: 30 MB for 100,000 names at
    once). ``lines`` maps a text line by line, in C, and gives the lines it makes, each
    ``each`` of its value; that holds where every value is one line (and, with ``stored``,
    as ``clean`` leaves it: as the file keeps it, the usual case). A part where any is not
    is made value by value."""
    for at in range(0, len(values), _AT_ONCE):
        part = values[at : at + _AT_ONCE]
        joined = "\n".join(part)
        if joined.count("\n") != len(part) - 1 or (stored and not _as_cleaned(joined)):
            yield from map(each, part)
        else:
            yield from lines(joined)


_AT_ONCE = 10_000


def _as_cleaned(joined: str) -> bool:
    """Whether each line of ``joined`` (values joined, one to a line) is as ``clean`` leaves
    it: NFC, nothing that is not printable (so no space but " "), no space at either end nor
    two; and none empty (rarely a value: its part is then made value by value)."""
    # Its line breaks as spaces: a break is not printable, and a space beside one, or an empty
    # line, then makes two.
    spaced = joined.replace("\n", " ")
    return (
        unicodedata.is_normalized("NFC", joined)
        and spaced.isprintable()
        and "  " not in spaced
        and spaced[:1] != " "
        and spaced[-1:] != " "
    )


def ordered(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """The items in the order of their names (``sort_key``), equal names as they came."""
    items = list(items)
    keys = sort_keys(list(map(name, items)))
    return list(map(items.__getitem__, sorted(range(len(items)), key=keys.__getitem__)))
