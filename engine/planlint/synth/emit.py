"""Write the nation: one YAML file per plan, in the style of the hand-encoded plans, and the manifest.

The writer is a small emitter of its own (not yaml.dump): block mappings per indicator, flow mappings for
`cite` and `scope`, strings quoted only where YAML needs it. Citation lines are assigned in document
order (专栏1 exploration, 专栏2 development, 专栏5 scales, ... then the text that restates them).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from planlint.synth.draft import Nation, PlanDraft, Row, ZoneDraft, printed_number
from planlint.synth.plant import Planted

SECTIONS = {
    "专栏1": "二（三）",
    "专栏2": "二（三）",
    "专栏5": "五（三）",
    "专栏6": "五（四）",
    "专栏7": "五（五）",
    "": "三（一）",
}
TABLE_ORDER = {"专栏1": 0, "专栏2": 1, "专栏5": 2, "专栏7": 3, "": 4}
PLAIN = re.compile(r"[A-Za-z\u4e00-\u9fff（）][\w\u4e00-\u9fff（）·—-]*")
RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        number = printed_number(float(value))
        return str(number) if isinstance(number, int) else format(Decimal(repr(number)), "f")
    text = str(value)
    if PLAIN.fullmatch(text) and text.lower() not in RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in mapping.items() if v is not None) + "}"


def flow_list(items: list[Any]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


class Lines:
    """Citation lines in document order."""

    def __init__(self, start: int = 20) -> None:
        self.line = start

    def next(self, step: int = 2) -> int:
        self.line += step
        return self.line


def _indicator(out: list[str], row: Row, line: int, indent: str, section: str | None = None) -> None:
    out.append(f"{indent}- metric: {row.metric}")
    if row.printed:
        out.append(f"{indent}  mineral: {scalar(row.printed)}")
    out.append(f"{indent}  op: {scalar(row.op)}")
    out.append(f"{indent}  value: {scalar(row.value * row.unit.factor)}")
    out.append(f"{indent}  unit: {scalar(row.unit.text)}")
    out.append(f"{indent}  basis: {row.unit.basis}")
    out.append(f"{indent}  attribute: {row.attribute}")
    if row.year is not None:
        out.append(f"{indent}  year: {row.year}")
    if row.scope:
        out.append(f"{indent}  scope: {flow(row.scope)}")
    out.append(f"{indent}  label: {scalar(row.label)}")
    if row.note:
        out.append(f"{indent}  note: {scalar(row.note)}")
    cite = {
        "line": line,
        "table": row.table or None,
        "section": section or SECTIONS.get(row.table, "三（一）"),
    }
    out.append(f"{indent}  cite: {flow(cite)}")


def _zone(out: list[str], zone: ZoneDraft, lines: Lines) -> None:
    line = lines.next()
    out.append(f"  - kind: {zone.kind}")
    out.append(f"    name: {scalar(zone.name)}")
    out.append(f"    minerals: {flow_list(zone.minerals)}")
    if zone.located_in:
        out.append(f"    located_in: {flow_list(zone.located_in)}")
    if zone.note:
        out.append(f"    note: {scalar(zone.note)}")
    if zone.limits:
        out.append("    limits:")
        for row in zone.limits:
            _indicator(out, row, lines.next(1), "      ", "专栏6")
    out.append(f"    cite: {flow({'line': line, 'table': '专栏6', 'section': '五（四）'})}")


def render(nation: Nation, draft: PlanDraft) -> str:
    node = draft.node
    parent = node.parent
    title = f"{node.name if node.level != 'national' else '全国'}矿产资源{'总体' if node.level != 'national' else ''}规划（2021—2025年）"
    out = [
        f"# {title}: a synthetic plan (planlint synth, seed {nation.seed}); not a real document.",
        "schema: planlint/plan/v1",
        f"id: {draft.id}",
        f"name: {scalar(title)}",
        f"level: {node.level}",
        f"jurisdiction: {scalar(node.name)}",
        f"parents: {flow_list([parent] if parent else [])}",
    ]
    if node.regions:
        out.append(f"regions: {flow_list(list(node.regions))}")
    if node.defines_regions:
        out.append(f"defines_regions: {flow_list(list(node.defines_regions))}")
    out.append(f"period: {flow(draft.period)}")
    out.append(f"stage: {draft.stage}")
    if draft.completeness != "full":
        out.append(f"completeness: {draft.completeness}")
    out.append("source:")
    out.append(f"  document: {draft.id}.txt")
    out.append(f"  title: {scalar(title)}")
    out.append(f"  issuer: {scalar(draft.issuer)}")
    out.append(f"  date: {draft.date}")
    lines = Lines()
    rows = sorted(draft.rows, key=lambda r: TABLE_ORDER.get(r.table, 5))
    if rows:
        out.append("")
        out.append("indicators:")
        for row in rows:
            _indicator(out, row, lines.next(1 if row.table else 3), "  ")
    if draft.encouraged or draft.restricted or draft.prohibited:
        out.append("")
        out.append("minerals:")
        for name, items in (
            ("encouraged", draft.encouraged),
            ("restricted", draft.restricted),
            ("prohibited", draft.prohibited),
        ):
            if items:
                line = lines.next(3)
                out.append(f"  {name}:")
                out.extend(
                    f"    - {{mineral: {scalar(m)}, cite: {flow({'line': line, 'section': '四（一）'})}}}"
                    for m in items
                )
    if draft.zones:
        out.append("")
        out.append("zones:")
        for zone in draft.zones:
            _zone(out, zone, lines)
    if draft.counts:
        out.append("")
        out.append("counts:")
        for count in draft.counts:
            item = {"key": count.key, "total": count.total}
            out.append(
                f"  - {{{', '.join(f'{k}: {scalar(v)}' for k, v in item.items())}, parts: {flow(count.parts)}"
                + (", exhaustive: true" if count.exhaustive else "")
                + f", unit: {scalar(count.unit)}, cite: {flow({'line': lines.next(), 'section': '五（四）'})}}}"
            )
    if draft.baseline:
        out.append("")
        out.append("baseline:")
        for fact in draft.baseline:
            out.append(f"  - key: {fact.key}")
            out.append("    year: 2020")
            out.append(f"    values: {flow(fact.values)}")
            if fact.units:
                out.append(f"    units: {flow(fact.units)}")
            if fact.note:
                out.append(f"    note: {scalar(fact.note)}")
            out.append(f"    cite: {flow({'line': lines.next(), 'section': '一（一）'})}")
    return "\n".join(out) + "\n"


def relative_path(nation: Nation, plan_id: str) -> str:
    """plans/p07/p07-c03/p07-c03-k05.yaml: a folder per province and per city."""
    chain = [plan_id]
    parent = nation.nodes[plan_id].parent
    while parent is not None and parent != "nation":
        chain.append(parent)
        parent = nation.nodes[parent].parent
    folders = [p for p in reversed(chain) if nation.nodes[p].children and p != "nation"]
    return "/".join(["plans", *folders, f"{plan_id}.yaml"])


def write(
    nation: Nation, out: Path, planted: list[Planted], summary: dict[str, Any], meta: dict[str, Any]
) -> dict[str, Any]:
    """Write every plan and `manifest.json`; return the manifest."""
    paths = {}
    for draft in nation.drafts.values():
        rel = relative_path(nation, draft.id)
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(nation, draft), encoding="utf-8")
        paths[draft.id] = rel
    indicators = sum(len(d.rows) + sum(len(z.limits) for z in d.zones) for d in nation.drafts.values())
    manifest = {
        "tool": "planlint synth",
        **meta,
        "plans": len(nation.drafts),
        "levels": {
            lvl: sum(1 for d in nation.drafts.values() if d.level == lvl)
            for lvl in ("national", "province", "city", "county")
        },
        "indicators": indicators,
        "rules": summary,
        "violations": [p.as_dict(paths[p.plan]) for p in planted],
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest
