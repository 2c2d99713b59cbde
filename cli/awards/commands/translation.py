"""Help in the interface language: every help text of the command tree, and Click's own words.

Typer takes help texts from the code when it builds the Click commands, in English. For another
language the tree is walked once, before anything is printed, and each text replaced by its
translation, paragraph by paragraph; a formatter translates the headings Click writes
("Usage:", "Options") and the notes it adds ("[required]"), and Click's complaints about a
command line ("No such option") are said again from their parts (the option, the parameter and
its type, the choices).
"""

import re
from collections.abc import Iterator, Sequence
from typing import Any, cast

import typer
from typer.core import TyperGroup

from awards import i18n
from awards.i18n import N_, _

# The words Click and Typer write around the help texts, for the catalog.
FRAME_WORDS = (N_("Usage: "), N_("Options"), N_("Arguments"), N_("Commands"),
               N_("Show this message and exit."), N_("required"), N_("env var:"),
               N_("default:"))  # fmt: skip
# What an option's value is called in help (--year YEAR), where its name does not say it.
_VALUE_WORDS = {"from": N_("YEAR"), "to": N_("YEAR"), "start": N_("YEAR"), "end": N_("YEAR"),
                "year": N_("YEAR"), "count": N_("N"), "limit": N_("N"), "on": N_("DATE"),
                "decided-on": N_("DATE"), "signed-on": N_("DATE"), "by": N_("FIELD"),
                "sort": N_("FIELD"), "phase": N_("CODE"), "code": N_("CODE"), "kind": N_("KIND"),
                "form": N_("FORM"), "issuer": N_("NAME"), "unit": N_("NAME"), "name": N_("NAME"),
                "signer": N_("NAME"), "party": N_("NAME"), "alias": N_("NAME"),
                "recipient": N_("NAME"), "program": N_("NAME"), "note": N_("TEXT"),
                "reason": N_("TEXT"), "search": N_("TEXT"), "decision": N_("NUMBER"),
                "method": N_("METHOD"), "category": N_("CATEGORY"), "level": N_("LEVEL"),
                "group": N_("GROUP"), "class": N_("CLASS"), "sector": N_("SECTOR"),
                "place": N_("PLACE"),
                "honorific": N_("TEXT"), "position": N_("TEXT"),
                "sheet": N_("SHEET"), "db": N_("FILE"), "output": N_("FILE"),
                "format": N_("FORMAT")}  # fmt: skip
_VERBATIM = "\b"  # Click's mark for a paragraph kept as it is
_EXTRAS = re.compile(r"\[(required|env var:|default:)")


def language_flag(args: Sequence[str]) -> str | None:
    """The value of the root ``--lang`` among ``args``, looked for before the command name."""
    words = iter(args)
    for word in words:
        if word == "--lang":
            return next(words, None)
        if word.startswith("--lang="):
            return word.removeprefix("--lang=")
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            break
    return None


def translate_tree(command: Any) -> None:
    """Put every help text of ``command`` and its subcommands in the interface language."""
    for each in walk(command):
        each.help = paragraphs(each.help)
        each.epilog = paragraphs(each.epilog)
        each.context_class = _Context
        for param in each.params:
            if getattr(param, "help", None):
                param.help = paragraphs(param.help)
            if param.param_type_name == "argument" and param.metavar:
                param.metavar = _(param.metavar)
        each.options_metavar = _(each.options_metavar)
        if getattr(each, "subcommand_metavar", None):
            each.subcommand_metavar = _(each.subcommand_metavar)


def usage_words(command: Any) -> list[str]:
    """The words ``command``'s usage line shows besides its name, each translated whole."""
    words = [command.options_metavar, getattr(command, "subcommand_metavar", None)]
    words += [p.metavar for p in command.params if p.param_type_name == "argument"]
    return [word for word in words if word]


def paragraphs(text: str | None) -> str | None:
    """``text`` translated paragraph by paragraph, so that a changed paragraph leaves the rest.
    A paragraph that Click keeps as it is (``\\b``, a list) is translated line by line."""
    if not text:
        return text
    translated = []
    for paragraph in text.split("\n\n"):
        if paragraph.startswith(_VERBATIM):
            lines = paragraph.split("\n")[1:]
            translated.append("\n".join([_VERBATIM, *(_(line) for line in lines)]))
        else:
            translated.append(_(paragraph))
    return "\n\n".join(translated)


def walk(command: Any) -> Iterator[Any]:
    """``command`` and every command below it."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from walk(sub)


# Click's help formatter, reached through Typer's public Context (its Click copy is private).
_HelpFormatter: Any = typer.Context.formatter_class


class _Usage(_HelpFormatter):  # type: ignore[misc]
    """Usage lines as people write them: Typer 0.28 braces a required argument ({ID}), a
    notation nobody reads; the argument's name alone says it is needed, brackets that it is not."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = _("Usage: ") if prefix is None else prefix
        super().write_usage(prog, _BRACED.sub(r"\1", args), prefix)


