"""Read a plan document into numbered lines and, where the format has them, real tables.

`.txt` and `.md` are read as they are: one paragraph a line, tables flattened one cell a line (or, in
Markdown, as pipe tables). A `.docx` is rendered into the same shape, paragraphs one a line and each table
row as tab-indented cells followed by a blank line, so that a citation is a line of that rendering; its
tables are also kept as real rows (merged cells repeat their text in every row they span).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planlint.errors import PlanlintError

SUFFIXES = (".txt", ".md", ".docx")


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

    @property
    def name(self) -> str:
        return self.path.name


def read_document(path: Path) -> Document:
    """Read a .txt, .md or .docx plan document; bad input is a PlanlintError (exit 2)."""
    if not path.exists():
        raise PlanlintError("no such file", path=path)
    if path.is_dir():
        raise PlanlintError("is a directory, not a document", path=path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise PlanlintError(
            f"unsupported document type {suffix or '(none)'!r}: use .txt, .md or .docx", path=path
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PlanlintError(f"cannot read file: {error.strerror}", path=path) from None
    if not data.strip():
        raise PlanlintError("the document is empty", path=path)
    if suffix == ".docx":
        return _read_docx(path)
    return Document(path, _decode(data, path).splitlines())


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise PlanlintError("a binary file, not a text document (expected UTF-8 text)", path=path)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    raise PlanlintError("not a text document: cannot decode it as UTF-8 (or GB18030) text", path=path)


def _mostly_text(text: str) -> bool:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad <= max(2, len(sample) // 100)


def _read_docx(path: Path) -> Document:
    try:
        import docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - python-docx is a declared extra
        raise PlanlintError(
            "reading .docx needs python-docx: pip install 'planlint[docx]'", path=path
        ) from None
    try:
        word = docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a bad package
        raise PlanlintError(f"not a readable Word document ({type(error).__name__})", path=path) from None
    lines: list[str] = []
    tables: list[Table] = []
    for element in word.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(element, word).text)
        elif tag == "tbl":
            tables.append(_render_table(DocxTable(element, word), lines))
    return Document(path, lines, tables, native_tables=True)


def _render_table(table: Any, lines: list[str]) -> Table:
    """Append the table's rows to `lines` (tab-indented cells, a blank line after each row)."""
    caption, caption_line = "", 0
    previous = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if previous is not None and lines[previous].strip().startswith("专栏"):
        caption, caption_line = lines[previous].strip(), previous + 1
    result = Table(caption, caption_line, first_line=len(lines) + 1)
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
