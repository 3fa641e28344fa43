"""Rule packs: YAML files of rules (data) over a few rule kinds (code), validated when they load.

A rule names its kind and gives the kind's `params`; a typo in a param, an unknown kind, a metric the
vocabulary does not know, a message placeholder the kind's hits do not provide (or one with a format spec,
an attribute or an index) and a duplicate id all fail at load with `file:line: field: message`, never
halfway through a check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planlint.errors import PlanlintError
from planlint.findings import Severity
from planlint.kinds import REGISTRY, emitted
from planlint.loader import InputErrors
from planlint.templates import template_problems
from planlint.validation import described, input_errors
from planlint.vocabulary import Vocabulary, load_vocabulary
from planlint.yamlio import line_of, read_yaml

RULES_SCHEMA = "planlint/rules/v1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(_Strict):
    """The same text in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class NormWords(_Strict):
    """A norm's document and clause in another language."""

    document: str
    clause: str | None = None


class Norm(_Strict):
    """The norm a rule rests on: a document and the clause in it. Legal titles stay as enacted (Chinese) in
    every language; a norm that is planlint's own label (本规划文本（内部一致性）) gives `en` for English."""

    document: str
    clause: str | None = None
    note: str | None = None
    en: NormWords | None = None

    def words(self, lang: str) -> tuple[str, str | None]:
        """(document, clause) as printed in `lang`."""
        if lang == "en" and self.en is not None:
            return self.en.document, self.en.clause
        return self.document, self.clause

    def text(self, lang: str) -> str:
        """'document · clause' as printed in `lang`."""
        return " · ".join(x for x in self.words(lang) if x)


class AttributeSeverity(_Strict):
    """Severity by the attribute of the ancestor's indicator (the default policy)."""

    binding: Severity = "error"
    expected: Severity = "warning"
    unspecified: Severity = "info"


class RuleSpec(_Strict):
    id: str = Field(pattern=r"^PL[1-5]\d\d$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    kind: str
    title: Texts
    message: Texts
    description: Texts
    severity: Severity | AttributeSeverity = AttributeSeverity()
    norm: Norm
    example: Texts | None = None
    params: dict[str, object] = {}


class RulePackFile(_Strict):
    schema_: Literal["planlint/rules/v1"] = Field(alias="schema")
    rules: tuple[RuleSpec, ...]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


@dataclass(frozen=True)
class Rule:
    """A loaded rule: its spec, its kind's typed params, and the file it came from."""

    spec: RuleSpec
    params: BaseModel
    path: Path

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def kind(self) -> str:
        return self.spec.kind

    def severity_for(self, attribute: str | None) -> Severity:
        """The finding's severity: fixed by the rule, or from the ancestor indicator's attribute."""
        policy = self.spec.severity
        if isinstance(policy, str):
            return policy
        return getattr(policy, attribute or "unspecified")


def _pack_error(path: Path, loc: tuple[str | int, ...], message: str, zh: str) -> PlanlintError:
    field = ".".join(str(p) for p in loc)
    return PlanlintError(message, path=path, line=line_of(path, loc), field=field, zh=zh)


def load_pack(
    path: Path, registry: Mapping[str, ModuleType] | None = None, vocabulary: Vocabulary | None = None
) -> list[Rule]:
    """Load one rule pack file, validated completely: kind, params (against the kind's Params model and the
    vocabulary, when given) and message templates (against what the kind's hits provide)."""
    registry = REGISTRY if registry is None else registry
    data = read_yaml(path)
    try:
        pack = RulePackFile.model_validate(data)
    except ValidationError as error:
        raise InputErrors(input_errors(error, path)) from None
    rules: list[Rule] = []
    problems = []
    for index, spec in enumerate(pack.rules):
        kind = registry.get(spec.kind)
        if kind is None:
            known = sorted(registry)
            problems.append(
                _pack_error(
                    path,
                    ("rules", index, "kind"),
                    f"unknown kind {spec.kind!r} (known: {', '.join(known)})",
                    f"未知规则类型 {spec.kind!r}（已知：{'、'.join(known)}）",
                )
            )
            continue
        try:
            params = kind.Params.model_validate(spec.params, context={"vocabulary": vocabulary})
        except ValidationError as error:
            problems.extend(_params_errors(error, path, index, spec))
            continue
        template_errors = list(_template_errors(path, index, spec, _placeholders(kind, params)))
        if template_errors:
            problems.extend(template_errors)
            continue
        rules.append(Rule(spec, params, path))
    if problems:
        raise InputErrors(problems)
    return rules


def _params_errors(error: ValidationError, path: Path, index: int, spec: RuleSpec) -> Iterator[PlanlintError]:
    for loc, _, english, chinese in described(error):
        yield _pack_error(
            path,
            ("rules", index, "params", *loc),
            f"rule {spec.id}: {english} for kind {spec.kind!r}",
            f"规则 {spec.id}（类型 {spec.kind}）：{chinese}",
        )


def _placeholders(kind: ModuleType, params: BaseModel) -> frozenset[str] | None:
    """The names every hit a rule of `kind` with `params` can yield provides; None when the kind declares none."""
    if not hasattr(kind, "HITS"):
        return None  # NOTE: a kind without hit types (rights kinds) gets the syntax checks only
    hit_types = emitted(kind, params)
    return frozenset.intersection(*(h.placeholders() for h in hit_types))


def _template_errors(
    path: Path, index: int, spec: RuleSpec, provided: frozenset[str] | None
) -> Iterator[PlanlintError]:
    for lang in ("zh", "en"):
        for english, chinese in template_problems(spec.message.get(lang), provided):
            yield _pack_error(
                path,
                ("rules", index, "message", lang),
                f"rule {spec.id}: {english}",
                f"规则 {spec.id}：{chinese}",
            )


def load_rules(
    directories: Iterable[Path],
    pattern: str = "packs/*.yaml",
    registry: Mapping[str, ModuleType] | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[Rule]:
    """Every rule pack (`DIR/packs/*.yaml`, or `pattern`) in the rule directories; rule ids are unique.

    Params naming metrics are checked against `vocabulary` (default: the directories' own vocabularies).
    Rights rules (`DIR/rights/*.yaml`) load with `planlint.rights.kinds.REGISTRY`.
    """
    directories = tuple(directories)
    vocabulary = load_vocabulary(directories) if vocabulary is None else vocabulary
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    problems: list[PlanlintError] = []
    for directory in directories:
        for path in sorted(Path(directory).glob(pattern)):
            for rule in load_pack(path, registry, vocabulary):
                if rule.id in seen:
                    loc = ("rules",)
                    problems.append(
                        _pack_error(
                            path,
                            loc,
                            f"rule id {rule.id} is also defined in {seen[rule.id]}",
                            f"规则编号 {rule.id} 重复（亦定义于 {seen[rule.id]}）",
                        )
                    )
                    continue
                seen[rule.id] = path
                rules.append(rule)
    if problems:
        raise InputErrors(problems)
    return sorted(rules, key=lambda r: r.id)
