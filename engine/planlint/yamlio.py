"""YAML reading: the only place raw YAML becomes Python data, and where line numbers are found.

Files are parsed with libyaml's C loader where present (fast path). Line numbers are only needed when
something is wrong, so `line_of` composes the node tree again for that one file and walks it to the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from planlint.errors import PlanlintError

SafeLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PlanlintError(f"cannot read file: {error.strerror}", path=path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise PlanlintError("not a UTF-8 text file", path=path, zh="不是 UTF-8 文本文件") from None


def parse_yaml(text: str, path: Path | str) -> Any:
    """Parse YAML text; malformed YAML is a PlanlintError at the line where it breaks."""
    try:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise PlanlintError(
            f"malformed YAML: {problem}", path=path, line=line, zh=f"YAML 格式错误：{problem}"
        ) from None


def read_yaml(path: Path) -> Any:
    return parse_yaml(read_text(path), path)


@lru_cache(maxsize=64)
def _compose(path: str) -> yaml.Node | None:
    try:
        return yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=SafeLoader)
    except (OSError, yaml.YAMLError):
        return None


def line_of(path: Path | str, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the value at `loc` (keys and indices) in a YAML file; the deepest one found."""
    node = _compose(str(path))
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in loc:
        child = _child(node, key)
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return value_node
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None
