"""What every command shares: the settings from the global options, and the option types."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from awards.errors import Invalid
from awards.store import DEFAULT_LOCK_TIMEOUT, Store


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"


class TallyFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"
    xlsx = "xlsx"


class ShowFormat(StrEnum):
    table = "table"
    json = "json"


@dataclass(slots=True)
class Settings:
    db: Path
    debug: bool = False
    command: str = ""  # the command line, as history records it

    def store(self) -> Store:
        return Store(self.db, lock_timeout=_lock_timeout(), command=self.command)


def settings(ctx: typer.Context) -> Settings:
    found = ctx.find_object(Settings)
    assert found is not None, "the root callback sets the settings"
    return found


def default_db() -> Path:
    from platformdirs import user_data_path

    return user_data_path("awards", appauthor=False) / "awards.json"


def _lock_timeout() -> float:
    raw = os.environ.get("AWARDS_LOCK_TIMEOUT")
    if raw is None:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        raise Invalid(f"AWARDS_LOCK_TIMEOUT must be a number of seconds, not {raw!r}") from None
    return max(seconds, 0.0)


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table, json, csv, tsv or markdown.")
]
ShowFormatOption = Annotated[ShowFormat, typer.Option("--format", "-f", help="table or json.")]

# The FILTERS of list and tally. Domain checks (ranges, names) happen in the model.
YearFilter = Annotated[int | None, typer.Option("--year", help="Only this year.")]
FromFilter = Annotated[int | None, typer.Option("--from", help="From this year on.")]
ToFilter = Annotated[int | None, typer.Option("--to", help="Up to this year.")]
PhaseFilter = Annotated[str | None, typer.Option("--phase", help="Only this phase code.")]
FormFilter = Annotated[str | None, typer.Option("--form", help="Only this form (bang-khen).")]
IssuerFilter = Annotated[str | None, typer.Option("--issuer", help="Only this issuer.")]
KindFilter = Annotated[str | None, typer.Option("--kind", help="collective, individual or mixed.")]
SearchFilter = Annotated[
    str | None,
    typer.Option("--search", help="Text in recipient, unit, decision or note (any case/accents)."),
]
