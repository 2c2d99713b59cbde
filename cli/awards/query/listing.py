"""What ``list`` and ``show`` print: awards as a ``Rows`` result, laid out from the vocabulary
(which fields a table lists, which are numbers, which are codes that must not fold)."""

from __future__ import annotations

from collections.abc import Sequence

from awards.domain.records import Award
from awards.domain.vocab import AWARD_FIELDS, HEADINGS, LIST_FIELDS, REVOCATION_FIELDS
from awards.grid import Cell, Grid, Rows
from awards.i18n import _


def award_list(awards: Sequence[Award]) -> Rows:
    """The awards as a table of the listed fields, with a caption that counts them; a revoked
    award is marked in a column of its own, there only when one is listed."""
    names = [field.name for field in LIST_FIELDS]
    columns = [_(field.heading) for field in LIST_FIELDS]
    rows: list[list[Cell]] = [[getattr(a, name) for name in names] for a in awards]
    revoked = sum(1 for a in awards if a.revoked)
    if revoked:
        columns.append(_("Revoked"))
        mark = _("revoked {date}")
        for row, award in zip(rows, awards, strict=True):
            row.append(mark.format(date=award.revoked_on) if award.revoked else "")
    recipients = sum(a.count for a in awards if not a.revoked)
    caption = _("{records} award record(s), {recipients} recipient(s)").format(
        records=len(awards), recipients=recipients
    )
    if revoked:
        caption += _("; {count} revoked record(s) not counted").format(count=revoked)
    grid = Grid(
        columns=columns,
        rows=rows,
        numeric=frozenset(i for i, field in enumerate(LIST_FIELDS) if field.numeric),
        nowrap=frozenset(
            [*(i for i, field in enumerate(LIST_FIELDS) if field.code), len(LIST_FIELDS)]
        ),
        caption=caption,
        empty=_("no awards match"),
    )
    found = [a.to_dict() for a in awards]
    return Rows(grid, found, AWARD_FIELDS, _("the awards"), "awards")


def award_detail(award: Award) -> Rows:
    """One award, field by field; the revocation fields only when it is revoked."""
    shown = [n for n in AWARD_FIELDS if award.revoked or n not in REVOCATION_FIELDS]
    rows: list[list[Cell]] = [[_(HEADINGS[name]), getattr(award, name)] for name in shown]
    grid = Grid(columns=[_("Field"), _("Value")], rows=rows)
    return Rows(grid, award.to_dict(), formats=("table", "json"))
