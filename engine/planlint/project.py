"""A loaded project: the vocabulary, the plans in their hierarchy, the rule directories and their rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from planlint.hierarchy import Hierarchy
from planlint.match import Index
from planlint.vocabulary import Vocabulary

if TYPE_CHECKING:
    from planlint.rules import Rule


@dataclass(frozen=True)
class Project:
    """Everything loaded: the vocabulary, the plans in their hierarchy, the rule directories and the rules."""

    vocabulary: Vocabulary
    hierarchy: Hierarchy
    rule_dirs: tuple[Path, ...]
    rules: tuple[Rule, ...]

    @cached_property
    def index(self) -> Index:
        """The prepared rows of every plan, built on first use and kept while the project is: every check of the
        project (and `explain`, and each plan's requirements) shares it, and a command that ends at once
        (`cli.exits.keep_until_exit`) never frees it."""
        return Index(self.hierarchy.plans, self.vocabulary)
