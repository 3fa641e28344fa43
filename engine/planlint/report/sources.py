"""Cited source lines: read the line a citation points at from the documents directory (`--docs`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from planlint.findings import Citation


@lru_cache(maxsize=64)
def _lines(path: Path) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


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
