"""The message catalog: what the code says, and the Vietnamese catalog that must cover it.

Run ``python tests/catalog.py`` after changing a message or a help text: it brings
``cli/awards/locale/vi/LC_MESSAGES/awards.po`` up to date (new messages with an empty
translation, gone ones removed, translations kept) and compiles ``awards.mo`` beside it. It
prints the messages still to translate, and exits 1 while there are any. ``test_i18n.py`` checks
the same, so a message cannot ship in English only.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cli" / "awards"
PO = PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "awards.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}

Message = str | tuple[str, str]  # a text, or a singular and plural pair


def messages() -> dict[Message, list[str]]:
    """Every message of the package, with where it is: ``_()``, ``N_()`` and ``ngettext()``
    calls, then every paragraph of help in the command tree."""
    from typer.main import get_command

    from awards.app import app
    from awards.commands.translation import usage_words, walk

    found: dict[Message, list[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
        PACKAGE, keywords=KEYWORDS, comment_tags=()
    ):
        key = message if isinstance(message, str) else (message[0], message[1])
        found.setdefault(key, []).append(f"cli/awards/{filename}")
    for command in walk(get_command(app)):
        helps = [command.help, command.epilog, *(getattr(p, "help", None) for p in command.params)]
        # The words of a usage line: "[OPTIONS]", "COMMAND [ARGS]...", an argument's name.
        for word in usage_words(command):
            found.setdefault(word, []).append("usage")
        for paragraph in (p for help in helps if help for p in help.split("\n\n")):
            # A paragraph Click keeps as it is (\b) is translated line by line.
            for unit in paragraph.split("\n")[1:] if paragraph.startswith("\b") else [paragraph]:
                found.setdefault(unit, []).append("help")
    return found


def read_catalog() -> Catalog:
    with PO.open("rb") as file:
        return read_po(file, locale="vi", domain="awards")


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def update() -> list[Message]:
    """Rewrite the .po for the current messages and compile the .mo; the untranslated ones."""
    old = read_catalog() if PO.exists() else Catalog(locale="vi", domain="awards")
    new = Catalog(
        locale="vi",
        domain="awards",
        project="awards",
        charset="utf-8",
        fuzzy=False,
    )
    new.creation_date = old.creation_date
    new.revision_date = old.revision_date
    missing: list[Message] = []
    for message, places in messages().items():
        msgid = message[0] if isinstance(message, tuple) else message
        kept = old.get(msgid)
        empty = ("",) * new.num_plurals if isinstance(message, tuple) else ""
        string = kept.string if kept is not None else empty
        new.add(message, string, locations=[(place, None) for place in sorted(set(places))])
        if not (all(string) if isinstance(string, tuple) else string):
            missing.append(message)
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as file:
        write_po(file, new, width=100, omit_header=False, sort_output=False, include_lineno=False)
    MO.write_bytes(compiled(read_catalog()))
    return missing


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "cli"))
    untranslated = update()
    for message in untranslated:
        print(f"untranslated: {message!r}")
    print(f"{PO.relative_to(ROOT)}: {len(untranslated)} message(s) to translate")
    sys.exit(1 if untranslated else 0)
