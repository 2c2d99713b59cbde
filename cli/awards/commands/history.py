"""history, undo and restore: what was changed, taking it back, and recovering a damaged file."""

from typing import Annotated

import typer

from awards import render
from awards.commands.common import FormatOption, OutputOption, settings
from awards.errors import NotFound, UsageProblem
from awards.i18n import _


def history_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", help="Show the newest N changes.")] = 20,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """List recent changes, newest first.

    For each: when, the command line, and what it changed.
    """
    if limit < 0:
        raise UsageProblem(_("limit must be 0 or more, not {limit}").format(limit=limit))
    from awards.query.listing import history_list as changes_listed

    changes = list(reversed(settings(ctx).store().read(fields=frozenset()).changes))[:limit]
    render.emit(changes_listed(changes), fmt, output)


def history_undo(
    ctx: typer.Context,
    number: Annotated[int | None, typer.Argument(
        metavar="[N]", help="The change to revert (see history).")] = None,
) -> None:  # fmt: skip
    """Revert a recorded change: N, or else the newest.

    A change that a later one built on is refused until that one is undone; the last 50
    changes are kept.
    """
    from awards.render.text import change_words

    store = settings(ctx).store()
    if not store.path.exists():  # nothing to lock, and no folder or lock file to leave behind
        raise NotFound(_("nothing to undo: no change is recorded"))
    with store.transaction() as tx:
        undone = tx.undo(number)
        if undone is None:
            raise NotFound(_("nothing to undo: no change is recorded"))
    said = _("undid change {number}: {summary} ({command}, {at})")
    summary = change_words(undone, _)
    render.info(said.format(number=undone.number, summary=summary, command=undone.command,
                            at=undone.at))  # fmt: skip


def history_restore(
    ctx: typer.Context,
    force: Annotated[bool, typer.Option(
        "--force", help="Restore even though the file is not damaged.")] = False,
    generation: Annotated[int | None, typer.Option(
        "--from", help="The copy to bring back (see --list).")] = None,
    listed: Annotated[bool, typer.Option("--list", help="List the copies kept.")] = False,
    fmt: FormatOption = None,
) -> None:  # fmt: skip
    """Bring back a last good copy of the file.

    For a damaged data file: the newest copy that reads whole, or the one --from names; the
    file it replaces is kept beside it under a dated name. The last 10 copies are kept.
    """
    from awards.query.listing import copies_list

    store = settings(ctx).store()
    if listed:
        render.emit(copies_list(store.copies()), fmt)
        return
    done = store.restore(force=force, generation=generation)
    said = _("restored {path} from {copy}, which holds the changes up to {last}").format(
        path=store.path, copy=done.copy.path, last=done.copy.last_change
    )
    if done.kept is not None:
        said += _("; the damaged file is kept as {path}").format(path=done.kept)
    render.info(said)
    first, newest = (done.copy.last_change or 0) + 1, done.newest_change
    if newest > first:
        render.info(_("changes {first}–{last} are not in that copy; make them again").format(
            first=first, last=newest))  # fmt: skip
    elif newest == first:
        render.info(_("change {first} is not in that copy; make it again").format(first=first))
