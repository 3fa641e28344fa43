"""Rights rule kinds: one module each, exposing KIND (= the module name), Params and check(context, rule).

A kind yields `planlint.rights.evaluate.RightHit`s; the evaluator renders them. REGISTRY maps KIND → module.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from types import ModuleType


def _discover() -> dict[str, ModuleType]:
    modules = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            modules[info.name] = import_module(f"{__name__}.{info.name}")
    return modules


REGISTRY: dict[str, ModuleType] = _discover()
