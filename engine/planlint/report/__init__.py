"""Reporters: each renders a `Report` in one format. `render(name, report, options)` picks one by name."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from planlint.findings import Report
from planlint.i18n import Lang

# format name → module with `render(report, options) -> str`; imported only when used.
REPORTERS: dict[str, str] = {
    "text": "planlint.report.text",
    "json": "planlint.report.json_report",
    "sarif": "planlint.report.sarif",
    "markdown": "planlint.report.markdown",
    "html": "planlint.report.html",
    "docx": "planlint.report.docx_memo",
}
# formats whose `render` returns bytes (a file, not text for a terminal)
BINARY = frozenset({"docx"})


@dataclass(frozen=True)
class Options:
    """What every reporter may use: the language and where the cited documents are (`--docs`)."""

    lang: Lang = "en"
    docs: Path | None = None
    color: bool = False


def render(name: str, report: Report, options: Options) -> str:
    """Render `report` in the text format `name` (one of REPORTERS, not BINARY)."""
    module = import_module(REPORTERS[name])
    return str(module.render(report, options))


def render_binary(name: str, report: Report, options: Options) -> bytes:
    """Render `report` in the binary format `name` (one of BINARY)."""
    module = import_module(REPORTERS[name])
    return bytes(module.render(report, options))
