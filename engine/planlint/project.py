"""A loaded project: the vocabulary, the plans in their hierarchy, the rule directories and their rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planlint.hierarchy import Hierarchy
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
