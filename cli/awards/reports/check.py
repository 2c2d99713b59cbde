"""What looks wrong in the register: the rules of commendation, and the slips of copy-paste.

``RULES`` is the table of what is checked and where each rule comes from; ``check`` applies them
to the stored records and returns findings, each naming its awards. Revoked awards are left out:
they have been dealt with. Pure functions; no I/O.
"""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, count, repeat, tee
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from awards import text
from awards.i18n import N_, _

if TYPE_CHECKING:  # the rules are read by --help, which needs no model
    from awards.domain.catalogue import Catalogue
    from awards.domain.records import Issuer, Phase

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
    Rule("decision-twice", "one decision number, two dates in a year or two issuers on a day",
         "Nghị định 30/2020/NĐ-CP, Điều 15: a body numbers its decisions afresh each year, "
         "each number once"),
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
    awards: Iterable[Sequence[tuple[str, Mapping[str, Any]]]], phases: Sequence[Phase],
    issuers: Sequence[Issuer], catalogue: Catalogue | None = None
) -> list[Finding]:  # fmt: skip
    """Every finding, rule by rule in the order of ``RULES``, over the stored award records
    with their ids, (id, record) in file order, in parts as they are read (checked in full on
    reading)."""
    from awards.domain.catalogue import LAW_CATALOGUE

    catalogue = catalogue or LAW_CATALOGUE
    live = _Live(awards)
    # Who gave what to whom, and in which phase and year: few distinct, however many awards.
    held = _Grouped.of(zip(*map(live, ("issuer", "form", "kind", "phase", "year")), strict=True))
    grouped = held.by(0, 1, 2)
    given = {key: [key] for key in grouped.keys}
    named = [*_levels(given, issuers, catalogue), *_kinds(given, catalogue),
             *_classes(given, catalogue)]  # fmt: skip
    at = grouped.positions({key for _, keys, _ in named for key in keys})
    return [*(Finding(rule, live.ids(p for key in keys for p in at[key]), said)
              for rule, keys, said in named),
            *_phase_years(live, held.by(3, 4), phases), *_decisions(live), *_duplicates(live),
            *_spellings(live)]  # fmt: skip


# What the rules read of each award: taken from each part of the awards as it is read.
READS = ("recipient", "kind", "form", "issuer", "year", "phase", "decision", "decided_on",
         "unit", "revoked_decision")  # fmt: skip


class _Live:
    """The awards that are not revoked (they have been dealt with), read a field at a time:
    a rule groups the positions of the awards by the fields it needs, or looks at each
    distinct value once. The fields the rules read (``READS``) are taken from each part of
    the awards as it comes, while its records are at hand: a tenth faster than from every
    record at the end."""

    def __init__(self, parts: Iterable[Sequence[tuple[str, Mapping[str, Any]]]]) -> None:
        ids: list[str] = []  # as text: made numbers for findings only
        records: list[Mapping[str, Any]] = []
        columns: dict[str, list[Any]] = {name: [] for name in READS}
        for part in parts:
            if part:
                keys, values = zip(*part, strict=True)
                ids += keys
                records += values
                for name, column in columns.items():
                    column += _column(values, name)
        revoked = columns["revoked_decision"]
        if revoked.count(None) != len(revoked):
            kept = list(map(operator.is_, revoked, repeat(None)))
            ids, records = list(compress(ids, kept)), list(compress(records, kept))
            columns = {name: list(compress(column, kept)) for name, column in columns.items()}
        self._ids, self._records = ids, records
        self._columns = columns
        self._folds: dict[str, Folded] = {}

    def __call__(self, name: str) -> list[Any]:
        """Every live award's value of ``name``, in file order (read once for every rule)."""
        if name not in self._columns:
            self._columns[name] = _column(self._records, name)
        return self._columns[name]

    def folds(self, name: str) -> Folded:
        """The distinct values of ``name`` but the empty, and their folds (``Folded``): each
        folded once, for every rule that folds them."""
        if name not in self._folds:
            held = Counter(self(name))
            for empty in ("", None):
                held.pop(empty, None)
            folds = text.folds(list(held))
            self._folds[name] = Folded(list(held), folds, list(held.values()), Counter(folds))
        return self._folds[name]

    @property
    def records(self) -> list[Mapping[str, Any]]:
        return self._records

    def ids(self, positions: Iterable[int]) -> tuple[int, ...]:
        """The ids of the awards at ``positions``, in order."""
        return tuple(sorted(map(int, map(self._ids.__getitem__, positions))))


class Folded(NamedTuple):
    """The distinct values of a field but the empty, in file order; the ``text.fold`` of each;
    how many awards hold each; and how many of the values fold to each fold."""

    distinct: list[str]
    folds: list[str]
    held: list[int]
    alike: Counter[str]


