"""Generate a synthetic nation: lay it out, build it clean, plant violations, write it."""

from __future__ import annotations

import random
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from planlint.synth.shape import Shape


def generate(
    out: Path,
    shape: Shape,
    seed: int = 0,
    violations: int = 3,
    per_rule: Mapping[str, int] | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Write `out/plans/**.yaml` and `out/manifest.json`; return the manifest.

    `violations` is the number planted for every loaded rule; `per_rule` overrides it by rule id.
    """
    from planlint import api
    from planlint.errors import PlanlintError
    from planlint.rules import load_rules
    from planlint.synth.build import Builder
    from planlint.synth.draft import Nation
    from planlint.synth.emit import write
    from planlint.synth.plant import Planting
    from planlint.synth.planters import plant_all
    from planlint.synth.shape import layout
    from planlint.vocabulary import load_vocabulary

    rule_dirs = api.rule_directories()
    vocabulary = load_vocabulary(rule_dirs)
    rules = load_rules(rule_dirs)
    counts = {rule.id: violations for rule in rules} | dict(per_rule or {})
    unknown = sorted(set(counts) - {r.id for r in rules})
    if unknown:  # before anything is built or replaced
        raise PlanlintError(
            f"no loaded rule has id {unknown[0]!r}",
            field="--plant",
            zh=f"已加载的规则中没有编号 {unknown[0]!r}",
        )
    plans_dir = out / "plans"
    if plans_dir.exists() or (out / "manifest.json").exists():
        if not force:
            raise PlanlintError(
                "output already holds a synthetic nation (use --force to replace it)",
                path=out,
                zh="输出目录中已有合成的全国规划（用 --force 替换）",
            )
        shutil.rmtree(plans_dir, ignore_errors=True)
    rng = random.Random(seed)
    nation = Nation(layout(shape, rng), vocabulary, seed=seed)
    Builder(nation, rng).build()
    planted, summary = plant_all(Planting(nation, rules, random.Random(seed + 1)), counts)
    meta = {"seed": seed, "shape": vars(shape) | {"plans": shape.plans}}
    out.mkdir(parents=True, exist_ok=True)
    return write(nation, out, planted, summary, meta)
