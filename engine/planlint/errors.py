"""Input errors (the plan or rule files cannot be judged) and the exit codes of the command line."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class Exit(IntEnum):
    """Exit codes of every planlint command (see the CLI contract)."""

    OK = 0
    FINDINGS = 1
    BAD_INPUT = 2


class PlanlintError(Exception):
    """Bad input: a file that cannot be read, parsed, validated or placed in the hierarchy.

    Printed as one line, `file:line: field: message`; never a finding, never a traceback. The Chinese text
    `zh` is required: every error is printed in the language asked for (`--lang`).
    """

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        *,
        zh: str,
        path_zh: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.zh = zh
        self.path = str(path) if path is not None else None
        self.path_zh = path_zh  # where `path` names no file but says something ("巴南.docx (extracted)")
        self.line = line
        self.field = field

    def moved(self, path: str | Path, line: int | None, field: str) -> PlanlintError:
        """The same problem (both languages) placed at a file, line and field."""
        return type(self)(self.message, path=path, line=line, field=field, zh=self.zh)

    def located(self, path: str | Path | None = None, line: int | None = None) -> PlanlintError:
        """Return this error with a file (and line) filled in where it had none."""
        if self.path is None and path is not None:
            self.path = str(path)
        if self.line is None and line is not None:
            self.line = line
        return self

    def render(self, lang: str = "en") -> str:
        """`file:line: field: message` in the language asked for."""
        where = ""
        path = self.path_zh if lang == "zh" and self.path_zh else self.path
        if path:
            where = path + (f":{self.line}" if self.line else "") + ": "
        field = f"{self.field}: " if self.field else ""
        message = self.zh if lang == "zh" else self.message
        return f"{where}{field}{message}"

    def __str__(self) -> str:
        return self.render("en")


class UnitError(PlanlintError):
    """A unit string that planlint does not know, or a conversion it refuses."""


class VocabularyError(PlanlintError):
    """A mineral or metric name that is not in the vocabulary."""


class HierarchyError(PlanlintError):
    """Unknown parent, cycle, duplicate id or level inversion."""


class InvalidValue(ValueError):
    """A value a model's validator refuses, in both languages (pydantic reports it as a `value_error`)."""

    def __init__(self, message: str, *, zh: str) -> None:
        super().__init__(message)
        self.zh = zh
