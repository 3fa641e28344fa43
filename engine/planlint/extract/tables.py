"""Read a boxed table (专栏N) into indicators, zones, counts or baseline facts.

A table is read by what its cells *are*, not where they sit: flattened tables lose empty cells and
sometimes row ends, so each cell is classified (label, mineral, unit, value, attribute, remark) and rows
are rebuilt from that sequence. The header says what the value columns mean: a year or 规划目标 (the row's
own metric), a metric (开采总量, 最低开采规模 …), a deposit scale (大型/中型/小型), a region, or 完成情况
(a baseline fact). Merged cells continue the one above: an empty attribute cell keeps the attribute of the
row above, a row without a label keeps the group label above it. A note such as 以上指标均为预期性指标 sets
the attribute of every row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from planlint.extract import lexicon as lx
from planlint.extract.blocks import LIST_ROW, table_id
from planlint.extract.context import Context, Findings, Item
from planlint.extract.reader import Cell, Table
from planlint.extract.sentences import parse_fragment
from planlint.units import known_unit, parse_unit

HEADER_WORD = re.compile(
    r"指\s*标|单\s*位|属\s*性|^\d{4}\s*(?:[—\-–－~]\s*\d{4})?\s*年?$|矿\s*种|名\s*称|序\s*号|备\s*注|规模|^大型$|^中型$"
    r"|^小型$|目标|情况|面积|采矿权|阶段|工作内容|开采总量|矿山数量"
)
_YEAR_HEADER = re.compile(r"^(\d{4})?\s*(?:[—\-–－~]\s*)?(\d{4})\s*年?$")
_PAREN = re.compile(r"[（(]([^（）()]*)[)）]")
_SLASH_SPEC = re.compile(r"[（(]([^（）()]*?/[^（）()]*?)[)）]")
_NOTE_ATTRIBUTE = re.compile(r"均为(约束性|预期性)")
_VALUE_WITH_UNIT = re.compile(rf"^(≤|≦|<=|≥|≧|>=|＜|<|＞|>)?\s*({lx.NUMBER})\s*({lx.UNIT_PATTERN})$")
_AMOUNT = ("[mass]", "[length] ** 3", "[mass] / [time]", "[length] ** 3 / [time]")


@dataclass
class Column:
    role: str  # name | unit | attr | remark | seq | value | other
    text: str
    metric: str | None = None
    deposit: str | None = None
    regions: tuple[str, ...] = ()
    mine: str | None = None
    unit: str | None = None
    year: int | None = None
    actual: bool = False


@dataclass
class Row:
    labels: list[Cell] = field(default_factory=list)
    minerals: list[tuple[str, Cell]] = field(default_factory=list)
    unit: str | None = None
    values: list[tuple[Cell, tuple[str, object], str | None]] = field(default_factory=list)
    attribute: str | None = None
    remarks: list[Cell] = field(default_factory=list)
    leading_empty: bool = False


@dataclass
class Layout:
    """The header of a table, understood."""

    columns: list[Column]
    values: list[Column]
    metric: str | None
    year: int | None
    has_attribute: bool
    has_seq: bool
    names_minerals: bool = False  # the name column holds minerals (矿种)
    current: bool = True  # a column holds this plan's targets (else: a table of the previous period)


def parse_table(table: Table, ctx: Context, out: Findings) -> None:
    """Extract what the table states into `out`; a table that cannot be read is listed as unparsed."""
    tid = table_id(table.caption) if table.caption else None
    cells = [c for row in table.rows for c in row if c.text]
    texts = [c.text for c in cells]
    if not cells:
        out.skip(table.caption_line, table.caption, "an empty table", tid)
        return
    if "工程" in table.caption and not any(lx.zone_kind(_strip_item(t)) for t in texts):
        out.skip(table.caption_line, table.caption, "a list of projects (重大工程): not modelled", tid)
        return
    if any(LIST_ROW.match(t) for t in texts) or _is_zone_list(texts):
        _zone_list(table, cells, ctx, out, tid)
        return
    header, rows = _split_header(table, ctx)
    layout = _layout(header, table.caption, table.notes, ctx.base_year)
    if ctx.baseline(table.caption_line or table.first_line):
        layout.current = False  # a table in a 现状/成效 part: what the previous period planned and achieved
    if _is_zone_table(layout, table.caption):
        _zone_table(rows, layout, table, ctx, out, tid)
        return
    before = (len(out.indicators), len(out.baseline))
    _indicator_rows(rows, layout, table, ctx, out, tid)
    if (len(out.indicators), len(out.baseline)) == before:
        out.skip(table.caption_line, table.caption or texts[0], "a table whose rows could not be read", tid)


# ---- header -------------------------------------------------------------------------------------------


def _is_data_cell(text: str, ctx: Context) -> bool:
    if not text or HEADER_WORD.search(text) and not lx.parse_value(text):
        return False
    return (
        lx.parse_value(text) is not None
        or lx.slash_values(text) is not None
        or lx.is_empty_value(text)
        or ctx.finder.resolve(text) is not None
        or _kind(text, ctx)[0] == "value_unit"
    )


def _split_header(table: Table, ctx: Context) -> tuple[list[Cell], list[list[Cell]]]:
    if table.rows_known:
        for index, row in enumerate(table.rows):
            if any(_is_data_cell(c.text, ctx) for c in row):
                return [c for r in table.rows[:index] for c in r], table.rows[index:]
        return [c for r in table.rows for c in r], []
    cells = table.rows[0] if table.rows else []
    for index, cell in enumerate(cells[:10]):
        if "属性" in cell.text.replace(" ", ""):
            return cells[: index + 1], _stream_rows(cells[index + 1 :], ctx, table.caption)
    index = 0
    has_value_column = False
    while index < len(cells):
        text = cells[index].text
        kind, _ = _kind(text, ctx)
        if _is_data_cell(text, ctx) or kind in ("unit", "attr") and not HEADER_WORD.search(text):
            break
        if has_value_column and lx.metric_of_label(text):
            break  # after a year or target column, a metric name is a row label
        has_value_column = has_value_column or _column(text).role == "value" and not _column(text).metric
        index += 1
    return cells[:index], _stream_rows(cells[index:], ctx, table.caption)


_PRESENT = re.compile(r"现状|基期|基准年|完成")
_AIM = re.compile(r"目标|规划值|规划期末|预期值")
_ANY_YEAR = re.compile(r"(\d{4})\s*年?")


def _column(text: str) -> Column:
    t = re.sub(r"\s+", "", text)
    paren = _PAREN.search(t)
    unit = paren.group(1) if paren and known_unit(paren.group(1)) else None
    year = _YEAR_HEADER.match(t)
    if t == "序号":
        return Column("seq", t)
    if "属性" in t:
        return Column("attr", t)
    if "备注" in t or t == "说明":
        return Column("remark", t)
    if t in lx.DEPOSIT_WORDS:
        return Column("value", t, deposit=lx.DEPOSIT_WORDS[t])
    if "单位" in t:
        return Column("unit", t)
    if year:
        return Column("value", t, year=int(year.group(2)))
    if t in ("规划目标", "目标值", "目标", "规划值"):
        return Column("value", t)
    stated_year = _ANY_YEAR.search(t)
    if _PRESENT.search(t) and not lx.metric_of_label(t):  # 2020年（现状）, 基期（2020年）, 现状值, 完成情况
        return Column("value", t, year=int(stated_year.group(1)) if stated_year else None, actual=True)
    if _AIM.search(t) and not lx.metric_of_label(t):  # 2025年（目标）, 规划目标（2025年）
        return Column("value", t, year=int(stated_year.group(1)) if stated_year else None)
    if t.startswith(("已设采矿权", "拟设采矿权", "已设矿山", "拟设矿山")):
        return Column("value", t, metric="mine_count", mine="existing" if t.startswith("已设") else "new")
    if "面积" in t:
        return Column("value", t, metric="area", unit=unit)
    metric = lx.metric_of_label(t)
    if metric:
        return Column("value", t, metric=metric, unit=unit)
    if re.search("名称|矿种|指标|矿产|项目|工作内容", t):
        return Column("name", t)
    if re.search("阶段|类型|位置|范围|地点|方式", t):
        return Column("other", t)
    return Column("value", t, regions=tuple(r for r in re.split("[、，,]", t) if r))


_PRESENT_NOTE = re.compile(r"(\d{4})\s*年?(?:数据|数值|指标值|值)?(?:为|是|系)(?:现状|基期)")


def _layout(
    header: list[Cell], caption: str, notes: list[Cell] | None = None, base: int | None = None
) -> Layout:
    columns = [_column(c.text) for c in header if c.text.strip()]
    _mark_present(columns, notes or [], base)
    values = [c for c in columns if c.role == "value"]
    table_metric = None
    year = None
    if any(c.deposit or c.regions for c in values):
        for column in values:
            if column.metric and not column.mine and column.metric != "area":
                table_metric = table_metric or column.metric
        values = [c for c in values if c.deposit or c.regions or (c.metric and c.mine) or c.metric == "area"]
    if any(c.metric for c in values):
        year = next((c.year for c in values if c.year), None)
        values = [c for c in values if not (c.year and not c.metric)]
    year = year or next((c.year for c in values if c.year and not c.actual), None)
    year = year or next((c.year for c in values if c.year), None)
    caption_metric = lx.metric_of_label(caption)
    if caption_metric is None and "勘查" in caption:
        caption_metric = "new_resources"
    return Layout(
        columns,
        values,
        table_metric or caption_metric,
        year,
        any(c.role == "attr" for c in columns),
        any(c.role == "seq" for c in columns),
        any(
            c.role == "name" and re.search("矿种|矿产名称", c.text) and "指标" not in c.text for c in columns
        ),
        current=not any("完成" in c.text for c in values)  # 规划目标 | 完成情况: the previous period's
        and any(not c.actual and (c.year is None or base is None or c.year > base) for c in values),
    )


def _mark_present(columns: list[Column], notes: list[Cell], base: int | None) -> None:
    """A year column is the present (现状) when a note says so, or when it is the base year beside a later one."""
    stated = {int(m.group(1)) for note in notes for m in _PRESENT_NOTE.finditer(note.text)}
    years = [c.year for c in columns if c.role == "value" and c.year]
    for column in columns:
        if column.role != "value" or not column.year or column.metric:
            continue
        if column.year in stated or (base is not None and column.year <= base and max(years) > base):
            column.actual = True


# ---- cells and rows -----------------------------------------------------------------------------------


def _kind(text: str, ctx: Context) -> tuple[str, object]:
    cell = text.strip()
    if not cell:
        return "empty", None
    attribute = lx.attribute_of(cell)
    if attribute:
        return "attr", attribute
    value = lx.parse_value(cell)
    if value is not None:
        return "value", value
    slash = lx.slash_values(cell)
    if slash is not None:
        return "slash", slash
    if lx.is_empty_value(cell):
        return "none", None
    match = _VALUE_WITH_UNIT.match(cell.replace(" ", ""))
    if match and known_unit(match.group(3)):
        op = lx.COMPARATOR_SYMBOLS[match.group(1)] if match.group(1) else None
        return "value_unit", (lx.Value(op, lx.to_number(match.group(2))), match.group(3))
    if lx.is_unit(cell):
        return "unit", cell
    if lx.metric_of_label(cell) is None:
        mineral = ctx.finder.resolve(cell)
        if mineral:
            return "mineral", mineral
    return "text", cell


def _stream_rows(cells: list[Cell], ctx: Context, caption: str) -> list[list[Cell]]:
    """Rebuild the rows of a table flattened one cell a line: a row ends after its values (and attribute)."""
    rows: list[list[Cell]] = []
    current: list[Cell] = []
    seen_value = False
    for cell in cells:
        kind, _ = _kind(cell.text, ctx)
        if kind in ("value", "slash", "none", "value_unit"):
            current.append(cell)
            seen_value = True
            continue
        if kind == "attr":
            current.append(cell)
            rows.append(current)
            current, seen_value = [], False
            continue
        if seen_value and kind in ("text", "mineral", "unit"):
            if kind == "text" and lx.metric_of_label(cell.text) is None and lx.scope_mine(cell.text) is None:
                current.append(cell)  # a remark after the values
                continue
            rows.append(current)
            current, seen_value = [], False
        current.append(cell)
    if current:
        rows.append(current)
    return rows


def _row(cells: list[Cell], layout: Layout, ctx: Context) -> Row:
    row = Row(leading_empty=bool(cells) and not cells[0].text.strip())
    for index, cell in enumerate(cells):
        kind, payload = _kind(cell.text, ctx)
        if kind == "empty":
            continue
        if layout.has_seq and index == 0 and kind == "value" and len(cells) > 2:
            continue  # the 序号 cell
        if kind == "attr":
            row.attribute = str(payload)
        elif kind in ("value", "slash", "none"):
            row.values.append((cell, (kind, payload), None))
        elif kind == "value_unit":
            assert isinstance(payload, tuple)
            row.values.append((cell, ("value", payload[0]), str(payload[1])))
        elif row.values:
            row.remarks.append(cell)
        elif kind == "unit":
            row.unit = str(payload)
        elif kind == "mineral":
            row.minerals.append((str(payload), cell))
        else:
            row.labels.append(cell)
            paren = _PAREN.search(cell.text.replace(" ", ""))
            if paren and row.unit is None and lx.is_unit(paren.group(1)):
                row.unit = paren.group(1)  # 矿山总数（个）: the unit in the row's label
    return row


def _label(row: Row) -> tuple[str, str | None]:
    """The row's own label as printed and its metric (the last label cell naming one, else all joined)."""
    for cell in reversed(row.labels):
        metric = lx.metric_of_label(cell.text)
        if metric:
            return cell.text, metric
    joined = "".join(c.text for c in row.labels)
    return joined, lx.metric_of_label(joined)


