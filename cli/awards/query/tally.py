"""Tallies: pure functions from awards to counted groups, and from those to printable grids.

Every count is the sum of the records' ``count`` (a record may stand for 24 recipients).
Years and phases come in chronological order, forms from the highest down; other values by
count, then by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from awards import i18n, text
from awards.domain.catalogue import Catalogue
from awards.domain.records import Award, Issuer, Phase, fields_values
from awards.domain.vocab import AWARD, DEFAULT_DIMENSIONS, DIMENSIONS, HEADINGS, LEVEL, shown
from awards.errors import Invalid, UsageProblem
from awards.grid import Cell, Chart, Grid, Rows
from awards.i18n import N_, _

NONE_LABEL = N_("(none)")
Value = str | int | None


# Dimension names as a Vietnamese office says them: --by năm, --by "hình thức".
_SAID = {text.fold(word): f.name for f in (*AWARD, LEVEL) for word in f.said}


def parse_dimensions(names: Sequence[str] | None) -> tuple[str, ...]:
    if not names:
        return DEFAULT_DIMENSIONS
    dims = tuple(_SAID.get(text.fold(name), text.clean(name).lower()) for name in names)
    for dim in dims:
        if dim not in DIMENSIONS:
            message = _("cannot tally by {dimension!r}; dimensions: {dimensions}")
            raise UsageProblem(message.format(dimension=dim, dimensions=", ".join(DIMENSIONS)))
    if len(set(dims)) != len(dims):
        raise UsageProblem(_("each dimension may be given to --by once"))
    return dims


@dataclass(frozen=True, slots=True)
class Tally:
    dims: tuple[str, ...]
    groups: list[tuple[tuple[Value, ...], int]]  # in display order
    orders: dict[str, list[Value]]  # each dimension's values in display order

    @property
    def total(self) -> int:
        return sum(count for _, count in self.groups)


def counted_fields(dims: Sequence[str]) -> tuple[str, ...]:
    """The award field each dimension counts by. Level is counted by issuer, then folded: one
    lookup per issuer, not per award."""
    return tuple("issuer" if dim == "level" else dim for dim in dims)


def tally(
    awards: Iterable[Award | Mapping[str, Any]], dims: Sequence[str], phases: Sequence[Phase],
    issuers: Sequence[Issuer] = ()
) -> Tally:  # fmt: skip
    """Recipients per group; an issuer's ``level`` comes from the issuer records."""
    fields = counted_fields(dims)
    counted: Counter[tuple[Value, ...]] = Counter()
    # Records that stand for the same number of recipients are counted together, in C; there
    # are few such (group, count) pairs however many awards there are.
    for group, records in Counter(_groups_and_counts(awards, fields)).items():
        counted[group[:-1]] += group[-1] * records
    counts = counted
    if "level" in dims:
        levels = {issuer.name: issuer.level for issuer in issuers}
        at = dims.index("level")
        counts = Counter()
        for values, count in counted.items():
            counts[(*values[:at], levels.get(str(values[at])), *values[at + 1 :])] += count
    orders = {dim: _order(dim, _totals(counts, i), phases) for i, dim in enumerate(dims)}
    ranks = [{value: rank for rank, value in enumerate(orders[dim])} for dim in dims]
    groups = sorted(
        counts.items(), key=lambda item: [rank[v] for rank, v in zip(ranks, item[0], strict=True)]
    )
    return Tally(tuple(dims), groups, orders)


def _groups_and_counts(
    awards: Iterable[Award | Mapping[str, Any]], fields: tuple[str, ...]
) -> Iterator[tuple[Any, ...]]:
    """Each award's values of ``fields``, then its count, in one tuple (one to make and hash,
    where a tuple of the values inside another took half as long again)."""
    rows = awards if isinstance(awards, list) else list(awards)
    return fields_values(rows, (*fields, "count"))


def _totals(counts: Counter[tuple[Value, ...]], index: int) -> Counter[Value]:
    totals: Counter[Value] = Counter()
    for values, count in counts.items():
        totals[values[index]] += count
    return totals


def _order(dim: str, totals: Counter[Value], phases: Sequence[Phase]) -> list[Value]:
    present = [value for value in totals if value is not None]
    if dim == "year":
        present.sort(key=lambda year: int(year or 0))
    elif dim == "form":  # from the highest down, as the catalogue ranks them
        present.sort(key=lambda form: (Catalogue.rank(str(form)), text.sort_key(str(form))))
    elif dim == "phase":
        known = {p.code: (p.start, p.end, p.code) for p in phases}
        present.sort(key=lambda code: known.get(str(code), (9999, 9999, str(code))))
    else:
        present.sort(key=lambda value: (-totals[value], text.sort_key(str(value))))
    return present + ([None] if None in totals else [])


