"""Citations of a plan's places: a `Cite` of a plan file (line, or a public source) as a finding's `Citation`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planlint.findings import Citation, Role
from planlint.model import Cite, Plan

if TYPE_CHECKING:
    from planlint.rules import Norm


def norm_citation(norm: Norm) -> Citation:
    """The citation of the norm a rule rests on: its document, and its clause as the locator."""
    english = (norm.en.document, norm.en.clause) if norm.en is not None else None
    return Citation("norm", None, norm.document, None, None, None, norm.clause, en=english)


def citation(plan: Plan, cite: Cite | None, role: Role, part: str | None = None) -> Citation:
    """A citation of a plan's place; `cite=None` means the plan is silent there, unless `part` names the part
    of the document that states it without a line (规划期限), kept as the citation's locator."""
    if cite is not None and cite.ref is not None:
        source = next(s for s in plan.sources if s.id == cite.ref)
        document = source.title or source.url
        locator = " · ".join(x for x in (source.url, cite.locator) if x)
        return Citation(
            role, plan.id, document, cite.section, cite.table, None, locator or None, url=source.url
        )
    document = plan.source.document
    if cite is None:
        return Citation(role, plan.id, document, None, None, None, part)
    # A plan extracted from Word keeps where the line is in Word terms (第12段, 表2第3行) as its locator.
    return Citation(role, plan.id, document, cite.section, cite.table, cite.line, cite.locator)
