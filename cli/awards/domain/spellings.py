"""The names a register knows: the spellings of issuers and units already in use, so that a new
value takes the stored one and one category never splits in a tally (a near-twin that differs
only by its diacritics is refused with a "did you mean"), and its catalogue of forms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from awards import text
from awards.domain.catalogue import LAW_CATALOGUE, Catalogue, Found
from awards.domain.records import Award, Issuer, field_values
from awards.domain.values import parse_optional_text, parse_text
from awards.errors import Conflict
from awards.i18n import N_, _


class Spellings:
    """The spellings of issuers and units already in use, so a new value takes the stored one.

    Built once per command from the stored awards; an import teaches it each row it accepts, so
    later rows agree with earlier ones. Lookups cost the same however many awards there are.
    """

    READS = frozenset({"issuer", "unit"})  # of each stored award: all it reads

    def __init__(
        self, awards: Iterable[Award | Mapping[str, Any]] = (), issuers: Iterable[Issuer] = (),
        catalogue: Catalogue = LAW_CATALOGUE
    ) -> None:  # fmt: skip
        self.catalogue = catalogue
        self.version = 0  # grows with every spelling learned: AwardBuilder forgets on a change
        self._issuers: dict[str, str] = {}  # key -> stored spelling
        self._issuer_folds: dict[str, str] = {}  # folded -> stored spelling
        self._units: dict[str, str] = {}
        for issuer in issuers:  # the registry first: its names and aliases win
            for name in (issuer.name, *issuer.aliases):
                self._issuers.setdefault(text.key(name), issuer.name)
                self._issuer_folds.setdefault(text.fold(name), issuer.name)
        # Distinct values first, in file order: 100,000 awards hold a handful of issuers and a
        # few hundred units.
        self._records = list(awards)
        for spelling in dict.fromkeys(field_values(self._records, "issuer")):
            self._learn_issuer(str(spelling))
        self._units_read = False  # units are read when first needed: an add may have none

    def _read_units(self) -> None:
        if not self._units_read:
            self._units_read = True
            for unit in dict.fromkeys(field_values(self._records, "unit")):
                self._learn_unit(unit)

    def learn(self, award: Award | Mapping[str, Any]) -> None:
        """Take in an award's issuer and unit; a stored record (a mapping) will do."""
        self._read_units()
        self._learn_issuer(award.get("issuer", ""))
        self._learn_unit(award.get("unit"))

    def _learn_issuer(self, issuer: str) -> None:
        if (key := text.key(issuer)) not in self._issuers:
            self.version += 1
            self._issuers[key] = issuer
            self._issuer_folds.setdefault(text.fold(issuer), issuer)

    def _learn_unit(self, unit: str | None) -> None:
        if unit is not None and (key := text.key(unit)) not in self._units:
            self.version += 1
            self._units[key] = unit

    def twin(self, issuer: str) -> str | None:
        """The stored issuer that ``issuer`` matches only without its diacritics, if any."""
        return self._issuer_folds.get(text.fold(issuer))

    def issuer(self, value: str, *, allow_new: bool) -> str:
        """Take the stored spelling; refuse a near-twin that differs only by diacritics."""
        issuer = parse_text(value, N_("issuer"))
        stored = self._issuers.get(text.key(issuer))
        if stored is not None:
            return stored
        twin = self.twin(issuer)
        if twin is not None and not allow_new:
            message = _(
                "issuer {issuer!r} is not stored; did you mean {twin!r}? "
                "(use --new-issuer to keep it as a new issuer)"
            )
            raise Conflict(message.format(issuer=issuer, twin=twin))
        return issuer

    def form(self, value: str) -> Found:
        """The catalogue's form for a name as typed, and the issuer the name holds, if any."""
        return self.catalogue.find(parse_text(value, N_("form")))

    def unit(self, value: str) -> str | None:
        self._read_units()
        unit = parse_optional_text(value)
        return unit and self._units.get(text.key(unit), unit)
