"""Counts stated in text: planned blocks (勘查/开采规划区块) with their breakdowns, and zones (划定9个重点勘查区).

规划开采区块33个，其中已设采矿权保留12个（砖瓦用页岩3个、…），已设采矿权调整12个（…），空白区新设9个（…）
gives a count `mining_blocks` 33 with parts {retained: 12, adjusted: 12, new: 9}, and a count per part with
its parts by mineral. A range of zones to build (重点建设1~2处…重点开采区) is a `zone_count` target.
"""

from __future__ import annotations

import re

from planlint.extract import lexicon as lx
from planlint.extract.context import Context, Findings, Item

BLOCK_NOUN = r"(?:勘查规划区块|开采规划区块|规划开采区块|规划勘查区块|勘查区块|开采区块)"
_ZONE_ALT = "|".join(re.escape(s) for s, _ in lx.ZONE_SUFFIXES if "区块" not in s)
# NOTE: every number starts where a digit (or numeral) run starts, (?<!\d): the matches are the same, but a
# long run of digits no longer costs n² (each start inside the run scanned to its end and failed).
_NUM = r"((?<!\d)\d+|(?<![一二两三四五六七八九十])[一二两三四五六七八九十]+)"
BLOCK_TOTAL = re.compile(
    rf"(?:(?P<noun>{BLOCK_NOUN})\s*(?P<n1>\d+)\s*个|(?<!\d)(?P<n2>\d+)\s*个\s*(?P<noun2>{BLOCK_NOUN}))"
)
ZONE_COUNT = re.compile(
    rf"(?:{_NUM}\s*[个处](?P<between>[^，。；、]{{0,16}}?)(?P<suffix>{_ZONE_ALT})|(?P<suffix2>{_ZONE_ALT})\s*(?P<n2>\d+)\s*[个处])"
)
ZONE_RANGE = re.compile(
    rf"(?<!\d)(\d+)\s*[~～—\-至到]\s*(\d+)\s*[个处](?P<between>[^。；]{{0,30}}?)(?P<suffix>{_ZONE_ALT})"
)
_PART = re.compile(r"([^，,、；;。（）()：:]{1,30}?)(?<!\d)(\d+)\s*个")
PART_KEYS = (("保留", "retained"), ("调整", "adjusted"), ("整合", "integrated"), ("新设", "new"))


def parse_counts(text: str, line: int, ctx: Context, out: Findings) -> set[int]:
    """Counts in one line; returns the positions of the numbers it used (so they are not read again)."""
    used: set[int] = set()
    for match in ZONE_RANGE.finditer(text):
        _zone_range(match, text, line, ctx, out)
        used.update({match.start(1), match.start(2)})
    for match in ZONE_COUNT.finditer(text):
        start = match.start(1) if match.group(1) else match.start("n2")
        if start in used:
            continue
        number = lx.cjk_number(match.group(1) or match.group("n2"))
        suffix = match.group("suffix") or match.group("suffix2")
        kind = lx.zone_kind(suffix)
        if number is None or kind is None:
            continue
        out.counts.append(
            {"key": f"{kind}_zones", "total": number, "unit": "个", "note": _shorten(match.group(0)),
             "cite": ctx.cite(line)}
        )  # fmt: skip
        used.add(start)
    matches = list(BLOCK_TOTAL.finditer(text))
    index = 0
    while index < len(matches):
        match = matches[index]
        noun = match.group("noun") or match.group("noun2")
        key = "exploration_blocks" if "勘查" in noun else "mining_blocks"
        number_start = match.start("n1") if match.group("n1") else match.start("n2")
        total = int(match.group("n1") or match.group("n2"))
        end = _parts_end(text, match.end())
        parts, sub_counts, part_starts = _parts(text[match.end() : end], match.end(), ctx)
        count: Item = {"key": key, "total": total}
        if parts:
            count["parts"] = parts
        count.update({"unit": "个", "note": _shorten(text[match.start() : end]), "cite": ctx.cite(line)})
        out.counts.append(count)
        for part_key, (part_total, part_parts) in sub_counts.items():
            out.counts.append(
                {"key": f"{key}_{part_key}", "total": part_total, "parts": part_parts, "unit": "个",
                 "cite": ctx.cite(line)}
            )  # fmt: skip
        used.add(number_start)
        used.update(part_starts)
        index += 1
        while index < len(matches) and matches[index].start() < end:
            index += 1  # a part already read ('…的勘查规划区块16个')
    return used


