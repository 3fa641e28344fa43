"""Helpers the rights kinds share: which rights a review applies to, bounds compared with a tolerance,
and the words for what a record lacks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planlint.i18n import both, scope_suffix
from planlint.messages import format_value
from planlint.prepared import EPSILON, Stated
from planlint.rights.evaluate import RightsContext
from planlint.rights.match import MISSING_TEXT
from planlint.rights.prepare import PreparedRight


def reviewed(context: RightsContext) -> Iterator[PreparedRight]:
    """The rights a plan review applies to (not renewals, transfers or name changes)."""
    return (r for r in context.rights if r.right.reviewed)


def beyond(value: float, limit: float, direction: str) -> bool:
    """Whether `value` breaks a floor (is lower) or a cap (is higher), beyond rounding."""
    tolerance = EPSILON * max(abs(limit), 1.0)
    return value < limit - tolerance if direction == "floor" else value > limit + tolerance


def missing_words(missing: Iterable[str]) -> dict[str, str]:
    fields = sorted(set(missing))
    return {
        "zh": "、".join(MISSING_TEXT[f]["zh"] for f in fields),
        "en": ", ".join(MISSING_TEXT[f]["en"] for f in fields),
    }


def rows_words(rows: Iterable[Stated]) -> dict[str, str]:
    """The rows in words: '≥ 100 矿石 万吨（大型矿床）; ≥ 50 矿石 万吨（中型矿床）'."""
    texts = [
        {lang: f"{format_value(r.indicator)}{scope_suffix(r.scope, lang)}" for lang in ("zh", "en")}
        for r in rows
    ]
    return {
        lang: "；".join(t[lang] for t in texts) if lang == "zh" else "; ".join(t[lang] for t in texts)
        for lang in ("zh", "en")
    }


def scope_words(row: Stated) -> dict[str, str]:
    return both(scope_suffix, row.scope)
