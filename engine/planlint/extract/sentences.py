"""Numbers in running text: targets and limits with their comparator, metric, mineral, unit and scope.

A sentence such as 全区建筑石料用灰岩年开采总量不超过1500万吨/年、砖瓦用页岩年开采总量不超过45万吨/年 is read
number by number. For each number with a unit: the comparator is the word just before it (不超过, 不低于,
达到, ≤ …) or just after its unit (以内, 以上, 左右); the metric is the metric name nearest before it in its
own clause, or, in a list (、), the one of the number before it; the mineral is the nearest mineral named
before it. In a baseline part of the document the same reading gives facts, not targets. A number with a
unit in a sentence about mining that is none of these is listed as unparsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planlint.extract import lexicon as lx
from planlint.extract.context import Context, Findings, Item

SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
RELEVANT = re.compile(r"矿|开采|勘查|采矿权|探矿权|区块|资源量|产值|产能|需求量|产量|储量")
_CLAUSE_BREAK = "，,；;：:。"
_NEGATION = re.compile(r"不再|不得|严禁|禁止|不予")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    low: float
    high: float | None
    unit: str
    symbol: str | None


@dataclass
class Reading:
    """One number read in context."""

    quantity: Quantity
    metric: str | None
    op: str
    approximate: bool
    mineral: str | None
    scope: Item
    label: str
    printed: bool = False
    end: int = 0  # where the reading ends in the sentence (after a mineral named after the number)
    present: bool = False  # the value a change starts from (由2020年的164个减少到…): a base-period fact


# NOTE: reading a number looks back over its sentence, so a sentence of n characters costs n². A "sentence"
# longer than this (a list, or an export without 。) is read in pieces cut at a clause break; the longest in
# the seed documents is 540 characters.
MAX_SENTENCE = 1000
_PIECE_BREAKS = "，,、：:"


def sentences(text: str) -> Iterator[tuple[int, str]]:
    for match in SENTENCE.finditer(text):
        if match.group(0).strip():
            yield from _pieces(match.start(), match.group(0))


def _pieces(start: int, sentence: str) -> Iterator[tuple[int, str]]:
    while len(sentence) > MAX_SENTENCE:
        cut = max(sentence.rfind(ch, 0, MAX_SENTENCE) for ch in _PIECE_BREAKS) + 1
        if cut <= 0:  # no clause break: cut, but never inside a number
            cut = MAX_SENTENCE
            while cut < len(sentence) and (sentence[cut].isdigit() or sentence[cut] == "."):
                cut += 1
        if sentence[:cut].strip():
            yield start, sentence[:cut]
        start, sentence = start + cut, sentence[cut:]
    if sentence.strip():
        yield start, sentence


def quantities(text: str) -> list[Quantity]:
    """Every number with a unit in the text, except years, dates, document numbers and ordinals."""
    found = []
    for match in lx.QUANTITY.finditer(text):
        low, high = match.group("low"), match.group("high")
        unit = re.sub(r"\s+", " ", match.group("unit")).strip()
        after = text[match.end() : match.end() + 1]
        before = text[match.start() - 1] if match.start() > 0 else ""
        if unit.startswith("年") and (_is_year(low) or (high and _is_year(high))):
            continue
        if (
            (unit in ("个", "年") and after and after in "月日度")
            or (before and before in "第〔[：:∶")
            or (after and after in "∶:")
        ):
            continue
        if before and (before.isdigit() or before == "."):
            continue
        symbol = match.group("pre")
        found.append(
            Quantity(
                match.start(),
                match.end(),
                lx.to_number(low),
                lx.to_number(high) if high else None,
                unit,
                symbol.strip() if symbol else None,
            )
        )
    return found


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", text))


def _comparator(window: str, after: str, symbol: str | None, before: str = "") -> tuple[str | None, bool]:
    """The comparator of a number from the words around it, and whether it is approximate (约, 左右)."""
    op = lx.COMPARATOR_SYMBOLS[symbol] if symbol else None
    stripped = window.rstrip()
    approximate = stripped.endswith(("约", "大约", "近")) or after.startswith("左右")
    stripped = stripped.removesuffix("约").removesuffix("大")
    if op is None:
        for word, word_op in lx.PRE_COMPARATORS:
            if stripped.endswith(word):
                op = word_op
                break
    for word, word_op in lx.POST_COMPARATORS:
        if after.startswith(word):
            if word in ("以下", "及以下") and _NEGATION.search(before or window):
                return ">=", approximate  # 不再新建5万吨/年以下: a floor
            if op in (None, "<=") or word_op == op:
                op = word_op
            break
    if approximate and op in (None, "<=") and not stripped.endswith(("不超过", "以内")):
        op = "=="  # 控制在160个左右: a stated size, not a cap
    return op, approximate


def _clause(sentence: str, end: int) -> str:
    start = max(sentence.rfind(ch, 0, end) for ch in _CLAUSE_BREAK) + 1
    return sentence[start:end]


def read_quantities(sentence: str, ctx: Context, topic: str | None, skip: set[int]) -> list[Reading]:
    """Read every number in a sentence (those whose start is in `skip` were read by another part)."""
    readings: list[Reading] = []
    previous: Reading | None = None
    previous_end = 0
    for quantity in quantities(sentence):
        if quantity.start in skip:
            previous_end = quantity.end
            continue
        reading = _read(sentence, quantity, previous, previous_end, ctx, topic)
        readings.append(reading)
        previous, previous_end = reading, max(quantity.end, reading.end)
    return readings


def _read(
    sentence: str, q: Quantity, previous: Reading | None, previous_end: int, ctx: Context, topic: str | None
) -> Reading:  # noqa: C901 - one number, many clues
    window = sentence[previous_end : q.start]
    after = sentence[q.end : q.end + 4]
    op, approximate = _comparator(window, after, q.symbol, sentence[: q.start])
    printed = op is not None
    found = lx.metric_in(window)
    if found is None and window.endswith("矿山") and q.unit in ("个", "家"):
        found = ("mine_count", len(window) - 2, len(window))  # 设置大型骨干矿山40个
    metric = found[0] if found else None
    inherited = False
    if metric is None and previous is not None and previous.metric and _continues_list(window, ctx):
        metric, inherited = previous.metric, True
        if op is None and previous.printed:
            op, printed = previous.op, True
    deposit = _deposit_scope(_clause(sentence, q.start))
    if metric is None and deposit and previous is not None and previous.metric in SCALE_METRICS:
        metric, inherited = previous.metric, True  # 大型矿床不低于20…，中型矿床不低于10…: one metric, scoped
    if metric is None and deposit and "/" in q.unit:  # 大型矿床不低于20万立方米/年: a scale by deposit size
        metric = "max_scale" if op in ("<=", "<") else "min_scale"
    if metric is None and "总量" in window and "开采" in sentence[: q.start]:
        metric = "extraction_total"
    if metric is None and ("规模" in window or after.lstrip("以上下").startswith("规模")):
        metric = "max_scale" if op in ("<=", "<") else "min_scale"
    if metric is None and op == ">=" and _NEGATION.search(window) and "新" in window:
        metric = "min_scale"
    negated = _NEGATION.search(sentence[: q.start]) is not None
    mineral, mineral_end = _mineral(sentence, window, q, metric, ctx, topic, inherited or negated)
    scope: Item = {}
    if metric in ("min_scale", "max_scale", "min_service_years"):
        mine = lx.scope_mine(sentence[: q.start])
        if mine == "existing":
            mine = lx.scope_mine(_clause(sentence, q.start))
        if mine:
            scope["mine"] = mine
        if deposit:
            scope["deposit"] = deposit
    region = max(ctx.regions, key=lambda r: sentence.rfind(r, 0, q.start), default=None)
    region = region if region and sentence.rfind(region, 0, q.start) >= 0 else None
    if region:
        scope["region"] = region
    if metric in SUBSET_METRICS and not (metric == "extraction_total" and mineral):
        subset = _subset(sentence, q, region, ctx) if not inherited else None
        if subset is None and previous is not None:
            subset = previous.scope.get("subset")
        elif subset is None and metric in MATERIAL_METRICS:
            subset = next((w for w in lx.MATERIAL_WORDS if w in ctx.line_text), None)
        if subset:
            scope["subset"] = subset
    label = _clause(sentence, q.start).strip()
    for word, _ in lx.PRE_COMPARATORS:
        label = label.removesuffix(word)
    if op is None and metric is not None:
        op = "==" if approximate else lx.DEFAULT_OP.get(metric, "==")
    if q.high is not None:
        op = "range"
    return Reading(
        q, metric, op or "==", approximate, mineral, scope, label.strip()[-30:], printed, mineral_end
    )


SCALE_METRICS = frozenset({"min_scale", "max_scale"})
_FROM = re.compile(r"由\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?\s*的?)?\s*$")
_NUMBER_UNIT = rf"{lx.NUMBER}\s*(?:{lx.UNIT_PATTERN})?"
_SCALE_LIST = re.compile(
    r"(?P<scales>(?:大|中|小)型?(?:[、，,和及与](?:大|中|小)型?){1,2})型?(?:矿床|矿山)?"
    r"(?P<what>[^，。；\d]{0,12}?)分别(?P<cmp>为|不低于|不少于|不小于|达到|不超过|不高于|不大于)?\s*"
    rf"(?P<numbers>{_NUMBER_UNIT}(?:\s*[、，,和及与]\s*{_NUMBER_UNIT})+)"
)
_ONE = re.compile(rf"({lx.NUMBER})\s*({lx.UNIT_PATTERN})?")


_PRESENT_WORDS = re.compile(r"现状|基期|截至|截止|目前|现有")
_AIM_WORDS = re.compile(r"目标|规划期末|预期|力争|较|比(?!例|重)|减少|增长|提高|增加|压减|下降")


def _states_present(sentence: str, reading: Reading, ctx: Context) -> bool:
    """'2020年全县共有矿山57个' / '大中型矿山比例现状为42.8%': a clause about the present, not an aim."""
    clause = _clause(sentence, reading.quantity.start)
    if _AIM_WORDS.search(clause) or (ctx.period_end and f"{ctx.period_end}年" in clause):
        return False
    if reading.printed and not clause.rstrip().endswith(("为", "是", "有")):
        return False  # 不超过/不低于…: a comparator makes it a target
    base = ctx.base_year
    return bool(_PRESENT_WORDS.search(clause) or (base and re.search(rf"{base}\s*年(?:底|末)?", clause)))


def respectively(sentence: str, ctx: Context, topic: str | None) -> tuple[list[Reading], set[int]]:
    """'大、中、小型矿山最低开采规模分别不低于20、10、5万吨/年': one value for each deposit scale, in order."""
    readings: list[Reading] = []
    used: set[int] = set()
    for match in _SCALE_LIST.finditer(sentence):
        scales = [lx.DEPOSIT_WORDS[w + "型"] for w in re.findall(r"(大|中|小)", match.group("scales"))]
        numbers = list(_ONE.finditer(match.group("numbers")))
        before = sentence[: match.start()]
        found = lx.metric_in(match.group("what")) or lx.metric_in(_clause(sentence, match.start()) or before)
        metric = found[0] if found else None
        if metric is None and "规模" in before + match.group("what"):
            metric = "min_scale"
        units = [re.sub(r"\s+", " ", n.group(2)).strip() for n in numbers if n.group(2)]
        if len(scales) != len(numbers) or metric not in SCALE_METRICS or not units:
            continue
        words = match.group("cmp") or ""
        op = next((o for w, o in lx.PRE_COMPARATORS if w == words), None) or lx.DEFAULT_OP.get(metric, "==")
        subject = before + match.group("what")
        minerals = ctx.finder.find_all(subject)
        mineral = _outside_zone(subject, minerals) if minerals else topic
        mine = lx.scope_mine(subject)
        offset = match.start("numbers")
        for scale, number in zip(scales, numbers, strict=True):
            start = offset + number.start()
            used.add(start)
            unit = re.sub(r"\s+", " ", number.group(2)).strip() if number.group(2) else units[-1]
            q = Quantity(start, offset + number.end(), lx.to_number(number.group(1)), None, unit, None)
            scope: Item = {"mine": mine} if mine and mine != "existing" else {}
            scope["deposit"] = scale
            readings.append(Reading(q, metric, op, False, mineral, scope, match.group(0)[:30], bool(words)))
    return readings, used


_DEPOSIT = re.compile(r"(大型|中型|小型)(?:矿床|规模矿床|矿山)?(?:的)?\s*$")


def _deposit_scope(clause: str) -> str | None:
    """'大型矿床不低于': the deposit scale a minimum scale is set for (the words just before the comparator)."""
    text = clause.rstrip()
    for word, _ in lx.PRE_COMPARATORS:
        if text.endswith(word):
            text = text.removesuffix(word)
            break
    match = _DEPOSIT.search(text)
    return lx.DEPOSIT_WORDS[match.group(1)] if match else None


SUBSET_METRICS = frozenset(
    {"mine_count", "production_capacity", "production", "demand", "supply_gap", "extraction_total"}
)
MATERIAL_METRICS = frozenset({"production_capacity", "production", "demand", "supply_gap"})
_SUBJECT_NOISE = re.compile(
    r"^(?:(?:至|到|预计到|预计至|力争到)?\d{4}年(?:底|末)?|全区|全县|全市|全省|全国)+|设置|划定|规划|预计|控制在|共有|现有|拥有|共|的|其中"
)


def _subset(sentence: str, q: Quantity, region: str | None, ctx: Context) -> str | None:
    """The kind of mines or material a figure is about, from the clause's subject (集中开采区外设置大型骨干矿山40个)."""
    window = _clause(sentence, q.start)
    local = lx.metric_in(window)
    if local is not None:
        subject = window[: local[1]]
    elif window.endswith("矿山"):
        subject = window
    else:
        return None
    if region:
        subject = subject.replace(region, "")
    for name, _, _ in ctx.finder.find_all(subject):
        subject = subject.replace(name, "")
    for _ in range(3):
        subject = _SUBJECT_NOISE.sub("", subject).strip()
    for stop in lx.SUBSET_STOP:
        subject = subject.removeprefix(stop)
    return subject if len(subject) >= 2 and subject not in ("矿山", "矿山企业") else None


