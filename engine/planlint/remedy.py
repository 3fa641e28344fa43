"""What change would satisfy a finding's rule, in words: the 修改要求 line of a 审查意见.

A finding that carries its requirement (the values that would satisfy a bound, one per scope, which its
message ends with) is worded from that, so the memo and the message agree. Otherwise worded by the
finding's kind (and, for bounds, by the direction of the ancestor's limit); a kind without its own wording
falls back to what the rule requires (its description).
"""

from __future__ import annotations

from typing import Any

from planlint.findings import Bound, Finding

OP_WORDS: dict[str, dict[str, str]] = {
    ">=": {"zh": "不低于", "en": "at least"},
    ">": {"zh": "高于", "en": "above"},
    "<=": {"zh": "不高于", "en": "at most"},
    "<": {"zh": "低于", "en": "below"},
    "==": {"zh": "等于", "en": "equal to"},
}

# kind → wording; {against} is the ancestor, {expected} the ancestor's bound as printed.
KIND_REMEDY: dict[str, dict[str, str]] = {
    "binding_carried": {
        "zh": "将本规划该项指标注明为约束性指标，与 {against} 一致",
        "en": "mark the plan's indicator as binding (约束性), as {against} does",
    },
    "partial_ancestor": {
        "zh": "取得 {against} 的全文，人工核对本规划是否符合其未记录的内容",
        "en": "obtain the full text of {against} and check by hand what it says beyond what is recorded",
    },
    "aggregate_children": {
        "zh": "调减各下级规划的上限，使其合计不超过 {against} 的 {expected}",
        "en": "lower the children's caps so that together they stay within {against}'s {expected}",
    },
    "mineral_policy": {
        "zh": "按 {against} 的矿种政策调整本规划对该矿种的安排（删除，或明确不含受禁止、限制的部分）",
        "en": "bring the plan's treatment of the mineral in line with {against}'s policy (drop it, or exclude the "
        "prohibited or restricted part)",
    },
    "zones_carried": {
        "zh": "在本规划中落实 {against} 划定的该分区，名称与上级规划一致",
        "en": "carry {against}'s zone into the plan under the same name",
    },
    "period_alignment": {
        "zh": "将规划基期和规划期调整为与 {against} 一致（{expected}）",
        "en": "align the plan's base year and period with {against}'s ({expected})",
    },
    "duplicate_indicator": {
        "zh": "同一指标只保留一个数值，删除或更正另一处",
        "en": "state the indicator once: remove or correct the other place",
    },
    "count_parts": {
        "zh": "核对并更正合计数与分项数，使二者一致",
        "en": "check and correct the total and its parts so that they agree",
    },
    "baseline_ratio": {
        "zh": "核对并更正现状数据或比例，使其与所列数值一致",
        "en": "check and correct the baseline figures or the ratio so that they agree",
    },
    "incomparable_units": {
        "zh": "以与 {against} 可比的单位和计量基准（矿石量/金属量/矿物量）表述该指标",
        "en": "state the indicator in a unit and basis (ore/metal/mineral) comparable with {against}'s",
    },
}
BOUND_REMEDY = {
    "zh": "将本规划该项指标调整为{op} {value}{scope}（{against} 的规定）",
    "en": "set the plan's value to {op} {value}{scope} ({against}'s)",
}
# A finding that knows every required value (one per scope, worded by the evaluator, as in its message).
REQUIRED_REMEDY = {
    "zh": "将本规划该项指标调整为{required}（{against} 的规定）",
    "en": "set the plan's value to {required} ({against}'s)",
}
BOUND_KINDS = frozenset({"ancestor_bound", "zone_vs_plan"})


def bound_text(bound: Bound) -> str:
    """'100 万吨/年' or '10–15 %'."""
    value = bound.value
    number = f"{value[0]:.12g}–{value[1]:.12g}" if isinstance(value, tuple) else f"{value:.12g}"
    return f"{number} {bound.unit or ''}".strip()


def remedy(finding: Finding, lang: str, description: str = "", scope: str = "") -> str:
    """The change that would satisfy the rule; `description` (the rule's) when the kind has no wording."""
    against = finding.against or ("本规划" if lang == "zh" else "the plan")
    expected = finding.expected
    if finding.requirement is not None:
        return REQUIRED_REMEDY[lang].format(required=finding.requirement[lang], against=against)
    if finding.kind in BOUND_KINDS and expected is not None and expected.op in OP_WORDS:
        return BOUND_REMEDY[lang].format(
            op=OP_WORDS[expected.op][lang], value=bound_text(expected), scope=scope, against=against
        )
    template = KIND_REMEDY.get(finding.kind)
    if template is None:
        return description
    shown = bound_text(expected) if expected is not None and expected.value is not None else ""
    return template[lang].format(against=against, expected=shown)


def description_of(spec: Any, lang: str) -> str:
    """A rule's description in `lang` ('' for a rule the report does not carry)."""
    text = getattr(spec, "description", None)
    return text.get(lang) if text is not None else ""
