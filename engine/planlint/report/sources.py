"""Cited source lines: read the line a citation points at from the documents directory (`--docs`), or from
the text of a plan document planlint has read itself (`check DRAFT.docx`: `texts`, by plan id)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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


# Each plan document read in this run (a draft), by its plan id: its lines as read, which its citations number.
Texts = Mapping[str, Sequence[str]]


def _cited_lines(docs: Path | None, citation: Citation, texts: Texts | None) -> Sequence[str]:
    """The lines of the document a citation points into: the plan's own text where this run read it, else
    the file in `--docs` (none without either)."""
    if texts and citation.plan is not None and citation.plan in texts:
        return texts[citation.plan]
    if docs is None or citation.document is None:
        return ()
    return _lines(docs / citation.document)


def cited_line(docs: Path | None, citation: Citation, texts: Texts | None = None) -> str | None:
    """The text of the cited line, stripped, or None when there is no document, line or file."""
    if citation.line is None:
        return None
    lines = _cited_lines(docs, citation, texts)
    if 0 < citation.line <= len(lines):
        return lines[citation.line - 1].strip()
    return None


# A table cell shorter than this is quoted with the cells before it on its row, so "20" reads "地热 万立方米 20".
SHORT_CELL = 24
ROW_CELLS = 5


def cited_quote(
    docs: Path | None, citation: Citation, texts: Texts | None = None
) -> tuple[tuple[str, ...], str] | None:
    """The cited line, and for a short table cell the non-blank lines just before it (its row so far).

    None when there is no line, or its document is neither read in this run (`texts`) nor in `--docs`.
    """
    line = cited_line(docs, citation, texts)
    if line is None or citation.line is None:
        return None
    before: list[str] = []
    if citation.table and len(line) < SHORT_CELL:
        lines = _cited_lines(docs, citation, texts)
        index = citation.line - 2
        while index >= 0 and len(before) < ROW_CELLS and lines[index].strip():
            before.insert(0, lines[index].strip())
            index -= 1
    return tuple(before), line


def unverifiable(docs: Path, loaded: Iterable[LoadedPlan], texts: Texts | None = None) -> list[PlanlintError]:
    """Every cited line that `--docs` cannot show: a document missing or unreadable, a line past its end.

    Warnings, not input errors: the plans are judged all the same, but a citation nobody can check is said so.
    A plan whose text this run read itself (a draft, in `texts`) is quoted from that text: never looked for.
    """
    found: list[PlanlintError] = []
    for item in loaded:
        if texts and item.plan.id in texts:
            continue
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
