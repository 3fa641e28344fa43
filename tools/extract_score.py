"""How well `planlint extract` reads the seed documents: precision and recall against the hand-encoded plans.

    python -m tools.extract_score            # print the table
    python -m tools.extract_score --write    # and write it into docs/extract.md
    python -m tools.extract_score --rendered 200    # and 200 rendered synthetic documents

Each seed document in ../shared/seeds (beside the repository) is paired with the plan in plans/ whose
`source.document` names it. An extracted indicator matches a hand-encoded one when metric, mineral (through
the vocabulary), op, value, unit (by meaning), attribute, scope and cited line all agree; zone limits count
as indicators. Every 专栏 box of the document must be extracted (something cites it) or listed as unparsed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planlint.paths import bundled_plans

PRECISION_GOAL = 0.95
RECALL_GOAL = 0.85
RENDERED_RECALL_GOAL = 0.90
_CAPTION = re.compile(r"^[\s#*>]*(专栏\s*[0-9０-９一二三四五六七八九十]+)")


@dataclass
class SeedScore:
    document: str
    plan: str
    extracted: int
    expected: int
    matched: int
    tables: int
    tables_covered: int
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def repo_root() -> Path:
    return bundled_plans().parent


def seeds_dir() -> Path:
    return repo_root().parent / "shared" / "seeds"


def _full_key(item: dict[str, Any], vocabulary: Any) -> tuple[Any, ...]:
    from planlint.extract.matching import statement_key

    return (
        *statement_key(item, vocabulary),
        item["op"],
        item.get("attribute", "unspecified"),
        item["cite"].get("line"),
    )


def _indicators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Plan-wide indicators and zone limits; a limit's scope.zone naming its own zone is implied, so dropped."""
    items = list(plan.get("indicators") or [])
    for zone in plan.get("zones") or []:
        for limit in zone.get("limits") or []:
            scope = dict(limit.get("scope") or {})
            if scope.get("zone") == zone.get("name"):
                scope.pop("zone")
            items.append({**limit, "scope": scope})
    return items


def _describe(item: dict[str, Any]) -> str:
    scope = ",".join(f"{k}={v}" for k, v in sorted((item.get("scope") or {}).items()))
    return (
        f"line {item['cite'].get('line')}: {item['metric']} {item.get('mineral') or '-'} {item['op']} "
        f"{item['value']} {item['unit']} {item.get('attribute', 'unspecified')}"
        + (f" [{scope}]" if scope else "")
    )


def plan_for(document: str, plans: Path) -> Path | None:
    """The hand-encoded plan whose source.document is this document."""
    from planlint.yamlio import read_yaml

    for path in sorted(plans.glob("*.yaml")):
        data = read_yaml(path)
        if isinstance(data, dict) and (data.get("source") or {}).get("document") == document:
            return path
    return None


def score(seed: Path, plan_path: Path, vocabulary: Any) -> SeedScore:
    from planlint.extract import extract_document
    from planlint.yamlio import read_yaml

    hand = read_yaml(plan_path)
    draft = extract_document(seed, plan_id=hand["id"], parent=hand.get("parents"), level=hand.get("level"),
                             vocabulary=vocabulary)  # fmt: skip
    got = _indicators(draft.plan)
    want = _indicators(hand)
    remaining = Counter(_full_key(i, vocabulary) for i in want)
    matched = 0
    extra = []
    for item in got:
        key = _full_key(item, vocabulary)
        if remaining[key] > 0:
            remaining[key] -= 1
            matched += 1
        else:
            extra.append(_describe(item))
    got_keys = Counter(_full_key(i, vocabulary) for i in got)
    missed = []
    for item in want:
        key = _full_key(item, vocabulary)
        if got_keys[key] > 0:
            got_keys[key] -= 1
        else:
            missed.append(_describe(item))
    captions = {
        _norm(m.group(1))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if (m := _CAPTION.match(line))
    }
    covered = _tables_cited(draft) | {_norm(u.table) for u in draft.unparsed if u.table}
    return SeedScore(seed.name, hand["id"], len(got), len(want), matched, len(captions), len(captions & covered),
                     missed, extra)  # fmt: skip


def _norm(table: str) -> str:
    return re.sub(r"\s+", "", table)


def _tables_cited(draft: Any) -> set[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("table"), str) and "line" in value:
                found.add(_norm(value["table"]))
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(draft.plan)
    return found


