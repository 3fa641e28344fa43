"""The register of places: China's provinces, cities and counties, by GB/T 2260 code, name and short form.

from planlint.places import register
places = register()
nanchuan = places.resolve("重庆市南川区")      # also "南川区", "南川", "500119"
places.parents(nanchuan)                       # (重庆市, 全国), nearest first
places.contains(places.resolve("重庆"), nanchuan)   # True
places.named_in("南川南平集中开采区", within=places.resolve("重庆市"))   # (南川区,)

The data is rules/places/divisions.tsv (source and date in its header; tools/divisions_import.py writes
it). The nation is the root of every province: it has no GB/T 2260 code, so it carries planlint's own
code 000000. A name several places share (白银: 白银市 and its 白银区; 朝阳: in three provinces) resolves
only when one of them contains all the others, or when `within` narrows it to one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from planlint.paths import bundled_rules

PlaceLevel = Literal["national", "province", "city", "county"]
NATION_CODE = "000000"
NATION_NAMES = ("全国", "中华人民共和国", "中国")
CODE = re.compile(r"^\d{6}$")
# NOTE: the separators between the places a zone is named after: 大足—铜梁锶矿重点勘查区.
JOINERS = "—－\\-~～、"


@dataclass(frozen=True)
class Place:
    """One division: its 6-digit code, official name, level, parent's code and usual short forms."""

    code: str
    name: str
    level: PlaceLevel
    parent: str | None
    short: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every name the place goes by: the official name first, then its short forms."""
        return (self.name, *self.short)

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


@dataclass
class Register:
    """Every place by code, and every name or short form to the places that bear it."""

    places: dict[str, Place]
    source: str = ""
    by_name: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_form: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names: dict[str, list[str]] = {}
        forms: dict[str, list[str]] = {}
        for place in self.places.values():
            names.setdefault(place.name, []).append(place.code)
            for form in place.forms:
                forms.setdefault(form, []).append(place.code)
        self.by_name = {k: tuple(v) for k, v in names.items()}
        self.by_form = {k: tuple(v) for k, v in forms.items()}
        self._lengths = sorted({len(f) for f in self.by_form}, reverse=True)

    @property
    def nation(self) -> Place:
        return self.places[NATION_CODE]

    def get(self, code: str) -> Place | None:
        return self.places.get(code)

    def parent(self, place: Place) -> Place | None:
        return self.places.get(place.parent) if place.parent else None

    def parents(self, place: Place) -> tuple[Place, ...]:
        """The places containing `place`, nearest first, ending with the nation."""
        chain: list[Place] = []
        current = self.parent(place)
        while current is not None:
            chain.append(current)
            current = self.parent(current)
        return tuple(chain)

    def lineage(self, place: Place) -> tuple[Place, ...]:
        """The place itself, then its parents."""
        return (place, *self.parents(place))

    def contains(self, outer: Place, inner: Place) -> bool:
        """True when `inner` is `outer` or lies inside it."""
        return outer == inner or outer in self.parents(inner)

    def children(self, place: Place) -> tuple[Place, ...]:
        return tuple(p for p in self.places.values() if p.parent == place.code)

    def full_name(self, place: Place) -> str:
        """The name with its parents' names in front: 重庆市南川区, 甘肃省白银市会宁县; the nation is 全国."""
        if place.code == NATION_CODE:
            return NATION_NAMES[0]
        chain = [p.name for p in reversed(self.lineage(place)) if p.code != NATION_CODE]
        return "".join(chain)

    def matches(self, text: str, within: Place | None = None) -> tuple[Place, ...]:
        """Every place `text` may name (a code, a name or short form, or a qualified name), inside `within`."""
        text = re.sub(r"\s+", "", text)
        if CODE.match(text):
            found = [self.places[text]] if text in self.places else []
        elif text in NATION_NAMES:
            found = [self.nation]
        else:
            found = [self.places[c] for c in self.by_name.get(text, ())]
            found = found or [self.places[c] for c in self.by_form.get(text, ())]
            found = found or self._qualified(text)
        if within is not None:
            found = [p for p in found if self.contains(within, p)]
        return tuple(sorted(set(found), key=lambda p: p.code))

    def _qualified(self, text: str) -> list[Place]:
        """Places named with their parents in front: 重庆市南川区, 重庆南川, 白银市会宁县."""
        found: list[Place] = []
        for length in self._lengths:
            if length >= len(text):
                continue
            for code in self.by_form.get(text[:length], ()):
                outer = self.places[code]
                found.extend(p for p in self.matches(text[length:], within=outer) if p != outer)
            if found:
                break
        return found

    def resolve(self, text: str, within: Place | None = None) -> Place | None:
        """The one place `text` names, or None when it names none or several (see `matches`)."""
        return self.pick(self.matches(text, within))

    def pick(self, candidates: Iterable[Place]) -> Place | None:
        """The only candidate, or the one that contains all the others (白银: 白银市, not its 白银区)."""
        found = list(candidates)
        if len(found) == 1:
            return found[0]
        for outer in found:
            if all(self.contains(outer, p) for p in found):
                return outer
        return None

    def named_in(self, text: str, within: Place) -> tuple[Place, ...]:
        """The places inside `within` a name begins with, in each of its joined parts.

        南川南平集中开采区 → 南川区; 大足—铜梁锶矿重点勘查区 and 璧山福禄—铜梁华兴集中开采区 → both districts.
        """
        parts = re.split(f"[{JOINERS}]", re.sub(r"\s+", "", text))
        found: list[Place] = []
        for index, part in enumerate(parts):
            place = self._leading(part, within)
            if place is None and index == 0:
                return ()
            if place is not None and place not in found:
                found.append(place)
        return tuple(found)

    def _leading(self, text: str, within: Place) -> Place | None:
        """The place inside `within` whose longest name `text` begins with."""
        for length in self._lengths:
            if length > len(text):
                continue
            place = self.pick(p for p in self.matches(text[:length], within) if p != within)
            if place is not None:
                return place
        return None

    def suggest(self, text: str, within: Place | None = None, limit: int = 3) -> tuple[Place, ...]:
        """The places whose names are closest to `text` (for 'did you mean'), those inside `within` first."""
        found: list[Place] = []
        for scope in (within, None) if within is not None else (None,):
            forms = [f for f in self.by_form if scope is None or self.matches(f, scope)]
            for form in difflib.get_close_matches(text, forms, n=limit, cutoff=0.5):
                found.extend(p for p in self.matches(form, scope) if p not in found)
            if found:
                break
        return tuple(found[:limit])


def _level(code: str) -> PlaceLevel:
    if code[2:] == "0000":
        return "province"
    return "city" if code[4:] == "00" else "county"


def read_register(path: Path) -> Register:
    """Read a register file: `#` header lines, then code, name, parent code and short forms, tab-separated."""
    nation = Place(NATION_CODE, NATION_NAMES[1], "national", None, NATION_NAMES[::2])
    places = {NATION_CODE: nation}
    source = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            source.append(line.lstrip("# "))
            continue
        code, name, parent, short = line.split("\t")
        places[code] = Place(
            code, name, _level(code), parent or NATION_CODE, tuple(filter(None, short.split(",")))
        )
    return Register(places, source=" ".join(s for s in source if s.startswith("source:")))


def register_path() -> Path:
    return bundled_rules() / "places" / "divisions.tsv"


@cache
def register() -> Register:
    """The bundled register (read once)."""
    return read_register(register_path())