# ---- indicator tables ---------------------------------------------------------------------------------


@dataclass
class _State:
    group_label: str | None = None
    group_metric: str | None = None
    mineral: str | None = None
    mineral_cell: Cell | None = None
    attribute: str | None = None


def _indicator_rows(
    rows: list[list[Cell]], layout: Layout, table: Table, ctx: Context, out: Findings, tid: str | None
) -> None:
    override = None
    for note in table.notes:
        match = _NOTE_ATTRIBUTE.search(note.text)
        if match:
            override = lx.ATTRIBUTES[match.group(1)]
    state = _State()
    for cells in rows:
        texts = [c.text for c in cells if c.text.strip()]
        if len(texts) == 1 and len(texts[0]) >= 24 and not lx.parse_value(texts[0]):
            match = _NOTE_ATTRIBUTE.search(texts[0])
            override = lx.ATTRIBUTES[match.group(1)] if match else override
            continue  # an explanatory note inside the table
        row = _row(cells, layout, ctx)
        if not row.values:
            if row.labels or row.minerals:
                _carry_group(row, state, ctx)
                continue
            if row.attribute:
                state.attribute = row.attribute
            continue
        label, metric = _label(row)
        scope_label = lx.scope_mine(label) if label and not metric else None
        if label and not metric and not scope_label and not row.minerals and layout.names_minerals:
            known = ", ".join(ctx.vocabulary.suggest(label)) or "none"
            out.skip(row.labels[0].line, " ".join(texts), f"mineral {label!r} is not in the vocabulary "
                     f"(closest: {known})", tid)  # fmt: skip
            continue
        if metric:
            state.group_label, state.group_metric = (label, metric) if row.minerals else (None, None)
            state.mineral = None
        elif label and not scope_label and not row.minerals:
            state.group_label, state.group_metric = None, None
        mineral, mineral_cell = _row_mineral(row, label, state, bool(scope_label), ctx)
        row_metric = metric or (state.group_metric if not label or scope_label else None)
        own_label = label or state.group_label
        if row.attribute:
            state.attribute = row.attribute
            attribute, carried = row.attribute, False
        else:
            attribute = state.attribute if layout.has_attribute and state.attribute else "unspecified"
            carried = attribute != "unspecified"
        if override:
            attribute, carried = override, False
        emitted = _emit_values(row, layout, table, ctx, out, tid, row_metric, mineral, mineral_cell, own_label,
                               scope_label, attribute, carried)  # fmt: skip
        for remark in row.remarks:
            context = {"mineral": mineral, "mine": scope_label, "attribute": attribute}
            for item in parse_fragment(remark.text, remark.line, ctx, context, tid):
                out.indicators.append(item)
                emitted += 1
        if not emitted and not layout.values and not row.remarks:
            out.skip(row.values[0][0].line, " ".join(texts), "a row whose values have no column", tid)


