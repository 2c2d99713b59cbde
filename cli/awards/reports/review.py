"""The review report: a phase's (or a year's) commendations in the words the reports use.

Pure functions from records to a ``Report``: a title, facts, the commendation paragraph and
tables as ``Grid`` objects; the renderers decide whether it becomes Markdown, text or Word.
Revoked awards are left out.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter
from typing import Any, TypeVar

from awards import text
from awards.domain.catalogue import LAW_CATALOGUE, verb
from awards.domain.records import Award, Issuer, Phase, decision_year, field_values, fields_values
from awards.domain.vocab import HEADINGS, LEVELS, vn_date
from awards.grid import Cell, Grid
from awards.i18n import N_, Translate, translator
from awards.query.tally import tally, tally_grid

# Office holders ("Giám đốc Công an tỉnh") are joined with "và"; bodies ("Bộ Công an") with a
# comma, as the published reviews write them.
_OFFICE_WORDS = ("giam doc", "chu tich", "thu tuong", "bo truong", "tong giam doc", "truong",
                 "pho", "tu lenh", "chanh", "bi thu")  # fmt: skip

# Who received a form, as the sentence names them; the words come from the catalog.
KIND_WORDS = {
    "collective": N_("collectives"),
    "individual": N_("individuals"),
    "household": N_("households"),
    "mixed": N_("collectives and individuals"),
}


@dataclass(slots=True)
class Report:
    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    paragraph: str = ""
    tables: list[tuple[str, Grid]] = field(default_factory=list)
    formats: tuple[str, ...] = ("markdown", "text", "docx")
    # What the filed document carries (Nghị định 30/2020/NĐ-CP): the bodies that issue it
    # (two side by side for a joint report), its summary under "BÁO CÁO", and who signs.
    bodies: list[tuple[str | None, str]] = field(default_factory=list)  # (body above, body)
    summary: str = ""
    signers: list[str] = field(default_factory=list)
    number: str | None = None  # "15/BC-CAT-LĐLĐ"
    place: str | None = None  # "Thanh Hóa", before the date
    attached: bool = False  # a list attached to a decision: no header block, no signatures


def phase_report(
    phase: Phase, awards: Sequence[Award], phases: Sequence[Phase], issuers: Sequence[Issuer],
    lang: str,
) -> Report:  # fmt: skip
    """The five-year review of a phase: its heading, the commendation sentence (the awards given
    for outstanding achievements in carrying out the program), the signing of the next phase
    when the register holds it, and the tables."""
    _ = translator(lang)
    chosen = _standing(awards, "phase", phase.code)
    period = f"{phase.start}–{phase.end}"
    title = _("Review of phase {period}").format(period=period)
    opening = _(
        "Over the {years} years of the coordination program on “{program}”, phase {period}"
    ).format(years=phase_years(phase, phases), program=phase.program, period=period)
    named = period if phase.code.replace("-", "–") == period else f"{phase.code} ({period})"
    facts = [(_("Program"), phase.program), (_("Phase"), named)]
    if phase.signed_on:
        facts.append((_("Signed on"), vn_date(phase.signed_on)))
    if phase.signers:
        facts.append((_("Signed by"), "; ".join(phase.signers)))
    if phase.parties:
        facts.append((_("Parties"), ", ".join(phase.parties)))
    forms, counts = by_form(chosen), counted(chosen)
    paragraph = _paragraph(opening, by_form(counts), issuers, lang, program=True)
    following = [p for p in phases if p.start >= phase.end and p.code != phase.code]
    after = min(following, key=lambda p: (p.start, p.end), default=None)
    if after is not None and after.signers:
        signed = (
            _("On {date}, {signers} signed phase {period} of the program.")
            if after.signed_on
            else _("{signers} signed phase {period} of the program.")
        )
        paragraph += " " + signed.format(
            date=vn_date(after.signed_on or ""), signers=_(" and ").join(after.signers),
            period=f"{after.start}–{after.end}")  # fmt: skip
    summary = _("The review of {years} years of the coordination program on “{program}”, phase "
                "{period}").format(years=phase_years(phase, phases), program=phase.program,
                                   period=period)  # fmt: skip
    tables = _tables(counts, forms, phases, lang)
    return Report(title, facts, paragraph, tables, bodies=[(None, p) for p in phase.parties],
                  summary=summary, signers=list(phase.signers))  # fmt: skip


def _standing(awards: Sequence[Award], name: str, value: object) -> list[Award]:
    """The awards whose ``name`` is ``value``, but those revoked: a field at a time, in C."""
    chosen = map(operator.eq, field_values(awards, name), repeat(value))
    standing = map(operator.is_, field_values(awards, "revoked_decision"), repeat(None))
    return list(compress(awards, map(operator.and_, chosen, standing)))


def phase_years(phase: Phase, phases: Sequence[Phase]) -> int:
    """How many years a phase runs, as reviews count them: 2014–2018 is five; a phase that
    starts in the year the previous phase of its program ended does not count that year twice
    (2018–2023 is five, not six). A length the program states (``phase.years``) comes first."""
    if phase.years:
        return phase.years
    program = text.key(phase.program)
    shared = any(other.end == phase.start and other.code != phase.code
                 and text.key(other.program) == program for other in phases)  # fmt: skip
    return phase.end - phase.start + (0 if shared else 1)


def year_report(
    year: int, awards: Sequence[Award], phases: Sequence[Phase], issuers: Sequence[Issuer],
    lang: str,
) -> Report:  # fmt: skip
    """One calendar year across phases."""
    _ = translator(lang)
    chosen = _standing(awards, "year", year)
    title = _("Awards of {year}").format(year=year)
    opening = _("In {year}").format(year=year)
    forms, counts = by_form(chosen), counted(chosen)
    return Report(title, [], _paragraph(opening, by_form(counts), issuers, lang),
                  _tables(counts, forms, phases, lang), summary=title)  # fmt: skip


_SECTIONS = {"collective": "TẬP THỂ", "individual": "CÁ NHÂN", "household": "HỘ GIA ĐÌNH",
             "mixed": "TẬP THỂ, CÁ NHÂN"}  # fmt: skip
_NUMERALS = ("I", "II", "III", "IV")


def decision_list(
    decision: str, awards: Sequence[Award], year: int | None = None, issuer: str | None = None
) -> Report:
    """The list attached to a decision, as offices write it: "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC
    TẶNG BẰNG KHEN", "(Kèm theo Quyết định số … ngày … của …)", and for each form a table with
    the sections I. TẬP THỂ, II. CÁ NHÂN…, numbered afresh in each, as imports read them back.
    Always in Vietnamese: it is filed with the decision.

    A body numbers its decisions afresh each year (Nghị định 30/2020/NĐ-CP, Điều 15), so a
    number may name several decisions, one an issuer and year (the decision's date's, else the
    award's); ``year`` and ``issuer`` choose one, and a number that still names more is
    refused, naming them."""
    from awards.errors import Invalid, NotFound
    from awards.i18n import _

    wanted = text.key(decision)
    numbered = [a for a in awards
                if a.decision and text.key(a.decision) == wanted and not a.revoked]  # fmt: skip
    if not numbered:
        missing = _("no awards with decision {decision!r}")
        raise NotFound(missing.format(decision=text.clean(decision)))
    chosen = [a for a in numbered if (year is None or decision_year(a.decided_on, a.year) == year)
              and (issuer is None or text.key(a.issuer) == text.key(issuer))]  # fmt: skip
    named = sorted(
        dict.fromkeys((decision_year(a.decided_on, a.year), a.issuer) for a in chosen or numbered)
    )
    listed = "; ".join(f"{name}, {when}" for when, name in named)
    if not chosen:
        other = _("{decision} names no decision of that year and issuer; it names: {decisions}")
        raise NotFound(other.format(decision=numbered[0].decision, decisions=listed))
    if len(named) > 1:
        several = _("{decision} names {count} decisions, numbered afresh each year by each "
                    "issuer: {decisions}; --year or --issuer chooses one")  # fmt: skip
        raise Invalid(several.format(decision=chosen[0].decision, count=len(named),
                                     decisions=listed))  # fmt: skip
    first = chosen[0]
    order = list(_SECTIONS)
    kinds = dict.fromkeys(a.kind for a in sorted(chosen, key=lambda a: order.index(a.kind)))
    who = ", ".join(_SECTIONS[k] for k in kinds if k != "mixed") or _SECTIONS["mixed"]
    forms = by_form(chosen)
    given = "; ".join(f"{(verb(e) if (e := LAW_CATALOGUE.entry(f)) else 'tặng')} {f}"
                      for f in forms)  # fmt: skip
    title = f"DANH SÁCH {who} ĐƯỢC {given}".upper()
    when = f" ngày {vn_date(first.decided_on)}" if first.decided_on else ""
    paragraph = f"(Kèm theo Quyết định số {first.decision}{when} của {first.issuer})"
    tables = []
    for form, given_form in forms.items():
        rows: list[list[Cell]] = []
        present = [k for k in kinds if any(a.kind == k for a in given_form)]
        for numeral, kind in zip(_NUMERALS, present, strict=False):
            rows.append([numeral, _SECTIONS[kind], ""])
            members = text.ordered((a for a in given_form if a.kind == kind), _recipient)
            for number, award in enumerate(members, start=1):
                where = ", ".join(p for p in (award.position, award.unit) if p) or None
                name = " ".join(p for p in (award.honorific, award.recipient) if p)
                rows.append([number, name, where])
        grid = Grid(["STT", "Họ và tên", "Chức vụ, đơn vị công tác"], rows, frozenset({0}))
        tables.append((form if len(forms) > 1 else "", grid))
    return Report(title, [], paragraph, tables, formats=("markdown", "text", "docx"),
                  attached=True)  # fmt: skip


R = TypeVar("R", Award, Mapping[str, Any])


def by_form(awards: Sequence[R]) -> dict[str, list[R]]:
    """The awards (or ``counted`` records) of each form given, from the highest form down, in
    the order given."""
    forms: dict[str, list[R]] = {}
    for award, form in zip(awards, field_values(awards, "form"), strict=True):
        forms.setdefault(form, []).append(award)
    ranked = sorted(forms, key=lambda form: (LAW_CATALOGUE.rank(form), form))
    return {form: forms[form] for form in ranked}


# What the sentence and the cross-tabs count by.
_COUNTED = ("form", "year", "issuer", "kind")


def counted(awards: Sequence[Award]) -> list[dict[str, Any]]:
    """The awards as stored records of their form, year, issuer and kind only, one for each
    such group and count, whose count is all the group's: as few as there are groups, however
    many awards, and they count as the awards do (``commendations``, ``tally``). The awards
    are looked at once, where each count looked at all of them again."""
    grouped = Counter(fields_values(awards, (*_COUNTED, "count")))
    return [dict(zip(_COUNTED, values, strict=True), count=each * times)
            for (*values, each), times in grouped.items()]  # fmt: skip


def commendations(
    forms: dict[str, list[Award]] | dict[str, list[Mapping[str, Any]]], issuers: Sequence[Issuer],
    lang: str
) -> list[str]:  # fmt: skip
    """One clause per form (``by_form``, of awards or their ``counted`` records), from the
    highest down: "24 tập thể, cá nhân được Bộ Công an, UBND tỉnh tặng Bằng khen", with the
    verb its decisions use ("công nhận danh hiệu …")."""
    _ = translator(lang)
    levels = {issuer.name: issuer.level for issuer in issuers}
    clauses = []
    for form, given in forms.items():
        entry = LAW_CATALOGUE.entry(form)
        said = f"{verb(entry) if entry else 'tặng'} {form}" if lang == "vi" else form
        by_issuer: Counter[str] = Counter()
        kinds: set[str] = set()
        # Awards of one issuer, kind and count are counted together, in C: few such groups.
        for (name, each, of_kind), times in Counter(fields_values(given, _ISSUED)).items():
            by_issuer[name] += each * times
            kinds.add(of_kind)
        count = by_issuer.total()
        kind = "mixed" if "mixed" in kinds or len(kinds) > 1 else kinds.pop()
        ranks = {name: _issuer_rank(name, levels.get(name), n) for name, n in by_issuer.items()}
        names = _join(sorted(by_issuer, key=ranks.__getitem__), lang)
        clause = _("{count} {kind} received a {form} from {issuers}")
        clauses.append(
            clause.format(count=count, kind=_(KIND_WORDS[kind]), form=said, issuers=names)
        )
    return clauses


_ISSUED = ("issuer", "count", "kind")


def _issuer_rank(name: str, level: str | None, count: int) -> tuple[int, int, object]:
    """Higher levels first (a ministry before a province), then the larger share, then name."""
    return (LEVELS.index(level) if level else len(LEVELS), -count, text.sort_key(name))


def _join(names: list[str], lang: str) -> str:
    conjunction = translator(lang)(" and ")
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        # Vietnamese joins two bodies with a comma ("Bộ Công an, UBND tỉnh") and two office
        # holders with "và"; English says "and" for both.
        offices = all(text.fold(n).startswith(_OFFICE_WORDS) for n in names)
        return conjunction.join(names) if offices or lang != "vi" else ", ".join(names)
    return ", ".join(names[:-1]) + conjunction + names[-1]


def _paragraph(
    opening: str, forms: dict[str, list[Mapping[str, Any]]], issuers: Sequence[Issuer], lang: str,
    *, program: bool = False
) -> str:  # fmt: skip
    _ = translator(lang)
    clauses = commendations(forms, issuers, lang)
    if not clauses:
        none = _("No awards.").lower()
        return f"{opening}: {none}"
    said = (_("{opening}, {clauses} for outstanding achievements in carrying out the program.")
            if program else _("{opening}, {clauses}."))  # fmt: skip
    return said.format(opening=opening, clauses="; ".join(clauses))


_recipient = attrgetter("recipient")


def _tables(
    counts: Sequence[Mapping[str, Any]],
    forms: dict[str, list[Award]],
    phases: Sequence[Phase],
    lang: str,
) -> list[tuple[str, Grid]]:
    """The cross-tabs of the awards (their ``counted`` records), then a table of the
    recipients of each of their ``forms`` (``by_form``) by name, made a field at a time."""
    _ = translator(lang)
    if not counts:
        return []  # the paragraph says there are none
    tables = [(_("Awards by year and form"), _crosstab(counts, ("year", "form"), phases, _)),
              (_("Awards by issuer and kind"),
               _crosstab(counts, ("issuer", "kind"), phases, _))]  # fmt: skip
    for form, of_form in forms.items():
        # The honorific and position, as the lists attached to decisions give them, when any
        # recipient of the form has them. (Looked at in the order read, which is faster.)
        shown = {name: any(field_values(of_form, name)) for name in ("honorific", "position")}
        count = sum(field_values(of_form, "count"))
        given = text.ordered(of_form, _recipient)
        names = [*(["honorific"] if shown["honorific"] else []), "recipient",
                 *(["position"] if shown["position"] else []), "unit", "issuer", "year",
                 "decision", "count"]  # fmt: skip
        numbers = range(1, len(given) + 1)
        fields = (field_values(given, name) for name in names)
        rows: list[Sequence[Cell]] = list(zip(numbers, *fields, strict=True))
        columns = [_("No."), *(_(HEADINGS[name]) for name in names)]
        grid = Grid(columns, rows, numeric=frozenset({0, len(names) - 2, len(names)}))
        title = _("{form} recipients ({count})")
        tables.append((title.format(form=form, count=count), grid))
    return tables


def _crosstab(
    awards: Sequence[Mapping[str, Any]],
    dims: tuple[str, str],
    phases: Sequence[Phase],
    _: Translate,
) -> Grid:
    """The tally's cross-tab, its headings (and kinds) in the report's language."""
    result = tally(awards, dims, phases)
    grid, columns = tally_grid(result), result.orders[dims[1]]
    values = [_(KIND_WORDS[str(c)]).capitalize() if dims[1] == "kind" else str(c) for c in columns]
    grid.columns = [_(HEADINGS[dims[0]]), *values, _("Total")]
    if grid.total is not None:
        grid.total[0] = _("Total")
    return grid
