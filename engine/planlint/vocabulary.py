"""Vocabularies as data: minerals (names, variants, broader/narrower taxonomy, category), metrics and zone kinds.

Loaded from `rules/vocabulary/*.yaml` (and any extra rule directories). Matching a child's mineral to an
ancestor's rule goes through `Vocabulary.covers`, never through string comparison.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planlint.errors import PlanlintError, UnitError, VocabularyError
from planlint.units import Basis, Density, density_from
from planlint.validation import input_errors
from planlint.yamlio import line_of, read_yaml

Category = Literal["energy", "metal", "nonmetal", "water"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DensityEntry(_Strict):
    value: float = Field(gt=0, allow_inf_nan=False)
    unit: str
    basis: Basis = "ore"
    source: str


class MineralEntry(_Strict):
    name: str
    aliases: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    category: Category
    density: DensityEntry | None = None
    note: str | None = None


MetricRole = Literal["limit", "exploration", "target", "context"]
ZoneActivity = Literal["exploration", "mining", "reserve"]


class MetricEntry(_Strict):
    """A metric: printed names, whether annual, its role, the side that binds, its usual unit."""

    name: str
    zh: str
    en: str
    annual: bool = False
    role: MetricRole = "context"
    direction: Literal["floor", "cap"] | None = None
    unit: str | None = None
    mines: bool = False


class ZoneKindEntry(_Strict):
    """A kind of zone or block: printed names, the activity it plans, the group that carries it."""

    name: str
    zh: str
    en: str
    activity: ZoneActivity
    carried_by: Literal["exploration", "mining"] | None = None


class NameEntry(_Strict):
    """A key plans record counts or baseline facts under (or a part or value name): its printed names."""

    name: str
    zh: str
    en: str


class VocabularyFile(_Strict):
    schema_: Literal["planlint/vocabulary/v1"] = Field(alias="schema")
    minerals: tuple[MineralEntry, ...]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class MetricsFile(_Strict):
    schema_: Literal["planlint/metrics/v1"] = Field(alias="schema")
    metrics: tuple[MetricEntry, ...]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ZoneKindsFile(_Strict):
    schema_: Literal["planlint/zone-kinds/v1"] = Field(alias="schema")
    zone_kinds: tuple[ZoneKindEntry, ...]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class NamesFile(_Strict):
    schema_: Literal["planlint/names/v1"] = Field(alias="schema")
    names: tuple[NameEntry, ...]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


FILE_MODELS: dict[str, type[VocabularyFile] | type[MetricsFile] | type[ZoneKindsFile] | type[NamesFile]] = {
    "planlint/metrics/v1": MetricsFile,
    "planlint/zone-kinds/v1": ZoneKindsFile,
    "planlint/names/v1": NamesFile,
}

_CHINESE = re.compile(r"[\u3400-\u9fff]")


_SPELLING = str.maketrans({"（": "(", "）": ")", "　": "", " ": "", "\t": ""})


def normalise_name(name: str) -> str:
    """Fold the spelling differences that never change meaning: spaces, full-width brackets."""
    return name.translate(_SPELLING).strip()


@dataclass(frozen=True)
class Mineral:
    """A vocabulary entry: the canonical name and what it is."""

    name: str
    category: str
    broader: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    density: Density | None = None


@dataclass
class Vocabulary:
    """Minerals and metrics known to planlint."""

    minerals: dict[str, Mineral] = field(default_factory=dict)
    metrics: dict[str, MetricEntry] = field(default_factory=dict)
    zone_kinds: dict[str, ZoneKindEntry] = field(default_factory=dict)
    names: dict[str, NameEntry] = field(default_factory=dict)
    _lookup: dict[str, str] = field(default_factory=dict)
    # Where each mineral and metric is defined (file, index in its list), so an error can name file:line.
    defined_at: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add_mineral(self, entry: MineralEntry, where: str) -> None:
        if entry.name in self.minerals:
            raise VocabularyError(
                f"mineral {entry.name!r} is defined twice", path=where, zh=f"矿种 {entry.name!r} 重复定义"
            )
        density = None
        if entry.density is not None:
            d = entry.density
            density = density_from(d.value, d.unit, d.basis, d.source)
        self.minerals[entry.name] = Mineral(entry.name, entry.category, entry.broader, entry.aliases, density)
        for spelling in (entry.name, *entry.aliases):
            key = normalise_name(spelling)
            other = self._lookup.get(key)
            if other is not None and other != entry.name:
                raise VocabularyError(
                    f"{spelling!r} names both {other!r} and {entry.name!r}",
                    path=where,
                    zh=f"{spelling!r} 同时指 {other!r} 和 {entry.name!r}",
                )
            self._lookup[key] = entry.name

    def check_taxonomy(self) -> None:
        """Every `broader` name is a known mineral and the taxonomy has no cycle."""
        for mineral in self.minerals.values():
            for index, wider in enumerate(mineral.broader):
                if wider not in self.minerals:
                    error = VocabularyError(
                        f"{mineral.name!r}: broader mineral {wider!r} is not defined",
                        zh=f"{mineral.name!r} 的上位矿种 {wider!r} 未定义",
                    )
                    raise self.placed(error, ("minerals", mineral.name), ("broader", index))
        for name in self.minerals:
            if name in self._wider_than(name):
                error = VocabularyError(
                    f"the mineral taxonomy has a cycle through {name!r}", zh=f"矿种分类经 {name!r} 成环"
                )
                raise self.placed(error, ("minerals", name), ("broader",))

    def placed(
        self, error: PlanlintError, entry: tuple[str, str], loc: tuple[str | int, ...]
    ) -> PlanlintError:
        """The error at `loc` inside the entry (("minerals", name) or ("metrics", name)) where it is defined."""
        where = self.defined_at.get(f"{entry[0]}:{entry[1]}")
        if where is None:
            return error
        path, index = where
        full = (entry[0], index, *loc)
        return error.moved(path, line_of(path, full), ".".join(map(str, full)))

    def resolve(self, name: str) -> Mineral | None:
        """The vocabulary entry a printed name stands for, or None."""
        canonical = self._lookup.get(normalise_name(name))
        return self.minerals[canonical] if canonical else None

    def require(self, name: str) -> Mineral:
        """Like `resolve`, but an unknown name is an error with the closest known names."""
        mineral = self.resolve(name)
        if mineral is None:
            close = self.suggest(name)
            raise VocabularyError(
                f"unknown mineral {name!r} (closest known: {', '.join(close) or 'none'})",
                field="mineral",
                zh=f"未知矿种 {name!r}（最接近的已知矿种：{'、'.join(close) or '无'}）",
            )
        return mineral

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Known names closest to an unknown one."""
        key = normalise_name(name)
        contained = [self._lookup[k] for k in self._lookup if k and (k in key or key in k)]
        close = difflib.get_close_matches(key, list(self._lookup), n=limit, cutoff=0.4)
        ordered = dict.fromkeys(contained + [self._lookup[k] for k in close])
        return list(ordered)[:limit]

    def _wider_than(self, name: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self.minerals[name].broader)
        while stack:
            wider = stack.pop()
            if wider in seen or wider not in self.minerals:
                continue
            seen.add(wider)
            stack.extend(self.minerals[wider].broader)
        return seen

    @cached_property
    def _lineage(self) -> dict[str, frozenset[str]]:
        return {name: frozenset({name} | self._wider_than(name)) for name in self.minerals}

    def lineage(self, name: str) -> frozenset[str]:
        """The canonical name and every broader one (建筑石料用灰岩 → {建筑石料用灰岩, 石灰岩})."""
        return self._lineage[self.require(name).name]

    def covers(self, broad: str, narrow: str) -> bool:
        """Whether a rule about `broad` applies to `narrow`: the same mineral or a broader one."""
        return self.require(broad).name in self.lineage(narrow)

    def canonical(self, name: str) -> str:
        return self.require(name).name

    def metrics_of(self, role: MetricRole) -> tuple[str, ...]:
        """The metrics of one role, in vocabulary order."""
        return tuple(name for name, metric in self.metrics.items() if metric.role == role)

    def mining_metrics(self) -> tuple[str, ...]:
        """The metrics whose row for a mineral plans to mine it."""
        return tuple(name for name, metric in self.metrics.items() if metric.mines)

    def zone_kinds_for(self, *activities: ZoneActivity) -> tuple[str, ...]:
        """The zone kinds that plan one of the activities, in vocabulary order."""
        return tuple(name for name, kind in self.zone_kinds.items() if kind.activity in activities)

    def require_zone_kind(self, name: str) -> ZoneKindEntry:
        kind = self.zone_kinds.get(name)
        if kind is None:
            raise VocabularyError(
                f"unknown zone kind {name!r} (known: {', '.join(self.zone_kinds)})",
                field="kind",
                zh=f"未知分区类型 {name!r}（已知：{'、'.join(self.zone_kinds)}）",
            )
        return kind

    def printed_name(self, key: str, lang: str) -> str:
        """A counts or baseline key in words ('开采规划区块', 'planned mining blocks').

        A key not in the names table is printed by its pieces when every piece is a listed name or Chinese
        (mining_blocks_new → '开采规划区块（新设）', 'planned mining blocks (new)'); else as it is.
        """
        pieces = self._name_pieces(key)
        if pieces is None:
            return key
        words = [self._piece_words(piece, lang) for piece in pieces]
        if len(words) == 1:
            return words[0]
        rest = ("、" if lang == "zh" else ", ").join(words[1:])
        return f"{words[0]}（{rest}）" if lang == "zh" else f"{words[0]} ({rest})"

    def _piece_words(self, piece: str, lang: str) -> str:
        entry = self.names.get(piece)
        if entry is None:
            return piece  # a Chinese word, printed as it is
        return entry.zh if lang == "zh" else entry.en

    def names_key(self, key: str) -> bool:
        """Whether `printed_name` words the key (rather than printing it as it is)."""
        return self._name_pieces(key) is not None

    def _name_pieces(self, key: str) -> list[str] | None:
        """The key split at '_' into listed names (the longest first) and Chinese words; None if it cannot be."""
        tokens = key.split("_")
        pieces: list[str] = []
        start = 0
        while start < len(tokens):
            for end in range(len(tokens), start, -1):
                piece = "_".join(tokens[start:end])
                if piece in self.names or (end == start + 1 and _CHINESE.search(piece)):
                    pieces.append(piece)
                    start = end
                    break
            else:
                return None
        return pieces

    def require_metric(self, name: str) -> MetricEntry:
        metric = self.metrics.get(name)
        if metric is None:
            close = difflib.get_close_matches(name, list(self.metrics), n=3, cutoff=0.5)
            raise VocabularyError(
                f"unknown metric {name!r} (closest known: {', '.join(close) or 'none'})",
                field="metric",
                zh=f"未知指标 {name!r}（最接近的已知指标：{'、'.join(close) or '无'}）",
            )
        return metric


