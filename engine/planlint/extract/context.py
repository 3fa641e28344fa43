"""What every part of the extractor shares: the document, the vocabulary, the outline, and the findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planlint.extract.lexicon import MineralFinder
from planlint.extract.outline import Place
from planlint.extract.reader import Document
from planlint.extract.unparsed import Unparsed, unparsed
from planlint.vocabulary import Vocabulary

Item = dict[str, Any]


@dataclass
class Findings:
    """Everything extracted so far, in plan-format shape (plain dicts), and what was not understood."""

    indicators: list[Item] = field(default_factory=list)
    zones: list[Item] = field(default_factory=list)
    counts: list[Item] = field(default_factory=list)
    baseline: list[Item] = field(default_factory=list)
    minerals: dict[str, list[Item]] = field(
        default_factory=lambda: {"encouraged": [], "restricted": [], "prohibited": []}
    )
    unparsed: list[Unparsed] = field(default_factory=list)

    def skip(self, line: int, text: str, reason: str, table: str | None = None) -> None:
        self.unparsed.append(unparsed(line, text, reason, table))


@dataclass
class Context:
    """The document being read and what is known about it."""

    document: Document
    vocabulary: Vocabulary
    finder: MineralFinder
    places: list[Place]
    table_lines: set[int]
    period_end: int | None = None
    base_year: int | None = None
    regions: list[str] = field(default_factory=list)
    line_text: str = ""  # the line being read

    def section(self, line: int) -> str | None:
        return self.places[line - 1].section if 0 < line <= len(self.places) else None

    def baseline(self, line: int) -> bool:
        return self.places[line - 1].baseline if 0 < line <= len(self.places) else False

    def cite(self, line: int, table: str | None = None) -> Item:
        cite: Item = {"line": line}
        section = self.section(line)
        if section:
            cite["section"] = section
        if table:
            cite["table"] = table
        locator = self.document.locators.get(line)
        if locator:
            cite["locator"] = locator
        return cite