def _continues_list(window: str, ctx: Context, limit: int = 2) -> bool:
    """'、砖瓦用粘土' or '，其中建筑用石料': the window only names a mineral, so the list goes on."""
    residue = window
    for name, _, _ in ctx.finder.find_all(window):
        residue = residue.replace(name, "")
    residue = re.sub(r"[、，,和及与]|其中|分别为|为|矿|年", "", residue)
    for word, _ in lx.PRE_COMPARATORS:
        residue = residue.replace(word, "")
    return len(residue.strip()) <= limit


def _mineral(
    sentence: str,
    window: str,
    q: Quantity,
    metric: str | None,
    ctx: Context,
    topic: str | None,
    after_ok: bool,
) -> tuple[str | None, int]:
    """The mineral a number is about, and where its mention ends when it is named after the number."""
    own = ctx.finder.find_all(window)
    if own:
        return _outside_zone(window, own), 0
    if after_ok:
        skip = re.match(r"(以下|以上|及以下|及以上|的)?", sentence[q.end :])
        start = q.end + (skip.end() if skip else 0)
        near = [m for m in ctx.finder.find_all(sentence[start : start + 16]) if m[1] == 0]
        if near:
            return near[0][0], start + near[0][2]
    if metric in lx.PLAN_WIDE:
        return None, 0
    before = ctx.finder.find_all(sentence[: q.start])
    if before:
        return _outside_zone(sentence[: q.start], before), 0
    return topic, 0


