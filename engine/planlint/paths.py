"""Where the bundled rules/ and plans/ live, from a checkout or from an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    # NOTE: in a checkout (or an editable install) the data sits at the repository's top level.
    return _PACKAGE.parent.parent / name


def bundled_rules() -> Path:
    """The bundled rule packs and vocabularies (`rules/`)."""
    return _bundled("rules")


def bundled_plans() -> Path:
    """The bundled plans (`plans/`)."""
    return _bundled("plans")
