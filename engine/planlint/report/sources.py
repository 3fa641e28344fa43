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
