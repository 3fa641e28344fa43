"""National-scale benchmark: `planlint check` against the parsing floor, at 1/2 and 1× the nation.

    .venv/bin/python bench/bench.py                 # the full run recorded in docs/performance.md
    .venv/bin/python bench/bench.py --scales 0.25 --repeat 1 --no-phases   # a quick look

Times are CPU seconds (user + system, from wait4's rusage, or process_time in-process): the machine is
shared, and wall-clock time says more about the neighbours than about planlint. Ratios compare
measurements of the same run. planlint is byte-compiled first, as an install leaves it. For each scale it writes (once, cached in --work) a synthetic nation with
`planlint synth --scale S`, then measures, each in a fresh process and `--repeat` times, floor and check in turns (medians reported):
- floor: read every plan file's bytes and parse them with yaml-rs, as planlint does, nothing else;
- check: `planlint check DIR --output FILE` (the default text report, written to a file);
- the peak resident memory of the check process (from wait4's rusage).
Then, on the largest nation: a county's own check (`check NATION --plan COUNTY`) against the same check of a
folder holding only the county and its ancestors; `planlint --help`; the targets met or missed; and, with
phases on, where one check spends its time (load, hierarchy, index, each rule kind, garbage collection,
the text, SARIF and HTML reports).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"ratio": 4.0, "memory_mb": 1024.0, "growth": 2.2, "help_s": 0.2, "lineage": 1.5}
FLOOR = """
import sys
from pathlib import Path
import yaml_rs
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml_rs.load(path.read_bytes(), encoding="utf-8", encoder_errors="strict")
"""


def compile_planlint() -> None:
    """Byte-compile planlint, as pip does when it installs a package: with PYTHONDONTWRITEBYTECODE set (or in a
    fresh checkout, where no run has written them yet) every measured run would compile the modules changed
    since their last .pyc from source again, 0.1-0.25 CPU s of each check that a user never pays."""
    import planlint

    compileall.compile_dir(Path(planlint.__file__).parent, quiet=1)


def planlint_command() -> list[str]:
    script = Path(sys.executable).parent / "planlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "planlint"]


def run(command: list[str]) -> tuple[float, float, int]:
    """CPU seconds (user + system), peak RSS in MB and exit status of one process."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = usage.ru_utime + usage.ru_stime
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def paired_runs(floor: list[str], check: list[str], repeat: int, label: str) -> tuple[float, float, float]:
    """The median CPU seconds of the floor (or other reference) and of the check, run in turns (floor, check,
    floor, check, ...) so that a change in the neighbours' load meets both alike; and the check's largest
    peak RSS. Every pair's CPU seconds and ratio are printed: their spread says how far to trust the medians'
    ratio."""
    floors, checks = [], []
    for _ in range(repeat):
        floors.append(run(floor))
        checks.append(run(check))
    pairs = ", ".join(f"{f[0]:.2f}/{c[0]:.2f}={c[0] / f[0]:.2f}" for f, c in zip(floors, checks, strict=True))
    print(f"  {label}: pairs: {pairs}")
    return (
        statistics.median(f[0] for f in floors),
        statistics.median(c[0] for c in checks),
        max(c[1] for c in checks),
    )


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
    from importlib.metadata import version

    return (
        f"{cpu}, {os.cpu_count()} cores, {ram}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; yaml-rs {version('yaml-rs')}, pydantic {version('pydantic')}"
    )


PHASES = r"""
import gc, json, sys, time
from pathlib import Path
gc.disable()  # as `planlint check` does, from its start: the loaded plans and the report hold no cycles
clock = time.process_time
t0 = clock()
import yaml_rs
from planlint import api, fastyaml
from planlint.context import Context
from planlint.evaluate import judged_plans
from planlint.hierarchy import build_hierarchy
from planlint.kinds import REGISTRY
from planlint.loader import load_plans, plan_files
from planlint.model import Plan
from planlint.report import Options, render
from planlint.rules import load_rules
from planlint.vocabulary import load_vocabulary
from planlint.files import read_regular
from planlint.yamlio import MAX_FILE_BYTES
rows = [["imports", clock() - t0]]
collecting = [0.0]
def on_gc(phase, info, start=[0.0]):
    if phase == "start":
        start[0] = clock()
    else:
        collecting[0] += clock() - start[0]
gc.callbacks.append(on_gc)
def timed(name, work):
    start = clock()
    result = work()
    rows.append([name, clock() - start])
    return result
root = [Path(sys.argv[1])]
files = plan_files(root)
# The steps of loading one by one, then the load itself (which does them all again, and more)
texts = timed("  read the files", lambda: [read_regular(f, MAX_FILE_BYTES) for f in files])
timed("  scan for YAML 1.1/1.2 differences", lambda: [fastyaml.risky_utf8(t) for t in texts])
data = timed(
    "  parse (yaml-rs, the files' bytes)",
    lambda: [yaml_rs.load(t, encoding="utf-8", encoder_errors="strict") for t in texts],
)
timed("  validate (pydantic)", lambda: [Plan.model_validate(d) for d in data])
del texts, data
fastyaml._safe_lines.clear()  # the load scans again from nothing, as in a check
fastyaml._safe_bytes = 0
dirs = api.rule_directories()
vocabulary = timed("vocabulary", lambda: load_vocabulary(dirs))
loaded = timed("load: read, scan, parse, validate, vocabulary checks", lambda: load_plans(root, vocabulary))
hierarchy = timed("hierarchy (with the register of places)", lambda: build_hierarchy(loaded))
rules = timed("rule packs", lambda: load_rules(dirs, vocabulary=vocabulary))
project = api.Project(vocabulary, hierarchy, dirs, tuple(rules))
gc.freeze()
context = Context(project, judged_plans(project))
timed("index (prepared indicators)", lambda: context.index)
kinds = {}
for rule in rules:
    start = clock()
    list(REGISTRY[rule.kind].check(context, rule.params))
    kinds[rule.kind] = kinds.get(rule.kind, 0.0) + clock() - start
rows += [[f"kind {k}", v] for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])]
report = api.check(project)
for name in ("text", "sarif", "html"):
    timed(f"{name} report", lambda: render(name, report, Options(lang="en")))
rows.append(["garbage collection (within the above; off, as in check)", collecting[0]])
print(json.dumps(rows))
"""


