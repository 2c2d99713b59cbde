"""Single values as users type them: text, years, dates, counts, kinds, levels, methods and
categories, each parsed and checked into its stored form. Forms are the catalogue's."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from awards import text
from awards.domain import vocab
from awards.errors import Invalid
from awards.i18n import N_, _

MAX_COUNT = 1_000_000  # recipients one record may stand for: more than a province's workforce
_CODE = re.compile(r"[A-Za-z0-9_-]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Day first, as Vietnamese write it: 15/12/2023, 15-12-2023, 15.12.2023, 15/12/23, and
# "ngày 15 tháng 12 năm 2023" (matched folded, without its diacritics).
_VN_DATE = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})")
_WORDS_DATE = re.compile(r"(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_YEAR_WORD = re.compile(r"^(?:nam|year)\s*[:.]?\s*", re.IGNORECASE)
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's dates, as its 1900 system counts


@functools.lru_cache(maxsize=1)
def last_year() -> int:
    """Awards may be recorded up to next year (decisions are often dated ahead)."""
    return dt.date.today().year + 1


def parse_text(value: str, field_name: str, *, multiline: bool = False) -> str:
    """A required text: a recipient, a program. Each is a new one, so it is cleaned uncached."""
    cleaned = text.cleaned(value, multiline=multiline)
    if not cleaned:
        raise Invalid(_("{field} must not be empty").format(field=_(field_name)))
    return cleaned


@functools.lru_cache(maxsize=4096)
def parse_optional_text(value: str | None, *, multiline: bool = False) -> str | None:
    """An optional text; an empty value clears it."""
    if value is None:
        return None
    return text.clean(value, multiline=multiline) or None


@functools.lru_cache(maxsize=4096)
def parse_year(value: int | float | str, field_name: str = N_("year"), ahead: int = 0) -> int:
    """A year typed as text, or stored by a spreadsheet as a number (2018 or 2018.0), up to
    next year, or ``ahead`` years beyond it (a phase is signed before it starts)."""
    complaint = _("{field} must be a year such as 2018, not {value!r}")
    number = _whole_number(value, complaint.format(field=_(field_name), value=value))
    latest = last_year() + ahead
    if not vocab.FIRST_YEAR <= number <= latest:
        message = _("{field} {year} is out of range ({first}–{last})")
        raise Invalid(
            message.format(field=_(field_name), year=number, first=vocab.FIRST_YEAR, last=latest)
        )
    return number


def _whole_number(value: int | float | str, complaint: str) -> int:
    if isinstance(value, bool):
        raise Invalid(complaint)
    if isinstance(value, float):
        if not value.is_integer():
            raise Invalid(complaint)
        return int(value)
    if isinstance(value, str):
        stripped = _YEAR_WORD.sub("", text.fold(value))  # "Năm 2023"
        if not stripped.isdigit() or not stripped.isascii() or len(stripped) > 18:
            raise Invalid(complaint)  # 18 digits: far beyond any year or count, yet exact
        return int(stripped)
    return value


@functools.lru_cache(maxsize=4096)
def parse_date(value: str | None, field_name: str = N_("date")) -> str | None:
    """A date as ``2018-06-12``, day first as Vietnamese write it (``12/06/2018``,
    ``12-06-2018``, ``12.6.18``, ``ngày 12 tháng 6 năm 2018``), or the day number a spreadsheet
    keeps for a date (``43263``); returned as ISO text."""
    if value is None or not text.clean(value):
        return None
    raw = text.clean(value)
    folded = text.fold(raw)
    if match := _ISO_DATE.fullmatch(raw):
        year, month, day = (int(part) for part in match.groups())
    elif match := _VN_DATE.fullmatch(folded):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        if len(match[4]) == 2:  # 23 is 2023; 98 is 1998
            year += 2000 if year <= last_year() % 100 else 1900
    elif match := _WORDS_DATE.fullmatch(folded):
        day, month, year = (int(part) for part in match.groups())
    elif raw.replace(".0", "", 1).isdigit() and 10_000 <= float(raw) < 100_000:
        serial = _EXCEL_EPOCH + dt.timedelta(days=int(float(raw)))
        year, month, day = serial.year, serial.month, serial.day
    else:
        message = _("{field} {value!r} is not a date: use 2018-06-12 or 12/06/2018")
        raise Invalid(message.format(field=_(field_name), value=raw))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        complaint = _("{field} {value!r} is not a real date")
        raise Invalid(complaint.format(field=_(field_name), value=raw)) from None
    parse_year(date.year, _("the year of {field}").format(field=_(field_name)))
    return date.isoformat()


@functools.lru_cache(maxsize=4096)
def parse_count(value: int | float | str) -> int:
    value = _whole_number(
        value, _("count must be a whole number, not {value!r}").format(value=value)
    )
    if not 1 <= value <= MAX_COUNT:
        message = _("count must be from 1 to {most}, not {value}")
        raise Invalid(message.format(most=MAX_COUNT, value=value))
    return value


def _words(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """What may be typed for each code, matched as ``text.loose`` folds it."""
    return {text.loose(typed): code for typed, code in pairs}


_KINDS = _words(vocab.KIND_WORDS.items())
_LEVELS = _words([*((level, level) for level in vocab.LEVELS), *vocab.LEVEL_WORDS.items()])
_METHODS = _words([*((w, code) for code, name in vocab.METHODS.items() for w in (code, name)),
                   *vocab.METHOD_WORDS.items()])  # fmt: skip
_CATEGORIES = _words(
    (w, code)
    for code, (_kind, name, others) in vocab.CATEGORIES.items()
    for w in (code, name, *others)
)


def _closed(value: str, words: dict[str, str], complaint: str, codes: Iterable[str]) -> str:
    """The code ``value`` stands for, or the complaint that lists the codes."""
    found = words.get(text.loose(value))
    if found is None:
        shown = ", ".join(codes)
        raise Invalid(complaint.format(value=text.clean(value), codes=shown, levels=shown))
    return found


@functools.lru_cache(maxsize=4096)
def parse_kind(value: str) -> str:
    complaint = _("unknown kind {value!r}: use individual (cá nhân), collective (tập thể), "
                  "household (hộ gia đình) or mixed (tập thể, cá nhân)")  # fmt: skip
    return _closed(value, _KINDS, complaint, ())


def parse_level(value: str) -> str | None:
    """One of ``LEVELS`` (or its Vietnamese word: bộ, tỉnh, sở…); empty clears it."""
    complaint = _("unknown level {value!r}; the levels are: {levels}")
    return _closed(value, _LEVELS, complaint, vocab.LEVELS) if text.loose(value) else None


@functools.lru_cache(maxsize=256)
def parse_method(value: str) -> str | None:
    """A method (regular, thematic… or thường xuyên, chuyên đề…); empty clears it."""
    complaint = _("unknown method {value!r}; use one of: {codes}")
    return _closed(value, _METHODS, complaint, vocab.METHODS) if text.loose(value) else None


@functools.lru_cache(maxsize=256)
def parse_category(value: str) -> str | None:
    """A recipient group of form 0603 (enterprise, worker… or doanh nghiệp, công nhân…)."""
    complaint = _("unknown category {value!r}; use one of: {codes}")
    return _closed(value, _CATEGORIES, complaint, vocab.CATEGORIES) if text.loose(value) else None


_SECTORS = {text.key(sector): sector for sector in vocab.SECTORS}


@functools.lru_cache(maxsize=256)
def parse_sector(value: str) -> str | None:
    """A field of activity: one of ``SECTORS`` in their spelling when it is one (in any case),
    else as typed; empty clears it."""
    sector = parse_optional_text(value)
    return sector and _SECTORS.get(text.key(sector), sector)


def _labelled(table: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    return _words((w, code) for code, (label, others) in table.items()
                  for w in (code, label, *others))  # fmt: skip


_HOSTS, _SCOPES = _labelled(vocab.HOSTS), _labelled(vocab.SCOPES)
_MOVEMENTS = _labelled(vocab.MOVEMENTS)


def parse_host(value: str) -> str | None:
    """Who hosts a program, for form 0601 (central, ministry-province, unit); empty clears."""
    complaint = _("unknown host {value!r}; use one of: {codes}")
    return _closed(value, _HOSTS, complaint, vocab.HOSTS) if text.loose(value) else None


def parse_scope(value: str) -> str | None:
    """A program's scope, for form 0601 (national, ministry-province, cluster, unit)."""
    complaint = _("unknown scope {value!r}; use one of: {codes}")
    return _closed(value, _SCOPES, complaint, vocab.SCOPES) if text.loose(value) else None


