"""Message templates of rule packs: checked at load against the placeholders the rule's hits provide.

A template may use `{name}` only, for a name its kind's hits provide: no positional `{}`/`{0}`, no attribute
or index access (`{plan.__class__}`, `{plan[9]}`), no conversion or format spec (`{plan!r}`,
`{plan:>999999999}`), and braces balanced (`{{` and `}}` for literal ones).
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterator

_FORMATTER = string.Formatter()


def template_problems(template: str, provided: frozenset[str] | None) -> Iterator[tuple[str, str]]:
    """What is wrong with a template, (English, Chinese) per problem; `provided=None` checks the syntax only."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in _FORMATTER.parse(template)]
    except ValueError as error:
        yield (
            f"malformed template ({error}); write {{{{ and }}}} for literal braces",
            "模板的花括号不配对；字面的花括号请写作 {{ 和 }}",
        )
        return
    for name, spec, conversion in fields:
        if name is None:
            continue
        shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if not name.isidentifier():
            yield (
                f"placeholder {shown} is not a plain name (no positions, attributes or indexes)",
                f"占位符 {shown} 不是单纯的名称（不能用位置、属性或下标）",
            )
        elif conversion or spec:
            yield (
                f"placeholder {shown} has a conversion or format spec; write {{{name}}}",
                f"占位符 {shown} 带有转换或格式说明；请写作 {{{name}}}",
            )
        elif provided is not None and name not in provided:
            yield _unknown_placeholder(name, provided)


def _unknown_placeholder(name: str, provided: frozenset[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(name, sorted(provided), n=1)
    listed = sorted(provided)
    return (
        f"unknown placeholder {{{name}}}"
        + (f"; did you mean {{{close[0]}}}?" if close else "")
        + f" (provided: {', '.join(listed)})",
        f"未知占位符 {{{name}}}"
        + (f"；是否应为 {{{close[0]}}}？" if close else "")
        + f"（可用：{'、'.join(listed)}）",
    )
