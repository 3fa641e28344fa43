"""Load plan files: YAML → validated `Plan`, with every problem reported as `file:line: field: message`.

Schema problems come from pydantic; names that need a vocabulary (metric, mineral, unit, basis) are checked
here, where the field's position in the file is known. A file that is not a plan is an error, never
skipped silently.
"""

from __future__ import annotations

import gc
import operator
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planlint.errors import PlanlintError
from planlint.errortext import os_error_en, os_error_zh, schema_found
from planlint.model import Indicator, Plan
from planlint.units import Basis, known_unit, parse_unit, resolve_basis
from planlint.validation import input_errors
from planlint.vocabulary import Vocabulary
from planlint.yamlio import line_of, read_yaml

PLAN_SCHEMA = "planlint/plan/v1"
UNKNOWN_PLAN_FIELD = ("unknown field (not in plan format v1)", "未知字段（规划格式 v1 中没有此字段）")


class InputErrors(PlanlintError):
    """Several input errors at once (validate reports them all; check stops on them)."""

    def __init__(self, errors: Sequence[PlanlintError]) -> None:
        super().__init__(f"{len(errors)} input error(s)", zh=f"{len(errors)} 个输入错误")
        self.errors = list(errors)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


@dataclass(frozen=True)
class LoadedPlan:
    """A validated plan and the file it came from."""

    plan: Plan
    path: Path


PLAN_SUFFIXES = (".yaml", ".yml")


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """Every plan file under the paths (see `find_plan_files`); raise InputErrors for what cannot be walked."""
    found, problems = find_plan_files(paths)
    if problems:
        raise InputErrors(problems)
    return found


def find_plan_files(paths: Iterable[Path]) -> tuple[list[Path], list[PlanlintError]]:
    """Every `*.yaml`/`*.yml` file under the given files and directories, in a stable order.

    Nothing is skipped silently: an entry named like a plan that is not a readable regular file (a directory,
    a dangling symlink, a FIFO) is kept so that reading it reports it; an unreadable directory, a directory
    symlink leading back to its own ancestor, and a directory holding no plan at all are input errors.
    """
    found: list[Path] = []
    problems: list[PlanlintError] = []
    for path in paths:
        if path.is_dir():
            before, problems_before = len(found), len(problems)
            _walk(path, found, problems, (os.path.realpath(path),))
            if len(found) == before and len(problems) == problems_before:
                problems.append(_no_plan_files(path))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise PlanlintError("no such file or directory", path=path, zh="文件或目录不存在")
    return sorted(set(found)), problems


# Plan documents (a county's Word or text draft) are judged when named one by one, not found in folders.
PLAN_DOCUMENT_SUFFIXES = frozenset({".docx", ".txt", ".md"})


def _looks_like_a_plan_document(path: Path) -> bool:
    """A Word file, or a text named as a plan (大足区规划.txt; not notes.txt)."""
    suffix = path.suffix.lower()
    named = suffix == ".docx" or (suffix in PLAN_DOCUMENT_SUFFIXES and "规划" in path.stem)
    return named and path.is_file()


def _no_plan_files(folder: Path) -> PlanlintError:
    """A folder without plan files; where it holds plan documents, how to check them instead."""
    documents = sorted(p.name for p in folder.iterdir() if _looks_like_a_plan_document(p))
    if not documents:
        return PlanlintError(
            "no plan files (*.yaml, *.yml) in this directory",
            path=folder,
            zh="目录中没有规划文件（*.yaml、*.yml）",
        )
    shown = ", ".join(documents[:3]) + (" …" if len(documents) > 3 else "")
    return PlanlintError(
        f"no plan files (*.yaml, *.yml) in this directory; plan documents (.docx, .txt, .md) are checked "
        f"when named one by one: planlint check {folder / documents[0]} (here: {shown})",
        path=folder,
        zh=f"目录中没有规划文件（*.yaml、*.yml）；规划文本（.docx、.txt、.md）请直接逐个列出："
        f"planlint check {folder / documents[0]}（此处有：{'、'.join(documents[:3])}{' …' if len(documents) > 3 else ''}）",
    )


def _walk(
    directory: Path, found: list[Path], problems: list[PlanlintError], ancestors: tuple[str, ...]
) -> None:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        problems.append(_unreadable_directory(directory, error))
        return
    for entry in entries:
        path = directory / entry.name
        if entry.name.endswith(PLAN_SUFFIXES):
            found.append(path)  # reading refuses what is not a regular file, naming it
        elif _is_dir(entry):
            real = os.path.realpath(path)
            if real in ancestors:
                problems.append(
                    PlanlintError(
                        "symlink loop: this directory leads back to its own parent",
                        path=path,
                        zh="符号链接成环：此目录指回其上级目录",
                    )
                )
            else:
                _walk(path, found, problems, (*ancestors, real))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _unreadable_directory(directory: Path, error: OSError) -> PlanlintError:
    return PlanlintError(
        f"cannot read directory: {os_error_en(error)}",
        path=directory,
        zh=f"无法读取目录：{os_error_zh(error)}",
    )