def parse_movement(value: str) -> str | None:
    """A program's kind, for form 0601: thematic (chuyên đề) or regular (thường xuyên)."""
    complaint = _("unknown movement {value!r}; use one of: {codes}")
    return _closed(value, _MOVEMENTS, complaint, vocab.MOVEMENTS) if text.loose(value) else None


MAX_YEARS = 50


def parse_years(value: int | float | str) -> int | None:
    """How many years a program says it runs, 1 to ``MAX_YEARS``; 0 or empty clears it (the
    length is then counted from the phase's years)."""
    if isinstance(value, str) and not value.strip():
        return None
    complaint = _("years must be a whole number, not {value!r}").format(value=value)
    years = _whole_number(value, complaint)
    if not 0 <= years <= MAX_YEARS:
        raise Invalid(_("years must be from 1 to {most}, not {value}").format(
            most=MAX_YEARS, value=years))  # fmt: skip
    return years or None


def parse_code(value: str) -> str:
    code = text.clean(value)
    if not _CODE.fullmatch(code):
        message = _(
            "phase code {code!r} may hold only letters, digits, '-' and '_' (e.g. 2018-2023)"
        )
        raise Invalid(message.format(code=code))
    return code


def parse_list(values: Iterable[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(cleaned for value in values if (cleaned := text.clean(value)))
