"""planlint extract: a draft plan file (format v1) from a plan document, with line citations.

from planlint.extract import extract_document
draft = extract_document("plan.txt", vocabulary=vocabulary, plan_id="xx-county", parent="xx")
print(draft.to_yaml())      # the plan, then the unparsed items as a YAML comment block
"""

from __future__ import annotations

from typing import Any

__all__ = ["Draft", "Unparsed", "extract_document"]


def __getattr__(name: str) -> Any:
    # NOTE: imported lazily so that registering the CLI command does not load the extractor (--help speed).
    if name in ("Draft", "extract_document"):
        from planlint.extract import assemble

        return getattr(assemble, name)
    if name == "Unparsed":
        from planlint.extract.unparsed import Unparsed

        return Unparsed
    raise AttributeError(name)