def _column(records: Sequence[Mapping[str, Any]], name: str) -> list[Any]:
    from awards.domain.records import field_values

    return list(field_values(records, name))


K = TypeVar("K", bound=Hashable)
J = TypeVar("J", bound=Hashable)
V = TypeVar("V")


def _where(values: Sequence[K], wanted: Container[K]) -> Iterator[int]:
    """The positions, in order, of the values that are among ``wanted``: found in C, so that a
    rule looks in Python only at the awards it names (few, in a register kept well)."""
    return compress(count(), map(wanted.__contains__, values))


def _positions(values: Iterable[K], wanted: Container[K]) -> dict[K, list[int]]:
    """The positions of each of ``wanted`` among ``values`` (as ``_where`` finds them), by
    value; ``values`` may be made as they are read (rows zipped from columns), none kept."""
    found: dict[K, list[int]] = defaultdict(list)
    values, tested = tee(values)
    for position, value in compress(enumerate(values), map(wanted.__contains__, tested)):
        found[value].append(position)
    return found


Key = tuple[Any, ...]


class _Grouped:
    """The awards grouped by some of their fields (``of``), each award's key hashed once:
    every distinct key, in order of appearance, with the position of the first award of each
    group it stands for (``keys``), and for each award its group's first (``firsts``). The
    awards of a few keys are then found by those positions, whole numbers, in C
    (``positions``); grouped again by some of the fields, from the distinct keys alone
    (``by``)."""

    def __init__(self, keys: dict[Key, list[int]], firsts: list[int]) -> None:
        self.keys = keys
        self._firsts = firsts

    @classmethod
    def of(cls, rows: Iterable[Key]) -> _Grouped:
        first: dict[Key, int] = {}
        firsts = list(map(first.setdefault, rows, count()))
        return cls({key: [position] for key, position in first.items()}, firsts)

    def by(self, *fields: int) -> _Grouped:
        """The awards grouped by the values at ``fields`` (two or more) of their keys."""
        project = itemgetter(*fields)
        groups: dict[Key, list[int]] = defaultdict(list)
        for key, firsts in self.keys.items():
            groups[project(key)] += firsts
        return _Grouped(groups, self._firsts)

    def positions(self, wanted: Iterable[Key]) -> dict[Key, list[int]]:
        """The positions of the awards of each of ``wanted`` (among ``keys``), group by
        group: a rule orders those it names."""
        keyed = {first: key for key in wanted for first in self.keys[key]}
        found: dict[Key, list[int]] = defaultdict(list)
        for first, positions in _positions(self._firsts, keyed).items():
            found[keyed[first]] += positions
        return found


def _merged(groups: Mapping[K, list[V]], key: Callable[[K], J]) -> dict[J, list[V]]:
    """``groups`` grouped again by a part of their key, still in order of first appearance."""
    merged: dict[J, list[V]] = defaultdict(list)
    for found, members in groups.items():
        merged[key(found)].extend(members)
    return merged


# The rules of who gives what to whom look at the distinct (issuer, form, kind) of the awards,
# a few dozen: each names the ones it finds, whose awards ``check`` then finds at once, in C.
GivenKey = tuple[str, str, str]  # (issuer, form, kind)
Given = Mapping[GivenKey, list[GivenKey]]  # each with itself, to be merged by a part of it
Named = tuple[str, list[GivenKey], str]  # a finding: its rule, what it names, its message


def _levels(given: Given, issuers: Sequence[Issuer], catalogue: Catalogue) -> list[Named]:
    levels = {issuer.name: issuer.level for issuer in issuers}
    findings: list[Named] = []
    by_issuer = _merged(given, lambda found: found[0])
    for issuer in sorted(by_issuer, key=text.sort_key):
        level = levels.get(issuer)
        if level is None:
            unset = _("issuer {issuer!r} has no level; set it with "
                      "`awards issuer edit {issuer!r} --level …`")  # fmt: skip
            findings.append(("level-unset", by_issuer[issuer], unset.format(issuer=issuer)))
            continue
        forms = _merged({k: v for k, v in given.items() if k[0] == issuer}, lambda k: k[1])
        for form, wrong in forms.items():
            entry = catalogue.entry(form)
            allowed = entry.levels if entry else ()
            if entry is not None and level not in allowed:
                said = _("{form} from {issuer!r}, a {level}-level issuer; {form} is given at: "
                         "{levels}").format(form=form, issuer=issuer, level=level,
                                            levels=", ".join(sorted(allowed)))  # fmt: skip
                findings.append(("level-form", wrong, said))
    return findings


