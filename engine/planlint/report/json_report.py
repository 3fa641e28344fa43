"""`--format json`: the report exactly as the JSON contract (../shared/design/cli-contract.md)."""

from __future__ import annotations

import json
from typing import Any

from planlint import __version__
from planlint.findings import Report
from planlint.report import Options


def as_data(report: Report, options: Options) -> dict[str, Any]:
    return {
        "tool": {"name": "planlint", "version": __version__},
        "plans": [
            {"id": p.id, "name": p.name, "level": p.level, "parents": list(p.parents)} for p in report.plans
        ],
        "summary": report.summary(),
        "findings": [f.as_dict(options.lang) for f in report.findings],
    }


def render(report: Report, options: Options) -> str:
    return json.dumps(as_data(report, options), ensure_ascii=False, indent=2) + "\n"