def _outside_zone(text: str, found: list[tuple[str, int, int]]) -> str | None:
    """The last mineral named that is not part of a zone name (锶矿重点勘查区)."""
    for name, _, end in reversed(found):
        rest = text[end : end + 8]
        if not any(rest.startswith(suffix) for suffix, _ in lx.ZONE_SUFFIXES):
            return name
    return found[-1][0]


def indicator(reading: Reading, ctx: Context, sentence: str, line: int, table: str | None = None) -> Item:
    q = reading.quantity
    item: Item = {"metric": reading.metric}
    if reading.mineral:
        item["mineral"] = reading.mineral
    value: object = [q.low, q.high] if q.high is not None else q.low
    attribute = "binding" if "约束性" in sentence else "expected" if "预期性" in sentence else "unspecified"
    item.update(
        {"op": reading.op, "value": value, "unit": q.unit, "basis": _basis(q.unit), "attribute": attribute}
    )
    if ctx.period_end and f"{ctx.period_end}年" in sentence:
        item["year"] = ctx.period_end
    if reading.scope:
        item["scope"] = dict(reading.scope)
    if reading.label:
        item["label"] = reading.label
    if reading.approximate:
        item["note"] = "printed as approximate (约/左右)"
    item["_op_printed"] = reading.printed
    item["cite"] = ctx.cite(line, table)
    return item


