"""What the extractor could not interpret: listed with its line, never dropped silently.

The draft plan file cannot hold them under a key (unknown keys are errors in format v1), so they are
written as a YAML comment block at the end of the draft and printed to stderr.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Unparsed:
    """One thing a person must read: the line, the text as printed (shortened), and why."""

    line: int
    text: str
    reason: str
    table: str | None = None
    reason_zh: str | None = None  # where the reason is not one of the templates of `words.py`

    def describe(self, lang: str = "en") -> str:
        from planlint.extract.words import LABELS, zh

        where = f"{self.table}, " if self.table else ""
        reason = (self.reason_zh or zh(self.reason)) if lang == "zh" else self.reason
        return f"{LABELS[lang]['line'].format(line=self.line)} ({where}{reason}): {self.text}"


def shorten(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def unparsed(
    line: int, text: str, reason: str, table: str | None = None, reason_zh: str | None = None
) -> Unparsed:
    return Unparsed(line, shorten(text), reason, table, reason_zh)


def comment_block(
    items: Iterable[Unparsed], needs_person: Iterable[str], warnings: Iterable[str] = (), lang: str = "en"
) -> str:
    """The YAML comment block that ends a draft: warnings, what still needs a person, what was not parsed."""
    from planlint.extract.words import LABELS, zh

    words = LABELS[lang]
    say = zh if lang == "zh" else str
    lines = ["", f"# ---- {words['block']} ----"]
    lines.extend(f"# {words['warning']}: {say(warning)}" for warning in warnings)
    lines.extend(f"# {words['needs']}: {say(need)}" for need in needs_person)
    ordered = sorted(items, key=lambda item: item.line)
    lines.append(f"# {words['unparsed'].format(n=len(ordered))}")
    lines.extend(f"#   {item.describe(lang)}" for item in ordered)
    return "\n".join(lines) + "\n"
