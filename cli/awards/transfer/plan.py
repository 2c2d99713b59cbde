"""An import, planned before anything is written: which rows become phases and awards.

Columns are matched by their headers, in English (the JSON keys) or as Vietnamese offices write
them, ignoring case, diacritics and punctuation. Every row is checked by ``AwardBuilder`` (what
``build_award`` uses for ``awards add``) or ``build_phase``, of ``domain.build``, one row at a
time whatever the file. The plan lists every problem, so the command can refuse the whole file
or write all of it in one go.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from awards import text
from awards.domain.build import (
    AwardBuilder,
    build_entry,
    build_issuer,
    build_office,
    build_phase,
)
from awards.domain.catalogue import LAW_CATALOGUE, Catalogue
from awards.domain.records import (
    DuplicateKey,
    Entry,
    Issuer,
    Office,
    Phase,
    duplicate_key,
    duplicate_keys,
)
from awards.domain.spellings import Spellings
from awards.domain.vocab import AWARD, CATALOGUE, ISSUER, OFFICE, PHASE
from awards.errors import AwardsError, Conflict, Invalid
from awards.i18n import _, ngettext
from awards.store.codec import award_record
from awards.transfer.layout import Body, Header, find_header, read_body, title_facts
from awards.transfer.sheets import Cell, Table

# Header spellings per field of each table, from the vocabulary; each is compared after
# ``header_key``. The tables go in this order, so that awards may use what the same import brings.
COLUMNS = {
    kind: {f.name: (f.name, *f.headers) for f in fields if f.name != "id"}  # id: not read
    for kind, fields in (("office", OFFICE), ("issuers", ISSUER), ("phases", PHASE),
                         ("catalogue", CATALOGUE), ("awards", AWARD))
}  # fmt: skip
# One cell, the items separated by ";".
_LISTS = ("signers", "parties", "aliases", "kinds", "levels", "classes")
# Columns that are known and deliberately not imported: row numbers and export ids.
IGNORED_COLUMNS = ("id", "STT", "TT", "Số thứ tự")
# An award's issuer may be in its form's name ("Bằng khen của Chủ tịch UBND tỉnh"), so a list
# without an issuer column is read, and a row that names none is refused.
REQUIRED = {"awards": ("recipient", "kind", "form", "year"),
            "phases": ("code", "program", "start", "end"),
            "catalogue": ("name", "group", "kinds", "levels"),
            "office": (),
            "issuers": ("name",)}  # fmt: skip
SHOWN_PROBLEMS = 20
SHOWN_UNKNOWN = 10  # columns not imported, named in the notice


def header_key(name: str) -> str:
    """``Tập thể / Cá nhân:`` and ``tap the/ca nhan`` are the same header."""
    words = re.sub(r"[^\w/,]+|_", " ", text.fold(name))
    return re.sub(r"\s*([/,])\s*", r"\1", " ".join(words.split()))


_LOOKUPS = {kind: {header_key(name): field for field, names in columns.items() for name in names}
            for kind, columns in COLUMNS.items()}  # fmt: skip
_IGNORED = {header_key(name) for name in IGNORED_COLUMNS}


@dataclass(slots=True)
class Problem:
    where: str  # the file, and the row where there is one
    message: str
    column: str = ""  # "column Năm", when one column holds the wrong value

    def __str__(self) -> str:
        place = f"{self.where}, {self.column}" if self.column else self.where
        return f"{place}: {self.message}"


@dataclass(slots=True)
class Plan:
    """What an import would do; nothing of it is written while ``problems`` is not empty."""

    issuers: list[Issuer] = field(default_factory=list)  # new, or stored ones with new values
    phases: list[Phase] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)  # a register's own, new
    office: Office | None = None  # an export's office settings, for a register with none
    phases_present: int = 0  # phases in the file that are stored already, the same
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # new awards, by id
    duplicates: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # columns not imported
    skipped: dict[str, int] = field(default_factory=dict)  # rows not awards, by reason
    layouts: list[str] = field(default_factory=list)  # what was found in each file, for a preview


@dataclass(slots=True)
class _Columns:
    kind: str
    header_row: int  # index into the table's rows of the header; -1 for JSON keys
    fields: dict[int, str]  # cell index -> field name
    names: dict[str, str]  # field name -> header as written
    lists: tuple[str, ...] = ()  # the fields among them that hold a list
    header: Header | None = None  # where a sheet's header is; None for JSON keys
    number: int | None = None  # the column of the row number (STT), if any
    facts: dict[str, tuple[str, int]] = field(default_factory=dict)  # the title's, by field
    coded: dict[int, str] = field(default_factory=dict)  # a "Mã …" column -> its field
    codes: dict[str, str] = field(default_factory=dict)  # the workbook's DANHMUC
    body: Body | None = None  # the rows of a sheet of awards, as the layout reads them


Progress = Callable[[int, int], None]


def plan_import(
    tables: Sequence[Table], phases: Sequence[Phase], awards: Mapping[str, Mapping[str, Any]], *,
    next_id: int, issuers: Sequence[Issuer] = (), on_duplicate: str = "skip",
    new_issuer: bool = False, progress: Progress | None = None,
    catalogue: Catalogue = LAW_CATALOGUE, given: Mapping[str, Any] | None = None,
    office: Office | None = None
) -> Plan:  # fmt: skip
    """Check every row of ``tables`` against the stored records: issuers go first, then
    phases, then catalogue entries, then awards, so the awards may use what the same import
    brings. ``given`` holds values for the whole file (--issuer, --year…): they fill what a
    row lacks, before what the file's title says; a row that says otherwise is a problem."""
    plan = Plan()
    named = len({table.source for table in tables}) > 1 or any(t.sheet for t in tables)
    supplied = {name for name, value in (given or {}).items() if value is not None}
    if supplied:
        said = ", ".join(f"{name} {value!r} (--{name.replace('_', '-')})"
                         for name, value in (given or {}).items() if value is not None)  # fmt: skip
        plan.layouts.append(_("values for the whole file: {values}").format(values=said))
    laid_out = [(table, columns) for table in tables
                if (columns := _columns(table, plan, supplied))]  # fmt: skip
    for table in tables:
        if table.encoding is not None:
            said = _("{source}: read as {encoding} and converted to Unicode")
            plan.notices.append(said.format(source=table.source, encoding=table.encoding))
    total, done = sum(len(table.rows) for table, _ in laid_out), 0
    known_issuers, known_phases = list(issuers), list(phases)
    for kind in COLUMNS:  # issuers, phases, entries, awards: each with those before it known
        plan_row: Callable[[str, Table, _Columns, list[Cell], Mapping[str, str]], None] = (
            partial(_plan_office, office, plan) if kind == "office"
            else partial(_plan_issuer, known_issuers, plan) if kind == "issuers"
            else partial(_plan_phase, known_phases, plan) if kind == "phases"
            else partial(_plan_entry, catalogue, plan) if kind == "catalogue"
            else _AwardImporter(known_phases, awards, known_issuers, next_id, on_duplicate,
                                new_issuer, plan, Catalogue([*catalogue.local, *plan.entries]),
                                given or {}).row
        )  # fmt: skip
        for table, columns in (laid for laid in laid_out if laid[1].kind == kind):
            for where, cells, section in _rows(table, columns, named, plan):
                done += 1
                if progress is not None and done % 1000 == 0:
                    progress(done, total)
                plan_row(where, table, columns, cells, section)
    return plan


