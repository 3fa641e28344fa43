"""Findings: frozen, sortable values that say what is wrong, where, and on which clause it rests."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from planlint.review import Review
    from planlint.rules import Rule

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
Role = Literal["norm", "ancestor", "plan", "right"]


@dataclass(frozen=True, order=True, slots=True)
class Citation:
    """One place a finding rests on: the norm, the ancestor's clause, or the plan's own place."""

    role: Role
    plan: str | None = None
    document: str | None = None
    section: str | None = None
    table: str | None = None
    line: int | None = None
    locator: str | None = None
    # a norm's (document, clause) in English when the norm is planlint's own label, not a legal title; printed
    # under --lang en, never part of the JSON (which keeps the norm as the rule pack states it)
    en: tuple[str, str | None] | None = field(default=None, compare=False)
    # a public source's web address (also in the locator, as the JSON shows it): SARIF's artifact uri
    url: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"role": self.role}
        if self.role != "norm":
            data["plan"] = self.plan
        data["document"] = self.document
        for key in ("section", "table", "locator"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.role != "norm":
            data["line"] = self.line
        return data


@dataclass(frozen=True, slots=True)
class Bound:
    """One side of a comparison: op, value and unit as printed."""

    op: str
    value: float | tuple[float, float] | None
    unit: str | None

    def as_dict(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"op": self.op, "value": value, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Subject:
    """What a finding is about: the fields that identify the problem, no line numbers and no printed reprs.

    Two findings with equal subjects are the same problem (later work fingerprints them); `detail` holds
    what a kind needs beyond the common fields (a zone kind, a baseline key, a list name). A statement
    printed twice (a 专栏 and the text) that says the same makes one finding citing both places
    (`evaluate.restatements_merged`); printed twice with different values it makes two findings about the
    same subject, and `occurrence` numbers them in document order.
    """

    rule: str
    plan: str
    against: str | None = None
    metric: str | None = None
    mineral: str | None = None
    scope: tuple[tuple[str, str], ...] = ()
    zone: str | None = None
    year: int | None = None
    detail: tuple[str, ...] = ()
    occurrence: int = 1

    def key(self) -> tuple[str, ...]:
        """The subject as strings, in field order (for sorting)."""
        scope = ",".join(f"{k}={v}" for k, v in self.scope)
        year = "" if self.year is None else str(self.year)
        fields = (self.rule, self.plan, self.against, self.metric, self.mineral, scope, self.zone, year)
        return (*(f or "" for f in fields), *self.detail, str(self.occurrence))

    def canonical(self) -> dict[str, Any]:
        """The subject as `_canonical` makes any dataclass (field → plain value), without looking up its
        fields: a nation's passes each hash one for its id."""
        return {
            "rule": self.rule,
            "plan": self.plan,
            "against": self.against,
            "metric": self.metric,
            "mineral": self.mineral,
            "scope": [_canonical(pair) for pair in self.scope],
            "zone": self.zone,
            "year": self.year,
            "detail": [_canonical(item) for item in self.detail],
            "occurrence": self.occurrence,
        }


