"""User-facing text in Chinese and English; `text(key, lang, **values)` picks one."""

from __future__ import annotations

import locale
import os
from typing import Literal

Lang = Literal["zh", "en"]

TEXTS: dict[str, dict[str, str]] = {
    "valid": {"zh": "{n} 个规划文件均有效。", "en": "{n} plan file(s) valid."},
    "invalid": {"zh": "{n} 处输入错误。", "en": "{n} input error(s)."},
    "tree_title": {"zh": "规划层级", "en": "Plan hierarchy"},
    "indicators": {"zh": "指标", "en": "indicators"},
    "partial": {"zh": "部分已知", "en": "partially known"},
    "level.national": {"zh": "国家级", "en": "national"},
    "level.province": {"zh": "省级", "en": "province"},
    "level.city": {"zh": "市级", "en": "city"},
    "level.county": {"zh": "县级", "en": "county"},
    "stage.draft": {"zh": "报批稿", "en": "draft"},
    "stage.issued": {"zh": "已印发", "en": "issued"},
    "severity.error": {"zh": "错误", "en": "error"},
    "severity.warning": {"zh": "警告", "en": "warning"},
    "severity.info": {"zh": "提示", "en": "info"},
    "summary": {
        "zh": "共检查 {plans} 个规划：{error} 个错误，{warning} 个警告，{info} 个提示。",
        "en": "{plans} plan(s) checked: {error} error(s), {warning} warning(s), {info} info.",
    },
    "rights_summary": {
        "zh": "共检查 {rights} 个采矿权：{error} 个错误，{warning} 个警告，{info} 个提示。",
        "en": "{rights} right(s) checked: {error} error(s), {warning} warning(s), {info} info.",
    },
    "no_findings": {"zh": "未发现问题。", "en": "No findings."},
    "plan_silent": {"zh": "本规划未作规定", "en": "the plan is silent"},
    "against": {"zh": "对照", "en": "against"},
    "itself": {"zh": "自身", "en": "itself"},
    "norm": {"zh": "依据", "en": "norm"},
    "ancestor": {"zh": "上级规划", "en": "ancestor"},
    "plan": {"zh": "本规划", "en": "plan"},
    "right": {"zh": "采矿权", "en": "right"},
    "written": {"zh": "报告已写入 {path}", "en": "report written to {path}"},
}


def default_lang() -> Lang:
    """Chinese when the locale is Chinese, else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"


def text(key: str, lang: Lang, **values: object) -> str:
    """The text for `key` in `lang`, formatted with `values`."""
    entry = TEXTS[key]
    return entry.get(lang, entry["en"]).format(**values)


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
