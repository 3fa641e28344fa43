"""Rule documentation generated from the rule packs and the kind modules' docstrings.

`planlint rules`, `planlint explain ID` and docs/rules.md all come from here; a test keeps docs/rules.md
up to date (`python -m planlint.docgen > docs/rules.md`).
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence

from planlint.rules import Rule

SEVERITY_POLICY = {
    "zh": "按上级指标属性：约束性→{binding}，预期性→{expected}，未注明→{unspecified}",
    "en": "by the ancestor indicator's attribute: binding → {binding}, expected → {expected}, unspecified → {unspecified}",
}


SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

# Every rule kind (plans' and rights') in words: its name and what it checks, for `rules` and `explain` in Chinese
# and English (the kind modules' docstrings are the developers' documentation, in English: docs/rules.md).
KIND_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "ancestor_bound": {
        "name": {"zh": "上级规划限值", "en": "ancestor's bound"},
        "about": {
            "zh": "本规划的下限（或上限）不得比任何上级规划对同一矿种、同一范围矿山的规定更宽。",
            "en": "A plan's floor (or cap) may not be looser than any ancestor's for the same mines.",
        },
    },
    "aggregate_children": {
        "name": {"zh": "下级规划合计", "en": "children's total"},
        "about": {
            "zh": "各直接下级规划的上限合计不得超过上级规划的上限。",
            "en": "The direct children's caps together may not exceed their parent's cap.",
        },
    },
    "baseline_ratio": {
        "name": {"zh": "基期比例核对", "en": "baseline ratios"},
        "about": {
            "zh": "基期数据中的百分比和数量比例应与所列数量按原文精度相符。",
            "en": "Stated percentages and ratios agree with the stated counts, to the printed precision.",
        },
    },
    "binding_carried": {
        "name": {"zh": "约束性指标传导", "en": "binding indicators carried"},
        "about": {
            "zh": "上级规划的约束性指标，本规划列出时也应为约束性指标。",
            "en": "An indicator binding (约束性) in an ancestor must be binding where the plan states it.",
        },
    },
    "count_parts": {
        "name": {"zh": "合计与分项核对", "en": "totals and parts"},
        "about": {
            "zh": "规划所列合计数应与其分项（及分项的细分）相符。",
            "en": "A plan's stated totals agree with their stated parts (and a part with its breakdown).",
        },
    },
    "duplicate_indicator": {
        "name": {"zh": "重复指标核对", "en": "indicator stated twice"},
        "about": {
            "zh": "同一指标在规划中多处出现时，数值和比较方式应一致。",
            "en": "An indicator stated twice in one plan says the same thing both times.",
        },
    },
    "incomparable_units": {
        "name": {"zh": "单位不可比", "en": "incomparable units"},
        "about": {
            "zh": "上级规划的规定适用于本规划的指标，但二者的单位或计量基准无法换算比较，需人工核对。",
            "en": "An ancestor's row applies to a plan's row, but their units cannot be compared.",
        },
    },
    "mineral_policy": {
        "name": {"zh": "矿种政策", "en": "mineral policy"},
        "about": {
            "zh": "本规划不得安排开采上级规划禁止开采的矿种，也不得鼓励上级规划限制开采的矿种。",
            "en": "A plan may not plan to mine what an ancestor prohibits, nor encourage what it restricts.",
        },
    },
    "partial_ancestor": {
        "name": {"zh": "上级规划仅部分已知", "en": "partly known ancestor"},
        "about": {
            "zh": "上级规划的内容仅部分已知时予以说明：未记录的内容未知，不能视为符合。",
            "en": "Say where an ancestor's content is unknown, so silence is not read as conformance.",
        },
    },
    "period_alignment": {
        "name": {"zh": "规划期一致", "en": "period alignment"},
        "about": {
            "zh": "本规划的基期、规划期应与各上级规划一致。",
            "en": "A plan's period (base year, start, end) must equal each ancestor's.",
        },
    },
    "required_content": {
        "name": {"zh": "必备内容", "en": "required content"},
        "about": {
            "zh": "该级规划应规定的指标，以及上级规划设有开采总量上限的所涉矿种的上限，应在本规划中规定。",
            "en": "A plan of a given level states the indicators such a plan must state (and a cap where an "
            "ancestor caps a mineral it plans).",
        },
    },
    "zone_vs_plan": {
        "name": {"zh": "分区与全域一致", "en": "zone against the plan"},
        "about": {
            "zh": "分区的限值不得比本规划全域对同一矿种、同一范围矿山的规定更宽。",
            "en": "A zone's limits are no looser than the plan's own plan-wide limits for the same mines.",
        },
    },
    "zones_carried": {
        "name": {"zh": "规划分区传导", "en": "zones carried"},
        "about": {
            "zh": "上级规划在本行政区内划定的规划分区应在本规划中落实（规划传导），名称与上级规划一致。",
            "en": "Zones an ancestor sets inside a plan's territory must be carried into the plan (规划传导).",
        },
    },
    "right_mineral_policy": {
        "name": {"zh": "采矿权矿种政策", "en": "right's mineral policy"},
        "about": {
            "zh": "采矿权的矿种应符合其上各级规划的鼓励、限制、禁止开采矿种规定。",
            "en": "A right's mineral against the policy lists of every plan above it.",
        },
    },
    "right_reserves": {
        "name": {"zh": "资源储量核对", "en": "right's reserves"},
        "about": {
            "zh": "出让年限和生产规模应与资源储量、允许开采量相符。",
            "en": "A right's term and capacity against what its reserves allow.",
        },
    },
    "right_review": {
        "name": {"zh": "无需规划审查", "en": "no plan review"},
        "about": {
            "zh": "延续、转让变更、名称变更等无需进行规划审查，予以说明而不核对。",
            "en": "Renewals, transfers and name changes need no plan review; say so instead of checking.",
        },
    },
    "right_scale": {
        "name": {"zh": "采矿权规模核对", "en": "right's scale"},
        "about": {
            "zh": "采矿权的生产规模（或可开采年限）应符合其上各级规划对其适用的规定。",
            "en": "A right's capacity (or service life) against every plan row that bounds it.",
        },
    },
    "right_term": {
        "name": {"zh": "出让年限核对", "en": "right's term"},
        "about": {
            "zh": "出让年限不得超过该生产规模矿山的采矿许可证最长有效期。",
            "en": "The licence term within the national maximum for the mine's production scale class.",
        },
    },
    "right_zone": {
        "name": {"zh": "采矿权分区核对", "en": "right's zone"},
        "about": {
            "zh": "采矿权所称的规划分区或区块应存在、允许其矿种，且一个规划区块只设置一个矿业权。",
            "en": "The zone or planned block a right names exists above it, allows its mineral, and holds one "
            "right.",
        },
    },
    "rights_total": {
        "name": {"zh": "采矿权合计", "en": "rights together"},
        "about": {
            "zh": "同一行政区的采矿权合计不得超过规划的开采总量和矿山数量。",
            "en": "The rights of one jurisdiction together within the plan's extraction caps and mine counts.",
        },
    },
}


def kind_name(kind: str, lang: str) -> str:
    """A rule kind's name in words ('上级规划限值'); the kind itself for one this table does not know."""
    words = KIND_WORDS.get(kind)
    return words["name"][lang] if words is not None else kind


