"""`--help` in Chinese: under `--lang zh` (or a Chinese locale) every command's and option's help is
shown from this table, and typer's panel titles with it. A test keeps the table complete."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# English help text (as the commands declare it) → Chinese.
HELP_ZH: dict[str, str] = {
    "Check mineral resource master plans (矿产资源总体规划) against the plans above them.": "对照上级规划检查矿产资源总体规划。",
    "Show the version and exit.": "显示版本号并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    "Load and validate plans only: schema, units, minerals, hierarchy.": "只载入并校验规划文件：格式、单位、矿种、层级。",
    "Plan files or directories (default: the bundled plans/).": "规划文件或目录（默认：随附的 plans/）。",
    "Extra rule directory (rule packs and vocabularies); repeatable.": "附加规则目录（规则包与词表），可重复。",
    "zh or en (default: from the locale).": "zh 或 en（默认：按系统语言）。",
    "Show the plan hierarchy with level, stage and indicator counts.": "显示规划层级，含级别、阶段与指标数。",
    "Check every plan against each of its ancestors and itself, and report the findings.": "逐一对照各上级规划及自身检查每个规划，并报告问题。",
    "Judge only this plan (repeatable).": "只检查此规划（可重复）。",
    "text, json, sarif, markdown, html or docx (default: from the --output file's extension, else text).": "text、json、sarif、markdown、html 或 docx（Word 审查意见）；默认按 --output 文件的扩展名，否则为 text。",
    "Write the report to a file; its extension gives the format: .docx .html .htm .json .sarif .md .txt.": "将报告写入文件；扩展名即决定格式：.docx .html .htm .json .sarif .md .txt。",
    "error, warning, info or never.": "error、warning、info 或 never（达到该级别的问题时以 1 退出）。",
    "Directory of the source documents, to print the cited lines.": "规划原文所在目录，用于引出所引原文。",
    "Accepted deviations (YAML, schema planlint/waivers/v1): waived findings are kept and marked, and do not count for --fail-on. A waiver's value: (the finding's actual) and limit: (its expected bound) tie it to the values it was granted for: when either differs now, it does not waive.": "经论证同意的偏差（YAML，schema planlint/waivers/v1）：被豁免的问题保留并标注，不计入 --fail-on。豁免的 value:（问题的本规划数值）与 limit:（所违反的限值）记录批准时比对的数值：任一现已不同，即不再豁免。",
    "A JSON report of an earlier round: mark each finding new, unchanged or changed (other values) and list the resolved.": "上一轮的 JSON 报告：标注每个问题为本轮新增、上轮已提出或上轮已提出但数值已变，并列出已解决的问题。",
    "Also list each comparison that held, per compared row (JSON passes, SARIF results of kind pass; a count "
    "per plan in text, Markdown and HTML).": "同时逐行列出已比对且符合的项目（JSON 的 passes、SARIF 中 kind 为 pass 的结果；"
    "文本、Markdown 与 HTML 报告列出每个规划的符合项数）。",
    "Check mining rights (new grants, expansions) against every plan above them, and report.": "对照所在地各级规划检查采矿权（新设、扩能等），并报告问题。",
    "The rights: a YAML file (schema planlint/rights/v1) or a .csv/.xlsx table with the columns of a 出让公告 (项目编号, 采矿权名称, 地理位置, 矿种, 生产规模, 资源储量, 出让年限 …).": "采矿权清单：YAML 文件（schema planlint/rights/v1），或按出让公告列名（项目编号、采矿权名称、地理位置、矿种、生产规模、资源储量、出让年限……）的 .csv/.xlsx 表格。",
    "List the rules: id, kind, severity, title and the norm each rests on.": "列出规则：编号、种类、严重程度、内容及依据。",
    "Explain a rule, or why a finding was raised: the rows compared, mineral match, units and scope.": "解释一条规则，或说明某个问题的由来：比较的行、矿种匹配、单位换算与适用范围。",
    "Explain a rule, or why a finding was raised: the rows compared, mineral match, units and scope.\n\nA finding id is looked for in a check of the same inputs: the paths, --plan, --parent and --rules the\ncheck was given, or --rights for a check-rights finding.": "解释一条规则，或说明某个问题的由来：比较的行、矿种匹配、单位换算与适用范围。\n\n问题编号在同样输入的检查结果中查找：检查时所用的路径及 --plan、--parent、--rules，采矿权问题则用 --rights。",
    "For a check-rights finding: the rights file it was found in (as given to check-rights).": "采矿权审查的问题：该问题所出自的采矿权清单（即交给 check-rights 的文件）。",
    "A rule id (PL101) or a finding id from a report (PL101-3fa9c02b1e).": "规则编号（PL101）或报告中的问题编号（PL101-3fa9c02b1e）。",
    "List everything a plan's ancestors require of it, with citations: a drafting checklist.": "列出上级规划对本规划的全部要求及出处：编制核对清单。",
    "The plan being drafted (its id).": "正在编制的规划（其 id）。",
    "Extract a draft plan file (format v1, with line citations) from a plan document.": "从规划文本中提取规划文件草稿（格式 v1，附行号出处）。",
    "The plan document: .txt, .md or .docx.": "规划文本：.txt、.md 或 .docx。",
    "Write the draft here (default: stdout).": "草稿写入此处（默认：标准输出）。",
    "The plan's id (default: the jurisdiction's code in the register of places, else made from the file name).": "规划 id（默认：辖区的行政区划代码，名录中没有时由文件名生成）。",
    "Id of a plan this one must conform to; repeatable.": "本规划须符合的上级规划 id，可重复。",
    "national, province, city or county (default: from the name).": "national、province、city 或 county（默认：由名称判断）。",
    "Extra rule directory (vocabularies); repeatable.": "附加规则目录（词表），可重复。",
    "Write a synthetic nation of plan files with planted violations and a manifest listing them.": "生成一套合成的全国规划文件，植入违规并附清单。",
    "Directory to write plans/ and manifest.json into.": "写入 plans/ 与 manifest.json 的目录。",
    "Provinces (default 31).": "省级单位数（默认 31）。",
    "Average cities per non-municipal province (default 12.33: 333 cities).": "非直辖市省份平均地市数（默认 12.33：共 333 个）。",
    "Average counties per city (default 8.22; a municipality has about 3× as many districts).": "每个地市平均县区数（默认 8.22；直辖市的区县约为其 3 倍）。",
    "Provinces that are municipalities, without cities (default 4 of 31).": "直辖市数（无地市级，默认 31 个中 4 个）。",
    "The whole nation scaled (0.25, 0.5, 1): every level alike. Excludes the options above.": "按比例缩放全国规模（0.25、0.5、1），各级同比；不与上述选项同用。",
    "Random seed: the same seed writes the same files.": "随机种子：相同种子生成相同文件。",
    "Violations planted per rule.": "每条规则植入的违规数。",
    "RULE=N: plant N violations of RULE (repeatable; overrides --violations).": "RULE=N：为该规则植入 N 处违规（可重复；优先于 --violations）。",
    "Replace a synthetic nation already in the output directory.": "覆盖输出目录中已有的合成规划。",
    "Instead of a nation, write N plan documents (.txt and .docx in varied house styles) with an answer key beside each (NNN.expected.json), to test `planlint extract`.": "改为生成 N 份规划文本（多种版式的 .txt 与 .docx），各附答案（NNN.expected.json），用于测试 `planlint extract`。",
    "Also write N clean mining rights (rights.csv) for the nation, then more rights carrying --violations breaches per rights rule (listed in the manifest), to test and time `planlint check-rights`.": "同时为合成规划生成 N 个无违规的采矿权（rights.csv），另加按每条采矿权规则 --violations 处埋入违规的采矿权（列入清单），用于测试 `planlint check-rights` 及其用时。",
    "Test a rule pack against case files: the findings each case expects, and no others.": "用案例文件测试规则包：每个案例应出现的问题，且不多不少。",
    "A rule directory (packs/*.yaml, vocabulary/*.yaml).": "规则目录（packs/*.yaml、vocabulary/*.yaml）。",
    "A directory of case files (*.yaml).": "案例文件目录（*.yaml）。",
    "Check every plan against each of its ancestors and itself, and report the findings.\n\nA plan document among the paths (DRAFT.docx, .txt, .md) is extracted in memory, its answers\n(DRAFT.planlint.yaml) applied, and judged against the other paths' plans (default: the bundled ones).": "逐一对照各上级规划及自身检查每个规划，并报告问题。\n\n路径中的规划文本（DRAFT.docx、.txt、.md）在内存中提取，套用其答复文件（DRAFT.planlint.yaml），再对照其他路径中的规划（默认：随附规划）检查。",
    "For a plan document: the id of the plan it must conform to (default: found from its jurisdiction); repeatable.": "规划文本须符合的上级规划 id（默认：按其行政区查找），可重复。",
    "The plans above this one (default: the bundled plans/); repeatable.": "本规划的上级规划（默认：随附的 plans/），可重复。",
}
PANELS_ZH = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "REQUIRED_LONG_STRING": "[必填]",
    "DEFAULT_STRING": "[默认：{}]",
}


def help_texts(command: Any) -> list[str]:
    """Every help text of a click command tree (commands, their short help, arguments and options)."""
    texts = [t for t in (command.help, getattr(command, "short_help", None)) if t]
    texts += [p.help for p in command.params if getattr(p, "help", None)]
    for sub in getattr(command, "commands", {}).values():
        texts += help_texts(sub)
    return texts


@contextmanager
def translated(command: Any) -> Iterator[None]:
    """The Chinese help texts in a click command tree, typer's panel titles, the plain help's headings and
    usage line and the --help option, for the time of one run (the English ones are put back after it)."""
    import typer.core
    import typer.rich_utils as rich_utils

    changed: list[tuple[Any, str, Any]] = []

    def put(target: Any, name: str, value: Any) -> None:
        changed.append((target, name, getattr(target, name)))
        setattr(target, name, value)

    for item in _commands(command):
        for target in (item, *item.params):
            for name in ("help", "short_help"):
                text = getattr(target, name, None)
                if text in HELP_ZH:
                    put(target, name, HELP_ZH[text])
        for name, value in USAGE_ZH.items():
            if getattr(item, name, None) is not None:
                put(item, name, value)
    for name, value in PANELS_ZH.items():
        put(rich_utils, name, value)
    put(typer.core, "_", _chinese_marker)  # the plain help's [default: …] and [required]
    put(
        typer.core.TyperArgument,
        "_usage_display_name",
        _usage_name(typer.core.TyperArgument._usage_display_name),
    )
    for kind in (typer.core.TyperCommand, typer.core.TyperGroup):
        put(kind, "get_help_option", _chinese_help_option(kind.get_help_option))
    formatter = typer.core.TyperGroup.context_class.formatter_class
    put(formatter, "write_heading", _chinese_heading(formatter.write_heading))
    put(formatter, "write_usage", _chinese_usage(formatter.write_usage))
    try:
        yield
    finally:
        for target, name, value in reversed(changed):
            setattr(target, name, value)


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


# The plain help's headings (typer's rich panels are PANELS_ZH).
HEADINGS_ZH = {"Arguments": "参数", "Options": "选项", "Commands": "命令"}
# The usage line's placeholders, per command (click's options_metavar, a group's subcommand_metavar).
USAGE_ZH = {"options_metavar": "[选项]", "subcommand_metavar": "命令 [参数]..."}
# The markers typer adds after an option's help in the plain help (it words them with gettext's `_`).
MARKERS_ZH = {
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
}


def _chinese_marker(text: str) -> str:
    return MARKERS_ZH.get(text, text)


def _usage_name(plain: Any) -> Any:
    """An argument in the usage line: a required one bare (`ID`, not typer's `{ID}`), an optional one in []."""

    def usage_display_name(self: Any) -> str:
        name = str(plain(self))
        return name[1:-1] if name.startswith("{") and name.endswith("}") else name

    return usage_display_name


def _chinese_heading(plain: Any) -> Any:
    def write_heading(self: Any, text: str) -> None:
        plain(self, HEADINGS_ZH.get(text, text))

    return write_heading


def _chinese_usage(plain: Any) -> Any:
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        plain(self, prog, args, "用法：" if prefix is None else prefix)

    return write_usage


def _chinese_help_option(plain: Any) -> Any:
    def help_option(self: Any, ctx: Any) -> Any:
        option = plain(self, ctx)
        if option is not None:
            option.help = HELP_ZH["Show this message and exit."]
        return option

    return help_option