def _basis(unit: str) -> str:
    for word, basis in (("矿石", "ore"), ("原矿", "ore"), ("金属", "metal"), ("矿物", "mineral")):
        if unit.startswith(word):
            return basis
    return "none"


def parse_fragment(text: str, line: int, ctx: Context, context: Item, table: str | None) -> list[Item]:
    """Targets in a short text such as a table's remark cell (可开采储量＞5年), with the row as context."""
    items = []
    for _, sentence in sentences(text):
        for reading in read_quantities(sentence, ctx, context.get("mineral"), set()):
            if reading.metric is None:
                continue
            if context.get("mineral") and not reading.mineral:
                reading.mineral = context["mineral"]
            if context.get("mine") and "mine" not in reading.scope:
                reading.scope["mine"] = context["mine"]
            item = indicator(reading, ctx, sentence, line, table)
            item["attribute"] = context.get("attribute", item["attribute"])
            items.append(item)
    return items


# In a baseline part, facts that are not plan metrics: stated resources, deposits, areas, money spent.
FACT_WORDS: tuple[tuple[str, str], ...] = (
    ("资源量", "resources"), ("资源储量", "resources"), ("矿产地", "deposits"), ("矿种", "minerals"),
    ("矿产", "minerals"), ("面积", "area"), ("投入", "investment"), ("资金", "investment"),
    ("矿石总量", "ore_mined"), ("矿石量", "ore_mined"), ("绿色矿山", "green_mines"), ("探矿权", "exploration_rights"),
    ("采矿权", "mining_rights"), ("达标率", "three_rates_compliance"),
)  # fmt: skip