_RECEIVERS = {"individual": N_("individuals"), "collective": N_("collectives"),
              "household": N_("households")}  # fmt: skip


def _kinds(given: Given, catalogue: Catalogue) -> list[Named]:
    findings: list[Named] = []
    for (form, kind), wrong in _merged(given, lambda found: found[1:]).items():
        entry = catalogue.entry(form)
        if entry is None:
            said = _("{form} is not in the catalogue; `awards catalogue add` records a "
                     "register's own").format(form=form)  # fmt: skip
            findings.append(("unknown-form", wrong, said))
            continue
        kinds = ("individual", "collective") if kind == "mixed" else (kind,)
        if set(kinds) <= set(entry.kinds):
            continue
        said = _("{form} goes to {allowed}, but these awards go to {kind}").format(
            form=form, allowed=", ".join(_(_RECEIVERS[k]) for k in entry.kinds),
            kind=", ".join(_(_RECEIVERS[k]) for k in kinds),
        )  # fmt: skip
        findings.append(("kind-form", wrong, said))
    return findings


def _classes(given: Given, catalogue: Catalogue) -> list[Named]:
    findings: list[Named] = []
    for form, wrong in _merged(given, lambda found: found[1]).items():
        entry = catalogue.entry(form)
        if entry is not None and entry.classes and form == entry.name:
            said = _("{form} is given in a class ({classes}); these awards name none").format(
                form=form, classes=", ".join(f"hạng {c}" for c in entry.classes)
            )
            findings.append(("class-missing", wrong, said))
    return findings


def _phase_years(live: _Live, grouped: _Grouped, phases: Sequence[Phase]) -> list[Finding]:
    """Awards outside their phase's years, or of a phase that does not exist: looked at among
    the distinct (phase, year) of the awards (``grouped``), and their awards found in C."""
    by_code = {phase.code: phase for phase in phases}
    columns = [live("phase"), live("year")]
    wrong = {(code, year) for code, year in grouped.keys if code is not None
             and not ((phase := by_code.get(code)) and phase.contains(year))}  # fmt: skip
    if not wrong:
        return []
    findings = []
    for position in sorted(p for found in grouped.positions(wrong).values() for p in found):
        code, year = columns[0][position], columns[1][position]
        phase = by_code.get(code)
        said = (
            _("phase {code!r} does not exist").format(code=code)
            if phase is None
            else (
                _("year {year} lies outside phase {code} ({start}–{end})").format(
                    year=year, code=phase.code, start=phase.start, end=phase.end
                )
            )
        )
        findings.append(Finding("phase-year", live.ids([position]), said))
    return findings


def _decisions(live: _Live) -> list[Finding]:
    """Decisions dated in another year than their awards, and numbers used twice: both looked
    at among the distinct (number, issuer, date, year) of the awards, a few thousand in a
    register kept well; the awards of each finding are then found in C (``_positions``)."""
    columns = numbers, _issuers, dated, years = [
        live("decision"), live("issuer"), live("decided_on"), live("year")]  # fmt: skip
    grouped = _Grouped.of(zip(*columns, strict=True))
    distinct = list(grouped.keys)
    # A date typed by hand as other text is of another year too: a finding, not a failure.
    other_year = {value for value in distinct if value[2] and value[2][:4] != str(value[3])}
    twice = _twice(distinct)
    at = grouped.positions(other_year.union(*twice.values()))
    findings = [
        Finding("decision-year", live.ids([position]), _(
            "award year {year}, but its decision is dated {date}"
        ).format(year=years[position], date=dated[position]))
        for position in sorted(p for value in other_year for p in at[value])
    ]  # fmt: skip
    for group, members in twice.items():
        same = sorted(position for value in members for position in at[value])
        decision = numbers[same[0]]
        if len(group) == 3:  # (number, issuer, year): dated twice
            shown = ", ".join(sorted({value[2] for value in members} - {None, ""}))
            said = _("decision {decision} of {issuer} appears with dates {dates}").format(
                decision=decision, issuer=group[1], dates=shown)  # fmt: skip
        else:  # (number, date): signed by two
            shown = ", ".join(sorted({value[1] for value in members}))
            said = _("decision {decision} of {date} appears with issuers {issuers}").format(
                decision=decision, date=group[1], issuers=shown)  # fmt: skip
        findings.append(Finding("decision-twice", live.ids(same), said))
    return findings


Held = tuple[Any, ...]  # an award's (number, issuer, date, year)


