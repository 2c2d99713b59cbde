"""history, undo and restore: what was changed, taking it back, and recovering a damaged file."""

from typing import TYPE_CHECKING, Annotated

import typer

from awards import render
from awards.commands.common import ShowFormatOption, settings
from awards.errors import Invalid, NotFound
from awards.grid import Cell, Grid

if TYPE_CHECKING:
    from awards.store import Change


def history_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", help="Show the newest N changes.")] = 20,
    fmt: ShowFormatOption = "table",  # type: ignore[assignment]
) -> None:
    """List recent changes, newest first.

    For each: when, the command line, and what it changed.
    """
    if limit < 0:
        raise Invalid(f"limit must be 0 or more, not {limit}")
    changes = list(reversed(settings(ctx).store().read().changes))[:limit]
    # The table shows local minutes; JSON keeps the full ISO time with its offset.
    rows: list[list[Cell]] = [
        [c.number, c.at[:16].replace("T", " "), c.command, c.summary] for c in changes
    ]
    grid = Grid(
        columns=["#", "When", "Command", "Change"],
        rows=rows,
        numeric=frozenset({0}),
        nowrap=frozenset({1}),
        empty="no changes recorded",
    )
    records = [{"number": c.number, "at": c.at, "command": c.command, "change": c.summary}
               for c in changes]  # fmt: skip
    render.emit(fmt.value, grid, records, ["number", "at", "command", "change"])


def history_undo(ctx: typer.Context) -> None:
    """Revert the newest recorded change.

    Repeat to go further back; the last 50 changes are kept.
    """
    with settings(ctx).store().transaction() as tx:
        undone = tx.undo()
        if undone is None:
            raise NotFound("nothing to undo: no change is recorded")
    render.info(f"undid {_said(undone)}")


def _said(change: "Change") -> str:
    return f"change {change.number}: {change.summary} ({change.command}, {change.at})"


def history_restore(
    ctx: typer.Context,
    force: Annotated[
        bool, typer.Option("--force", help="Restore even though the file is not damaged.")
    ] = False,
) -> None:
    """Bring back the last good copy of the file.

    For a damaged data file; the damaged one is kept beside it under a dated name.
    """
    store = settings(ctx).store()
    kept = store.restore(force=force)
    aside = f"; the damaged file is kept as {kept}" if kept is not None else ""
    render.info(f"restored {store.path} from {store.backup}{aside}")
