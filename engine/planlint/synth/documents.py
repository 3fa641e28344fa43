"""Synthetic plan documents: a small plan model written as a .txt or .docx in one of many house styles.

`planlint synth --documents N` writes N documents and, beside each, the answer key (`NNN.expected.json`):
the targets the document states and the base-period (现状) values it prints, which are never targets.
The model draws its minerals, unit families and minimum-scale floors from the synthetic nation's catalog;
the style varies what bureaus vary: heading numbering (numbers in the text, Word heading styles, Word's
automatic numbering with no number in the text), table layouts with 现状/基期 and target columns, captions
directly above a table or separated from it by a note, notes saying which column is 现状值, the words of
caps and floors, units in a column, a header or the cells, and several scoped values in one sentence.
Everything follows from the seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from planlint.synth import catalog as cat

CAPS = ("不突破{v}{u}", "不超过{v}{u}", "控制在{v}{u}以内", "控制在{v}{u}以下", "不高于{v}{u}", "{v}{u}以下")
FLOORS = ("不低于{v}{u}", "不少于{v}{u}", "{v}{u}以上", "达到{v}{u}", "达到{v}{u}以上")
CN = "一二三四五六七八九十"
DEPOSITS = (("large", "大型"), ("medium", "中型"), ("small", "小型"))
ATTRIBUTE_ZH = {"binding": "约束性", "expected": "预期性"}


@dataclass
class Target:
    """A target the document states (what `extract` must find), in plan-format terms."""

    metric: str
    mineral: str | None
    op: str
    value: float
    unit: str
    attribute: str = "unspecified"
    scope: dict[str, str] = field(default_factory=dict)

    def as_item(self) -> dict[str, Any]:
        item: dict[str, Any] = {"metric": self.metric, "op": self.op, "value": self.value, "unit": self.unit}
        if self.mineral:
            item["mineral"] = self.mineral
        item["attribute"] = self.attribute
        if self.scope:
            item["scope"] = dict(self.scope)
        return item


@dataclass
class Fact:
    """A base-period value the document prints: never a target."""

    metric: str
    mineral: str | None
    value: float
    unit: str


@dataclass
class Style:
    fmt: str  # txt | docx
    numbering: str  # text | plain (txt); text | styles | numpr (docx)
    table: str  # years | words | years_note | base_first
    caption: str  # above | note_between | row (docx only)
    units: str  # column | header | cells
    scales: str  # table | sentence | each (大、中、小型…分别不低于X、Y、Z)
    state_base: bool  # the document says 以2020年为基期
    change: str = "none"  # none | from (由2020年的164个减少到149个以内) | stated (2020年…164个，到2025年…)
    new_mines: bool = False  # minimum scales are for 新建矿山
    mine_word: str = "矿山总数"
    target_first: bool = False  # the target column before the 现状 column
    traditional: bool = False  # written in Traditional characters (a .txt only)
    symbols: bool = False  # table targets printed with ≤/≥


@dataclass
class PlanModel:
    jurisdiction: str
    level: str
    start: int
    end: int
    base: int
    mine_cap: int
    mine_now: int
    ratio: float
    ratio_now: float
    caps: list[tuple[str, str, float, float]]  # mineral as printed, unit, target, 现状
    scales: list[tuple[str, str, tuple[float, float, float]]]  # mineral, unit, (large, medium, small)
    resources: list[tuple[str, str, float]]  # mineral, unit, new resources floor
    attributes: dict[str, str]

    @property
    def title(self) -> str:
        return f"{self.jurisdiction}矿产资源总体规划（{self.start}—{self.end}年）"


def _number(rng: random.Random, low: float, high: float, digits: int = 0) -> float:
    value = round(rng.uniform(low, high), digits)
    return int(value) if digits == 0 else value


def make_model(rng: random.Random) -> PlanModel:
    """A county (or city) plan: mine count, large/medium share, caps, minimum scales, new resources."""
    county = rng.random() < 0.8
    name = "".join(rng.sample(cat.PLACE_CHARS, 2)) + (rng.choice("县区") if county else "市")
    start = rng.choice((2021, 2021, 2021, 2016))
    pool = [m for m in cat.PROVINCE_POOL + cat.LOCAL_POOL if cat.SPECS[m].cap_family in ("ore", "volume")]
    minerals = rng.sample(pool, rng.randint(2, 4))
    caps = []
    for mineral in minerals:
        unit = "万吨/年" if cat.SPECS[mineral].cap_family == "ore" else "万立方米/年"
        target = _number(rng, 20, 900)
        caps.append((mineral, unit, target, _distinct(rng, target)))
    scaled = [m for m in minerals if cat.SPECS[m].scale_family] or minerals[:1]
    scales = []
    for mineral in scaled[: rng.randint(1, 3)]:
        unit = "万吨/年" if (cat.SPECS[mineral].scale_family or "ore") == "ore" else "万立方米/年"
        large, medium, small = cat.SPECS[mineral].floors
        factor = rng.choice((1, 1, 2, 0.5))
        floors = (
            _whole((large or 30) * factor),
            _whole((medium or 15) * factor),
            _whole((small or 5) * factor),
        )
        scales.append((mineral, unit, floors))
    resources = [(m, "万吨", float(_number(rng, 100, 5000))) for m in rng.sample(minerals, 1)]
    mine_cap = int(_number(rng, 12, 160))
    ratio = _number(rng, 30, 80, rng.choice((0, 1)))
    return PlanModel(
        jurisdiction=name,
        level="county" if county else "city",
        start=start,
        end=start + 4,
        base=start - 1,
        mine_cap=mine_cap,
        mine_now=mine_cap + rng.randint(3, 40),
        ratio=ratio,
        ratio_now=round(ratio - rng.uniform(3, 20), 1),
        caps=caps,
        scales=scales,
        resources=resources,
        attributes={
            "mine_count": rng.choice(("binding", "expected")),
            "large_medium_ratio": rng.choice(("binding", "expected")),
            "extraction_total": rng.choice(("binding", "expected")),
        },  # fmt: skip
    )


def _whole(value: float) -> float:
    return int(value) if float(value).is_integer() else round(value, 1)


def _distinct(rng: random.Random, target: float) -> float:
    """A 现状 value that is not the target (so a baseline read as a target is always detectable)."""
    return int(target * rng.uniform(0.6, 1.4)) + (1 if rng.random() < 0.5 else 2)


def make_style(rng: random.Random, fmt: str) -> Style:
    return Style(
        fmt=fmt,
        numbering=rng.choice(
            ("text", "plain", "decimal")
            if fmt == "txt"
            else ("text", "styles", "numpr", "numpr_body", "outline")
        ),
        table=rng.choice(("years", "words", "years_note", "base_first")),
        caption=rng.choice(("above", "note_between", "unit_between") + (("row",) if fmt == "docx" else ())),
        units=rng.choice(("column", "header", "cells")),
        scales=rng.choice(("table", "sentence", "each", "each_units")),
        state_base=rng.random() < 0.5,
        change=rng.choice(("none", "from", "stated")),
        new_mines=rng.random() < 0.3,
        mine_word=rng.choice(("矿山总数", "矿山数量", "采矿权总数")),
        target_first=rng.random() < 0.2,
        traditional=fmt == "txt" and rng.random() < 0.15,
        symbols=rng.random() < 0.25,
    )


# ---- the document as blocks -------------------------------------------------------------------------


@dataclass
class Heading:
    level: int  # 1 chapter, 2 section
    title: str


@dataclass
class Para:
    text: str


@dataclass
class Grid:
    caption: str
    rows: list[list[str]]
    note_above: str | None = None
    note_below: str | None = None


Block = Heading | Para | Grid


def _phrase(words: tuple[str, ...], rng: random.Random, value: float, unit: str) -> str:
    return rng.choice(words).format(v=_show(value), u=unit)


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def compose(
    model: PlanModel, style: Style, rng: random.Random
) -> tuple[list[Block], list[Target], list[Fact]]:
    """The document's blocks, the targets it states and the 现状 values it prints."""
    targets: list[Target] = []
    facts: list[Fact] = [
        Fact("mine_count", None, model.mine_now, "个"),
        Fact("large_medium_ratio", None, model.ratio_now, "%"),
        *(Fact("extraction_total", m, now, u) for m, u, _, now in model.caps),
    ]
    blocks: list[Block] = [Heading(1, "总则")]
    base_words = f"以{model.base}年为基期，" if style.state_base else ""
    blocks.append(Para(f"本规划{base_words}规划期为{model.start}—{model.end}年，展望到2035年。"))
    blocks += [Heading(1, "矿产资源开发利用现状"), Heading(2, "矿山开发现状")]
    first = model.caps[0]
    blocks.append(
        Para(
            f"截至{model.base}年底，全{model.jurisdiction[-1]}共有矿山{model.mine_now}个，"
            f"大中型矿山比例为{_show(model.ratio_now)}%。{model.base}年{first[0]}开采量{_show(first[3])}"
            f"{first[1].removesuffix('/年')}。"
        )  # fmt: skip
    )
    blocks += [Heading(1, "规划目标"), Heading(2, "主要指标")]
    blocks.append(Para(f"到{model.end}年，矿产资源开发利用结构进一步优化。主要指标见专栏1。"))
    blocks += _main_table(model, style, rng, targets)
    blocks.append(Heading(1, "矿产资源开发利用与保护"))
    blocks.append(Heading(2, "开采总量调控"))
    sentence_caps = []
    for mineral, unit, target, _ in model.caps:
        sentence_caps.append(f"{mineral}年开采总量{_phrase(CAPS, rng, target, unit)}")
    blocks.append(Para(f"到{model.end}年，" + "，".join(sentence_caps) + "。"))
    whole = f"全{model.jurisdiction[-1]}"
    if style.change == "stated":
        blocks.append(
            Para(
                f"{model.base}年{whole}共有矿山{model.mine_now}个，到{model.end}年{style.mine_word}控制在{model.mine_cap}个以内；"
                f"大中型矿山比例现状为{_show(model.ratio_now)}%，规划期末达到{_show(model.ratio)}%以上。"
            )  # fmt: skip
        )
    elif style.change == "from":
        down = rng.choice(("减少到{v}{u}以内", "压减至{v}{u}以内", "减少到{v}{u}以下", "控制在{v}{u}以内"))
        up = rng.choice(("提高到{v}{u}以上", "提高至{v}{u}以上", "提升到{v}{u}"))
        blocks.append(
            Para(
                f"{whole}{style.mine_word}由{model.base}年的{model.mine_now}个{down.format(v=model.mine_cap, u='个')}，"
                f"大中型矿山比例由{_show(model.ratio_now)}%{up.format(v=_show(model.ratio), u='%')}。"
            )  # fmt: skip
        )
    else:
        blocks.append(
            Para(
                f"{whole}{style.mine_word}{_phrase(CAPS, rng, model.mine_cap, '个')}，"
                f"大中型矿山比例{_phrase(FLOORS, rng, model.ratio, '%')}。"
            )  # fmt: skip
        )
    blocks.append(Heading(2, "最低开采规模"))
    blocks += _scales(model, style, rng, targets)
    blocks.append(Heading(2, "矿产资源勘查"))
    for mineral, unit, floor in model.resources:
        blocks.append(Para(f"规划期内，新增{mineral}资源量{_phrase(FLOORS, rng, floor, unit)}。"))
        targets.append(Target("new_resources", mineral, ">=", floor, unit))
    return blocks, targets, facts


