"""Rights rule kinds: one module each, exposing KIND (= the module name), Params and check(context, rule).

A kind yields `planlint.rights.evaluate.RightHit`s; the evaluator renders them. REGISTRY maps KIND → module.
"""

from __future__ import annotations

from types import ModuleType

from planlint.registry import discover

REGISTRY: dict[str, ModuleType] = discover(__name__, __path__)
