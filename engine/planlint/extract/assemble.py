"""Assemble the draft plan: run every reader over the document, drop restatements, validate, and write YAML.

Every item is checked against the plan format (and the vocabulary) before it goes in: an item that would
not load is listed as unparsed with the reason, so the draft itself always loads unless the plan's identity
(title, period) could not be found, which the draft then says.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from planlint.errors import PlanlintError
from planlint.extract import baseline, counts, mineral_lists, sentences, tables
from planlint.extract.blocks import find_tables
from planlint.extract.context import Context, Findings, Item
from planlint.extract.lexicon import MineralFinder
from planlint.extract.matching import statement_key
from planlint.extract.meta import Meta, read_meta
from planlint.extract.outline import has_outline, outline
from planlint.extract.reader import Document, read_document
from planlint.extract.unparsed import Unparsed, comment_block, unparsed
from planlint.extract.words import localise_plan
from planlint.loader import InputErrors, load_plan
from planlint.model import LEVEL_ZH, Baseline, Count, Indicator, MineralEntry, Zone
from planlint.places import register
from planlint.units import parse_unit, resolve_basis
from planlint.validation import described
from planlint.vocabulary import Vocabulary

SCHEMA = "planlint/plan/v1"
LEVELS = ("national", "province", "city", "county")


@dataclass
class Draft:
    """A draft plan (plan-format dict) with what the extractor could not read and what a person must do."""

    plan: dict[str, Any]
    unparsed: list[Unparsed] = field(default_factory=list)
    needs_person: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lang: str = "en"  # the language of the notes, questions and warnings written for the clerk
    text: tuple[str, ...] = ()  # the document's lines as read: what the citations' line numbers count

    def to_yaml(self) -> str:
        body = yaml.dump(_flow(self.plan), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
        body = re.sub(r"\n(indicators|minerals|zones|counts|baseline):", r"\n\n\1:", body)
        return body + comment_block(self.unparsed, self.needs_person, self.warnings, self.lang)

    def problems(self, vocabulary: Vocabulary) -> list[str]:
        """What stops the draft from loading as a plan file (schema, units, minerals): field: message lines."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{self.plan.get('id', 'draft')}.yaml"
            path.write_text(self.to_yaml(), encoding="utf-8")
            try:
                load_plan(path, vocabulary)
            except InputErrors as error:
                return [f"{e.field or ''}: {e.message}".lstrip(": ") for e in error.errors]
            except PlanlintError as error:
                return [error.message]
        return []


def extract_document(
    path: Path | str,
    *,
    plan_id: str | None = None,
    parent: str | Sequence[str] | None = None,
    level: str | None = None,
    vocabulary: Vocabulary,
    lang: str = "en",
) -> Draft:
    """Read a plan document (.txt, .md, .docx) into a draft plan; bad input raises PlanlintError.

    `lang` is the language of what the draft says to the clerk (notes, questions, warnings): en or zh.
    """
    path = Path(path)
    document = read_document(path)
    if level is not None and level not in LEVELS:
        raise PlanlintError(
            f"--level must be one of {', '.join(LEVELS)}",
            path=path,
            zh=f"--level 应为以下之一：{'、'.join(f'{known!r}（{LEVEL_ZH[known]}）' for known in LEVELS)}",
        )
    meta = read_meta(document)
    found = find_tables(document)
    table_lines = {n for t in found for n in range(t.first_line, t.last_line + 1)}
    ctx = Context(
        document,
        vocabulary,
        MineralFinder(vocabulary),
        outline(document.lines, table_lines, document.headings),
        table_lines,
        period_end=meta.end,
        base_year=meta.base,
        regions=list(meta.defines_regions),
    )
    out = Findings()
    for table in found:
        tables.parse_table(table, ctx, out)
    table_count = len(out.indicators)
    text_indicators = _read_body(ctx, out)
    out.indicators.extend(_new_statements(out.indicators[:table_count], text_indicators, vocabulary))
    if meta.title is None and not out.indicators and not found:
        raise PlanlintError(
            "no mineral resource plan found in the document: no title naming a 矿产资源总体规划, no 专栏 table "
            "and no indicator",
            path=path,
            zh="文档中未找到矿产资源规划：没有写明矿产资源总体规划的标题，没有专栏表格，也没有指标",
        )
    if meta.title is None:
        raise PlanlintError(
            "no title found: no line near the top names the plan (such as 某某县矿产资源总体规划（2021—2025年）), "
            "and the plan's name and jurisdiction are not guessed from the file name; add the title line",
            path=path,
            zh="未找到标题：文档开头没有写明规划名称的标题行（如 某某县矿产资源总体规划（2021—2025年）），"
            "规划名称和行政区不会按文件名猜测；请补上标题行",
        )
    draft = _draft(document, meta, out, plan_id, parent, level, vocabulary)
    draft.text = tuple(document.lines)
    if not has_outline(ctx.places):
        draft.warnings.append(NO_OUTLINE)
    if document.converted:
        draft.warnings.append(document.converted)
    if lang == "zh":
        draft.lang = "zh"
        localise_plan(draft.plan)
    return draft


