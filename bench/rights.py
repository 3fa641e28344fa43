"""Benchmark of `planlint check-rights`: a batch of 10,000 synthetic rights against a synthetic nation.

    .venv/bin/python bench/rights.py                      # 10,000 rights, nation at scale 0.25, 3 runs
    .venv/bin/python bench/rights.py --rights 2000 --scale 0.05 --repeat 1

Writes (once, cached in --work) `planlint synth --scale S --rights N`, then times `planlint check-rights
rights.csv plans --format json --output FILE` in a fresh process, `--repeat` times, and reports the median
wall time and CPU time (user + system) against the target, and how many findings the report holds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 5.0  # "a batch of 10,000 rights checked in a few seconds"


def planlint() -> list[str]:
    script = Path(sys.executable).parent / "planlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "planlint"]


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process (it must exit 0 or 1)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rights", type=int, default=10000)
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "planlint-bench-rights")
    args = parser.parse_args()
    nation = args.work / f"scale-{args.scale}-rights-{args.rights}"
    if not (nation / "rights.csv").exists():
        subprocess.run(
            [
                *planlint(),
                "synth",
                "-o",
                str(nation),
                "--scale",
                str(args.scale),
                "--rights",
                str(args.rights),
                "--force",
            ],
            check=True,
        )
    report = nation / "report.json"
    command = [
        *planlint(),
        "check-rights",
        str(nation / "rights.csv"),
        str(nation / "plans"),
        "--format",
        "json",
        "--output",
        str(report),
    ]
    runs = [timed(command) for _ in range(args.repeat)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    data = json.loads(report.read_text(encoding="utf-8"))
    plans = sum(1 for _ in (nation / "plans").rglob("*.yaml"))
    print(
        f"check-rights: {len(data['rights'])} rights against {plans} plans, {len(data['findings'])} findings"
    )
    print(
        f"  median of {args.repeat}: {wall:.2f} s wall, {cpu:.2f} s CPU (target {TARGET_S:.0f} s: "
        f"{'met' if cpu <= TARGET_S else 'missed'})"
    )


if __name__ == "__main__":
    main()