def _carry_group(row: Row, state: _State, ctx: Context) -> None:
    """A row with a label but no value: a group header for the rows below it."""
    label, metric = _label(row)
    if metric:
        state.group_label, state.group_metric = label, metric
    if row.minerals:
        state.mineral, state.mineral_cell = row.minerals[-1][0], row.minerals[-1][1]
    if row.attribute:
        state.attribute = row.attribute


def _row_mineral(
    row: Row, label: str, state: _State, scoped: bool, ctx: Context
) -> tuple[str | None, Cell | None]:
    if row.minerals:
        state.mineral, state.mineral_cell = row.minerals[-1]
        return row.minerals[-1]
    inside = ctx.finder.find_all(label) if label else []
    if inside:
        return inside[-1][0], None
    if row.leading_empty or scoped or not label:
        return state.mineral, state.mineral_cell
    state.mineral = None
    return None, None


def _unit_for(metric: str, printed: str | None) -> str | None:
    allowed = lx.METRIC_DIMENSIONS.get(metric, _AMOUNT)
    if printed and known_unit(printed) and parse_unit(printed).dimension in allowed:
        return printed
    return lx.DEFAULT_UNIT.get(metric)


def _emit_values(
    row: Row,
    layout: Layout,
    table: Table,
    ctx: Context,
    out: Findings,
    tid: str | None,
    metric: str | None,
    mineral: str | None,
    mineral_cell: Cell | None,
    label: str | None,
    scope_label: str | None,
    attribute: str,
    carried: bool,
) -> int:
    values = row.values
    columns = layout.values
    merged_regions = len(values) == 1 and len(columns) > 1 and all(c.regions for c in columns)
    emitted = 0
    for index, (cell, (kind, payload), own_unit) in enumerate(values):
        column = columns[index] if index < len(columns) else None
        if column is None and columns:
            out.skip(cell.line, cell.text, "a value beyond the table's columns", tid)
            continue
        if kind == "none":
            continue  # '/': no value stated for this case
        the_metric = (column.metric if column else None) or metric or layout.metric
        if the_metric is None:
            out.skip(
                cell.line, f"{label or mineral or ''} {cell.text}".strip(), "a value with no metric", tid
            )
            continue
        unit = _unit_for(the_metric, own_unit or (column.unit if column else None) or row.unit)
        if unit is None:
            out.skip(cell.line, f"{label or mineral or ''} {cell.text}".strip(), "a value with no unit", tid)
            continue
        if column is not None and column.actual and layout.current:  # a 现状 column beside the targets
            _present_value(out, ctx, cell, tid, the_metric, mineral, label, unit, payload, column)
            emitted += 1
            continue
        if any(c.actual for c in columns) and not layout.current:  # the previous period's targets and results
            _baseline_value(out, ctx, cell, tid, the_metric, mineral, label, unit, payload, column)
            emitted += 1
            continue
        notes = []
        if carried:
            notes.append(f"attribute cell empty: continues {_zh_attribute(attribute)} above (merged cell)")
        scope: Item = {}
        caption_mine = lx.scope_mine(table.caption) if lx.scope_mine(table.caption) == "new" else None
        if scope_label or caption_mine:
            scope["mine"] = scope_label or caption_mine
        if column is not None and column.deposit:
            scope["deposit"] = column.deposit
        if column is not None and column.mine:
            scope["mine"] = column.mine
        subset = lx.subset_of_label(label or "", the_metric)
        if subset:
            scope["subset"] = subset
        cases = _cases(kind, payload, cell, row, mineral_cell, table, notes)
        if cases is None:
            out.skip(cell.line, cell.text, "a cell with several values whose cases are not stated", tid)
            continue
        regions: tuple[str | None, ...] = (None,)
        if column is not None and column.regions and not merged_regions:
            regions = column.regions
        elif merged_regions:
            notes.append("one cell spans every region column (merged): read as applying to all regions")
        for value, case_scope in cases:
            for region in regions:
                item_scope = {**scope, **case_scope, **({"region": region} if region else {})}
                out.indicators.append(
                    _indicator(
                        the_metric,
                        mineral,
                        value,
                        unit,
                        attribute,
                        layout,
                        column,
                        item_scope,
                        label,
                        notes,
                        ctx.cite(cell.line, tid),
                    )  # fmt: skip
                )
                emitted += 1
    return emitted


