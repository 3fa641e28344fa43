"""`--format sarif`: the report as SARIF 2.1.0, for code-scanning tools and review systems.

One run. The driver carries one reportingDescriptor per rule (with the norm it rests on in
`properties`); each finding is one result. A result's `locations` are the judged plan's own citations,
its `relatedLocations` the ancestor's and the norm's. A citation with a document and a line is a
physical location in that source document (an artifact under the `DOCS` base, which is `--docs` when
given; a plan document read in this run at the path given, under `CWD`; a public source at its url); every plan citation also names its plan as a logical location (`run.logicalLocations`, one per
plan, parent first), and a judged plan's logical location carries its verdict and the reason in its
`properties`. A finding's id (`Finding.id`) is its partial fingerprint; in a review round a waiver is an
accepted external suppression (a waiver that no longer waives is the result's `properties.waiverExpired`
or `waiverChanged`), the baseline comparison is the result's `baselineState` (none, and
`properties.baselineNotJudged`, for a finding whose plan the baseline's round did not judge), and the run's
`properties` list the resolved ids and the stale waivers.
A check-rights run reviews the rights: the plans carry no verdict, and the run's `properties.rights`
list the rights, each with its verdict, the reason and its counts.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from planlint import __version__
from planlint.findings import Citation, Finding, Pass, Report, RightSummary
from planlint.i18n import Lang
from planlint.report.render import Options, PassJSON, citation_text, pass_text, reasons, rule_specs
from planlint.report.sources import cited_line
from planlint.report.words import word
from planlint.review import grounds, right_grounds, right_verdict, right_verdict_text, verdict_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "DOCS"
CWD_ID = "CWD"
CWD_DESCRIPTION = {
    "zh": "运行 planlint 的目录（本次读取的规划文档按所给路径）",
    "en": "the folder planlint ran in (the plan documents read in this run, at the paths given)",
}
BASE_DESCRIPTION = {"zh": "规划原文目录（--docs）", "en": "the plans' source documents (--docs)"}
FINGERPRINT = "planlint/v2"  # v2: the finding id (rule, plan, ancestor, metric, mineral, subject)

# SARIF's names for a finding against the baseline (a finding raised before with other values is "updated")
SARIF_BASELINE_STATES = {"new": "new", "unchanged": "unchanged", "changed": "updated"}


def _text(value: Any, lang: Lang) -> str | None:
    """A rule Text (`.zh`/`.en`) in `lang`, or None."""
    return value.get(lang) if value is not None and hasattr(value, "get") else None


def _both(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    return {"zh": value.zh, "en": value.en}


def _default_level(spec: Any) -> str:
    """The level a rule reports at: its fixed severity, or its severity for a binding ancestor indicator."""
    policy = getattr(spec, "severity", "error")
    severity = policy if isinstance(policy, str) else getattr(policy, "binding", "error")
    return LEVEL.get(severity, "warning")


def _descriptor(rule_id: str, spec: Any, lang: Lang) -> dict[str, Any]:
    if spec is None:  # a finding from a rule the report does not carry: describe it by its id only
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    title = _text(spec.title, lang) or rule_id
    description = _text(spec.description, lang) or title
    norm = spec.norm
    norm_text = norm.text(lang)
    example = _text(getattr(spec, "example", None), lang)
    help_lines = [description, f"{word('norm', lang)}: {norm_text}"]
    markdown_lines = [description, "", f"**{word('norm', lang)}**: {norm_text}"]
    if norm.note:
        help_lines.append(norm.note)
        markdown_lines += ["", norm.note]
    if example:
        help_lines.append(example)
        markdown_lines += ["", f"`{example}`"]
    policy = spec.severity
    return {
        "id": rule_id,
        "name": spec.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": description},
        "messageStrings": {"default": {"text": _text(spec.message, lang) or title}},
        "help": {"text": "\n".join(help_lines), "markdown": "\n".join(markdown_lines)},
        "defaultConfiguration": {"level": _default_level(spec)},
        "properties": {
            "kind": spec.kind,
            "norm": {"document": norm.document, "clause": norm.clause, "note": norm.note}
            | ({"en": norm.en.model_dump()} if norm.en is not None else {}),
            "severity": policy if isinstance(policy, str) else policy.model_dump(),
            "title": _both(spec.title),
            "tags": ["planlint", spec.kind],
        },
    }


class _Run:
    """Builds one SARIF run, keeping the artifact and logical-location indices consistent."""

    def __init__(self, report: Report, options: Options) -> None:
        self.report = report
        self.options = options
        self.lang: Lang = options.lang
        self.artifacts: list[dict[str, Any]] = []
        self.artifact_index: dict[tuple[str, str | None], int] = {}
        self.relative_to_cwd = False  # a plan document read in this run is cited at its path, under `CWD`
        self.plan_index = {plan.id: i for i, plan in enumerate(report.plans)}
        self.plan_names = report.plan_names
        self.plan_documents = {plan.document: plan.id for plan in report.plans if plan.document}
        self.pass_locations: dict[Citation, str] = {}  # each cited place of a pass, encoded
        self.pass_heads: dict[str, str] = {}
        self.encoder = PassJSON()
        self.rule_index: dict[str, int] = {}  # numbered by `build`

    def qualified(self, plan_id: str) -> str:
        """'cn/cq/cq-banan': the plan's path from its root along first parents."""
        chain = [plan_id]
        parents = self.report.parents
        while parents.get(chain[-1]) and parents[chain[-1]][0] not in chain:
            chain.append(parents[chain[-1]][0])
        return "/".join(reversed(chain))

    def logical_locations(self) -> list[dict[str, Any]]:
        locations = []
        for plan in self.report.plans:
            location: dict[str, Any] = {
                "name": plan.id,
                "fullyQualifiedName": self.qualified(plan.id),
                "kind": "module",
                "properties": {
                    "planName": plan.name,
                    "level": plan.level,
                    "jurisdiction": plan.jurisdiction,
                    "parents": list(plan.parents),
                    "partial": plan.partial,
                    "judged": plan.judged,
                    **self.verdict(plan.id, plan.judged),
                },
            }
            if plan.parents and plan.parents[0] in self.plan_index:
                location["parentIndex"] = self.plan_index[plan.parents[0]]
            locations.append(location)
        return locations

    def verdict(self, plan_id: str, judged: bool) -> dict[str, str]:
        """A judged plan's verdict (pass | revise | review), in words, and why (none in a rights review)."""
        if not judged or self.report.rights:
            return {}
        found = grounds(self.report, plan_id)
        return {
            "verdict": found.verdict,
            "verdictText": verdict_text(found.verdict, self.lang),
            "verdictReason": reasons(found, self.lang),
        }

    def review_properties(self) -> dict[str, Any]:
        """The round's ids resolved since the baseline and its stale waivers, beside the summary."""
        review = self.report.review
        data: dict[str, Any] = {}
        if review is not None and review.baseline is not None:
            data["resolved"] = list(review.resolved)
        if review is not None and review.stale:
            data["staleWaivers"] = [w.as_dict() for w in review.stale]
        if review is not None and review.incomplete:
            data["incompleteWaivers"] = [w.as_dict() for w in review.incomplete]
        return data

    def artifact_location(self, citation: Citation) -> dict[str, str]:
        """Where the cited document is: a public source at its web address, a plan document read in this run
        at the path given (relative to the working directory, `CWD`), any other under `DOCS`."""
        if citation.url:
            return {"uri": citation.url}
        given = self.options.documents.get(citation.plan or "")
        if given is not None and given.name == citation.document:
            if given.is_absolute():
                return {"uri": given.as_uri()}
            self.relative_to_cwd = True
            return {"uri": quote(given.as_posix()), "uriBaseId": CWD_ID}
        return {"uri": quote(citation.document or ""), "uriBaseId": BASE_ID}

    def artifact(self, citation: Citation) -> int:
        where = self.artifact_location(citation)
        key = (where["uri"], where.get("uriBaseId"))
        if key not in self.artifact_index:
            self.artifact_index[key] = len(self.artifacts)
            entry: dict[str, Any] = {
                "location": where,
                "mimeType": "text/plain",
                "encoding": "utf-8",
            }
            document = citation.document or ""
            owner = self.plan_documents.get(document)
            if owner:
                entry["description"] = {"text": f"{owner}: {self.plan_names[owner]}"}
            self.artifacts.append(entry)
        return self.artifact_index[key]

    def location(self, citation: Citation, number: int, plan: str | None = None) -> dict[str, Any]:
        location: dict[str, Any] = {
            "id": number,
            "message": {"text": citation_text(citation, self.lang, subject=plan)},
        }
        if citation.document and citation.role != "norm":
            location["physicalLocation"] = self.physical(citation)
        if citation.plan and citation.plan in self.plan_index:
            location["logicalLocations"] = [self.logical_ref(citation.plan)]
        properties = {k: v for k, v in citation.as_dict().items() if v is not None}
        location["properties"] = properties
        return location

    def physical(self, citation: Citation) -> dict[str, Any]:
        """The document cited and, with a line, the region (its text quoted when it can be)."""
        physical: dict[str, Any] = {
            "artifactLocation": {**self.artifact_location(citation), "index": self.artifact(citation)}
        }
        if citation.line is not None:
            region: dict[str, Any] = {"startLine": citation.line}
            quoted = cited_line(self.options.docs, citation, self.options.texts)
            if quoted:
                region["snippet"] = {"text": quoted}
            physical["region"] = region
        return physical

    def logical_ref(self, plan_id: str) -> dict[str, Any]:
        return {
            "index": self.plan_index[plan_id],
            "name": plan_id,
            "fullyQualifiedName": self.qualified(plan_id),
            "kind": "module",
        }

    def locations(self, citations: tuple[Citation, ...], plan: str) -> tuple[list[Any], list[Any]]:
        """The plan's own citations as locations (or the plan as a logical one), the others (the norm, the
        ancestors', the other children's of a children's sum) as related."""
        own = [c for c in citations if c.role == "plan" and c.plan in (plan, None)]
        others = [c for c in citations if c not in own]
        locations = [self.location(c, i, plan) for i, c in enumerate(own)]
        if not locations and plan in self.plan_index:
            locations = [{"logicalLocations": [self.logical_ref(plan)]}]
        return locations, [self.location(c, len(own) + i, plan) for i, c in enumerate(others)]

    def result(self, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
        locations, related = self.locations(finding.citations, finding.plan)
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index[finding.rule],
            "level": LEVEL[finding.severity],
            "message": {"text": finding.text(self.lang)},
            "locations": locations,
            "partialFingerprints": {FINGERPRINT: finding.id},
            "properties": {
                "id": finding.id,
                "severity": finding.severity,
                "kind": finding.kind,
                "plan": finding.plan,
                "against": finding.against,
                "metric": finding.metric,
                "mineral": finding.mineral,
                "expected": finding.expected.as_dict() if finding.expected else None,
                "actual": finding.actual.as_dict() if finding.actual else None,
                "message": finding.message.as_dict(),
            },
        }
        if related:
            result["relatedLocations"] = related
        self.add_review(result, finding)
        return result

    def passed(self, held: Pass) -> str:
        """A comparison that held, as a SARIF result of kind pass (level none), encoded (JSON text): each
        place once, the row checked as its location (the plan's row; in check-rights the right's entry),
        the row it was held against as a related location. The norm is the rule's (`tool.driver.rules`),
        not repeated. A nation has hundreds of thousands: the places are encoded once and reused."""
        primary = "right" if held.right is not None else "plan"
        own = [self.pass_location(c) for c in held.citations if c.role == primary]
        others = [self.pass_location(c) for c in held.citations if c.role not in (primary, "norm")]
        if not own and held.plan in self.plan_index:
            own = [f'{{"logicalLocations": [{{"index": {self.plan_index[held.plan]}}}]}}']
        parts = [
            self.pass_head(held.rule),
            PassJSON.text(pass_text(held, self.lang)),
            '}, "locations": [',
            ", ".join(own),
        ]
        if others:
            parts += ['], "relatedLocations": [', ", ".join(others)]
        parts += [
            f'], "partialFingerprints": {{"{FINGERPRINT}": ',
            PassJSON.text(held.id),
            '}, "properties": {',
            self.encoder.values(held),
            "}}",
        ]
        return "".join(parts)

    def pass_head(self, rule: str) -> str:
        """A pass result's start, the same for every pass of a rule, up to its message's text."""
        head = self.pass_heads.get(rule)
        if head is None:
            fields = {"ruleId": rule, "ruleIndex": self.rule_index[rule], "kind": "pass", "level": "none"}
            head = self.pass_heads[rule] = _encoded(fields)[:-1] + ', "message": {"text": '
        return head

    def pass_location(self, citation: Citation) -> str:
        """A cited place of a pass, encoded once per place and reused by every pass citing it: the
        document and line, the plan, and what the physical location cannot say (role, section, table,
        locator)."""
        made = self.pass_locations.get(citation)
        if made is not None:
            return made
        location: dict[str, Any] = {}
        if citation.document:
            location["physicalLocation"] = self.physical(citation)
        if citation.plan and citation.plan in self.plan_index:
            location["logicalLocations"] = [{"index": self.plan_index[citation.plan]}]
        location["properties"] = {
            key: value
            for key in ("role", "section", "table", "locator")
            if (value := getattr(citation, key)) is not None
        }
        made = self.pass_locations[citation] = _encoded(location)
        return made

    def add_review(self, result: dict[str, Any], finding: Finding) -> None:
        """A waiver as an external suppression; one that no longer waives (expired, or granted for another
        value) in the result's properties (`waiverExpired`, `waiverChanged`), to say why the finding is back;
        the baseline comparison as SARIF's baselineState (properties.baselineNotJudged when the baseline's
        round did not judge the finding's plan)."""
        review = self.report.review
        if review is None:
            return
        for key, lapsed in (("waiverExpired", review.expired), ("waiverChanged", review.changed)):
            if finding.id in lapsed:
                result["properties"][key] = lapsed[finding.id].as_dict()
        waiver = review.waived.get(finding.id)
        if waiver is not None:
            result["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": waiver.reason,
                    "properties": waiver.as_dict(),
                }
            ]
        status = review.status(finding)
        if status == "not_judged":  # absent from the baseline, whose round did not judge its plan: not "new"
            result["properties"]["baselineNotJudged"] = True
        elif status is not None:
            result["baselineState"] = SARIF_BASELINE_STATES[status]

    def build(self) -> dict[str, Any]:
        """The run, its passes left out (`write_passes` writes them into the results, after the findings)."""
        specs = rule_specs(self.report)
        rule_ids = list(specs)
        rule_ids += sorted({f.rule for f in self.report.findings} - set(specs))
        self.rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
        logical = self.logical_locations()
        results = [self.result(f, self.rule_index) for f in self.report.findings]
        for held in (
            self.report.passes or ()
        ):  # each cited document an artifact before the artifacts are written
            for citation in held.citations:
                if citation.document and citation.role != "norm":
                    self.artifact(citation)
        base: dict[str, Any] = {"description": {"text": BASE_DESCRIPTION[self.lang]}}
        if self.options.docs is not None:
            base["uri"] = Path(self.options.docs).resolve().as_uri() + "/"
        bases = {BASE_ID: base}
        if self.relative_to_cwd:
            bases[CWD_ID] = {
                "uri": Path.cwd().resolve().as_uri() + "/",
                "description": {"text": CWD_DESCRIPTION[self.lang]},
            }
        return {
            "tool": {
                "driver": {
                    "name": "planlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "language": "zh-CN" if self.lang == "zh" else "en-US",
                    "rules": [_descriptor(r, specs.get(r), self.lang) for r in rule_ids],
                }
            },
            "invocations": [{"executionSuccessful": True}],
            "language": "zh-CN" if self.lang == "zh" else "en-US",
            "originalUriBaseIds": bases,
            "artifacts": self.artifacts,
            "logicalLocations": logical,
            "results": results,
            "properties": {"summary": self.report.summary(), **self.review_properties(), **self.rights()},
        }

    def passes(self) -> Iterator[str]:
        """The passes as results, encoded (after `build`: it numbers the rules and the artifacts)."""
        for held in self.report.passes or ():
            if held.rule in self.rule_index:
                yield self.passed(held)

    def rights(self) -> dict[str, Any]:
        """A rights review's rights, each with its verdict, why, and its counts."""
        if not self.report.rights:
            return {}
        return {"rights": [self.right(right) for right in self.report.rights]}

    def right(self, right: RightSummary) -> dict[str, Any]:
        code = right_verdict(self.report, right.id)
        return {
            "id": right.id,
            "name": right.name,
            "jurisdiction": right.jurisdiction,
            "plans": list(right.plans),
            "verdict": code,
            "verdictText": right_verdict_text(code, self.lang),
            "verdictReason": reasons(right_grounds(self.report, right.id), self.lang),
            "summary": self.report.right_summary(right.id),
        }


def _encoded(value: Any) -> str:
    """JSON text on one line (the C encoder: no indent)."""
    return json.dumps(value, ensure_ascii=False)


def _log(run: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


PASSES_HERE = "planlint: the passes go here"


def write(report: Report, options: Options, out: TextIO) -> None:
    """The log into `out`; the passes, after the findings in the results, one a line, each encoded and
    written on its own (a nation's would take gigabytes as one indented string)."""
    run = _Run(report, options)
    built = run.build()
    results = run.passes()
    first = next(results, None)
    if first is None:
        out.write(json.dumps(_log(built), ensure_ascii=False, indent=2) + "\n")
        return
    built["results"].append(PASSES_HERE)
    head, tail = json.dumps(_log(built), ensure_ascii=False, indent=2).split(json.dumps(PASSES_HERE))
    out.write(head.rstrip(" "))
    out.write("        " + first)
    for result in results:
        out.write(",\n        " + result)
    out.write(tail + "\n")


def render(report: Report, options: Options) -> str:
    buffer = io.StringIO()
    write(report, options, buffer)
    return buffer.getvalue()
