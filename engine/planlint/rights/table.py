"""Rights tables (.csv, .xlsx) as bureaus keep them: the column names printed in public 出让公告.

A header names a field (项目编号, 采矿权名称, 地理位置, 矿种, 生产规模, 资源储量, 出让年限 …) and may carry a unit in
brackets (生产规模（万吨/年）, 出让年限（年）) for cells that print a bare number. `row_to_record` turns one row into
the dict a `Right` validates from; every cell it cannot read is a `PlanlintError` naming the row and column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from planlint.errors import PlanlintError
from planlint.units import known_unit
from planlint.vocabulary import normalise_name

# field → the column names it is printed under (normalised: no spaces, half-width brackets), first wins.
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("项目编号", "出让编号", "采矿许可证号", "许可证号", "序号", "id"),
    "name": ("采矿权名称", "矿山名称", "矿区名称", "name"),
    "jurisdiction": ("行政区", "所在行政区", "行政区划", "行政区划代码", "区县", "jurisdiction"),
    "location": ("地理位置", "矿山地址", "location"),
    "mineral": ("矿种", "开采矿种", "开采主矿种", "mineral"),
    "capacity": ("生产规模", "拟建设生产规模", "年开采规模", "开采规模", "规划生产规模", "capacity"),
    "reserves": ("可采储量", "资源储量", "资源量", "占用资源储量", "reserves"),
    "term_years": ("出让年限", "服务年限", "矿山服务年限", "term_years"),
    "kind": ("出让类型", "项目类型", "登记类型", "申请类型", "类型", "kind"),
    "deposit": ("矿床规模", "资源储量规模", "deposit"),
    "zone": ("规划区块", "开采规划区块", "集中开采区", "规划分区", "zone"),
    "region": ("区域", "region"),
    "method": ("开采方式", "method"),
    "document": ("公告文号", "出让公告", "文号", "document"),
    "url": ("网址", "链接", "url"),
    "note": ("备注", "note"),
}
REQUIRED = ("id", "name", "mineral", "capacity")

KIND_WORDS: dict[str, str] = {
    "新设": "new",
    "新立": "new",
    "探转采": "new",
    "整合扩能": "expansion",
    "扩能": "expansion",
    "整合": "expansion",
    "增划资源": "addition",
    "增划": "addition",
    "扩大范围": "addition",
    "延续": "renewal",
    "变更": "change",
    "转让": "change",
    "名称变更": "change",
    "未注明": "unknown",
}
DEPOSIT_WORDS = {"大型": "large", "中型": "medium", "小型": "small"}
METHOD_WORDS = {"露天": "open_pit", "露天开采": "open_pit", "地下": "underground", "地下开采": "underground"}
METHOD_WORDS |= {"井工": "underground", "井工开采": "underground"}

_BRACKETED = re.compile(r"^(?P<name>[^(]+)(?:\((?P<inner>[^)]*)\))?$")
_NUMBER = re.compile(r"^(?:约|不低于|不少于|不超过)?\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>.*)$")


@dataclass(frozen=True)
class Column:
    """One recognised header cell: the field it fills, its position, and the unit its brackets name."""

    field: str
    index: int
    printed: str
    unit: str | None


def read_header(cells: Sequence[Any]) -> dict[str, Column]:
    """The recognised columns of a header row, by field (the first column naming a field wins)."""
    found: dict[str, Column] = {}
    for index, cell in enumerate(cells):
        if cell is None or not str(cell).strip():
            continue
        printed = str(cell).strip()
        match = _BRACKETED.match(normalise_name(printed))
        if match is None:
            continue
        name, inner = match["name"], match["inner"]
        for field, names in COLUMNS.items():
            if name in names and field not in found:
                unit = inner if inner and known_unit(inner) else None
                found[field] = Column(field, index, printed, unit)
    return found


def looks_like_header(cells: Sequence[Any]) -> bool:
    """Whether a row names a right's name column and its mineral column (title rows above do not)."""
    columns = read_header(cells)
    return "name" in columns and "mineral" in columns


def missing_columns(columns: Mapping[str, Column]) -> list[str]:
    return [COLUMNS[field][0] for field in REQUIRED if field not in columns]


def row_to_record(
    columns: Mapping[str, Column], cells: Sequence[Any], where: tuple[str, int]
) -> dict[str, Any]:
    """One table row as the dict a `Right` validates from (only the cells that are filled in)."""
    path, line = where
    record: dict[str, Any] = {}
    source: dict[str, str] = {}
    for column in columns.values():
        value = cells[column.index] if column.index < len(cells) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            _fill(record, source, column, value)
        except PlanlintError as error:
            raise error.moved(path, line, column.printed) from None
    if source:
        record["source"] = source
    return record


def _fill(record: dict[str, Any], source: dict[str, str], column: Column, value: Any) -> None:
    field = column.field
    text = str(value).strip()
    if field in ("document", "url"):
        source[field] = text
    elif field in ("capacity", "reserves"):
        record[field] = amount(value, column.unit, column.printed)
        if field == "reserves":
            record[field]["class"] = _reserve_class(column.printed)
    elif field == "term_years":
        record[field] = years(value)
    elif field == "kind":
        record[field] = _word(text, KIND_WORDS, "kind", "新设/整合扩能/增划资源/延续/变更")
    elif field == "deposit":
        record[field] = _word(text, DEPOSIT_WORDS, "deposit", "大型/中型/小型")
    elif field == "method":
        record[field] = _word(text, METHOD_WORDS, "method", "露天开采/地下开采")
    elif field == "id" and isinstance(value, float) and value.is_integer():
        record[field] = str(int(value))
    else:
        record[field] = text


def _reserve_class(printed: str) -> str:
    name = normalise_name(printed).split("(")[0]
    return name if name in ("可采储量", "资源量", "占用资源储量") else "资源储量"


def amount(value: Any, header_unit: str | None, printed: str) -> dict[str, Any]:
    """A cell such as '276万吨/年' or 276 under '生产规模（万吨/年）' as {value, unit}."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if header_unit is None:
            raise PlanlintError(
                f"the number {value:g} has no unit: write it in the cell (276万吨/年) or the header ({printed}（万吨/年）)",
                zh=f"数值 {value:g} 没有单位：请写在单元格中（276万吨/年）或表头中（{printed}（万吨/年））",
            )
        return {"value": float(value), "unit": header_unit}
    text = normalise_name(str(value))
    match = _NUMBER.match(text)
    if match is None:
        raise PlanlintError(
            f"cannot read {value!r} as a number with a unit (e.g. 276万吨/年)",
            zh=f"无法将 {value!r} 读作带单位的数值（如 276万吨/年）",
        )
    unit = match["unit"] or header_unit
    if not unit:
        raise PlanlintError(f"{value!r} has no unit", zh=f"{value!r} 没有单位")
    return {"value": float(match["number"]), "unit": unit}


def years(value: Any) -> float:
    """A term such as 16.10, '16.1年' or '30'."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = normalise_name(str(value)).removesuffix("年")
    try:
        return float(text)
    except ValueError:
        raise PlanlintError(
            f"cannot read {value!r} as a number of years", zh=f"无法将 {value!r} 读作年数"
        ) from None


def _word(text: str, words: Mapping[str, str], field: str, expected: str) -> str:
    if text in words.values():
        return text
    key = normalise_name(text).removesuffix("采矿权")
    if key in words:
        return words[key]
    raise PlanlintError(
        f"unknown {field} {text!r} (expected {expected})",
        zh=f"无法识别的{field}值 {text!r}（应为 {expected}）",
    )