NO_OUTLINE = (
    "no outline found (no numbered headings, Word heading styles or automatic numbering): 现状 parts cannot be "
    "told from targets, so base-period facts may have been read as targets; check every indicator"
)


def _read_body(ctx: Context, out: Findings) -> list[Item]:
    indicators: list[Item] = []
    for number, raw in enumerate(ctx.document.lines, start=1):
        text = raw.strip()
        if not text or number in ctx.table_lines:
            continue
        is_baseline = ctx.baseline(number)
        ctx.line_text = text
        topic = _topic(text, ctx)
        if not is_baseline:
            mineral_lists.parse_policy(text, number, ctx, out)
        used = counts.parse_counts(text, number, ctx, out)
        if is_baseline:
            used |= baseline.parse_mines(text, number, ctx, out)
        used_sorted = sorted(used)
        for offset, sentence in sentences.sentences(text):
            first, last = bisect_left(used_sorted, offset), bisect_left(used_sorted, offset + len(sentence))
            skip = {u - offset for u in used_sorted[first:last]}  # not a scan of the line's numbers: n²
            for reading in sentences.read_body_sentence(sentence, number, ctx, out, topic, skip, is_baseline):
                if is_baseline or reading.present:
                    baseline.add_fact(reading, sentence, number, ctx, out)
                else:
                    indicators.append(sentences.indicator(reading, ctx, sentence, number))
    return indicators


def _topic(text: str, ctx: Context) -> str | None:
    """'建筑石料用灰岩：新建生产矿山规模不低于…': the mineral a line is about."""
    head = re.match(r"^([^：:，。]{1,16})[：:]", text)
    return ctx.finder.resolve(head.group(1)) if head else None


def _new_statements(table_items: list[Item], text_items: list[Item], vocabulary: Vocabulary) -> list[Item]:
    """Text indicators that do not restate a table row or an earlier sentence.

    A restatement that prints a comparator where the table row printed none gives the row its comparator;
    one whose printed comparator differs from the row's printed one is kept (the two disagree).
    """
    seen: dict[tuple[object, ...], Item] = {}
    for item in table_items:
        seen.setdefault(statement_key(item, vocabulary), item)
    kept = []
    for item in text_items:
        key = statement_key(item, vocabulary)
        first = seen.get(key)
        if first is None:
            seen[key] = item
            kept.append(item)
            continue
        if item.get("_op_printed") and not first.get("_op_printed") and item["op"] != first["op"]:
            first["op"] = item["op"]
            first["note"] = _replace_default(first.get("note"), item)
            first["_op_printed"] = True
        elif item.get("_op_printed") and first.get("_op_printed") and item["op"] != first["op"]:
            kept.append(item)
    return kept


def _replace_default(note: str | None, source: Item) -> str:
    parts = [p for p in (note or "").split("; ") if p and not p.startswith("no comparator printed")]
    parts.append(f"comparator {source['op']} as printed in the text (line {source['cite']['line']})")
    return "; ".join(parts)


# ---- the draft ----------------------------------------------------------------------------------------


def _draft(
    document: Document,
    meta: Meta,
    out: Findings,
    plan_id: str | None,
    parent: str | Sequence[str] | None,
    level: str | None,
    vocabulary: Vocabulary,
) -> Draft:
    needs: list[str] = []
    parents = [parent] if isinstance(parent, str) else list(parent or [])
    if plan_id is None:
        plan_id, made_from = default_id(meta.jurisdiction, document.path)
        needs.append(f"id: {plan_id!r} was made from {made_from}; give --id")
    the_id = plan_id
    the_level = level or meta.level or "county"
    if level is None:
        how = "from the jurisdiction's name" if meta.level else "not found; county assumed"
        needs.append(f"level: {the_level} ({how}); give --level to confirm")
    if not parents and the_level != "national":
        needs.append("parents: none given; give --parent ID for each plan this one must conform to")
    needs.append("regions: which regions defined by an ancestor this jurisdiction lies in (not read)")
    needs.extend(f"guessed {what}" for what in meta.guessed)
    plan: dict[str, Any] = {
        "schema": SCHEMA,
        "id": the_id,
        "name": meta.name,
        "level": the_level,
        "jurisdiction": meta.jurisdiction,
        "parents": parents,
        "regions": [],
        "defines_regions": meta.defines_regions,
    }
    if meta.start and meta.end and meta.base:
        period: dict[str, int] = {"base": meta.base, "start": meta.start, "end": meta.end}
        if meta.outlook:
            period["outlook"] = meta.outlook
        plan["period"] = period
    else:
        needs.append(
            "period: not found in the document (规划期 / （2021—2025年）); add period: {base, start, end}"
        )
    plan["stage"] = meta.stage
    source: dict[str, Any] = {"document": document.name, "title": meta.title}
    for key in ("issuer", "date"):
        value = getattr(meta, key)
        if value:
            source[key] = value
        else:
            needs.append(f"source.{key}: not found")
    plan["source"] = source
    rejected: list[Unparsed] = []
    for item in out.indicators + [limit for zone in out.zones for limit in zone.get("limits", [])]:
        item.pop("_op_printed", None)
    plan["indicators"] = _valid(out.indicators, _check_indicator, vocabulary, rejected)
    plan["minerals"] = {
        name: _valid(entries, _check_mineral_entry, vocabulary, rejected)
        for name, entries in out.minerals.items()
    }
    plan["zones"] = _valid(out.zones, _check_zone, vocabulary, rejected)
    plan["counts"] = _valid(out.counts, _check_count, vocabulary, rejected)
    plan["baseline"] = _valid(out.baseline, _check_baseline, vocabulary, rejected)
    items = _unique(out.unparsed + rejected)
    return Draft(plan, items, needs)


