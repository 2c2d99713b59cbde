"""Choosing and ordering awards: the FILTERS that ``list`` and ``tally`` share, and ``--sort``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from awards import text
from awards.domain.build import find_phase
from awards.domain.records import Award, Issuer, Phase
from awards.domain.values import parse_form, parse_kind, parse_year
from awards.domain.vocab import AWARD_FIELDS
from awards.errors import Invalid
from awards.i18n import N_, _

# An award, or its stored record: both give their fields by name through ``get``.
Row = Award | Mapping[str, Any]
R = TypeVar("R", Award, Mapping[str, Any])


@dataclass(frozen=True, slots=True)
class AwardFilter:
    """Checked filter values; None means "any"."""

    year: int | None = None
    first_year: int | None = None
    last_year: int | None = None
    phase: str | None = None
    form: str | None = None
    issuer: str | None = None  # compared by text.key
    kind: str | None = None
    search: str | None = None  # compared by text.fold

    def matches(self, award: Row) -> bool:
        get: Callable[[str], Any] = award.get
        year = get("year")
        return (
            (self.year is None or year == self.year)
            and (self.first_year is None or year >= self.first_year)
            and (self.last_year is None or year <= self.last_year)
            and (self.phase is None or get("phase") == self.phase)
            and (self.form is None or get("form") == self.form)
            and (self.kind is None or get("kind") == self.kind)
            and (self.issuer is None or text.key(get("issuer")) == self.issuer)
            and (self.search is None or self.search in _haystack(award))
        )


def _haystack(award: Row) -> str:
    return "\n".join(
        text.fold(value)
        for value in (award.get(name) for name in ("recipient", "unit", "decision", "note"))
        if isinstance(value, str) and value
    )


def make_filter(
    phases: Sequence[Phase],
    *,
    year: int | None = None,
    first_year: int | None = None,
    last_year: int | None = None,
    phase: str | None = None,
    form: str | None = None,
    issuer: str | None = None,
    kind: str | None = None,
    search: str | None = None,
    issuers: Sequence[Issuer] = (),
) -> AwardFilter:
    """Check and normalise filter values as ``add`` would, so ``--form bang-khen`` works and
    an issuer's alias selects its awards."""
    if issuer is not None:
        wanted = text.key(issuer)
        issuer = next(
            (i.name for i in issuers if wanted in {text.key(n) for n in (i.name, *i.aliases)}),
            issuer,
        )
    return AwardFilter(
        year=None if year is None else parse_year(year),
        first_year=None if first_year is None else parse_year(first_year, N_("from")),
        last_year=None if last_year is None else parse_year(last_year, N_("to")),
        phase=None if phase is None else find_phase(phase, phases).code,
        form=None if form is None else parse_form(form),
        issuer=None if issuer is None else text.key(issuer),
        kind=None if kind is None else parse_kind(kind),
        search=None if search is None else (text.fold(search) or None),
    )


def select(awards: Iterable[R], award_filter: AwardFilter) -> list[R]:
    """The awards, or stored records, that pass the filter."""
    return [award for award in awards if award_filter.matches(award)]


def sort_awards(awards: list[Award], sort: str | None) -> list[Award]:
    """Order by a field (``-year`` for descending); ids break ties. Missing values go last."""
    if not sort:
        return sorted(awards, key=lambda a: a.id)
    descending = sort.startswith("-")
    name = sort.lstrip("-").strip().lower().replace("-", "_")
    if name not in AWARD_FIELDS:
        raise Invalid(
            _("cannot sort by {field!r}; fields: {fields}").format(
                field=sort, fields=", ".join(AWARD_FIELDS)
            )
        )
    ordered = sorted(awards, key=lambda a: a.id)
    present = [a for a in ordered if getattr(a, name) is not None]
    missing = [a for a in ordered if getattr(a, name) is None]

    def value(award: Award) -> Any:
        field_value = getattr(award, name)
        return text.sort_key(field_value) if isinstance(field_value, str) else field_value

    present.sort(key=value, reverse=descending)
    return present + missing
