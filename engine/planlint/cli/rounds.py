"""The options of a review round, shared by every command that reports findings (`check`, `check-rights`).

A command declares `format: FormatOpt`, `output: OutputOpt`, `fail_on: FailOnOpt`, `waivers: WaiversOpt = None, baseline: BaselineOpt = None, show_passes: PassesOpt =
False` and returns `finish(report, Round(...))`: waivers and baseline applied, the report rendered in
its format (Word is binary), stale waivers warned about, and the exit code from `--fail-on`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from planlint.errors import Exit, PlanlintError
from planlint.errortext import os_error_en, os_error_zh
from planlint.i18n import Lang

if TYPE_CHECKING:
    from collections.abc import Callable

    from planlint.findings import Report
    from planlint.review import Command

FAIL_ON = ("error", "warning", "info", "never")

FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="text, json, sarif, markdown, html or docx (default: from the --output file's extension, else "
        "text).",
        show_default=False,
        metavar="FORMAT",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to a file; its extension gives the format: .docx .html .htm .json .sarif .md "
        ".txt.",
        metavar="FILE",
    ),
]
# The format an output file's extension asks for (`-o memo.docx` is a Word memo, not text in a .docx).
FORMAT_OF_SUFFIX = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".sarif": "sarif",
    ".md": "markdown",
    ".txt": "text",
}
# Document types a reader would expect the file to be, none of which planlint writes: asked for without
# --format, such a file would hold plain text no viewer of that type opens.
FOREIGN_DOCUMENTS = frozenset(
    {".pdf", ".doc", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".csv", ".xml", ".png"}
)
FailOnOpt = Annotated[str, typer.Option("--fail-on", help="error, warning, info or never.", metavar="LEVEL")]

WaiversOpt = Annotated[
    Path | None,
    typer.Option(
        "--waivers",
        help="Accepted deviations (YAML, schema planlint/waivers/v1): waived findings are kept and marked, "
        "and do not count for --fail-on. A waiver's value: (the finding's actual) and limit: (its expected "
        "bound) tie it to the values it was granted for: when either differs now, it does not waive.",
        metavar="FILE",
    ),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        help="A JSON report of an earlier round: mark each finding new, unchanged or changed (other values) "
        "and list the resolved.",
        metavar="FILE",
    ),
]
PassesOpt = Annotated[
    bool,
    typer.Option(
        "--show-passes",
        help="Also list each comparison that held, per compared row (JSON passes, SARIF results of kind "
        "pass; a count per plan in text, Markdown and HTML).",
    ),
]


@dataclass(frozen=True)
class Round:
    """How to finish a check: format, output, threshold, language, documents and the review inputs."""

    format: str
    output: Path | None
    fail_on: str
    lang: Lang
    docs: Path | None = None
    waivers: Path | None = None
    baseline: Path | None = None
    show_passes: bool = False
    command: Command = "check"  # the command run: a baseline must be a report of the same
    # the text of each plan document read in this run (a draft), by plan id: quoted in the reports
    texts: Mapping[str, Sequence[str]] = field(default_factory=dict, hash=False)
    # the path, as given, of each plan document read in this run, by plan id
    documents: Mapping[str, Path] = field(default_factory=dict, hash=False)


def counts_passes_only(format: str) -> bool:
    """Whether a format prints only how many comparisons held (so `--show-passes` need not keep them)."""
    from planlint.report import LISTS_PASSES

    return format not in LISTS_PASSES


def check_round(format: str | None, output: Path | None, fail_on: str, docs: Path | None) -> str:
    """The report's format (--format, else the --output file's extension, else text); refuse an unknown
    format or threshold, a format the output's extension contradicts (SARIF is JSON: a .json may hold it), a
    binary format without --output and a --docs that is not a folder, before any work."""
    from planlint.report import BINARY, REPORTERS

    by_extension = _format_of(output)
    if format is None:
        _refuse_foreign_document(output)
        format = by_extension or "text"
    if format not in REPORTERS:
        raise PlanlintError(
            f"--format must be one of: {', '.join(sorted(REPORTERS))}",
            field="--format",
            zh=f"--format 应为以下之一：{'、'.join(sorted(REPORTERS))}",
        )
    if fail_on not in FAIL_ON:
        raise PlanlintError(
            f"--fail-on must be one of: {', '.join(FAIL_ON)}",
            field="--fail-on",
            zh=f"--fail-on 应为以下之一：{'、'.join(FAIL_ON)}",
        )
    if by_extension is not None and by_extension != format and (by_extension, format) != ("json", "sarif"):
        suffix = next(s for s, f in FORMAT_OF_SUFFIX.items() if f == format)
        raise PlanlintError(
            f"the file's extension asks for --format {by_extension}, but --format is {format}: give --format "
            f"{by_extension} (or leave --format out), or name the file *{suffix}",
            path=output,
            field="--output",
            zh=f"文件扩展名对应 --format {by_extension}，但 --format 为 {format}：请改为 --format {by_extension}"
            f"（或省去 --format），或将文件扩展名改为 {suffix}",
        )
    if format in BINARY and output is None:
        raise PlanlintError(
            f"--format {format} writes a file: give --output FILE",
            field="--output",
            zh=f"--format {format} 生成文件：请用 --output 指定文件",
        )
    if docs is not None and not docs.is_dir():
        raise PlanlintError("--docs is not a directory", path=docs, zh="--docs 不是目录")
    return format


def _refuse_foreign_document(output: Path | None) -> None:
    """An --output named as a document type planlint does not write (x.pdf) is bad input, not text in it."""
    if output is None or output.suffix.lower() not in FOREIGN_DOCUMENTS:
        return
    kinds = ", ".join(sorted(FORMAT_OF_SUFFIX))
    raise PlanlintError(
        f"planlint does not write {output.suffix} files: name the report with one of {kinds} "
        "(.docx is the Word memo), or give --format",
        path=output,
        field="--output",
        zh=f"planlint 不生成 {output.suffix} 文件：报告文件扩展名请用 {'、'.join(sorted(FORMAT_OF_SUFFIX))}"
        "（.docx 为 Word 审查意见），或指定 --format",
    )


def _format_of(output: Path | None) -> str | None:
    """The format the output file's extension names (report.sarif.json is SARIF); None for any other."""
    if output is None:
        return None
    if output.name.lower().endswith(".sarif.json"):
        return "sarif"
    return FORMAT_OF_SUFFIX.get(output.suffix.lower())


