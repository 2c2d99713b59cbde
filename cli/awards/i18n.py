"""The interface language: English as the code writes it, Vietnamese from a gettext catalog.

The catalog is ``locale/vi/LC_MESSAGES/awards.mo``, compiled from the ``.po`` file beside it.
English needs no catalog, so an English command never imports gettext. Messages are templates
(``_("no phase with code {code!r}").format(code=...)``), so a translation may move the values.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

LANGUAGES = ("en", "vi")
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "awards"

Translate = Callable[[str], str]

_translate: Translate | None = None  # None: English, the messages as written
_plural: Callable[[str, str, int], str] | None = None
current = "en"
asked: str | None = None  # the language asked for by name, not taken from the locale


def requested(flag: str | None = None) -> str | None:
    """The language asked for by name: ``--lang``, else AWARDS_LANG; None if neither is."""
    value = flag or os.environ.get("AWARDS_LANG")
    return value if value in LANGUAGES else None


def chosen(flag: str | None = None) -> str:
    """The language to speak: the one asked for, else the locale's (``vi_*``), else English."""
    if flag or os.environ.get("AWARDS_LANG"):
        return requested(flag) or "en"  # a wrong name is refused as a usage error, in English
    locale = next(
        filter(None, map(os.environ.get, ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))), ""
    )
    return "vi" if locale.split(":")[0].lower().startswith("vi") else "en"


def use(language: str, *, by_name: bool = False) -> None:
    """Speak ``language`` from now on, in this process; ``by_name`` if it was asked for."""
    global _translate, _plural, current, asked
    asked = language if by_name else None
    if language == "en":
        _translate, _plural = None, None
    else:
        catalog = _catalog(language)
        _translate, _plural = catalog.gettext, catalog.ngettext
    current = language


def _(message: str) -> str:
    """``message`` in the interface language."""
    return message if _translate is None else _translate(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or the plural template for ``count``, in the interface language."""
    if _plural is None:
        return singular if count == 1 else plural
    return _plural(singular, plural, count)


def N_(message: str) -> str:
    """Marks ``message`` for the catalog where it is defined; it is translated where shown."""
    return message


def translator(language: str) -> Translate:
    """A ``_`` for one language, whatever the interface speaks: a report in English, say."""
    if language == "en":
        return N_
    return _catalog(language).gettext


def _catalog(language: str) -> gettext.NullTranslations:
    import gettext  # Typer has loaded it already; English never needs it

    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