def _main_table(model: PlanModel, style: Style, rng: random.Random, targets: list[Target]) -> list[Block]:
    heads_and_note: dict[str, tuple[str, str, str | None]] = {
        "years": (f"{model.base}年（现状）", f"{model.end}年（目标）", None),
        "words": (rng.choice(("现状值", "基期值", "现状")), rng.choice(("目标值", "规划目标")), None),
        "years_note": (f"{model.base}年", f"{model.end}年", rng.choice((
            f"注：{model.base}年为现状值，{model.end}年为规划目标值。", f"注：表中{model.base}年数据为现状值。",
            f"说明：基期年为{model.base}年。", f"注：{model.base}年数值为基期值。"))),
        "base_first": (f"基期（{model.base}年）", f"规划目标（{model.end}年）", None),
    }  # fmt: skip
    base_head, target_head, note = heads_and_note[style.table]
    rows_in: list[tuple[str, str, float, float, str, str | None]] = [
        (style.mine_word, "个", model.mine_cap, model.mine_now, model.attributes["mine_count"], None),
        ("大中型矿山比例", "%", model.ratio, model.ratio_now, model.attributes["large_medium_ratio"], None),
    ]
    for mineral, unit, target, now in model.caps:
        rows_in.append(
            (f"{mineral}开采总量", unit, target, now, model.attributes["extraction_total"], mineral)
        )
    metric_of = {style.mine_word: "mine_count", "大中型矿山比例": "large_medium_ratio"}
    op_of = {"mine_count": "<=", "large_medium_ratio": ">=", "extraction_total": "<="}
    heads = [target_head, base_head] if style.target_first else [base_head, target_head]
    header = ["指标", *heads, "属性"]
    if style.units == "column":
        header.insert(1, "单位")
    rows = [header]
    for label, unit, target, now, attribute, row_mineral in rows_in:
        shown = f"{label}（{unit}）" if style.units == "header" else label
        shown_target = _show(target)
        if style.symbols:
            shown_target = (
                "≤" if op_of[metric_of.get(label, "extraction_total")] == "<=" else "≥"
            ) + shown_target
        values = [shown_target, _show(now)] if style.target_first else [_show(now), shown_target]
        if style.units == "cells":
            values = [v + unit for v in values]
        row = [shown, *values, ATTRIBUTE_ZH[attribute]]
        if style.units == "column":
            row.insert(1, unit)
        rows.append(row)
        metric = metric_of.get(label, "extraction_total")
        targets.append(Target(metric, row_mineral, op_of[metric], target, unit, attribute))
    caption = "专栏1 规划主要指标"
    if style.caption == "note_between":
        return [Grid(caption, rows, note_above=note or "注：表中指标以规划期末为准。")]
    if style.caption == "unit_between":
        return [Grid(caption, rows, note_above="单位：个、%、万吨/年", note_below=note)]
    if style.caption == "row":
        return [Grid(caption, rows, note_below=note)]
    return [Grid(caption, rows, note_below=note)]