@dataclass(frozen=True)
class Message:
    """A finding's message, rendered once in both languages."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return (self.zh if lang == "zh" else self.en) or self.en

    def __getitem__(self, lang: str) -> str:
        if lang not in ("zh", "en"):
            raise KeyError(lang)
        return self.zh if lang == "zh" else self.en

    def as_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


@dataclass(frozen=True)
class Finding:
    """A conformance problem. `against` is None when the plan is checked by itself."""

    rule: str
    kind: str
    severity: Severity
    plan: str
    against: str | None
    message: Message
    citations: tuple[Citation, ...]
    subject: Subject
    metric: str | None = None
    mineral: str | None = None
    expected: Bound | None = None
    actual: Bound | None = None
    requirement: Message | None = (
        None  # what value would satisfy the rule, when that is a bound (one per scope)
    )
    remedy: Message | None = (
        None  # the change that would satisfy the rule, worded by the kind (planlint.remedy)
    )
    right: str | None = None  # the mining right the finding concerns (check-rights); `plan` is then the plan
    # the judged plans a note said once concerns, when more than `plan` (a partly known ancestor's plans)
    also: tuple[str, ...] = ()

    @property
    def concerns(self) -> tuple[str, ...]:
        """The judged plans the finding is about: its plan, and any others a note said once names."""
        return (self.plan, *(p for p in self.also if p != self.plan))

    @cached_property
    def id(self) -> str:
        """A stable id ('PL101-3fa9c02b1e'): the same problem gets the same id in every run.

        It hashes what the problem is (rule, the plan it is about, ancestor, metric, mineral, subject), never
        where it is printed (lines, wording, file order, the judged plan a note said once is placed on), so a
        waiver or a baseline still finds it next round, and a `--plan` run gives the id a full run gives.
        """
        return stable_id(self.rule, self.subject.plan, self.against, self.metric, self.mineral, self.subject)

    def sort_key(self) -> tuple[Any, ...]:
        first_line = next((c.line or 0 for c in self.citations if c.role == "plan"), 0)
        return (
            self.plan,
            SEVERITY_RANK[self.severity],
            self.rule,
            self.against or "",
            self.mineral or "",
            self.subject.key()[3:],
            first_line,
            self.message.en,
        )

    def text(self, lang: str) -> str:
        return self.message.text(lang)

    def as_dict(self, lang: str) -> dict[str, Any]:
        """The JSON contract's shape (../shared/design/cli-contract.md)."""
        return (
            {
                "id": self.id,
                "rule": self.rule,
                "kind": self.kind,
                "severity": self.severity,
                "plan": self.plan,
                "against": self.against,
                "metric": self.metric,
                "mineral": self.mineral,
                "expected": self.expected.as_dict() if self.expected else None,
                "actual": self.actual.as_dict() if self.actual else None,
                "message": self.text(lang),
                "citations": [c.as_dict() for c in self.citations],
            }
            | ({"right": self.right} if self.right is not None else {})
            | self._concerns_dict()
        )

    def _concerns_dict(self) -> dict[str, Any]:
        """`concerns` in JSON, only for a note about more plans than its own (a later --baseline reads it)."""
        return {"concerns": list(self.concerns)} if len(self.concerns) > 1 else {}


ID_DIGITS = 10


