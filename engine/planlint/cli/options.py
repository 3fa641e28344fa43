"""Arguments and options shared by several commands, the language they ask for, and how a command that loads
plans runs its process."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from planlint.errors import PlanlintError

if TYPE_CHECKING:
    from planlint.i18n import Lang

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Plan files or directories (default: the bundled plans/).", show_default=False, metavar="PATH"
    ),
]
LangOpt = Annotated[
    str | None, typer.Option("--lang", help="zh or en (default: from the locale).", metavar="LANG")
]
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules", help="Extra rule directory (rule packs and vocabularies); repeatable.", metavar="DIR"
    ),
]

PlanOpt = Annotated[
    list[str] | None, typer.Option("--plan", help="Judge only this plan (repeatable).", metavar="ID")
]
ParentOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--parent",
        help="For a plan document: the id of the plan it must conform to (default: found from its "
        "jurisdiction); repeatable.",
        metavar="ID",
    ),
]

DocsOpt = Annotated[
    Path | None,
    typer.Option(
        "--docs", help="Directory of the source documents, to print the cited lines.", metavar="DIR"
    ),
]


def arguments_shown_by_metavar() -> None:
    """An argument with a metavar is listed in --help by it alone (`PATH...`, `ID`), as an option is
    (`--plan ID`): typer 0.29 prints its Python type beside it (`PATH <list[Path]>`), which no user reads."""
    import typer.core

    argument = typer.core.TyperArgument
    typed = argument.display_type_rich

    def display_type(self: typer.core.TyperArgument, ctx: Any) -> str | None:
        return None if self.metavar is not None else typed(self, ctx)

    def display_name(self: typer.core.TyperArgument) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    argument.display_type_rich = display_type  # type: ignore[method-assign,assignment]
    argument._rich_display_name = display_name  # type: ignore[method-assign]


class _Asked:
    """The --lang given before the command (`planlint --lang zh check`): every command's default."""

    lang: Lang | None = None


def ask_lang_for_every_command(value: str | None) -> None:
    """Take the top-level --lang (checked) as the language of the command that follows."""
    _Asked.lang = None if value is None else chosen_lang(value)


def chosen_lang(value: str | None) -> Lang:
    """The --lang asked for (the command's, else the top-level one), else the locale's; anything but zh or en
    is bad input."""
    from planlint.i18n import default_lang

    if value is None:
        return _Asked.lang or default_lang()
    if value not in ("zh", "en"):
        raise PlanlintError("--lang must be zh or en", field="--lang", zh="--lang 应为 zh 或 en")
    return cast("Lang", value)


def collector_off() -> None:
    """Turn the cyclic garbage collector off for the rest of the process, before a command loads plans.

    The loaded plans, and what is built from them, hold no reference cycles and live until the process ends,
    which it does after the command: each automatic collection would only walk them again (the first after
    loading 3,205 plans took 0.5 s); the `planlint` script then ends without an exit's collections
    (`exits.run_then_exit_at_once`). Not done in the library: it affects the process.
    """
    gc.disable()
