"""PDF reader (pdfplumber for text and tables, pypdf for the encryption check).

A PDF has no paragraphs or headings, only positioned characters, so structure is inferred:
- lines come from pdfplumber; a paragraph ends where the vertical gap to the next line is
  larger than ordinary line spacing, where the font size changes, or before a list marker;
- a heading is a line set larger than the body text (the most common size in the document);
  larger sizes are higher levels. A bold line at body size counts only when it also looks
  like a heading by the plain-text rules (numbered, "Annex B", ALL CAPS...); it goes below
  every size-based level, deeper by its numbering ("2.1" one deeper than "2.");
- ruled tables found by pdfplumber become TABLE_CELL blocks, and their characters are removed
  from the page text so nothing is emitted twice.
Every block carries its page number. A PDF with no text layer is refused rather than read as
an empty document, because "no findings" for a scanned IIA would be wrong.
"""
from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ..errors import InputError
from .blocks import BlockBuilder, Cell, Grid
from .limits import Limits, corrupt
from .text import LIST_MARK, heading_level

_HEADING_RATIO = 1.15   # a line this much larger than body text is a heading
_GAP_RATIO = 0.8        # a gap above a line larger than this × font size starts a paragraph


@dataclass
class _Line:
    text: str
    page: int
    top: float
    bottom: float
    size: float
    bold: bool
    right: float = 0.0  # x of the line's last character


@dataclass
class _Table:
    page: int
    top: float
    grid: Grid


@dataclass
class _Page:
    number: int
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)


def read_pdf(path: str, data: bytes, builder: BlockBuilder, limits: Limits) -> dict[str, str]:
    """Reader entry point for .pdf files (see `eia_rules.readers.read_document`)."""
    properties = _check_encryption(path, data)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.max_pdf_pages:
                raise InputError(path, f"the PDF has {len(pdf.pages)} pages (the limit is {limits.max_pdf_pages})")
            pages = [_read_page(page) for page in pdf.pages]
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for damaged files
        raise corrupt(path, "PDF", exc) from None
    if not any(p.lines or p.tables for p in pages):
        raise InputError(path, f"no extractable text (scanned?): none of the {len(pages)} page(s) has a text "
                               "layer; export the PDF again from the original document or run it through OCR")
    _emit(pages, builder)
    return properties


def _check_encryption(path: str, data: bytes) -> dict[str, str]:
    """Refuse password-protected PDFs; return the document information (title, author)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "encrypted PDF (it needs a password to open; remove the password and try again)")
        info = reader.metadata or {}
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as exc:
        raise corrupt(path, "PDF", exc) from None
    names = {"/Title": "title", "/Author": "author", "/Subject": "subject",
             "/CreationDate": "created", "/ModDate": "modified"}
    return {key: str(info[name]).strip() for name, key in names.items()
            if info.get(name) and str(info[name]).strip()}


def _inside(obj: dict[str, Any], boxes: Iterable[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _may_have_duplicates(chars: list[dict[str, Any]], reach: float = 2.0) -> bool:
    """Whether any two characters with the same text lie within `reach` points of each other
    both across and down: the overprinted copies (fake bold, shadows) that dedupe_chars removes.

    pdfplumber's dedupe_chars (tolerance 1) puts its result back in order with list.index, so
    it is quadratic in the characters of a page: seconds for an ordinary page of prose. Most
    PDFs have no overprinting, so this linear check (a grid of `reach`-point cells) spares
    them the call; `reach` is twice pdfplumber's tolerance so that chains of near neighbours,
    which its clustering also merges, still send the page to dedupe_chars.
    """
    cells: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    for char in chars:
        text, x, y = char.get("text", ""), char["x0"], char["doctop"]
        cx, cy = int(x // reach), int(y // reach)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for ox, oy in cells.get((text, cx + dx, cy + dy), ()):
                    if abs(ox - x) <= reach and abs(oy - y) <= reach:
                        return True
        cells.setdefault((text, cx, cy), []).append((x, y))
    return False


def _read_page(page: Any) -> _Page:
    if _may_have_duplicates(page.chars):
        page = page.dedupe_chars()
    result = _Page(page.page_number)
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    for table in tables:
        grid: Grid = [[Cell(text, page=page.page_number) if text is not None else None for text in row]
                      for row in table.extract()]
        if any(cell is not None and cell.text.strip() for row in grid for cell in row):
            result.tables.append(_Table(page.page_number, table.bbox[1], grid))
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) \
        if boxes else page
    for line in text_page.extract_text_lines(return_chars=True):
        chars = [c for c in line["chars"] if c.get("text", "").strip()]
        if not chars or not line["text"].strip():
            continue
        sizes = Counter(round(c["size"] * 2) / 2 for c in chars)
        bold = all("bold" in str(c.get("fontname", "")).lower() for c in chars)
        result.lines.append(_Line(line["text"], page.page_number, line["top"], line["bottom"],
                                  sizes.most_common(1)[0][0], bold, line["x1"]))
    return result


def _body_size(pages: list[_Page]) -> float:
    counts: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            counts[line.size] += len(line.text)
    return counts.most_common(1)[0][0] if counts else 0.0


def _emit(pages: list[_Page], builder: BlockBuilder) -> None:
    body = _body_size(pages)
    heading_sizes = sorted({ln.size for p in pages for ln in p.lines if ln.size > body * _HEADING_RATIO},
                           reverse=True)
    for page in pages:
        items: list[tuple[float, _Table | list[_Line]]] = [(t.top, t) for t in page.tables]
        items += [(group[0].top, group) for group in _groups(page.lines)]
        for _, item in sorted(items, key=lambda pair: pair[0]):
            if isinstance(item, _Table):
                builder.table(item.grid)
            else:
                _emit_group(item, builder, heading_sizes)


def _line_heading(line: _Line, heading_sizes: list[float]) -> int | None:
    if line.size in heading_sizes:
        return heading_sizes.index(line.size) + 1
    if line.bold:
        numbered = heading_level(line.text.strip(), alone=True)
        if numbered is not None:
            return len(heading_sizes) + max(numbered, 1)
    return None


def _groups(lines: list[_Line]) -> list[list[_Line]]:
    """Lines gathered into paragraphs by spacing, size and list markers."""
    groups: list[list[_Line]] = []
    margin = max((ln.right for ln in lines), default=0.0)
    for line in lines:
        previous = groups[-1][-1] if groups else None
        if (previous is None or line.size != previous.size or line.bold != previous.bold
                or line.top - previous.bottom > _GAP_RATIO * line.size
                or (LIST_MARK.match(line.text) and not _wrapped_onto(groups[-1], margin))):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _wrapped_onto(group: list[_Line], margin: float) -> bool:
    """Whether the next line continues this paragraph even though it starts like a list item:
    a sentence wrapped just before a dash ('...; involvement' / '- the objectives were...').
    It does when the paragraph is not itself a list item and its last line runs to the right
    margin without closing punctuation; a real list follows a line that ends early or with ':'."""
    last = group[-1]
    return (not LIST_MARK.match(group[0].text) and last.right >= margin - 3 * last.size
            and not last.text.rstrip().endswith((":", ".", ";", "!", "?")))


def _emit_group(group: list[_Line], builder: BlockBuilder, heading_sizes: list[float]) -> None:
    first = group[0]
    level = _line_heading(first, heading_sizes)
    if level is not None:
        builder.heading(" ".join(ln.text for ln in group), level, page=first.page)
        return
    text = " ".join(ln.text.strip() for ln in group)
    if LIST_MARK.match(first.text):
        builder.list_item(text, page=first.page)
    else:
        builder.paragraph(text, page=first.page)
