"""The outline of a document: which section each line is in, and whether it describes the base period.

Headings are numbered in the usual ways (一、 / 第一章 / （一） / 第一节 / 1． / （1）) or are short centred lines.
A heading about the present state (现状, 成效, 概况, 发展基础) opens a *baseline* part, whose numbers are
facts of the base period, not targets; a heading about aims or measures (目标, 布局, 开发利用 ...) closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CHAPTER = re.compile(r"^(?:第([一二三四五六七八九十\d]+)章|([一二三四五六七八九十]+)\s*[、．.])\s*(.*)$")
_SECTION = re.compile(
    r"^(?:[（(]([一二三四五六七八九十]+)[)）]|第([一二三四五六七八九十\d]+)节|([一二三四五六七八九十]+)\s{2,})\s*(.*)$"
)
_ITEM = re.compile(r"^(?:(\d+)\s*[．.、](?!\d)|[（(](\d+)[)）])\s*(.*)$")
_DECIMAL = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s+([^\d\s%％].{0,28})$")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
BASELINE_WORDS = (
    "现状",
    "概况",
    "发展基础",
    "基础和形势",
    "完成情况",
    "实施成效",
    "实施的成效",
    "取得的成效",
    "上轮",
)


@dataclass(frozen=True)
class Place:
    """Where a line sits: its section label (二（三）2) and whether it is in a baseline part."""

    section: str | None
    baseline: bool
    heading: bool


def heading_text(raw: str) -> str:
    return _BOOKMARK.sub("", raw).strip().lstrip("#").strip()


def outline(
    lines: list[str], table_lines: set[int], word_levels: dict[int, int] | None = None
) -> list[Place]:
    """A Place for every line (index 0 is line 1); `word_levels` are headings Word marks (styles, numbering)."""
    places: list[Place] = []
    labels: list[str | None] = [None, None, None]
    counters = [0, 0, 0]
    baseline_level: int | None = None
    chaptered = any(re.match(r"^第[一二三四五六七八九十\d]+章", heading_text(line)) for line in lines)
    for number, raw in enumerate(lines, start=1):
        text = heading_text(raw)
        level = None if number in table_lines else _level(text, raw, lines, number, chaptered)
        word = (word_levels or {}).get(number)
        if word is not None and number not in table_lines:
            depth = min(word, 3)
            counters[depth - 1] += 1
            counters[depth:] = [0] * (3 - depth)
            if level is None or level[0] != depth:  # the number Word draws is not in the text
                level = (depth, _drawn_label(depth, counters[depth - 1]), text)
        if level is not None:
            depth, label, title = level
            labels[depth - 1] = label
            labels[depth:] = [None] * (3 - depth)
            baseline_level = _baseline_after(
                depth, title, baseline_level, exact=word is not None or bool(_numbered(text))
            )
        places.append(Place(_label(*labels), baseline_level is not None, level is not None))
    return places


def has_outline(places: list[Place]) -> bool:
    """Whether any heading was found (without one, 现状 parts cannot be told from targets)."""
    return any(place.heading for place in places)


def _drawn_label(depth: int, count: int) -> str:
    """The label Word's automatic numbering draws, in the usual house style (一 / （一） / 1)."""
    if depth == 3:
        return str(count)
    numeral = chinese_numeral_text(count)
    return numeral if depth == 1 else f"（{numeral}）"


def chinese_numeral_text(count: int) -> str:
    digits = "一二三四五六七八九"
    if count < 10:
        return digits[count - 1]
    tens, ones = divmod(count, 10)
    return ("" if tens == 1 else digits[tens - 1]) + "十" + (digits[ones - 1] if ones else "")


def _numbered(text: str) -> bool:
    return bool(_CHAPTER.match(text) or _SECTION.match(text) or _ITEM.match(text))


def _level(
    text: str, raw: str, lines: list[str], number: int, chaptered: bool
) -> tuple[int, str, str] | None:
    if not text or len(text) > 200:
        return None
    head = re.split(r"[。]", text, maxsplit=1)[0]
    match = _CHAPTER.match(head)
    if match:
        if match.group(1):
            return 1, f"第{match.group(1)}章", match.group(3)
        return (2 if chaptered else 1), match.group(2), match.group(3)
    match = _SECTION.match(head)
    if match:
        if match.group(1):
            return 2 if not chaptered else 3, f"（{match.group(1)}）", match.group(4)
        if match.group(2):
            return 2, f"第{match.group(2)}节", match.group(4)
        return 2, match.group(3), match.group(4)
    match = _DECIMAL.match(text)
    if match and not re.search(r"[，。；：:、]", match.group(2)):  # 1 现状 / 2.1 主要指标: decimal numbering
        return min(match.group(1).count(".") + 1, 3), match.group(1), match.group(2)
    match = _ITEM.match(head)
    if match and len(head) < 40:
        return 3, match.group(1) or match.group(2), match.group(3)
    previous_blank = number == 1 or not lines[number - 2].strip()
    if previous_blank and len(text) <= 20 and not re.search(r"[，。；：:、\d]", text) and raw[:1] != "\t":
        return 1 if raw[:1] in (" ", "\u3000") else 3, text, text
    return None


_GOAL_WORDS = re.compile(r"目标|布局|调控|准入|保障|措施|任务|总则|勘查|开采|保护|管理|实施|修复|附")


def _baseline_after(level: int, title: str, current: int | None, exact: bool) -> int | None:
    """The level of the open baseline part after a heading (None: not in one).

    A heading about the present opens a part at its level; a heading at that level or above closes it.
    An unnumbered short line is a heading of unknown level: it closes the part only if it names an aim.
    """
    if any(word in title for word in BASELINE_WORDS) and "目标" not in title:
        return level if current is None or level < current else current
    if current is None:
        return None
    if exact and level <= current:
        return None
    if not exact and (level <= current and level < 3 or _GOAL_WORDS.search(title)):
        return None
    return current


def _label(chapter: str | None, section: str | None, item: str | None) -> str | None:
    parts = [p for p in (chapter, section, item) if p]
    if not parts:
        return None
    label = parts[0]
    for part in parts[1:]:
        if part.startswith(label + "."):  # decimal numbering: 2.1 already names its chapter
            label = part
            continue
        label += part if part.startswith(("（", "第")) or label.endswith("）") else " " + part
    return label