def _columns(table: Table, plan: Plan, supplied: set[str] = frozenset()) -> _Columns | None:  # type: ignore[assignment]
    """Which cell holds which field, from the header row; None for a table with no rows.
    A field the whole-file values (``supplied``), the title or the sections give needs no
    column."""
    prefix = f"{table.source}: "
    if table.headers is not None and not table.rows:
        return None
    header: Header | None = None
    if table.headers is not None:
        header_row, headers = -1, [str(h) for h in table.headers]
    else:
        header = find_header(table, _known)
        if header is None:
            if all(_blank(cells) for _, cells in table.rows):
                return None
            plan.problems.append(Problem(
                table.source,
                _("no header row found in the first rows; expected columns such as recipient, "
                  "kind, form, issuer, year (or Họ và tên, Loại, Hình thức, Cấp khen, Năm)"),
            ))  # fmt: skip
            return None
        header_row, headers = header.last, header.names
    kind = table.kind or _guess_kind(headers)
    lookup = _LOOKUPS[kind]
    fields: dict[int, str] = {}
    names: dict[str, str] = {}
    unknown: list[str] = []  # said once for the file, however many there are
    coded: dict[int, str] = {}
    for index, written in enumerate(headers):
        key = header_key(written)
        name = lookup.get(key)
        if name is None and table.codes and key.startswith("ma ") and key[3:] in lookup:
            coded[index] = lookup[key[3:]]  # "Mã hình thức khen thưởng": DANHMUC's codes
            continue
        if name is None:
            if key and key not in _IGNORED:
                unknown.append(repr(written))
            elif not key and _column_used(table, header_row, index):
                unknown.append(_("column {number}, with no header").format(number=index + 1))
            continue
        if name in names:
            both = _("columns {first!r} and {second!r} both give {field}").format(
                first=names[name], second=written, field=name
            )
            plan.problems.append(Problem(table.source, both))
            continue
        fields[index] = name
        names[name] = written
    for index, name in coded.items():  # a code column heads a field its name column lacks
        names.setdefault(name, headers[index])
    if unknown:
        shown = ", ".join(unknown[:SHOWN_UNKNOWN])
        more = len(unknown) - SHOWN_UNKNOWN
        shown += _(" and {count} more").format(count=more) if more > 0 else ""
        plan.notices.append(prefix + _("not imported (not a known field): {columns}").format(
            columns=shown))  # fmt: skip
    number = next((i for i, h in enumerate(headers) if header_key(h) in _IGNORED), None)
    facts = title_facts(table, header) if header is not None else {}
    body = read_body(table, header, number) if header is not None and kind == "awards" else None
    given = {*supplied, *facts, *(name for _row, name, _value in (body.sections if body else ()))}
    if "decided_on" in given:
        given.add("year")  # a decision's year is its awards'
    if "form" in facts:
        given.add("issuer")  # perhaps: the form's name may hold it, else each row says so
    for name in REQUIRED[kind]:
        if name not in names and name not in given:
            spellings = ", ".join(map(repr, COLUMNS[kind][name][:3]))
            missing = _("no column for {field} (a header such as {headers})").format(
                field=name, headers=spellings
            )
            plan.problems.append(Problem(table.source, missing))
    if any(p.where == table.source for p in plan.problems):
        return None
    return _Columns(kind, header_row, fields, names, tuple(n for n in _LISTS if n in names),
                    header, number, facts, coded, table.codes, body)  # fmt: skip


