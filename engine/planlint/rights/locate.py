"""A right's place as written: its county, and the administrative parts of its name.

The register of divisions (`planlint.places`, used by `planlint.rights.prepare.PlanPlaces`) decides where a
place it knows lies. A name it does not know (a synthetic nation's) is split into its parts (省/自治区,
市/州/盟, 区/县/市/旗) and compared part by part: a plan of `会宁县` contains a right of `甘肃省白银市会宁县`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from planlint.vocabulary import normalise_name

NATION = "全国"
_PART = re.compile(r"(.{1,10}?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|地区|区|县|旗))")
_COUNTY = re.compile(
    r"^((?:.{1,8}?(?:自治区|省))?(?:[^市州盟区县]{1,8}?(?:自治州|市|州|盟))?[^市州区县旗镇乡街]{1,8}?(?:自治县|区|县|市|旗))"
)


@lru_cache(maxsize=4096)
def parts(name: str) -> tuple[str, ...]:
    """The administrative parts of a place name, largest first: 重庆市永川区 → (重庆市, 永川区)."""
    text = normalise_name(name)
    if text in ("", NATION, "中国", "中华人民共和国"):
        return ()
    found = tuple(_PART.findall(text))
    return found if "".join(found) == text else (text,)


def county_in(address: str) -> str | None:
    """The county-level place an address starts with: 重庆市永川区红炉镇会龙桥村 → 重庆市永川区."""
    match = _COUNTY.match(normalise_name(address))
    return match.group(1) if match else None


@dataclass(frozen=True)
class Location:
    """A right's place: its parts (largest first) and the regions it is known to lie in."""

    jurisdiction: str
    parts: tuple[str, ...]
    regions: frozenset[str] = frozenset()

    def depth_of(self, plan_jurisdiction: str) -> int | None:
        """How deep in this place a plan's jurisdiction sits (0 = 全国), or None when it does not contain it."""
        plan_parts = parts(plan_jurisdiction)
        if not plan_parts:
            return 0
        if plan_parts[-1] not in self.parts:
            return None
        return self.parts.index(plan_parts[-1]) + 1


def locate(jurisdiction: str, region: str | None = None) -> Location:
    """A right's place from its jurisdiction as written, with the region the record states."""
    return Location(jurisdiction, parts(jurisdiction), frozenset({region} if region else ()))
