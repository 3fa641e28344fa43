"""Reporters: each renders a `Report` in one format. `render(name, report, options)` picks one by name."""

from __future__ import annotations

from importlib import import_module
from typing import TextIO

from planlint.findings import Report
from planlint.report.render import Options

__all__ = ["BINARY", "LISTS_PASSES", "REPORTERS", "Options", "render", "render_binary", "write"]

# format name → module with `render(report, options) -> str`; imported only when used.
REPORTERS: dict[str, str] = {
    "text": "planlint.report.text",
    "json": "planlint.report.json_report",
    "sarif": "planlint.report.sarif",
    "markdown": "planlint.report.markdown",
    "html": "planlint.report.html",
    "docx": "planlint.report.docx_memo",
}
# formats that list each pass (`--show-passes`); the others print a count per plan (or right)
LISTS_PASSES = frozenset({"json", "sarif"})
# formats whose `render` returns bytes (a file, not text for a terminal)
BINARY = frozenset({"docx"})


def render(name: str, report: Report, options: Options) -> str:
    """Render `report` in the text format `name` (one of REPORTERS, not BINARY)."""
    module = import_module(REPORTERS[name])
    return str(module.render(report, options))


def write(name: str, report: Report, options: Options, out: TextIO) -> None:
    """Write `report` in the text format `name` into `out`: as it is made where the format can (JSON and
    SARIF write their passes one by one), else rendered whole."""
    module = import_module(REPORTERS[name])
    if hasattr(module, "write"):
        module.write(report, options, out)
    else:
        out.write(str(module.render(report, options)))


def render_binary(name: str, report: Report, options: Options) -> bytes:
    """Render `report` in the binary format `name` (one of BINARY)."""
    module = import_module(REPORTERS[name])
    return bytes(module.render(report, options))