def _zone_range(match: re.Match[str], text: str, line: int, ctx: Context, out: Findings) -> None:
    low, high = int(match.group(1)), int(match.group(2))
    minerals = ctx.finder.find_all(match.group("between"))
    item: Item = {"metric": "zone_count"}
    if minerals:
        item["mineral"] = minerals[-1][0]
    unit = text[match.end(2) :].lstrip()[:1]
    item.update(
        {"op": "range", "value": [low, high], "unit": unit, "basis": "none", "attribute": "unspecified"}
    )
    if ctx.period_end and f"{ctx.period_end}年" in text:
        item["year"] = ctx.period_end
    item["label"] = _shorten(match.group("between").strip("的") + match.group("suffix"), 30)
    item["cite"] = ctx.cite(line)
    out.indicators.append(item)


def _parts_end(text: str, start: int) -> int:
    """Where a count's breakdown ends: the sentence end, or the end of a following 其中… sentence."""
    end = text.find("。", start)
    end = len(text) if end < 0 else end
    while re.match(r"其中|(?:开采|勘查)?矿种(?:主要)?为|包括", text[end + 1 : end + 8]):
        following = text.find("。", end + 1)
        end = len(text) if following < 0 else following
    return end


def _parts(
    segment: str, offset: int, ctx: Context
) -> tuple[dict[str, int], dict[str, tuple[int, dict[str, int]]], set[int]]:
    parts: dict[str, int] = {}
    subs: dict[str, tuple[int, dict[str, int]]] = {}
    starts: set[int] = set()
    depth_free = re.sub(r"[（(][^（）()]*[)）]", lambda m: "\0" * len(m.group(0)), segment)
    for match in _PART.finditer(depth_free):
        label = re.sub(r"^(其中|包括|分别为|为|，|,)+", "", match.group(1).replace("\0", "")).strip()
        if not label:
            continue
        key = _part_key(label, ctx)
        parts[key] = int(match.group(2))
        starts.add(offset + match.start(2))
        paren = re.match(r"\s*[（(]([^（）()]*)[)）]", segment[match.end() :])
        if paren:
            inner_offset = offset + match.end() + paren.start(1)
            breakdown, inner_starts = _breakdown(paren.group(1), inner_offset, ctx)
            if breakdown:
                subs[key] = (int(match.group(2)), breakdown)
                starts.update(inner_starts)
    return parts, subs, starts


def _breakdown(text: str, offset: int, ctx: Context) -> tuple[dict[str, int], set[int]]:
    """'砖瓦用页岩3个、建筑石料用灰岩5个' or '建筑石料用灰岩、地热和砂岩矿各1个' → {mineral: n}."""
    result: dict[str, int] = {}
    starts: set[int] = set()
    each = re.search(r"各\s*(\d+)\s*个", text)
    if each:
        for name, _, _ in ctx.finder.find_all(text[: each.start()]):
            result[name] = int(each.group(1))
        starts.add(offset + each.start(1))
        return result, starts
    for match in _PART.finditer(text):
        minerals = ctx.finder.find_all(match.group(1))
        key = minerals[-1][0] if minerals else re.sub(r"^(其中|新设|整合)", "", match.group(1)).strip("，、 ")
        if key:
            result[key] = int(match.group(2))
            starts.add(offset + match.start(2))
    return result, starts


def _part_key(label: str, ctx: Context) -> str:
    for word, key in PART_KEYS:
        if word in label:
            return key
    minerals = ctx.finder.find_all(label)
    if minerals:
        return minerals[-1][0]
    return label[-16:]


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
