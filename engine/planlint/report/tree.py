"""`planlint tree`: the hierarchy drawn with rich."""

from __future__ import annotations

from rich.console import Console
from rich.tree import Tree

from planlint.hierarchy import Hierarchy
from planlint.i18n import Lang
from planlint.report.words import word


def _label(hierarchy: Hierarchy, plan_id: str, lang: Lang) -> str:
    plan = hierarchy.plan(plan_id)
    parts = [
        f"[bold]{plan_id}[/bold] {plan.jurisdiction}",
        word(f"level.{plan.level}", lang),
        word(f"stage.{plan.stage}", lang),
        f"{len(plan.indicators)} {word('indicators', lang)}",
    ]
    if plan.is_partial:
        parts.append(f"[yellow]{word('partial', lang)}[/yellow]")
    return " · ".join(parts)


def render_tree(hierarchy: Hierarchy, lang: Lang, console: Console | None = None) -> None:
    """Print every root with its descendants (a plan with two parents appears under both)."""
    console = console or Console()
    root = Tree(f"[bold]{word('tree_title', lang)}[/bold]")

    def add(node: Tree, plan_id: str) -> None:
        branch = node.add(_label(hierarchy, plan_id, lang))
        for child in hierarchy.children(plan_id):
            add(branch, child)

    for plan_id in hierarchy.roots():
        add(root, plan_id)
    console.print(root)
