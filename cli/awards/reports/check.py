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
    from awards.domain.catalogue import Catalogue
    from awards.domain.records import Award, Issuer, Phase

LAW = "Luật Thi đua, khen thưởng 2022 (06/2022/QH15)"


class Rule(NamedTuple):  # named tuples: the rules are read at start-up, for --help
    code: str
    title: str  # English, as check's JSON gives it; its help shows it translated
    basis: str


RULES = {rule.code: rule for rule in (
    Rule("level-unset", "issuer level not set", "needed to check who may give what"),
    Rule("level-form", "form not given at the issuer's level", f"{LAW}, Điều 77–80"),
    Rule("kind-form", "title or form to a kind of recipient that cannot hold it",
         f"{LAW}, Điều 20 (titles), 33, 54, 59 (orders, medals, honours)"),
    Rule("class-missing", "order or medal without its class",
         f"{LAW}, Điều 33, 54: these are given in a class (hạng Nhất, Nhì, Ba)"),
    Rule("unknown-form", "form not in the catalogue", "the catalogue: awards catalogue list"),
    Rule("phase-year", "award year outside its phase", "the phases of the program"),
    Rule("decision-year", "decision dated in another year", "a year's awards, by their decisions"),
    Rule("decision-twice", "one decision number, two dates or issuers",
         "Nghị định 30/2020/NĐ-CP: a decision has one number, date and signer"),
    Rule("duplicate", "probable duplicate: the same recipient, unit, form, issuer and year",
         f"{LAW}, Điều 6: one achievement is commended once"),
    Rule("spelling", "one name spelled two ways", "one category must not split in a tally"),
)}  # fmt: skip

# Who may give what, and who may receive it, is the catalogue's (domain.catalogue): each
# entry's levels and kinds, with the article they come from.


class Finding(NamedTuple):
    rule: str
    awards: tuple[int, ...]
    message: str


def check(
    awards: Sequence[Award], phases: Sequence[Phase], issuers: Sequence[Issuer],
    catalogue: Catalogue | None = None
) -> list[Finding]:  # fmt: skip
    """Every finding, rule by rule in the order of ``RULES``."""
    from awards.domain.catalogue import LAW_CATALOGUE

    catalogue = catalogue or LAW_CATALOGUE
    live = [a for a in awards if not a.revoked]
    return [*_levels(live, issuers, catalogue), *_kinds(live, catalogue),
            *_classes(live, catalogue), *_phase_years(live, phases), *_decisions(live),
            *_duplicates(live), *_spellings(live)]  # fmt: skip


def _ids(awards: Iterable[Award]) -> tuple[int, ...]:
    return tuple(sorted(a.id for a in awards))


K = TypeVar("K", bound=Hashable)


def _grouped(awards: Iterable[Award], key: Callable[[Award], K]) -> dict[K, list[Award]]:
    groups: dict[K, list[Award]] = defaultdict(list)
    for award in awards:
        groups[key(award)].append(award)
    return groups


def _levels(
    awards: Sequence[Award], issuers: Sequence[Issuer], catalogue: Catalogue
) -> list[Finding]:
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
            entry = catalogue.entry(form)
            allowed = entry.levels if entry else ()
            if entry is not None and level not in allowed:
                said = _("{form} from {issuer!r}, a {level}-level issuer; {form} is given at: "
                         "{levels}").format(form=form, issuer=issuer, level=level,
                                            levels=", ".join(sorted(allowed)))  # fmt: skip
                findings.append(Finding("level-form", _ids(wrong), said))
    return findings


_RECEIVERS = {"individual": N_("individuals"), "collective": N_("collectives"),
              "household": N_("households")}  # fmt: skip


def _kinds(awards: Sequence[Award], catalogue: Catalogue) -> list[Finding]:
    findings = []
    for (form, kind), wrong in _grouped(awards, lambda a: (a.form, a.kind)).items():
        entry = catalogue.entry(form)
        if entry is None:
            said = _("{form} is not in the catalogue; `awards catalogue add` records a "
                     "register's own").format(form=form)  # fmt: skip
            findings.append(Finding("unknown-form", _ids(wrong), said))
            continue
        kinds = ("individual", "collective") if kind == "mixed" else (kind,)
        if set(kinds) <= set(entry.kinds):
            continue
        said = _("{form} goes to {allowed}, but these awards go to {kind}").format(
            form=form, allowed=", ".join(_(_RECEIVERS[k]) for k in entry.kinds),
            kind=", ".join(_(_RECEIVERS[k]) for k in kinds),
        )  # fmt: skip
        findings.append(Finding("kind-form", _ids(wrong), said))
    return findings


def _classes(awards: Sequence[Award], catalogue: Catalogue) -> list[Finding]:
    findings = []
    for form, wrong in _grouped(awards, lambda a: a.form).items():
        entry = catalogue.entry(form)
        if entry is not None and entry.classes and form == entry.name:
            said = _("{form} is given in a class ({classes}); these awards name none").format(
                form=form, classes=", ".join(f"hạng {c}" for c in entry.classes)
            )
            findings.append(Finding("class-missing", _ids(wrong), said))
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
    """Records of one award, by the rule import uses (``duplicate_key``): names that differ
    only in their diacritics are two names, which ``spelling`` notes instead."""
    from awards.domain.records import duplicate_key

    findings = []
    groups = _grouped(awards, lambda a: duplicate_key(a)[0])
    for group in groups.values():
        if len(group) < 2:
            continue
        decisions = {duplicate_key(a)[1] for a in group} - {""}
        undecided = [a for a in group if not duplicate_key(a)[1]]
        sets = [[a for a in group if duplicate_key(a)[1] in ("", d)] for d in sorted(decisions)]
        for same in sets or [undecided]:
            if len(same) < 2 or (len(sets) > 1 and same == undecided):
                continue
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