def default_id(jurisdiction: str | None, path: Path) -> tuple[str, str]:
    """A document's plan id when none is given, and what it was made from (for the clerk).

    The code the register of places gives the jurisdiction (重庆市大足区 → 500111): the same for every
    round of the same plan, whatever the file is called, and distinct for every jurisdiction. Else, where
    the register does not know the place (or the name is ambiguous), from the file name: its letters and
    digits, or for a name with none (大足区规划.txt) `draft-` and a short hash of it.
    """
    place = register().resolve(jurisdiction) if jurisdiction else None
    if place is not None:
        return place.code, f"the jurisdiction ({place.name}, its code in the register of places)"
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return stem or f"draft-{hashlib.sha256(path.stem.encode()).hexdigest()[:6]}", "the file name"


def _unique(items: list[Unparsed]) -> list[Unparsed]:
    return list(dict.fromkeys(items))


def _valid(items: list[Item], check: Any, vocabulary: Vocabulary, rejected: list[Unparsed]) -> list[Item]:
    kept = []
    for item in items:
        try:
            check(item, vocabulary)
        except (ValidationError, PlanlintError, KeyError, ValueError) as error:
            line = item.get("cite", {}).get("line", 1)
            what = item.get("label") or item.get("name") or item.get("mineral") or item.get("key") or ""
            english, chinese = _reasons(error)
            rejected.append(unparsed(line, f"{what} {item.get('value', '')}".strip(), f"not valid: {english}",
                                     item.get("cite", {}).get("table"), reason_zh=f"无效：{chinese}"))  # fmt: skip
            continue
        kept.append(item)
    return kept


def _reasons(error: Exception) -> tuple[str, str]:
    """Why an item is not valid, in English and Chinese."""
    if isinstance(error, ValidationError):
        _, field, english, chinese = described(error)[0]
        return (f"{field}: {english}", f"{field}：{chinese}") if field else (english, chinese)
    if isinstance(error, PlanlintError):
        return error.message, error.zh
    return str(error), str(error)  # a key the extractor itself left out: its name


def _check_indicator(item: Item, vocabulary: Vocabulary) -> None:
    indicator = Indicator.model_validate(item)
    vocabulary.require_metric(indicator.metric)
    resolve_basis(parse_unit(indicator.unit), indicator.basis)
    if indicator.mineral is not None:
        vocabulary.require(indicator.mineral)


def _check_mineral_entry(item: Item, vocabulary: Vocabulary) -> None:
    vocabulary.require(MineralEntry.model_validate(item).mineral)


def _check_zone(item: Item, vocabulary: Vocabulary) -> None:
    zone = Zone.model_validate(item)
    for mineral in zone.minerals:
        vocabulary.require(mineral)
    for limit in item.get("limits", []):
        _check_indicator(limit, vocabulary)


def _check_count(item: Item, vocabulary: Vocabulary) -> None:
    count = Count.model_validate(item)
    if count.unit:
        parse_unit(count.unit)


def _check_baseline(item: Item, vocabulary: Vocabulary) -> None:
    for unit in Baseline.model_validate(item).units.values():
        parse_unit(unit)


# ---- YAML ---------------------------------------------------------------------------------------------


class _Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line ({line: 12, table: 专栏1})."""


class _FlowList(list):  # type: ignore[type-arg]
    """A list written on one line ([1, 2])."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True))
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)

_FLOW_KEYS = {"cite", "scope", "period", "values", "units", "parts"}


def _flow(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        converted = {k: _flow(v, k) for k, v in value.items()}
        return _Flow(converted) if key in _FLOW_KEYS else converted
    if isinstance(value, list | tuple):
        items = [_flow(v) for v in value]
        if all(not isinstance(v, dict | list) for v in items):
            return _FlowList(items)
        return items
    return value
