"""The records: a phase of a program, an award, an issuer. Plain frozen values; they are made
only by ``domain.build``, which checks every field, and the store, which reads them."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter
from typing import Any

import msgspec

from awards import text


class _Record:
    __slots__ = ()
    __match_args__: tuple[str, ...]  # the fields, in order: made by @dataclass

    def to_dict(self) -> dict[str, Any]:
        """The fields by name, lists as lists: as the file, an export and JSON hold them."""
        return {n: list(v) if type(v) is tuple else v
                for n in self.__match_args__ for v in (getattr(self, n),)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Phase(_Record):
    """One phase of a coordination program, e.g. 2018-2023, with who signed it."""

    code: str
    program: str
    start: int
    end: int
    signed_on: str | None = None
    signers: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    note: str | None = None
    host: str | None = None  # who launched it, for form 0601: central, ministry-province, unit
    scope: str | None = None  # national, ministry-province, cluster, unit
    movement: str | None = None  # thematic or regular (a yearly movement)
    years: int | None = None  # how long the program says it runs; None: counted from its years

    def contains(self, year: int) -> bool:
        return self.start <= year <= self.end


class Award(msgspec.Struct, frozen=True, gc=False):
    """One award record; ``count`` is how many recipients it stands for (a total may be > 1).

    A msgspec struct rather than a dataclass: a command may build 100,000, and a struct is made
    in C (0.1 s for a phase's 46,000, where a frozen dataclass sets each field in Python and
    took three times that). Its values are text, numbers and None, which hold no other object,
    so the garbage collector need not track it."""

    id: int
    recipient: str
    kind: str
    count: int
    form: str
    issuer: str
    year: int
    phase: str | None = None
    decision: str | None = None
    decided_on: str | None = None
    honorific: str | None = None  # Ông, Bà, Thượng tá: how the recipient is addressed
    position: str | None = None  # Chức vụ
    unit: str | None = None
    note: str | None = None
    method: str | None = None  # one of METHODS
    category: str | None = None  # one of CATEGORIES, fitting the kind
    sector: str | None = None  # Lĩnh vực hoạt động
    revoked_decision: str | None = None  # set when a later decision revoked the award
    revoked_on: str | None = None
    revoked_reason: str | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_decision is not None

    def get(self, name: str, default: Any = None) -> Any:
        """A field by name, as a stored record gives it: filters and tallies take either."""
        return getattr(self, name, default)

    def to_dict(self) -> dict[str, Any]:
        """The fields by name: as the file, an export and JSON hold them."""
        return {name: getattr(self, name) for name in self.__struct_fields__}

    def replaced(self, **changes: Any) -> Award:
        """This award with ``changes`` to its fields."""
        return msgspec.structs.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Issuer(_Record):
    """Who gives awards, at which level, and the other names it is typed under."""

    name: str
    level: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry(_Record):
    """A title or form of the catalogue: the law's (``domain.catalogue``) or a register's own.

    ``kinds`` may receive it and issuers of ``levels`` may give it; ``classes`` are its classes
    (hạng Nhất, Nhì, Ba), highest first; ``statistic`` is the form that counts it (0602, 0603;
    "level": the issuer's level decides; None: none); ``issuer`` is the one its name names."""

    name: str
    group: str
    kinds: tuple[str, ...]
    levels: tuple[str, ...]
    classes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    statistic: str | None = "level"
    basis: str | None = None  # the article of the law; None: a register's own entry
    issuer: str | None = None
    verb: str | None = None  # None: its group's


@dataclass(frozen=True, slots=True)
class Office(_Record):
    """Who keeps the register, as its documents and forms name it: the unit and the body above
    it, the partner of a joint program and the body above that, the place its documents are
    dated at, who signs (as "Name, Title"), and the units a form is filed by and with."""

    unit: str | None = None
    parent: str | None = None
    partner: str | None = None
    partner_parent: str | None = None
    place: str | None = None
    signers: tuple[str, ...] = ()
    reporting_unit: str | None = None
    receiving_unit: str | None = None


DuplicateKey = tuple[str, str, str, str, int]


def duplicate_key(award: Award | Mapping[str, Any]) -> tuple[DuplicateKey, str]:
    """What two records of one award share: recipient and unit (any case or spacing, NFC or
    NFD, either tone placement), form, issuer and year; and the decision, which tells two
    awards apart only where both have one. Names that differ in their diacritics differ."""
    if type(award) is Award:  # an import keys each row it takes: its fields at once, in C
        recipient, unit, form, issuer, year, decision = _KEYED(award)
    else:
        recipient, unit, form, issuer, year, decision = map(award.get, _KEYED_FIELDS)
    key = (text.same_key(recipient), _unit_key(unit), form, issuer, year)
    return key, _decision_key(decision)


_KEYED_FIELDS = ("recipient", "unit", "form", "issuer", "year", "decision")
_KEYED = attrgetter(*_KEYED_FIELDS)


def duplicate_keys(awards: Sequence[Award | Mapping[str, Any]]) -> list[tuple[DuplicateKey, str]]:
    """``duplicate_key`` of each award, made in C: the recipients keyed at once
    (``text.same_keys``), the units' and decisions' keys looked up."""
    column = functools.partial(field_values, awards)
    keys = zip(text.same_keys(list(column("recipient"))), map(_unit_key, column("unit")),
               column("form"), column("issuer"), column("year"), strict=True)  # fmt: skip
    return list(zip(keys, map(_decision_key, column("decision")), strict=True))


# Units and decisions repeat row after row; a recipient is new each time.
@functools.lru_cache(maxsize=4096)
def _unit_key(unit: str | None) -> str:
    return text.same_key(unit or "")


@functools.lru_cache(maxsize=4096)
def _decision_key(decision: str | None) -> str:
    return text.clean_key(decision or "")


def field_values(awards: Sequence[Award | Mapping[str, Any]], name: str) -> Iterator[Any]:
    """Each award's value of ``name``; stored records (mappings) are read in C."""
    if awards and isinstance(awards[0], dict):
        return map(dict.get, awards, repeat(name))  # type: ignore[arg-type]
    return map(attrgetter(name), awards)


def fields_values(
    awards: Sequence[Award | Mapping[str, Any]], names: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """Each award's values of ``names``, in a tuple: of awards, in one pass over them (a pass
    costs more in reaching each award than in reading a field of it)."""
    if (awards and isinstance(awards[0], dict)) or len(names) < 2:
        return zip(*(field_values(awards, name) for name in names), strict=True)
    return map(attrgetter(*names), awards)


def decision_year(decided_on: str | None, year: int) -> int:
    """The year a decision was numbered in, which tells apart decisions of one number (a body
    numbers them afresh each year, Nghị định 30/2020/NĐ-CP, Điều 15): its date's, else (no
    date, or one edited by hand into other text) its award's."""
    dated = (decided_on or "")[:4]
    return int(dated) if dated.isdigit() else year