def _cases(
    kind: str,
    payload: object,
    cell: Cell,
    row: Row,
    mineral_cell: Cell | None,
    table: Table,
    notes: list[str],
) -> list[tuple[lx.Value, Item]] | None:
    """The value(s) of a cell; '100/50' splits by the cases named in the row or caption (新设/整合扩能)."""
    if kind == "value":
        assert isinstance(payload, lx.Value)
        return [(payload, {})]
    assert isinstance(payload, list)
    sources = [c.text for c in row.labels] + [c.text for _, c in row.minerals]
    if mineral_cell is not None:
        sources.append(mineral_cell.text)
    sources.append(table.caption)
    for source in sources:
        spec = _SLASH_SPEC.search(source)
        if spec:
            parts = [p.strip() for p in spec.group(1).split("/")]
            if len(parts) == len(payload):
                notes.append(f"cell {cell.text} read as {'/'.join(parts)}")
                return [
                    (lx.Value(None, value), _case_scope(part))
                    for value, part in zip(payload, parts, strict=True)
                ]
    return None


def _case_scope(part: str) -> Item:
    mine = lx.scope_mine(part)
    return {"mine": mine} if mine else {"subset": part}


def _zh_attribute(attribute: str) -> str:
    return {"binding": "约束性", "expected": "预期性"}.get(attribute, attribute)


