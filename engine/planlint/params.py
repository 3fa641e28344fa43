"""Typed names in kinds' params, checked against the vocabulary when a rule pack loads.

`Params.model_validate(data, context={"vocabulary": v})` refuses a metric `v` does not know, naming the
closest ones, and a comparison direction that contradicts the metric's; without a vocabulary in the
context the names are only typed.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo, model_validator

from planlint.errors import InvalidValue
from planlint.vocabulary import Vocabulary

Direction = Literal["floor", "cap"]


def vocabulary_of(info: ValidationInfo) -> Vocabulary | None:
    """The vocabulary a rule pack is validated against, if any."""
    vocabulary = (info.context or {}).get("vocabulary")
    return vocabulary if isinstance(vocabulary, Vocabulary) else None


def _known_metric(name: str, info: ValidationInfo) -> str:
    vocabulary = vocabulary_of(info)
    if vocabulary is not None and name not in vocabulary.metrics:
        close = difflib.get_close_matches(name, sorted(vocabulary.metrics), n=3, cutoff=0.5)
        raise InvalidValue(
            f"unknown metric {name!r} (closest known: {', '.join(close) or 'none'})",
            zh=f"未知指标 {name!r}（最接近的已知指标：{'、'.join(close) or '无'}）",
        )
    return name


Metric = Annotated[str, AfterValidator(_known_metric)]


def check_direction(metric: str, given: Direction | None, info: ValidationInfo) -> None:
    """A rule's direction agrees with its metric's, or is left to it; one of the two must say it."""
    vocabulary = vocabulary_of(info)
    known = vocabulary.metrics[metric].direction if vocabulary and metric in vocabulary.metrics else None
    if vocabulary is None:
        return
    if given is None and known is None:
        raise InvalidValue(
            f"metric {metric!r} has no direction in the vocabulary: give direction: floor | cap",
            zh=f"词表未给出指标 {metric!r} 的方向：请写 direction: floor | cap",
        )
    if given is not None and known is not None and given != known:
        raise InvalidValue(
            f"direction {given!r} contradicts the vocabulary ({metric!r} is a {known})",
            zh=f"direction {given!r} 与词表不符（{metric!r} 的方向为 {known}）",
        )


def direction_of(vocabulary: Vocabulary, metric: str, given: Direction | None) -> Direction:
    """The side a comparison of `metric` uses: the rule's, else the vocabulary's."""
    direction = given or vocabulary.require_metric(metric).direction
    if direction is None:
        raise InvalidValue(f"metric {metric!r} has no direction", zh=f"指标 {metric!r} 没有方向")
    return direction


def fill_from_vocabulary(
    data: object, info: ValidationInfo, **defaults: Callable[[Vocabulary], object]
) -> object:
    """Raw params with the fields left out taken from the vocabulary, when validated against one."""
    vocabulary = vocabulary_of(info)
    if vocabulary is None or not isinstance(data, dict):
        return data
    return {**{name: default(vocabulary) for name, default in defaults.items() if name not in data}, **data}


def fill_direction(data: object, info: ValidationInfo) -> object:
    """Raw params with `direction` taken from the metric's, when left out and the vocabulary gives one."""
    vocabulary = vocabulary_of(info)
    if vocabulary is None or not isinstance(data, dict) or "direction" in data:
        return data
    metric = vocabulary.metrics.get(str(data.get("metric")))
    return data if metric is None or metric.direction is None else {**data, "direction": metric.direction}


class MetricDirection(BaseModel):
    """Params of a kind that compares one metric's rows on one side: the direction defaults to the metric's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: Metric
    direction: Direction | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_direction(cls, data: object, info: ValidationInfo) -> object:
        return fill_direction(data, info)

    @model_validator(mode="after")
    def _direction(self, info: ValidationInfo) -> MetricDirection:
        check_direction(self.metric, self.direction, info)
        return self
