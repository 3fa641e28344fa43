"""What rule kinds see: the typed plans to judge, their hierarchy and vocabulary, and the prepared index."""

from __future__ import annotations

from dataclasses import dataclass

from planlint.hierarchy import Hierarchy
from planlint.match import Index
from planlint.model import Plan
from planlint.project import Project
from planlint.vocabulary import Vocabulary


@dataclass
class Context:
    """The plans to judge (`targets`) within a loaded project; the index is prepared on first use.

    `passes`: whether kinds also yield `hits.Held` for the comparisons that held (checked before building
    any, so a run without `--show-passes` pays nothing for them).
    """

    project: Project
    targets: tuple[str, ...]
    passes: bool = False

    @property
    def hierarchy(self) -> Hierarchy:
        return self.project.hierarchy

    @property
    def vocabulary(self) -> Vocabulary:
        return self.project.vocabulary

    @property
    def index(self) -> Index:
        return self.project.index

    def plan(self, plan_id: str) -> Plan:
        return self.hierarchy.plan(plan_id)

    def ancestors(self, plan_id: str) -> tuple[str, ...]:
        return self.hierarchy.ancestors(plan_id)
