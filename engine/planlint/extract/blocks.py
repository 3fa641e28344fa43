"""Find the boxed tables (专栏N) in flattened text and cut them into rows of cells.

Two flattenings occur. *Rows*: each cell on its own tab-indented line, a blank line after each row, a
tab-only line for an empty cell, and an unindented line continuing the cell above (a line break inside a
cell). *Cells*: each cell a paragraph of its own, blank lines between all of them, so row ends are lost.
Markdown pipe tables are read as rows directly.
"""

from __future__ import annotations

import re

from planlint.extract.lexicon import ZONE_SUFFIXES
from planlint.extract.reader import Cell, Document, Table

CAPTION = re.compile(r"^[\s#*>]*专栏\s*[0-9０-９一二三四五六七八九十]+")
TABLE_ID = re.compile(r"专栏\s*([0-9０-９一二三四五六七八九十]+)")
HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十\d]+[章节]|[一二三四五六七八九十]+\s*[、．.]|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+\s*[．.、](?!\d)|——)"
)
LIST_ROW = re.compile(r"^[^，。；]{2,24}[（(]\d+[个处种项][)）]\s*[：:]")
NOTE = re.compile(r"^\s*(注|备注|说明)\s*[：:\d]")


def table_id(caption: str) -> str:
    match = TABLE_ID.search(caption)
    return f"专栏{match.group(1)}" if match else caption.strip()[:12]


def find_tables(document: Document) -> list[Table]:
    """The document's tables: native ones (docx), pipe tables (md), and 专栏 boxes in flattened text."""
    if document.native_tables:
        for table in document.tables:
            table.notes.extend(_notes_after(document.lines, table.last_line))
        return document.tables
    tables: list[Table] = []
    lines = document.lines
    index = 0
    while index < len(lines):
        if (
            CAPTION.match(lines[index])
            and not _is_reference(lines[index])
            and not _pipe_follows(lines, index)
        ):
            table = _box(lines, index)
            tables.append(table)
            index = table.last_line
            continue
        if lines[index].lstrip().startswith("|"):
            pipe = _pipe_table(lines, index)
            if pipe is not None:
                tables.append(pipe)
                index = pipe.last_line
                continue
        index += 1
    return tables


def _pipe_follows(lines: list[str], index: int) -> bool:
    """A caption above a Markdown pipe table: the table is read with its caption by `_pipe_table`."""
    following = next((line for line in lines[index + 1 : index + 4] if line.strip()), "")
    return following.lstrip().startswith("|")


def _is_reference(line: str) -> bool:
    """'专栏3 所列…' inside a sentence is a reference, not a caption: captions are short."""
    return len(line.strip()) > 80


def _notes_after(lines: list[str], last_line: int) -> list[Cell]:
    notes = []
    for number in range(last_line + 1, min(last_line + 4, len(lines)) + 1):
        text = lines[number - 1].strip()
        if NOTE.match(text):
            notes.append(Cell(text, number))
        elif text:
            break
    return notes


def _names_zone(text: str) -> bool:
    """'1.方城县黄家庄重点开采区。' names a zone; '6．开采规划区块' is only a heading."""
    name = HEADING.sub("", text).strip().rstrip("。．.")
    kind_suffix = next((s for s, _ in ZONE_SUFFIXES if name.endswith(s)), None)
    return kind_suffix is not None and len(name) - len(kind_suffix) >= 2


def _ends_box(text: str, raw: str, previous: str = "") -> bool:
    """Whether an unindented line is body text after a box rather than a cell of it."""
    if raw.startswith("\t") or not text:
        return False
    text = text.lstrip("#").strip()
    if raw[:1] in (" ", "\u3000") and len(text) < 40:  # a centred heading
        return True
    if NOTE.match(text) or LIST_ROW.match(text):
        return False
    if CAPTION.match(text):
        return True
    if HEADING.match(text):
        return not _names_zone(text)
    if text.endswith("。") and len(text) >= 20 and not _names_zone(previous):
        return True  # a sentence of body text (not the detail of a zone listed just above)
    return len(text) >= 40


