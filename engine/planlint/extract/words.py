"""The extractor's messages to the clerk in Chinese: notes in the draft, what a person must supply, why an
item was not read, warnings, and the labels of the review block.

The extractor builds its messages in English (one template each, below); `zh` turns a message, or each
'; '-separated part of a note, into Chinese. A message with no template here stays as it is, and
`tests/test_extract_word.py` checks that every message the fixtures and rendered documents produce has one.
"""

from __future__ import annotations

import re
from typing import Any

_TEMPLATES: tuple[tuple[str, str], ...] = (
    # warnings
    (r"no outline found \(.*\): .*", "未找到目录结构（无编号标题、Word 标题样式或自动编号）：无法区分现状部分与规划目标，"
     "基期数据可能被读作目标，请逐条核对指标"),
    (r"Traditional characters converted to Simplified \(OpenCC t2s\) before reading",
     "文档为繁体字，已用 OpenCC（t2s）转换为简体后读取"),
    # what a person must supply
    (r"id: (.+) was made from the file name; give --id", r"id：\1 由文件名生成，请用 --id 指定"),
    (r"id: (.+) was made from the jurisdiction \((.+), its code in the register of places\); give --id",
     r"id：\1 为辖区（\2）的行政区划代码，请用 --id 指定"),
    (r"level: (\w+) \(from the jurisdiction's name\); give --level to confirm",
     r"level：\1（由行政区名称判断），请用 --level 确认"),
    (r"level: (\w+) \(not found; county assumed\); give --level to confirm",
     r"level：\1（未能判断，暂按县级），请用 --level 确认"),
    (r"parents: none given; give --parent ID for each plan this one must conform to",
     "parents：未指定上级规划，请为本规划须符合的每个上级规划给出 --parent ID"),
    (r"regions: which regions defined by an ancestor this jurisdiction lies in \(not read\)",
     "regions：本行政区位于上级规划划定的哪些区域（文中未读取）"),
    (r"period: not found in the document .*", "period：文中未找到规划期（规划期 / （2021—2025年）），"
     "请补充 period: {base, start, end}"),
    (r"source\.(\w+): not found", r"source.\1：文中未找到"),
    (r"guessed period\.base (\d{4}) \(the year before the period: no 基期 stated\)",
     r"推测 period.base 为 \1（文中未写基期，取规划期前一年）"),
    (r"guessed name \(from line (\d+), which names the plan: no title line\)",
     r"推测规划名称（取自第\1行对本规划的称呼，文中无标题行）"),
    # notes on items
    (r"no comparator printed: read as (\S+) \((\w+)\)", r"未印比较符：按 \1 读取（\2）"),
    (r"comparator (\S+) as printed in the text \(line (\d+)\)", r"比较符 \1 取自正文（第\2行）"),
    (r"attribute cell empty: continues (\S+) above \(merged cell\)", r"属性单元格为空：沿用上方的\1（合并单元格）"),
    (r"one cell spans every region column \(merged\): read as applying to all regions",
     "一个单元格跨越所有区域列（合并单元格）：读作适用于全部区域"),
    (r"cell (\S+) read as (\S+)", r"单元格 \1 读作 \2"),
    (r"printed as approximate \(约/左右\)", "原文为约数（约/左右）"),
    (r"(.+) column of (\S+)", r"\2 的「\1」列"),
    (r"listed under (.+)", r"列于「\1」之下"),
    # why an item was not read
    (r"a number whose meaning was not recognised", "未能识别含义的数字"),
    (r"an empty table", "空表"),
    (r"a list of projects \(重大工程\): not modelled", "重大工程清单：不在规划文件格式之内"),
    (r"a table whose rows could not be read", "表格各行未能读取"),
    (r"mineral '(.+)' is not in the vocabulary \(closest: (.+)\)", r"矿种「\1」不在矿种词表中（最接近：\2）"),
    (r"a row whose values have no column", "该行数值没有对应的列"),
    (r"a value beyond the table's columns", "数值超出表格的列"),
    (r"a value with no metric", "数值没有对应的指标"),
    (r"a value with no unit", "数值没有单位"),
    (r"(.+): a value with no unit", r"\1：数值没有单位"),
    (r"a cell with several values whose cases are not stated", "单元格含多个数值，但未说明各自适用的情形"),
    (r"a baseline cell that is not one number", "基期单元格不是单个数值"),
    (r"a 现状 cell that is not one number", "现状单元格不是单个数值"),
    (r"a table row without a zone name", "表格行没有分区名称"),
    (r"a zone of unknown kind", "分区类型不明"),
    (r"a box whose list could not be read", "专栏中的清单未能读取"),
    (r"a list of minerals \((.+)\): not a policy list, review", r"矿种清单（\1）：不是政策清单，请核对"),
    (r"a list \((.+)\) that names no zones", r"清单（\1）未列出分区"),
    (r"a detail of a listed zone that was not read", "所列分区的细节未能读取"),
)  # fmt: skip
_COMPILED = tuple((re.compile(f"^{pattern}$"), replacement) for pattern, replacement in _TEMPLATES)

LABELS = {
    "en": {"block": "planlint extract: for a person to review", "warning": "warning", "needs": "needs a person",
           "unparsed": "unparsed: {n} item(s)", "line": "line {line}"},
    "zh": {"block": "planlint extract：须人工核对", "warning": "提示", "needs": "须人工补充",
           "unparsed": "未能解析：{n} 项", "line": "第{line}行"},
}  # fmt: skip


def translated(message: str) -> str | None:
    """The Chinese of one message, or None when no template matches it."""
    for pattern, replacement in _COMPILED:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return None


def zh(message: str) -> str:
    """A message (else each '; '-separated part of a note) in Chinese; a part without a template as it is."""
    whole = translated(message)
    if whole is not None:
        return whole
    return "；".join(translated(part) or part for part in message.split("; "))


def localise_plan(plan: dict[str, Any]) -> None:
    """The notes the extractor wrote on items (not the document's own text) in Chinese."""
    for key in ("indicators", "zones", "counts", "baseline"):
        for item in plan.get(key) or []:
            _localise_note(item)
            for limit in item.get("limits") or []:
                _localise_note(limit)


def _localise_note(item: dict[str, Any]) -> None:
    note = item.get("note")
    if isinstance(note, str):
        item["note"] = zh(note)
