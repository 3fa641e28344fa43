"""Arguments and options shared by several commands, and the language they ask for."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from planlint.errors import PlanlintError

if TYPE_CHECKING:
    from planlint.i18n import Lang

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Plan files or directories (default: the bundled plans/).", show_default=False),
]
LangOpt = Annotated[str | None, typer.Option("--lang", help="zh or en (default: from the locale).")]
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="Extra rule directory (rule packs and vocabularies); repeatable."),
]

DocsOpt = Annotated[
    Path | None,
    typer.Option("--docs", help="Directory of the source documents, to print the cited lines."),
]


def chosen_lang(value: str | None) -> Lang:
    """The --lang asked for, else the locale's; anything but zh or en is bad input."""
    from planlint.i18n import default_lang

    if value is None:
        return default_lang()
    if value not in ("zh", "en"):
        raise PlanlintError("--lang must be zh or en", field="--lang", zh="--lang 应为 zh 或 en")
    return cast("Lang", value)