def _after_gap(lines: list[str], index: int) -> bool:
    """An unindented line after two blank lines: body text after the box (rows are separated by one)."""
    raw = lines[index]
    return (
        bool(raw.strip())
        and not raw.startswith("\t")
        and not NOTE.match(raw)
        and index >= 2
        and not lines[index - 1].strip("\r\n")
        and not lines[index - 2].strip("\r\n")
    )


def _box(lines: list[str], start: int) -> Table:
    caption = lines[start].strip().lstrip("#*> ").rstrip("*")
    index = start + 1
    # A caption broken over two lines continues on the very next line.
    if index < len(lines) and lines[index].strip() and not lines[index].startswith("\t"):
        following = lines[index].strip()
        if not NOTE.match(following) and not HEADING.match(following) and len(following) < 60:
            caption += following
            index += 1
    body: list[tuple[int, str]] = []
    previous = ""
    while index < len(lines):
        raw = lines[index]
        if _ends_box(raw.strip(), raw, previous) or _after_gap(lines, index):
            break
        body.append((index + 1, raw))
        previous = raw.strip() or previous
        index += 1
    while body and not body[-1][1].strip():
        body.pop()
    table = Table(caption, start + 1, first_line=start + 1, last_line=body[-1][0] if body else start + 1)
    indented = sum(1 for _, raw in body if raw.startswith("\t") and raw.strip())
    texts = sum(1 for _, raw in body if raw.strip())
    if texts and indented * 2 >= texts:
        _cut_rows(body, table)
    else:
        _cut_cells(body, table)
    return table


def _cut_rows(body: list[tuple[int, str]], table: Table) -> None:
    rows: list[list[Cell]] = []
    current: list[Cell] = []
    closed_by_blank = False
    for number, raw in body:
        text = raw.strip()
        if not raw.strip("\r\n"):  # a truly blank line ends the row
            if current:
                rows.append(current)
                current = []
                closed_by_blank = True
            continue
        if raw.startswith("\t"):
            current.append(Cell(text, number))
            continue
        if NOTE.match(text):
            table.notes.append(Cell(text, number))
            continue
        if LIST_ROW.match(text) or HEADING.match(text) or len(text) >= 24 or re.search("[。，；]", text):
            if current:
                rows.append(current)
            rows.append([Cell(text, number)])
            current = []
            closed_by_blank = False
            continue
        # A line break inside a cell: continue the last cell, reopening its row if a blank closed it.
        if not current and rows and closed_by_blank:
            current = rows.pop()
        if current:
            last = current[-1]
            current[-1] = Cell(last.text + text, last.line)
        else:
            current.append(Cell(text, number))
        closed_by_blank = False
    if current:
        rows.append(current)
    table.rows = rows


def _cut_cells(body: list[tuple[int, str]], table: Table) -> None:
    cells: list[Cell] = []
    for number, raw in body:
        text = raw.strip()
        if not text:
            continue
        if NOTE.match(text):
            table.notes.append(Cell(text, number))
        else:
            cells.append(Cell(text, number))
    table.rows = [cells]
    table.rows_known = False


def _pipe_table(lines: list[str], start: int) -> Table | None:
    rows: list[list[Cell]] = []
    index = start
    while index < len(lines) and lines[index].lstrip().startswith("|"):
        parts = lines[index].strip().strip("|").split("|")
        cells = [Cell(p.strip(), index + 1) for p in parts]
        if not all(re.fullmatch(r":?-{2,}:?", c.text) for c in cells if c.text):
            rows.append(cells)
        index += 1
    if len(rows) < 2:
        return None
    caption, caption_line = "", start + 1
    for back in range(start - 1, max(start - 4, -1), -1):
        text = lines[back].strip().lstrip("#").strip()
        if CAPTION.match(text):
            caption, caption_line = text, back + 1
            break
        if text:
            break
    table = Table(caption, caption_line, rows, first_line=start + 1, last_line=index)
    table.notes.extend(_notes_after(lines, index))
    return table
