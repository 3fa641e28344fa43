"""Read a rights file (YAML, .csv or .xlsx) into validated `Right`s, each with the place it came from.

Every problem is a `PlanlintError` at `file:line: field: message` (for tables the line is the row number and
the field the column as printed); all problems of the file are raised together, nothing is skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from planlint.errors import PlanlintError
from planlint.errortext import schema_found
from planlint.loader import InputErrors
from planlint.rights import table
from planlint.rights.locate import county_in
from planlint.rights.model import RIGHTS_SCHEMA, Right, RightsFile
from planlint.units import parse_unit
from planlint.validation import described, input_errors
from planlint.vocabulary import Vocabulary
from planlint.yamlio import SafeLoader, line_of, read_text, read_yaml

TABLE_SUFFIXES = (".csv", ".xlsx")
UNKNOWN_RIGHTS_FIELD = ("unknown field (not in rights format v1)", "未知字段（采矿权格式 v1 中没有此字段）")


@dataclass(frozen=True)
class LoadedRight:
    """A validated right, the file it came from and its line (YAML) or row (table)."""

    right: Right
    path: Path
    line: int | None
    # field name → where the field sits (the YAML line or the table column as printed), for error messages
    fields: tuple[tuple[str, str], ...] = ()


def load_rights(path: Path, vocabulary: Vocabulary) -> list[LoadedRight]:
    """Every right in a rights file, validated; raise InputErrors listing every problem."""
    if not path.exists():
        raise PlanlintError("no such file", path=path, zh="文件不存在")
    suffix = path.suffix.lower()
    loaded = _from_table(path) if suffix in TABLE_SUFFIXES else _from_yaml(path)
    problems = [p for item in loaded for p in _vocabulary_problems(item, vocabulary)]
    problems.extend(_duplicate_ids(loaded))
    if problems:
        raise InputErrors(problems)
    return loaded


def _from_yaml(path: Path) -> list[LoadedRight]:
    data = read_yaml(path)
    if not isinstance(data, dict) or data.get("schema") != RIGHTS_SCHEMA:
        found = schema_found(data)
        raise PlanlintError(
            f"not a rights file: expected schema: {RIGHTS_SCHEMA} ({found['en']}), or a .csv/.xlsx table",
            path,
            1,
            "schema",
            zh=f"不是采矿权文件：应有 schema: {RIGHTS_SCHEMA}（{found['zh']}），或使用 .csv/.xlsx 表格",
        )
    try:
        rights = RightsFile.model_validate(data).rights
    except ValidationError as error:
        raise InputErrors(input_errors(error, path, UNKNOWN_RIGHTS_FIELD)) from None
    lines = _item_lines(path)
    return [
        LoadedRight(right, path, lines[index] if index < len(lines) else None, _yaml_fields(path, index))
        for index, right in enumerate(rights)
    ]


def _item_lines(path: Path) -> list[int]:
    """The line of each entry of the top-level `rights:` list, from the parser's events.

    `line_of` composes the whole node tree (resolving every scalar) to find one field; a batch of 10,000
    rights needs every entry's line, which the event stream gives at a fraction of the cost.
    """
    lines: list[int] = []
    depth, in_rights, expect_value, key = 0, False, False, None
    for event in yaml.parse(read_text(path), Loader=SafeLoader):
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if in_rights and depth == 2 and isinstance(event, yaml.MappingStartEvent) and event.start_mark:
                lines.append(event.start_mark.line + 1)
            if depth == 1 and key == "rights" and isinstance(event, yaml.SequenceStartEvent):
                in_rights = True
            depth += 1
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
            if depth == 1:
                in_rights = False
        elif depth == 1 and isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            expect_value = not expect_value
            key = event.value if expect_value and isinstance(event, yaml.ScalarEvent) else None
        if depth == 1 and isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            expect_value = False
    return lines


def _yaml_fields(path: Path, index: int) -> tuple[tuple[str, str], ...]:
    return tuple((field, f"rights.{index}.{field}") for field in ("mineral", "capacity", "reserves"))


def _from_table(path: Path) -> list[LoadedRight]:
    loaded: list[LoadedRight] = []
    problems: list[PlanlintError] = []
    for where, rows in _sheets(path):
        header_at, columns = _header(where, rows)
        for number, cells in rows[header_at + 1 :]:
            if all(c is None or not str(c).strip() for c in cells):
                continue
            try:
                loaded.append(_table_right(where, number, columns, cells))
            except InputErrors as error:
                problems.extend(error.errors)
            except PlanlintError as error:
                problems.append(error)
    if problems:
        raise InputErrors(problems)
    return loaded


Row = tuple[int, Sequence[Any]]


def _sheets(path: Path) -> Iterator[tuple[str, list[Row]]]:
    """(name to cite, numbered rows) per sheet; a CSV file is one sheet."""
    if path.suffix.lower() == ".csv":
        text = _decode(path)
        yield str(path), [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]
        return
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many types for a damaged or foreign file
        raise PlanlintError(
            f"cannot read the workbook: {error}",
            path=path,
            zh=f"无法读取工作簿：不是有效的 .xlsx 文件（{type(error).__name__}）",
        ) from None
    try:
        sheets = [s for s in book.worksheets if s.max_row and s.max_row > 0]
        for sheet in sheets:
            rows: list[Row] = [
                (n, tuple(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            if any(any(c is not None for c in cells) for _, cells in rows):
                name = str(path) if len(book.worksheets) == 1 else f"{path}[{sheet.title}]"
                yield name, rows
    finally:
        book.close()


def _decode(path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030: how spreadsheet programs in China save CSV."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PlanlintError("not UTF-8 or GB18030 text", path=path, zh="不是 UTF-8 或 GB18030 文本")


def _header(where: str, rows: list[Row]) -> tuple[int, dict[str, table.Column]]:
    """The header row (title rows above it are allowed) and its recognised columns."""
    for position, (_, cells) in enumerate(rows[:10]):
        if table.looks_like_header(cells):
            columns = table.read_header(cells)
            missing = table.missing_columns(columns)
            if missing:
                raise PlanlintError(
                    f"the header has no column {', '.join(missing)}",
                    path=where,
                    line=rows[position][0],
                    zh=f"表头缺少列：{'、'.join(missing)}",
                )
            return position, columns
    names = "、".join(table.COLUMNS[f][0] for f in table.REQUIRED)
    raise PlanlintError(
        f"no header row naming the columns {names} in the first 10 rows",
        path=where,
        line=1,
        zh=f"前 10 行中没有包含 {names} 等列名的表头",
    )


def _table_right(
    where: str, number: int, columns: dict[str, table.Column], cells: Sequence[Any]
) -> LoadedRight:
    record = table.row_to_record(columns, cells, (where, number))
    if "jurisdiction" not in record:
        record["jurisdiction"] = _jurisdiction_from(record, columns, where, number)
    fields = tuple((f, c.printed) for f, c in columns.items())
    try:
        right = Right.model_validate(record)
    except ValidationError as error:
        printed = dict(fields)
        raise InputErrors(
            [
                PlanlintError(english, where, number, printed.get(str(loc[0]), field), zh=chinese)
                for loc, field, english, chinese in described(error)
            ]
        ) from None
    return LoadedRight(right, Path(where), number, fields)


def _jurisdiction_from(
    record: dict[str, Any], columns: dict[str, table.Column], where: str, number: int
) -> str:
    """The county named at the start of the 地理位置 or of the right's name (the fuller of the two), when
    there is no 行政区 column."""
    found = [county_in(str(record.get(field, ""))) for field in ("location", "name")]
    counties = sorted((c for c in found if c), key=len, reverse=True)
    if counties:
        return counties[0]
    column = columns.get("location") or columns["name"]
    raise PlanlintError(
        f"cannot tell the county from {record.get('location') or record.get('name')!r}: "
        "add a 行政区 column (name or GB/T 2260 code)",
        path=where,
        line=number,
        field=column.printed,
        zh=f"无法从 {record.get('location') or record.get('name')!r} 判断所在区县：请增加“行政区”列（名称或 GB/T 2260 代码）",
    )


def _vocabulary_problems(item: LoadedRight, vocabulary: Vocabulary) -> Iterator[PlanlintError]:
    """The mineral must be in the vocabulary; capacity and reserves units must be known."""
    right = item.right
    checks: list[tuple[str, Any]] = [
        ("mineral", lambda: vocabulary.require(right.mineral)),
        ("capacity", lambda: parse_unit(right.capacity.unit)),
    ]
    if right.reserves is not None:
        reserves = right.reserves
        checks.append(("reserves", lambda: parse_unit(reserves.unit)))
    for field, check in checks:
        try:
            check()
        except PlanlintError as error:
            yield _at(item, field, error)


def _at(item: LoadedRight, field: str, error: PlanlintError) -> PlanlintError:
    where = dict(item.fields).get(field, field)
    if item.path.suffix.lower() in (".yaml", ".yml"):
        line = line_of(item.path, tuple(_yaml_loc(where))) or item.line
        return error.moved(item.path, line, where)
    return error.moved(item.path, item.line, where)


def _yaml_loc(dotted: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in dotted.split(".")]


def _duplicate_ids(loaded: list[LoadedRight]) -> list[PlanlintError]:
    first: dict[str, LoadedRight] = {}
    problems = []
    for item in loaded:
        seen = first.setdefault(item.right.id, item)
        if seen is not item:
            problems.append(
                PlanlintError(
                    f"duplicate right id {item.right.id!r} (also at line {seen.line})",
                    path=item.path,
                    line=item.line,
                    field="id",
                    zh=f"采矿权编号 {item.right.id!r} 重复（亦见第 {seen.line} 行）",
                )
            )
    return problems