# Vocabulary checks of one indicator depend only on these four values; plans repeat the same combinations.
CheckKey = tuple[str, str, Basis, str | None]
_CHECK_KEY = operator.attrgetter("metric", "unit", "basis", "mineral")
_MINERAL = operator.attrgetter("mineral")
_REF = operator.attrgetter("ref")


class CheckCache:
    """The vocabulary checks made so far (in one `load_plans` call): each indicator combination's problems,
    and the combinations, mineral names and units found good."""

    __slots__ = ("good_keys", "good_minerals", "good_units", "problems")

    def __init__(self) -> None:
        self.problems: dict[CheckKey, list[tuple[str, PlanlintError]]] = {}
        self.good_keys: set[CheckKey] = set()
        self.good_minerals: set[str] = set()
        self.good_units: set[str] = set()

    def indicator_problems(self, key: CheckKey, vocabulary: Vocabulary) -> list[tuple[str, PlanlintError]]:
        found = self.problems.get(key)
        if found is None:
            found = self.problems[key] = _indicator_checks(*key, vocabulary)
        return found


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk work that allocates many objects but no cycles.

    Loading thousands of plans keeps every parsed model alive, so each automatic collection walks an ever
    larger heap (about a third of the load time at national scale). Reference counting still frees
    everything it would; only cycles wait for the next collection after the pause.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _indicator_problems(
    indicators: Sequence[Indicator],
    loc: tuple[str | int, ...],
    vocabulary: Vocabulary,
    cache: CheckCache,
) -> Iterator[tuple[tuple[str | int, ...], PlanlintError]]:
    """The vocabulary problems of a list of indicators at `loc`, each combination checked once per cache."""
    for index, key in enumerate(map(_CHECK_KEY, indicators)):
        for field, error in cache.indicator_problems(key, vocabulary):
            yield (*loc, index, field), error


def _indicator_checks(
    metric: str, unit: str, basis: Basis, mineral: str | None, vocabulary: Vocabulary
) -> list[tuple[str, PlanlintError]]:
    found: list[tuple[str, PlanlintError]] = []
    checks: list[tuple[str, Any]] = [
        ("metric", lambda: vocabulary.require_metric(metric)),
        ("unit", lambda: resolve_basis(parse_unit(unit), basis)),
    ]
    if mineral is not None:
        checks.append(("mineral", lambda: vocabulary.require(mineral)))
    for field, check in checks:
        try:
            check()
        except PlanlintError as error:
            found.append((error.field or field, error))
    return found


def _plan_is_clean(plan: Plan, vocabulary: Vocabulary, cache: CheckCache) -> bool:
    """Whether `_problems_beyond_schema` finds nothing in the plan, without walking its rows one by one.

    The plan's distinct indicator combinations, mineral names and units are gathered at C speed (a nation's
    141,000 indicators hold about 600 combinations) and only those not yet found good are checked.
    """
    keys = set(map(_CHECK_KEY, plan.indicators))
    minerals: set[str] = set()
    for zone in plan.zones:
        keys.update(map(_CHECK_KEY, zone.limits))
        minerals.update(zone.minerals)
    lists = plan.minerals
    for entries in (lists.encouraged, lists.restricted, lists.prohibited):
        minerals.update(map(_MINERAL, entries))
    units = {count.unit for count in plan.counts if count.unit is not None}
    for fact in plan.baseline:
        units.update(fact.units.values())
    return (
        _all_good(keys, cache.good_keys, lambda key: not cache.indicator_problems(key, vocabulary))
        and _all_good(minerals, cache.good_minerals, lambda name: vocabulary.resolve(name) is not None)
        and _all_good(units, cache.good_units, known_unit)
        and _refs_known(plan)
    )


def _all_good(found: set[Any], good: set[Any], check: Callable[[Any], bool]) -> bool:
    """Whether `check` holds for every member of `found` not already in `good` (which then remembers it)."""
    for item in found - good:
        if not check(item):
            return False
        good.add(item)
    return True


def _refs_known(plan: Plan) -> bool:
    refs = set(map(_REF, plan.all_cites()))
    refs.discard(None)
    return refs <= {source.id for source in plan.sources}


