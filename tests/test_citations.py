"""Citation integrity: every cited line of every bundled plan says what the plan records.

For each citation with a `line`, the line is re-read from the plan's seed document (../shared/seeds) and
checked: the recorded number(s) are printed on it; the mineral is named on it or, for a flattened table cell,
on its row label; a zone's name (or its distinctive core) is on it. Every mismatch is collected and reported
at once as `plan: field path: line N: expected X`.

Numbers match as printed: 1500 ~ "1500" ~ "1,500", 100.0 ~ "100", [10, 15] ~ "10—15", 90 ~ "90%", 2 ~ "两".
A mineral matches as printed, through any vocabulary spelling of it, or through a broader or narrower name
(broader ones of two characters or more, so that 金 does not match 资金).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from planlint import api
from planlint.model import Cite, Indicator, Plan, Zone
from planlint.vocabulary import Vocabulary, normalise_name
from tools.seedtext import (
    Table,
    find_tables,
    fold,
    has_number,
    has_value,
    read_lines,
    row_label_lines,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

if not SEEDS.is_dir():
    pytest.skip(
        f"seed documents not found at {SEEDS} (the plans' citations are checked against them)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def project() -> api.Project:
    return api.load()


@dataclass(frozen=True)
class Seed:
    name: str
    lines: list[str]
    tables: list[Table]


@cache
def seed(name: str) -> Seed | None:
    path = SEEDS / name
    if not path.is_file():
        return None
    lines = read_lines(path)
    return Seed(name, lines, find_tables(lines))


def norm(text: str) -> str:
    return normalise_name(fold(text))


def cited(plan: Plan) -> Iterator[tuple[str, Cite]]:
    """Every citation of the plan with its field path."""
    for i, indicator in enumerate(plan.indicators):
        yield f"indicators[{i}]", indicator.cite
    for list_name in ("encouraged", "restricted", "prohibited"):
        for i, entry in enumerate(getattr(plan.minerals, list_name)):
            yield f"minerals.{list_name}[{i}]", entry.cite
    for z, zone in enumerate(plan.zones):
        yield f"zones[{z}]", zone.cite
        for i, limit in enumerate(zone.limits):
            yield f"zones[{z}].limits[{i}]", limit.cite
    for i, count in enumerate(plan.counts):
        yield f"counts[{i}]", count.cite
    for i, fact in enumerate(plan.baseline):
        yield f"baseline[{i}]", fact.cite


def indicators(plan: Plan) -> Iterator[tuple[str, Indicator]]:
    for i, indicator in enumerate(plan.indicators):
        yield f"indicators[{i}]", indicator
    for z, zone in enumerate(plan.zones):
        for i, limit in enumerate(zone.limits):
            yield f"zones[{z}].limits[{i}]", limit


def line_plans(project: api.Project) -> Iterator[tuple[Plan, Seed]]:
    """The plans that cite lines of a seed document, with that document."""
    for plan in project.hierarchy.plans.values():
        document = plan.source.document
        if document and (found := seed(document)) is not None:
            yield plan, found


def mineral_names(vocabulary: Vocabulary, printed: str) -> set[str]:
    """The spellings that name the mineral on a line: as printed, its variants, broader and narrower names."""
    names = {printed}
    mineral = vocabulary.resolve(printed)
    if mineral is None:
        return {norm(n) for n in names}
    names.update((mineral.name, *mineral.aliases))
    for wider in vocabulary.lineage(mineral.name) - {mineral.name}:
        entry = vocabulary.minerals[wider]
        names.update(n for n in (entry.name, *entry.aliases) if len(n) >= 2)
    for other in vocabulary.minerals.values():
        if other.name != mineral.name and mineral.name in vocabulary.lineage(other.name):
            names.update((other.name, *other.aliases))
    return {norm(n) for n in names}


def names_mineral(text: str, names: set[str]) -> bool:
    line = norm(text)
    return any(name and name in line for name in names)


_ZONE_KINDS = sorted(
    [
        "重点勘查区",
        "重点开采区",
        "重点开采分区",
        "集中开采区",
        "勘查规划区块",
        "开采规划区块",
        "规划区块",
        "勘查区块",
        "开采区块",
        "开采区",
        "勘查区",
        "储备区",
        "保护区",
        "规划矿区",
        "资源基地",
        "区块",
    ],
    key=len,
    reverse=True,
)


def zone_core(zone: Zone, plan: Plan, vocabulary: Vocabulary) -> str:
    """The distinctive part of a zone name: without the jurisdiction, the kind word and the mineral names."""
    core = norm(zone.name)
    jurisdiction = norm(plan.jurisdiction)
    local = re.split(r"[省市]", jurisdiction)[-1] or jurisdiction
    for prefix in (jurisdiction, local, local[:-1] if len(local) > 2 else local):
        if prefix and core.startswith(prefix):
            core = core[len(prefix) :]
            break
    for kind in _ZONE_KINDS:
        if core.endswith(kind):
            core = core[: -len(kind)]
            break
    spellings = {norm(n) for m in vocabulary.minerals.values() for n in (m.name, *m.aliases)}
    stripped = True
    while (
        stripped
    ):  # the mineral names just before the kind word: 南温泉|地热|重点开采区, 酉阳—彭水|萤石|重晶石|…
        stripped = False
        for spelling in sorted(spellings, key=len, reverse=True):
            if core.endswith(spelling) and len(core) - len(spelling) >= 2:
                core, stripped = core[: -len(spelling)], True
                break
    return core


def test_seeds_are_found_for_every_plan_that_cites_lines(project: api.Project) -> None:
    problems = []
    for plan in project.hierarchy.plans.values():
        if not any(c.line is not None for _, c in cited(plan)):
            continue
        document = plan.source.document
        if not document:
            problems.append(f"{plan.id}: source.document: expected the seed file its cited lines are in")
        elif seed(document) is None:
            problems.append(f"{plan.id}: source.document: expected {document} in {SEEDS}")
    assert not problems, "\n".join(problems)


def test_cited_lines_are_within_the_document(project: api.Project) -> None:
    problems = []
    for plan, doc in line_plans(project):
        for path, cite in cited(plan):
            if cite.line is not None and not 1 <= cite.line <= len(doc.lines):
                problems.append(
                    f"{plan.id}: {path}.cite.line: line {cite.line}: expected a line of {doc.name} "
                    f"(1–{len(doc.lines)})"
                )
    assert not problems, "\n".join(problems)


def _line(doc: Seed, cite: Cite) -> str | None:
    if cite.line is None or not 1 <= cite.line <= len(doc.lines):
        return None  # reported by test_cited_lines_are_within_the_document
    return doc.lines[cite.line - 1]


def _fmt(value: float | tuple[float, float]) -> str:
    if isinstance(value, tuple):
        return "—".join(_fmt(v) for v in value)
    return f"{value:g}"


def test_recorded_numbers_are_printed_on_the_cited_line(project: api.Project) -> None:
    problems = []
    for plan, doc in line_plans(project):
        for path, indicator in indicators(plan):
            text = _line(doc, indicator.cite)
            if text is not None and not has_value(text, indicator.value):
                problems.append(
                    f"{plan.id}: {path}.value: line {indicator.cite.line}: expected {_fmt(indicator.value)}"
                )
        for z, zone in enumerate(plan.zones):
            text = _line(doc, zone.cite)
            if text is not None and zone.count is not None and not has_number(text, zone.count):
                problems.append(f"{plan.id}: zones[{z}].count: line {zone.cite.line}: expected {zone.count}")
        for c, count in enumerate(plan.counts):
            text = _line(doc, count.cite)
            if text is None:
                continue
            numbers = {"total": count.total, **{f"parts.{k}": v for k, v in count.parts.items()}}
            for key, value in numbers.items():
                if not has_number(text, value):
                    problems.append(
                        f"{plan.id}: counts[{c}].{key}: line {count.cite.line}: expected {_fmt(value)}"
                    )
        for b, fact in enumerate(plan.baseline):
            text = _line(doc, fact.cite)
            if text is None:
                continue
            for key, value in fact.values.items():
                if not has_number(text, value):
                    problems.append(
                        f"{plan.id}: baseline[{b}].values.{key}: line {fact.cite.line}: expected {_fmt(value)}"
                    )
    assert not problems, f"{len(problems)} cited line(s) without the recorded number:\n" + "\n".join(problems)


def test_minerals_are_named_on_the_cited_line_or_its_row(project: api.Project) -> None:
    vocabulary = project.vocabulary
    problems = []
    for plan, doc in line_plans(project):
        for path, indicator in indicators(plan):
            if indicator.mineral is None or _line(doc, indicator.cite) is None:
                continue
            assert indicator.cite.line is not None
            names = mineral_names(vocabulary, indicator.mineral)
            candidates = row_label_lines(doc.lines, doc.tables, indicator.cite.line)
            if not any(names_mineral(doc.lines[n - 1], names) for n in candidates):
                problems.append(
                    f"{plan.id}: {path}.mineral: line {indicator.cite.line}: expected {indicator.mineral} "
                    "on the line or its row label"
                )
        for list_name in ("encouraged", "restricted", "prohibited"):
            for i, entry in enumerate(getattr(plan.minerals, list_name)):
                text = _line(doc, entry.cite)
                if text is not None and not names_mineral(text, mineral_names(vocabulary, entry.mineral)):
                    problems.append(
                        f"{plan.id}: minerals.{list_name}[{i}].mineral: line {entry.cite.line}: "
                        f"expected {entry.mineral}"
                    )
    assert not problems, f"{len(problems)} cited line(s) without the mineral:\n" + "\n".join(problems)


def test_zone_names_are_on_the_cited_line(project: api.Project) -> None:
    problems = []
    for plan, doc in line_plans(project):
        for z, zone in enumerate(plan.zones):
            text = _line(doc, zone.cite)
            if text is None:
                continue
            line = norm(text)
            core = zone_core(zone, plan, project.vocabulary)
            if norm(zone.name) not in line and not (len(core) >= 2 and core in line):
                problems.append(
                    f"{plan.id}: zones[{z}].name: line {zone.cite.line}: expected {zone.name} (or {core or '-'})"
                )
    assert not problems, f"{len(problems)} cited line(s) without the zone name:\n" + "\n".join(problems)
