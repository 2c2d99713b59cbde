"""The catalogue commands: list the titles and forms of the law and the register's own; add,
edit and remove the register's own (a ministry's Kỷ niệm chương); list the categories."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from awards import render, text
from awards.commands.common import FormatOption, OutputOption, option, settings, with_options
from awards.commands.translation import Commands
from awards.domain.vocab import LEVELS
from awards.errors import Conflict, NotFound
from awards.i18n import _

if TYPE_CHECKING:
    from awards.domain.records import Entry
    from awards.store import Transaction

app = typer.Typer(cls=Commands, help=(
    "The catalogue: the titles and forms of the law, and this register's own."))  # fmt: skip

NameArg = Annotated[str, typer.Argument(metavar="NAME", help="The entry's name.")]
GROUP_HELP = (
    "order, honour, prize, medal, flag, title, merit, badge, paper or other (or huân "
    "chương, kỷ niệm chương, bằng khen, giấy khen…)."
)
# The options add and edit share, given to both by with_entry_options.
with_entry_options = with_options({
    "kinds": option("--kind", "Who may receive it: individual, collective, household; "
                    "repeatable.", list[str] | None),
    "levels": option("--level", "A level that may give it: " + ", ".join(LEVELS)
                     + "; repeatable.", list[str] | None),
    "classes": option("--class", "Its classes, highest first (Nhất, Nhì, Ba); repeatable.",
                      list[str] | None),
    "aliases": option("--alias", "Another name typed for it; repeatable.", list[str] | None),
}, "given")  # fmt: skip


@app.command("list")
def catalogue_list(
    ctx: typer.Context,
    local: Annotated[bool, typer.Option("--local", help="Only this register's own.")] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """List the titles and forms, from the highest down.

    Each with its classes, who may receive it, the levels that may give it, the verb of its
    decisions, the statistical form that counts it, its article of the law, and its records.
    """
    from awards.query.listing import CATALOGUE_LIST_READS
    from awards.query.listing import catalogue_list as listed

    records = settings(ctx).store().read(fields=CATALOGUE_LIST_READS)
    render.emit(listed(records.catalogue, records.award_rows.values(), local=local), fmt, output)


@app.command("categories")
def catalogue_categories(fmt: FormatOption = None, output: OutputOption = None) -> None:
    """List the recipient categories and the words typed for them.

    The categories are the rows of the statistical forms 0602 and 0603.
    """
    from awards.query.listing import categories_list

    render.emit(categories_list(), fmt, output)


@app.command("add")
@with_entry_options
def catalogue_add(
    ctx: typer.Context,
    name: NameArg,
    group: Annotated[str, typer.Option("--group", help=GROUP_HELP)],
    given: dict[str, Any] = None,  # type: ignore[assignment]  # the options with_entry_options adds
) -> None:
    """Record a title or form of this register's own.

    For example a ministry's Kỷ niệm chương: --group badge --kind individual --level ministry.
    """
    from awards.domain.build import build_entry

    with settings(ctx).store().transaction() as tx:
        entry = build_entry({**given, "name": name, "group": group}, tx.catalogue)
        tx.add(entry)
    render.info(_("added catalogue entry {name}").format(name=entry.name))


@app.command("edit")
@with_entry_options
def catalogue_edit(
    ctx: typer.Context,
    name: NameArg,
    new_name: Annotated[str | None, typer.Option(
        "--name", help="A new name; its awards are rewritten.")] = None,
    group: Annotated[str | None, typer.Option("--group", help=GROUP_HELP)] = None,
    given: dict[str, Any] = None,  # type: ignore[assignment]  # the options with_entry_options adds
) -> None:  # fmt: skip
    """Change an entry of this register's own. Give only what changes; a list given replaces."""
    from awards.domain.build import build_entry

    with settings(ctx).store().transaction() as tx:
        before = _own(tx, name)
        after = build_entry({**given, "name": new_name, "group": group}, tx.catalogue, base=before)
        if after != before:
            tx.replace(before.name, after)
        moved = _rewrite(tx, before.name, after.name) if after.name != before.name else 0
    note = _("; {count} award(s) now name {name!r}").format(count=moved, name=after.name)
    render.info(
        _("changed catalogue entry {name}").format(name=after.name) + (note if moved else "")
    )


@app.command("remove")
def catalogue_remove(ctx: typer.Context, name: NameArg) -> None:
    """Remove an entry of this register's own that no award uses."""
    with settings(ctx).store().transaction() as tx:
        entry = _own(tx, name)
        used = sum(1 for record in tx.award_rows.values() if _is_of(record["form"], entry))
        if used:
            message = _("{name!r} is the form of {count} award(s); change them first")
            raise Conflict(message.format(name=entry.name, count=used))
        tx.remove(entry)
    render.info(_("removed catalogue entry {name}").format(name=entry.name))


def _own(tx: "Transaction", name: str) -> "Entry":
    """The register's own entry of that name (any case, NFC or NFD); the law's are not edited."""
    wanted = text.key(name)
    found = next((e for e in tx.entries if text.key(e.name) == wanted), None)
    if found is None:
        law = any(text.key(e.name) == wanted for e in tx.catalogue.entries)
        message = (_("{name!r} is the law's; only a register's own entries change")
                   if law else _("no catalogue entry {name!r} of this register's own"))  # fmt: skip
        raise (Conflict if law else NotFound)(message.format(name=text.clean(name)))
    return found


def _is_of(form: str, entry: "Entry") -> bool:
    return form == entry.name or form.startswith(entry.name + " hạng ")


def _rewrite(tx: "Transaction", old: str, new: str) -> int:
    """Point the awards of a renamed entry at its new name, through the usual checks."""
    from awards.domain.build import build_award
    from awards.domain.spellings import Spellings

    moved = tx.awards_from(
        (k, r) for k, r in tx.award_rows.items() if r["form"] == old or
        r["form"].startswith(old + " hạng "))  # fmt: skip
    known = Spellings(issuers=tx.issuers, catalogue=tx.catalogue)
    changed = [build_award({"form": new + award.form[len(old):]}, tx.phases, known, base=award,
                           new_issuer=True) for award in moved]  # fmt: skip
    if changed:
        tx.replace_awards(changed)
    return len(changed)