def _problems_beyond_schema(
    plan: Plan, vocabulary: Vocabulary, cache: CheckCache
) -> Iterator[tuple[tuple[str | int, ...], PlanlintError]]:
    if _plan_is_clean(plan, vocabulary, cache):
        return  # the usual case; otherwise every row is walked to place each problem
    yield from _indicator_problems(plan.indicators, ("indicators",), vocabulary, cache)
    for z, zone in enumerate(plan.zones):
        yield from _indicator_problems(zone.limits, ("zones", z, "limits"), vocabulary, cache)
        for m, mineral in enumerate(zone.minerals):
            if vocabulary.resolve(mineral) is None:
                yield ("zones", z, "minerals", m), _unknown(vocabulary, mineral)
    for list_name in ("encouraged", "restricted", "prohibited"):
        for index, entry in enumerate(getattr(plan.minerals, list_name)):
            if vocabulary.resolve(entry.mineral) is None:
                yield ("minerals", list_name, index, "mineral"), _unknown(vocabulary, entry.mineral)
    for c, count in enumerate(plan.counts):
        if count.unit is not None:
            yield from _unit_problem(count.unit, ("counts", c, "unit"))
    for b, fact in enumerate(plan.baseline):
        for key, unit in fact.units.items():
            yield from _unit_problem(unit, ("baseline", b, "units", key))
    yield from _unknown_refs(plan)


def _unknown_refs(plan: Plan) -> Iterator[tuple[tuple[str | int, ...], PlanlintError]]:
    known = {source.id for source in plan.sources}
    for loc, cite in plan.located_cites():
        if cite.ref is not None and cite.ref not in known:
            yield (
                (*loc, "ref"),
                PlanlintError(
                    f"citation ref {cite.ref!r} is not among the plan's sources",
                    zh=f"引用 ref {cite.ref!r} 不在本规划的 sources 中",
                ),
            )


def _unit_problem(
    unit: str, loc: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], PlanlintError]]:
    try:
        parse_unit(unit)
    except PlanlintError as error:
        yield loc, error


def _unknown(vocabulary: Vocabulary, name: str) -> PlanlintError:
    try:
        vocabulary.require(name)
    except PlanlintError as error:
        return error
    return PlanlintError(f"unknown mineral {name!r}", zh=f"未知矿种 {name!r}")


def load_plan(path: Path, vocabulary: Vocabulary, cache: CheckCache | None = None) -> LoadedPlan:
    """Load and validate one plan file; raise InputErrors listing every problem in it.

    `cache` (optional) remembers vocabulary checks across the files of one `load_plans` call.
    """
    data = read_yaml(path)
    if not isinstance(data, dict) or data.get("schema") != PLAN_SCHEMA:
        found = schema_found(data)
        raise InputErrors(
            [
                PlanlintError(
                    f"not a plan file: expected schema: {PLAN_SCHEMA} ({found['en']})",
                    path,
                    1,
                    "schema",
                    zh=f"不是规划文件：应有 schema: {PLAN_SCHEMA}（{found['zh']}）",
                )
            ]
        )
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        raise InputErrors(input_errors(error, path, UNKNOWN_PLAN_FIELD)) from None
    problems = []
    for loc, problem in _problems_beyond_schema(plan, vocabulary, CheckCache() if cache is None else cache):
        field = ".".join(str(p) for p in loc)
        problems.append(problem.moved(path, line_of(path, loc), field))
    if problems:
        raise InputErrors(problems)
    return LoadedPlan(plan, path)


def load_plans(paths: Iterable[Path], vocabulary: Vocabulary) -> list[LoadedPlan]:
    """Load every plan under the paths; collect all problems, then raise them together."""
    loaded: list[LoadedPlan] = []
    files, problems = find_plan_files(paths)
    cache = CheckCache()
    with gc_paused():
        for path in files:
            try:
                loaded.append(load_plan(path, vocabulary, cache))
            except InputErrors as error:
                problems.extend(error.errors)
            except PlanlintError as error:
                problems.append(error)
        problems.extend(_duplicate_ids(loaded))
        if problems:
            raise InputErrors(problems)
    return sorted(loaded, key=lambda item: item.plan.id)


def _duplicate_ids(loaded: list[LoadedPlan]) -> list[PlanlintError]:
    first: dict[str, Path] = {}
    problems = []
    for item in loaded:
        plan_id = item.plan.id
        if plan_id in first:
            problems.append(
                PlanlintError(
                    f"duplicate plan id {plan_id!r} (also in {first[plan_id]})",
                    path=item.path,
                    line=line_of(item.path, ("id",)),
                    field="id",
                    zh=f"规划 id {plan_id!r} 重复（亦见于 {first[plan_id]}）",
                )
            )
        else:
            first[plan_id] = item.path
    return problems
