"""A loaded project: the vocabulary, the plans in their hierarchy, and the rule directories."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planlint.hierarchy import Hierarchy
from planlint.vocabulary import Vocabulary


@dataclass(frozen=True)
class Project:
    """Everything loaded: the vocabulary, the plans in their hierarchy, and the rule directories."""

    vocabulary: Vocabulary
    hierarchy: Hierarchy
    rule_dirs: tuple[Path, ...]
