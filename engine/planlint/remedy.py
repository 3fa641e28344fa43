"""What change would satisfy a finding's rule, in words: the 修改要求 line of a 审查意见.

A finding that carries its requirement (the values that would satisfy a bound, one per scope, which its
message ends with) is worded from that, so the memo and the message agree. A bound of an ancestor
without one is worded by the direction of its limit. Every other finding carries its remedy, worded by its kind
(`KIND_REMEDY`) from the values of its message when it is made (`planlint.evaluate`,
`planlint.rights.evaluate`); the rule's description is the last resort of a finding made without one.
"""

from __future__ import annotations

from typing import Any

from planlint.findings import Bound, Finding
from planlint.units import printed_unit

OP_WORDS: dict[str, dict[str, str]] = {
    ">=": {"zh": "不低于", "en": "at least"},
    ">": {"zh": "高于", "en": "above"},
    "<=": {"zh": "不高于", "en": "at most"},
    "<": {"zh": "低于", "en": "below"},
    "==": {"zh": "等于", "en": "equal to"},
}

# kind → {variant: wording}. (The English leaves out {mineral}, which may be empty: the message names it.) A finding's wording is the first variant that fits: a variant is "" (any), the
# name of the hit type (`PercentageOff`), or `param=value` conditions joined by "," that the rule's params meet
# (`list=prohibited,match=broader`). A wording's placeholders are those of the rule's message (the hit's values,
# for rights the right's and the hit's), filled as the message is, when the finding is made.
KIND_REMEDY: dict[str, dict[str, dict[str, str]]] = {
    # plan kinds (placeholders: planlint.hits; {against} the ancestor)
    "ancestor_bound": {
        "": {
            "zh": "将本规划{mineral}{scope}{metric_name}调整为{required}（{against} 的规定）",
            "en": "set the plan's {metric_name}{scope} to {required} ({against}'s)",
        }
    },
    "zone_vs_plan": {
        "": {
            "zh": "将「{zone}」的{mineral}{scope}{metric_name}调整为{required}，与本规划全域的规定一致",
            "en": "set the {metric_name}{scope} in {zone} to {required} (the plan's own plan-wide rows)",
        }
    },
    "required_content": {
        "CapMissing": {
            "zh": "在本规划中补充{ancestor_mineral}的{metric_name}上限，且不高于 {against} 的规定（{expected}）",
            "en": "state a cap on the plan's {metric_name} of {ancestor_mineral}, within {against}'s ({expected})",
        },
        "": {"zh": "在本规划中补充{metric_name}指标", "en": "state the plan's {metric_name}"},
    },
    "binding_carried": {
        "": {
            "zh": "将本规划{mineral}{metric_name}{scope}注明为约束性指标，与 {against} 一致",
            "en": "mark the plan's {metric_name}{scope} as binding (约束性), as {against} does",
        }
    },
    "partial_ancestor": {
        "": {
            "zh": "取得 {against} 的全文，人工核对本规划是否符合其未记录的内容",
            "en": "obtain the full text of {against} and check by hand what it says beyond what is recorded",
        }
    },
    "aggregate_children": {
        "": {
            "zh": "调减各下级规划的{mineral}{scope}上限，使其合计（现为 {total}）不超过 {against} 的上限（{expected}）",
            "en": "lower the children's caps so that together (now {total}) they stay within {against}'s cap ({expected})",
        }
    },
    "mineral_policy": {
        "match=broader": {
            "zh": "在本规划中明确所涉矿种不含{ancestor_mineral}（{against} 禁止开采）",
            "en": "state in the plan that what it plans excludes {ancestor_mineral} ({against} prohibits it)",
        },
        "list=restricted": {
            "zh": "不将{ancestor_mineral}列为鼓励（重点勘查/开采）矿种（{against} 限制开采）",
            "en": "do not list {ancestor_mineral} as encouraged ({against} restricts it)",
        },
        "": {
            "zh": "删除本规划对{ancestor_mineral}的开采安排（鼓励矿种、开采总量、分区或区块），{against} 禁止开采",
            "en": "drop what the plan plans for {ancestor_mineral} (encouraged, caps, zones or blocks): {against} "
            "prohibits it",
        },
    },
    "zones_carried": {
        "": {
            "zh": "在本规划中落实 {against} 划定的{zone_kind}「{zone}」，名称与上级规划一致",
            "en": "carry {against}'s {zone_kind} {zone} into the plan under the same name",
        }
    },
    "period_alignment": {
        "": {
            "zh": "将本规划的规划期调整为与 {against} 一致（{expected}）",
            "en": "align the plan's period with {against}'s ({expected})",
        }
    },
    "duplicate_indicator": {
        "": {
            "zh": "{label}{scope}只保留一个数值：核对 {first} 与 {second}，删除或更正错误的一处",
            "en": "state {label}{scope} once: check {first} and {second}, and remove or correct the wrong one",
        }
    },
    "count_parts": {
        "check=breakdown": {
            "zh": "核对{key}的分项“{part}”（{value}{unit}）与其细分“{child}”（合计 {total}{unit}），更正有误的数字使二者相等",
            "en": "check the part {part} ({value} {unit}) of {key} against its breakdown, {child} ({total} {unit}), "
            "and correct the wrong figure so that they are equal",
        },
        "": {
            "zh": "核对{key}的合计 {total}{unit}与各分项（{parts}），更正有误的数字使分项之和与合计一致",
            "en": "check the total {total} {unit} of {key} against its parts ({parts}) and correct the wrong figure "
            "so that they agree",
        },
    },
    "baseline_ratio": {
        "RatioOff": {
            "zh": "核对{key}（{year}年）的比例 {ratio} 与所列数量 {counts}，将比例更正为 {implied} 或更正数量",
            "en": "check {key} ({year}): correct the ratio {ratio} to {implied}, or the counts {counts}",
        },
        "": {
            "zh": "核对{key}（{year}年）的{percent}：将 {printed}% 更正为 {computed}%，或更正所列数量",
            "en": "check {key} ({year}): correct the {percent} from {printed}% to {computed}%, or the counts",
        },
    },
    "incomparable_units": {
        "": {
            "zh": "以与 {against} 可比的单位和计量基准（矿石量/金属量/矿物量）表述{mineral}{metric_name}，或注明换算所用的密度",
            "en": "state the {metric_name} in a unit and basis (ore/metal/mineral) comparable with {against}'s, or "
            "give the density to convert with",
        }
    },
    # rights kinds (placeholders: the rule's message; {plan} the plan, {right} the right)
    "right_mineral_policy": {
        "list=prohibited,match=broader": {
            "zh": "在出让方案中说明该采矿权不属于{listed}，否则不予出让",
            "en": "state in the grant that the right is not {listed}, or do not grant it",
        },
        "list=prohibited": {
            "zh": "不予出让该采矿权：{plan} 禁止开采{listed}",
            "en": "do not grant the right: {plan} prohibits mining {listed}",
        },
        "": {
            "zh": "出让前核实该采矿权符合 {plan} 对{listed}的开采总量控制和开采准入条件",
            "en": "before granting, check the right against {plan}'s extraction total and entry conditions for "
            "{listed}",
        },
    },
    "right_scale": {
        "outcome=undecided": {
            "zh": "在出让信息中补充{missing}，再按 {plan} 的规定核对（{rows}）",
            "en": "add {missing} to the right's record, then check it against {plan}'s rows ({rows})",
        },
        "metric=max_scale": {
            "zh": "将生产规模调减到 {plan} 的单矿山规模上限以内（{target}）",
            "en": "lower the capacity to within {plan}'s limit for one mine ({target})",
        },
        "metric=min_service_years": {
            "zh": "核实可采储量或调减生产规模，使可开采年限达到 {plan} 的规定（{target}）",
            "en": "recheck the reserves or lower the capacity so that the mine lasts as long as {plan} requires "
            "({target})",
        },
        "": {
            "zh": "将生产规模提高到 {plan} 规定的最低开采规模（{target}）",
            "en": "raise the capacity to {plan}'s minimum production scale ({target})",
        },
    },
    "right_term": {
        "outcome=undecided": {
            "zh": "核定矿山建设规模（{class}）；未达中型以上的，出让年限不超过 {limit} 年",
            "en": "establish the mine's scale class ({class}); unless it is medium or larger, grant at most {limit} "
            "years",
        },
        "": {
            "zh": "将出让年限调减到不超过 {limit} 年（{class}矿山的最长有效期）",
            "en": "shorten the term to at most {limit} years (the longest for a {class} mine)",
        },
    },
    "right_reserves": {
        "check=yield": {
            "zh": "将生产规模调减到不超过允许开采量 {allowed}",
            "en": "lower the capacity to at most the allowed yield, {allowed}",
        },
        "": {
            "zh": "将出让年限调减到不超过资源储量可开采的 {years} 年，或核实资源储量",
            "en": "shorten the term to at most the {years} years the reserves last, or recheck the reserves",
        },
    },
    "right_zone": {
        "check=mineral": {
            "zh": "在{zone_kind}「{zone}」内只出让其规划矿种（{allowed}）的采矿权，开采{mineral}的不在该区内出让",
            "en": "grant in {zone} only rights for its planned minerals ({allowed}); do not grant one for {mineral} "
            "there",
        },
        "check=one_right": {
            "zh": "规划区块「{zone}」只设置一个矿业权：与 {first} 整合，或不予出让",
            "en": "keep one right in the block {zone}: merge the right with {first}, or do not grant it",
        },
        "": {
            "zh": "将所称的「{zone}」更正为上级规划（{plans}）划定的规划分区或区块名称{suggestion}",
            "en": "correct {zone} to the name of a zone or block the plans above ({plans}) set{suggestion}",
        },
    },
    "rights_total": {
        "metric=mine_count": {
            "zh": "减少新设采矿权，使其数量不超过 {plan}（{where}）的矿山数量 {expected}",
            "en": "grant fewer new rights, within {plan}'s mine count ({where}) {expected}",
        },
        "": {
            "zh": "调减这些采矿权的生产规模，使其合计（现为 {total}）不超过 {plan}（{where}）的开采总量 {expected}",
            "en": "lower these rights' capacities so that together (now {total}) they stay within {plan}'s "
            "extraction total ({where}) {expected}",
        },
    },
    "right_review": {
        "": {
            "zh": "无需修改：{kind}不进行规划审核，按有关规定办理",
            "en": "no change needed: {kind} is not reviewed against the plans",
        }
    },
}
BOUND_REMEDY = {
    "zh": "将本规划该项指标调整为{op} {value}{scope}（{whose}）",
    "en": "set the plan's value to {op} {value}{scope} ({whose})",
}
# A finding that knows every required value (one per scope, worded by the evaluator, as in its message).
REQUIRED_REMEDY = {
    "zh": "将本规划该项指标调整为{required}（{whose}）",
    "en": "set the plan's value to {required} ({whose})",
}
# whose rule the value is: the ancestor's, or (a finding against no ancestor) the plan's own
WHOSE = {
    "ancestor": {"zh": "{against} 的规定", "en": "{against}'s"},
    "itself": {"zh": "本规划的规定", "en": "the plan's own"},
}
BOUND_KINDS = frozenset({"ancestor_bound"})


