"""No import cycle anywhere in planlint: imports inside functions count, `if TYPE_CHECKING:` imports do not.

    python -m tools.import_cycles      # exit 1 naming each cycle and its import lines (run by make lint)

grimp (import-linter's graph builder) reads every import statement of the package; networkx finds the
strongly connected components of that graph: each component of more than one module is a cycle.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import grimp
import networkx as nx

PACKAGE = "planlint"

# Cycles tolerated for now: none since the engine reorganisation (issue 10). An entry that no longer
# matches a cycle fails this check, so the set only ever shrinks.
ALLOWED: frozenset[frozenset[str]] = frozenset()


def import_graph(package: str = PACKAGE) -> grimp.ImportGraph:
    return grimp.build_graph(package, exclude_type_checking_imports=True, cache_dir=None)


def import_cycles(graph: grimp.ImportGraph) -> list[frozenset[str]]:
    """Every set of modules that import each other, directly or through one another."""
    edges = nx.DiGraph()
    for module in graph.modules:
        edges.add_edges_from(
            (module, imported) for imported in graph.find_modules_directly_imported_by(module)
        )
    components = (frozenset(c) for c in nx.strongly_connected_components(edges) if len(c) > 1)
    return sorted(components, key=sorted)


def describe(graph: grimp.ImportGraph, cycle: frozenset[str]) -> list[str]:
    """The imports that make up a cycle: 'a -> b (l.12)'."""
    lines = []
    for importer in sorted(cycle):
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & cycle):
            details = graph.get_import_details(importer=importer, imported=imported)
            where = ", ".join(f"l.{d['line_number']}" for d in details)
            lines.append(f"  {importer} -> {imported} ({where})")
    return lines


def problems(graph: grimp.ImportGraph, allowed: frozenset[frozenset[str]] = ALLOWED) -> list[str]:
    """Cycles not allowed, and allowed entries that no longer match a cycle."""
    cycles = import_cycles(graph)
    found = []
    for cycle in cycles:
        if cycle not in allowed:
            found += [f"import cycle among {len(cycle)} modules:", *describe(graph, cycle)]
    for stale in sorted(allowed - set(cycles), key=sorted):
        found.append(f"no longer a cycle, remove it from ALLOWED: {', '.join(sorted(stale))}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    found = problems(import_graph(*(argv or ())))
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
