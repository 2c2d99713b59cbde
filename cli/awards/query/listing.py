"""What the listing commands print, as ``Rows`` results laid out from the vocabulary (which
fields a table lists, which are numbers, which are codes that must not fold): awards, phases,
issuers, the history and the check's findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from awards import text
from awards.cells import Measure, measure
from awards.domain import vocab
from awards.domain.records import Award, Entry, Issuer, Office, Phase
from awards.grid import Cell, Grid, Rows, Streamed
from awards.i18n import N_, _
from awards.reports.check import RULES, Finding

if TYPE_CHECKING:
    from pathlib import Path

    from awards.domain.catalogue import Catalogue
    from awards.store import Records
    from awards.store.history import Change
    from awards.store.store import Copy
    from awards.store.summary import Summary
    from awards.store.tables import AwardRows


STATUS_READS = frozenset({"count", "revoked_decision"})  # of each award: what status reads


def status(path: Path, records: Records) -> Rows:
    """What ``awards`` alone says: the data file in use, what it holds, and where to start."""
    rows, last = records.award_rows.values(), records.changes[-1] if records.changes else None
    recipients = sum(r["count"] for r in rows if r.get("revoked_decision") is None)
    when = last and vocab.shown("at", last.at[:16].replace("T", " "))
    change = f"{last.number} ({when}): {last.command}" if last else None
    file = str(path) if path.exists() else _("{path} (not created yet)").format(path=path)
    found = {
        "data_file": str(path),
        "exists": path.exists(),
        "phases": len(records.phases),
        "records": len(rows),
        "recipients": recipients,
        "last_change": last and last.at,
    }
    office = records.office.unit if records.office else None
    found["office"] = office
    held: list[list[Cell]] = [[_("Office"), office]] if office else []
    grid = Grid([_("Field"), _("Value")], [
        [_("Data file"), file], *held, [_("Phases"), len(records.phases)],
        [_("Records"), len(rows)], [_("Recipients"), recipients], [_("Last change"), change],
    ], caption=_("Start with awards phase add, awards add, awards list or awards tally; "
                 "awards --help lists every command."))  # fmt: skip
    return Rows(grid, found, formats=("table", "json"))


def award_list(rows: AwardRows, names: Sequence[str] | None = None) -> Rows:
    """The awards as a table of the listed fields (or ``names``), with a caption that counts
    them; a revoked award is marked in a column of its own, there only when one is listed. A
    narrow terminal leaves out the unit, the decision… first (``vocab.DROPPED_FIRST``). The
    table and the records are made only for the format that shows them; the table a column
    at a time, each value shown once however often it recurs."""
    fields = {field.name: field for field in vocab.AWARD}
    listed = [fields[name] for name in names] if names else list(vocab.LIST_FIELDS)
    names = [field.name for field in listed]

    def grid() -> Grid:
        from awards.store.tables import cells_of, column_of

        known = rows.summarized(names)  # the file's, else of these rows
        headings = [_(field.heading) for field in listed]
        bodies = [_measure(name, known) for name in names]
        mark = _("revoked {date}")
        if known.revoked:
            headings.append(_("Revoked"))
            dates = known.revocations
            marks = [mark.format(date=date) for date in vocab.shown_all("revoked_on", dates or [])]
            bodies.append(None if dates is None else measure(["", *marks]))
        shown = [at for at, name in enumerate(names) if name in vocab.SHOWN_OTHERWISE]

        def table() -> Iterator[list[Cell]]:  # a part of the file at a time, as it is read
            for part in rows.parts():
                cells = cells_of(part, names)
                for at in shown:  # a kind, a date in Vietnamese…
                    values = vocab.shown_all(names[at], [row[at] for row in cells])
                    for row, value in zip(cells, values, strict=True):
                        row[at] = value
                if known.revoked:
                    decisions = column_of(part, "revoked_decision")
                    dates = vocab.shown_all("revoked_on", column_of(part, "revoked_on"))
                    for row, decision, date in zip(cells, decisions, dates, strict=True):
                        row.append("" if decision is None else mark.format(date=date))
                yield from cells

        caption = _("{records} award record(s), {recipients} recipient(s)")
        caption = caption.format(records=known.records, recipients=known.recipients)
        if known.revoked:
            caption += _("; {count} revoked record(s) not counted").format(count=known.revoked)
        numbers = frozenset(i for i, field in enumerate(listed) if field.numeric)
        codes = frozenset([*(i for i, field in enumerate(listed) if field.code), len(names)])
        drop = tuple(names.index(name) for name in vocab.DROPPED_FIRST if name in names)
        measures = None if None in bodies else cast("list[Measure]", bodies)
        return Grid(headings, Streamed(table, known.records), numbers, codes, caption=caption,
                    empty=_("no awards match"), drop=drop, measures=measures)  # fmt: skip

    return Rows(grid, rows, vocab.AWARD_FIELDS, _("the awards"), "awards")


def _measure(name: str, known: Summary) -> Measure | None:
    """How a field's values measure as a table shows them (``store.summary``)."""
    if name in vocab.SHOWN_OTHERWISE:  # kept as its different values
        values = known.values.get(name)
        return None if values is None else measure(vocab.shown_all(name, values))
    return known.measures.get(name)


