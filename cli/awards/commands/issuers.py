"""The issuer commands: add, list, edit, merge. Issuers have a level and other names (aliases)."""

from typing import TYPE_CHECKING, Annotated

import typer

from awards import render, text
from awards.commands.common import FormatOption, OutputOption, completes, settings
from awards.commands.translation import Commands
from awards.domain.vocab import LEVELS
from awards.errors import Conflict, NotFound
from awards.i18n import _

if TYPE_CHECKING:
    from awards.domain.records import Issuer
    from awards.store import Transaction

app = typer.Typer(
    cls=Commands, help="Issuers: who gives awards, at which level, under which names."
)

NameArg = Annotated[str, typer.Argument(metavar="NAME", help="The issuer's name.",
                                        autocompletion=completes("issuer"))]  # fmt: skip
LEVEL_HELP = ", ".join(LEVELS) + " (or bộ, tỉnh, sở, huyện, xã, đơn vị, đoàn thể)."
AliasOpt = Annotated[
    list[str] | None, typer.Option("--alias", help="Another name typed for it; repeatable.")
]


def _registered(tx_issuers: list["Issuer"], name: str) -> "Issuer | None":
    wanted = text.key(name)
    return next((i for i in tx_issuers if text.key(i.name) == wanted), None)


def _award_spelling(tx: "Transaction", name: str) -> str | None:
    wanted = text.key(name)
    issuers = dict.fromkeys(record["issuer"] for record in tx.award_rows.values())
    return next((issuer for issuer in issuers if text.key(issuer) == wanted), None)


def _found(tx: "Transaction", name: str) -> tuple["Issuer | None", str]:
    """The issuer's record (None for one only seen in awards) and its spelling."""
    record = _registered(tx.issuers, name)
    spelling = record.name if record else _award_spelling(tx, name)
    if spelling is None:
        raise NotFound(_("no issuer {name!r}").format(name=text.clean(name)))
    return record, spelling


@app.command("add")
def issuer_add(
    ctx: typer.Context,
    name: NameArg,
    level: Annotated[str, typer.Option("--level", help=LEVEL_HELP)],
    alias: AliasOpt = None,
) -> None:
    """Record an issuer and its level.

    An issuer already used by awards keeps its spelling.
    """
    from awards.domain.build import build_issuer

    with settings(ctx).store().transaction() as tx:
        if _registered(tx.issuers, name) is not None:
            message = _("issuer {name!r} already exists; use issuer edit")
            raise Conflict(message.format(name=text.clean(name)))
        issuer = build_issuer(_award_spelling(tx, name) or name, level, alias or [], tx.issuers)
        tx.add(issuer)
    render.info(_("added issuer {name} ({level})").format(name=issuer.name, level=issuer.level))


@app.command("list")
def issuer_list(
    ctx: typer.Context,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """List issuers, their levels and aliases.

    Issuers only seen in awards are listed too, their level not set yet.
    """
    from awards.query.listing import ISSUER_LIST_READS
    from awards.query.listing import issuer_list as issuers_listed

    records = settings(ctx).store().read(fields=ISSUER_LIST_READS)
    render.emit(issuers_listed(records.issuers, records.award_rows.values()), fmt, output)


@app.command("edit")
def issuer_edit(
    ctx: typer.Context,
    name: NameArg,
    new_name: Annotated[str | None, typer.Option(
        "--name", help="A new name; its awards are rewritten.")] = None,
    level: Annotated[str | None, typer.Option("--level", help=LEVEL_HELP + " '' clears.")] = None,
    alias: AliasOpt = None,
    no_aliases: Annotated[bool, typer.Option("--no-aliases", help="Drop all aliases.")] = False,
) -> None:  # fmt: skip
    """Set an issuer's level, aliases or name.

    An issuer only seen in awards gets a record.
    """
    from awards.domain.build import build_issuer
    from awards.domain.records import Issuer

    with settings(ctx).store().transaction() as tx:
        before, spelling = _found(tx, name)
        base = before or Issuer(spelling)
        aliases = [] if no_aliases else ([*base.aliases, *alias] if alias else None)
        after = build_issuer(new_name or base.name, level, aliases, tx.issuers, base=base)
        if before is None:
            tx.add(after)
        elif after != before:
            tx.replace(before.name, after)
        moved = _rewrite(tx, {spelling}, after.name) if after.name != spelling else 0
    said = _("issuer {name}: level {level}").format(
        name=after.name, level=after.level or _("not set")
    )
    note = _("; {count} award(s) now name {name!r}").format(count=moved, name=after.name)
    render.info(said + (note if moved else ""))


@app.command("merge")
def issuer_merge(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="FROM", help="The issuer to merge away.")],
    target: Annotated[str, typer.Argument(metavar="INTO", help="The issuer to keep.")],
) -> None:
    """Merge one issuer into another.

    FROM's awards are rewritten to INTO in one write; FROM's names become INTO's aliases.
    """
    from awards.domain.records import Issuer

    with settings(ctx).store().transaction() as tx:
        source_issuer, source_name = _found(tx, source)
        target_issuer, target_name = _found(tx, target)
        if source_name == target_name:
            raise Conflict(_("an issuer cannot be merged into itself"))
        old_names = {source_name, *(source_issuer.aliases if source_issuer else ())}
        if source_issuer is not None:
            tx.remove(source_issuer)
        kept = target_issuer or Issuer(target_name)
        level = kept.level or (source_issuer.level if source_issuer else None)
        merged = Issuer(kept.name, level, tuple(dict.fromkeys([*kept.aliases, *sorted(old_names)])))
        if target_issuer is None:
            tx.add(merged)
        else:
            tx.replace(target_issuer.name, merged)
        moved = _rewrite(tx, {source_name}, target_name)
    message = _("merged {source!r} into {target!r}: {count} award(s) rewritten")
    render.info(message.format(source=source_name, target=target_name, count=moved))


def _rewrite(tx: "Transaction", old_names: set[str], new_name: str) -> int:
    """Point the awards of ``old_names`` at ``new_name``, through the usual checks."""
    from awards.domain.build import build_award

    moved = tx.awards_from((k, r) for k, r in tx.award_rows.items() if r["issuer"] in old_names)
    changed = [
        build_award({"issuer": new_name}, tx.phases, [], base=award, new_issuer=True)
        for award in moved
    ]
    if changed:
        tx.replace_awards(changed)
    return len(changed)