def tally_rows(result: Tally) -> Rows:
    """The tally as ``tally`` prints it: the grid for people; one object per group, keyed by
    dimension, plus ``count``, for JSON, CSV and TSV; a workbook sheet with a bar chart."""
    grid = tally_grid(result)
    grid.empty = _("no awards to tally")
    records = [{**dict(zip(result.dims, values, strict=True)), "count": count}
               for values, count in result.groups]  # fmt: skip
    labels = 1 if len(result.dims) == 2 else len(result.dims)
    sheet = tally_grid(result, sheet=True)
    # A cross-tab charts one series per column value; otherwise the count column.
    series = range(1, len(sheet.columns) - 1) if len(result.dims) == 2 else [labels]
    title = tally_title(result)
    return Rows(grid, records, [*result.dims, "count"], _("the tally"), "tally", sheet=sheet,
                chart_series=list(series), chart_labels=labels, chart_title=title)  # fmt: skip


def tally_grid(result: Tally, title: str | None = None, *, sheet: bool = False) -> Grid:
    """The table a person reads: shares for one dimension, a cross-tab for two, groups beyond.

    With ``sheet`` (a workbook) every row names all its groups, and there are no shares and no
    blanks, so the sheet can be sorted and charted.
    """
    if len(result.dims) == 2:
        return _crosstab(result, title, sheet)
    headings = [_(HEADINGS[dim]) for dim in result.dims]
    total = result.total
    if len(result.dims) == 1 and not sheet:
        rows: list[list[Cell]] = [
            [_label(result.dims[0], values[0]), count, _share(count, total)]
            for values, count in result.groups
        ]
        total_row: list[Cell] = [_("Total"), total, _share(total, total)]
        columns = [*headings, _("Recipients"), _("Share")]
        return Grid(columns, rows, frozenset({1, 2}), total=total_row, title=title)
    rows = []
    previous: tuple[Value, ...] = ()
    for values, count in result.groups:
        shown = [
            "" if values[: i + 1] == previous[: i + 1] and not sheet else _label(dim, value)
            for i, (dim, value) in enumerate(zip(result.dims, values, strict=True))
        ]
        rows.append([*shown, count])
        previous = values
    width = len(result.dims)
    total_row = [_("Total"), *([""] * (width - 1)), total]
    return Grid(
        [*headings, _("Recipients")], rows, frozenset({width}), total=total_row, title=title
    )


def _crosstab(result: Tally, title: str | None, sheet: bool) -> Grid:
    row_dim, col_dim = result.dims
    cells = {values: count for values, count in result.groups}
    row_values, col_values = result.orders[row_dim], result.orders[col_dim]
    rows: list[list[Cell]] = []
    for row_value in row_values:
        counts = [cells.get((row_value, col_value), 0) for col_value in col_values]
        shown: list[Cell] = list(counts) if sheet else [c or "" for c in counts]
        rows.append([_label(row_dim, row_value), *shown, sum(counts)])
    totals = [sum(cells.get((row, column), 0) for row in row_values) for column in col_values]
    columns = [_(HEADINGS[row_dim]), *[str(_label(col_dim, v)) for v in col_values], _("Total")]
    numbers = frozenset(range(1, len(col_values) + 2))
    return Grid(columns, rows, numbers, total=[_("Total"), *totals, result.total], title=title)


def _label(dim: str, value: Value) -> Cell:
    return _(NONE_LABEL) if value is None else shown(dim, value)


def _share(count: int, total: int) -> str:
    """83.2%, or 83,2% in Vietnamese, where the decimal mark is a comma."""
    share = f"{100 * count / total:.1f}%" if total else ""
    return share.replace(".", ",") if i18n.current == "vi" else share


def tally_title(result: Tally) -> str:
    """ "Recipients by year and form": what a chart of the tally shows."""
    return _("Recipients by {dimensions}").format(
        dimensions=_(" and ").join(_(HEADINGS[dim]).lower() for dim in result.dims)
    )


def tally_chart(result: Tally) -> Chart:
    """One dimension: a bar per value. Two: a bar per value of the first, stacked by the second."""
    if len(result.dims) > 2:
        raise Invalid(_("--chart draws one or two dimensions"))
    first = result.dims[0]
    labels = [str(_label(first, value)) for value in result.orders[first]]
    title = tally_title(result)
    if len(result.dims) == 1:
        counts = dict(result.groups)
        values = [[counts[(value,)]] for value in result.orders[first]]
        return Chart(title, labels, [_("count")], values)
    second = result.dims[1]
    cells = dict(result.groups)
    values = [
        [cells.get((row, column), 0) for column in result.orders[second]]
        for row in result.orders[first]
    ]
    return Chart(title, labels, [str(_label(second, v)) for v in result.orders[second]], values)
