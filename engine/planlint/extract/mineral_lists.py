"""Mineral policy sentences: which minerals a plan encourages, restricts or prohibits.

重点开发利用地热、石灰岩等优势矿产 → encouraged; 限制开发煤、锰… → restricted; 禁止开发汞、砖瓦用粘土及其他…
→ prohibited. The minerals are those named after the policy verb, up to the end of the sentence or the next
predicate; a sentence with the verb but no mineral named (限制勘查开采对生态环境影响较大的矿种) adds nothing.
"""

from __future__ import annotations

import re

from planlint.extract.context import Context, Findings

_VERBS: tuple[tuple[str, str], ...] = (
    ("prohibited", r"禁止(?:勘查开采|开采|开发|勘查)"),
    ("restricted", r"限制(?:勘查开采|开采|开发|勘查)?(?![区块])"),
    ("encouraged", r"重点(?:勘查开发|开发利用|开发|开采|勘查)(?![区块])"
                   r"|鼓励(?:规模化)?(?:勘查开发|勘查开采|开发利用|开采|勘查|开发)|大力支持"),
)  # fmt: skip
_STOP = re.compile(r"鼓励|限制|禁止|支持|加大|提高|延长|推进|开展|依法|设置|划定|对|严格|不得|，以|。|；")
_LIST_END = re.compile(r"等|及其他|及其它|以及其他")
_ACTION = re.compile(r"勘查|开发|开采|勘探|利用")


def parse_policy(text: str, line: int, ctx: Context, out: Findings) -> None:
    """Add the minerals named by policy verbs in one line to `out.minerals`."""
    for sentence in re.split(r"[。；;]", text):
        for list_name, pattern in _VERBS:
            for match in re.finditer(pattern, sentence):
                span = _span(sentence[match.end() :])
                if span is None:
                    continue
                if (
                    list_name == "restricted"
                    and match.group(0) == "限制"
                    and not _ACTION.search("".join(span))
                ):
                    continue
                names = [n for n, _, end in ctx.finder.find_all(span[0]) if not _in_zone_name(span[0], end)]
                if list_name == "encouraged" and match.group(0) == "大力支持" and not _ACTION.search(span[1]):
                    continue
                for name in names:
                    _add(out, ctx, list_name, name, line, sentence)


def _span(rest: str) -> tuple[str, str] | None:
    """The text naming minerals after a verb (up to 等 / 及其他 / the next predicate) and what follows it."""
    stop = _STOP.search(rest)
    end = stop.start() if stop else len(rest)
    listing = rest[:end]
    cut = _LIST_END.search(listing)
    if cut:
        tail = rest[cut.start() :]
        listing = listing[: cut.start()]
        # 重点开采地热等清洁能源，金、萤石等矿种: a list continues after a comma with more minerals.
        more = re.match(r"[^，。；]*，([^，。；]*?等)", tail)
        while more and not _STOP.match(more.group(1)):
            listing += "、" + more.group(1)
            tail = tail[more.end() :]
            more = re.match(r"[^，。；]*，([^，。；]*?等)", tail)
        return listing, tail
    return listing, rest[end:]


def _in_zone_name(text: str, end: int) -> bool:
    return bool(re.match(r"[^、，。；]{0,8}?(重点勘查区|重点开采区|集中开采区|勘查区|区块)", text[end:]))


def _add(out: Findings, ctx: Context, list_name: str, name: str, line: int, sentence: str) -> None:
    canonical = ctx.finder.canonical(name)
    for entry in out.minerals[list_name]:
        if ctx.finder.canonical(entry["mineral"]) == canonical:
            return
    note = sentence.strip()
    out.minerals[list_name].append(
        {"mineral": name, "cite": ctx.cite(line), "note": note if len(note) <= 60 else note[:59] + "…"}
    )
