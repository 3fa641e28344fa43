"""Chinese numerals as printed in plan documents (一, 十二, 两, 二〇二五, 一千零五)."""

from __future__ import annotations

import re

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_RUN = re.compile(f"[{''.join(CN_DIGITS)}{''.join(CN_UNITS)}]+")


def chinese_numeral(run: str) -> int | None:
    """The value of a Chinese numeral (一 … 九千九百九十九, 两, 二〇二五); None if the run is not one."""
    if not run:
        return None
    if all(ch in CN_DIGITS for ch in run):
        if len(run) == 1:
            return CN_DIGITS[run]
        return int("".join(str(CN_DIGITS[ch]) for ch in run))  # digit by digit: 二〇二五
    total, current, last_unit = 0, None, 10_000
    for ch in run:
        if ch in CN_DIGITS:
            if CN_DIGITS[ch] == 0 and current is None:
                continue  # 一千零五: the zero only marks a skipped place
            if current is not None:
                return None  # two digits in a row inside a positional numeral
            current = CN_DIGITS[ch]
        else:
            unit = CN_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if current is None else current) * unit
            current, last_unit = None, unit
    return total + (current or 0)