def _indicator(
    metric: str,
    mineral: str | None,
    value: lx.Value,
    unit: str,
    attribute: str,
    layout: Layout,
    column: Column | None,
    scope: Item,
    label: str | None,
    notes: list[str],
    cite: Item,
) -> Item:
    op = value.op or lx.DEFAULT_OP.get(metric, "==")
    item: Item = {"metric": metric}
    if mineral:
        item["mineral"] = mineral
    number: object = list(value.value) if isinstance(value.value, tuple) else value.value
    item.update({"op": op, "value": number, "unit": unit, "basis": _basis(unit), "attribute": attribute})
    year = (column.year if column else None) or (
        layout.year if column is None or not column.deposit else None
    )
    if year and not (column and (column.deposit or column.regions)):
        item["year"] = year
    if scope:
        item["scope"] = scope
    if label:
        item["label"] = label
    if value.op is None and op != "==":
        notes = [*notes, f"no comparator printed: read as {op} ({metric})"]
    item["_op_printed"] = value.op is not None
    if notes:
        item["note"] = "; ".join(notes)
    item["cite"] = cite
    return item


def _basis(unit: str) -> str:
    parsed = parse_unit(unit)
    return parsed.basis or "none"


def _baseline_value(
    out: Findings,
    ctx: Context,
    cell: Cell,
    tid: str | None,
    metric: str,
    mineral: str | None,
    label: str | None,
    unit: str,
    payload: object,
    column: Column | None,
) -> None:
    """A value of the previous period's table (targets and results): one baseline entry per row label."""
    value = _one_number(out, cell, tid, payload, "a baseline cell that is not one number")
    if value is None:
        return
    name = (mineral or "total") + ("_achieved" if column is not None and column.actual else "_target")
    note = f"{label or metric}（{mineral or ''}）"
    entry = _baseline_entry(
        out, ctx, cell, tid, f"previous_period_{metric}", ctx.base_year or 2020, note, name,
        lambda b: b.get("note") == note,
    )  # fmt: skip
    entry["values"][name] = value
    entry["units"][name] = unit


