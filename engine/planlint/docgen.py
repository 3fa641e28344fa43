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


def severity_text(rule: Rule, lang: str) -> str:
    policy = rule.spec.severity
    name = SEVERITY_ZH.get if lang == "zh" else (lambda value, default: value)
    if isinstance(policy, str):
        return name(policy, policy)
    if policy.binding == policy.expected == policy.unspecified:
        return name(policy.binding, policy.binding)
    return SEVERITY_POLICY[lang].format(**{k: name(v, v) for k, v in policy.model_dump().items()})


def explain(rule: Rule, lang: str) -> str:
    """Everything about one rule: what it checks, its norm, its kind and params, an example."""
    from planlint.kinds import REGISTRY

    spec = rule.spec
    lines = [
        f"{spec.id} {spec.name} — {spec.title.get(lang)}",
        "",
        spec.description.get(lang),
        "",
        f"{'种类' if lang == 'zh' else 'kind'}: {spec.kind}",
        f"{'严重程度' if lang == 'zh' else 'severity'}: {severity_text(rule, lang)}",
        f"{'依据' if lang == 'zh' else 'norm'}: {spec.norm.document}"
        + (f" · {spec.norm.clause}" if spec.norm.clause else ""),
        f"{'参数' if lang == 'zh' else 'params'}: {rule.params.model_dump()}",
    ]
    if spec.example is not None:
        lines += ["", f"{'示例' if lang == 'zh' else 'example'}: {spec.example.get(lang)}"]
    from planlint.rights.kinds import REGISTRY as RIGHTS_KINDS

    kind_doc = inspect.getdoc(REGISTRY.get(spec.kind) or RIGHTS_KINDS[spec.kind]) or ""
    lines += ["", f"{'规则种类说明' if lang == 'zh' else 'about the kind'} {spec.kind}:", kind_doc]
    return "\n".join(lines) + "\n"


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
