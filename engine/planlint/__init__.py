"""planlint: check mineral resource master plans (矿产资源总体规划) against the plans above them."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
