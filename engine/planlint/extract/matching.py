"""When two indicators say the same thing: used to drop a sentence that restates a table row, and to score.

Two indicators match when metric, mineral (through the vocabulary), value, unit (by meaning: 万吨 under an
annual metric is 万吨/年; 个 and 处 are both counts) and scope agree; `op`, `attribute` and `line` are
compared by the scorer on top of this key.
"""

from __future__ import annotations

from typing import Any

from planlint.model import SCOPE_FIELDS
from planlint.units import parse_unit
from planlint.vocabulary import Vocabulary


def unit_key(unit: str, metric: str, vocabulary: Vocabulary) -> tuple[str, float]:
    """The meaning of a unit: its dimension and scale, per year for an annual metric."""
    try:
        parsed = parse_unit(unit)
        entry = vocabulary.metrics.get(metric)
        if entry is not None and entry.annual and not parsed.is_rate:
            parsed = parse_unit(unit.strip() + "/年")
    except Exception:  # noqa: BLE001 - an unknown unit compares as printed
        return (unit.replace(" ", ""), 0.0)
    return (parsed.dimension, round(parsed.factor, 9))


def mineral_key(mineral: str | None, vocabulary: Vocabulary) -> str | None:
    if mineral is None:
        return None
    resolved = vocabulary.resolve(mineral)
    return resolved.name if resolved else mineral


def value_key(value: Any) -> tuple[float, ...]:
    if isinstance(value, list | tuple):
        return tuple(float(v) for v in value)
    return (float(value),)


def scope_key(scope: Any) -> tuple[tuple[str, str], ...]:
    if not scope:
        return ()
    fields = scope if isinstance(scope, dict) else {name: getattr(scope, name) for name in SCOPE_FIELDS}
    return tuple(sorted((k, str(v)) for k, v in fields.items() if v is not None))


def statement_key(item: dict[str, Any], vocabulary: Vocabulary) -> tuple[Any, ...]:
    """What an indicator states, whatever its comparator, attribute and line."""
    return (
        item["metric"],
        mineral_key(item.get("mineral"), vocabulary),
        value_key(item["value"]),
        unit_key(item["unit"], item["metric"], vocabulary),
        scope_key(item.get("scope")),
    )