def _known(header: str) -> bool:
    """Whether a header names a field of some table, or the row number."""
    key = header_key(header)
    return key in _IGNORED or any(key in lookup for lookup in _LOOKUPS.values())


def _guess_kind(headers: Iterable[str]) -> str:
    keys = {header_key(header) for header in headers}
    found = {kind: {lookup[k] for k in keys if k in lookup} for kind, lookup in _LOOKUPS.items()}
    if "recipient" not in found["awards"] and {"code", "start", "end"} <= found["phases"]:
        return "phases"
    if "recipient" not in found["awards"] and {"name", "level"} <= found["issuers"]:
        return "issuers"
    if "recipient" not in found["awards"] and {"name", "group"} <= found["catalogue"]:
        return "catalogue"
    return "awards"


def _column_used(table: Table, header_row: int, index: int) -> bool:
    return any(
        index < len(cells) and not _blank([cells[index]])
        for _, cells in table.rows[header_row + 1 :]
    )


def _blank(cells: list[Cell]) -> bool:
    try:
        return not "".join(cells).strip()  # type: ignore[arg-type]  # text cells: one test in C
    except TypeError:
        return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _values(cells: list[Cell], columns: _Columns) -> dict[str, Cell]:
    """The row's cells by field; empty cells are "not given". A control character in a cell is
    refused (``Invalid``)."""
    values: dict[str, Cell] = {}
    width = len(cells)
    for index, name in columns.fields.items():
        if index >= width:
            continue
        cell = cells[index]
        if type(cell) is str:  # nearly every cell: the fast way
            if cell and not cell.isspace():
                values[name] = cell
            continue
        if isinstance(cell, list) and name not in _LISTS:
            cell = "; ".join(cell)  # a JSON list where one value belongs
        elif isinstance(cell, float) and cell.is_integer() and name not in ("year", "count"):
            cell = str(int(cell))  # a decision number typed into a number cell
        elif isinstance(cell, int | float) and name not in ("year", "count", "start", "end"):
            cell = str(cell)
        if cell is not None:
            values[name] = cell
    for index, name in columns.coded.items():  # where the row has no name, its code's
        code = cells[index] if index < width else None
        if name not in values and code is not None and str(code).strip():
            found = columns.codes.get(text.key(str(code)))
            if found is None:
                missing = _("code {code!r} is not in the workbook's DANHMUC sheet")
                raise Invalid(missing.format(code=str(code).strip()), field=name)
            values[name] = found
    _no_control_characters(values)
    for name in columns.lists:  # one cell in CSV and sheets, separated by ";"
        if isinstance(values.get(name), str):
            values[name] = str(values[name]).split(";")
    return values


