"""YAML reading: the only place raw YAML becomes Python data, and where line numbers are found.

Files are parsed with yaml-rs where its reading cannot differ from PyYAML's (`planlint.fastyaml`), else
with PyYAML (libyaml's C loader where present), which also gives the line of any error. Line numbers are only needed when
something is wrong, so `line_of` composes the node tree again for that one file and walks it to the field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from planlint.errors import PlanlintError
from planlint.errortext import yaml_problem_zh
from planlint.fastyaml import fast_load, fast_load_utf8
from planlint.files import read_regular

SafeLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MERGE_TAG = "tag:yaml.org,2002:merge"


class StrictLoader(SafeLoader):  # type: ignore[misc, valid-type]
    """The safe loader, refusing duplicate keys and placing a bad value (`2023-02-30`, `!!int 0xZZ`) at its node.

    PyYAML's constructors raise ValueError (not a YAML error) for impossible values, and keep the last of
    duplicate keys; both would otherwise crash or silently drop a value.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, OverflowError, RecursionError) as error:
            value = _excerpt(node)
            raise _Refused(f"cannot read value {value}: {error}", f"无法读取值 {value}", node) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        _refuse_duplicate_keys(node)
        return super().construct_mapping(node, deep)

    def construct_scalar(self, node: yaml.ScalarNode) -> Any:
        # YAML refuses a raw control character but lets "\x1b" or "\0" through in quotes; no plan prints
        # one, and in a report it would garble (or drive) the reader's terminal.
        found = CONTROL.search(node.value)
        if found:
            raise _Refused(*_control_problem(found.group()), node)
        return super().construct_scalar(node)


class _Refused(yaml.constructor.ConstructorError):  # type: ignore[misc]
    """A value or key the strict loader refuses, in both languages."""

    def __init__(self, problem: str, zh: str, node: yaml.Node) -> None:
        super().__init__(None, None, problem, node.start_mark)
        self.zh = zh


# Control characters other than tab and newline: refused in every text value.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What YAML itself refuses in a stream (besides what CONTROL finds, e.g. a lone surrogate or U+FFFE).
NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _control_problem(character: str) -> tuple[str, str]:
    code = f"U+{ord(character):04X}"
    return f"control character {code} is not allowed in a plan file", f"规划文件中不允许控制字符 {code}"


def _excerpt(node: yaml.Node) -> str:
    value = node.value if isinstance(node, yaml.ScalarNode) else node.tag
    return repr(value if len(value) <= 40 else value[:39] + "…")