def award_detail(award: Award) -> Rows:
    """One award, field by field; the revocation fields only when it is revoked."""
    shown = [n for n in vocab.AWARD_FIELDS if award.revoked or n not in vocab.REVOCATION_FIELDS]
    rows: list[list[Cell]] = [
        [_(vocab.HEADINGS[name]), vocab.shown(name, getattr(award, name))] for name in shown
    ]
    return Rows(Grid([_("Field"), _("Value")], rows), award.to_dict(), formats=("table", "json"))


PHASE_LIST_READS = frozenset({"phase", "count", "revoked_decision"})


def phase_list(phases: Sequence[Phase], award_rows: Iterable[Mapping[str, Any]]) -> Rows:
    """The phases in the order of their years, each with the recipients of its live awards."""
    ordered = sorted(phases, key=lambda p: (p.start, p.end, p.code))
    recipients = {p.code: 0 for p in ordered}
    for record in award_rows:
        if record.get("phase") in recipients and record.get("revoked_decision") is None:
            recipients[record["phase"]] += record["count"]
    # The table leaves out the note, what form 0601 needs and the stated length; phase show
    # has them.
    shown = [f for f in vocab.PHASE if f.name not in ("note", "host", "scope", "movement", "years")]
    rows: list[list[Cell]] = [
        [*(_cell(p, field.name) for field in shown), recipients[p.code]] for p in ordered
    ]
    columns = [*(_(field.heading) for field in shown), _("Recipients")]
    empty = _("no phases yet; add one with: awards phase add CODE --program P --start Y --end Y")
    grid = Grid(columns, rows, numeric=frozenset({2, 3, len(shown)}), empty=empty)
    return Rows(grid, [p.to_dict() for p in ordered], vocab.PHASE_FIELDS, _("the phases"), "phases")


def phase_detail(phase: Phase) -> Rows:
    rows: list[list[Cell]] = [
        [_("Code"), phase.code],
        [_("Program"), phase.program],
        [_("Years"), f"{phase.start}–{phase.end}"],
        *([_(field.heading), _cell(phase, field.name)] for field in vocab.PHASE[4:]),
    ]
    return Rows(Grid([_("Field"), _("Value")], rows), phase.to_dict(), formats=("table", "json"))


def _cell(phase: Phase, name: str) -> Cell:
    """A field as a table shows it: a list one item a line, an empty one as nothing."""
    value = getattr(phase, name)
    return "\n".join(value) or None if isinstance(value, tuple) else vocab.shown(name, value)


def office_detail(office: Office | None) -> Rows:
    """The office settings, a field a line; those not set shown as such."""
    found = office or Office()
    rows: list[list[Cell]] = [
        [_(field.heading), "\n".join(value) or None if isinstance(value, tuple) else value]
        for field in vocab.OFFICE for value in (getattr(found, field.name),)
    ]  # fmt: skip
    grid = Grid([_("Field"), _("Value")], rows)
    return Rows(grid, found.to_dict(), formats=("table", "json"))


ISSUER_LIST_READS = frozenset({"issuer"})


def issuer_list(issuers: Sequence[Issuer], award_rows: Iterable[Mapping[str, Any]]) -> Rows:
    """Every issuer, with the records it gave; issuers only seen in awards have no level yet."""
    used = Counter(record["issuer"] for record in award_rows)
    known = {i.name: i for i in issuers}
    for name in used:
        known.setdefault(name, Issuer(name))
    ordered = sorted(known.values(), key=lambda i: text.sort_key(i.name))
    rows: list[list[Cell]] = [
        [i.name, i.level, "; ".join(i.aliases) or None, used[i.name]] for i in ordered
    ]
    columns = [*(_(field.heading) for field in vocab.ISSUER), _("Records")]
    grid = Grid(columns, rows, frozenset({3}), frozenset({1}), empty=_("no issuers yet"))
    found = [{**i.to_dict(), "awards": used[i.name]} for i in ordered]
    return Rows(grid, found, [*vocab.ISSUER_FIELDS, "awards"], _("the issuers"), "issuers")


CATALOGUE_LIST_READS = frozenset({"form"})


