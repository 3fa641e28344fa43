"""Reading the seed documents: numbers as printed, and the 专栏 tables of the flattened text.

The seeds are plain text, one paragraph a line. Tables are flattened one cell a line, in one of two shapes:

* tabbed: each cell starts with a tab, rows are separated by one empty line, an empty cell is a lone tab
  (a merged cell continuing the one above), a cell wrapped onto a second line continues without a tab, and
  the table ends at a gap of two empty lines;
* spaced: every cell is its own line between empty lines, so rows cannot be told apart by blank lines; the
  table ends at the next heading or prose line.

Nothing here is keyed to a file name.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planlint.numerals import CN_DIGITS, CN_RUN, chinese_numeral
from planlint.units import known_unit

# ---------------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------------

_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def fold(text: str) -> str:
    """NFKC-fold a line (full-width digits, ％, ＜ and commas become ASCII) so numbers read the same."""
    return unicodedata.normalize("NFKC", text)


def numbers_in(text: str) -> list[float]:
    """Every number printed in the text: Arabic (with or without thousands separators) and Chinese numerals.

    Generous on purpose: "1,500" yields 1500 as well as 1 and 500, "10—15" yields 10 and 15, "100/50" yields
    100 and 50. A Chinese numeral run yields its value and, when it does not parse as one numeral, each digit.
    """
    folded = fold(text)
    found: list[float] = []
    for match in _ARABIC.finditer(folded):
        token = match.group()
        found.append(float(token.replace(",", "")))
        if "," in token:
            found.extend(float(part) for part in token.split(",") if part)
    for match in CN_RUN.finditer(folded):
        run = match.group()
        value = chinese_numeral(run)
        if value is not None:
            found.append(float(value))
        else:
            found.extend(float(CN_DIGITS[ch]) for ch in run if ch in CN_DIGITS)
    return found


def same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def has_number(text: str, value: float) -> bool:
    """Whether the number is printed in the text (1500 ~ "1500" ~ "1,500", 100.0 ~ "100", 2 ~ "两")."""
    return any(same_number(value, found) for found in numbers_in(text))


def has_value(text: str, value: float | Sequence[float]) -> bool:
    """A number, or every end of a range ([10, 15] ~ "10—15"), is printed in the text."""
    values = [value] if isinstance(value, int | float) else list(value)
    return all(has_number(text, v) for v in values)


# Quantities: the numbers a reader would encode, after dropping dates, years, document numbers, scales,
# list numbering and the digits of unit symbols (km2, CaF2).
_NOT_QUANTITY = [
    re.compile(r"\[bookmark:[^\]]*\]"),
    re.compile(r"[〔\[(（]\s*(?:19|20)\d{2}\s*[〕\])）]\s*\d+\s*号"),
    re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"),
    re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日"),
    re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"),
    re.compile(r"(?:19|20)\d{2}\s*[—–\-~～至到]+\s*(?:19|20)\d{2}\s*年?|(?:19|20)\d{2}\s*年"),
    re.compile(r"\d+\s*[∶:]\s*\d+(?:\.\d+)?\s*万?"),
    re.compile(r"^\s*(?:第\s*)?\d+\s*[.、)）](?!\d)"),
    re.compile(r"^\s*[(（]\s*\d+\s*[)）]"),
    re.compile(r"第\s*[\d零〇一二两三四五六七八九十百千]+"),
    re.compile(r"(?<=[A-Za-z])\d+"),
    re.compile(r"专栏\s*\d+"),
]


def strip_non_quantities(text: str) -> str:
    """The text with dates, years, document numbers, scales and list numbering blanked out."""
    folded = fold(text)
    for pattern in _NOT_QUANTITY:
        folded = pattern.sub(" ", folded)
    return folded


def quantities(text: str) -> list[float]:
    """The Arabic numbers in the text that are quantities (not dates, years, numbering, unit symbols)."""
    return [float(m.group().replace(",", "")) for m in _ARABIC.finditer(strip_non_quantities(text))]


_UNIT_AFTER = re.compile(
    r"\d+(?:\.\d+)?\s*"
    r"(?:[万亿千]?(?:吨|立方米|平方公里|平方千米|公里|千克|公斤|元|米|km)|个|处|种|家|座|宗|项|类|批|%|‰|年)"
)
_COMPARATORS = re.compile(
    r"不超过|不高于|不大于|不低于|不少于|不小于|以内|以上|以下|控制在|达到|超过|低于|高于|至少|左右|约|[≥≤<>]"
)


def numeric_sentence(text: str) -> bool:
    """A line stating a quantity: an Arabic number with a unit after it, or one and a comparator word.

    Chinese numerals are left out here: in running text they are mostly slogans (两个确保, 四个全面).
    """
    cleaned = strip_non_quantities(text)
    if _UNIT_AFTER.search(cleaned):
        return True
    return bool(_ARABIC.search(cleaned)) and bool(_COMPARATORS.search(cleaned))


# ---------------------------------------------------------------------------------------------------------
# Lines and tables
# ---------------------------------------------------------------------------------------------------------


def read_lines(path: Path) -> list[str]:
    """The document's lines; line N of a citation is `lines[N - 1]`."""
    return path.read_text(encoding="utf-8-sig").splitlines()


def is_blank(line: str) -> bool:
    """An empty line. A lone tab is not blank: it is an empty (merged) table cell."""
    return not line.strip() and "\t" not in line


def is_table_heading(line: str) -> bool:
    return bool(re.match(r"\s*专栏", line))