def _refuse_duplicate_keys(node: yaml.MappingNode) -> None:
    first_line: dict[tuple[str, str], int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == MERGE_TAG:
            continue
        key = (key_node.tag, key_node.value)
        if key in first_line:
            first, name = first_line[key], key_node.value
            raise _Refused(
                f"duplicate key {name!r} (first on line {first})",
                f"键 {name!r} 重复（首次出现在第 {first} 行）",
                key_node,
            )
        first_line[key] = key_node.start_mark.line + 1


# A plan, rule pack or vocabulary file larger than this is refused unread (the largest bundled plan is 60 KB).
MAX_FILE_BYTES = 16 * 1024 * 1024


def read_text(path: Path) -> str:
    """A regular UTF-8 file of at most MAX_FILE_BYTES; anything else is a PlanlintError naming the path."""
    return _decoded(read_regular(path, MAX_FILE_BYTES), path)


def _decoded(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise not_utf8(path) from None


def not_utf8(path: Path) -> PlanlintError:
    """A YAML or JSON input (plan, waivers, rule pack, baseline) not in UTF-8: saved in GBK, most likely.
    These are read in UTF-8 only (unlike a rights table or a plan document), so the user is told to convert."""
    return PlanlintError(
        "not a UTF-8 text file: save it as UTF-8", path=path, zh="不是 UTF-8 文本文件：请另存为 UTF-8"
    )


def parse_yaml(text: str, path: Path | str) -> Any:
    """Parse YAML text; malformed YAML is a PlanlintError at the line where it breaks."""
    data = fast_load(text)
    if data is not None:
        return data
    return _parse_with_pyyaml(text, path)


def _parse_with_pyyaml(text: str, path: Path | str) -> Any:
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise yaml_error(error, text, path) from None
    except Exception as error:  # noqa: BLE001 - any other loader failure is bad input, never a traceback
        raise _malformed(str(error), yaml_problem_zh(str(error)), path) from None


def yaml_error(error: yaml.YAMLError, text: str, path: Path | str) -> PlanlintError:
    """A YAML error as `file:line: field: malformed YAML: problem` (the field where the node is known)."""
    if isinstance(error, yaml.reader.ReaderError):
        return _unreadable_character(error, text, path)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    zh = error.zh if isinstance(error, _Refused) else yaml_problem_zh(problem)
    field = (
        _field_at(text, mark.index) if isinstance(error, yaml.constructor.ConstructorError) and mark else None
    )
    return _malformed(problem, zh, path, line, field)


def _malformed(
    problem: str, zh: str, path: Path | str, line: int | None = None, field: str | None = None
) -> PlanlintError:
    return PlanlintError(f"malformed YAML: {problem}", path, line, field, zh=f"YAML 格式错误：{zh}")


def _unreadable_character(error: yaml.reader.ReaderError, text: str, path: Path | str) -> PlanlintError:
    """A character YAML refuses (NUL, ESC, ...), at its line and, where the rest parses, its field."""
    character = error.character if isinstance(error.character, str) else chr(error.character)
    index = text.find(character)  # the reader stops at the first one; the C reader's position is in bytes
    code = f"U+{ord(character):04X}"
    problem, zh = (
        _control_problem(character)
        if CONTROL.match(character)
        else (f"character {code} is not allowed", f"不允许字符 {code}")
    )
    if index < 0:
        return _malformed(problem, zh, path)
    field = _field_at(NOT_YAML.sub(" ", text), index)
    return _malformed(problem, zh, path, text.count("\n", 0, index) + 1, field)


def _field_at(text: str, index: int) -> str | None:
    """The dotted path (`indicators.0.value`) of the node at character `index`, for an error found on the way."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return None
    loc = _loc_of(root, index, set()) if root is not None else None
    return ".".join(str(part) for part in loc) if loc else None


def _loc_of(node: yaml.Node, index: int, seen: set[int]) -> list[str | int] | None:
    if id(node) in seen:  # an alias may point back at its own ancestor
        return None
    seen.add(id(node))
    pairs: list[tuple[str | int, yaml.Node | None, yaml.Node]] = []
    if isinstance(node, yaml.MappingNode):
        pairs = [(str(k.value), k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    elif isinstance(node, yaml.SequenceNode):
        pairs = [(i, None, v) for i, v in enumerate(node.value)]
    for part, key_node, value_node in pairs:
        if key_node is not None and _spans(key_node, index):
            return [part]
        if _spans(value_node, index):
            inner = _loc_of(value_node, index, seen)
            return [part, *inner] if inner else [part]
    return None


def _spans(node: yaml.Node, index: int) -> bool:
    return node.start_mark.index <= index < max(node.end_mark.index, node.start_mark.index + 1)


def read_yaml(path: Path) -> Any:
    """The YAML document in a file; a file with none (empty, or only comments) is a PlanlintError at line 1."""
    utf8 = read_regular(path, MAX_FILE_BYTES)
    data = fast_load_utf8(utf8)  # None also where the bytes are not UTF-8: decoding them says so
    if data is None:
        data = _parse_with_pyyaml(_decoded(utf8, path), path)
    if data is None:
        raise PlanlintError(
            "no YAML document in the file (empty, or only comments)",
            path=path,
            line=1,
            zh="文件中没有 YAML 内容（为空或只有注释）",
        )
    return data


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