def catalogue_list(catalogue: Catalogue, award_rows: Iterable[Mapping[str, Any]], *,
                   local: bool = False) -> Rows:  # fmt: skip
    """The titles and forms from the highest down: the law's (each with its article) and the
    register's own, and how many records use each."""
    from awards.domain.catalogue import statistic, verb

    used: Counter[str] = Counter()
    for record in award_rows:
        entry = catalogue.entry(record["form"])
        used[entry.name if entry else record["form"]] += 1
    entries = catalogue.local if local else catalogue.entries
    ordered = sorted(entries, key=lambda e: (catalogue.rank(e.name), text.sort_key(e.name)))

    def kinds(entry: Entry) -> str:
        return ", ".join(_(vocab.KIND_NAMES[k]) for k in entry.kinds)

    def counted(entry: Entry) -> str | None:
        if entry.statistic != "level":
            return entry.statistic
        forms = dict.fromkeys(statistic(entry, level) for level in entry.levels)
        return " / ".join(f for f in forms if f) or None

    rows: list[list[Cell]] = [
        [e.name, ", ".join(e.classes) or None, kinds(e), ", ".join(e.levels), verb(e),
         counted(e), e.basis or _("this register's own"), used[e.name]]
        for e in ordered
    ]  # fmt: skip
    columns = [_("Title or form"), _("Classes"), _("Receives"), _("Levels"), _("Verb"),
               _("Counted on"), _("Basis"), _("Records")]  # fmt: skip
    empty = _("no entries of this register's own yet") if local else None
    grid = Grid(columns, rows, frozenset({7}), frozenset({5}), empty=empty)
    found = [{**e.to_dict(), "verb": verb(e), "awards": used[e.name]} for e in ordered]
    fields = ["name", "group", "classes", "kinds", "levels", "verb", "statistic", "basis", "awards"]
    return Rows(grid, found, fields, _("the catalogue"), "catalogue")


def categories_list() -> Rows:
    """The recipient categories of the statistical forms, by kind, with their codes."""
    rows: list[list[Cell]] = [
        [code, _(vocab.KIND_NAMES[kind]), name, "; ".join(others) or None]
        for code, (kind, name, others) in vocab.CATEGORIES.items()
    ]
    columns = [_("Code"), _("Kind"), _("Label"), _("Also typed as")]
    found = [{"code": code, "kind": kind, "label": name, "also": list(others)}
             for code, (kind, name, others) in vocab.CATEGORIES.items()]  # fmt: skip
    return Rows(
        Grid(columns, rows, nowrap=frozenset({0})),
        found,
        ["code", "kind", "label", "also"],
        _("the categories"),
        "categories",
    )


def history_list(changes: Sequence[Change]) -> Rows:
    """Recorded changes: local minutes in the table, the full ISO time for scripts, and what
    changed in words (the interface language in the table, English for scripts) and as data."""
    from awards.render.text import change_words

    rows: list[list[Cell]] = [
        [c.number, vocab.shown("at", c.at[:16].replace("T", " ")), c.command, change_words(c, _)]
        for c in changes
    ]
    columns = ["#", _("When"), _("Command"), _("Change")]
    grid = Grid(columns, rows, frozenset({0}), frozenset({1}), empty=_("no changes recorded"))
    found = [{"number": c.number, "at": c.at, "command": c.command,
              "change": change_words(c, N_), "changes": [p.to_dict() for p in c.parts]}
             for c in changes]  # fmt: skip
    return Rows(grid, found, ["number", "at", "command", "change"], _("the history"), "history")


SHOWN_IDS = 8


def findings_list(findings: Sequence[Finding]) -> Rows:
    """What check found: the rule, the awards (the first few), and the problem."""
    rows: list[list[Cell]] = [[f.rule, _shown_ids(f.awards), f.message] for f in findings]
    caption = _("{count} problem(s); `awards check --help` explains the rules")
    columns = [_("Rule"), _("Awards"), _("Problem")]
    grid = Grid(columns, rows, nowrap=frozenset({0}), caption=caption.format(count=len(findings)))
    found: list[dict[str, Any]] = [
        {"rule": f.rule, "title": RULES[f.rule].title, "basis": RULES[f.rule].basis,
         "awards": list(f.awards), "message": f.message}
        for f in findings
    ]  # fmt: skip
    return Rows(grid, found, formats=("table", "json"))


def _shown_ids(ids: tuple[int, ...]) -> str:
    shown = ", ".join(str(i) for i in ids[:SHOWN_IDS])
    return shown + (f", … ({len(ids)})" if len(ids) > SHOWN_IDS else "")


def copies_list(copies: Sequence[Copy]) -> Rows:
    """The last good copies: which, when saved, how large, and what each holds."""
    rows: list[list[Cell]] = [
        [c.generation, c.path.name, vocab.shown("saved", f"{c.saved:%Y-%m-%d %H:%M:%S}"), c.size,
         c.awards, c.last_change if c.awards is not None else _("damaged")]
        for c in copies
    ]  # fmt: skip
    columns = ["#", _("Copy"), _("Saved"), _("Bytes"), _("Records"), _("Last change")]
    grid = Grid(columns, rows, numeric=frozenset({0, 3, 4}), empty=_("no copies kept yet"))
    found = [{"generation": c.generation, "path": str(c.path), "saved": c.saved.isoformat(),
              "bytes": c.size, "awards": c.awards, "last_change": c.last_change}
             for c in copies]  # fmt: skip
    return Rows(grid, found, formats=("table", "json"))
