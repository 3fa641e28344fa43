"""The words plans use: numbers, comparators, metric names, scopes, attributes, and mineral mentions.

Everything here is vocabulary of the genre (矿产资源总体规划), never of one document. Metric names map to the
metrics in `rules/vocabulary/metrics.yaml`; mineral names are found through the mineral vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from planlint.numerals import chinese_numeral
from planlint.units import TIME_WORDS, UNIT_WORDS, known_unit
from planlint.vocabulary import Vocabulary, normalise_name

NUMBER = r"\d+(?:\.\d+)?"
RANGE_DASH = "—–~～－至到\\-"
_RANGE = re.compile(rf"^({NUMBER})\s*[{RANGE_DASH}]+\s*({NUMBER})$")
COMPARATOR_SYMBOLS = {"≤": "<=", "≦": "<=", "<=": "<=", "≥": ">=", "≧": ">=", ">=": ">=",
                       "＜": "<", "<": "<", "＞": ">", ">": ">"}  # fmt: skip
_SYMBOL_VALUE = re.compile(rf"^(≤|≦|<=|≥|≧|>=|＜|<|＞|>)\s*({NUMBER})$")
_SLASH_VALUE = re.compile(rf"^{NUMBER}(?:\s*/\s*{NUMBER})+$")

# Comparator words before a number, longest first where one contains another.
PRE_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("不得低于", ">="), ("不低于", ">="), ("不得少于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("不得突破", "<="), ("不突破", "<="), ("不得超过", "<="), ("不超过", "<="), ("不高于", "<="), ("不大于", "<="), ("不多于", "<="),
    ("提高至", ">="), ("提高到", ">="), ("提升至", ">="), ("提升到", ">="), ("增加到", ">="), ("增至", ">="),
    ("达到", ">="), ("超过", ">"), ("突破", ">"), ("高于", ">"), ("大于", ">"), ("多于", ">"),
    ("减少至", "<="), ("减少到", "<="), ("压减至", "<="), ("压减到", "<="), ("控制在", "<="),
    ("低于", "<"), ("小于", "<"), ("少于", "<"),
    *COMPARATOR_SYMBOLS.items(),
)  # fmt: skip
POST_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<="), ("之内", "<="),
)  # fmt: skip

# Metric names as printed, longest first; each maps to a metric in metrics.yaml.
METRIC_WORDS: tuple[tuple[str, str], ...] = (
    ("最低开采规模", "min_scale"), ("最低生产规模", "min_scale"), ("最小开采规模", "min_scale"),
    ("最低准入规模", "min_scale"), ("单矿山生产规模", "max_scale"), ("单矿山开采规模", "max_scale"),
    ("单个矿山生产规模", "max_scale"), ("最大开采规模", "max_scale"), ("最大生产规模", "max_scale"),
    ("可开采年限", "min_service_years"), ("服务年限", "min_service_years"), ("可开采储量", "min_service_years"),
    ("大中型矿山比例", "large_medium_ratio"), ("大中型矿山占比", "large_medium_ratio"),
    ("大中型矿山比重", "large_medium_ratio"), ("绿色矿山比例", "green_mine_ratio"),
    ("新增查明资源量", "new_resources"), ("新增资源储量", "new_resources"), ("新增资源量", "new_resources"),
    ("新增探明地质储量", "new_resources"), ("大中型矿产地", "new_deposits"), ("新发现矿产地", "new_deposits"),
    ("年开采总量", "extraction_total"), ("开采总量", "extraction_total"), ("年开采量", "extraction_total"),
    ("开采量", "extraction_total"), ("矿山企业总数", "mine_count"), ("矿山总数", "mine_count"),
    ("矿山数量", "mine_count"), ("矿山数", "mine_count"), ("采矿权总数", "mine_count"),
    ("采矿权数量", "mine_count"), ("矿山个数", "mine_count"),
    ("矿业总产值", "output_value"), ("矿业产值", "output_value"), ("矿山工业总产值", "output_value"),
    ("开采回采率", "recovery_rate"), ("选矿回收率", "processing_recovery_rate"),
    ("综合利用率", "comprehensive_utilization_rate"), ("需求量", "demand"), ("规划产能", "production_capacity"),
    ("产能", "production_capacity"), ("产量", "production"), ("缺口量", "supply_gap"),
)  # fmt: skip
METRIC_WORDS = tuple(sorted(METRIC_WORDS, key=lambda item: -len(item[0])))

# The comparator a bare number in a table cell carries, by metric: caps and floors.
DEFAULT_OP: dict[str, str] = {
    "extraction_total": "<=", "mine_count": "<=", "max_scale": "<=", "zone_count": "<=", "block_count": "<=",
    "min_scale": ">=", "large_medium_ratio": ">=", "min_service_years": ">=", "new_resources": ">=",
    "new_deposits": ">=", "output_value": ">=", "green_mine_ratio": ">=", "recovery_rate": ">=",
    "processing_recovery_rate": ">=", "comprehensive_utilization_rate": ">=",
}  # fmt: skip
# The unit a metric is stated in when the document prints none.
DEFAULT_UNIT: dict[str, str] = {
    "mine_count": "个", "new_deposits": "处", "large_medium_ratio": "%", "green_mine_ratio": "%",
    "min_service_years": "年", "zone_count": "个", "block_count": "个", "recovery_rate": "%",
    "processing_recovery_rate": "%", "comprehensive_utilization_rate": "%",
}  # fmt: skip
# The dimension a metric's unit must have (pint dimensionality strings, rate or not).
METRIC_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "mine_count": ("[item]",), "new_deposits": ("[item]",), "zone_count": ("[item]",),
    "block_count": ("[item]",), "large_medium_ratio": ("dimensionless",), "green_mine_ratio": ("dimensionless",),
    "recovery_rate": ("dimensionless",), "processing_recovery_rate": ("dimensionless",),
    "comprehensive_utilization_rate": ("dimensionless",), "min_service_years": ("[time]",),
    "output_value": ("[currency]",), "area": ("[length] ** 2",),
}  # fmt: skip
PLAN_WIDE = frozenset(
    {"mine_count", "large_medium_ratio", "green_mine_ratio", "output_value", "new_deposits"}
)

ATTRIBUTES = {"约束性": "binding", "预期性": "expected", "约束": "binding", "预期": "expected"}
DEPOSIT_WORDS = {"大型": "large", "中型": "medium", "小型": "small"}
NEW_WORDS = ("新设", "新建", "新立")
EXPANSION_WORDS = ("整合", "扩能", "扩建", "增划", "改扩建", "扩大")
EXISTING_WORDS = ("已设", "现有", "生产矿山")
ZONE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("重点勘查区", "key_exploration"), ("重点开采区", "key_mining"), ("集中开采区", "concentrated_mining"),
    ("勘查规划区块", "exploration_block"), ("开采规划区块", "mining_block"), ("勘查区块", "exploration_block"),
    ("开采区块", "mining_block"), ("国家规划矿区", "national_planned_area"), ("能源资源基地", "energy_base"),
    ("战略性矿产资源储备区", "strategic_reserve"), ("储备区", "reserve"), ("保护区", "reserve"),
)  # fmt: skip
SUBSET_STOP = ("全区", "全县", "全市", "全省", "全国", "全部", "主要", "重点", "规划", "各类", "持证", "全")
# Words for a kind of material that is not one mineral (what a demand or capacity figure is about).
MATERIAL_WORDS = ("建筑用砂石土", "建筑砂石", "砂石土", "砂石", "建材")

_UNIT_ALTERNATIVES = "|".join(re.escape(w) for w in sorted(UNIT_WORDS, key=len, reverse=True) if w != "t")
_TIME_ALTERNATIVES = "|".join(re.escape(w) for w in TIME_WORDS)
_BASIS = r"(?:矿石量?|金属量?|矿物量?|原矿)?"
UNIT_PATTERN = rf"{_BASIS}\s*(?:{_UNIT_ALTERNATIVES})(?:\s*/\s*(?:{_TIME_ALTERNATIVES}))?"
# A number (or range) with its unit, as in running text: 1500万吨/年, 10—15处, 90%, 1~2处.
# NOTE: (?<![\d.]) starts a match only where a number starts (quantities() drops the others anyway): without
# it a run of n digits with no unit costs n² (each start inside the run scans to its end).
QUANTITY = re.compile(
    rf"(?<![\d.])(?P<pre>[≤≦≥≧＜＞<>]\s*)?(?P<low>{NUMBER})(?:\s*(?P<dash>[{RANGE_DASH}]+)\s*(?P<high>{NUMBER}))?"
    rf"\s*(?P<unit>{UNIT_PATTERN})"
)


@dataclass(frozen=True)
class Value:
    """A printed value understood: comparator (if printed), number or [low, high]."""

    op: str | None
    value: float | tuple[float, float]


def to_number(text: str) -> float:
    number = float(text)
    return int(number) if number.is_integer() else number  # type: ignore[return-value]


def cjk_number(text: str) -> int | None:
    """一 → 1, 十二 → 12; None for anything else."""
    if text.isdigit():
        return int(text)
    return chinese_numeral(text)


def parse_value(text: str) -> Value | None:
    """A table cell as a value: '1500', '10—15', '＜45', '≥40', '9.00'; None when it is not one."""
    cell = text.strip().replace(" ", "").replace(",", "")
    if re.fullmatch(NUMBER, cell):
        return Value(None, to_number(cell))
    match = _RANGE.match(cell)
    if match:
        low, high = to_number(match.group(1)), to_number(match.group(2))
        return Value("range", (low, high)) if low <= high else None
    match = _SYMBOL_VALUE.match(cell)
    if match:
        return Value(COMPARATOR_SYMBOLS[match.group(1)], to_number(match.group(2)))
    return None


def slash_values(text: str) -> list[float] | None:
    """'100/50' → [100, 50]: one cell holding values for several cases."""
    cell = text.strip().replace(" ", "")
    if _SLASH_VALUE.match(cell):
        return [to_number(part) for part in cell.split("/")]
    return None


def is_empty_value(text: str) -> bool:
    """'/', '-', '—': a cell that states there is no value."""
    return text.strip() in {"/", "-", "—", "－", "／", "无", "——"}


def attribute_of(text: str) -> str | None:
    cell = text.strip().replace(" ", "")
    return ATTRIBUTES.get(cell)


def is_unit(text: str) -> bool:
    cell = text.strip()
    return (
        bool(cell)
        and not re.search(r"\d", cell.replace("m3", "").replace("km2", "").replace("m2", ""))
        and (known_unit(cell))
    )


# Metric names with a mineral written inside them: 新增地热资源量, 资源量新增, 建筑石料用灰岩年开采总量.
METRIC_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"新增[^，。；、\d]{0,10}?(?:查明)?资源(?:储)?量|资源量新增"), "new_resources"),
    (re.compile(r"新发现[^，。；\d]{0,6}?矿产地"), "new_deposits"),
    (re.compile(r"其余$|缺口$"), "supply_gap"),
)


def metric_in(text: str) -> tuple[str, int, int] | None:
    """The last metric name in the text: (metric, start, end)."""
    best: tuple[str, int, int] | None = None
    candidates = [(metric, text.rfind(word), len(word)) for word, metric in METRIC_WORDS]
    for pattern, metric in METRIC_PATTERNS:
        for match in pattern.finditer(text):
            candidates.append((metric, match.start(), match.end() - match.start()))
    for metric, index, length in candidates:
        if index >= 0 and (
            best is None or index > best[1] or (index == best[1] and index + length > best[2])
        ):
            best = (metric, index, index + length)
    return best


def metric_of_label(text: str) -> str | None:
    found = metric_in(text)
    return found[0] if found else None


def scope_mine(text: str) -> str | None:
    """new / expansion / existing from the words of a row label or clause."""
    if any(word in text for word in EXPANSION_WORDS):
        return "expansion"
    if any(word in text for word in NEW_WORDS):
        return "new"
    if any(word in text for word in EXISTING_WORDS):
        return "existing"
    return None


def subset_of_label(label: str, metric: str) -> str | None:
    """The kind of mines a row is limited to: 非油气矿山数量 → 非油气; 砂石土矿山数量 → 砂石土."""
    if metric not in {"mine_count", "large_medium_ratio"}:
        return None
    found = metric_in(label)
    if not found:
        return None
    prefix = label[: found[1]].strip()
    if metric == "large_medium_ratio":
        prefix = prefix.removesuffix("大中型")
    for stop in SUBSET_STOP:
        prefix = prefix.removeprefix(stop)
    return prefix if 2 <= len(prefix) <= 6 else None


def zone_kind(name: str) -> str | None:
    for suffix, kind in ZONE_SUFFIXES:
        if name.endswith(suffix):
            return kind
    return None


class MineralFinder:
    """Find and resolve mineral names in text through the vocabulary."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        spellings = {s for m in self.vocabulary.minerals.values() for s in (m.name, *m.aliases)}
        ordered = sorted(spellings, key=len, reverse=True)
        return re.compile("|".join(re.escape(s) for s in ordered))

    def resolve(self, text: str) -> str | None:
        """The printed name, or the shortest change of it, that the vocabulary knows (金矿（岩金） → 金矿)."""
        cell = re.sub(r"\s+", "", text)
        if not cell:
            return None
        candidates = [cell, re.sub(r"[（(][^）)]*[）)]", "", cell)]
        candidates += [c.removesuffix("矿") for c in candidates if c.endswith("矿") and len(c) > 2]
        inner = re.findall(r"[（(]([^）)]*)[）)]", cell)
        for candidate in candidates + inner:
            if candidate and self.vocabulary.resolve(candidate) is not None:
                return candidate
        return None

    def canonical(self, name: str) -> str | None:
        mineral = self.vocabulary.resolve(name)
        return mineral.name if mineral else None

    def find_all(self, text: str) -> list[tuple[str, int, int]]:
        """Every mineral named in running text: (name as printed, start, end)."""
        found = []
        for match in self._pattern.finditer(text):
            name, start, end = match.group(0), match.start(), match.end()
            if len(normalise_name(name)) == 1 and not _single_character_ok(text, start, end):
                continue
            found.append((name, start, end))
        return found


_AFTER_ONE_CHARACTER = (
    "开采总量",
    "年开采",
    "资源量",
    "最低开采规模",
    "矿山",
    "新建",
    "新设",
    "大、中",
    "大中型",
)


def _single_character_ok(text: str, start: int, end: int) -> bool:
    """A one-character mineral (金, 铁, 煤) only in a list or before 矿: not in 资金, 铁路, 煤炭 words."""
    before = text[start - 1] if start > 0 else "，"
    after = text[end] if end < len(text) else "。"
    if after == "矿" or text.startswith(_AFTER_ONE_CHARACTER, end):
        return True
    return before in "、，,：:（(；;和及与" and after in "、，,。；;和及与等）)矿"
