"""The one validation path. Every path that creates or changes a record (a command, an import
row) goes through ``build_award``, ``build_phase``, ``build_issuer`` or ``build_entry``, so a
value is cleaned and checked the same way wherever it comes from. Problems raise ``Invalid``,
``NotFound`` or ``Conflict`` with the line a user sees."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from awards import text
from awards.domain import values
from awards.domain.catalogue import Catalogue, Found
from awards.domain.records import Award, Entry, Issuer, Office, Phase
from awards.domain.spellings import Spellings
from awards.domain.vocab import CATEGORIES
from awards.errors import AwardsError, Conflict, Invalid, NotFound
from awards.i18n import N_, _

# ---- phases ---------------------------------------------------------------------------------

# How many years beyond next one a phase may reach: the next five-year phase is signed before
# it starts.
PHASE_AHEAD = 10


def find_phase(code: str, phases: Iterable[Phase]) -> Phase:
    phases, wanted = list(phases), text.clean(code).casefold()
    # As stored first, the usual case: an import names it on every row.
    found = [p for p in phases if p.code == code] or [
        p for p in phases if p.code.casefold() == wanted
    ]
    if found:
        return found[0]
    raise NotFound(_("no phase with code {code!r}").format(code=text.clean(code)))


def infer_phase(year: int, phases: Iterable[Phase]) -> str | None:
    """The one phase whose years contain ``year``; None if none does; an error if several do."""
    candidates = [phase.code for phase in phases if phase.contains(year)]
    if len(candidates) > 1:
        message = _("year {year} lies in phases {phases}; choose one with --phase")
        raise Conflict(message.format(year=year, phases=_(" and ").join(candidates)))
    return candidates[0] if candidates else None


def check_phase_year(phase: Phase, year: int) -> None:
    if not phase.contains(year):
        message = _("year {year} is outside phase {code} ({start}–{end})")
        raise Invalid(message.format(year=year, code=phase.code, start=phase.start, end=phase.end))


def build_phase(
    given: Mapping[str, Any], phases: Sequence[Phase], awards: Iterable[Award] = (), *,
    base: Phase | None = None
) -> Phase:  # fmt: skip
    """A new phase (``base`` None) or an edited copy of ``base``, checked against the others.

    ``given`` holds the values by field name (a command's options, an import's row); None, or
    a name that is not a field, is "not given" (on edit: keep)."""
    errors: list[AwardsError] = []
    changes: dict[str, Any] = {}
    parsers: dict[str, Callable[[Any], Any]] = {
        "code": values.parse_code,
        "program": lambda value: values.parse_text(value, N_("program")),
        "start": lambda value: values.parse_year(value, N_("start"), PHASE_AHEAD),
        "end": lambda value: values.parse_year(value, N_("end"), PHASE_AHEAD),
        "signed_on": lambda value: values.parse_date(value, N_("signed-on")),
        "signers": values.parse_list,
        "parties": values.parse_list,
        "note": lambda value: values.parse_optional_text(value, multiline=True),
        "host": values.parse_host,
        "scope": values.parse_scope,
        "movement": values.parse_movement,
        "years": values.parse_years,
    }
    for name, parse in parsers.items():
        value = given.get(name)
        if value is not None:
            changes[name] = _collect(errors, name, parse, value)
    if base is None:
        for name, needed in (
            ("code", N_("a phase needs code")),
            ("program", N_("a phase needs program")),
            ("start", N_("a phase needs start")),
            ("end", N_("a phase needs end")),
        ):
            if name not in changes:
                _collect(errors, name, _fail, _(needed))
    _raise_first(errors)
    phase = Phase(**changes) if base is None else replace(base, **changes)
    if phase.start > phase.end:
        after = _("start {start} is after end {end}").format(start=phase.start, end=phase.end)
        _collect(errors, "end", _fail, after)
        _raise_first(errors)

    others = [p for p in phases if base is None or p.code != base.code]
    if any(p.code.casefold() == phase.code.casefold() for p in others):
        taken = _("a phase with code {code!r} already exists")
        raise Conflict(taken.format(code=phase.code), field="code")
    if base is not None:
        outside = sum(
            1 for award in awards if award.phase == base.code and not phase.contains(award.year)
        )
        if outside:
            message = _(
                "{count} award(s) of phase {code} lie outside {start}–{end}; "
                "change their year or phase first"
            )
            raise Conflict(
                message.format(count=outside, code=base.code, start=phase.start, end=phase.end)
            )
    return phase


# ---- awards ---------------------------------------------------------------------------------


def _collect(errors: list[AwardsError], name: str, parse: Callable[..., Any], *args: Any) -> Any:
    """Run one field's parser; an error is kept under the field's name, not raised yet."""
    try:
        return parse(*args)
    except AwardsError as error:
        error.field = error.field or name
        errors.append(error)
        return None


def _raise_first(errors: list[AwardsError]) -> None:
    """Raise the first error found in a record, carrying all of them for a report."""
    if errors:
        first = errors[0]
        first.problems = errors
        raise first


# How each award field is read: (name, parse(value, spellings, new_issuer)). Built once; an
# import calls build_award for every row.
_AWARD_PARSERS: tuple[tuple[str, Callable[[Any, Spellings, bool], Any]], ...] = (
    ("recipient", lambda value, known, new: values.parse_text(value, N_("recipient"))),
    ("kind", lambda value, known, new: values.parse_kind(value)),
    ("count", lambda value, known, new: values.parse_count(value)),
    ("form", lambda value, known, new: known.form(value)),
    ("issuer", lambda value, known, new: known.issuer(value, allow_new=new)),
    ("year", lambda value, known, new: values.parse_year(value)),
    ("decision", lambda value, known, new: values.parse_optional_text(value)),
    ("decided_on", lambda value, known, new: values.parse_date(value, N_("decided-on"))),
    ("honorific", lambda value, known, new: values.parse_optional_text(value)),
    ("position", lambda value, known, new: values.parse_optional_text(value)),
    ("unit", lambda value, known, new: known.unit(value)),
    ("note", lambda value, known, new: values.parse_optional_text(value, multiline=True)),
    ("method", lambda value, known, new: values.parse_method(value)),
    ("category", lambda value, known, new: values.parse_category(value)),
    ("sector", lambda value, known, new: values.parse_sector(value)),
    ("revoked_decision", lambda value, known, new: values.parse_optional_text(value)),
    ("revoked_on", lambda value, known, new: values.parse_date(value, N_("revoked-on"))),
    ("revoked_reason", lambda value, known, new: values.parse_optional_text(value, multiline=True)),
)


_PARSER_OF = dict(_AWARD_PARSERS)
_FIELD_RANK = {name: rank for rank, (name, _parse) in enumerate(_AWARD_PARSERS)}
_REQUIRED = (
    ("recipient", N_("an award needs recipient")),
    ("kind", N_("an award needs kind")),
    ("form", N_("an award needs form")),
    ("issuer", N_("an award needs issuer")),
    ("year", N_("an award needs year")),
)
_REQUIRED_NAMES = frozenset(name for name, _needed in _REQUIRED)


def build_award(
    given: Mapping[str, Any], phases: Sequence[Phase], awards: Sequence[Award] | Spellings, *,
    new_id: int = 0, base: Award | None = None, new_issuer: bool = False
) -> Award:  # fmt: skip
    """A new award (``base`` None, numbered ``new_id``) or an edited copy of ``base``.

    ``given`` holds the values by field name (a command's options, an import's row); None, or
    a name that is not a field, is "not given" (on edit: keep), and for the optional fields an
    empty text clears the stored value. ``awards`` are the stored ones (or their ``Spellings``):
    issuer and unit take their stored spelling, so one category never splits in a tally. Every
    field is checked; the error raised is the first found, and its ``problems`` lists them all.
    """
    known = awards if isinstance(awards, Spellings) else Spellings(awards)
    return AwardBuilder(phases, known, new_issuer=new_issuer).build(given, new_id=new_id, base=base)


_MISSING = object()
# Fields whose values repeat from row to row; a recipient or a note is new each time.
_REMEMBERED = frozenset(_PARSER_OF) - {"recipient", "note", "revoked_reason"}


class AwardBuilder:
    """``build_award`` for many awards against the same phases and spellings: an import.

    A text value seen before is not parsed again: 100,000 rows hold a few hundred distinct
    forms, years, issuers, units and decisions. The checks are those of a single award; only
    their results are remembered, and the issuers' and units' only until a new spelling is
    learned.
    """

    def __init__(self, phases: Sequence[Phase], known: Spellings, *, new_issuer: bool) -> None:
        self.phases = phases
        self.known = known
        self.new_issuer = new_issuer
        self._parsed: dict[str, dict[str, Any]] = {name: {} for name in _REMEMBERED}
        # Each field's parser and what it has parsed (None: not remembered), in one lookup.
        self._fields = {name: (parse, self._parsed.get(name)) for name, parse in _AWARD_PARSERS}
        self._phase_of: dict[tuple[str | None, int, str | None], str | None] = {}
        self._spellings_seen = known.version

    def build(
        self, given: Mapping[str, Any], *, new_id: int = 0, base: Award | None = None
    ) -> Award:
        """The award of the values ``given`` by field name; see ``build_award``."""
        known, new_issuer, parsed = self.known, self.new_issuer, self._parsed
        if known.version != self._spellings_seen:  # a new spelling may change what matches
            parsed["issuer"].clear()
            parsed["unit"].clear()
            self._spellings_seen = known.version
        errors: list[AwardsError] = []
        changes: dict[str, Any] = {}
        fields = self._fields
        for name, value in given.items():  # only what was given: an import row has a few
            field = fields.get(name)
            if field is None or value is None:
                continue  # the phase is read below, against the year
            parse, remembered = field
            if remembered is not None and type(value) is str:
                result = remembered.get(value, _MISSING)
                if result is not _MISSING:
                    changes[name] = result
                    continue
            try:
                result = parse(value, known, new_issuer)
            except AwardsError as error:
                error.field = error.field or name
                errors.append(error)
                changes[name] = None  # given, though wrong: not also "missing"
                continue
            if remembered is not None and type(value) is str:
                remembered[value] = result
            changes[name] = result
        if type(found := changes.get("form")) is Found:
            changes["form"] = found.form
            if found.issuer is not None:
                _collect(errors, "issuer", self._issuer_of, found, changes, given.get("issuer"))
        if errors:
            errors.sort(key=lambda error: _FIELD_RANK.get(error.field or "", 0))  # field order
        given_phase = given.get("phase")
        if base is None:
            if not _REQUIRED_NAMES <= changes.keys():
                for name, needed in _REQUIRED:
                    if name not in changes:
                        _collect(errors, name, _fail, _(needed))
            changes.setdefault("count", 1)
            if errors:
                _raise_first(errors)
            phase = _collect(errors, "phase", self._phase, given_phase, changes["year"], None)
            award = Award(id=new_id, phase=phase, **changes)
        else:
            _raise_first(errors)
            award = base.replaced(**changes)
            if given_phase is not None or award.year != base.year:
                phase = _collect(errors, "phase", self._phase, given_phase, award.year, award.phase)
                award = award.replaced(phase=phase) if phase != award.phase else award
        if (award.revoked_on or award.revoked_reason) and not award.revoked_decision:
            _collect(errors, "revoked_decision", _fail, _("a revocation needs its decision number"))
        if award.revoked_decision and not award.revoked_on:
            _collect(errors, "revoked_on", _fail, _("a revocation needs the date of its decision"))
        granted = award.decided_on or f"{award.year}-01-01"
        if award.revoked_on and award.revoked_on < granted:
            early = _("a revocation dated {date} comes before the award ({granted})").format(
                date=award.revoked_on, granted=granted
            )
            _collect(errors, "revoked_on", _fail, early)
        if award.category is not None and CATEGORIES[award.category][0] != award.kind:
            fits = CATEGORIES[award.category][0]
            wrong = _("category {category} is for {fits} awards, not {kind}").format(
                category=award.category, fits=fits, kind=award.kind
            )
            _collect(errors, "category", _fail, wrong)
        if award.kind == "mixed" and award.count < 2:
            mixed = _("kind mixed stands for several recipients: give --count 2 or more")
            _collect(errors, "count", _fail, mixed)
        if errors:
            _raise_first(errors)
        return award

    def value_of(self, name: str, value: Any) -> Any:
        """One field's value as ``build`` reads it (a form with the issuer its name holds, a
        phase by its code), to compare two sources of it; raises as ``build`` would."""
        if name == "phase":
            return find_phase(str(value), self.phases).code if text.clean(str(value)) else None
        parse, remembered = self._fields[name]
        if remembered is not None and type(value) is str and value in remembered:
            return remembered[value]
        return parse(value, self.known, self.new_issuer)

    def _issuer_of(self, found: Found, changes: dict[str, Any], given: Any) -> None:
        """The issuer a form's name holds ("Bằng khen của Chủ tịch UBND tỉnh"): the award's when
        none is given; if one is given, it must be the same."""
        named = self.known.issuer(found.issuer or "", allow_new=True)
        if given is None:
            changes["issuer"] = named
        elif changes.get("issuer") is not None and text.key(changes["issuer"]) != text.key(named):
            message = _("form {form!r} names issuer {named!r}, but the issuer given is {given!r}")
            raise Conflict(message.format(form=found.form, named=named, given=changes["issuer"]))

    def _phase(self, given: Any, year: int, current: str | None) -> str | None:
        if given is not None and type(given) is not str:
            return _phase_for(given, year, current, self.phases)
        key = (given, year, current)
        found = self._phase_of.get(key, _MISSING)
        if found is _MISSING:  # an error is raised, not remembered
            found = self._phase_of[key] = _phase_for(given, year, current, self.phases)
        return found  # type: ignore[return-value]


def _fail(message: str) -> None:
    raise Invalid(message)


def _phase_for(
    given: str | None, year: int, current: str | None, phases: Sequence[Phase]
) -> str | None:
    """The phase an award belongs to: the one given ('' for none), else the one it has if that
    still holds its year, else the one its year is in."""
    if given is not None and text.clean(given):
        phase = find_phase(given, phases)
        check_phase_year(phase, year)
        return phase.code
    if given is not None:
        return None
    held = next((p for p in phases if p.code == current), None)
    if held is not None and held.contains(year):
        return current
    return infer_phase(year, phases)


def build_issuer(
    name: str, level: str | None, aliases: Sequence[str] | None, issuers: Sequence[Issuer], *,
    base: Issuer | None = None
) -> Issuer:  # fmt: skip
    """A new issuer, or ``base`` edited; names and aliases may not belong to another issuer."""
    issuer = Issuer(
        name=values.parse_text(name, N_("issuer name")),
        level=values.parse_level(level) if level is not None else (base.level if base else None),
        aliases=(values.parse_list(aliases) or ())
        if aliases is not None
        else (base.aliases if base else ()),
    )
    taken = {
        text.key(spelling): other.name
        for other in issuers
        if base is None or other.name != base.name
        for spelling in (other.name, *other.aliases)
    }
    for spelling in (issuer.name, *issuer.aliases):
        if text.key(spelling) in taken:
            message = _("{name!r} is already a name of issuer {issuer!r}")
            raise Conflict(message.format(name=spelling, issuer=taken[text.key(spelling)]))
    return issuer


# ---- a register's own catalogue entries ------------------------------------------------------

_GROUP_WORDS = {"huan chuong": "order", "danh hieu vinh du nha nuoc": "honour",
                "giai thuong": "prize", "huy chuong": "medal", "co thi dua": "flag",
                "danh hieu": "title", "danh hieu thi dua": "title", "bang khen": "merit",
                "ky niem chuong": "badge", "huy hieu": "badge", "giay khen": "paper",
                "khac": "other"}  # fmt: skip


def parse_group(value: str) -> str:
    """A catalogue group by its code (badge) or its Vietnamese name (kỷ niệm chương)."""
    from awards.domain.catalogue import GROUPS

    word = text.loose(value)
    group = word if word in GROUPS else _GROUP_WORDS.get(word)
    if group is None:
        message = _("unknown group {value!r}; the groups are: {groups}")
        raise Invalid(message.format(value=text.clean(value), groups=", ".join(GROUPS)))
    return group


def build_entry(
    given: Mapping[str, Any], catalogue: Catalogue, *, base: Entry | None = None
) -> Entry:  # fmt: skip
    """A register's own catalogue entry, or ``base`` edited: ``given`` holds name, group, kinds,
    levels, classes and aliases (None: keep). No name of it may read as another entry's."""
    changes: dict[str, Any] = {}
    if given.get("name") is not None:
        changes["name"] = values.parse_text(given["name"], N_("name"))
    if given.get("group") is not None:
        changes["group"] = parse_group(given["group"])
    if given.get("kinds"):
        kinds = [values.parse_kind(kind) for kind in given["kinds"]]
        if "mixed" in kinds:
            raise Invalid(_("an entry names the kinds that receive it: individual, collective "
                            "or household"))  # fmt: skip
        changes["kinds"] = tuple(dict.fromkeys(kinds))
    if given.get("levels"):
        changes["levels"] = tuple(
            dict.fromkeys(values.parse_level(v) or "" for v in given["levels"])
        )
    for name in ("classes", "aliases"):
        if given.get(name) is not None:
            changes[name] = values.parse_list(given[name]) or ()
    if base is None:
        for name, needed in (("name", N_("an entry needs a name")),
                             ("group", N_("an entry needs --group")),
                             ("kinds", N_("an entry needs --kind")),
                             ("levels", N_("an entry needs --level"))):  # fmt: skip
            if name not in changes:
                raise Invalid(_(needed))
        entry = Entry(**changes)
    else:
        entry = replace(base, **changes)
    if "" in entry.levels:
        raise Invalid(_("an entry needs --level"))
    others = [e for e in catalogue.entries if base is None or e.name != base.name]
    taken = {text.loose(name): other.name for other in others
             for name in (other.name, *other.aliases)}  # fmt: skip
    for name in (entry.name, *entry.aliases):
        if text.loose(name) in taken:
            message = _("{name!r} reads as catalogue entry {entry!r}; choose a name that differs "
                        "by more than case or diacritics")  # fmt: skip
            raise Conflict(message.format(name=name, entry=taken[text.loose(name)]))
    return entry


def build_office(given: Mapping[str, Any], base: Office | None = None) -> Office:
    """The office settings, ``base`` changed by what is ``given`` (None: keep; '': clear)."""
    changes: dict[str, Any] = {}
    for name, value in given.items():
        if value is None:
            continue
        if name == "signers":
            changes[name] = values.parse_list(value) or ()
        else:
            changes[name] = values.parse_optional_text(value)
    return replace(base or Office(), **changes)