def _twice(distinct: list[Held]) -> dict[tuple[str, ...], list[Held]]:
    """The decision numbers used twice, each with what its awards hold, in order of number.

    A body numbers its decisions afresh each year, each number once (Nghị định
    30/2020/NĐ-CP, Điều 15): one number of one issuer in one year is one decision, with one
    date, and one number on one date one decision, with one issuer. The same number in
    another year, or of another body on another day, is another decision. An award without a
    date is of its own year."""
    from awards.domain.records import decision_year

    keys = {value[0]: text.key(value[0] or "") for value in distinct}
    in_year: dict[tuple[str, ...], list[Held]] = defaultdict(list)  # (number, issuer, year)
    on_day: dict[tuple[str, ...], list[Held]] = defaultdict(list)  # (number, date)
    for value in distinct:
        number, issuer, date, year = value
        if key := keys[number]:
            in_year[key, issuer, str(decision_year(date, year))].append(value)
            if date:
                on_day[key, date].append(value)
    # A group of one holds one date and one issuer: most are, and are not looked into.
    groups = {group: held for group, held in in_year.items()
              if len(held) > 1 and len({value[2] for value in held} - {None, ""}) > 1}  # fmt: skip
    groups |= {group: held for group, held in on_day.items()
               if len(held) > 1 and len({value[1] for value in held}) > 1}  # fmt: skip
    return {group: groups[group] for group in sorted(groups, key=lambda g: (g[0], g[-1], len(g)))}


def _duplicates(live: _Live) -> list[Finding]:
    """Records of one award, by the rule import uses (``duplicate_key``): names that differ
    only in their diacritics are two names, which ``spelling`` notes instead. Only the awards
    of a recipient named more than once are keyed in full: the key begins with the name's."""
    from awards.domain.records import duplicate_keys

    findings: list[Finding] = []
    # Names alike by ``same_key`` fold alike (``text.fold``): only the recipients of a fold
    # held more than once are keyed, the folds being made for ``spelling`` anyway. A fold is
    # held more than once where two names fold to it, or where one name is held twice.
    recipients = live("recipient")
    distinct, folds, held, alike_folds = live.folds("recipient")
    twice = ({fold for fold, seen in alike_folds.items() if seen > 1}
             if len(alike_folds) < len(folds) else set())  # fmt: skip
    if max(held, default=1) > 1:
        twice.update(compress(folds, map(int.__lt__, repeat(1), held)))
    candidates = set(compress(distinct, map(twice.__contains__, folds)))
    if recipients.count("") > 1:  # no name at all (a file edited by hand): alike too
        candidates.add("")
    if not candidates:
        return findings
    alike = list(_where(recipients, candidates))
    names = text.same_keys(list(map(recipients.__getitem__, alike)))
    named = Counter(names)
    again = [alike[i] for i in _where(names, {name for name, seen in named.items() if seen > 1})]
    keyed = duplicate_keys(list(map(live.records.__getitem__, again)))
    keys = list(map(itemgetter(0), keyed))
    counted = Counter(keys)
    repeated = {key for key, seen in counted.items() if seen > 1}
    for at in _positions(keys, repeated).values():
        group = list(map(again.__getitem__, at))  # positions among the live awards
        decided = {p: keyed[i][1] for p, i in zip(group, at, strict=True)}
        undecided = [p for p in group if not decided[p]]
        sets = [[p for p in group if decided[p] in ("", d)]
                for d in sorted(set(decided.values()) - {""})]  # fmt: skip
        for same in sets or [undecided]:
            if len(same) < 2 or (len(sets) > 1 and same == undecided):
                continue
            first = live.records[same[0]]
            said = _("{recipient}: {form} from {issuer}, {year}, recorded {count} times").format(
                recipient=first["recipient"], form=first["form"], issuer=first["issuer"],
                year=first["year"], count=len(same),
            )  # fmt: skip
            findings.append(Finding("duplicate", live.ids(same), said))
    return findings


def _spellings(live: _Live) -> list[Finding]:
    """Values of a field that fold to one (``text.fold``): each distinct value is folded once
    (``text.folds``), and the awards of the names spelled two ways are found in one pass."""
    findings = []
    for field in (N_("recipient"), N_("unit"), N_("issuer")):
        values = live(field)
        distinct, folds, _held, counted = live.folds(field)
        if len(counted) == len(folds):
            continue
        spellings: dict[str, list[str]] = defaultdict(list)
        for position in _where(folds, {fold for fold, seen in counted.items() if seen > 1}):
            spellings[folds[position]].append(distinct[position])
        at = _positions(values, {value for variants in spellings.values() for value in variants})
        for variants in spellings.values():
            shown = _(" and ").join(f"{v!r}" for v in sorted(variants))
            spelled = _("{field} spelled {spellings}").format(field=_(field), spellings=shown)
            same = [position for value in variants for position in at[value]]
            findings.append(Finding("spelling", live.ids(same), spelled))
    return findings
