"""The plan's identity: title, jurisdiction, period, stage, issuer, date, level, and the regions it defines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planlint.extract.reader import Document

PLAN_WORD = "矿产资源总体规划"
_PERIOD = re.compile(r"[（(]\s*(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*年?\s*[）)]")
_DATE = re.compile(r"(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?")
_ISSUER = re.compile(
    r"(人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|自然资源局|自然资源厅|规划自然资源局|委员会|局|厅)$"
)
_DRAFT = ("报批稿", "征求意见稿", "送审稿", "草案", "决策草案")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_REGIONS = re.compile(r"按照(.{4,80}?)等\s*(\d+|[一二三四五六七八九十])\s*个区域")


@dataclass
class Meta:
    title: str | None = None
    title_line: int | None = None
    name: str | None = None
    jurisdiction: str | None = None
    start: int | None = None
    end: int | None = None
    base: int | None = None
    outlook: int | None = None
    stage: str = "issued"
    issuer: str | None = None
    date: str | None = None
    level: str | None = None
    defines_regions: list[str] = field(default_factory=list)
    guessed: list[str] = field(default_factory=list)


def read_meta(document: Document) -> Meta:
    meta = Meta()
    lines = [line.strip().lstrip("#>*").rstrip("*").strip() for line in document.lines]  # markdown markup off
    _title(lines, meta)
    text = "\n".join(lines)
    if meta.start is None:
        period = re.search(r"规划期为?\s*(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*年", text)
        if period:
            meta.start, meta.end = int(period.group(1)), int(period.group(2))
    base = re.search(r"以\s*(\d{4})\s*年为基期|基期为\s*(\d{4})\s*年", text)
    if base:
        meta.base = int(base.group(1) or base.group(2))
    elif meta.start:
        meta.base = meta.start - 1
        meta.guessed.append(f"period.base {meta.base} (the year before the period: no 基期 stated)")
    outlook = re.search(r"展望(?:到|至)\s*(\d{4})\s*年", text)
    if outlook:
        meta.outlook = int(outlook.group(1))
    head = "\n".join(lines[: (meta.title_line or 1) + 12])
    if any(word in (meta.title or "") or word in head for word in _DRAFT):
        meta.stage = "draft"
    _issuer_and_date(lines, meta)
    meta.level = _level(meta.jurisdiction)
    regions = _REGIONS.search(text)
    if regions:
        meta.defines_regions = [r.strip() for r in re.split("[、，,]", regions.group(1)) if r.strip()]
    return meta


def _title(lines: list[str], meta: Meta) -> None:
    """A line that is the title (possibly with the period on the next line); else the 制定《…》 self-reference."""
    for index, line in enumerate(lines[:80]):
        text = re.sub(r"\s+", "", line)
        place = text.split(PLAN_WORD)[0]
        if PLAN_WORD not in text or len(text) > 60 or not place or re.search(r"[，。、：《》“”]", place):
            continue
        if place.startswith("关于") or text.endswith("通知") or "印发" in text:
            continue
        following = next((re.sub(r"\s+", "", x) for x in lines[index + 1 : index + 3] if x.strip()), "")
        if not _PERIOD.search(text) and _PERIOD.fullmatch(following):
            text += following
        _set_title(meta, text, index + 1)
        return
    for index, line in enumerate(lines):
        match = re.search(rf"(?:制定|编制|编写)《([^《》]*{PLAN_WORD}[^《》]*)》", line)
        if match:
            _set_title(meta, match.group(1), index + 1)
            meta.guessed.append(f"name (from line {index + 1}, which names the plan: no title line)")
            return


def _set_title(meta: Meta, title: str, line: int) -> None:
    meta.title, meta.title_line = title, line
    period = _PERIOD.search(title)
    if period:
        meta.start, meta.end = int(period.group(1)), int(period.group(2))
    base_name = title.split(PLAN_WORD)[0]
    meta.jurisdiction = base_name or None
    name = base_name + PLAN_WORD
    if period:
        name += "（" + period.group(0)[1:-1].strip() + "）"
    meta.name = name


def _issuer_and_date(lines: list[str], meta: Meta) -> None:
    start = max(0, (meta.title_line or 1) - 15)
    window = range(start, min(len(lines), (meta.title_line or 1) + 15))
    date_line = None
    for index in window:
        match = _DATE.fullmatch(lines[index].replace(" ", ""))
        if match:
            year, month, day = (int(g) for g in match.groups())
            meta.date = f"{year:04d}-{month:02d}-{day:02d}"
            date_line = index
            break
    candidates = [i for i in window if _is_issuer(lines[i])]
    if date_line is not None:
        candidates.sort(key=lambda i: abs(i - date_line))
    if candidates:
        meta.issuer = re.sub(r"\s+", "", lines[candidates[0]])


def _is_issuer(line: str) -> bool:
    text = re.sub(r"\s+", "", line)
    return 2 < len(text) <= 30 and bool(_ISSUER.search(text)) and not re.search(r"[，。、：《》]", text)


def _level(jurisdiction: str | None) -> str | None:
    if not jurisdiction:
        return None
    if jurisdiction in ("全国", "中国", "国家"):
        return "national"
    if jurisdiction.endswith(("省", "自治区")) or jurisdiction in _MUNICIPALITIES:
        return "province"
    if jurisdiction.endswith(("县", "区", "旗", "县级市")):
        return "county"
    if jurisdiction.endswith(("市", "州", "盟", "地区")):
        return "city"
    return None
