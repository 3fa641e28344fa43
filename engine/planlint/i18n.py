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


ZONE_WORDS: dict[str, dict[str, str]] = {
    "key_exploration": {"zh": "重点勘查区", "en": "key exploration area"},
    "key_mining": {"zh": "重点开采区", "en": "key mining area"},
    "concentrated_mining": {"zh": "集中开采区", "en": "concentrated mining area"},
    "exploration_block": {"zh": "勘查规划区块", "en": "planned exploration block"},
    "mining_block": {"zh": "开采规划区块", "en": "planned mining block"},
    "reserve": {"zh": "储备/保护区", "en": "reserve"},
    "national_planned_area": {"zh": "国家规划矿区", "en": "national planned mining area"},
    "energy_base": {"zh": "能源资源基地", "en": "energy resource base"},
    "strategic_reserve": {"zh": "战略性矿产资源储备区", "en": "strategic mineral reserve"},
}


def zone_kind_text(kind: str, lang: Lang) -> str:
    """A zone kind in words ('重点开采区', 'key mining area')."""
    return ZONE_WORDS[kind][lang]
