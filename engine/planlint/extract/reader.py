"""Read a plan document into numbered lines and, where the format has them, real tables.

`.txt` and `.md` are read as they are: one paragraph a line, tables flattened one cell a line (or, in
Markdown, as pipe tables). A `.docx` is rendered into the same shape, paragraphs one a line and each table
row as tab-indented cells followed by a blank line, so that a citation is a line of that rendering; its
tables are also kept as real rows (merged cells repeat their text in every row they span).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planlint.errors import PlanlintError
from planlint.files import read_regular
from planlint.loader import PLAN_DOCUMENT_SUFFIXES

# Size limits of `extract` (docs/extract.md). A plan document is a fraction of each (the seeds are about
# 20,000 characters, a Word plan a few thousand paragraphs); beyond them a document is refused, not read for
# minutes. Reading is linear in the size: about 1 MB of text a second (bench/extract_scaling.py).
MAX_TEXT_CHARS = 500_000
MAX_DOCX_BYTES = 64 * 1024 * 1024
MAX_DOCX_XML_BYTES = 50_000_000
MAX_DOCX_PARAGRAPHS = 20_000


@dataclass(frozen=True)
class Cell:
    text: str
    line: int


@dataclass
class Table:
    """A table as read: caption (专栏N …), its rows of cells, the notes under it, and the lines it covers."""

    caption: str
    caption_line: int
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[Cell] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    rows_known: bool = True  # False: a flattened table whose row ends were lost (cells only)


@dataclass
class Document:
    """The lines of a document (line 1 is lines[0]) and the tables read natively (docx, md)."""

    path: Path
    lines: list[str]
    tables: list[Table] = field(default_factory=list)
    native_tables: bool = False
    converted: str | None = None  # how the text was converted before reading (Traditional → Simplified)
    # line → outline level, from Word's styles and numbering
    headings: dict[int, int] = field(default_factory=dict)
    # line → where it is in Word terms (第12段, 表2第3行)
    locators: dict[int, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name


def read_document(path: Path) -> Document:
    """Read a .txt, .md or .docx plan document; bad input is a PlanlintError (exit 2)."""
    if not path.exists():
        raise PlanlintError("no such file", path=path, zh="文件不存在")
    if path.is_dir():
        raise PlanlintError("is a directory, not a document", path=path, zh="是目录而不是文档")
    suffix = path.suffix.lower()
    if suffix not in PLAN_DOCUMENT_SUFFIXES:
        raise PlanlintError(
            f"unsupported document type {suffix or '(none)'!r}: use .txt, .md or .docx",
            path=path,
            zh=f"不支持的文档类型 {suffix or '（无扩展名）'!r}：请用 .txt、.md 或 .docx",
        )
    # A UTF-8 or GB18030 character is at most 4 bytes: more bytes than this is more characters than allowed.
    data = read_regular(path, MAX_DOCX_BYTES if suffix == ".docx" else 4 * MAX_TEXT_CHARS)
    if not data.strip():
        raise PlanlintError("the document is empty", path=path, zh="文档为空")
    document = _read_docx(path) if suffix == ".docx" else Document(path, _text_lines(data, path))
    return _simplified(document)


def _text_lines(data: bytes, path: Path) -> list[str]:
    text = _decode(data, path)
    if len(text) > MAX_TEXT_CHARS:
        raise _too_large(path, f"{len(text):,} characters", f"{MAX_TEXT_CHARS:,} characters")
    return text.splitlines()


def _too_large(path: Path, size: str, limit: str) -> PlanlintError:
    return PlanlintError(
        f"document too large for extract ({size}; the limit is {limit}): split it, or extract its parts",
        path=path,
        zh=f"文档过大（{size}；上限 {limit}），请拆分后分别提取",
    )


# Characters only Traditional Chinese writes (their Simplified forms differ), common in a plan's title and body.
_TRADITIONAL = frozenset(
    "礦產資總體規劃開發區縣與為於這個們門見長東來說點當條變無規劃採礦權審評價數據環護綠層鐵銅鋁鋅鉛"
)


def _simplified(document: Document) -> Document:
    """A Traditional-character document converted to Simplified (OpenCC t2s), line by line; else as read."""
    sample = "".join(document.lines[:400])
    traditional = sum(1 for ch in sample if ch in _TRADITIONAL)
    if traditional < 5:
        return document
    try:
        import opencc
    except ImportError:
        raise PlanlintError(
            f"the document is written in Traditional characters ({traditional} such as "
            f"{''.join(sorted({ch for ch in sample if ch in _TRADITIONAL})[:6])}) and the converter is missing: "
            "pip install opencc, or convert the document to Simplified characters first",
            path=document.path,
            zh="文档为繁体字，缺少转换工具：请 pip install opencc，或先将文档转为简体字",
        ) from None
    converter = opencc.OpenCC("t2s")
    convert = converter.convert
    document.lines = [convert(line) for line in document.lines]
    for table in document.tables:
        table.caption = convert(table.caption)
        table.rows = [[Cell(convert(c.text), c.line) for c in row] for row in table.rows]
        table.notes = [Cell(convert(c.text), c.line) for c in table.notes]
    document.converted = "Traditional characters converted to Simplified (OpenCC t2s) before reading"
    return document


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise PlanlintError(
            "a binary file, not a text document (expected UTF-8 text)",
            path=path,
            zh="是二进制文件而不是文本文档（应为 UTF-8 文本）",
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    raise PlanlintError(
        "not a text document: cannot decode it as UTF-8 (or GB18030) text",
        path=path,
        zh="不是文本文档：无法按 UTF-8（或 GB18030）解码",
    )


def _mostly_text(text: str) -> bool:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad <= max(2, len(sample) // 100)


def _refuse_inflated(path: Path) -> None:
    """Refuse a .docx whose main part unpacks to more than MAX_DOCX_XML_BYTES, before parsing it."""
    try:
        with zipfile.ZipFile(path) as package:
            size = package.getinfo("word/document.xml").file_size
    except (zipfile.BadZipFile, KeyError, OSError):
        return  # python-docx says what is wrong with the package
    if size > MAX_DOCX_XML_BYTES:
        raise _too_large(path, f"{size / 1e6:.0f} MB of text and markup", f"{MAX_DOCX_XML_BYTES // 10**6} MB")


def _read_docx(path: Path) -> Document:
    try:
        import docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - python-docx is a declared extra
        raise PlanlintError(
            "reading .docx needs python-docx: pip install 'planlint[docx]'",
            path=path,
            zh="读取 .docx 需要 python-docx：pip install 'planlint[docx]'",
        ) from None
    _refuse_inflated(path)
    try:
        word = docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a bad package
        raise PlanlintError(
            f"not a readable Word document ({type(error).__name__})",
            path=path,
            zh=f"无法读取的 Word 文档（{type(error).__name__}）",
        ) from None
    blocks = len(word.element.body)
    if blocks > MAX_DOCX_PARAGRAPHS:
        raise _too_large(path, f"{blocks:,} paragraphs and tables", f"{MAX_DOCX_PARAGRAPHS:,}")
    document = Document(path, [], [], native_tables=True)
    styles: dict[str | None, Any] = {}
    lines = document.lines
    paragraphs = 0
    for element in word.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, word)
            lines.append(paragraph.text)
            paragraphs += 1
            document.locators[len(lines)] = f"第{paragraphs}段"
            level = _outline_level(paragraph, styles)
            if level is not None and paragraph.text.strip():
                document.headings[len(lines)] = level
        elif tag == "tbl":
            start = len(lines)
            table = _render_table(DocxTable(element, word), lines)
            document.tables.append(table)
            _locate_rows(document, table, start)
    return document


_SENTENCE_MARKS = re.compile(r"[。；;，,：:]")


def _style(paragraph: Any, styles: dict[str | None, Any]) -> Any:
    """The paragraph's style, looked up once per style id (python-docx scans every style on each lookup)."""
    style_id = paragraph._p.style
    if style_id not in styles:
        styles[style_id] = paragraph.style
    return styles[style_id]


