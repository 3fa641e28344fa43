"""The two languages (`Lang`, the locale's default) and the words rule messages are built from.

The words reports print around the findings are in `planlint.report.words`.
"""

from __future__ import annotations

import locale
import os
from typing import Literal

Lang = Literal["zh", "en"]


def default_lang() -> Lang:
    """Chinese when the locale is Chinese, else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"


SCOPE_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "mine": {
        "new": {"zh": "新设矿山", "en": "new mines"},
        "expansion": {"zh": "整合扩能/增划资源矿山", "en": "integrated or expanded mines"},
        "existing": {"zh": "已有矿山", "en": "existing mines"},
    },
    "deposit": {
        "large": {"zh": "大型矿床", "en": "large deposits"},
        "medium": {"zh": "中型矿床", "en": "medium deposits"},
        "small": {"zh": "小型矿床", "en": "small deposits"},
    },
}


def scope_text(scope: object, lang: Lang) -> str:
    """A scope in words ('大型矿床、新设矿山、主城都市区'); empty for a plan-wide row."""
    parts = []
    for name in ("deposit", "mine"):
        value = getattr(scope, name, None)
        if value:
            parts.append(SCOPE_WORDS[name][value][lang])
    for name in ("region", "subset", "zone"):
        value = getattr(scope, name, None)
        if value:
            parts.append(str(value))
    return ("、" if lang == "zh" else ", ").join(parts)


def scope_suffix(scope: object, lang: Lang) -> str:
    """The scope in brackets after a mineral ('（大型矿床）'), or nothing for a plan-wide row."""
    words = scope_text(scope, lang)
    if not words:
        return ""
    return f"（{words}）" if lang == "zh" else f" ({words})"


def both(function: object, *args: object) -> dict[str, str]:
    """A value in both languages, for message templates: {'zh': ..., 'en': ...}."""
    return {lang: function(*args, lang) for lang in ("zh", "en")}  # type: ignore[operator]


# Words of finding messages, filled by `planlint.messages` from the fragments kinds give (`planlint.hits`).
WORDS: dict[str, dict[str, str]] = {
    "requirement.floor": {"zh": "不低于 {values}", "en": "at least {values}"},
    "requirement.cap": {"zh": "不高于 {values}", "en": "at most {values}"},
    "requirement.item": {"zh": "{value}{scope}", "en": "{value}{scope}"},
    "requirement.suffix": {"zh": "；应{required}", "en": "; it should be {required}"},
    "binding.mineral": {"zh": "{mineral}", "en": "{mineral} "},
    "attribute.expected": {"zh": "，却列为预期性指标", "en": "as expected (预期性)"},
    "attribute.unspecified": {"zh": "，未注明为约束性指标", "en": "without an attribute"},
    "relation.over": {"zh": "超过", "en": "exceeds"},
    "relation.short": {"zh": "少于", "en": "falls short of"},
    "incomparable.dimensions": {
        "zh": "量纲不同（{row} 与 {other}）",
        "en": "different dimensions ({row} and {other})",
    },
    "incomparable.bases": {
        "zh": "计量基准不同（{row} 与 {other}）",
        "en": "different bases ({row} and {other})",
    },
    "basis.unstated": {"zh": "未注明", "en": "unstated"},
    "dimension.per_time": {"zh": "{word}/时间", "en": "{word} per time"},
    "dimension.dimensionless": {"zh": "无量纲", "en": "dimensionless"},
    "use.encouraged": {
        "zh": "将{mineral}列为鼓励（重点勘查/开采）矿种",
        "en": "lists {mineral} as encouraged",
    },
    "use.indicator": {
        "zh": "规定{mineral}{metric} {value}{where}",
        "en": "states {mineral} {metric} {value}{where}",
    },
    "use.in_zone": {"zh": "（{zone}内）", "en": " in {zone}"},
    "use.zone": {
        "zh": "为{mineral}设置{zone_kind}「{zone}」",
        "en": "sets the {zone_kind} {zone} for {mineral}",
    },
    "aggregate.share": {"zh": "{child} {rows}", "en": "{child} {rows}"},
    "aggregate.row": {"zh": "{mineral} {value}", "en": "{mineral} {value}"},
    "aggregate.silent": {"zh": "；未规定：{plans}", "en": "; silent: {plans}"},
    "aggregate.incomparable": {"zh": "；单位不可比：{plans}", "en": "; units not comparable: {plans}"},
    "period.base": {"zh": "基期", "en": "base year"},
    "period.start": {"zh": "起始年", "en": "start year"},
    "period.end": {"zh": "目标年", "en": "end year"},
    "period.outlook": {"zh": "展望年", "en": "outlook year"},
    "period.year": {"zh": "{field}{year}年", "en": "{field} {year}"},
    "period.span": {"zh": "{start}—{end}年", "en": "{start}–{end}"},
    "zones.closest": {"zh": "最接近的是「{name}」", "en": "the closest is {name}"},
    "zones.none": {"zh": "本规划未设同类分区", "en": "the plan sets no zone of a compatible kind"},
    "more": {"zh": "等{total}处", "en": " and {rest} more"},
    "parts.item": {"zh": "{name} {value}", "en": "{name} {value}"},
    "formula.plus": {"zh": " + {name}", "en": " + {name}"},
    "formula.minus": {"zh": " - {name}", "en": " - {name}"},
    "indicator.name": {"zh": "{mineral}{metric}", "en": "{mineral} {metric}"},
}

SEPARATORS: dict[str, dict[str, str]] = {
    "list": {"zh": "、", "en": ", "},
    "parts": {"zh": "；", "en": "; "},
    "plus": {"zh": " + ", "en": " + "},
    "comma": {"zh": "，", "en": ", "},
    "uses": {"zh": "；", "en": "; "},
    "slash": {"zh": " / ", "en": " / "},
    "ratio": {"zh": ":", "en": ":"},
    "none": {"zh": "", "en": ""},
}

DIMENSION_WORDS: tuple[tuple[str, dict[str, str]], ...] = (
    ("[mass]", {"zh": "质量", "en": "mass"}),
    ("[length] ** 3", {"zh": "体积", "en": "volume"}),
    ("[length] ** 2", {"zh": "面积", "en": "area"}),
    ("[item]", {"zh": "个数", "en": "count"}),
    ("[currency]", {"zh": "金额", "en": "money"}),
)
