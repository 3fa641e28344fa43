"""A fast path for reading plan YAML: yaml-rs (Rust), used only where its answer cannot differ from PyYAML's.

PyYAML reads YAML 1.1, yaml-rs YAML 1.2, and the two also differ at the edges (merge keys, tags, aliases,
octal and sexagesimal numbers, `yes`/`no`/`on`/`off`, exponents without a dot, `.Nan`, a block scalar at
the end of a file without a newline, control characters, deep nesting). `fast_load` scans the text for
every construct where they could differ; a text with none of them goes to yaml-rs, anything else — and
anything yaml-rs refuses, such as a duplicate key — returns `None` so that the caller parses it with
PyYAML, which also gives the line of an error. The scan is conservative: a text it sends to PyYAML
(English words in a comment, a `2021-2025` range) costs only time. `tests/test_fastyaml.py` checks the
two parsers against each other.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

yaml_rs: Any
try:
    import yaml_rs
except ImportError:  # without it every file goes to PyYAML
    yaml_rs = None

# The scan works on the UTF-8 bytes, and mostly on their `_SHAPES` (bytes.translate keeps positions): digits
# 1-9 become 9, letters lower case, other bytes above 0x7f `~`, and the bytes that are never safe `!`. Every
# pattern starts with one literal byte, so that `re` skips to its candidates at memchr speed.
_SHAPES = bytearray(range(256))
_SHAPES[ord("1") : ord("9") + 1] = b"9" * 9
_SHAPES[ord("A") : ord("Z") + 1] = bytes(range(ord("a"), ord("z") + 1))
_SHAPES[0x80:] = b"~" * 0x80
for _byte in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *b"!&*\\\t"]:
    # controls, tags, anchors and aliases (hence merge keys), escapes, tabs
    _SHAPES[_byte] = ord("!")
_SHAPE_PATTERNS = [
    re.compile(pattern)
    for pattern in (
        rb"!",
        rb"<<",  # a merge key
        rb":[,\]}]",  # an empty flow value
        # documents, directives, deep indentation (libyaml stops at 1000 levels), and a line of spaces only
        # (a block scalar of such lines is '\n' to yaml-rs, '' to PyYAML)
        rb"\n(?:---|\.\.\.|%| {80}| +\n)",
        rb":(?<=[09]:)[09]",  # 1:30 (sexagesimal in 1.1), 12:30:00 (a time in yaml-rs)
        rb"_(?:(?<=[09]_)|(?=[09]))",  # 1_000, _2020 (a number to yaml-rs)
        rb"\?",  # complex keys, and `?` in flow collections (yaml-rs reads more of them)
        # flow collections inside flow collections: PyYAML refuses a collection as a key, yaml-rs reads it
        rb",(?= *[\[{])",
        rb"\{(?= *[\[{])",
        rb"\[(?= *[\[{])",
        rb"e(?:(?<=[09]e)|(?<=[09]\.e))",  # 1e3, 1.5e3: strings in 1.1, numbers in 1.2
        rb"0(?<![09a-z_.]0)(?<![09]-0)[09_oxb]",  # leading zeros (octal in 1.1, decimal in 1.2), 0o, 0x, 0b
        rb"\.(?:(?<![09]\.)[09]|inf|nan)",  # .5, -.5; .inf, .NaN, .Nan
        rb"o(?:(?<![a-z09_]o)(?:n|ff)|(?<=[^a-z09_]no))(?![a-z09_])",  # 1.1 booleans (1.2 strings), any case
        rb"y(?<![a-z09_]y)es(?![a-z09_])",
        rb":(?<=[\s{\[,]:)",  # an empty key, a key spelt `a : b`
        # a block scalar's header with more on its line, or in a flow collection
        rb"\|(?<=[\s{\[,]\|)(?![-+09]* *\n)",
        rb">(?<=[\s{\[,]>)(?![-+09]* *\n)",
        # a flow collection still open at the end of its line (1.2 reads more of those than 1.1 does)
        rb"\{(?!(?:[^{}\n]++|\{[^{}\n]*+\})*+\})",
        rb"\[(?!(?:[^\[\]\n]++|\[[^\[\]\n]*+\])*+\])",
    )
]
_RARE = {  # looked for in the bytes themselves, only where their first byte occurs
    b"=": rb"=(?<=[\s\[{,]=)(?=[\s\]},])",  # the 1.1 value key
    b"]": rb"\] *:(?=\s)",  # a collection as a key
    b"}": rb"\} *:(?=\s)",
    b"\r": rb"\r(?!\n)",  # a line break of its own
    b"\xc2": rb"\xc2[\x80-\x9f]",  # C1 controls: \x85 is a line break in 1.1 only
    b"\xe2\x80": rb"\xe2\x80[\xa8\xa9]",  # line and paragraph separators: line breaks in 1.1 only
    b"\xef": rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])",  # a byte order mark inside, non-characters
    b"-": rb"-(?: +-){7}",  # deep compact nesting (yaml-rs crashes far beyond libyaml's limit)
}
_RARE_PATTERNS = {first: re.compile(pattern) for first, pattern in _RARE.items()}
_DATE = re.compile(rb"-(?<=[09]{4}-)[09]{2}-[09]{2}")


# Every pattern of the scan is local to a line: a match and what it looks at lie between the line breaks around
# it. So a line the scan found safe is safe wherever it appears again, and plan files repeat most of their
# lines (`op: ">="`, `basis: ore`): a synthetic nation's 1.6 million lines hold 53,000 distinct ones. The
# lines found safe are kept (their UTF-8 bytes, up to _REMEMBERED of them) and only the others are scanned.
_safe_lines: set[bytes] = set()
_safe_bytes = 0
_REMEMBERED = 16_000_000


def risky(text: str) -> bool:
    """Whether the text holds anything PyYAML and yaml-rs might read differently (conservatively)."""
    return risky_utf8(text.encode("utf-8", "surrogatepass"))


def risky_utf8(data: bytes) -> bool:
    """`risky` of a text's UTF-8 bytes (a file's, as read: the scan works on bytes, which also split into
    lines faster than text does)."""
    if data and not data.endswith(b"\n"):
        return True  # a block scalar at the very end keeps its last newline in yaml-rs only
    # `-` on sets iterates over the smaller one (difference_update would walk every remembered line)
    lines = set(data.split(b"\n")) - _safe_lines
    if not lines:
        return False
    if _risky_bytes(b"\n".join(lines)):
        return True
    _remember(lines)
    return False


def _remember(lines: set[bytes]) -> None:
    global _safe_bytes
    size = sum(map(len, lines))
    if _safe_bytes + size > _REMEMBERED:
        _safe_lines.clear()
        _safe_bytes = 0
    if size <= _REMEMBERED:
        _safe_lines.update(lines)
        _safe_bytes += size


def risky_lines(text: str) -> bool:
    """The scan itself: whether any line of the text holds a construct the two parsers might read differently."""
    return _risky_bytes(text.encode("utf-8", "surrogatepass"))


def _risky_bytes(lines: bytes) -> bool:
    """`risky_lines` of the UTF-8 bytes of a text."""
    data = b"\n" + lines + b"\n"
    if any(first in data and pattern.search(data) for first, pattern in _RARE_PATTERNS.items()):
        return True
    shapes = data.translate(_SHAPES)
    if any(pattern.search(shapes) for pattern in _SHAPE_PATTERNS):
        return True
    if b"9" * 19 in shapes.replace(b"0", b"9"):
        return True  # integers longer than Python's int() accepts
    return any(_risky_date(data, match.start() - 4) for match in _DATE.finditer(shapes))


def _risky_date(data: bytes, start: int) -> bool:
    """A date is read alike by both where it is a whole plain value (`key: `, `- `, in a flow collection).

    yaml-rs (0.1.6) also reads a quoted "2023-10-10", or a block scalar holding only a date, as a date,
    where PyYAML keeps the string; and PyYAML refuses an impossible date (2023-02-30).
    """
    before, after = data[start - 2 : start], data[start + 10 : start + 12]
    plain = before[-1:] in (b"[", b"{", b",") or before in (b": ", b"- ", b"[ ", b"{ ", b", ")
    whole = after[:1] in (b"\n", b",", b"]", b"}") or after in (b" #", b"\r\n")
    return not (plain and whole) or not _valid_date(data[start : start + 10].decode())


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def fast_load(text: str) -> Any | None:
    """The data of a YAML text read by yaml-rs, or None where PyYAML must read it (see the module doc).

    None also stands for a document that is empty; the caller parses those with PyYAML too.
    """
    return fast_load_utf8(text.encode("utf-8", "surrogatepass"))


def fast_load_utf8(data: bytes) -> Any | None:
    """`fast_load` of a text's UTF-8 bytes (a file's, as read): yaml-rs reads the bytes themselves, checking
    that they are UTF-8 (None where they are not), so a file is never decoded in Python nor encoded again
    by yaml-rs (a third less time than decoding it and parsing the text)."""
    if yaml_rs is None or risky_utf8(data):
        return None
    try:
        return yaml_rs.load(data, encoding="utf-8", encoder_errors="strict")
    except Exception:  # noqa: BLE001 - any refusal is PyYAML's to explain, with its line
        return None