def _outline_level(paragraph: Any, styles: dict[str | None, Any]) -> int | None:
    """A heading's outline level from Word: a Heading/标题 style, an outline level, or automatic numbering.

    Automatic numbering (numPr) on a short paragraph without sentence punctuation is a numbered heading
    whose number Word draws but the text does not hold; on a sentence it is a list item, not a heading.
    """
    style = _style(paragraph, styles)
    name = (style.name or "") if style is not None else ""
    match = re.match(r"^(?:heading|标题)\s*(\d)$", name.strip(), re.IGNORECASE)
    if match:
        return int(match.group(1))
    properties = paragraph._p.pPr
    outline = _xml_val(properties, "outlineLvl") if properties is not None else None
    if outline is None and style is not None and style.element.pPr is not None:
        outline = _xml_val(style.element.pPr, "outlineLvl")
    if outline is not None and outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    number = properties.numPr if properties is not None else None
    text = paragraph.text.strip()
    if number is not None and text and len(text) <= 30 and not _SENTENCE_MARKS.search(text):
        level = number.ilvl.val if number.ilvl is not None else 0
        return int(level) + 1
    return None


def _xml_val(properties: Any, tag: str) -> str | None:
    from docx.oxml.ns import qn

    found = properties.find(qn(f"w:{tag}"))
    return found.get(qn("w:val")) if found is not None else None