def _present_value(
    out: Findings,
    ctx: Context,
    cell: Cell,
    tid: str | None,
    metric: str,
    mineral: str | None,
    label: str | None,
    unit: str,
    payload: object,
    column: Column,
) -> None:
    """A value of the 现状/基期 column: a base-period fact, never a target."""
    value = _one_number(out, cell, tid, payload, "a 现状 cell that is not one number")
    if value is None:
        return
    year = column.year or ctx.base_year or 2020
    name = mineral or "total"
    entry = _baseline_entry(
        out, ctx, cell, tid, metric, year, f"{column.text} column of {tid or 'a table'}", name,
        lambda b: b["year"] == year and b["cite"].get("table") == tid,
    )  # fmt: skip
    entry["values"][name] = value
    entry["units"][name] = unit


def _one_number(out: Findings, cell: Cell, tid: str | None, payload: object, why_not: str) -> object | None:
    """The cell's one number; None (and the cell said to be skipped) when it holds anything else."""
    if isinstance(payload, lx.Value) and not isinstance(payload.value, tuple):
        return payload.value
    out.skip(cell.line, cell.text, why_not, tid)
    return None


def _baseline_entry(
    out: Findings,
    ctx: Context,
    cell: Cell,
    tid: str | None,
    key: str,
    year: int,
    note: str,
    name: str,
    belongs: Callable[[Item], bool],
) -> Item:
    """The baseline entry under `key` this value belongs to (one not yet holding `name`), new if none."""
    for entry in out.baseline:
        if entry["key"] == key and name not in entry["values"] and belongs(entry):
            return entry
    entry = {
        "key": key,
        "year": year,
        "values": {},
        "units": {},
        "note": note,
        "cite": ctx.cite(cell.line, tid),
    }
    out.baseline.append(entry)
    return entry


