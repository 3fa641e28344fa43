"""Typed names in kinds' params, checked against the vocabulary when a rule pack loads.

`Params.model_validate(data, context={"vocabulary": v})` refuses a metric `v` does not know, naming the
closest ones; without a vocabulary in the context the name is only typed.
"""

from __future__ import annotations

import difflib
from typing import Annotated

from pydantic import AfterValidator, ValidationInfo

from planlint.vocabulary import Vocabulary


def _known_metric(name: str, info: ValidationInfo) -> str:
    vocabulary = (info.context or {}).get("vocabulary")
    if isinstance(vocabulary, Vocabulary) and name not in vocabulary.metrics:
        close = difflib.get_close_matches(name, sorted(vocabulary.metrics), n=3, cutoff=0.5)
        raise ValueError(f"unknown metric {name!r} (closest known: {', '.join(close) or 'none'})")
    return name


Metric = Annotated[str, AfterValidator(_known_metric)]
