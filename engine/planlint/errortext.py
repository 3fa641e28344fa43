"""Chinese for the English other libraries put in their errors: PyYAML's (and libyaml's) problems, the OS's.

planlint's own errors carry both languages where they are raised (`PlanlintError(..., zh=...)`) and
pydantic's are worded in `validation.py`; this module words the rest. An unknown text keeps the original,
quoted, after a Chinese sentence.
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
