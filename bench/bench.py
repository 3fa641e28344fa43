"""National-scale benchmark: `planlint check` against the parsing floor, at 1/4, 1/2 and 1× the nation.

    .venv/bin/python bench/bench.py                 # the full run recorded in docs/performance.md
    .venv/bin/python bench/bench.py --scales 0.25 --repeat 1 --no-phases   # a quick look

For each scale it writes (once, cached in --work) a synthetic nation with `planlint synth --scale S`, then
measures, each in a fresh process and `--repeat` times (the median is reported):
- floor: read every plan file and parse it with PyYAML's C loader (CSafeLoader), nothing else;
- check: `planlint check DIR --output FILE` (the default text report, written to a file);
- the peak resident memory of the check process (from wait4's rusage).
It prints a table with check/floor and the growth factor from one scale to the next (time at S over time
at S/2), then `planlint --help` start-up time, the targets met or missed (by how much), and, with phases
on, where the time of one check of the largest nation goes (load, index, each rule kind, rendering).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"ratio": 3.0, "memory_mb": 1024.0, "growth": 2.2, "help_s": 0.3}
FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def planlint_command() -> list[str]:
    script = Path(sys.executable).parent / "planlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "planlint"]


def run(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit status of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def median_run(command: list[str], repeat: int) -> tuple[float, float]:
    results = [run(command) for _ in range(repeat)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def nation(work: Path, scale: float, seed: int) -> tuple[Path, dict]:
    """The synthetic nation at `scale` (generated once per scale and seed)."""
    out = work / f"scale-{scale:g}-seed-{seed}"
    manifest = out / "manifest.json"
    if not manifest.exists():
        shutil.rmtree(out, ignore_errors=True)
        command = [*planlint_command(), "synth", "-o", str(out), "--scale", f"{scale:g}", "--seed", str(seed)]
        subprocess.run(command, check=True, capture_output=True)
    return out / "plans", json.loads(manifest.read_text(encoding="utf-8"))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")
        )
        ram = f"{int(memory.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        ram = "RAM unknown"
    import yaml

    libyaml = "libyaml" if getattr(yaml, "__with_libyaml__", False) else "no libyaml"
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; PyYAML {yaml.__version__} ({libyaml})"
    )


def phases(plans: Path) -> list[tuple[str, float]]:
    """Where one in-process check of `plans` spends its time (a breakdown, not the timed run)."""
    code = r"""
import json, sys, time
t0 = time.perf_counter()
from planlint import api
from planlint.context import Context
from planlint.evaluate import judged_plans
from planlint.kinds import REGISTRY
from planlint.loader import gc_paused, load_plans, plan_files
from planlint.hierarchy import build_hierarchy
from planlint.report import Options, render
from planlint.rules import load_rules
from planlint.vocabulary import load_vocabulary
from planlint.yamlio import read_yaml
t1 = time.perf_counter()
rows = [["imports", t1 - t0]]
dirs = api.rule_directories()
vocabulary = load_vocabulary(dirs)
from pathlib import Path
files = plan_files([Path(sys.argv[1])])
with gc_paused():
    s = time.perf_counter(); [read_yaml(f) for f in files]; rows.append(["load: YAML parse alone (C loader)", time.perf_counter() - s])
    s = time.perf_counter(); loaded = load_plans([Path(sys.argv[1])], vocabulary); rows.append(["load: parse + validate + vocabulary", time.perf_counter() - s])
    s = time.perf_counter(); hierarchy = build_hierarchy(loaded); rows.append(["hierarchy", time.perf_counter() - s])
    s = time.perf_counter(); rules = load_rules(dirs, vocabulary=vocabulary); rows.append(["rule packs", time.perf_counter() - s])
    project = api.Project(vocabulary, hierarchy, dirs, tuple(rules))
    context = Context(project, judged_plans(project))
    s = time.perf_counter(); context.index; rows.append(["index (prepared indicators)", time.perf_counter() - s])
    kinds = {}
    for rule in rules:
        s = time.perf_counter(); list(REGISTRY[rule.kind].check(context, rule.params))
        kinds[rule.kind] = kinds.get(rule.kind, 0.0) + time.perf_counter() - s
    rows += [[f"kind {k}", v] for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])]
    report = api.check(project)
    s = time.perf_counter(); render("text", report, Options(lang="en")); rows.append(["text report", time.perf_counter() - s])
print(json.dumps(rows))
"""
    result = subprocess.run(
        [sys.executable, "-c", code, str(plans)], check=True, capture_output=True, text=True
    )
    return [(name, seconds) for name, seconds in json.loads(result.stdout)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="0.25,0.5,1", help="comma-separated fractions of the nation")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "planlint-bench")
    parser.add_argument(
        "--no-phases", action="store_true", help="skip the time breakdown of the largest nation"
    )
    args = parser.parse_args()
    scales = [float(s) for s in args.scales.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}")
    print(
        f"command: {' '.join([Path(sys.executable).name, 'bench/bench.py', *sys.argv[1:]])}  (work: {args.work})\n"
    )

    rows = []
    for scale in scales:
        plans, manifest = nation(args.work, scale, args.seed)
        floor, _ = median_run([sys.executable, "-c", FLOOR, str(plans)], args.repeat)
        report = args.work / f"report-{scale:g}.txt"
        check, memory = median_run(
            [*planlint_command(), "check", str(plans), "--output", str(report)], args.repeat
        )
        rows.append((scale, manifest["plans"], manifest["indicators"], floor, check, memory))

    header = f"{'scale':>6} {'plans':>6} {'indicators':>10} {'floor s':>8} {'check s':>8} {'check/floor':>11} {'peak MB':>8} {'growth':>7}"
    print(header)
    print("-" * len(header))
    previous = None
    growths = []
    for scale, plans_n, indicators, floor, check, memory in rows:
        growth = ""
        if previous is not None and abs(scale / previous[0] - 2) < 1e-9:
            factor = check / previous[1]
            growths.append((scale, factor))
            growth = f"{factor:.2f}"
        print(
            f"{scale:>6g} {plans_n:>6} {indicators:>10} {floor:>8.2f} {check:>8.2f} {check / floor:>11.2f} {memory:>8.0f} {growth:>7}"
        )
        previous = (scale, check)

    help_times = [run([*planlint_command(), "--help"])[0] for _ in range(max(5, args.repeat * 3))]
    help_s = statistics.median(help_times)
    print(f"\nplanlint --help: {help_s:.3f} s (median of {len(help_times)})")

    largest = max(rows, key=lambda r: r[0])
    checks = [
        ("check ≤ 3× floor (largest nation)", largest[4] / largest[3], TARGETS["ratio"], "×"),
        ("peak memory ≤ 1 GB (largest nation)", largest[5], TARGETS["memory_mb"], " MB"),
        *((f"growth {s / 2:g}→{s:g} ≤ 2.2", g, TARGETS["growth"], "×") for s, g in growths),
        ("planlint --help ≤ 0.3 s", help_s, TARGETS["help_s"], " s"),
    ]
    print("\ntargets:")
    for name, value, limit, unit in checks:
        verdict = (
            "met" if value <= limit else f"MISSED by {value - limit:.2f}{unit} ({value / limit - 1:.0%})"
        )
        print(f"  {name}: {value:.2f}{unit} — {verdict}")

    if not args.no_phases:
        plans, _ = nation(args.work, largest[0], args.seed)
        print(
            f"\nwhere one check of the {largest[0]:g} nation spends its time (in-process, GC paused as in check):"
        )
        for name, seconds in phases(plans):
            print(f"  {name:<42} {seconds:7.2f} s")


if __name__ == "__main__":
    main()
