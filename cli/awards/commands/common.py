"""What every command shares: the settings from the global options, and the option types."""

import functools
import inspect
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from awards.errors import Invalid
from awards.i18n import _

if TYPE_CHECKING:
    from awards.store import Store


class Language(StrEnum):
    en = "en"
    vi = "vi"


@dataclass(slots=True)
class Settings:
    db: Path
    debug: bool = False
    words: list[str] = field(default_factory=list)  # the command as typed, for history

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
    return typer.Option("--format", "-f", metavar="FORMAT", help=formats, show_default=False)


_FORMATS = "table, json, csv, tsv, markdown, text or xlsx (default: from --output, else table)."
FormatOption = Annotated[str | None, format_option(_FORMATS)]
ShowFormatOption = Annotated[str | None, format_option("table or json.")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help=(
    "Write to FILE; its extension (.csv .tsv .json .md .txt .xlsx .docx) gives the format "
    "unless --format does."))]  # fmt: skip

_SEARCH = "Text in recipient, unit, decision or note (any case/accents)."
# The FILTERS of list, tally and export: one option each, added to a command by with_filters.
# Domain checks (ranges, names) happen in query.filters, as add's happen in the domain.
_FILTER_OPTIONS = {
    "year": Annotated[int | None, typer.Option("--year", help="Only this year.")],
    "first_year": Annotated[int | None, typer.Option("--from", help="From this year on.")],
    "last_year": Annotated[int | None, typer.Option("--to", help="Up to this year.")],
    "phase": Annotated[str | None, typer.Option("--phase", help="Only this phase code.")],
    "form": Annotated[str | None, typer.Option("--form", help="Only this form (bang-khen).")],
    "issuer": Annotated[str | None, typer.Option("--issuer", help="Only this issuer.")],
    "kind": Annotated[str | None, typer.Option("--kind", help="collective, individual or mixed.")],
    "search": Annotated[str | None, typer.Option("--search", help=_SEARCH)],
}


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` the FILTERS options in place of its ``filters`` parameter, which then
    receives them as one ``query.filters.Filters`` (as sqlite-utils' output_options does)."""
    signature = inspect.signature(command)
    options = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=option)
        for name, option in _FILTER_OPTIONS.items()
    ]
    # The options stand where ``filters`` stood; whatever follows it is keyword-only.
    parameters = list(signature.parameters.values())
    at = [p.name for p in parameters].index("filters")
    later = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in parameters[at + 1 :]]
    parameters = [*parameters[:at], *options, *later]

    @functools.wraps(command)
    def with_them(*args: Any, **kwargs: Any) -> None:
        from awards.query.filters import Filters  # the domain loads when a command runs

        given = Filters(**{name: kwargs.pop(name) for name in _FILTER_OPTIONS})
        command(*args, filters=given, **kwargs)

    del with_them.__wrapped__  # Typer reads the options from the signature below
    with_them.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    with_them.__annotations__ = {p.name: p.annotation for p in parameters}
    return with_them
