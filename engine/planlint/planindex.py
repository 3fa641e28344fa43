"""Which plan files a check of a few plans needs, found without parsing every file.

Checking one plan (`check --plan ID`, or a draft) needs that plan, its ancestors, and the other children of
its parents (a parent's cap is shared out among all its children: `aggregate_children`), each with its own
ancestors so that the hierarchy is whole. `index` reads each file's top-level `id:`, `level:`, `parents:`
and `jurisdiction:` lines (a byte search, then those lines read in their plain forms, or parsed where they
have others); a file where that is not certain (the key missing or given twice, a merge key, several
documents) is parsed whole instead. The caller checks the loaded plans against the index and loads
everything when they disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planlint.errors import PlanlintError
from planlint.files import read_regular_at_most
from planlint.yamlio import MAX_FILE_BYTES, parse_yaml

KEYS = (b"id", b"level", b"parents", b"jurisdiction")
# A top-level key's line and the lines that continue its value (indented, `- ` items, comments, blank).
_VALUE_LINES = re.compile(rb"[^\n]*(?:\n(?=[ \t#\n-])[^\n]*)*")
_UNCERTAIN = (b"<<", b"\n---", b"\n...", b"\n%")
# Plan files give id, level, parents and jurisdiction first: the scan reads this much of a file, up to its
# last blank line (where no value of theirs can go on), and the rest only when a key is not found there.
HEAD = 4096


Header = tuple[str, str, tuple[str, ...], str]

# The plain forms plan files write these lines in (`id: p01-c01`, `level: county`, `parents: [p01]`,
# `jurisdiction: 北川县`), read without a YAML parser: each value is a string in YAML 1.1 and 1.2 alike. An id
# that starts with a letter is never a number or a date; the words either version reads as a boolean or null
# are left to the parser (_NOT_PLAIN), as is any other form (quotes, comments, block lists, codes).
_ID = rb"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
_PLAIN = {
    b"id": re.compile(rb"id: (" + _ID + rb") *"),
    b"level": re.compile(rb"level: (national|province|city|county) *"),
    b"parents": re.compile(rb"parents: \[((?:" + _ID + rb"(?:, " + _ID + rb")*)?)\] *"),
    b"jurisdiction": re.compile(rb"jurisdiction: ((?:[\xe4-\xe9][\x80-\xbf]{2})+) *"),  # U+4000-U+9FFF
}
_NOT_PLAIN = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


@dataclass(frozen=True)
class Entry:
    """What one file says it is: its plan id, parents and jurisdiction."""

    path: Path
    id: str
    level: str
    parents: tuple[str, ...]
    jurisdiction: str


def index(files: Iterable[Path]) -> list[Entry] | None:
    """An entry per plan file; None when some file cannot be read (the full load will say why)."""
    entries = []
    for path in files:
        try:  # a directory, FIFO or device is refused, unread, by the full load: nothing to index
            data = read_regular_at_most(path, HEAD)
            header = _scan(_head(data)) if len(data) == HEAD else _scan(data)
            if header is None and len(data) == HEAD:
                data = read_regular_at_most(path, MAX_FILE_BYTES)
                header = _scan(data)
        except OSError:
            return None
        if header is None:
            header = _parse(data, path)
        if header is not None:
            entries.append(Entry(path, *header))
    return entries


def _head(data: bytes) -> bytes:
    """The start of a file up to its last blank line that no indented or `- ` line continues."""
    cut = data.rfind(b"\n\n") + 2
    return data[:cut] if cut > 1 and data[cut : cut + 1] not in (b" ", b"\t", b"-", b"#") else b""


def _scan(data: bytes) -> Header | None:
    text = b"\n" + data
    if any(marker in text for marker in _UNCERTAIN):
        return None
    lines = []
    for key in KEYS:
        start = text.find(b"\n" + key + b":")
        if start < 0 or text.find(b"\n" + key + b":", start + 1) >= 0:
            return None
        match = _VALUE_LINES.match(text, start + 1)
        lines.append(match.group() if match else b"")
    return _plain(lines) or _parsed_lines(lines)


def _plain(lines: list[bytes]) -> Header | None:
    """The header, where every one of its lines has its plain form (`_PLAIN`); else None."""
    found = [_PLAIN[key].fullmatch(line) for key, line in zip(KEYS, lines, strict=True)]
    if not all(found):
        return None
    plan_id, level, listed, jurisdiction = (m.group(1).decode("utf-8") for m in found if m)
    parents = tuple(listed.split(", ")) if listed else ()
    if plan_id in _NOT_PLAIN or _NOT_PLAIN.intersection(parents):
        return None
    return plan_id, level, parents, jurisdiction


def _parsed_lines(lines: list[bytes]) -> Header | None:
    try:
        header = parse_yaml(b"\n".join(lines).decode("utf-8") + "\n", "<index>")
    except (UnicodeDecodeError, PlanlintError):
        return None
    return _header(header)


def _parse(data: bytes, path: Path) -> Header | None:
    try:
        return _header(parse_yaml(data.decode("utf-8"), path))
    except (UnicodeDecodeError, PlanlintError):
        return None  # not readable as a plan: only a full load reports it


def _header(data: Any) -> Header | None:
    if not isinstance(data, dict):
        return None
    plan_id, level, parents = data.get("id"), data.get("level"), data.get("parents")
    jurisdiction = data.get("jurisdiction")
    if not (isinstance(plan_id, str) and isinstance(level, str) and isinstance(jurisdiction, str)):
        return None
    if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
        return None
    return plan_id, level, tuple(parents), jurisdiction


def needed(entries: Sequence[Entry], targets: Iterable[str]) -> list[Entry] | None:
    """The entries a check of `targets` needs; None when a target is not in the index.

    Also None when a county or city plan has no `parents`: its parent is then found through the register of
    places among the loaded plans (`territory.find_parents`), so who is whose child is not known here.
    """
    if any(not e.parents and e.level in ("county", "city") for e in entries):
        return None
    by_id: dict[str, list[Entry]] = {}
    children: dict[str, list[str]] = {}
    for entry in entries:
        by_id.setdefault(entry.id, []).append(entry)
        for parent in entry.parents:
            children.setdefault(parent, []).append(entry.id)
    targets = list(targets)
    if any(t not in by_id for t in targets):
        return None
    wanted = _with_ancestors(targets, by_id)
    siblings = {c for t in targets for e in by_id[t] for p in e.parents for c in children.get(p, [])}
    wanted |= _with_ancestors(siblings, by_id)
    return [entry for plan_id in sorted(wanted) for entry in by_id.get(plan_id, [])]


def _with_ancestors(start: Iterable[str], by_id: dict[str, list[Entry]]) -> set[str]:
    seen: set[str] = set()
    pending = list(start)
    while pending:
        plan_id = pending.pop()
        if plan_id in seen:
            continue
        seen.add(plan_id)
        pending.extend(p for e in by_id.get(plan_id, []) for p in e.parents)
    return seen