_BRACED = re.compile(r"\{([^{}\s]+)\}")


class _Formatter(_Usage):
    def section(self, name: str) -> Any:
        return super().section(_(name))

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, _frame(text)) for term, text in rows], *args, **kwargs)


def _frame(text: str) -> str:
    """An option's help as Click wrote it: the text, then notes such as ``[required]``."""
    body, bracket, notes = text.partition("  [")
    notes = _EXTRAS.sub(lambda match: "[" + _(match.group(1)), bracket.lstrip() + notes)
    # Click wraps at spaces; a translated note ("[bắt buộc]") stays on one line, as it would
    # in English.
    return _(body) + ("  " + notes.replace(" ", "\u00a0") if bracket else "")


class _PlainContext(typer.Context):
    formatter_class = _Usage


class _Context(typer.Context):
    formatter_class = _Formatter


# What a parameter of each type takes, for "Invalid value for '--year': <this>".
_TAKES = {"int": N_("a whole number"), "integer": N_("a whole number"),
          "float": N_("a number"), "boolean": N_("yes or no")}  # fmt: skip


def complaint(error: typer.TyperException) -> str:
    """A usage error in the interface language, said from its parts: the option, parameter or
    command it is about, and the choices it had."""
    ctx: typer.Context | None = getattr(error, "ctx", None)
    option: str | None = getattr(error, "option_name", None)
    param: Any = getattr(error, "param", None)
    if option is not None and hasattr(error, "possibilities"):  # an unknown option
        said = _("No such option: {name}").format(name=option)
        if error.possibilities:
            possible = ", ".join(sorted(error.possibilities))
            said += " " + _("(Possible options: {options})").format(options=possible)
        return said
    if option is not None:  # an option without its value
        return _("Option {name} requires an argument.").format(name=repr(option))
    if param is not None:
        name = param.get_error_hint(ctx)
        if hasattr(error, "param_type"):  # a required one not given
            missing = N_("Missing argument {name}.") if param.param_type_name == "argument" else (
                N_("Missing option {name}."))  # fmt: skip
            return _(missing).format(name=name)
        choices = getattr(param.type, "choices", None)
        takes = (
            _("one of {options}").format(options=", ".join(repr(str(c)) for c in choices))
            if choices
            else _(_TAKES[param.type.name]) if param.type.name in _TAKES
            else error.format_message()
        )  # fmt: skip
        return _("Invalid value for {name}: {problem}").format(name=name, problem=takes)
    if ctx is not None and ctx.parent is not None and not hasattr(ctx.command, "commands"):
        # A command's own parser complains only of words it has no place for: parse them again.
        depth, up = 0, cast(Any, ctx)
        while up.parent is not None:
            depth, up = depth + 1, up.parent
        words = list(ctx.meta.get("awards.words", [])[depth:])
        extra = ctx.command.make_parser(ctx).parse_args(args=words)[1]
        if extra:
            return _("Got unexpected extra argument(s) ({name})").format(name=" ".join(extra))
    return error.format_message()  # said by awards itself, in the interface language


def no_such_command(ctx: typer.Context, name: str, known: Sequence[str]) -> None:
    """Refuse an unknown command, suggesting the nearest known ones (as Click does)."""
    from difflib import get_close_matches

    said = _("No such command {name}.").format(name=repr(name))
    near = get_close_matches(name, known)
    if near:
        said += " " + _("Did you mean {options}?").format(options=", ".join(map(repr, near)))
    ctx.fail(said)


class Commands(TyperGroup):
    """A group of commands that refuses an unknown one in the interface language."""

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> Any:  # type: ignore[override]
        if i18n.current != "en" and args and args[0] not in self.commands:
            no_such_command(ctx, args[0], list(self.commands))
        return super().resolve_command(ctx, args)


def show_usage_error(error: typer.TyperException) -> None:
    """What Click prints for a malformed command line, in the interface language."""
    from awards import render

    ctx: typer.Context | None = getattr(error, "ctx", None)  # a usage error knows its command
    if ctx is not None:
        render.info(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.")
            render.info(hint.format(command=ctx.command_path, option=ctx.help_option_names[0]))
        render.info("")
    render.error(complaint(error))


def use_language(ctx: typer.Context, root: Any, args: Sequence[str]) -> None:
    """Speak the language asked for, and translate the help when it is not English."""
    flag = language_flag(args)
    language = i18n.chosen(flag)
    i18n.use(language, by_name=i18n.requested(flag) is not None)
    for command in walk(root):
        command.context_class = _PlainContext  # translate_tree below may speak Vietnamese instead
    ctx.formatter_class = _Usage
    for param in (p for command in walk(root) for p in command.params):
        if not (param.metavar or getattr(param, "is_flag", True) or hasattr(param.type, "choices")):
            name = max(param.opts, key=len).lstrip("-")  # a value named for what it holds
            param.metavar = _(_VALUE_WORDS.get(name, name.upper()))
    if language != "en":
        translate_tree(root)
        ctx.formatter_class = _Formatter