# ---- zone tables and lists ----------------------------------------------------------------------------


def _is_zone_table(layout: Layout, caption: str) -> bool:
    names = any(c.role == "name" and "名称" in c.text for c in layout.columns)
    zone_caption = any(word in caption for word, _ in lx.ZONE_SUFFIXES) or "区块" in caption
    return names and zone_caption


def _caption_kind(caption: str) -> str | None:
    for suffix, kind in lx.ZONE_SUFFIXES:
        if suffix in caption:
            return kind
    if "勘查" in caption and "区块" in caption:
        return "exploration_block"
    if "开采" in caption and "区块" in caption:
        return "mining_block"
    return None


def _zone_table(
    rows: list[list[Cell]], layout: Layout, table: Table, ctx: Context, out: Findings, tid: str | None
) -> None:
    for cells in rows:
        texts = [c for c in cells if c.text.strip()]
        name_cell = next(
            (
                c
                for c in texts
                if _kind(c.text, ctx)[0] == "text" and len(c.text) >= 4 and lx.scope_mine(c.text) is None
            ),
            None,
        )
        if name_cell is None:
            if texts:
                out.skip(
                    texts[0].line, " ".join(c.text for c in texts), "a table row without a zone name", tid
                )
            continue
        kind = lx.zone_kind(name_cell.text) or _caption_kind(table.caption)
        if kind is None:
            out.skip(name_cell.line, name_cell.text, "a zone of unknown kind", tid)
            continue
        row = _row([c for c in cells if c is not name_cell], layout, ctx)
        zone: Item = {"kind": kind, "name": name_cell.text}
        minerals = [m for m, _ in row.minerals] or [m for m, _, _ in ctx.finder.find_all(name_cell.text)]
        if minerals:
            zone["minerals"] = list(dict.fromkeys(minerals))
        limits = []
        for index, (cell, (value_kind, payload), own_unit) in enumerate(row.values):
            column = layout.values[index] if index < len(layout.values) else None
            if value_kind != "value" or column is None or not column.metric:
                continue
            unit = _unit_for(column.metric, own_unit or column.unit)
            if unit is None:
                out.skip(cell.line, cell.text, f"{column.text}: a value with no unit", tid)
                continue
            assert isinstance(payload, lx.Value)
            op = "==" if column.metric in ("area", "mine_count") else None
            value = lx.Value(payload.op or op, payload.value)
            scope: Item = {"zone": name_cell.text, **({"mine": column.mine} if column.mine else {})}
            one = (
                minerals[0]
                if len(set(minerals)) == 1 and column.metric not in ("area", "mine_count")
                else None
            )
            limits.append(
                _indicator(
                    column.metric,
                    one,
                    value,
                    unit,
                    "unspecified",
                    layout,
                    column,
                    scope,
                    column.text,
                    [],
                    ctx.cite(cell.line, tid),
                )  # fmt: skip
            )
        if limits:
            zone["limits"] = limits
        others = [c.text for c in row.labels + row.remarks]
        if others:
            zone["note"] = "；".join(others)
        zone["cite"] = ctx.cite(name_cell.line, tid)
        out.zones.append(zone)


def _strip_item(text: str) -> str:
    return re.sub(r"^\s*(?:\d+\s*[．.、]|[（(]\d+[)）])\s*", "", text).strip().rstrip("。；;")


def _is_zone_list(texts: list[str]) -> bool:
    return sum(1 for t in texts if lx.zone_kind(_strip_item(t))) >= 1 and not any(
        lx.parse_value(t) for t in texts
    )


def _zone_list(table: Table, cells: list[Cell], ctx: Context, out: Findings, tid: str | None) -> None:
    """专栏 boxes that list zones: 'label（N个）：a，b，c。' rows, or numbered zone names with details."""
    caption_minerals = [m for m, _, _ in ctx.finder.find_all(table.caption)]
    caption_kind = _caption_kind(table.caption)
    intro: list[str] = []
    found = 0
    last_zone: Item | None = None
    for cell in cells:
        text = cell.text.strip()
        match = LIST_ROW.match(text)
        if match:
            found += _list_row(text, cell, ctx, out, tid, caption_kind, caption_minerals)
            continue
        name = _strip_item(text)
        kind = lx.zone_kind(name)
        if kind and len(name) <= 40:
            minerals = [m for m, _, _ in ctx.finder.find_all(name)] or caption_minerals
            last_zone = {"kind": kind, "name": name}
            if minerals:
                last_zone["minerals"] = list(dict.fromkeys(minerals))
            if intro:
                last_zone["note"] = "；".join(intro)
            last_zone["cite"] = ctx.cite(cell.line, tid)
            out.zones.append(last_zone)
            found += 1
            continue
        if last_zone is not None:
            _zone_details(text, cell, last_zone, ctx, out, tid)
            continue
        intro.append(text)
    if not found:
        out.skip(table.caption_line, table.caption, "a box whose list could not be read", tid)


