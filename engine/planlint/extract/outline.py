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


def outline(lines: list[str], table_lines: set[int]) -> list[Place]:
    """A Place for every line (index 0 is line 1)."""
    places: list[Place] = []
    chapter: str | None = None
    section: str | None = None
    item: str | None = None
    baseline = False
    chaptered = any(re.match(r"^第[一二三四五六七八九十\d]+章", heading_text(line)) for line in lines)
    for number, raw in enumerate(lines, start=1):
        text = heading_text(raw)
        level = None if number in table_lines else _level(text, raw, lines, number, chaptered)
        if level is not None:
            label, title = level[1], level[2]
            if level[0] == 1:
                chapter, section, item = label, None, None
            elif level[0] == 2:
                section, item = label, None
            else:
                item = label
            baseline = _baseline_after(level[0], title, baseline)
        places.append(Place(_label(chapter, section, item), baseline, level is not None))
    return places


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
    match = _ITEM.match(head)
    if match and len(head) < 40:
        return 3, match.group(1) or match.group(2), match.group(3)
    previous_blank = number == 1 or not lines[number - 2].strip()
    if previous_blank and len(text) <= 20 and not re.search(r"[，。；：:、\d]", text) and raw[:1] != "\t":
        return 1 if raw[:1] in (" ", "\u3000") else 3, text, text
    return None


def _baseline_after(level: int, title: str, current: bool) -> bool:
    """A heading about the present opens a baseline part; the next chapter heading that is not closes it."""
    if any(word in title for word in BASELINE_WORDS) and "目标" not in title:
        return True
    if level == 1:
        return False
    return current


def _label(chapter: str | None, section: str | None, item: str | None) -> str | None:
    parts = [p for p in (chapter, section, item) if p]
    if not parts:
        return None
    label = parts[0]
    for part in parts[1:]:
        label += part if part.startswith(("（", "第")) or label.endswith("）") else " " + part
    return label
