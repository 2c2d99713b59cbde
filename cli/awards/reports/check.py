"""What looks wrong in the register: the rules of commendation, and the slips of copy-paste.

``RULES`` is the table of what is checked and where each rule comes from; ``check`` applies them
to the stored records and returns findings, each naming its awards. Revoked awards are left out:
they have been dealt with. Pure functions; no I/O.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from awards import text
from awards.i18n import N_, _

if TYPE_CHECKING:  # the rules are read by --help, which needs no model
    from awards.domain.records import Award, Issuer, Phase

LAW = "Luật Thi đua, khen thưởng 2022 (06/2022/QH15)"


class Rule(NamedTuple):  # named tuples: the rules are read at start-up, for --help
    code: str
    title: str  # English, as check's JSON gives it; its help shows it translated
    basis: str


RULES = {rule.code: rule for rule in (
    Rule("level-unset", "issuer level not set", "needed to check who may give what"),
    Rule("level-form", "form not given at the issuer's level", f"{LAW}, Điều 77–80"),
    Rule("kind-form", "collective-only form to an individual, or the reverse", f"{LAW}, Điều 8"),
    Rule("phase-year", "award year outside its phase", "the phases of the program"),
    Rule("decision-year", "decision dated in another year", "a year's awards, by their decisions"),
    Rule("decision-twice", "one decision number, two dates or issuers",
         "Nghị định 30/2020/NĐ-CP: a decision has one number, date and signer"),
    Rule("duplicate", "probable duplicate", f"{LAW}, Điều 6: one achievement is commended once"),
    Rule("spelling", "one name spelled two ways", "one category must not split in a tally"),
)}  # fmt: skip

# Which levels give which form (Điều 77: the State President; 78: the Prime Minister; 79:
# ministers, provincial chairs and central organisations; 80: heads of units, district and
# commune chairs, companies). Political and social organisations commend under their statutes.
ALLOWED_LEVELS: dict[str, frozenset[str]] = {
    "Huân chương": frozenset({"state"}),
    "Huy chương": frozenset({"state"}),
    "Kỷ niệm chương": frozenset({"ministry", "province", "organisation"}),
    "Cờ thi đua": frozenset({"government", "ministry", "province", "organisation"}),
    "Bằng khen": frozenset({"government", "ministry", "province", "organisation"}),
    "Giấy khen": frozenset({"department", "district", "commune", "unit", "organisation"}),
    "Chiến sĩ thi đua": frozenset(
        {"government", "ministry", "province", "department", "district", "unit", "organisation"}
    ),
    "Lao động tiên tiến": frozenset({"department", "district", "commune", "unit", "organisation"}),
    "Tập thể lao động xuất sắc": frozenset({"ministry", "province", "organisation"}),
    "Tập thể lao động tiên tiến": frozenset({"department", "district", "unit", "organisation"}),
}
COLLECTIVE_ONLY = frozenset({"Cờ thi đua", "Tập thể lao động xuất sắc",
                             "Tập thể lao động tiên tiến"})  # fmt: skip
INDIVIDUAL_ONLY = frozenset({"Chiến sĩ thi đua", "Lao động tiên tiến"})


class Finding(NamedTuple):
    rule: str
    awards: tuple[int, ...]
    message: str


def check(
    awards: Sequence[Award], phases: Sequence[Phase], issuers: Sequence[Issuer]
) -> list[Finding]:
    """Every finding, rule by rule in the order of ``RULES``."""
    live = [a for a in awards if not a.revoked]
    return [*_levels(live, issuers), *_kinds(live), *_phase_years(live, phases),
            *_decisions(live), *_duplicates(live), *_spellings(live)]  # fmt: skip


def _ids(awards: Iterable[Award]) -> tuple[int, ...]:
    return tuple(sorted(a.id for a in awards))


K = TypeVar("K", bound=Hashable)


def _grouped(awards: Iterable[Award], key: Callable[[Award], K]) -> dict[K, list[Award]]:
    groups: dict[K, list[Award]] = defaultdict(list)
    for award in awards:
        groups[key(award)].append(award)
    return groups


def _levels(awards: Sequence[Award], issuers: Sequence[Issuer]) -> list[Finding]:
    levels = {issuer.name: issuer.level for issuer in issuers}
    findings = []
    by_issuer = _grouped(awards, lambda a: a.issuer)
    for issuer, given in sorted(by_issuer.items(), key=lambda item: text.sort_key(item[0])):
        level = levels.get(issuer)
        if level is None:
            unset = _("issuer {issuer!r} has no level; set it with "
                      "`awards issuer edit {issuer!r} --level …`")  # fmt: skip
            findings.append(Finding("level-unset", _ids(given), unset.format(issuer=issuer)))
            continue
        for form, wrong in _grouped(given, lambda a: a.form).items():
            allowed = ALLOWED_LEVELS.get(form, frozenset())
            if level not in allowed:
                said = _("{form} from {issuer!r}, a {level}-level issuer; {form} is given at: "
                         "{levels}").format(form=form, issuer=issuer, level=level,
                                            levels=", ".join(sorted(allowed)))  # fmt: skip
                findings.append(Finding("level-form", _ids(wrong), said))
    return findings


def _kinds(awards: Sequence[Award]) -> list[Finding]:
    findings = []
    for (form, kind), wrong in _grouped(awards, lambda a: (a.form, a.kind)).items():
        if form in COLLECTIVE_ONLY and kind == "individual":
            said = _("{form} is for collectives, but these awards go to individuals")
        elif form in INDIVIDUAL_ONLY and kind == "collective":
            said = _("{form} is for individuals, but these awards go to collectives")
        else:
            continue
        findings.append(Finding("kind-form", _ids(wrong), said.format(form=form)))
    return findings


def _phase_years(awards: Sequence[Award], phases: Sequence[Phase]) -> list[Finding]:
    by_code = {phase.code: phase for phase in phases}
    findings = []
    for award in awards:
        phase = by_code.get(award.phase or "")
        if award.phase is None or (phase is not None and phase.contains(award.year)):
            continue
        said = (
            _("phase {code!r} does not exist").format(code=award.phase)
            if phase is None
            else (
                _("year {year} lies outside phase {code} ({start}–{end})").format(
                    year=award.year, code=phase.code, start=phase.start, end=phase.end
                )
            )
        )
        findings.append(Finding("phase-year", (award.id,), said))  # fmt: skip
    return findings


def _decisions(awards: Sequence[Award]) -> list[Finding]:
    findings = [
        Finding("decision-year", (award.id,), _(
            "award year {year}, but its decision is dated {date}"
        ).format(year=award.year, date=award.decided_on))
        for award in awards
        if award.decided_on and int(award.decided_on[:4]) != award.year
    ]  # fmt: skip
    numbered = [a for a in awards if a.decision]
    by_number = _grouped(numbered, lambda a: text.key(a.decision or ""))
    for _number, same in sorted(by_number.items()):
        dates = sorted({a.decided_on for a in same if a.decided_on})
        signers = sorted({a.issuer for a in same})
        if len(dates) > 1 or len(signers) > 1:
            what = (
                _("dates {dates}").format(dates=", ".join(dates))
                if len(dates) > 1
                else (_("issuers {issuers}").format(issuers=", ".join(signers)))
            )
            twice = _("decision {decision} appears with {what}")
            twice = twice.format(decision=same[0].decision, what=what)  # fmt: skip
            findings.append(Finding("decision-twice", _ids(same), twice))
    return findings


def _duplicates(awards: Sequence[Award]) -> list[Finding]:
    findings = []
    groups = _grouped(awards, lambda a: (text.fold(a.recipient), a.form, a.issuer, a.year))
    for same in groups.values():
        if len(same) > 1:
            first = same[0]
            said = _("{recipient}: {form} from {issuer}, {year}, recorded {count} times").format(
                recipient=first.recipient, form=first.form, issuer=first.issuer,
                year=first.year, count=len(same),
            )  # fmt: skip
            findings.append(Finding("duplicate", _ids(same), said))
    return findings


def _spellings(awards: Sequence[Award]) -> list[Finding]:
    findings = []
    for field in (N_("recipient"), N_("unit"), N_("issuer")):
        spellings: dict[str, dict[str, list[Award]]] = defaultdict(lambda: defaultdict(list))
        for award in awards:
            value = getattr(award, field)
            if value:
                spellings[text.fold(value)][value].append(award)
        for variants in spellings.values():
            if len(variants) > 1:
                shown = _(" and ").join(f"{v!r}" for v in sorted(variants))
                ids = _ids(a for group in variants.values() for a in group)
                spelled = _("{field} spelled {spellings}").format(field=_(field), spellings=shown)
                findings.append(Finding("spelling", ids, spelled))
    return findings
