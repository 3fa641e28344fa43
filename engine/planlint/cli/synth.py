"""`planlint synth`: write a synthetic nation of plans with planted violations (generator imported lazily)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planlint.cli.options import LangOpt, chosen_lang
from planlint.errors import PlanlintError

SAID = {
    "nation": {
        "en": "wrote {plans} plans ({indicators} indicators) to {folder}; {planted} planted violations listed in "
        "{manifest}",
        "zh": "已写出 {plans} 个规划（{indicators} 项指标）到 {folder}；埋入的 {planted} 处违规列于 {manifest}",
    },
    "short": {
        "en": "fewer than requested for: {rules} (see manifest 'rules')",
        "zh": "以下规则埋入的违规少于要求：{rules}（见清单的 rules）",
    },
    "rights": {
        "en": "wrote {n} rights to {csv}: {clean} clean (--rights) and {more} more carrying planted breaches; "
        "the {planted} breaches are listed in the manifest",
        "zh": "已写出 {n} 个采矿权到 {csv}：{clean} 个无违规（--rights），另 {more} 个带有埋入的违规；"
        "{planted} 处违规列于清单",
    },
    "documents": {
        "en": "wrote {n} plan documents with their answer keys (*.expected.json) to {folder}",
        "zh": "已写出 {n} 份规划文本及其答案（*.expected.json）到 {folder}",
    },
}


def synth(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Directory to write plans/ and manifest.json into.", metavar="DIR"
        ),
    ],
    provinces: Annotated[int | None, typer.Option(help="Provinces (default 31).", metavar="N")] = None,
    cities_per_province: Annotated[
        float | None,
        typer.Option(
            help="Average cities per non-municipal province (default 12.33: 333 cities).", metavar="X"
        ),
    ] = None,
    counties_per_city: Annotated[
        float | None,
        typer.Option(
            help="Average counties per city (default 8.22; a municipality has about 3× as many districts).",
            metavar="X",
        ),
    ] = None,
    municipalities: Annotated[
        int | None,
        typer.Option(
            help="Provinces that are municipalities, without cities (default 4 of 31).", metavar="N"
        ),
    ] = None,
    scale: Annotated[
        float | None,
        typer.Option(
            help="The whole nation scaled (0.25, 0.5, 1): every level alike. Excludes the options above.",
            metavar="X",
        ),
    ] = None,
    seed: Annotated[
        int, typer.Option(help="Random seed: the same seed writes the same files.", metavar="N")
    ] = 0,
    violations: Annotated[int, typer.Option(help="Violations planted per rule.", metavar="N")] = 3,
    plant: Annotated[
        list[str] | None,
        typer.Option(
            "--plant",
            help="RULE=N: plant N violations of RULE (repeatable; overrides --violations).",
            metavar="RULE=N",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Replace a synthetic nation already in the output directory.")
    ] = False,
    rights: Annotated[
        int,
        typer.Option(
            "--rights",
            help="Also write N clean mining rights (rights.csv) for the nation, then more rights carrying "
            "--violations breaches per rights rule (listed in the manifest), to test and time "
            "`planlint check-rights`.",
            metavar="N",
        ),
    ] = 0,
    documents: Annotated[
        int | None,
        typer.Option(
            "--documents",
            help="Instead of a nation, write N plan documents (.txt and .docx in varied house styles) "
            "with an answer key beside each (NNN.expected.json), to test `planlint extract`.",
            metavar="N",
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Write a synthetic nation of plan files with planted violations and a manifest listing them."""
    chosen = chosen_lang(lang)
    if documents is not None:
        _documents(output, documents, seed, force, chosen)
        return
    from planlint.synth.run import generate
    from planlint.synth.shape import NATION, Shape

    shape_options = (provinces, cities_per_province, counties_per_city, municipalities)
    if scale is not None:
        if any(o is not None for o in shape_options):
            raise PlanlintError(
                "--scale cannot be combined with --provinces, --cities-per-province ...",
                field="--scale",
                zh="--scale 不能与 --provinces、--cities-per-province 等同时使用",
            )
        shape = Shape.scaled(scale)
    else:
        count = NATION[0] if provinces is None else provinces
        default_municipalities = round(count * NATION[1] / NATION[0])
        shape = Shape.per(
            count,
            NATION[2] / (NATION[0] - NATION[1]) if cities_per_province is None else cities_per_province,
            8.22 if counties_per_city is None else counties_per_city,
            default_municipalities if municipalities is None else municipalities,
        )
    per_rule: dict[str, int] = {}
    for item in plant or ():
        rule, _, number = item.partition("=")
        if not number.isdigit():
            raise PlanlintError(
                f"--plant expects RULE=N, got {item!r}",
                field="--plant",
                zh=f"--plant 应写作 规则=数量，实为 {item!r}",
            )
        per_rule[rule.strip()] = int(number)
    manifest = generate(output, shape, seed, violations, per_rule, force)
    planted = len(manifest["violations"])
    short = sorted(r for r, e in manifest["rules"].items() if e["planted"] < e["requested"])
    folder, listed = output / "plans", output / "manifest.json"
    counts = {"plans": manifest["plans"], "indicators": manifest["indicators"], "planted": planted}
    typer.echo(SAID["nation"][chosen].format(folder=folder, manifest=listed, **counts))
    if short:
        typer.echo(SAID["short"][chosen].format(rules=", ".join(short)), err=True)
    if rights:
        _rights(output, rights, violations, seed, chosen)


def _rights(output: Path, count: int, breaches: int, seed: int, lang: str) -> None:
    """Write `count` rights for the nation just written and add them to its manifest."""
    import json

    from planlint import api
    from planlint.synth.rights import write_rights

    written = write_rights(output, api.load([output / "plans"]), count, breaches, seed)
    path = output / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["rights"] = written
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    typer.echo(
        SAID["rights"][lang].format(
            n=written["count"],
            csv=output / "rights.csv",
            clean=written["clean"],
            more=written["count"] - written["clean"],
            planted=len(written["breaches"]),
        )
    )


def _documents(output: Path, count: int, seed: int, force: bool, lang: str) -> None:
    """Write `count` rendered plan documents and their answer keys into `output`."""
    from planlint.synth.documents import render

    if count < 1:
        raise PlanlintError("--documents must be at least 1", field="--documents", zh="--documents 至少为 1")
    if output.exists() and any(output.glob("*.expected.json")) and not force:
        raise PlanlintError(
            "output already holds rendered documents (use --force to replace them)",
            path=output,
            zh="输出目录中已有生成的文档（用 --force 替换）",
        )
    written = render(output, count, seed)
    typer.echo(SAID["documents"][lang].format(n=len(written), folder=output))