def _scales(model: PlanModel, style: Style, rng: random.Random, targets: list[Target]) -> list[Block]:
    blocks: list[Block] = []
    if style.scales == "table":
        blocks.append(Para("主要矿种矿山最低开采规模见专栏2。"))
        rows = [["矿种", "单位", "大型", "中型", "小型"]]
        for mineral, unit, floors in model.scales:
            rows.append([mineral, unit, *(_show(f) for f in floors)])
        blocks.append(Grid("专栏2 主要矿种矿山最低开采规模", rows))
    elif style.scales == "sentence":
        blocks.append(Para("矿山最低开采规模按矿床规模分别控制："))
        new = "新建矿山" if style.new_mines else ""
        for mineral, unit, floors in model.scales:
            parts = [
                f"{zh}矿床{_phrase(FLOORS, rng, f, unit)}"
                for (_, zh), f in zip(DEPOSITS, floors, strict=True)
            ]
            blocks.append(Para(f"{new}{mineral}最低开采规模：" + "，".join(parts) + "。"))
    elif style.scales == "each":
        new = "新建" if style.new_mines else ""
        for mineral, unit, floors in model.scales:
            numbers = "、".join(_show(f) for f in floors)
            blocks.append(Para(f"{mineral}{new}大、中、小型矿山最低开采规模分别不低于{numbers}{unit}。"))
    else:
        new = "新建" if style.new_mines else ""
        for mineral, unit, floors in model.scales:
            large, medium, small = (_show(f) + unit for f in floors)
            blocks.append(
                Para(
                    f"{new}{mineral}矿山最低开采规模：大型、中型、小型矿山分别为{large}、{medium}和{small}。"
                )
            )
    scope = {"mine": "new"} if style.new_mines and style.scales != "table" else {}
    for mineral, unit, floors in model.scales:
        for (key, _), floor in zip(DEPOSITS, floors, strict=True):
            targets.append(Target("min_scale", mineral, ">=", floor, unit, scope={**scope, "deposit": key}))
    return blocks


