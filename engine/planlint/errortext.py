"""Chinese for the English other libraries put in their errors: pydantic's error types, PyYAML's and libyaml's
problems, the OS's, typer's and click's usage errors. The one table of each.

planlint's own errors carry both languages where they are raised (`PlanlintError(..., zh=...)`, a
validator's `InvalidValue`); `validation.py`, `yamlio.py`, `files.py` and `cli/usage_zh.py` word the rest
from here. An unknown YAML problem keeps the original, quoted, after a Chinese sentence.
"""

from __future__ import annotations

import errno
import re

# PyYAML's and libyaml's problem texts → Chinese; the first pattern found in the text wins.
YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"mapping values are not allowed", "此处不能出现“键: 值”；检查缩进，或给含“: ”的值加引号"),
    (r"mapping keys are not allowed", "此处不能出现键；检查缩进"),
    (r"sequence entries are not allowed", "此处不能出现列表项“-”；检查缩进"),
    (r"could not find expected ':'", "找不到应有的冒号“:”；检查是否漏写冒号或引号未闭合"),
    (r"tab character", "缩进中有制表符；请用空格缩进"),
    (r"cannot start any token", "此处的字符不能作为值的开头（如制表符、@、`）；请给值加引号"),
    (r"expected <block end>|did not find expected key", "找不到应有的键；检查缩进是否对齐"),
    (r"expected '-' indicator", "找不到应有的列表项标记“-”；检查缩进"),
    (r"node content", "找不到应有的值"),
    (r"expected ',' or '\]'", "方括号列表未正确结束：缺少“,”或“]”"),
    (r"expected ',' or '\}'", "花括号映射未正确结束：缺少“,”或“}”"),
    (r"invalid indentation or unclosed", "缩进无效，或“[”“{”未闭合"),
    (r"unexpected end of stream", "文件意外结束：引号或括号未闭合"),
    (r"unknown escape character", "未知的转义字符（双引号中的“\\”）"),
    (r"escape|hexa?decimal", "转义序列中的十六进制数字无效"),
    (r"undefined alias", "引用了未定义的锚点（*别名）"),
    (r"duplicate anchor", "锚点（&）重复"),
    (r"alphabetic or numeric", "锚点或别名的名称应为字母或数字"),
    (r"unhashable key", "键不能是列表或映射"),
    (r"for merging", "合并键“<<”的值应为映射"),
    (r"constructor for the tag|tag handle|non-specific tag|expected '!'|tag uri|uri", "不支持的标签（!）"),
    (
        r"document start|another document|single document|document (indicator|separator)",
        "文件中只能有一个 YAML 文档",
    ),
    (r"comment or (a )?line break", "此处之后只能是注释或换行"),
    (r"expected ' '|whitespace", "此处应有空格"),
    (r"unexpected ':'", "出现意外的冒号“:”"),
    (r"indentation indicator|chomping", "块标量（| 或 >）的缩进标记无效"),
    (r"directive|version", "YAML 指令（%）无效"),
    (r"utf-8|utf-16|unicode|octet", "文本编码无效"),
    (r"control characters|unacceptable character|special characters", "含有不允许的字符"),
)
_YAML_PATTERNS = tuple((re.compile(pattern, re.IGNORECASE), zh) for pattern, zh in YAML_PROBLEMS)


def yaml_problem_zh(problem: str) -> str:
    """The Chinese of a PyYAML or libyaml problem text."""
    for pattern, zh in _YAML_PATTERNS:
        if pattern.search(problem):
            return zh
    return f"无法解析（{problem!r}）"


# errno → Chinese, for the OS errors a file or folder can meet.
OS_ERRORS: dict[int, str] = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许此操作",
    errno.EISDIR: "是目录而不是文件",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.ELOOP: "符号链接层数过多（可能成环）",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.EEXIST: "已存在",
    errno.EIO: "输入输出错误",
    errno.EBUSY: "设备或资源忙",
    errno.EMFILE: "打开的文件过多",
}


def os_error_zh(error: OSError) -> str:
    """The Chinese of an OS error (its `strerror`, by errno)."""
    known = OS_ERRORS.get(error.errno or 0)
    return known if known is not None else f"系统错误（errno {error.errno}）"


def os_error_en(error: OSError) -> str:
    """The English of an OS error: its `strerror`, else what it says."""
    return error.strerror or str(error)


# pydantic error type → the Chinese message; `{x}` is filled from the error's context. A `value_error` is
# our validators' `InvalidValue`, which carries its own Chinese.
PYDANTIC_ZH: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段",
    "string_type": "应为文字",
    "string_sub_type": "应为文字",
    "string_unicode": "应为有效的 Unicode 文字",
    "string_too_short": "不能为空",
    "string_too_long": "文字过长（至多 {max_length} 个字符）",
    "string_pattern_mismatch": "不符合格式 {pattern}",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_parsing_size": "整数超出范围",
    "int_from_float": "应为整数，不能有小数部分",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "set_type": "应为列表",
    "frozen_set_type": "应为列表",
    "iterable_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "invalid_key": "键应为文字",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "dataclass_type": "应为映射（键: 值）",
    "date_type": "应为日期（如 2025-12-31）",
    "date_parsing": "应为日期（如 2025-12-31）",
    "date_from_datetime_parsing": "应为日期（如 2025-12-31）",
    "date_from_datetime_inexact": "应为日期（如 2025-12-31）",
    "datetime_type": "应为日期时间（如 2025-12-31T00:00:00）",
    "datetime_parsing": "应为日期时间（如 2025-12-31T00:00:00）",
    "datetime_from_date_parsing": "应为日期时间（如 2025-12-31T00:00:00）",
    "literal_error": "应为以下之一：{expected}",
    "enum": "应为以下之一：{expected}",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "finite_number": "应为有限数值",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "至多 {max_length} 项",
    "union_tag_invalid": "应为以下之一：{expected_tags}",
    "union_tag_not_found": "缺少用于区分类型的字段 {discriminator}",
    "frozen_instance": "不可修改",
    "recursion_loop": "数据自我引用（成环）",
}


