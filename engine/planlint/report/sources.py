"""Cited source lines: read the line a citation points at from the documents directory (`--docs`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from planlint.errors import PlanlintError
from planlint.files import read_regular
from planlint.findings import Citation
from planlint.yamlio import line_of

if TYPE_CHECKING:
    from planlint.loader import LoadedPlan


# A source document larger than this is not read for quotes (the seeds are under 100 KB).
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024


@lru_cache(maxsize=64)
def _read(path: Path) -> tuple[tuple[str, ...], tuple[str, str] | None]:
    """The document's lines, or no lines and why it cannot be read (English, Chinese)."""
    if not path.exists() and not path.is_symlink():
        return (), ("not found", "文件不存在")
    try:
        return tuple(read_regular(path, MAX_DOCUMENT_BYTES).decode("utf-8").splitlines()), None
    except PlanlintError as error:
        return (), (error.message, error.zh)
    except UnicodeDecodeError:
        return (), ("not a UTF-8 text file", "不是 UTF-8 文本文件")


def _lines(path: Path) -> tuple[str, ...]:
    return _read(path)[0]


def cited_line(docs: Path | None, citation: Citation) -> str | None:
    """The text of the cited line, stripped, or None when there is no document, line or file."""
    if docs is None or citation.document is None or citation.line is None:
        return None
    lines = _lines(docs / citation.document)
    if 0 < citation.line <= len(lines):
        return lines[citation.line - 1].strip()
    return None


# A table cell shorter than this is quoted with the cells before it on its row, so "20" reads "地热 万立方米 20".
SHORT_CELL = 24
ROW_CELLS = 5


def cited_quote(docs: Path | None, citation: Citation) -> tuple[tuple[str, ...], str] | None:
    """The cited line, and for a short table cell the non-blank lines just before it (its row so far).

    None when there is no `--docs`, no line, or the document is not there.
    """
    line = cited_line(docs, citation)
    if line is None or docs is None or citation.document is None or citation.line is None:
        return None
    before: list[str] = []
    if citation.table and len(line) < SHORT_CELL:
        lines = _lines(docs / citation.document)
        index = citation.line - 2
        while index >= 0 and len(before) < ROW_CELLS and lines[index].strip():
            before.insert(0, lines[index].strip())
            index -= 1
    return tuple(before), line


def unverifiable(docs: Path, loaded: Iterable[LoadedPlan]) -> list[PlanlintError]:
    """Every cited line that `--docs` cannot show: a document missing or unreadable, a line past its end.

    Warnings, not input errors: the plans are judged all the same, but a citation nobody can check is said so.
    """
    found: list[PlanlintError] = []
    for item in loaded:
        cites = [(loc, cite.line) for loc, cite in item.plan.located_cites() if cite.line is not None]
        if not cites:
            continue
        document = item.plan.source.document
        if document is None:
            found.append(
                _warning(
                    f"{len(cites)} cited line(s) but no source.document: they cannot be verified",
                    item,
                    ("source",),
                    f"引用了 {len(cites)} 行，但没有 source.document：无法核对",
                )
            )
            continue
        lines, problem = _read(docs / document)
        if problem is not None:
            found.append(
                _warning(
                    f"{document!r} in --docs: {problem[0]}; {len(cites)} cited line(s) cannot be verified",
                    item,
                    ("source", "document"),
                    f"--docs 中的 {document!r}：{problem[1]}；{len(cites)} 处引用无法核对",
                )
            )
            continue
        for loc, line in cites:
            if line > len(lines):
                found.append(
                    _warning(
                        f"cites line {line} of {document!r}, which has {len(lines)} lines: cannot be verified",
                        item,
                        (*loc, "line"),
                        f"引用 {document!r} 第 {line} 行，但该文件只有 {len(lines)} 行：无法核对",
                    )
                )
    return found


def _warning(message: str, item: LoadedPlan, loc: tuple[str | int, ...], zh: str) -> PlanlintError:
    line = line_of(item.path, loc)
    return PlanlintError(message, path=item.path, line=line, field=".".join(map(str, loc)), zh=zh)
