"""`planlint synth`: a small synthetic nation is clean, its planted violations are found, and nothing else.

The full-size nation is the benchmark input (bench/bench.py); these tests use 2 provinces × 2 cities ×
3 counties (19 plans) so they stay fast, with one violation planted for every loaded rule.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from planlint import api
from planlint.synth.run import generate
from planlint.synth.shape import Shape, allocate, layout
from planlint.vocabulary import Vocabulary
from tests.cli import planlint

SMALL = Shape.per(2, 2, 3, 0)
SEED = 1
Key = tuple[str, str, "str | None"]


def _canonical(vocabulary: Vocabulary, name: str | None) -> str | None:
    """Findings name minerals as printed; the manifest uses canonical names."""
    if name is None:
        return None
    found = vocabulary.resolve(name)
    return found.name if found else name


def _findings(root: Path) -> dict[Key, list[str]]:
    """Every finding of `check` on the nation, by (plan, rule, canonical mineral), with its messages."""
    project = api.load([root / "plans"])
    found: dict[Key, list[str]] = {}
    for f in api.check(project).findings:
        key = (f.plan, f.rule, _canonical(project.vocabulary, f.mineral))
        found.setdefault(key, []).append(f"{f.rule} {f.plan} [{f.severity}] {f.text('en')}")
    return found


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("nation")
    return root, generate(root, SMALL, seed=SEED, violations=1)


def test_planted_violations_are_found_and_nothing_else(planted: tuple[Path, dict]) -> None:
    root, manifest = planted
    expected = {(f["plan"], f["rule"], f["mineral"]) for v in manifest["violations"] for f in v["findings"]}
    found = _findings(root)
    missing = expected - set(found)
    extra = [message for key in set(found) - expected for message in found[key]]
    assert not missing, f"planted but not found: {sorted(missing, key=str)}"
    assert not extra, f"found but not planted: {extra}"


def test_every_rule_kind_is_planted(planted: tuple[Path, dict]) -> None:
    _, manifest = planted
    rules = manifest["rules"]
    for rule in ("PL101", "PL102", "PL103", "PL110", "PL120", "PL201", "PL301"):
        if rule in rules:
            assert rules[rule]["planted"] >= 1, f"{rule}: {rules[rule]}"
    unplanted = [r for r, e in rules.items() if e["planted"] == 0 and "no planter" in e.get("note", "")]
    assert not unplanted, f"rules of a kind the generator cannot plant: {unplanted}"
    for violation in manifest["violations"]:
        assert violation["file"].startswith("plans/") and (violation["plan"], violation["rule"]) != ("", "")


def test_clean_nation_has_no_findings_and_40_to_80_indicators(tmp_path: Path) -> None:
    manifest = generate(tmp_path, SMALL, seed=SEED + 1, violations=0)
    assert manifest["violations"] == []
    found = _findings(tmp_path)
    assert not found, [message for messages in found.values() for message in messages]
    project = api.load([tmp_path / "plans"])
    sizes = {pid: len(item.plan.all_indicators()) for pid, item in project.hierarchy.loaded.items()}
    assert all(40 <= n <= 80 for n in sizes.values()), sizes
    levels = {item.plan.level for item in project.hierarchy.loaded.values()}
    assert levels == {"national", "province", "city", "county"}


def test_same_seed_same_files(tmp_path: Path) -> None:
    shape = Shape.per(2, 1, 2, 1)
    first = generate(tmp_path / "a", shape, seed=5, violations=1)
    second = generate(tmp_path / "b", shape, seed=5, violations=1)
    assert first == second
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.*"))
    assert files_a == files_b
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)
    other = generate(tmp_path / "c", shape, seed=6, violations=1)
    assert other["violations"] != first["violations"]


def test_shape_totals() -> None:
    nation = Shape.scaled(1)
    assert (nation.provinces, nation.cities, nation.counties, nation.plans) == (31, 333, 2840, 3205)
    half = Shape.scaled(0.5)
    assert abs(nation.plans / half.plans - 2) < 0.01
    assert allocate(10, [1, 1, 1]) == [4, 3, 3] and sum(allocate(7, [0.2, 5, 1])) == 7
    nodes = layout(Shape(3, 1, 4, 20), random.Random(0))
    counts = {
        lvl: sum(1 for n in nodes.values() if n.level == lvl)
        for lvl in ("national", "province", "city", "county")
    }
    assert counts == {"national": 1, "province": 3, "city": 4, "county": 20}
    municipal = [n for n in nodes.values() if n.level == "province" and n.name.endswith("市")]
    assert len(municipal) == 1 and all(nodes[c].level == "county" for c in municipal[0].children)


def test_synth_command(tmp_path: Path) -> None:
    command = ["synth", "-o", str(tmp_path), "--provinces", "1"]
    command += ["--cities-per-province", "1", "--counties-per-city", "2", "--seed", "3", "--plant", "PL101=1"]
    result = planlint(*command)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["plans"] == 5 and manifest["rules"]["PL101"]["planted"] == 1
    again = planlint(*command)
    assert again.returncode == 2 and "--force" in again.stderr
