"""Review rounds: waivers (accepted deviations), a baseline (the last round's report) and a verdict per plan.

A reviewer checks a plan several times before approval. Each finding has a stable id (`Finding.id`);
`--waivers FILE` accepts some of them after 论证 (kept in the report, marked, not counted for `--fail-on`
or the verdict, until the waiver expires or the plan's value is no longer the one it was granted for);
`--baseline REPORT.json` marks each finding new, unchanged or changed (other values) and lists the ids that
are gone. `review(report, ...)` returns the report with a `Review` attached; reporters
read it through `Report.review` and `verdict()`.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from planlint.errors import InvalidValue, PlanlintError
from planlint.errortext import os_error_en, os_error_zh
from planlint.findings import Finding, Report
from planlint.loader import InputErrors
from planlint.validation import input_errors
from planlint.yamlio import line_of, not_utf8, read_yaml

WAIVERS_SCHEMA = "planlint/waivers/v1"
# What a finding id looks like (`Finding.id`), and a held comparison's (`Pass.id`), which nothing waives.
FINDING_ID = re.compile(r"PL\d{3}-[0-9a-f]{10}")
PASS_ID = re.compile(r"PL\d{3}-pass-[0-9a-f]{10}")

Verdict = Literal["pass", "revise", "review"]
VERDICT_WORDS: dict[str, dict[str, str]] = {
    "pass": {"zh": "通过", "en": "passes"},
    "revise": {"zh": "需修改", "en": "needs changes"},
    "review": {"zh": "需人工审查", "en": "needs a reviewer's judgement"},
}
# A mining right is not revised as a draft plan is: it conforms to the plans (符合规划) or it does not, and
# 004 第六章三 says what follows: 对不符合规划的，不得审批颁发采矿许可证. A renewal or a change is not
# reviewed against the plans at all (PL550, 2024 notice). The codes are the plans' where the meaning is.
RightVerdict = Literal["pass", "revise", "review", "exempt"]
RIGHT_VERDICT_WORDS: dict[str, dict[str, str]] = {
    "pass": {"zh": "符合规划", "en": "conforms to the plans"},
    "revise": {"zh": "不符合规划", "en": "does not conform to the plans"},
    "review": {"zh": "需人工审查", "en": "needs a reviewer's judgement"},
    "exempt": {"zh": "无需规划审查", "en": "no plan review needed"},
}
# Kinds whose findings say that a right needs no review against the plans (renewals, changes).
EXEMPT_KINDS = frozenset({"right_review"})
# Kinds whose findings say that something could not be decided (not that something is wrong): a plan
# with one is not passed without a person looking at what the tool could not see. PL190's own words:
# 每一对都单独提示，由审查人员核对，不作为通过处理 (an ancestor's row the units kept from being compared).
UNDECIDED_KINDS = frozenset({"partial_ancestor", "incomparable_units"})


def _not_blank(text: str) -> str:
    """A waiver's words must say something: spaces alone are as missing as nothing."""
    if not text.strip():
        raise InvalidValue("must not be blank (spaces only)", zh="不能只有空白字符")
    return text


Said = Annotated[str, Field(min_length=1), AfterValidator(_not_blank)]


def _compared_value(value: object) -> object:
    """A waiver's `value:` or `limit:`: a finite number, or a range [low, high] of two with low <= high."""
    numbers = value if isinstance(value, list) and len(value) == 2 else [value]
    plain = all(isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) for n in numbers)
    if not plain or (len(numbers) == 2 and numbers[0] > numbers[1]):  # type: ignore[operator]
        raise InvalidValue(
            "a finite number, or a range [low, high] of two numbers with low <= high",
            zh="应为有限的数值，或两个数值的范围 [下限, 上限]（下限不大于上限）",
        )
    return tuple(numbers) if len(numbers) == 2 else numbers[0]


GrantedValue = Annotated[float | tuple[float, float], BeforeValidator(_compared_value)]