def bound_text(bound: Bound) -> str:
    """'100 万吨/年' or '10–15 %'."""
    value = bound.value
    number = f"{value[0]:.12g}–{value[1]:.12g}" if isinstance(value, tuple) else f"{value:.12g}"
    return f"{number} {printed_unit(bound.unit)}".strip()


def remedy(finding: Finding, lang: str, description: str = "", scope: str = "") -> str:
    """The change that would satisfy the rule: the values that would satisfy a bound, else the finding's own
    (worded by its kind when it was made); `description` (the rule's) only for a finding made without one."""
    if finding.remedy is not None:
        return finding.remedy[lang]
    if finding.against is None:
        whose = WHOSE["itself"][lang]
    else:
        whose = WHOSE["ancestor"][lang].format(against=finding.against)
    expected = finding.expected
    if finding.requirement is not None:
        return REQUIRED_REMEDY[lang].format(required=finding.requirement[lang], whose=whose)
    if finding.kind in BOUND_KINDS and expected is not None and expected.op in OP_WORDS:
        return BOUND_REMEDY[lang].format(
            op=OP_WORDS[expected.op][lang], value=bound_text(expected), scope=scope, whose=whose
        )
    return description


def remedy_template(kind: str, params: object, hit_type: str) -> dict[str, str] | None:
    """The wording of a kind's remedy for a rule's params and a hit type: the first variant that fits."""
    for variant, template in KIND_REMEDY.get(kind, {}).items():
        if _fits(variant, params, hit_type):
            return template
    return None


def _fits(variant: str, params: object, hit_type: str) -> bool:
    if not variant:
        return True
    if "=" not in variant:
        return variant == hit_type
    for condition in variant.split(","):
        name, value = condition.split("=", 1)
        if str(getattr(params, name, None)) != value:
            return False
    return True


def description_of(spec: Any, lang: str) -> str:
    """A rule's description in `lang` ('' for a rule the report does not carry)."""
    text = getattr(spec, "description", None)
    return text.get(lang) if text is not None else ""