def severity_text(rule: Rule, lang: str) -> str:
    policy = rule.spec.severity
    name = SEVERITY_ZH.get if lang == "zh" else (lambda value, default: value)
    if isinstance(policy, str):
        return name(policy, policy)
    if policy.binding == policy.expected == policy.unspecified:
        return name(policy.binding, policy.binding)
    return SEVERITY_POLICY[lang].format(**{k: name(v, v) for k, v in policy.model_dump().items()})


def explain(rule: Rule, lang: str) -> str:
    """Everything about one rule: what it checks, its norm, its kind and params, an example.

    In Chinese the rule's parts in Chinese only: the kind by its name and what it checks; the params (rule-pack
    keys) and the kind's developer documentation (English) are left to `--lang en` and docs/rules.md.
    """
    spec = rule.spec
    zh = lang == "zh"
    lines = [
        f"{spec.id} {spec.title.get(lang)}" if zh else f"{spec.id} {spec.name} — {spec.title.get(lang)}",
        "",
        spec.description.get(lang),
        "",
        f"{'种类' if zh else 'kind'}: {kind_name(spec.kind, lang) if zh else spec.kind}",
        f"{'严重程度' if zh else 'severity'}: {severity_text(rule, lang)}",
        f"{'依据' if zh else 'norm'}: {spec.norm.text(lang)}",
    ]
    if not zh:
        lines.append(f"params: {rule.params.model_dump()}")
    if spec.example is not None:
        lines += ["", f"{'示例' if zh else 'example'}: {spec.example.get(lang)}"]
    if zh:
        about = KIND_WORDS[spec.kind]["about"]["zh"] if spec.kind in KIND_WORDS else ""
        lines += ["", f"规则种类说明（{kind_name(spec.kind, lang)}）：{about}"]
        lines.append("规则参数与种类的开发说明（英文）见 planlint explain 加 --lang en，或 docs/rules.md。")
    else:
        lines += ["", f"about the kind {spec.kind}:", _kind_doc(spec.kind)]
    return "\n".join(lines) + "\n"


