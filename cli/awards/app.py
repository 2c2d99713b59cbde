"""The root command: global options, the error funnel, and the registry of commands."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from awards import __version__, i18n, lifetime, render
from awards.commands import (
    awards,
    catalogue,
    history,
    issuers,
    office,
    phases,
    report,
    review,
    transfer,
)
from awards.commands.common import Language, Settings, default_db
from awards.commands.translation import Commands, show_usage_error, use_language
from awards.errors import AwardsError
from awards.i18n import _


class AwardsGroup(Commands):
    """Turns the program's own errors into one line on stderr and an exit code.

    Anything else a user could cause must not show a traceback either; ``--debug`` shows it.
    """

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        use_language(ctx, self, args)  # before --help is printed or any message is
        try:
            rest = super().parse_args(ctx, args)
            # The command and its words, without the global options: what history records.
            words = self.make_parser(ctx).parse_args(args=list(args))[1]
        except typer.TyperException as error:
            _usage_error(error)
        ctx.meta["awards.words"] = words
        return rest

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except AwardsError as error:
            render.error(error.message)
            for line in error.details:
                render.info(f"  {line}")
            raise typer.Exit(error.exit_code) from None
        except typer.TyperException as error:
            _usage_error(error)
        except typer.Exit:
            raise
        except (typer.Abort, KeyboardInterrupt):  # Ctrl-C, at a prompt or not: nothing written
            render.info("")
            render.info(_("Aborted!"))
            raise typer.Exit(1) from None
        except UnicodeEncodeError as error:
            _quiet_stdout()
            encoding = getattr(sys.stdout, "encoding", None) or error.encoding
            message = _(
                "this output ({encoding}) cannot show {character!r}; "
                "set PYTHONIOENCODING=utf-8 or use --format json"
            )
            render.error(message.format(encoding=encoding, character=error.object[error.start]))
            raise typer.Exit(1) from None
        except BrokenPipeError:
            _quiet_stdout()
            raise typer.Exit(0) from None
        except Exception as error:
            found = ctx.find_object(Settings)
            if (found and found.debug) or os.environ.get("AWARDS_DEBUG"):
                raise
            message = _("unexpected {kind}: {problem} (run with --debug for more)")
            render.error(message.format(kind=type(error).__name__, problem=error))
            raise typer.Exit(1) from None


def _usage_error(error: typer.TyperException) -> NoReturn:
    """A malformed command line (Typer's usage errors are the exceptions it ends with exit 2;
    its copy of Click, which names them, is private): Click says so itself in English, and in
    another language the same is said translated; exit 2 either way."""
    if i18n.current == "en" or error.exit_code != 2:
        raise error
    show_usage_error(error)
    raise typer.Exit(error.exit_code)


def _quiet_stdout() -> None:
    """Drop what could not be written, so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


app = typer.Typer(
    cls=AwardsGroup,
    help="Keep program phases and awards (khen thưởng) in one file; add, list and tally them.",
    invoke_without_command=True,  # awards alone says which file is in use and what it holds
    add_completion=True,  # --install-completion for bash, zsh, fish and PowerShell
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"awards {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option(
        "--db", envvar="AWARDS_DB", show_default=False,
        help="The data file (default: awards.json in the user data folder).")] = None,
    # --lang is read before parsing, by use_language; declared for its help and its check.
    lang: Annotated[Language | None, typer.Option(
        "--lang", envvar="AWARDS_LANG", show_default=False,
        help="Language of messages, help and reports: en or vi (default: from LANG).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    no_pager: Annotated[bool, typer.Option(
        "--no-pager", help="Print long tables at the terminal without a pager.")] = False,
    version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True, help="Print the version.")] = False,
) -> None:  # fmt: skip
    """Keep program phases and awards (khen thưởng) in one file; add, list and tally them."""
    if db is not None and not str(db).strip(". "):
        raise typer.BadParameter(_("give the data file's name"), param_hint="'--db'")
    from awards.render.files import protect

    path = db if db is not None else default_db()
    protect(path)  # no output may replace it
    render.terminal.paging = not no_pager
    ctx.obj = Settings(db=path, debug=debug, words=tuple(ctx.meta.get("awards.words", ())))
    if db is None and not path.exists():  # say where the first write puts the register
        created = _("created the data file {path}").format(path=path)
        ctx.call_on_close(lambda: render.info(created) if path.exists() else None)
    if ctx.invoked_subcommand is None:
        from awards.query.listing import STATUS_READS, status

        render.emit(status(path, ctx.obj.store().read(fields=STATUS_READS)))


app.command("add")(awards.awards_add)
app.command("list")(awards.awards_list)
app.command("show")(awards.awards_show)
app.command("edit")(awards.awards_edit)
app.command("remove")(awards.awards_remove)
app.command("tally")(awards.awards_tally)
app.command("import")(transfer.transfer_import)
app.command("export")(transfer.transfer_export)
app.command("revoke")(review.awards_revoke)
app.command("unrevoke")(review.awards_unrevoke)
app.command("check", epilog=review.CHECK_EPILOG)(review.awards_check)
app.command("history")(history.history_list)
app.command("undo")(history.history_undo)
app.command("restore")(history.history_restore)
app.add_typer(phases.app, name="phase")
app.add_typer(issuers.app, name="issuer")
app.add_typer(catalogue.app, name="catalogue")
app.add_typer(office.app, name="office")
app.add_typer(report.app, name="report")


def main() -> None:
    """The ``awards`` program. It ends without freeing, object by object, what it read: at
    100,000 awards that takes longer than a tally's own counting, and the system frees it all
    at once. Output is flushed first; nothing else is left to do at exit."""
    # A command is one pass over its data. The collector's passes over 100,000 live records
    # found nothing to free and cost a tenth of an import; young cycles are still collected.
    gc.set_threshold(100_000, 50, 1000)
    lifetime.until_exit = True
    try:
        app()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 0 if done.code is None else 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe: what could be written was
    os._exit(code)