def reviewed(report: Report, round: Round) -> Report:
    """The report with the round's waivers and baseline applied (inputs read before anything is written)."""
    from planlint.review import load_waivers, read_baseline, review

    waivers = load_waivers(round.waivers) if round.waivers is not None else ()
    baseline = read_baseline(round.baseline, round.command) if round.baseline is not None else None
    if round.waivers is None and baseline is None:
        return report
    return review(report, waivers, baseline)


def finish(report: Report, round: Round) -> Exit:
    """Apply the review round, write the report, warn about stale waivers; the outcome by --fail-on."""
    from planlint.report import BINARY, Options, render_binary, write
    from planlint.review import warnings

    report = reviewed(report, round)
    color = round.output is None and round.format == "text" and sys.stdout.isatty()
    options = Options(
        lang=round.lang, docs=round.docs, color=color, texts=round.texts, documents=round.documents
    )
    if round.format in BINARY:
        _write(round.output, render_binary(round.format, report, options))
    elif round.output is None:
        write(round.format, report, options, sys.stdout)
    else:
        _write_text(round.output, lambda out: write(round.format, report, options, out))
    word = "警告" if round.lang == "zh" else "warning"
    for warning in warnings(report):
        sys.stderr.write(f"planlint: {word}: {warning.render(round.lang)}\n")
    return Exit.FINDINGS if report.at_or_above(round.fail_on) else Exit.OK


def _write_text(path: Path, writer: Callable[[TextIO], None]) -> None:
    """A text report written into `path` as it is made (UTF-8, newlines as written)."""
    try:
        with path.open("w", encoding="utf-8", newline="") as out:
            writer(out)
    except OSError as error:
        raise _cannot_write(path, error) from None


def _write(path: Path | None, data: bytes) -> None:
    assert path is not None
    try:
        path.write_bytes(data)
    except OSError as error:
        raise _cannot_write(path, error) from None


def _cannot_write(path: Path, error: OSError) -> PlanlintError:
    return PlanlintError(
        f"cannot write the report: {os_error_en(error)}", path=path, zh=f"无法写入报告：{os_error_zh(error)}"
    )
