"""How `planlint extract` scales with the size of its input: ordinary text, and hostile lines.

Each input is read at size n and 2n; the time ratio is about 2 when reading is linear (4 when quadratic).
Run `.venv/bin/python bench/extract_scaling.py [N]` (N: characters of the smaller hostile input, default
16000); the ordinary text is the seed documents (../shared/seeds) repeated, skipped when they are absent.
Results are in docs/fuzzing.md.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from planlint import api
from planlint.errors import PlanlintError
from planlint.extract import extract_document
from planlint.units import registry
from planlint.vocabulary import Vocabulary, load_vocabulary

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
TITLE = "某县矿产资源总体规划（2021—2025年）\n"
# One unit of each hostile line, repeated to the size asked for (one line, no line break).
HOSTILE = {
    "digits": "1",
    "counts": "1个",
    "tonnes": "1万吨",
    "percent": "1%",
    "ranges": "1~2处",
    "zones in sentences": "1个重点开采区。",
    "parenthesised": "（1个）",
    "mixed": "铁矿1万吨，",
}


def seconds(path: Path, vocabulary: Vocabulary) -> float:
    start = time.perf_counter()
    try:
        extract_document(path, vocabulary=vocabulary)
    except PlanlintError:
        pass  # refused or no plan found: still timed
    return time.perf_counter() - start


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 16000
    vocabulary = load_vocabulary(api.rule_directories(()))
    registry()  # the unit registry is built once per process: not part of reading a document
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        print(f"{'input':22s} {'n':>9s} {'time':>8s} {'2n':>9s} {'time':>8s} ratio  MB/s at 2n")
        for name, unit in HOSTILE.items():
            times = []
            for n in (size, 2 * size):
                path.write_text(TITLE + unit * (n // len(unit)) + "\n", encoding="utf-8")
                times.append(seconds(path, vocabulary))
            megabytes = path.stat().st_size / 1e6
            print(
                f"{name:22s} {size:9d} {times[0]:7.2f}s {2 * size:9d} {times[1]:7.2f}s "
                f"{times[1] / max(times[0], 1e-9):5.1f}  {megabytes / times[1]:.3f}"
            )
        seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
        if not seeds:
            print(f"ordinary text: skipped ({SEEDS} is absent)")
            return
        text = "".join(p.read_text(encoding="utf-8") for p in seeds)
        for copies in (2, 4):
            path.write_text(text * copies, encoding="utf-8")
            took = seconds(path, vocabulary)
            megabytes = path.stat().st_size / 1e6
            print(
                f"ordinary text x{copies:<2d}       {megabytes:.2f} MB in {took:.2f}s = {megabytes / took:.2f} MB/s"
            )


if __name__ == "__main__":
    main()
