"""Message rendering: a rule's template filled with a hit's fragments, in Chinese or English."""

from __future__ import annotations

from collections.abc import Mapping

from planlint.hits import (
    BasisName,
    DimensionName,
    Fragment,
    Hit,
    Joined,
    KeyName,
    MetricName,
    ScopeWords,
    Value,
    Words,
    ZoneKindName,
)
from planlint.i18n import DIMENSION_WORDS, SEPARATORS, WORDS, Lang, scope_suffix
from planlint.model import Indicator
from planlint.units import BASIS_LABELS, printed_unit
from planlint.vocabulary import Vocabulary

OP_SIGNS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "==": "=", "range": ""}


def format_value(indicator: Indicator) -> str:
    """An indicator's bound as a reader would write it: '≥ 100 万吨/年', '10–15 %'."""
    value = indicator.value
    if isinstance(value, tuple):
        return f"{_number(value[0])}–{_number(value[1])} {printed_unit(indicator.unit)}"
    return f"{OP_SIGNS[indicator.op]} {_number(value)} {printed_unit(indicator.unit)}".strip()


def _number(value: float) -> str:
    return f"{value:.12g}"


def hit_values(hit: Hit) -> dict[str, Fragment]:
    """Every placeholder a hit provides: the common ones, then its own (which may override them)."""
    common: dict[str, Fragment] = {
        "plan": hit.plan,
        "against": hit.against or "",
        "mineral": hit.mineral or "",
        "metric": hit.metric or "",
    }
    return {**common, **hit.values()}


def render(template: str, values: Mapping[str, Fragment], lang: Lang, vocabulary: Vocabulary) -> str:
    """The template filled in one language (placeholders were checked against the hit type at load)."""
    return template.format_map({k: words(v, lang, vocabulary) for k, v in values.items()})


def words(fragment: Fragment, lang: Lang, vocabulary: Vocabulary) -> str:
    """One fragment in words."""
    if isinstance(fragment, str):
        return fragment
    if isinstance(fragment, Value):
        return format_value(fragment.indicator)
    if isinstance(fragment, ScopeWords):
        return scope_suffix(fragment.scope, lang)
    if isinstance(fragment, MetricName):
        metric = vocabulary.require_metric(fragment.metric)
        return metric.zh if lang == "zh" else metric.en
    if isinstance(fragment, KeyName):
        return vocabulary.printed_name(fragment.key, lang)
    if isinstance(fragment, ZoneKindName):
        kind = vocabulary.require_zone_kind(fragment.kind)
        return kind.zh if lang == "zh" else kind.en
    if isinstance(fragment, DimensionName):
        return _dimension(fragment.dimension, lang)
    if isinstance(fragment, BasisName):
        return BASIS_LABELS[fragment.basis][lang] or WORDS["basis.unstated"][lang]  # type: ignore[index]
    if isinstance(fragment, Words):
        args = {name: words(arg, lang, vocabulary) for name, arg in fragment.args}
        return WORDS[fragment.key][lang].format(**args)
    return _joined(fragment, lang, vocabulary)


def _joined(fragment: Joined, lang: Lang, vocabulary: Vocabulary) -> str:
    items = [words(item, lang, vocabulary) for item in fragment.items]
    separator = SEPARATORS[fragment.separator][lang]
    if fragment.shown is None:
        return separator.join(items)
    distinct = list(dict.fromkeys(items))
    text = separator.join(distinct[: fragment.shown])
    rest = len(distinct) - fragment.shown
    if rest > 0:
        text += WORDS["more"][lang].format(total=len(distinct), rest=rest)
    return text


def _dimension(dimension: str, lang: Lang) -> str:
    for key, word in DIMENSION_WORDS:
        if key in dimension:
            if "[time]" in dimension and "/" in dimension:
                return WORDS["dimension.per_time"][lang].format(word=word[lang])
            return word[lang]
    if dimension == "dimensionless":
        return WORDS["dimension.dimensionless"][lang]
    return dimension
