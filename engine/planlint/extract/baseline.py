"""Base-period facts (基期): mine counts by scale and by mineral, the large/medium share, and other stated facts.

Only read in a baseline part of the document (现状, 上轮规划实施成效 …): 全区矿山24个，其中地热11个… 大中型矿山
为20个，占矿山总数的83% gives `mines` {total: 24, 地热: 11, …, large_medium: 20, large_medium_pct: 83}.
"""

from __future__ import annotations

import re

from planlint.extract import lexicon as lx
from planlint.extract.context import Context, Findings, Item
from planlint.extract.sentences import Reading

_N = r"(\d+(?:\.\d+)?)"
_CHANGE = re.compile(
    rf"(矿山企业|矿山数量|矿山|采矿权)[^，。；\d]{{0,6}}由[^\d，。]{{0,6}}(?:(\d{{4}})年的?)?{_N}\s*[个家]"
    rf"[^\d，。]{{0,8}}?(?:(\d{{4}})年的?)?{_N}\s*[个家]"
)
_RATIO_CHANGE = re.compile(
    rf"大中型矿山(?:比例|占比|比重)由(?:(\d{{4}})年的?)?{_N}\s*[%％][^\d，。]{{0,8}}?(?:(\d{{4}})年的?)?{_N}\s*[%％]"
)
_TOTAL = re.compile(
    rf"(矿山企业|持证矿山|非油气采矿权|采矿权|矿山)(?:共|为)?{_N}\s*[个家]|{_N}\s*[个家](采矿权|矿山)"
)
_SCALE = re.compile(rf"(大中型|大型|中型|小型)矿山(?:企业)?(?:为|共)?{_N}\s*[个家]")
_RATIO = re.compile(rf"(?:大中型矿山(?:比例|占比|比重)[^\d，。%]{{0,6}}?|占矿山总数的){_N}\s*[%％]")
_REDUCTION = re.compile(rf"(?:矿山数|矿山数量)减少{_N}\s*[%％]")
_ITEM = re.compile(rf"([^\d，,、；;。：:（）()]{{1,12}}?){_N}\s*[个家]")
SCALE_KEYS = {"大中型": "large_medium", "大型": "large", "中型": "medium", "小型": "small"}


def parse_mines(text: str, line: int, ctx: Context, out: Findings) -> set[int]:
    """Mine counts and shares in one baseline line; returns the positions of the numbers used."""
    values: dict[str, float] = {}
    used: set[int] = set()
    year = _year(text, ctx)

    def take(key: str, match: re.Match[str], group: int) -> None:
        if key not in values:
            values[key] = lx.to_number(match.group(group))
        used.add(match.start(group))

    for match in _CHANGE.finditer(text):
        take("previous", match, 3)
        take("total", match, 5)
    for match in _RATIO_CHANGE.finditer(text):
        take("large_medium_pct_previous", match, 2)
        take("large_medium_pct", match, 4)
    for match in _TOTAL.finditer(text):
        group = 2 if match.group(2) else 3
        if match.start(group) not in used:
            take("total", match, group)
    for match in _SCALE.finditer(text):
        take(SCALE_KEYS[match.group(1)], match, 2)
    for match in _RATIO.finditer(text):
        if match.start(1) not in used:
            take("large_medium_pct", match, 1)
    for match in _REDUCTION.finditer(text):
        take("reduction_pct", match, 1)
    if "total" in values:
        for match in _ITEM.finditer(text):
            if match.start(2) in used:
                continue
            name = re.sub(r"^(其中|按矿种分|矿山按矿种分|分)", "", match.group(1)).strip()
            mineral = ctx.finder.resolve(name)
            if mineral or name in ("其它", "其他"):
                take(mineral or name, match, 2)
    if not values:
        return set()
    units = {key: "%" if key.endswith("pct") or key.endswith("pct_previous") else "个" for key in values}
    out.baseline.append(
        {"key": "mines", "year": year, "values": values, "units": units, "note": _short(text),
         "cite": ctx.cite(line)}
    )  # fmt: skip
    return used


def add_fact(reading: Reading, text: str, line: int, ctx: Context, out: Findings) -> None:
    """A number with a known metric stated as a fact of the base period."""
    q = reading.quantity
    label = reading.label if reading.label and len(reading.label) <= 8 else None
    name = reading.mineral or label or "total"
    key = reading.metric or "fact"
    value: float = q.low
    entry: Item = next(
        (
            b
            for b in out.baseline
            if b["key"] == key and b["cite"]["line"] == line and name not in b["values"]
        ),
        {},
    )
    if not entry:
        entry = {"key": key, "year": _year(text, ctx), "values": {}, "units": {}, "note": _short(text),
                 "cite": ctx.cite(line)}  # fmt: skip
        out.baseline.append(entry)
    entry["values"][name] = value
    entry["units"][name] = q.unit


def _year(text: str, ctx: Context) -> int:
    match = re.search(r"(?:截至|截止|到|至)\s*(\d{4})\s*年", text)
    return int(match.group(1)) if match else (ctx.base_year or 2020)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