def phases(plans: Path) -> list[tuple[str, float]]:
    """Where one in-process check of `plans` spends its CPU time (a breakdown, not the timed run)."""
    result = subprocess.run(
        [sys.executable, "-c", PHASES, str(plans)], check=True, capture_output=True, text=True
    )
    return [(name, seconds) for name, seconds in json.loads(result.stdout)]


def lineage_folder(work: Path, plans: Path, county: str) -> Path:
    """A folder holding only `county` and its ancestors (copied from the nation), for the lineage check."""
    from planlint import planindex
    from planlint.loader import plan_files

    entries = planindex.index(plan_files([plans])) or []
    by_id = {e.id: e for e in entries}
    wanted, pending = set(), [county]
    while pending:
        plan_id = pending.pop()
        if plan_id not in wanted:
            wanted.add(plan_id)
            pending.extend(by_id[plan_id].parents)
    out = work / f"lineage-{county}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for plan_id in sorted(wanted):
        shutil.copy(by_id[plan_id].path, out / by_id[plan_id].path.name)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="0.5,1", help="comma-separated fractions of the nation")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "planlint-bench")
    parser.add_argument("--county", default="p01-c01-k01", help="the county of the lineage measurement")
    parser.add_argument(
        "--no-phases", action="store_true", help="skip the time breakdown of the largest nation"
    )
    args = parser.parse_args()
    scales = [float(s) for s in args.scales.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}")
    print(
        f"command: {' '.join([Path(sys.executable).name, 'bench/bench.py', *sys.argv[1:]])}  (work: {args.work})"
    )
    print("times: CPU seconds (user + system), median of the runs")
    print(f"load average at the start (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}\n")

    compile_planlint()
    rows = []
    for scale in scales:
        plans, manifest = nation(args.work, scale, args.seed)
        report = args.work / f"report-{scale:g}.txt"
        floor, check, memory = paired_runs(
            [sys.executable, "-c", FLOOR, str(plans)],
            [*planlint_command(), "check", str(plans), "--output", str(report)],
            args.repeat,
            f"floor / check, {scale:g}",
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

    largest = max(rows, key=lambda r: r[0])
    plans, _ = nation(args.work, largest[0], args.seed)
    alone = lineage_folder(args.work, plans, args.county)
    out = args.work / "report-lineage.txt"
    # half-second runs, whose spread is as large as the difference measured: three times as many pairs
    print()
    lineage_only, own, _ = paired_runs(
        [*planlint_command(), "check", str(alone), "-o", str(out)],
        [*planlint_command(), "check", str(plans), "--plan", args.county, "-o", str(out)],
        max(9, args.repeat * 3),
        "lineage only / --plan",
    )
    print(
        f"check --plan {args.county} on the {largest[0]:g} nation: {own:.2f} s; the same check of a folder "
        f"of its lineage only ({len(list(alone.iterdir()))} plans): {lineage_only:.2f} s; "
        f"ratio {own / lineage_only:.2f}"
    )

    help_times = [run([*planlint_command(), "--help"])[0] for _ in range(max(5, args.repeat * 3))]
    help_s = statistics.median(help_times)
    print(f"planlint --help: {help_s:.3f} s (median of {len(help_times)})")

    checks = [
        ("check ≤ 4× floor (largest nation)", largest[4] / largest[3], TARGETS["ratio"], "×"),
        ("peak memory ≤ 1 GB (largest nation)", largest[5], TARGETS["memory_mb"], " MB"),
        *((f"growth {s / 2:g}→{s:g} ≤ 2.2", g, TARGETS["growth"], "×") for s, g in growths),
        ("check --plan ≤ 1.5× the lineage-only check", own / lineage_only, TARGETS["lineage"], "×"),
        ("planlint --help ≤ 0.2 s", help_s, TARGETS["help_s"], " s"),
    ]
    print("\ntargets:")
    for name, value, limit, unit in checks:
        verdict = (
            "met" if value <= limit else f"MISSED by {value - limit:.2f}{unit} ({value / limit - 1:.0%})"
        )
        print(f"  {name}: {value:.2f}{unit} — {verdict}")

    print(f"load average at the end (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if not args.no_phases:
        print(f"\nwhere one check of the {largest[0]:g} nation spends its CPU time (in-process):")
        for name, seconds in phases(plans):
            print(f"  {name:<48} {seconds:7.2f} s")


if __name__ == "__main__":
    main()
