"""Printed precision of numbers as recorded (not a kind): how far a printed figure may be from the truth."""

from __future__ import annotations

from decimal import Decimal

from planlint.prepared import EPSILON


def decimals(value: float) -> int:
    """How many decimal places a recorded number was printed with (83 → 0, 56.8 → 1, 59.65 → 2)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def half_unit(value: float) -> float:
    """Half a unit of the last printed digit: the most that rounding can have moved the figure."""
    return 0.5 * 10.0 ** -decimals(value)


def slack(value: float) -> float:
    """A float-noise allowance scaled to the magnitude."""
    return EPSILON * max(abs(value), 1.0)


def number(value: float) -> str:
    """A figure as printed: 83, 56.8, 1.4."""
    return f"{value:g}"
