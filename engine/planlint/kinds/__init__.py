"""Rule kinds: one small module each, exposing KIND (= the module name), Params, HITS and check(context, params).

`check` yields typed hits (`planlint.hits`): what broke, which rows, the values; the evaluator words them.
`HITS` lists the hit types the kind yields; a kind whose params choose among them also has
`emitted(params)`. REGISTRY maps KIND → module. It is built from the modules in this package, so adding a
kind is adding a module; tests check that every module has these names, that KIND equals the module name,
and that every kind has a fixture file in fixtures/kinds/.
"""

from __future__ import annotations

from types import ModuleType

from planlint.hits import Hit
from planlint.registry import discover

REGISTRY: dict[str, ModuleType] = discover(__name__, __path__)


def emitted(kind: ModuleType, params: object) -> tuple[type[Hit], ...]:
    """The hit types a rule of `kind` with `params` can yield."""
    choose = getattr(kind, "emitted", None)
    return tuple(choose(params)) if choose is not None else tuple(kind.HITS)