def table(scores: list[SeedScore]) -> str:
    rows = ["| seed | plan | extracted | hand-encoded | matched | precision | recall | 专栏 extracted or unparsed |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    for s in scores:
        rows.append(f"| {s.document} | {s.plan} | {s.extracted} | {s.expected} | {s.matched} | {s.precision:.1%} | "
                    f"{s.recall:.1%} | {s.tables_covered}/{s.tables} |")  # fmt: skip
    total = SeedScore("all", "", sum(s.extracted for s in scores), sum(s.expected for s in scores),
                      sum(s.matched for s in scores), sum(s.tables for s in scores),
                      sum(s.tables_covered for s in scores))  # fmt: skip
    rows.append(f"| **all five** | | {total.extracted} | {total.expected} | {total.matched} | "
                f"**{total.precision:.1%}** | **{total.recall:.1%}** | {total.tables_covered}/{total.tables} |")  # fmt: skip
    return "\n".join(rows) + "\n"


@dataclass
class RenderedScore:
    """Extraction of rendered synthetic documents scored against the targets each was written from."""

    documents: int = 0
    extracted: int = 0
    expected: int = 0
    matched: int = 0
    inverted: int = 0  # a target read with the opposite comparator (a cap as a floor)
    baseline_as_target: int = 0  # a printed 现状 value read as a target
    titles_missed: int = 0
    failures: list[str] = field(default_factory=list)
    styles: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def line(self) -> str:
        return (
            f"| {self.documents} | {self.extracted} | {self.expected} | {self.matched} | {self.precision:.1%} | "
            f"{self.recall:.1%} | {self.inverted} | {self.baseline_as_target} | {self.titles_missed} |"
        )


RENDERED_HEADER = (
    "| documents | extracted | stated | matched | precision | recall | inverted comparators "
    "| 现状 read as targets | titles missed |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
)


def score_rendered(folder: Path, count: int, seed: int, vocabulary: Any) -> RenderedScore:
    """Render `count` documents into `folder`, extract each back, and score it against its answer key."""
    import json

    from planlint.synth.documents import render

    result = RenderedScore()
    for rendered in render(folder, count, seed):
        key = json.loads(rendered.expected.read_text(encoding="utf-8"))
        _score_one(rendered.path, key, vocabulary, result)
    return result


def _score_one(path: Path, key: dict[str, Any], vocabulary: Any, result: RenderedScore) -> None:
    from planlint.extract import extract_document
    from planlint.extract.matching import mineral_key, statement_key, value_key

    result.documents += 1
    style = key["style"]
    draft = extract_document(
        path, plan_id="rendered", parent=["parent"], level=key["level"], vocabulary=vocabulary
    )
    if draft.plan["source"].get("title") != key["title"]:
        result.titles_missed += 1
    got = _indicators(draft.plan)
    want = key["targets"]
    full = Counter(_rendered_key(i, vocabulary) for i in want)
    stated = {statement_key(i, vocabulary): i["op"] for i in want}
    facts = {
        (f["metric"], mineral_key(f["mineral"], vocabulary), value_key(f["value"])) for f in key["baseline"]
    }
    result.extracted += len(got)
    result.expected += len(want)
    for item in got:
        one = _rendered_key(item, vocabulary)
        if full[one] > 0:
            full[one] -= 1
            result.matched += 1
            continue
        where = f"{path.name} ({style['numbering']}/{style['table']}/{style['caption']}/{style['units']}/{style['scales']})"
        printed = stated.get(statement_key(item, vocabulary))
        if printed is not None and _direction(printed) != _direction(item["op"]):
            result.inverted += 1
            result.failures.append(f"inverted  {where}: {_describe(item)}")
        elif (
            item["metric"],
            mineral_key(item.get("mineral"), vocabulary),
            value_key(item["value"]),
        ) in facts:
            result.baseline_as_target += 1
            result.failures.append(f"现状      {where}: {_describe(item)}")
        else:
            result.failures.append(f"extra     {where}: {_describe(item)}")
    for item in want:
        if full[_rendered_key(item, vocabulary)] > 0:
            full[_rendered_key(item, vocabulary)] -= 1
            result.failures.append(f"missed    {path.name}: {item}")
    for name, value in style.items():
        result.styles[f"{name}={value}"] += 1


def _direction(op: str) -> str:
    return {"<=": "cap", "<": "cap", ">=": "floor", ">": "floor"}.get(op, op)


def _rendered_key(item: dict[str, Any], vocabulary: Any) -> tuple[Any, ...]:
    from planlint.extract.matching import statement_key

    return (*statement_key(item, vocabulary), item["op"], item.get("attribute", "unspecified"))


def run(write: bool = False, verbose: bool = False) -> int:
    from planlint import api
    from planlint.vocabulary import load_vocabulary

    seeds = seeds_dir()
    if not seeds.is_dir():
        print(f"extract_score: skipped: no seed documents at {seeds} (../shared/seeds beside the repository)")
        return 0
    vocabulary = load_vocabulary(api.rule_directories())
    scores = []
    for seed in sorted(seeds.glob("*.txt")):
        plan_path = plan_for(seed.name, bundled_plans())
        if plan_path is None:
            print(f"extract_score: {seed.name}: no plan in plans/ cites it (source.document); skipped")
            continue
        scores.append(score(seed, plan_path, vocabulary))
    result = table(scores)
    print(result)
    if verbose:
        for s in scores:
            for line in s.missed:
                print(f"  missed {s.plan} {line}")
            for line in s.extra:
                print(f"  extra  {s.plan} {line}")
    if write:
        _write_doc(result)
    return 0


def _write_doc(result: str, marker: str = "extract-score") -> None:
    path = repo_root() / "docs" / "extract.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    block = f"{start}\n{result}{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text + ("\n" if text else "") + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.extract_score", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--write", action="store_true", help="write the table into docs/extract.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every missed and extra indicator")
    parser.add_argument("--rendered", type=int, metavar="N", help="also score N rendered synthetic documents")
    parser.add_argument("--seed", type=int, default=0, help="seed of the rendered documents (default 0)")
    args = parser.parse_args(argv)
    status = run(write=args.write, verbose=args.verbose)
    if args.rendered:
        status = max(status, run_rendered(args.rendered, args.seed, write=args.write, verbose=args.verbose))
    return status


def run_rendered(count: int, seed: int, write: bool = False, verbose: bool = False) -> int:
    """Score `count` rendered documents; 1 when a goal is missed."""
    import tempfile

    from planlint import api
    from planlint.vocabulary import load_vocabulary

    vocabulary = load_vocabulary(api.rule_directories())
    with tempfile.TemporaryDirectory() as folder:
        result = score_rendered(Path(folder), count, seed, vocabulary)
    text = RENDERED_HEADER + result.line() + "\n"
    print(text)
    if verbose:
        for failure in result.failures:
            print(f"  {failure}")
    if write:
        _write_doc(text, "rendered-score")
    met = (result.precision >= PRECISION_GOAL and result.recall >= RENDERED_RECALL_GOAL
           and not result.inverted and not result.baseline_as_target)  # fmt: skip
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