class _WaiverEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    finding: Said
    reason: Said
    approver: Said
    document: Said | None = None
    expires: datetime.date | None = None
    plan: Said | None = None
    value: GrantedValue | None = None
    limit: GrantedValue | None = None

    @field_validator("plan", mode="before")
    @classmethod
    def _code(cls, value: object) -> object:
        """A draft's default id as YAML reads it unquoted (`plan: 500111`, 大足区's code), as text: the
        answers file reads `id: 500111` so too."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class _WaiverFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_: Literal["planlint/waivers/v1"] = Field(alias="schema")
    waivers: list[_WaiverEntry]


@dataclass(frozen=True)
class Waiver:
    """One accepted deviation: the finding it waives, why, who approved it, where, and until when."""

    finding: str
    reason: str
    approver: str
    document: str | None = None
    expires: datetime.date | None = None
    path: str | None = None
    line: int | None = None
    plan: str | None = None  # the plan of the finding waived, when the file says (it tells a --plan run)
    plan_line: int | None = dataclasses.field(default=None, compare=False)  # where `plan:` is
    # the plan's value the waiver was granted for (the finding's `actual`): another value is not waived
    value: float | tuple[float, float] | None = None
    value_line: int | None = dataclasses.field(default=None, compare=False)  # where `value:` is
    # the bound's value it was granted against (the finding's `expected`): a stricter bound is not waived
    limit: float | tuple[float, float] | None = None
    limit_line: int | None = dataclasses.field(default=None, compare=False)  # where `limit:` is

    def active(self, today: datetime.date) -> bool:
        return self.expires is None or today <= self.expires

    @property
    def complete(self) -> bool:
        """Whether it names its approval (批准文号) and an expiry: valid without them, but worth a warning."""
        return self.document is not None and self.expires is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "reason": self.reason,
            "approver": self.approver,
            "document": self.document,
            "expires": self.expires.isoformat() if self.expires else None,
        } | _given({"plan": self.plan, "value": _as_list(self.value), "limit": _as_list(self.limit)})

    def granted_for(self, finding: Finding) -> bool:
        """Whether the finding compares the values the waiver was granted for (any, where it records none)."""
        return self.changed_side(finding) is None

    def changed_side(self, finding: Finding) -> Literal["value", "limit"] | None:
        """'value' when the plan's (right's) own value is not the one recorded, 'limit' when the bound it
        breaks is not; None when both are as recorded (or not recorded)."""
        for side, recorded, bound in (
            ("value", self.value, finding.actual),
            ("limit", self.limit, finding.expected),
        ):
            now = bound.value if bound is not None else None
            if recorded is not None and (now is None or not _same_value(recorded, now)):
                return side  # type: ignore[return-value]
        return None


def _as_list(value: float | tuple[float, float] | None) -> float | list[float] | None:
    return list(value) if isinstance(value, tuple) else value


def _given(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def _same_value(a: float | tuple[float, float], b: float | tuple[float, float]) -> bool:
    first = a if isinstance(a, tuple) else (a,)
    second = b if isinstance(b, tuple) else (b,)
    return len(first) == len(second) and all(
        math.isclose(x, y, rel_tol=1e-9) for x, y in zip(first, second, strict=True)
    )


# A finding's compared values as its JSON report gives them: (expected, actual), each a bound or None.
Compared = tuple[Any, Any]


def compared(finding: Finding) -> Compared:
    return (
        finding.expected.as_dict() if finding.expected is not None else None,
        finding.actual.as_dict() if finding.actual is not None else None,
    )


@dataclass(frozen=True)
class Review:
    """What a review round adds to a report: waivers applied, the baseline compared."""

    waived: Mapping[str, Waiver] = dataclasses.field(default_factory=dict)
    expired: Mapping[str, Waiver] = dataclasses.field(default_factory=dict)
    stale: tuple[Waiver, ...] = ()
    baseline: frozenset[str] | None = None
    # waivers granted for another value than the finding's now (they do not waive it)
    changed: Mapping[str, Waiver] = dataclasses.field(default_factory=dict)
    # the baseline's compared values of each of its findings (when its report gives them), and its words
    before: Mapping[str, Compared] = dataclasses.field(default_factory=dict)
    earlier: Mapping[str, Earlier] = dataclasses.field(default_factory=dict)
    resolved: tuple[str, ...] = ()
    # what this run cannot judge: baseline ids and waivers absent here whose plans were not judged (--plan)
    unjudged: tuple[str, ...] = ()
    unjudged_waivers: tuple[Waiver, ...] = ()
    # waivers of findings in this run without a 批准文号 (document) or an expiry (valid, but warned about)
    incomplete: tuple[Waiver, ...] = ()
    # the plans judged now when the baseline judged none of them (every finding reads as new), and its file
    unmatched: tuple[str, ...] = ()
    baseline_path: str | None = None
    # the plans the baseline judged (gave a verdict); None when it does not say
    judged_before: frozenset[str] | None = None

    def waives(self, finding: Finding) -> bool:
        return finding.id in self.waived

    def status(self, finding: Finding) -> str | None:
        """'new', 'unchanged' or 'changed' (raised before, with other values) against the baseline, or
        'not_judged' (absent from it, but none of its plans was judged in the baseline's round); None without
        a baseline."""
        if self.baseline is None:
            return None
        if finding.id not in self.baseline:
            return "new" if self.judged_in_baseline(finding) else "not_judged"
        return "changed" if self.value_change(finding) is not None else "unchanged"

    def judged_in_baseline(self, finding: Finding) -> bool:
        """Whether a plan the finding concerns had a verdict in the baseline's round (yes, if it does not say)."""
        if self.judged_before is None:
            return True
        return any(p in self.judged_before for p in (finding.plan, *finding.concerns))

    def value_change(self, finding: Finding) -> tuple[Any, Any] | None:
        """(the baseline's bound, the bound now) of the side that changed, the plan's first; None if the same."""
        before = self.before.get(finding.id)
        if before is None:
            return None
        now = compared(finding)
        for side in (1, 0):
            if before[side] != now[side]:
                return before[side], now[side]
        return None


def load_waivers(path: Path) -> tuple[Waiver, ...]:
    """Read a waivers file (schema planlint/waivers/v1); anything incomplete is bad input (all at once)."""
    data = read_yaml(path)
    if not isinstance(data, dict) or data.get("schema") != WAIVERS_SCHEMA:
        raise PlanlintError(
            f"not a waivers file (expected schema: {WAIVERS_SCHEMA})",
            path=path,
            line=line_of(path, ["schema"]) if isinstance(data, dict) else None,
            field="schema",
            zh=f"不是豁免清单文件（应有 schema: {WAIVERS_SCHEMA}）",
        )
    try:
        parsed = _WaiverFile.model_validate(data)
    except ValidationError as error:
        raise InputErrors(input_errors(error, path)) from None
    waivers = tuple(
        Waiver(
            w.finding,
            w.reason,
            w.approver,
            w.document,
            w.expires,
            str(path),
            line_of(path, ["waivers", i]),
            w.plan,
            line_of(path, ["waivers", i, "plan"]) if w.plan is not None else None,
            w.value,
            line_of(path, ["waivers", i, "value"]) if w.value is not None else None,
            w.limit,
            line_of(path, ["waivers", i, "limit"]) if w.limit is not None else None,
        )
        for i, w in enumerate(parsed.waivers)
    )
    _refuse_malformed(waivers, path)
    _refuse_repeats(waivers)
    return waivers


def _refuse_malformed(waivers: Iterable[Waiver], path: Path) -> None:
    """A `finding:` that cannot be a finding id is a typo (or a pass id), not a stale waiver: bad input."""
    errors = []
    for i, waiver in enumerate(waivers):
        if FINDING_ID.fullmatch(waiver.finding):
            continue
        line = line_of(path, ["waivers", i, "finding"]) or waiver.line
        if PASS_ID.fullmatch(waiver.finding):
            message = f"{waiver.finding} is a pass (a comparison that held), not a finding: nothing to waive"
            zh = f"{waiver.finding} 是符合项（pass），不是问题：不能豁免"
        else:
            message = (
                f"'{waiver.finding}' is not a finding id (PLnnn- and 10 hex digits, e.g. PL101-3fa9c02b1e)"
            )
            zh = f"'{waiver.finding}' 不是问题编号（应为 PLnnn- 加 10 位十六进制数字，如 PL101-3fa9c02b1e）"
        errors.append(PlanlintError(message, path=path, line=line, field="finding", zh=zh))
    if errors:
        raise InputErrors(errors)


def _refuse_repeats(waivers: Iterable[Waiver]) -> None:
    seen: dict[str, Waiver] = {}
    for waiver in waivers:
        first = seen.setdefault(waiver.finding, waiver)
        if first is not waiver:
            raise PlanlintError(
                f"finding {waiver.finding} is waived twice (first at line {first.line})",
                path=waiver.path,
                line=waiver.line,
                field="finding",
                zh=f"问题 {waiver.finding} 重复豁免（首次在第 {first.line} 行）",
            )


@dataclass(frozen=True)
class Earlier:
    """A baseline finding as its report says it: its plan, rule and message (in the baseline's language)."""

    plan: str | None
    rule: str | None
    message: str | None


@dataclass(frozen=True)
class Baseline:
    """An earlier round's finding ids, and the plans each concerns (as its report says)."""

    ids: frozenset[str]
    concerns: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    # the plans the report lists (None: it lists none) and those it judged (gave a verdict), and its file
    plans: frozenset[str] | None = None
    judged: frozenset[str] = frozenset()
    path: str | None = None
    values: Mapping[str, Compared] = dataclasses.field(default_factory=dict)  # each finding's compared values
    earlier: Mapping[str, Earlier] = dataclasses.field(default_factory=dict)  # each finding as it was said
    rights: frozenset[str] | None = None  # the rights a check-rights report lists (None: it lists none)


# The commands whose JSON reports are baselines: a check-rights report lists the rights it reviewed.
Command = Literal["check", "check-rights"]


def load_baseline(path: Path) -> frozenset[str]:
    """The finding ids of an earlier JSON report (`--format json`)."""
    return read_baseline(path).ids


def read_baseline(path: Path, command: Command | None = None) -> Baseline:
    """An earlier JSON report (`--format json`): its finding ids and the plans each concerns.

    With `command`, the report must be that command's: a check report's ids are not a rights review's, and
    against one another every id would read as resolved and every finding as new.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise not_utf8(path) from None
    except OSError as error:
        raise PlanlintError(
            f"cannot read the baseline: {os_error_en(error)}",
            path=path,
            zh=f"无法读取基线报告：{os_error_zh(error)}",
        ) from None
    except json.JSONDecodeError as error:
        raise PlanlintError(
            f"not a JSON report: {error.msg}",
            path=path,
            line=error.lineno,
            zh=f"不是 JSON 报告：第 {error.colno} 列无法按 JSON 解析",
        ) from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or not all(isinstance(f, dict) and f.get("id") for f in findings):
        raise PlanlintError(
            "not a planlint JSON report with finding ids (made with --format json by this version?)",
            path=path,
            field="findings",
            zh="不是带问题编号的 JSON 报告（应由本版本 planlint 以 --format json 生成）",
        )
    _refuse_misshapen(path, data, findings)
    made = _command_of(data, findings)
    if command is not None and made != command:
        raise PlanlintError(
            f"a {made} JSON report, not a {command} one: --baseline takes a JSON report of {command} "
            "from an earlier round",
            path=path,
            zh=f"这是 {made} 的 JSON 报告，不是 {command} 的："
            f"--baseline 应为同一命令（{command}）上一轮生成的 JSON 报告",
        )
    listed = _listed(data, "plans")
    rights = _listed(data, "rights")
    return Baseline(
        frozenset(str(f["id"]) for f in findings),
        {str(f["id"]): _concerned(f) for f in findings if _concerned(f)},
        frozenset(p["id"] for p in listed) if listed else None,
        frozenset(p["id"] for p in listed if "verdict" in p),
        str(path),
        {str(f["id"]): (f["expected"], f["actual"]) for f in findings if "expected" in f and "actual" in f},
        {
            str(f["id"]): Earlier(*(_text(f.get(key)) for key in ("plan", "rule", "message")))
            for f in findings
        },
        frozenset(r["id"] for r in rights) if rights else None,
    )


def _refuse_misshapen(path: Path, data: dict[str, Any], findings: list[dict[str, Any]]) -> None:
    """A baseline whose ids, compared values or plan list are not as planlint writes them is bad input
    (a hand-edited or foreign file), not something to mark findings by."""
    for index, finding in enumerate(findings):
        bad = next((key for key in ("expected", "actual") if not _bound_shaped(finding.get(key))), None)
        if not isinstance(finding["id"], str):
            bad = "id"
        if bad is not None:
            raise PlanlintError(
                "not as planlint writes it in a JSON report",
                path=path,
                field=f"findings[{index}].{bad}",
                zh="与 planlint 的 JSON 报告所写的不符",
            )
    for key in ("plans", "rights"):
        if key in data and not (isinstance(data[key], list) and all(isinstance(e, dict) for e in data[key])):
            raise PlanlintError(
                "not a list of entries as planlint writes it",
                path=path,
                field=key,
                zh="不是 planlint 所写的条目列表",
            )


def _bound_shaped(bound: Any) -> bool:
    """None, or a bound as `Bound.as_dict` writes it: op, a number or [low, high], a unit."""
    if bound is None:
        return True
    if not isinstance(bound, dict):
        return False
    value = bound.get("value")
    numbers = value if isinstance(value, list) else [value]
    return (
        all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers)
        and isinstance(bound.get("op"), str)
        and isinstance(bound.get("unit", ""), (str, type(None)))
    )


def _listed(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The entries with an id a JSON report lists under `key` (plans, rights)."""
    return [e for e in data.get(key, ()) if isinstance(e, dict) and isinstance(e.get("id"), str)]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _command_of(data: dict[str, Any], findings: list[dict[str, Any]]) -> Command:
    """The command that made a JSON report: check-rights lists its rights, and names one on each finding."""
    return "check-rights" if "rights" in data or any("right" in f for f in findings) else "check"


def _concerned(finding: dict[str, Any]) -> tuple[str, ...]:
    """The plans a finding of a JSON report concerns: its `concerns`, else its `plan` (none if neither)."""
    named = finding.get("concerns")
    if isinstance(named, list) and all(isinstance(p, str) for p in named):
        return tuple(named)
    plan = finding.get("plan")
    return (plan,) if isinstance(plan, str) else ()


def review(
    report: Report,
    waivers: Iterable[Waiver] = (),
    baseline: frozenset[str] | Baseline | None = None,
    today: datetime.date | None = None,
) -> Report:
    """The report with waivers applied and the baseline compared.

    Only what this run judged can be resolved or stale: a baseline id or a waiver that matches no finding
    counts as resolved or stale when the plans it concerns were judged (as the baseline or the waiver's
    `plan` says; when neither says, when every plan was judged), and is listed as not judged otherwise.
    """
    today = today or datetime.date.today()
    waivers = tuple(waivers)
    _refuse_mismatched(report, waivers)
    known = baseline if isinstance(baseline, Baseline) else Baseline(baseline or frozenset())
    _refuse_foreign_baseline(report, known)
    judged = _Judged(report, known.concerns)
    found = {f.id: f for f in report.findings}
    waived: dict[str, Waiver] = {}
    expired: dict[str, Waiver] = {}
    changed: dict[str, Waiver] = {}
    stale: list[Waiver] = []
    unjudged_waivers: list[Waiver] = []
    for waiver in waivers:
        finding = found.get(waiver.finding)
        if finding is None:
            judged_here = judged(waiver.finding, (waiver.plan,) if waiver.plan else ())
            (stale if judged_here else unjudged_waivers).append(waiver)
        elif not waiver.active(today):
            expired[waiver.finding] = waiver
        elif not waiver.granted_for(finding):
            changed[waiver.finding] = waiver
        else:
            waived[waiver.finding] = waiver
    gone = sorted(known.ids - set(found)) if baseline is not None else []
    return dataclasses.replace(
        report,
        review=Review(
            waived=waived,
            expired=expired,
            stale=tuple(stale),
            baseline=known.ids if baseline is not None else None,
            changed=changed,
            before=known.values,
            earlier=known.earlier,
            resolved=tuple(i for i in gone if judged(i)),
            unjudged=tuple(i for i in gone if not judged(i)),
            unjudged_waivers=tuple(unjudged_waivers),
            incomplete=tuple(w for w in waivers if w.finding in found and not w.complete),
            unmatched=_unmatched(report, known) if baseline is not None else (),
            baseline_path=known.path,
            judged_before=known.judged or None,
        ),
    )


PLANS_NAMED = 6  # a message names at most this many plans


def _some(plans: Iterable[str], separator: str) -> str:
    listed = sorted(plans)
    return separator.join(listed[:PLANS_NAMED]) + ("…" if len(listed) > PLANS_NAMED else "")


def _refuse_foreign_baseline(report: Report, baseline: Baseline) -> None:
    """A baseline that lists none of this run's plans (check) or rights (check-rights) is another round's file
    (another province, last month's national run, another county's 出让公告): bad input, not a report where
    every finding reads as new."""
    if report.rights:
        here = {r.id for r in report.rights}
        _refuse_disjoint(baseline.rights, here, baseline.path, "rights", ("rights", "采矿权", "审查"))
    else:
        here = {p.id for p in report.plans}
        _refuse_disjoint(baseline.plans, here, baseline.path, "plans", ("plans", "规划", "检查"))


def _refuse_disjoint(
    before: frozenset[str] | None, here: set[str], path: str | None, field: str, words: tuple[str, str, str]
) -> None:
    """Bad input when the baseline lists its plans (or rights) and none of them is among this run's."""
    if before is None or before & here:
        return
    en, zh, act = words
    before_en, here_en = _some(before, ", "), _some(here, ", ")
    before_zh, here_zh = _some(before, "、"), _some(here, "、")
    raise PlanlintError(
        f"the baseline's {en} ({before_en}) and this run's ({here_en}) share none: the wrong file?",
        path=path,
        field=field,
        zh=f"基线报告的{zh}（{before_zh}）与本次{act}的{zh}（{here_zh}）无一相同：是否选错了文件？",
    )


def _unmatched(report: Report, baseline: Baseline) -> tuple[str, ...]:
    """The plans judged now when the baseline judged none of them (a round of another plan, or the first
    round of a new one): worth a warning, for every finding reads as new."""
    judged_now = tuple(p.id for p in report.plans if p.judged)
    judged_before = baseline.judged or baseline.plans
    if judged_before is None or not judged_now or set(judged_now) & judged_before:
        return ()
    return judged_now


def _refuse_mismatched(report: Report, waivers: tuple[Waiver, ...]) -> None:
    """A waiver's `plan:` must be a plan of this run, and the plan of its finding when the finding is here
    (a waiver block copied for another district and left with the first one's `finding:` says so); its
    `value:` (`limit:`), a value of the plan (a bound) the finding compares."""
    known = {p.id for p in report.plans}
    found = {f.id: f for f in report.findings}
    errors = []
    for waiver in waivers:
        finding = found.get(waiver.finding)
        if finding is not None and waiver.value is not None and finding.actual is None:
            message = f"finding {finding.id} compares no value of the plan: value: does not apply"
            zh = f"问题 {finding.id} 未比对本规划的数值：value: 不适用"
            line = waiver.value_line or waiver.line
            errors.append(PlanlintError(message, path=waiver.path, line=line, field="value", zh=zh))
        if finding is not None and waiver.limit is not None and finding.expected is None:
            message = f"finding {finding.id} compares no bound: limit: does not apply"
            zh = f"问题 {finding.id} 未比对限值：limit: 不适用"
            line = waiver.limit_line or waiver.line
            errors.append(PlanlintError(message, path=waiver.path, line=line, field="limit", zh=zh))
        if waiver.plan is None:
            continue
        if waiver.plan not in known:
            message, zh = f"unknown plan '{waiver.plan}'", f"未知规划 '{waiver.plan}'"
        elif finding is not None and waiver.plan not in (finding.subject.plan, *finding.concerns):
            message = f"finding {finding.id} is about {finding.plan}, not {waiver.plan}"
            zh = f"问题 {finding.id} 属于 {finding.plan}，不是 {waiver.plan}"
        else:
            continue
        line = waiver.plan_line or waiver.line
        errors.append(PlanlintError(message, path=waiver.path, line=line, field="plan", zh=zh))
    if errors:
        raise InputErrors(errors)


@dataclass(frozen=True)
class _Judged:
    """Whether a finding absent from this run was judged in it: its plans were (see `review`)."""

    report: Report
    concerns: Mapping[str, tuple[str, ...]]

    def __call__(self, finding_id: str, plans: tuple[str, ...] = ()) -> bool:
        plans = plans or self.concerns.get(finding_id, ())
        if not plans:
            return not self.report.partial
        judged = {p.id for p in self.report.plans if p.judged}
        return any(p in judged for p in plans)


def warnings(report: Report) -> list[PlanlintError]:
    """Problems worth telling but not fatal: waivers that match no finding (stale), waivers without a
    批准文号 or an expiry (incomplete)."""
    if report.review is None:
        return []
    return _stale(report.review) + _incomplete(report.review) + _unmatched_warning(report.review)


def _unmatched_warning(review: Review) -> list[PlanlintError]:
    if not review.unmatched:
        return []
    return [
        PlanlintError(
            f"the baseline judged none of the plans judged now ({unmatched_plans(review, 'en')}): "
            "their findings are marked not checked last round, none compared with it (the wrong file?)",
            path=review.baseline_path,
            zh=f"基线报告未检查本次检查的规划（{unmatched_plans(review, 'zh')}）：其问题标为上轮未检查，无法与上一轮比对"
            "（是否选错了文件？）",
        )
    ]


def unmatched_plans(review: Review, lang: str) -> str:
    return _some(review.unmatched, "、" if lang == "zh" else ", ")


def _incomplete(review: Review) -> list[PlanlintError]:
    return _at_waivers(
        review.incomplete,
        lambda w: f"waiver for {w.finding} is incomplete: {missing_words(w, 'en')}",
        lambda w: f"豁免 {w.finding} 不完整：{missing_words(w, 'zh')}",
    )


def _at_waivers(
    waivers: Iterable[Waiver], en: Callable[[Waiver], str], zh: Callable[[Waiver], str]
) -> list[PlanlintError]:
    """A warning at each waiver's `finding:` line, worded by `en` and `zh`."""
    return [PlanlintError(en(w), path=w.path, line=w.line, field="finding", zh=zh(w)) for w in waivers]


MISSING_WORDS = {
    "document": {"zh": "未写批准文号（document）", "en": "no approval document number (document)"},
    "expires": {"zh": "未写有效期（expires），永不过期", "en": "no expiry (expires): it never expires"},
}


def missing_words(waiver: Waiver, lang: str) -> str:
    """What an incomplete waiver lacks: '未写批准文号（document）；未写有效期（expires），永不过期'."""
    missing = [key for key in ("document", "expires") if getattr(waiver, key) is None]
    return ("；" if lang == "zh" else "; ").join(MISSING_WORDS[key][lang] for key in missing)


def _stale(review: Review) -> list[PlanlintError]:
    return _at_waivers(
        review.stale,
        lambda w: f"waiver for {w.finding} matches no finding (resolved, or the id is wrong)",
        lambda w: f"豁免 {w.finding} 未对应任何问题（已解决，或编号有误）",
    )


@dataclass(frozen=True)
class Grounds:
    """Why a plan gets its verdict: its counted errors and warnings, the undecided notes that concern it
    (on it, or said once on another plan about one of its ancestors), its info and waived findings."""

    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    undecided: tuple[Finding, ...]
    infos: int
    waived: int

    @property
    def verdict(self) -> Verdict:
        """需修改 with an error that counts; 需人工审查 with a warning or something undecided; else 通过."""
        if self.errors:
            return "revise"
        return "review" if self.warnings or self.undecided else "pass"


def grounds(report: Report, plan_id: str) -> Grounds:
    """The findings a plan's verdict rests on (waived ones only counted)."""
    own = report.by_plan.get(plan_id, ())
    counted = [f for f in own if report.counted(f)]
    return Grounds(
        errors=tuple(f for f in counted if f.severity == "error"),
        warnings=tuple(f for f in counted if f.severity == "warning"),
        undecided=_undecided(report, plan_id),
        infos=sum(1 for f in counted if f.severity == "info"),
        waived=len(own) - len(counted),
    )


def verdict(report: Report, plan_id: str) -> Verdict:
    """需修改 with an error that counts; 需人工审查 with a warning or something undecided; else 通过."""
    return grounds(report, plan_id).verdict


def _undecided(report: Report, plan_id: str) -> tuple[Finding, ...]:
    """The counted undecided notes that concern the plan: said on it, or (said once) about an ancestor."""
    # an undecided warning already counts as a warning: only the notes (info) are added here
    notes = [
        f
        for kind in sorted(UNDECIDED_KINDS)
        for f in report.by_kind.get(kind, ())
        if f.severity == "info" and report.counted(f)
    ]
    if not notes:
        return ()
    above = _ancestors(report, plan_id)
    # a partial-ancestor note is said once, on one plan, about an ancestor: it concerns every plan below it
    return tuple(
        f for f in notes if f.plan == plan_id or (f.kind == "partial_ancestor" and f.against in above)
    )


def _ancestors(report: Report, plan_id: str) -> set[str]:
    parents = report.parents
    found: set[str] = set()
    todo = list(parents.get(plan_id, ()))
    while todo:
        parent = todo.pop()
        if parent not in found:
            found.add(parent)
            todo.extend(parents.get(parent, ()))
    return found


def verdict_text(verdict_code: str, lang: str) -> str:
    return VERDICT_WORDS[verdict_code].get(lang, VERDICT_WORDS[verdict_code]["en"])


def right_grounds(report: Report, right_id: str) -> Grounds:
    """The findings a right's verdict rests on (waived ones only counted); nothing is undecided about a right
    the way a partly known ancestor is: what its record lacks is a warning of its own (PL511 …)."""
    own = report.by_right.get(right_id, ())
    counted = [f for f in own if report.counted(f)]
    return Grounds(
        errors=tuple(f for f in counted if f.severity == "error"),
        warnings=tuple(f for f in counted if f.severity == "warning"),
        undecided=(),
        infos=sum(1 for f in counted if f.severity == "info"),
        waived=len(own) - len(counted),
    )


def right_verdict(report: Report, right_id: str) -> RightVerdict:
    """不符合规划 with an error that counts; 需人工审查 with a warning (the record lacks what a rule needs);
    无需规划审查 for a renewal or change; else 符合规划."""
    code = right_grounds(report, right_id).verdict
    exempt = any(f.kind in EXEMPT_KINDS for f in report.by_right.get(right_id, ()))
    return "exempt" if code == "pass" and exempt else code


def right_verdict_text(verdict_code: str, lang: str) -> str:
    words = RIGHT_VERDICT_WORDS[verdict_code]
    return words.get(lang, words["en"])


def finding_review(report: Report, finding: Finding) -> dict[str, Any]:
    """The review fields of one finding in the JSON report: waived, waiver_expired, baseline."""
    data: dict[str, Any] = {}
    if report.review is None:
        return data
    waiver = report.review.waived.get(finding.id)
    if waiver is not None:
        data["waived"] = waiver.as_dict()
    expired = report.review.expired.get(finding.id)
    if expired is not None:
        data["waiver_expired"] = expired.as_dict()
    changed = report.review.changed.get(finding.id)
    if changed is not None:
        data["waiver_changed"] = changed.as_dict() | {"changed": changed.changed_side(finding)}
    status = report.review.status(finding)
    if status is not None:
        data["baseline"] = status
    return data