# ---- writing ----------------------------------------------------------------------------------------


def _number_label(level: int, counters: list[int]) -> str:
    if level == 1:
        return f"第{_cn(counters[0])}章 "
    return f"（{_cn(counters[1])}）"


def _cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


def _heading_texts(blocks: list[Block], numbering: str) -> list[str]:
    """Heading texts as printed: numbered in the text (第一章 / （一）, or 1 / 1.1), or bare."""
    counters = [0, 0]
    texts = []
    for block in blocks:
        if isinstance(block, Heading):
            counters[block.level - 1] += 1
            if block.level == 1:
                counters[1] = 0
            if numbering == "text":
                texts.append(_number_label(block.level, counters) + block.title)
            elif numbering == "decimal":
                number = ".".join(str(c) for c in counters[: block.level])
                texts.append(f"{number} {block.title}")
            else:
                texts.append(block.title)
    return texts


def write_txt(path: Path, model: PlanModel, style: Style, blocks: list[Block]) -> None:
    lines = [model.title, "", f"{model.jurisdiction}人民政府", f"{model.end - 3}年3月1日", ""]
    headings = iter(_heading_texts(blocks, style.numbering))
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["", next(headings), ""]
        elif isinstance(block, Para):
            lines.append(block.text)
        else:
            lines.append(block.caption)
            if block.note_above:
                lines.append(block.note_above)
            for row in block.rows:
                lines += ["\t" + cell for cell in row] + [""]
            if block.note_below:
                lines.append(block.note_below)
            lines.append("")
    text = "\n".join(lines) + "\n"
    if style.traditional:
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
    path.write_text(text, encoding="utf-8")


