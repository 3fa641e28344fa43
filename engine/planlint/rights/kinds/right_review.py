"""right_review: renewals, transfers and name changes need no plan review; say so instead of checking.

自然资源部《关于完善矿产资源规划实施管理有关事项的通知》(2024): 矿业权延续、转让变更、矿业权人名称变更等其他
勘查开采登记事项无需进行规划审核. Such a right is reported (info) and no other rule judges it.

Params: none.

Example (FAIL, info): a right with kind renewal (延续).
Example (PASS): a new right (新设) is reviewed by the other rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from planlint.rights.evaluate import RightHit, RightsContext
from planlint.rules import Rule

KIND = "right_review"

KIND_WORDS = {
    "renewal": {"zh": "延续", "en": "a renewal"},
    "change": {"zh": "变更（转让、名称变更等）", "en": "a change (transfer, new holder name)"},
}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def check(context: RightsContext, rule: Rule) -> Iterator[RightHit]:
    for right in context.rights:
        if not right.right.reviewed:
            words = KIND_WORDS[right.right.kind]
            yield RightHit(right=right, plan=right.plans[0], subject="review", values={"kind": words})