def stable_id(rule: str, *key: Any, infix: str = "") -> str:
    """The rule, then a hash of what the problem (or the held comparison) is: `PL101-3fa9c02b1e`."""
    text = _subject_key_text(rule, key)
    if text is None:
        text = json.dumps(
            [rule, *map(_canonical, key)], ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
    return f"{rule}-{infix}{hashlib.sha256(text.encode('utf-8')).hexdigest()[:ID_DIGITS]}"


_quoted = json.encoder.encode_basestring  # type: ignore[attr-defined]  # what json.dumps uses for a str


def _subject_key_text(rule: str, key: tuple[Any, ...]) -> str | None:
    """The JSON text `stable_id` hashes, written directly for its usual key (names, then a `Subject`):
    byte for byte what `json.dumps` gives (compact, keys sorted), at a fraction of its cost, for a nation's
    passes each need an id. None for any other key (`json.dumps` then)."""
    *names, s = key
    if type(s) is not Subject or type(s.occurrence) is not int or not (s.year is None or type(s.year) is int):
        return None
    try:  # a value neither None nor a str (nor a str's subclass, which json.dumps writes as a str) raises
        scope = ",".join("[" + ",".join(map(_quoted, _pair(pair))) + "]" for pair in s.scope)
        fields = (
            f'"against":{_json(s.against)},"detail":[{",".join(map(_quoted, s.detail))}],'
            f'"metric":{_json(s.metric)},"mineral":{_json(s.mineral)},"occurrence":{s.occurrence},'
            f'"plan":{_json(s.plan)},"rule":{_json(s.rule)},"scope":[{scope}],'
            f'"year":{"null" if s.year is None else s.year},"zone":{_json(s.zone)}'
        )
        return "[" + ",".join(_json(n) for n in (rule, *names)) + ",{" + fields + "}]"
    except TypeError:
        return None


def _pair(pair: Any) -> tuple[str, ...]:
    if type(pair) is not tuple:
        raise TypeError("a scope pair is a tuple")
    return pair


def _json(value: str | None) -> str:
    return "null" if value is None else _quoted(value)


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _canonical(value: Any) -> Any:
    """A subject as plain JSON data, the same for equal subjects whatever their Python type."""
    if type(value) in _PLAIN:  # most of a subject: the common case first (ids of a nation's passes)
        return value
    if type(value) is Subject:
        return value.canonical()
    if isinstance(value, (tuple, list)):
        return [_canonical(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES.get(type(value))
        if names is None:
            names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
        return {name: _canonical(getattr(value, name)) for name in names}
    if isinstance(value, (frozenset, set)):
        return sorted((_canonical(v) for v in value), key=str)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass(frozen=True)
class PlanSummary:
    id: str
    name: str
    level: str
    parents: tuple[str, ...]
    jurisdiction: str
    partial: bool
    judged: bool
    document: str | None


@dataclass(frozen=True)
class RightSummary:
    """A mining right looked at by check-rights, and the plans it was judged against (nearest first)."""

    id: str
    name: str
    jurisdiction: str
    plans: tuple[str, ...]
    # the record as printed, field → value ('capacity' → '60 万吨/年'), in the rights format's field order
    record: tuple[tuple[str, str], ...] = ()
    # where the record is (file, row or line, the notice): not what the right is, so not compared
    cited: Citation | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Pass:
    """A comparison a rule made that held: a row of the plan against an ancestor's row (or against the plan's
    own rows, `against` None), with the values compared. A rule that compared nothing on a plan has none.

    A check-rights pass is a right (`right`) held against a plan's row: `plan` and `against` are then both
    that plan. A nation has hundreds of thousands of passes: each is a few slots pointing at shared values
    (the citations are the run's own, one object per cited place), and its id and words are made only when
    a report prints them.
    """

    rule: str
    kind: str
    plan: str
    against: str | None
    citations: tuple[Citation, ...]
    subject: Subject
    metric: str | None = None
    mineral: str | None = None
    expected: Bound | None = None
    actual: Bound | None = None
    right: str | None = None  # the mining right checked (check-rights)
    expected_scope: Any = None  # the scope of the row compared with (a `model.Scope`; None: plan-wide)

    @property
    def id(self) -> str:
        """A stable id ('PL101-pass-3fa9c02b1e'), built as a finding's, never equal to one."""
        return stable_id(
            self.rule, self.plan, self.against, self.metric, self.mineral, self.subject, infix="pass-"
        )

    def sort_key(self) -> tuple[Any, ...]:
        return (self.plan, self.rule, self.against or "", self.subject.key()[3:])

    def as_dict(self, message: str | None = None, citations: bool = True) -> dict[str, Any]:
        """The JSON contract's pass: rule, plan, against, the values and the citations (and its words);
        `citations=False` leaves them to the caller (a writer that encodes each cited place once)."""
        data: dict[str, Any] = {
            "id": self.id,
            "rule": self.rule,
            "kind": self.kind,
            "plan": self.plan,
            "against": self.against,
            "metric": self.metric,
            "mineral": self.mineral,
            "expected": self.expected.as_dict() if self.expected else None,
            "actual": self.actual.as_dict() if self.actual else None,
        }
        if self.right is not None:
            data["right"] = self.right
        if message is not None:
            data["message"] = message
        if citations:
            data["citations"] = [c.as_dict() for c in self.citations]
        return data


@dataclass
class PassCounts:
    """How many comparisons held, per plan and per right (check-rights): what text, Markdown, HTML and the
    Word memo print, counted without keeping the passes."""

    by_plan: dict[str, int] = field(default_factory=dict)
    by_right: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_plan.values())

    def add(self, plan: str, right: str | None) -> None:
        self.by_plan[plan] = self.by_plan.get(plan, 0) + 1
        if right is not None:
            self.by_right[right] = self.by_right.get(right, 0) + 1


@dataclass(frozen=True)
class Report:
    """The result of a check: the plans looked at, and the findings, sorted."""

    plans: tuple[PlanSummary, ...]
    findings: tuple[Finding, ...]
    rules: tuple[Rule, ...] = ()
    review: Review | None = None
    rights: tuple[RightSummary, ...] = ()
    # the passes themselves (JSON, SARIF, explain); None: not asked for, or only counted
    passes: tuple[Pass, ...] | None = None
    partial: bool = False  # only the plans asked for were judged (--plan, a plan document)
    # how many passes each plan and right has; None: passes were not asked for (--show-passes)
    pass_counts: PassCounts | None = None

    def passes_of(self, plan: str) -> int:
        """How many held comparisons a plan has (0 when passes were not asked for)."""
        return self.pass_counts.by_plan.get(plan, 0) if self.pass_counts is not None else 0

    @cached_property
    def by_plan(self) -> dict[str, tuple[Finding, ...]]:
        """The findings of each plan, in report order (built once: reporters ask per plan)."""
        return _grouped(self.findings, lambda finding: finding.plan)

    @cached_property
    def by_kind(self) -> dict[str, tuple[Finding, ...]]:
        """The findings of each rule kind, in report order."""
        return _grouped(self.findings, lambda finding: finding.kind)

    @cached_property
    def by_right(self) -> dict[str, tuple[Finding, ...]]:
        """The findings of each mining right (check-rights), in report order."""
        return _grouped(self.findings, lambda finding: finding.right)

    def right_summary(self, right: str) -> dict[str, int]:
        """One right's findings by severity."""
        counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        for finding in self.by_right.get(right, ()):
            counts[finding.severity] += 1
        return counts

    @cached_property
    def by_against(self) -> dict[str | None, tuple[Finding, ...]]:
        """The findings judged against each ancestor (None: a plan by itself), in report order."""
        grouped: dict[str | None, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.against, []).append(finding)
        return {against: tuple(found) for against, found in grouped.items()}

    @cached_property
    def plan_names(self) -> dict[str, str]:
        """Each reported plan's name."""
        return {p.id: p.name for p in self.plans}

    @cached_property
    def parents(self) -> dict[str, tuple[str, ...]]:
        """Each reported plan's parents."""
        return {p.id: p.parents for p in self.plans}

    def counted(self, finding: Finding) -> bool:
        """Whether a finding counts for `--fail-on` and the verdict (a waived one does not)."""
        return self.review is None or not self.review.waives(finding)

    def summary(self, plan: str | None = None) -> dict[str, int]:
        """Findings by severity, for the whole report or for one plan."""
        counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings if plan is None else self.by_plan.get(plan, ()):
            counts[finding.severity] += 1
        return counts

    def worst(self, plan_id: str) -> Severity | None:
        ranks = [SEVERITY_RANK[f.severity] for f in self.by_plan.get(plan_id, ())]
        return SEVERITIES[min(ranks)] if ranks else None

    def at_or_above(self, threshold: str) -> int:
        """How many findings are at or above a severity (`never` counts none)."""
        if threshold == "never":
            return 0
        limit = SEVERITY_RANK[threshold]
        return sum(1 for f in self.findings if SEVERITY_RANK[f.severity] <= limit and self.counted(f))


def _grouped(
    findings: Iterable[Finding], key: Callable[[Finding], str | None]
) -> dict[str, tuple[Finding, ...]]:
    """Findings grouped by a key, each group in report order; findings whose key is None are left out."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        value = key(finding)
        if value is not None:
            grouped.setdefault(value, []).append(finding)
    return {value: tuple(found) for value, found in grouped.items()}
