"""The review report: a phase's (or a year's) commendations in the words the reports use.

Pure functions from records to a ``Report``: a title, facts, the commendation paragraph and
tables as ``Grid`` objects; the renderers decide whether it becomes Markdown, text or Word.
Revoked awards are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from awards import text
from awards.domain.catalogue import LAW_CATALOGUE, verb
from awards.domain.records import Award, Issuer, Phase, decision_year, field_values
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
    chosen = [a for a in awards if a.phase == phase.code and not a.revoked]
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
    forms = by_form(chosen)
    paragraph = _paragraph(opening, forms, issuers, lang, program=True)
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
    tables = _tables(chosen, forms, phases, lang)
    return Report(title, facts, paragraph, tables, bodies=[(None, p) for p in phase.parties],
                  summary=summary, signers=list(phase.signers))  # fmt: skip


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
    chosen = [a for a in awards if a.year == year and not a.revoked]
    title = _("Awards of {year}").format(year=year)
    opening = _("In {year}").format(year=year)
    forms = by_form(chosen)
    return Report(title, [], _paragraph(opening, forms, issuers, lang),
                  _tables(chosen, forms, phases, lang), summary=title)  # fmt: skip


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


def by_form(awards: Sequence[Award]) -> dict[str, list[Award]]:
    """The awards of each form given, from the highest form down, in the order given."""
    forms: dict[str, list[Award]] = {}
    for award in awards:
        forms.setdefault(award.form, []).append(award)
    ranked = sorted(forms, key=lambda form: (LAW_CATALOGUE.rank(form), form))
    return {form: forms[form] for form in ranked}


def commendations(forms: dict[str, list[Award]], issuers: Sequence[Issuer], lang: str) -> list[str]:
    """One clause per form (``by_form``), from the highest down: "24 tập thể, cá nhân được
    Bộ Công an, UBND tỉnh tặng Bằng khen", with the verb its decisions use ("công nhận danh
    hiệu …")."""
    _ = translator(lang)
    levels = {issuer.name: issuer.level for issuer in issuers}
    clauses = []
    for form, given in forms.items():
        entry = LAW_CATALOGUE.entry(form)
        said = f"{verb(entry) if entry else 'tặng'} {form}" if lang == "vi" else form
        counts = list(field_values(given, "count"))
        count = sum(counts)
        kinds = set(field_values(given, "kind"))
        kind = "mixed" if "mixed" in kinds or len(kinds) > 1 else kinds.pop()
        by_issuer: Counter[str] = Counter()
        issued = zip(field_values(given, "issuer"), counts, strict=True)
        for (name, each), times in Counter(issued).items():
            by_issuer[name] += each * times
        ranks = {name: _issuer_rank(name, levels.get(name), n) for name, n in by_issuer.items()}
        names = _join(sorted(by_issuer, key=ranks.__getitem__), lang)
        clause = _("{count} {kind} received a {form} from {issuers}")
        clauses.append(
            clause.format(count=count, kind=_(KIND_WORDS[kind]), form=said, issuers=names)
        )
    return clauses


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
    opening: str, forms: dict[str, list[Award]], issuers: Sequence[Issuer], lang: str, *,
    program: bool = False
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
    awards: Sequence[Award], forms: dict[str, list[Award]], phases: Sequence[Phase], lang: str
) -> list[tuple[str, Grid]]:
    """The cross-tabs of ``awards``, then a table of the recipients of each of their ``forms``
    (``by_form``) by name, made a field at a time."""
    _ = translator(lang)
    if not awards:
        return []  # the paragraph says there are none
    tables = [(_("Awards by year and form"), _crosstab(awards, ("year", "form"), phases, _)),
              (_("Awards by issuer and kind"),
               _crosstab(awards, ("issuer", "kind"), phases, _))]  # fmt: skip
    for form, of_form in forms.items():
        given = text.ordered(of_form, _recipient)
        # The honorific and position, as the lists attached to decisions give them, when any
        # recipient of the form has them.
        shown = {name: any(field_values(given, name)) for name in ("honorific", "position")}
        names = [*(["honorific"] if shown["honorific"] else []), "recipient",
                 *(["position"] if shown["position"] else []), "unit", "issuer", "year",
                 "decision", "count"]  # fmt: skip
        numbers = range(1, len(given) + 1)
        fields = (field_values(given, name) for name in names)
        rows: list[Sequence[Cell]] = list(zip(numbers, *fields, strict=True))
        columns = [_("No."), *(_(HEADINGS[name]) for name in names)]
        grid = Grid(columns, rows, numeric=frozenset({0, len(names) - 2, len(names)}))
        title = _("{form} recipients ({count})")
        tables.append((title.format(form=form, count=sum(field_values(given, "count"))), grid))
    return tables


def _crosstab(
    awards: Sequence[Award], dims: tuple[str, str], phases: Sequence[Phase], _: Translate
) -> Grid:
    """The tally's cross-tab, its headings (and kinds) in the report's language."""
    result = tally(awards, dims, phases)
    grid, columns = tally_grid(result), result.orders[dims[1]]
    values = [_(KIND_WORDS[str(c)]).capitalize() if dims[1] == "kind" else str(c) for c in columns]
    grid.columns = [_(HEADINGS[dims[0]]), *values, _("Total")]
    if grid.total is not None:
        grid.total[0] = _("Total")
    return grid
