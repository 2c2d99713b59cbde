"""Choosing and ordering awards: the FILTERS that ``list``, ``tally`` and ``export`` share,
finding an award by id, and ``--sort``."""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import compress, repeat
from typing import TYPE_CHECKING, Any

from awards import text
from awards.domain.build import find_phase
from awards.domain.catalogue import LAW_CATALOGUE, Catalogue
from awards.domain.records import Award, Issuer, Phase, field_values
from awards.domain.spellings import Spellings
from awards.domain.values import parse_category, parse_kind, parse_sector, parse_year
from awards.domain.vocab import AWARD_FIELDS
from awards.errors import Invalid, NotFound, UsageProblem
from awards.i18n import N_, _

if TYPE_CHECKING:
    from awards.store import Records
    from awards.store.tables import AwardRows

# An award, or its stored record: both give their fields by name through ``get``.
Row = Award | Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Filters:
    """The FILTERS options that list, tally and export share: as typed, or as ``make_filter``
    checks them to match awards with. None means "any"."""

    year: int | None = None
    first_year: int | None = None
    last_year: int | None = None
    phase: str | None = None
    form: str | None = None  # checked: and every form whose name begins with it
    issuer: str | None = None  # checked: its text.key
    kind: str | None = None
    category: str | None = None
    sector: str | None = None  # checked: its text.key
    search: str | None = None  # checked: its text.fold

    def fields(self) -> frozenset[str]:
        """The award fields that ``selected`` reads, for the filters given."""
        given = [reads for name, reads in _READS.items() if getattr(self, name) is not None]
        return frozenset(field for reads in given for field in reads)

    def selected(self, awards: Sequence[Row]) -> Iterator[bool]:
        """Whether each award matches every filter given: a field at a time, in C, each
        distinct value of a name (a form, an issuer, a sector) looked at once."""
        tests: list[Iterator[bool]] = []
        column = functools.partial(field_values, awards)
        for name in ("year", "phase", "kind", "category"):
            if (wanted := getattr(self, name)) is not None:
                tests.append(map(operator.eq, column(name), repeat(wanted)))
        if self.first_year is not None:
            tests.append(map(operator.le, repeat(self.first_year), column("year")))
        if self.last_year is not None:
            tests.append(map(operator.ge, repeat(self.last_year), column("year")))
        for name, passes in (("form", self._form), ("issuer", self._issuer),
                             ("sector", self._sector)):  # fmt: skip
            if getattr(self, name) is not None:
                values = list(column(name))
                tests.append(map({v: passes(v) for v in set(values)}.__getitem__, values))
        if self.search is not None:
            found = [map(operator.contains, _folds(column(name)), repeat(self.search))
                     for name in SEARCHED]  # fmt: skip
            tests.append(map(any, zip(*found, strict=True)))
        if not tests:
            return repeat(True, len(awards))
        return tests[0] if len(tests) == 1 else map(all, zip(*tests, strict=True))

    def _form(self, form: str) -> bool:
        return _same_form(form, self.form or "")

    def _issuer(self, issuer: str) -> bool:
        return text.key(issuer) == self.issuer

    def _sector(self, sector: str | None) -> bool:
        return text.key(sector or "") == self.sector


# What each filter reads of an award; ``--search`` looks in the fields it names.
SEARCHED = ("recipient", "unit", "decision", "note")
_READS = {"year": ("year",), "first_year": ("year",), "last_year": ("year",),
          "phase": ("phase",), "form": ("form",), "issuer": ("issuer",), "kind": ("kind",),
          "category": ("category",), "sector": ("sector",), "search": SEARCHED}  # fmt: skip


def _same_form(form: str, wanted: str) -> bool:
    """A form selects those whose names begin with it: ``Huân chương Lao động`` each of its
    classes, ``Huân chương`` every order, ``Bằng khen`` the Prime Minister's too."""
    return form == wanted or form.startswith(wanted) and form.startswith(" ", len(wanted))


def _folds(values: Iterable[Any]) -> list[str]:
    """Each value's ``text.fold`` ("" for none), each distinct one folded once."""
    values = list(values)
    distinct = [value for value in dict.fromkeys(values) if isinstance(value, str) and value]
    folded = dict(zip(distinct, text.folds(distinct), strict=True))
    return [folded.get(value, "") if isinstance(value, str) else "" for value in values]


