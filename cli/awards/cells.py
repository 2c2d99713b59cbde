"""A value as a table cell shows it, and how many terminal cells its text takes.

A column's ``Measure`` is all a table's layout needs of its values; measures of two sets of
values merge into the measure of both, so that the data file can keep one for each award field
(``store.summary``) and a list of every award is laid out before its rows are read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, cast, overload

from awards.text import printable

if TYPE_CHECKING:
    from awards.grid import Cell

NONE_SHOWN = "—"
FLOOR = 16  # a text column keeps its longest word, and this many cells if its text is longer:
# a name folded into lines narrower than this reads badly

# Text whose every character takes one cell: ASCII, Latin (Vietnamese included, precomposed),
# Greek, Cyrillic, punctuation and box drawing. Anything else is measured character by character.
_ONE_CELL = re.compile(
    "[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u1e00-\u1eff\u2010-\u205e\u2500-\u25ff]*"
)
_LONG_WORD = re.compile(f"[^ ]{{{FLOOR + 1}}}")  # or longer: a word, or words split by a tab


def cell_text(value: Cell) -> str:
    """A cell's value as text: None as a dash, control characters escaped."""
    if value is None:
        return NONE_SHOWN
    return printable(str(value), keep_newlines=True)


def one_cell_each(text: str) -> bool:
    """Whether every character of ``text`` takes one terminal cell (one check in C)."""
    return _ONE_CELL.fullmatch(text) is not None


def texts(values: Sequence[Cell]) -> list[str]:
    """The cells as shown (``cell_text``): at once where every one is printable, which one
    check in C over them all tells, else cell by cell."""
    try:  # every value text, the usual case: as they are
        joined = "".join(cast("Sequence[str]", values))
        shown = list(cast("Sequence[str]", values))
    except TypeError:
        shown = [NONE_SHOWN if value is None else str(value) for value in values]
        joined = "".join(shown)
    return shown if joined.isprintable() else list(map(cell_text, values))


class Measure(NamedTuple):
    """What a table's layout needs of a column's values."""

    widest: int  # the widest value, in terminal cells
    word: int  # its widest word where one is wider than ``FLOOR``, else 0: no narrower word
    # ever decides a width
    plain: bool  # every value one line, each character one cell

    def merged(self, other: Measure) -> Measure:
        """The measure of both sets of values."""
        return Measure(
            max(self.widest, other.widest), max(self.word, other.word), self.plain and other.plain
        )


@overload
def measure(values: Iterable[Cell], width: Callable[[str], int]) -> Measure: ...
@overload
def measure(values: Iterable[Cell], width: None = None) -> Measure | None: ...
def measure(values: Iterable[Cell], width: Callable[[str], int] | None = None) -> Measure | None:
    """The measure of these values, each different one measured once; of whole numbers, the
    largest and the smallest. By length, over them all at once, where every character takes
    one cell (one check in C, the usual case) or does once composed (a name typed in NFD: its
    accents take no cell); else text by text with ``width``, and None without it. The words
    are measured only when one may be wider than ``FLOOR``."""
    distinct = set(values)
    if type(next(iter(distinct), None)) is int and all(type(v) is int for v in distinct):
        numbers = cast("set[int]", distinct)
        distinct = {max(numbers), min(numbers)}
    try:  # every value text and printable, the usual case: joined once, as they are
        strings = cast("set[str]", distinct)
        flat = " ".join(strings)
        shown: Iterable[str] = strings if flat.isprintable() else ()
    except TypeError:
        shown = ()
    if distinct and not shown:
        shown = texts(list(distinct))
        flat = " ".join(shown)
    lines = "\n" in flat
    spaced = flat.replace("\n", " ") if lines else flat
    one_cell = _ONE_CELL.fullmatch(spaced) is not None
    plain = one_cell and not lines
    if not one_cell:
        composed = unicodedata.normalize("NFC", spaced)
        one_cell = _ONE_CELL.fullmatch(composed) is not None
        if one_cell:
            spaced = composed
            shown = [unicodedata.normalize("NFC", text) for text in shown]
    if one_cell:
        widest = max(map(len, shown), default=0) if not lines else max(
            (len(line) for text in shown for line in text.split("\n")), default=0)  # fmt: skip
        long_word = widest > FLOOR and _LONG_WORD.search(spaced) is not None
        word = max(map(len, spaced.split())) if long_word else 0
    elif width is None:
        return None
    else:
        widest = max((width(line) for text in shown for line in text.split("\n")), default=0)
        word = max((width(w) for w in spaced.split()), default=0) if widest > FLOOR else 0
    return Measure(widest, word if word > FLOOR else 0, plain)