def _no_control_characters(given: Mapping[str, Cell]) -> None:
    """A NUL or other control character in a cell is a damaged file, not text: it is named,
    never removed, since removing it would join the words on either side."""
    texts = [value for value in given.values() if type(value) is str]
    if "".join(texts).isprintable():  # the common case: one test in C for the whole row
        return
    for name, value in given.items():
        if isinstance(value, str) and not value.isprintable():
            bad = next((ch for ch in value if ch not in "\t\n\r" and not ch.isprintable()
                        and unicodedata.category(ch) == "Cc"), None)  # fmt: skip
            if bad is not None:
                said = _("the cell holds the control character U+{code:04X}; remove it")
                raise Invalid(said.format(code=ord(bad)), field=name)


def _problems(error: AwardsError, where: str, table: Table, columns: _Columns) -> list[Problem]:
    found = []
    for problem in error.problems:
        header = columns.names.get(problem.field or "")
        column = f"{_(table.column_word)} {header}" if header else ""
        found.append(Problem(where, problem.message, column))
    return found


def _rows(
    table: Table, columns: _Columns, named: bool, plan: Plan
) -> Iterator[tuple[str, list[Cell], Mapping[str, str]]]:
    """Each row of the table that is an award, where it is (for messages), and what its
    section gives it; the other rows are counted in ``plan.skipped`` by reason."""
    prefix = f"{table.source}, " if named else ""
    row_word = _(table.row_word)
    if columns.header is None:  # JSON: every object is a record
        for number, cells in table.rows:
            if not _blank(cells):
                yield f"{prefix}{row_word} {number}", cells, {}
        return
    body = columns.body or read_body(table, columns.header, columns.number)
    for reason, count in body.skipped.items():
        plan.skipped[reason] = plan.skipped.get(reason, 0) + count
    plan.layouts.extend(_preview(table, columns, body, row_word))
    for number, cells, section in body.awards:
        yield f"{prefix}{row_word} {number}", cells, section