def fact_key(sentence: str, q: Quantity) -> str | None:
    """What a base-period number counts, from the words of its clause (查明芒硝资源量1170.2万吨 → resources)."""
    clause = _clause(sentence, q.start) + sentence[q.end : q.end + 4]
    best = None
    for word, key in FACT_WORDS:
        index = clause.rfind(word)
        if index >= 0 and (best is None or index > best[0]):
            best = (index, key)
    return best[1] if best else None


def read_body_sentence(
    sentence: str,
    line: int,
    ctx: Context,
    out: Findings,
    topic: str | None,
    skip: set[int],
    baseline: bool = False,
) -> list[Reading]:
    """Read a sentence of body text: targets become indicators; what is not understood, unparsed."""
    listed, used = respectively(sentence, ctx, topic)
    readings = listed + read_quantities(sentence, ctx, topic, skip | used)
    kept: list[Reading] = []
    for reading in readings:
        if _FROM.search(sentence[: reading.quantity.start]) or _states_present(sentence, reading, ctx):
            reading.present = True
        q = reading.quantity
        clause = _clause(sentence, q.end)
        if reading.metric is None and baseline:
            key = fact_key(sentence, q)
            last = kept[-1] if kept else None
            if (
                key is None
                and last is not None
                and _continues_list(sentence[last.quantity.end : q.start], ctx, 3)
            ):
                key = last.metric
                window = sentence[last.quantity.end : q.start]
                if not reading.mineral or reading.mineral not in window:
                    part = re.sub(r"[、，,和及与：:]|其中", "", window).strip()
                    reading.label = part if 0 < len(part) <= 8 else reading.label
            if key:
                reading.metric = key
                kept.append(reading)
                continue
        if reading.metric is None:
            if RELEVANT.search(clause) or RELEVANT.search(sentence[max(0, q.start - 20) : q.end + 10]):
                out.skip(
                    line,
                    sentence[max(0, q.start - 24) : q.end + 6],
                    "a number whose meaning was not recognised",
                )
            continue
        kept.append(reading)
    return kept
