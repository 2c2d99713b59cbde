"""What every command shares: the settings from the global options, and the option types."""

import functools
import inspect
import math
import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, get_args

import typer

from awards import text
from awards.errors import AwardsError, Invalid
from awards.i18n import _

if TYPE_CHECKING:
    from awards.store import Store


class Language(StrEnum):
    en = "en"
    vi = "vi"


class Settings(NamedTuple):  # a named tuple: made at every start, where a dataclass costs more
    db: Path
    debug: bool = False
    words: tuple[str, ...] = ()  # the command as typed, for history

    @property
    def command(self) -> str:
        """The command a user typed, for history; the global options (the data file) are not
        part of it."""
        import shlex

        return shlex.join(["awards", *self.words])

    def store(self) -> "Store":
        from awards.store import Store  # TinyDB and orjson load only for commands that read

        return Store(self.db, lock_timeout=_lock_timeout(), command=self.command)


def settings(ctx: typer.Context) -> Settings:
    found = ctx.find_object(Settings)
    assert found is not None, "the root callback sets the settings"
    return found


def confirm(question: str) -> bool:
    """Ask at the terminal: y or yes is yes, and in Vietnamese c or có; anything else, Enter
    too, is no. Ctrl-C or Ctrl-D stops the command (see the app's error funnel)."""
    choices = _("[y/N]")
    reply = typer.prompt(f"{question} {choices}", default="", show_default=False, err=True)
    return text.fold(reply) in ("y", "yes", "c", "co")


def default_db() -> Path:
    from platformdirs import user_data_path

    return user_data_path("awards", appauthor=False) / "awards.json"


def _lock_timeout() -> float:
    from awards.store import DEFAULT_LOCK_TIMEOUT

    raw = os.environ.get("AWARDS_LOCK_TIMEOUT")
    if raw is None:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(raw)
        if not math.isfinite(seconds):
            raise ValueError(raw)
    except ValueError:
        message = _("AWARDS_LOCK_TIMEOUT must be a number of seconds, not {value!r}")
        raise Invalid(message.format(value=raw)) from None
    return max(seconds, 0.0)


# The output options of every command that prints what it found; render.emit checks the
# format against what the command writes, so each command names only its own formats here.
def format_option(formats: str) -> Any:
    return typer.Option("--format", "-f", help=formats, show_default=False)


_FORMATS = "table, json, csv, tsv, markdown, text or xlsx (default: from --output, else table)."
FormatOption = Annotated[str | None, format_option(_FORMATS)]
ShowFormatOption = Annotated[str | None, format_option("table or json.")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", help=(
    "Write to FILE; its extension (.csv .tsv .json .md .txt .xlsx .docx) gives the format "
    "unless --format does."))]  # fmt: skip


def completes(field: str) -> Callable[[typer.Context], list[str]]:
    """Tab completion of a value: forms and kinds from the vocabulary, phase codes and issuers
    from the data file in use (none if it cannot be read), those that begin as typed."""

    def complete(ctx: typer.Context) -> list[str]:
        from awards.domain.catalogue import LAW_CATALOGUE
        from awards.domain.vocab import KIND_NAMES
        from awards.store import Store

        values: Any = LAW_CATALOGUE.names() if field == "form" else KIND_NAMES
        if field in ("phase", "issuer"):
            try:
                path = Path(ctx.find_root().params.get("db") or default_db())
                records = Store(path).read(fields=frozenset({"issuer"}))
            except AwardsError:
                return []
            issuers = {r["issuer"] for r in records.award_rows.values()}
            values = [p.code for p in records.phases] if field == "phase" else sorted(
                issuers | {i.name for i in records.issuers}, key=text.sort_key)  # fmt: skip
        return list(values)  # Typer keeps those that begin with what was typed

    return complete


def option(flag: str, help: str, kind: Any = str | None, field: str | None = None) -> Any:
    """An option of a group that ``with_options`` gives to commands, as Typer reads it; the
    values of ``field`` complete at the shell."""
    complete = completes(field) if field else None
    return Annotated[kind, typer.Option(flag, help=help, autocompletion=complete)]


# The FILTERS of list, tally and export: one option each, added to a command by with_filters.
# Domain checks (ranges, names) happen in query.filters, as add's happen in the domain.
FILTER_OPTIONS = {
    "year": option("--year", "Only this year.", int | None),
    "first_year": option("--from", "From this year on.", int | None),
    "last_year": option("--to", "Up to this year.", int | None),
    "phase": option("--phase", "Only this phase code.", field="phase"),
    "form": option(
        "--form",
        "Only this title or form (bang-khen), and those whose names begin with it: every class, "
        "every Huân chương.",
        field="form",
    ),
    "issuer": option("--issuer", "Only this issuer.", field="issuer"),
    "kind": option("--kind", "individual, collective, household or mixed.", field="kind"),
    "category": option("--category", "Only this category (doanh nghiệp, worker…)."),
    "sector": option("--sector", "Only this field of activity (Y tế…)."),
    "search": option("--search", "Text in recipient, unit, decision or note (any case/accents)."),
}


def with_options(
    options: dict[str, Any], into: str, make: Callable[..., Any] = dict
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command ``options`` in place of its parameter ``into``, which then receives them
    as ``make(**values)`` (as sqlite-utils' output_options does): a group declared once."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(command)
        added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=option,
                                   default=False if get_args(option)[0] is bool else None)
                 for name, option in options.items()]  # fmt: skip
        # The options stand where ``into`` stood; whatever follows it is keyword-only.
        parameters = list(signature.parameters.values())
        at = [p.name for p in parameters].index(into)
        later = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in parameters[at + 1 :]]
        parameters = [*parameters[:at], *added, *later]

        @functools.wraps(command)
        def with_them(*args: Any, **kwargs: Any) -> None:
            given = make(**{name: kwargs.pop(name) for name in options})
            command(*args, **{into: given}, **kwargs)

        del with_them.__wrapped__  # Typer reads the options from the signature below
        with_them.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        with_them.__annotations__ = {p.name: p.annotation for p in parameters}
        return with_them

    return decorate


def _filters(**values: Any) -> Any:
    from awards.query.filters import Filters  # the domain loads when a command runs

    return Filters(**values)


with_filters = with_options(FILTER_OPTIONS, "filters", _filters)