def _list_row(
    text: str, cell: Cell, ctx: Context, out: Findings, tid: str | None, caption_kind: str | None,
    caption_minerals: list[str],
) -> int:  # fmt: skip
    head, _, rest = text.replace(":", "：").partition("：")
    count_match = re.search(r"[（(](\d+)[个处种项][)）]", head)
    label = re.sub(r"[（(]\d+[个处种项][)）]", "", head).strip()
    names = [n.strip().rstrip("。.") for n in re.split("[，,、；;]", rest) if n.strip().rstrip("。.")]
    kinds = [lx.zone_kind(n) for n in names]
    if names and all(ctx.finder.resolve(n) for n in names):
        out.skip(cell.line, text, f"a list of minerals ({label}): not a policy list, review", tid)
        return 1
    if not any(kinds):
        out.skip(cell.line, text, f"a list ({label}) that names no zones", tid)
        return 1
    group_kind = lx.zone_kind(label) or caption_kind
    region = label if label in ctx.regions else None
    for name, kind in zip(names, kinds, strict=True):
        zone_kind = kind or group_kind
        if zone_kind is None:
            out.skip(cell.line, name, "a zone of unknown kind", tid)
            continue
        zone: Item = {"kind": zone_kind, "name": name}
        minerals = [m for m, _, _ in ctx.finder.find_all(name)] or caption_minerals
        if minerals:
            zone["minerals"] = list(dict.fromkeys(minerals))
        if region:
            zone["region"] = region
        elif label and not lx.zone_kind(label):
            zone["note"] = f"listed under {label}"
        zone["cite"] = ctx.cite(cell.line, tid)
        out.zones.append(zone)
    if count_match:
        kind = group_kind or next((k for k in kinds if k), None)
        key = f"{kind}_zones" if kind else "zones"
        out.counts.append(
            {"key": key, "total": int(count_match.group(1)), **({"parts": {label: int(count_match.group(1))}}
             if label and not lx.zone_kind(label) else {}), "unit": "个", "note": f"{label}（{count_match.group(1)}）",
             "cite": ctx.cite(cell.line, tid)}
        )  # fmt: skip
    return 1


def _zone_details(text: str, cell: Cell, zone: Item, ctx: Context, out: Findings, tid: str | None) -> None:
    """'位于…一带，面积10.996km2。拟设采矿权3个。' under a listed zone: its area and planned mining rights."""
    limits = zone.setdefault("limits", [])
    area = re.search(rf"面积\s*({lx.NUMBER})\s*(km2|km²|平方千米|平方公里|公顷|亩)", text)
    if area:
        limits.append(_zone_limit("area", "==", area.group(1), area.group(2), zone, "面积", ctx, cell, tid))
    rights = re.search(r"(拟设|新设|已设)采矿权\s*(\d+)\s*个", text)
    if rights:
        # A listed zone with only its planned rights stated: that is the zone's number of mining rights.
        limits.append(
            _zone_limit("mine_count", "==", rights.group(2), "个", zone, rights.group(0), ctx, cell, tid)
        )
    if not limits:
        zone.pop("limits")
    if not area and not rights and re.search(r"\d", text):
        out.skip(cell.line, text, "a detail of a listed zone that was not read", tid)
    location = re.match(r"位于([^，。]+)", text)
    if location:
        zone["note"] = (zone.get("note", "") + "；" if zone.get("note") else "") + location.group(0)


def _zone_limit(
    metric: str,
    op: str,
    number: str,
    unit: str,
    zone: Item,
    label: str,
    ctx: Context,
    cell: Cell,
    tid: str | None,
) -> Item:
    scope: Item = {"zone": zone["name"]}
    return {
        "metric": metric, "op": op, "value": lx.to_number(number), "unit": unit, "basis": "none",
        "attribute": "unspecified", "scope": scope, "label": label, "cite": ctx.cite(cell.line, tid),
    }  # fmt: skip