def write_docx(path: Path, model: PlanModel, style: Style, blocks: list[Block]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(model.title)
    document.add_paragraph(f"{model.jurisdiction}人民政府")
    document.add_paragraph(f"{model.end - 3}年3月1日")
    num_id = _outline_numbering(document) if style.numbering.startswith("numpr") else None
    headings = iter(_heading_texts(blocks, style.numbering))
    for block in blocks:
        if isinstance(block, Heading):
            text = next(headings)
            heading_style = (
                f"Heading {block.level}" if style.numbering in ("text", "styles", "numpr") else None
            )
            paragraph = document.add_paragraph(text, style=heading_style)
            if num_id is not None:
                _add_numbering(paragraph, num_id, block.level - 1)
            if style.numbering == "outline":
                _add_outline_level(paragraph, block.level - 1)
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        else:
            rows = block.rows
            if style.caption == "row":
                table = document.add_table(rows=len(rows) + 1, cols=len(rows[0]))
                merged = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
                merged.text = block.caption
                body = table.rows[1:]
            else:
                document.add_paragraph(block.caption)
                if block.note_above:
                    document.add_paragraph(block.note_above)
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                body = table.rows
            for row, cells in zip(body, rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
            if block.note_below:
                document.add_paragraph(block.note_below)
    document.save(str(path))


def _outline_numbering(document: Any) -> int:
    """Add a two-level chapter numbering (第一章 / （一）) to the numbering part; its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract_id, num_id = 90, 90
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="第%1章"/><w:lvlJc w:val="left"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


def _add_numbering(paragraph: Any, num_id: int, level: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _add_outline_level(paragraph: Any, level: int) -> None:
    """A body paragraph marked as a heading only by its outline level (w:outlineLvl), as some templates do."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level}"/>'))


# ---- the set ----------------------------------------------------------------------------------------


@dataclass
class Rendered:
    path: Path
    expected: Path
    style: Style


def render(out: Path, count: int, seed: int = 0) -> list[Rendered]:
    """Write `count` documents (alternately .txt and .docx) and their answer keys into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        rng = random.Random(seed * 100003 + index)
        fmt = "docx" if index % 2 else "txt"
        model, style = make_model(rng), make_style(rng, fmt)
        blocks, targets, facts = compose(model, style, rng)
        path = out / f"{index:03d}.{fmt}"
        (write_docx if fmt == "docx" else write_txt)(path, model, style, blocks)
        expected = out / f"{index:03d}.expected.json"
        key = {
            "document": path.name,
            "title": model.title,
            "level": model.level,
            "period": {"base": model.base, "start": model.start, "end": model.end},
            "style": asdict(style),
            "targets": [t.as_item() for t in targets],
            "baseline": [asdict(f) for f in facts],
        }
        expected.write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(Rendered(path, expected, style))
    return written