def _preview(table: Table, columns: _Columns, body: Body, row_word: str) -> list[str]:
    """What an officer checks before importing: where the header is and what each column
    gives, what the title says, and the sections."""
    header = columns.header
    assert header is not None
    first, last = table.rows[header.first][0], table.rows[header.last][0]
    rows = f"{first}" if first == last else f"{first}–{last}"
    given = [f"{written!r} → {name}" for name, written in columns.names.items()
             if header_key(written) != name]  # fmt: skip
    said = ngettext("{source}: header at row {rows}", "{source}: header at rows {rows}",
                    1 if first == last else 2)  # fmt: skip
    lines = [said.format(source=table.source, rows=rows)]
    if given:
        lines.append("  " + _("columns: {columns}").format(columns=", ".join(given)))
    if columns.facts:
        said = ", ".join(f"{name} {value!r} ({row_word} {number})"
                         for name, (value, number) in columns.facts.items())  # fmt: skip
        if "year" not in columns.facts and "decided_on" in columns.facts:
            said += _(", the year from the decision's date")
        lines.append("  " + _("the title gives: {facts}").format(facts=said))
    for number, name, value in body.sections:
        shown = value or _("none")
        lines.append("  " + _("{row} {number}: a section; {field} {value!r} for the rows below")
                     .format(row=row_word, number=number, field=name, value=shown))  # fmt: skip
    return lines


def _plan_phase(
    known: list[Phase], plan: Plan, where: str, table: Table, columns: _Columns, cells: list[Cell],
    section: Mapping[str, str]
) -> None:  # fmt: skip
    try:
        values = _values(cells, columns)
        parsed = build_phase(values, [])
        twin = next((p for p in known if p.code.casefold() == parsed.code.casefold()), None)
        if twin is not None and twin == parsed:
            plan.phases_present += 1
            return
        phase = build_phase(values, known)
    except AwardsError as error:
        plan.problems.extend(_problems(error, where, table, columns))
        return
    known.append(phase)
    plan.phases.append(phase)


def _plan_issuer(
    known: list[Issuer], plan: Plan, where: str, table: Table, columns: _Columns,
    cells: list[Cell], section: Mapping[str, str]
) -> None:  # fmt: skip
    try:
        values = _values(cells, columns)
        level, aliases = values.get("level"), values.get("aliases")  # text: see _values
        parsed = build_issuer(str(values.get("name", "")), level, aliases, [])  # type: ignore[arg-type]
        twin = next((i for i in known if text.key(i.name) == text.key(parsed.name)), None)
        if twin == parsed:
            return
        if twin is not None:
            clash = _("issuer {name!r} is already stored with other values")
            raise Conflict(clash.format(name=twin.name), field="name")
        issuer = build_issuer(parsed.name, parsed.level or "", parsed.aliases, known)
    except AwardsError as error:
        plan.problems.extend(_problems(error, where, table, columns))
        return
    known.append(issuer)
    plan.issuers.append(issuer)


def _plan_office(
    stored: Office | None, plan: Plan, where: str, table: Table, columns: _Columns,
    cells: list[Cell], section: Mapping[str, str]
) -> None:  # fmt: skip
    """An export's office settings: taken by a register that has none; a register with its
    own keeps them, and says so when they differ."""
    try:
        office = build_office(_values(cells, columns))
    except AwardsError as error:
        plan.problems.extend(_problems(error, where, table, columns))
        return
    if stored is None:
        plan.office = office
    elif stored != office:
        said = _(
            "{source}: its office settings were not taken; the register keeps its own "
            "(awards office show)"
        )
        plan.notices.append(said.format(source=table.source))


def _plan_entry(
    stored: Catalogue, plan: Plan, where: str, table: Table, columns: _Columns, cells: list[Cell],
    section: Mapping[str, str]
) -> None:  # fmt: skip
    """A register's own entry: new, or stored already with the same values (passed over)."""
    try:
        values = _values(cells, columns)
        parsed = build_entry(values, Catalogue())
        if parsed in stored.local:
            return
        entry = build_entry(values, Catalogue([*stored.local, *plan.entries]))
    except AwardsError as error:
        plan.problems.extend(_problems(error, where, table, columns))
        return
    plan.entries.append(entry)


