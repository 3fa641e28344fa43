"""Kind registries: the modules of a kinds package by name, so adding a kind is adding a module."""

from __future__ import annotations

import pkgutil
from collections.abc import Iterable
from importlib import import_module
from types import ModuleType


def discover(package: str, path: Iterable[str]) -> dict[str, ModuleType]:
    """The public modules of `package` (found on `path`), imported, by module name."""
    modules = {}
    for info in sorted(pkgutil.iter_modules(path), key=lambda i: i.name):
        if not info.name.startswith("_"):
            modules[info.name] = import_module(f"{package}.{info.name}")
    return modules