_HEADING = re.compile(
    r"\s*(?:[一二三四五六七八九十]+\s*[、.．\s]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]"
    r"|第[一二三四五六七八九十\d]+[章节]|\d+\s*[.．、](?!\d)|\[bookmark|——)"
)
_ATTRIBUTES = {"预期性", "约束性"}
_VALUE_CELL = re.compile(r"[<>≤≥＜＞=]?\s*\d+(?:\.\d+)?(?:\s*[/—–\-~～]\s*\d+(?:\.\d+)?)*\s*[%％]?")


_CHAPTER = re.compile(r"\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)")


def is_heading(line: str) -> bool:
    """A section heading (一、 / （一） / 第一章 / 1. / ——), not a table cell."""
    return bool(_HEADING.match(line))


def is_prose(line: str) -> bool:
    """A running-text line: long, or a sentence."""
    text = line.strip()
    return len(text) > 30 or "。" in text or "；" in text


def is_value_cell(line: str) -> bool:
    """A table cell holding a value, a unit or an attribute rather than a row label."""
    text = line.strip()
    if not text:
        return True
    if text in _ATTRIBUTES or _VALUE_CELL.fullmatch(fold(text)):
        return True
    return text == "/" or known_unit(text)


@dataclass
class Cell:
    lines: list[int]  # 1-based line numbers
    text: str

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass
class Row:
    lines: list[int]
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Table:
    """A 专栏 box: its heading line, the lines it spans and its rows (blocks between empty lines)."""

    heading: int
    title: str
    tabbed: bool
    lines: list[int]
    rows: list[Row]
    serial_lines: set[int]

    @property
    def end(self) -> int:
        return self.lines[-1] if self.lines else self.heading


def _extent(lines: Sequence[str], heading: int) -> tuple[list[int], bool]:
    """The line numbers after a 专栏 heading that belong to its table, and whether it is tabbed."""
    following = [line for line in lines[heading : heading + 12] if not is_blank(line)][:5]
    tabbed = any(line.startswith("\t") for line in following)
    body: list[int] = []
    blanks = 0
    for i in range(heading, len(lines)):
        line = lines[i]
        if is_blank(line):
            blanks += 1
            if blanks >= 2 and body:
                break
            continue
        blanks = 0
        if is_table_heading(line):
            break
        if tabbed:
            # a tabbed table runs to its gap of two empty lines; only a chapter heading cuts it short
            if not line.startswith("\t") and _CHAPTER.match(line):
                break
        elif is_heading(line) or is_prose(line):
            break
        body.append(i + 1)
    return body, tabbed


def _rows(lines: Sequence[str], body: list[int], tabbed: bool) -> list[Row]:
    rows: list[Row] = []
    current: Row | None = None
    previous = None
    for number in body:
        if current is None or (previous is not None and number != previous + 1):
            current = Row(lines=[])
            rows.append(current)
        text = lines[number - 1]
        current.lines.append(number)
        if tabbed and not text.startswith("\t") and current.cells:
            cell = current.cells[-1]
            cell.lines.append(number)
            cell.text += text.strip()
        else:
            current.cells.append(Cell([number], text.strip()))
        previous = number
    return rows


def _serial_lines(rows: list[Row]) -> set[int]:
    """Lines of a 序号 column: each row's first cell a bare integer, counting 1, 2, 3 … down the table."""
    firsts = [
        (row.cells[0], int(row.cells[0].text)) for row in rows if row.cells and row.cells[0].text.isdigit()
    ]
    has_header = any(cell.text == "序号" for row in rows for cell in row.cells)
    counting = len(firsts) >= 2 and [n for _, n in firsts] == list(range(1, len(firsts) + 1))
    if has_header or counting:
        return {cell.lines[0] for cell, _ in firsts}
    return set()


def find_tables(lines: Sequence[str]) -> list[Table]:
    """Every 专栏 box in the document, in order."""
    tables: list[Table] = []
    for i, line in enumerate(lines):
        if not is_table_heading(line):
            continue
        heading = i + 1
        body, tabbed = _extent(lines, heading)
        title = re.sub(r"\s+", " ", line.strip())
        # the title may wrap onto the next line (no tab, no blank before it)
        if body and body[0] == heading + 1 and not lines[heading].startswith("\t") and tabbed:
            title += lines[heading].strip()
            body = body[1:]
        rows = _rows(lines, body, tabbed)
        tables.append(Table(heading, title, tabbed, body, rows, _serial_lines(rows)))
    return tables


def table_at(tables: Iterable[Table], number: int) -> Table | None:
    """The table whose body holds the line."""
    for table in tables:
        if number in table.lines:
            return table
    return None


def row_label_lines(lines: Sequence[str], tables: Sequence[Table], number: int) -> list[int]:
    """Lines that may name what a table value on line `number` is about, nearest first.

    The line itself; in a tabbed table, the cells of its row before it, and for an empty (merged) cell the
    cell in the same column of the row above; in a spaced table, the nearest preceding line that is not a
    value, unit or attribute cell (the row label).
    """
    found = [number]
    table = table_at(tables, number)
    if table is None:
        return found
    if table.tabbed:
        row_index = next(i for i, row in enumerate(table.rows) if number in row.lines)
        row = table.rows[row_index]
        found.extend(n for n in reversed(row.lines) if n < number)
        cited = next((c for c, cell in enumerate(row.cells) if number in cell.lines), len(row.cells))
        for column, cell in enumerate(row.cells[:cited]):
            if not cell.empty:
                continue
            for above in reversed(table.rows[:row_index]):
                if column < len(above.cells) and not above.cells[column].empty:
                    found.extend(above.cells[column].lines)
                    break
        return found
    for n in range(number - 1, table.heading, -1):
        if not is_value_cell(lines[n - 1]):
            found.append(n)
            break
    return found