class _AwardImporter:
    """Rows to awards, numbered in order, with duplicates found against stored and earlier rows;
    what a row lacks is filled from the whole-file values, its section, then the file's title."""

    def __init__(
        self, phases: Sequence[Phase], awards: Mapping[str, Mapping[str, Any]],
        issuers: Sequence[Issuer], next_id: int, on_duplicate: str, new_issuer: bool, plan: Plan,
        catalogue: Catalogue, given: Mapping[str, Any]
    ) -> None:  # fmt: skip
        self.stored = awards  # the stored records, by id
        self.spellings = Spellings(awards.values(), issuers, catalogue)
        self.builder = AwardBuilder(phases, self.spellings, new_issuer=new_issuer)
        self.seen: dict[DuplicateKey, list[tuple[str, str]]] | None = None
        self.next_id = next_id
        self.on_duplicate = on_duplicate
        self.plan = plan
        self.given = {name: value for name, value in given.items() if value is not None}
        self._facts: dict[int, dict[str, str]] = {}  # the title's facts a table's rows may use

    def row(
        self, where: str, table: Table, columns: _Columns, cells: list[Cell],
        section: Mapping[str, str]
    ) -> None:  # fmt: skip
        try:
            values = self._filled(_values(cells, columns), section, columns)
            award = self.builder.build(values, new_id=self.next_id)
        except AwardsError as error:
            self.plan.problems.extend(_problems(error, where, table, columns))
            return
        seen = self.seen if self.seen is not None else self._seen()
        key, decision = duplicate_key(award)
        twins = seen.get(key)
        if twins is None:  # nearly every row: an award not seen before
            seen[key] = [(decision, where)]
        else:
            twin = next((w for d, w in twins if not d or not decision or d == decision), None)
            if twin is not None and self.on_duplicate != "keep":
                said = _("same recipient, unit, form, issuer and year as {twin}")
                found = self.plan.problems if self.on_duplicate == "error" else self.plan.duplicates
                found.append(Problem(where, said.format(twin=twin)))
                return
            twins.append((decision, where))
        self.spellings.learn(award)
        self.plan.records[str(award.id)] = award_record(award)
        self.next_id += 1

    def _filled(
        self, values: dict[str, Cell], section: Mapping[str, str], columns: _Columns
    ) -> dict[str, Cell]:
        """The row's values, and what it lacks from the options, its section and the title.
        A value of the row (or its section) that an option contradicts is an error."""
        own = {**section, **values} if section else values
        for name, value in self.given.items():
            if name in own:
                if self.builder.value_of(name, own[name]) != self.builder.value_of(name, value):
                    said = _("the file gives {field} {found!r}, but --{option} says {given!r}")
                    said = said.format(field=name, found=own[name], given=value,
                                       option=name.replace("_", "-"))  # fmt: skip
                    raise Invalid(said, field=name)
            else:
                own[name] = value
        for name, value in self._title(columns).items():
            own.setdefault(name, value)
        return own

    def _title(self, columns: _Columns) -> dict[str, str]:
        """The facts of a table's title that its rows may use: those the catalogue reads, once
        per table (a form the title names but the catalogue does not know is not used)."""
        facts = self._facts.get(id(columns))
        if facts is None:
            facts = {}
            for name, (value, _row) in columns.facts.items():
                try:
                    self.builder.value_of(name, value)
                except AwardsError:
                    continue
                facts[name] = value
            if "year" not in facts and "decided_on" in facts:
                facts["year"] = facts["decided_on"][-4:]  # a decision's year is its awards'
            self._facts[id(columns)] = facts
        return facts

    def _seen(self) -> dict[DuplicateKey, list[tuple[str, str]]]:
        """The duplicate keys of the stored awards, and of the rows taken so far, each with
        its decision and where it is."""
        if self.seen is None:
            stored = _("award {id}")
            self.seen = {}
            keys = duplicate_keys(list(self.stored.values()))
            for key, (found, decision) in zip(self.stored, keys, strict=True):
                self.seen.setdefault(found, []).append((decision, stored.format(id=key)))
        return self.seen


def summary_lines(problems: Sequence[Problem]) -> list[str]:
    """The first problems, then how many more."""
    lines = [str(problem) for problem in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(_("… and {count} more").format(count=len(problems) - SHOWN_PROBLEMS))
    return lines