def _locate_rows(document: Document, table: Table, start: int) -> None:
    """Every line of a table's rendering: 表N第R行 (the caption row of a boxed table is row 1)."""
    number = len(document.tables)
    first = 2 if table.caption_line > start else 1  # the caption is the table's own first row
    row_of_line: dict[int, int] = {}
    for index, cells in enumerate(table.rows, start=first):
        for cell in cells:
            row_of_line[cell.line] = index
    for line in range(start + 1, len(document.lines) + 1):
        word_row = row_of_line.get(line)
        document.locators[line] = f"表{number}第{word_row}行" if word_row else f"表{number}"


_NOTE_ABOVE = re.compile(r"^\s*(注|备注|说明|单位|资料来源)\s*[：:\d]")
_CAPTION_ABOVE = re.compile(r"^\s*(专栏|表)\s*[0-9０-９一二三四五六七八九十]+")


def _caption_above(lines: list[str]) -> tuple[str, int, list[Cell]]:
    """The caption above a table, looking past notes (注：… / 单位：…) set between caption and table."""
    notes: list[Cell] = []
    seen = 0
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].strip()
        if not text:
            continue
        seen += 1
        if _CAPTION_ABOVE.match(text) and len(text) <= 60:
            return text, index + 1, notes
        if seen > 3 or not _NOTE_ABOVE.match(text):
            break
        notes.insert(0, Cell(text, index + 1))
    return "", 0, []


def _render_table(table: Any, lines: list[str]) -> Table:
    """Append the table's rows to `lines` (tab-indented cells, a blank line after each row)."""
    caption, caption_line, notes = _caption_above(lines)
    result = Table(caption, caption_line, first_line=len(lines) + 1, notes=notes)
    for row in table.rows:
        cells: list[str] = []
        last = None
        for cell in row.cells:
            if last is not None and cell._tc is last:  # a cell merged across columns: once
                continue
            last = cell._tc
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if not caption and cells and all(c == cells[0] for c in cells) and cells[0].startswith("专栏"):
            caption, caption_line = cells[0], len(lines) + 1
            lines.append(cells[0])
            lines.append("")
            continue
        row_cells = []
        for text in cells:
            lines.append("\t" + text)
            row_cells.append(Cell(text, len(lines)))
        lines.append("")
        result.rows.append(row_cells)
    result.caption, result.caption_line = caption, caption_line or result.first_line
    result.last_line = len(lines)
    return result
