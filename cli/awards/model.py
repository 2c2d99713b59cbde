"""Phases and awards, and the rules for every value a user can give them.

Every path that creates or changes a record (the commands today, an import tomorrow) goes through
``build_award`` and ``build_phase``, so a value is cleaned and checked the same way wherever it
comes from. Problems raise ``Invalid``, ``NotFound`` or ``Conflict`` with the line a user sees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from awards import text
from awards.errors import Conflict, Invalid, NotFound

FIRST_YEAR = 1945

FORMS = (
    "Huân chương",
    "Huy chương",
    "Kỷ niệm chương",
    "Cờ thi đua",
    "Bằng khen",
    "Giấy khen",
    "Chiến sĩ thi đua",
    "Lao động tiên tiến",
    "Tập thể lao động xuất sắc",
    "Tập thể lao động tiên tiến",
)

KINDS = ("collective", "individual", "mixed")
_KIND_WORDS = {
    "collective": "collective",
    "tap the": "collective",
    "individual": "individual",
    "ca nhan": "individual",
    "mixed": "mixed",
    "tap the, ca nhan": "mixed",
    "tap the ca nhan": "mixed",
}

AWARD_FIELDS = (
    "id",
    "recipient",
    "kind",
    "count",
    "form",
    "issuer",
    "year",
    "phase",
    "decision",
    "decided_on",
    "unit",
    "note",
)
PHASE_FIELDS = ("code", "program", "start", "end", "signed_on", "signers", "parties", "note")

_CODE = re.compile(r"[A-Za-z0-9_-]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_VN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True, slots=True)
class Phase:
    """One phase of a coordination program, e.g. 2018-2023, with who signed it."""

    code: str
    program: str
    start: int
    end: int
    signed_on: str | None = None
    signers: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    note: str | None = None

    def contains(self, year: int) -> bool:
        return self.start <= year <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "program": self.program,
            "start": self.start,
            "end": self.end,
            "signed_on": self.signed_on,
            "signers": list(self.signers),
            "parties": list(self.parties),
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Award:
    """One award record; ``count`` is how many recipients it stands for (a total may be > 1)."""

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
    unit: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in AWARD_FIELDS}


# ---- single values -------------------------------------------------------------------------


def last_year() -> int:
    """Awards may be recorded up to next year (decisions are often dated ahead)."""
    return dt.date.today().year + 1


def parse_text(value: str, field_name: str, *, multiline: bool = False) -> str:
    cleaned = text.clean(value, multiline=multiline)
    if not cleaned:
        raise Invalid(f"{field_name} must not be empty")
    return cleaned


def parse_optional_text(value: str | None, *, multiline: bool = False) -> str | None:
    """An optional text; an empty value clears it."""
    if value is None:
        return None
    return text.clean(value, multiline=multiline) or None


def parse_year(value: int | str, field_name: str = "year") -> int:
    if isinstance(value, str):
        stripped = text.clean(value)
        if not stripped.isdigit():
            raise Invalid(f"{field_name} must be a year such as 2018, not {value!r}")
        value = int(stripped)
    if not FIRST_YEAR <= value <= last_year():
        raise Invalid(f"{field_name} {value} is out of range ({FIRST_YEAR}–{last_year()})")
    return value


def parse_date(value: str | None, field_name: str = "date") -> str | None:
    """A date as ``2018-06-12`` or the Vietnamese ``12/06/2018``; returned as ISO text."""
    if value is None or not text.clean(value):
        return None
    raw = text.clean(value)
    if match := _ISO_DATE.fullmatch(raw):
        year, month, day = (int(part) for part in match.groups())
    elif match := _VN_DATE.fullmatch(raw):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise Invalid(f"{field_name} {raw!r} is not a date: use 2018-06-12 or 12/06/2018")
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise Invalid(f"{field_name} {raw!r} is not a real date") from None
    parse_year(date.year, f"the year of {field_name}")
    return date.isoformat()


def parse_count(value: int) -> int:
    if value < 1:
        raise Invalid(f"count must be 1 or more, not {value}")
    return value


def parse_kind(value: str) -> str:
    kind = _KIND_WORDS.get(_word(value).replace("/", ",").replace(" ,", ","))
    if kind is None:
        raise Invalid(
            f"unknown kind {text.clean(value)!r}: use collective (tập thể), "
            "individual (cá nhân) or mixed (tập thể, cá nhân)"
        )
    return kind


def _word(value: str) -> str:
    """How a closed-list value is matched: no case, no diacritics, ``-`` and ``_`` as spaces."""
    return " ".join(text.fold(value).replace("-", " ").replace("_", " ").split())


_FORM_WORDS = {_word(form): form for form in FORMS}


def parse_form(value: str) -> str:
    """One of ``FORMS``, typed in any case, with or without diacritics (``bang-khen``)."""
    form = _FORM_WORDS.get(_word(value))
    if form is None:
        raise Invalid(f"unknown form {text.clean(value)!r}; the forms are: {', '.join(FORMS)}")
    return form


def parse_code(value: str) -> str:
    code = text.clean(value)
    if not _CODE.fullmatch(code):
        raise Invalid(
            f"phase code {code!r} may hold only letters, digits, '-' and '_' (e.g. 2018-2023)"
        )
    return code


def parse_list(values: Iterable[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(cleaned for value in values if (cleaned := text.clean(value)))


# ---- names that must not split a category --------------------------------------------------


def same_spelling(value: str, known: Iterable[str]) -> str:
    """The stored spelling of ``value`` when one differs only by case, spacing or normal form."""
    wanted = text.key(value)
    for spelling in known:
        if text.key(spelling) == wanted:
            return spelling
    return value


def resolve_issuer(value: str, known: Iterable[str], *, allow_new: bool) -> str:
    """Take the stored spelling; refuse a near-twin that differs only by diacritics."""
    issuer = parse_text(value, "issuer")
    known = list(known)
    stored = same_spelling(issuer, known)
    if stored != issuer or issuer in known or allow_new:
        return stored
    folded = text.fold(issuer)
    for spelling in known:
        if text.fold(spelling) == folded:
            raise Conflict(
                f"issuer {issuer!r} is not stored; did you mean {spelling!r}? "
                "(use --new-issuer to keep it as a new issuer)"
            )
    return issuer


# ---- phases ---------------------------------------------------------------------------------


def find_phase(code: str, phases: Iterable[Phase]) -> Phase:
    wanted = text.clean(code).casefold()
    for phase in phases:
        if phase.code.casefold() == wanted:
            return phase
    raise NotFound(f"no phase with code {text.clean(code)!r}")


def infer_phase(year: int, phases: Iterable[Phase]) -> str | None:
    """The one phase whose years contain ``year``; None if none does; an error if several do."""
    candidates = [phase.code for phase in phases if phase.contains(year)]
    if len(candidates) > 1:
        raise Conflict(
            f"year {year} lies in phases {' and '.join(candidates)}; choose one with --phase"
        )
    return candidates[0] if candidates else None


def check_phase_year(phase: Phase, year: int) -> None:
    if not phase.contains(year):
        raise Invalid(f"year {year} is outside phase {phase.code} ({phase.start}–{phase.end})")


@dataclass(slots=True)
class PhaseInput:
    """What a user gave for a phase; None means "not given" (on edit: keep)."""

    code: str | None = None
    program: str | None = None
    start: int | None = None
    end: int | None = None
    signed_on: str | None = None
    signers: Sequence[str] | None = None
    parties: Sequence[str] | None = None
    note: str | None = None


def build_phase(
    given: PhaseInput,
    phases: Sequence[Phase],
    awards: Iterable[Award] = (),
    *,
    base: Phase | None = None,
) -> Phase:
    """A new phase (``base`` None) or an edited copy of ``base``, checked against the others."""
    changes: dict[str, Any] = {}
    if given.code is not None:
        changes["code"] = parse_code(given.code)
    if given.program is not None:
        changes["program"] = parse_text(given.program, "program")
    if given.start is not None:
        changes["start"] = parse_year(given.start, "start")
    if given.end is not None:
        changes["end"] = parse_year(given.end, "end")
    if given.signed_on is not None:
        changes["signed_on"] = parse_date(given.signed_on, "signed-on")
    if (signers := parse_list(given.signers)) is not None:
        changes["signers"] = signers
    if (parties := parse_list(given.parties)) is not None:
        changes["parties"] = parties
    if given.note is not None:
        changes["note"] = parse_optional_text(given.note, multiline=True)

    if base is None:
        for name in ("code", "program", "start", "end"):
            if name not in changes:
                raise Invalid(f"a phase needs {name}")
        phase = Phase(**changes)
    else:
        phase = replace(base, **changes)
    if phase.start > phase.end:
        raise Invalid(f"start {phase.start} is after end {phase.end}")

    others = [p for p in phases if base is None or p.code != base.code]
    if any(p.code.casefold() == phase.code.casefold() for p in others):
        raise Conflict(f"a phase with code {phase.code!r} already exists")
    if base is not None:
        outside = sum(
            1 for award in awards if award.phase == base.code and not phase.contains(award.year)
        )
        if outside:
            raise Conflict(
                f"{outside} award(s) of phase {base.code} lie outside "
                f"{phase.start}–{phase.end}; change their year or phase first"
            )
    return phase


# ---- awards ---------------------------------------------------------------------------------


@dataclass(slots=True)
class AwardInput:
    """What a user gave for an award; None means "not given" (on edit: keep).

    For the optional fields an empty text clears the stored value.
    """

    recipient: str | None = None
    kind: str | None = None
    count: int | None = None
    form: str | None = None
    issuer: str | None = None
    year: int | str | None = None
    phase: str | None = None
    decision: str | None = None
    decided_on: str | None = None
    unit: str | None = None
    note: str | None = None
    new_issuer: bool = False


def build_award(
    given: AwardInput,
    phases: Sequence[Phase],
    awards: Sequence[Award],
    *,
    new_id: int = 0,
    base: Award | None = None,
) -> Award:
    """A new award (``base`` None, numbered ``new_id``) or an edited copy of ``base``.

    ``awards`` are the stored ones: kind, form and issuer take their stored spelling, so one
    category never splits in a tally.
    """
    changes: dict[str, Any] = {}
    if given.recipient is not None:
        changes["recipient"] = parse_text(given.recipient, "recipient")
    if given.kind is not None:
        changes["kind"] = parse_kind(given.kind)
    if given.count is not None:
        changes["count"] = parse_count(given.count)
    if given.form is not None:
        changes["form"] = parse_form(given.form)
    if given.issuer is not None:
        changes["issuer"] = resolve_issuer(
            given.issuer, sorted({a.issuer for a in awards}), allow_new=given.new_issuer
        )
    if given.year is not None:
        changes["year"] = parse_year(given.year)
    if given.decision is not None:
        changes["decision"] = parse_optional_text(given.decision)
    if given.decided_on is not None:
        changes["decided_on"] = parse_date(given.decided_on, "decided-on")
    if given.unit is not None:
        unit = parse_optional_text(given.unit)
        changes["unit"] = unit and same_spelling(unit, {a.unit for a in awards if a.unit})
    if given.note is not None:
        changes["note"] = parse_optional_text(given.note, multiline=True)

    if base is None:
        for name in ("recipient", "kind", "form", "issuer", "year"):
            if name not in changes:
                raise Invalid(f"an award needs {name}")
        changes.setdefault("count", 1)
        award = Award(id=new_id, **changes)
    else:
        award = replace(base, **changes)

    if given.phase is not None and text.clean(given.phase):
        phase = find_phase(given.phase, phases)
        check_phase_year(phase, award.year)
        award = replace(award, phase=phase.code)
    elif given.phase is not None:
        award = replace(award, phase=None)
    elif base is None or award.year != base.year:
        current = next((p for p in phases if p.code == award.phase), None)
        if current is None or not current.contains(award.year):
            award = replace(award, phase=infer_phase(award.year, phases))

    if award.kind == "mixed" and award.count < 2:
        raise Invalid("kind mixed stands for several recipients: give --count 2 or more")
    return award


def award_from_record(award_id: int, record: Mapping[str, Any]) -> Award:
    """An award as stored; raises ``ValueError`` on a damaged record (a file edited by hand)."""
    values: dict[str, Any] = {f.name: record.get(f.name) for f in fields(Award) if f.name != "id"}
    award = Award(id=award_id, **values)
    _check_types(award, text_fields=("recipient", "kind", "form", "issuer"),
                 number_fields=("count", "year"),
                 optional_fields=("phase", "decision", "decided_on", "unit", "note"))  # fmt: skip
    return award


def phase_from_record(record: Mapping[str, Any]) -> Phase:
    """A phase as stored; raises ``ValueError`` on a damaged record (a file edited by hand)."""
    values: dict[str, Any] = {name: record.get(name) for name in PHASE_FIELDS}
    for name in ("signers", "parties"):
        names = values[name] or []
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError(f"phase {name} is not a list of text")
        values[name] = tuple(names)
    phase = Phase(**values)
    _check_types(phase, text_fields=("code", "program"), number_fields=("start", "end"),
                 optional_fields=("signed_on", "note"))  # fmt: skip
    return phase


def _check_types(
    record: Award | Phase,
    *,
    text_fields: Sequence[str],
    number_fields: Sequence[str],
    optional_fields: Sequence[str],
) -> None:
    for name in text_fields:
        if not isinstance(getattr(record, name), str):
            raise ValueError(f"{name} is not text")
    for name in number_fields:
        if type(getattr(record, name)) is not int:
            raise ValueError(f"{name} is not a whole number")
    for name in optional_fields:
        if getattr(record, name) is not None and not isinstance(getattr(record, name), str):
            raise ValueError(f"{name} is neither text nor null")


def award_record(award: Award) -> dict[str, Any]:
    """The stored form of an award: every field but the id, which is the TinyDB document id."""
    record = award.to_dict()
    del record["id"]
    return record