# typer's and click's usage messages → Chinese; `\1` ... keep the option, argument or value.
USAGE_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"No such option: (\S+) \(Possible options: (.+)\)", r"没有此选项：\1（是否应为：\2）"),
    (r"No such option: (\S+) Did you mean (\S+)\?", r"没有此选项：\1；是否应为 \2？"),
    (r"No such option: (\S+)", r"没有此选项：\1"),
    (r"No such option '(\S+)'\.", r"没有此选项：\1"),
    (r"Option '(.+)' requires an argument\.", r"选项 \1 需要一个值"),
    (r"Option '(.+)' requires (\d+) arguments\.", r"选项 \1 需要 \2 个值"),
    (r"Option '(.+)' does not take a value\.", r"选项 \1 不接受值"),
    (r"Missing argument '(.+)'\..*", r"缺少参数 \1"),
    (r"Missing option '(.+)'\..*", r"缺少选项 \1"),
    (r"Missing parameter: (.+)", r"缺少参数 \1"),
    (r"Missing command\.", "缺少命令"),
    (r"No such command '(.+)'\.", r"没有此命令：\1"),
    (r"Got unexpected extra arguments? ?(?:\(s\))? \((.+)\)", r"多余的参数：\1"),
)
# What is wrong with a value, after `Invalid value for '--x': `.
USAGE_VALUES: tuple[tuple[str, str], ...] = (
    (r"Input should be a valid integer.*", "应为整数"),
    (r"Input should be a valid number.*", "应为数字"),
    (r"Input should be a valid boolean.*", "应为 true 或 false"),
    (r"(?:Value )?('.*') is not a valid (?:integer|int)\.", r"\1 不是整数"),
    (r"(?:Value )?('.*') is not a valid (?:float|number)\.", r"\1 不是数字"),
    (r"('.*') is not one of (.+)\.", r"\1 不是以下之一：\2"),
    (r"('.*') is not (.+)\.", r"\1 不是 \2"),
    (r"(?:File|Directory|Path) ('.*') does not exist\.", r"\1 不存在"),
    (r"(?:File|Directory|Path) ('.*') is a file\.", r"\1 是文件"),
    (r"(?:File|Directory|Path) ('.*') is a directory\.", r"\1 是目录"),
)
_USAGE_MESSAGES = tuple((re.compile(pattern, re.DOTALL), zh) for pattern, zh in USAGE_MESSAGES)
_USAGE_VALUES = tuple((re.compile(pattern, re.DOTALL), zh) for pattern, zh in USAGE_VALUES)
_INVALID = re.compile(r"Invalid value(?: for (.+?))?: (.*)", re.DOTALL)


def usage_zh(message: str) -> str:
    """The Chinese of one of typer's usage messages (unchanged when no pattern matches)."""
    invalid = _INVALID.fullmatch(message)
    if invalid:
        where = f"{invalid.group(1)} 的值无效" if invalid.group(1) else "值无效"
        return f"{where}：{_first(_USAGE_VALUES, invalid.group(2))}"
    return _first(_USAGE_MESSAGES, message)


def _first(table: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str:
    for pattern, zh in table:
        if pattern.fullmatch(text):
            return pattern.sub(zh, text)
    return text


# The formats a field must match (pydantic's `pattern`), said in words with an example, not as the expression.
PATTERN_WORDS: dict[str, dict[str, str]] = {
    r"^PL[1-5]\d\d$": {
        "zh": "应为 PL 加三位数字，首位 1–5（如 PL451）",
        "en": "should be PL and three digits, the first 1–5 (e.g. PL451)",
    },
    r"^[a-z0-9]+(-[a-z0-9]+)*$": {
        "zh": "应为小写字母和数字，以 - 连接（如 cq-banan）",
        "en": "should be lower-case letters and digits joined by - (e.g. cq-banan)",
    },
}

# What a YAML file holds at the top instead of a mapping, by Python type name.
TOP_LEVEL: dict[str, dict[str, str]] = {
    "NoneType": {"zh": "文件为空", "en": "the file is empty"},
    "list": {"zh": "文件顶层是列表，不是键值映射", "en": "the file holds a list, not a mapping"},
}


def schema_found(data: object) -> dict[str, str]:
    """What a file that should name a planlint schema holds instead, in both languages: '未写 schema',
    "schema 为 'x'", or what its top level is (never Python's None or a type name)."""
    if isinstance(data, dict):
        found = data.get("schema")
        if found is None:
            return {"zh": "未写 schema", "en": "no schema given"}
        return {"zh": f"实为 {found!r}", "en": f"found {found!r}"}
    kind = TOP_LEVEL.get(type(data).__name__)
    if kind is not None:
        return kind
    return {"zh": "文件顶层不是键值映射", "en": "the file does not hold a mapping"}