def _kind_doc(kind: str) -> str:
    from planlint.kinds import REGISTRY
    from planlint.rights.kinds import REGISTRY as RIGHTS_KINDS

    return inspect.getdoc(REGISTRY.get(kind) or RIGHTS_KINDS[kind]) or ""


def rules_markdown(rules: Sequence[Rule]) -> str:
    """docs/rules.md: every rule (both languages) and every kind's documentation."""
    from planlint.kinds import REGISTRY

    out = [
        "# Rules",
        "",
        "Generated from the rule packs (`rules/packs/*.yaml`) and the kind modules (`engine/planlint/kinds/`) by",
        "`python -m planlint.docgen > docs/rules.md`; a test fails when this page is out of date.",
        "",
        "| id | name | kind | severity | norm |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        spec = rule.spec
        out.append(
            f"| {spec.id} | {spec.name} | {spec.kind} | {severity_text(rule, 'en')} | {spec.norm.document} |"
        )
    for rule in rules:
        spec = rule.spec
        out += ["", f"## {spec.id} {spec.name}", "", f"**{spec.title.en}** / **{spec.title.zh}**", ""]
        out += [spec.description.en, "", spec.description.zh, ""]
        out.append(f"- kind: `{spec.kind}`; params: `{rule.params.model_dump()}`")
        out.append(f"- severity: {severity_text(rule, 'en')}")
        clause = f" — {spec.norm.clause}" if spec.norm.clause else ""
        out.append(f"- norm: {spec.norm.document}{clause}")
        if spec.norm.en is not None:
            en_clause = f" — {spec.norm.en.clause}" if spec.norm.en.clause else ""
            out.append(f"- norm (en): {spec.norm.en.document}{en_clause}")
        if spec.example is not None:
            out.append(f"- example: {spec.example.en} / {spec.example.zh}")
    out += ["", "# Rule kinds", ""]
    for name, module in REGISTRY.items():
        out += [f"## {name}", "", "```", inspect.getdoc(module) or "", "```", ""]
        for hit in module.HITS:
            names = ", ".join(f"`{{{p}}}`" for p in sorted(hit.placeholders()))
            out += [f"Message placeholders ({hit.__name__}: {inspect.getdoc(hit)}): {names}", ""]
    return "\n".join(out).rstrip() + "\n"


def main() -> None:
    from planlint import api
    from planlint.rules import load_rules

    print(rules_markdown(load_rules(api.rule_directories())), end="")


if __name__ == "__main__":
    main()