def make_filter(
    phases: Sequence[Phase], given: Filters, issuers: Sequence[Issuer] = (),
    catalogue: Catalogue = LAW_CATALOGUE
) -> Filters:  # fmt: skip
    """Check and normalise filter values as ``add`` would, so ``--form bang-khen`` works and
    an issuer's alias selects its awards."""
    issuer = given.issuer
    if issuer is not None:
        wanted = text.key(issuer)
        issuer = next(
            (i.name for i in issuers if wanted in {text.key(n) for n in (i.name, *i.aliases)}),
            issuer,
        )
    return Filters(
        year=None if given.year is None else parse_year(given.year),
        first_year=None if given.first_year is None else parse_year(given.first_year, N_("from")),
        last_year=None if given.last_year is None else parse_year(given.last_year, N_("to")),
        phase=None if given.phase is None else find_phase(given.phase, phases).code,
        form=None if given.form is None else catalogue.find(given.form).form,
        issuer=None if issuer is None else text.key(issuer),
        kind=None if given.kind is None else parse_kind(given.kind),
        category=None if given.category is None else parse_category(given.category),
        sector=None if given.sector is None else text.key(parse_sector(given.sector) or ""),
        search=None if given.search is None else (text.fold(given.search) or None),
    )


def _checked(records: Records, given: Filters) -> Filters:
    """``make_filter`` with the issuer resolved as ``add`` resolves it: a stored spelling in any
    case or spacing is that issuer; one that matches only without its diacritics is refused
    with the stored one named, rather than matching nothing."""
    if given.issuer is not None:
        known = Spellings(records.award_rows.values(), records.issuers)
        resolved = known.issuer(given.issuer, allow_new=True)
        twin = known.twin(resolved)
        if twin is not None and twin != resolved:
            message = _("no issuer {issuer!r}; did you mean {twin!r}?")
            raise Invalid(message.format(issuer=resolved, twin=twin))
        given = replace(given, issuer=resolved)
    return make_filter(records.phases, given, records.issuers, records.catalogue)


def chosen_awards(records: Records, given: Filters) -> list[Award]:
    """The awards that the filters let through. The filter runs over the stored records, a
    part at a time as they are read (``Records.award_parts``); only those that pass become
    awards."""
    award_filter = _checked(records, given)
    if award_filter == Filters():  # no filter given: everything, without asking each
        return records.awards
    chosen = [pair for part in records.award_parts()
              for pair in compress(part, award_filter.selected([r for _, r in part]))]  # fmt: skip
    return records.awards_from(chosen)


def chosen_rows(records: Records, given: Filters) -> AwardRows:
    """The awards that the filters let through as an export writes them (``rows_from``)."""
    award_filter = _checked(records, given)
    if award_filter == Filters():
        return records.every_row()
    rows = records.award_rows.items()
    chosen = award_filter.selected(list(records.award_rows.values()))
    return records.rows_from(compress(rows, chosen))


def chosen_records(records: Records, given: Filters) -> list[Mapping[str, Any]]:
    """The stored records that the filters let through, for a tally, which needs no more."""
    award_filter = _checked(records, given)
    rows: list[Mapping[str, Any]] = list(records.award_rows.values())
    if award_filter == Filters():
        return rows
    return list(compress(rows, award_filter.selected(rows)))


def find_award(records: Records, award_id: int) -> Award:
    """The award, or the error that names the id."""
    award = records.award(award_id)
    if award is None:
        raise NotFound(_("no award with id {id}").format(id=award_id))
    return award


def sort_rows(rows: AwardRows, sort: str | None, limit: int | None = None) -> AwardRows:
    """Order by a field (``-year`` for descending); ids break ties. Missing values go last.
    At most ``limit`` rows. Rows known to be in order of their ids stay as they are, unread
    (``AwardRows.ascending``)."""
    if not sort and limit is None and rows.ascending:
        return rows
    ids = rows.column("id")
    order = sorted(range(len(ids)), key=ids.__getitem__)
    if sort:
        descending = sort.startswith("-")
        name = sort.lstrip("-").strip().lower().replace("-", "_")
        if name not in AWARD_FIELDS:
            message = _("cannot sort by {field!r}; fields: {fields}")
            raise UsageProblem(message.format(field=sort, fields=", ".join(AWARD_FIELDS)))
        values = rows.column(name)
        present = [i for i in order if values[i] is not None]
        missing = [i for i in order if values[i] is None]
        keys: Mapping[int, Any] | list[Any] = values  # numbers as they are
        texts = [values[i] for i in present if type(values[i]) is str]
        if len(texts) == len(present):  # names and other text by their sort_key
            keys = dict(zip(present, text.sort_keys(texts), strict=True))
        present.sort(key=keys.__getitem__, reverse=descending)
        order = present + missing
    return rows.taken(order[:limit])