def _load_file(path: Path, vocabulary: Vocabulary) -> None:
    data = read_yaml(path)
    schema = data.get("schema") if isinstance(data, dict) else None
    model = FILE_MODELS.get(schema, VocabularyFile) if isinstance(schema, str) else VocabularyFile
    try:
        parsed = model.model_validate(data)
    except ValidationError as error:
        raise input_errors(error, path)[0] from None
    if isinstance(parsed, MetricsFile):
        for index, metric in enumerate(parsed.metrics):
            _refuse_redefinition(vocabulary, "metrics", metric.name, path, index)
            vocabulary.metrics[metric.name] = metric
            vocabulary.defined_at[f"metrics:{metric.name}"] = (str(path), index)
    elif isinstance(parsed, NamesFile):
        for index, entry in enumerate(parsed.names):
            _refuse_redefinition(vocabulary, "names", entry.name, path, index)
            vocabulary.names[entry.name] = entry
            vocabulary.defined_at[f"names:{entry.name}"] = (str(path), index)
    elif isinstance(parsed, ZoneKindsFile):
        for index, kind in enumerate(parsed.zone_kinds):
            _refuse_redefinition(vocabulary, "zone_kinds", kind.name, path, index)
            vocabulary.zone_kinds[kind.name] = kind
            vocabulary.defined_at[f"zone_kinds:{kind.name}"] = (str(path), index)
    else:
        for index, mineral in enumerate(parsed.minerals):
            _refuse_redefinition(vocabulary, "minerals", mineral.name, path, index)
            vocabulary.defined_at[f"minerals:{mineral.name}"] = (str(path), index)
            try:
                vocabulary.add_mineral(mineral, str(path))
            except PlanlintError as error:
                inside: tuple[str | int, ...] = ("density",) if isinstance(error, UnitError) else ("name",)
                raise vocabulary.placed(error, ("minerals", mineral.name), inside) from None


def _refuse_redefinition(vocabulary: Vocabulary, kind: str, name: str, path: Path, index: int) -> None:
    """A later vocabulary (`--rules`) may add minerals and metrics, never silently redefine one."""
    first = vocabulary.defined_at.get(f"{kind}:{name}")
    if first is None:
        return
    first_path, first_index = first
    first_line = line_of(first_path, (kind, first_index, "name"))
    singular = kind.removesuffix("s")
    raise VocabularyError(
        f"{singular} {name!r} is already defined in {first_path}:{first_line}; a vocabulary may add "
        f"{kind}, not redefine one",
        path=path,
        line=line_of(path, (kind, index, "name")),
        field=f"{kind}.{index}.name",
        zh=f"{name!r} 已在 {first_path}:{first_line} 定义；词表只能新增，不能重新定义",
    )


def load_vocabulary(directories: Iterable[Path]) -> Vocabulary:
    """Load every vocabulary file (`*/vocabulary/*.yaml`) in the given rule directories."""
    vocabulary = Vocabulary()
    for directory in directories:
        for path in sorted(Path(directory).glob("vocabulary/*.yaml")):
            _load_file(path, vocabulary)
    vocabulary.check_taxonomy()
    return vocabulary
