"""PDF reader: pypdfium2 parses the file, pdfplumber's layout code reads its characters.

A PDF has no paragraphs or headings, only positioned characters, so structure is inferred:
- characters, their boxes, sizes and fonts come from pdfium (pypdfium2), which reads a page
  in milliseconds where pdfminer (under pdfplumber) took most of a second; lines are then
  made by pdfplumber's own text-map code, run on those characters, so lines come out as before;
- a paragraph ends where the vertical gap to the next line is larger than ordinary line
  spacing, where the font size changes, or before a list marker;
- a heading is a line set larger than the body text (the most common size in the document);
  larger sizes are higher levels. A bold line at body size counts only when it also looks
  like a heading by the plain-text rules (numbered, "Annex B", ALL CAPS...); it goes below
  every size-based level, deeper by its numbering ("2.1" one deeper than "2.");
- ruled tables are found by pdfplumber's table finder from the ruling (the page's path
  objects, read through pdfium; a page without any is not searched) and become TABLE_CELL
  blocks; their characters are removed from the page text so nothing is emitted twice.
Every block carries its page number. A PDF with no text layer is refused rather than read as
an empty document, because "no findings" for a scanned IIA would be wrong.
"""
from __future__ import annotations

import ctypes
import itertools
from operator import itemgetter
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder, TableSettings
from pdfplumber.utils import chars_to_textmap, cluster_objects

from ..errors import InputError
from .blocks import BlockBuilder, Cell, Grid
from .limits import Limits, breach, corrupt
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
    document = _open(path, data)
    try:
        if len(document) > limits.max_pdf_pages:
            raise InputError(path, f"the PDF has {len(document)} pages (the limit is {limits.max_pdf_pages})")
        properties = _properties(document)
        pages: list[_Page] = []
        doctop = 0.0
        for number in range(1, len(document) + 1):
            page = document[number - 1]
            pages.append(_read_page(_PageObjects.read(path, page, number, doctop, limits)))
            doctop += page.get_height()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file fails in many places
        raise corrupt(path, "PDF", exc) from None
    finally:
        document.close()
    if not any(p.lines or p.tables for p in pages):
        raise InputError(path, f"no extractable text (scanned?): none of the {len(pages)} page(s) has a text "
                               "layer; export the PDF again from the original document or run it through OCR")
    _emit(pages, builder)
    return properties


def _open(path: str, data: bytes) -> pdfium.PdfDocument:
    """The parsed document; a password-protected or unreadable file is refused."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(path, "encrypted PDF (it needs a password to open; remove the password and try again)") \
                from None
        raise corrupt(path, "PDF", exc) from None


def _properties(document: pdfium.PdfDocument) -> dict[str, str]:
    """The document information: title, author, subject.

    /CreationDate and /ModDate are left out on purpose. They say when the PDF was exported
    (often for a committee pack, long after the assessment), not when the assessment was done,
    so taking one for the assessment date would hide GV003 on an undated assessment. The
    pdfplumber reader returned them as raw 'D:2024...' text, which no date parser read, so
    they were never used; now they are not read at all.
    """
    info = document.get_metadata_dict(skip_empty=True)
    return {key: str(info[name]).strip() for name, key in (("Title", "title"), ("Author", "author"),
                                                           ("Subject", "subject"))
            if str(info.get(name, "")).strip()}


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


def _dedupe_chars(chars: list[dict[str, Any]], tolerance: float = 1) -> list[dict[str, Any]]:
    """pdfplumber's `dedupe_chars` (same text, font and size within `tolerance` points: one
    kept, the first by position), with its result put back in page order through a table of
    positions instead of `list.index`, which made it quadratic: a second for a page of prose."""
    key = itemgetter("upright", "text", "fontname", "size")
    order = {id(c): i for i, c in enumerate(chars)}
    kept: list[dict[str, Any]] = []
    for _, group in itertools.groupby(sorted(chars, key=key), key=key):
        for y_cluster in cluster_objects(list(group), itemgetter("doctop"), tolerance):
            for x_cluster in cluster_objects(y_cluster, itemgetter("x0"), tolerance):
                kept.append(min(x_cluster, key=itemgetter("doctop", "x0")))
    return sorted(kept, key=lambda c: order[id(c)])


@dataclass
class _PageObjects:
    """What the layout code needs of one page, in pdfplumber's terms (top-down coordinates, the
    page's `doctop` offset): its characters and the edges of its ruling. It stands in for a
    pdfplumber page in the table finder, which reads only `chars`, `edges` and `bbox`."""

    page_number: int
    bbox: tuple[float, float, float, float]
    chars: list[dict[str, Any]]
    edges: list[dict[str, Any]]

    @classmethod
    def read(cls, path: str, page: pdfium.PdfPage, number: int, doctop: float, limits: Limits) -> _PageObjects:
        width, height = page.get_size()
        _check_text_size(path, number, "text objects", _text_objects(page), limits)  # before pdfium indexes them
        textpage = page.get_textpage()
        try:
            _check_text_size(path, number, "characters", pdfium_c.FPDFText_CountChars(textpage.raw), limits)
            chars = _chars(textpage, height, doctop)
        finally:
            textpage.close()
        return cls(number, (0.0, 0.0, width, height), chars, _edges(page, height, doctop))


def _text_objects(page: pdfium.PdfPage) -> int:
    """How many text objects the page draws: each shows at least one character, so a page with
    more of them than max_page_chars is refused before pdfium builds its text index, which takes
    about 150 bytes a character (a generated page of millions would exhaust the worker)."""
    raw = page.raw
    return sum(pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, i)) == pdfium_c.FPDF_PAGEOBJ_TEXT
               for i in range(pdfium_c.FPDFPage_CountObjects(raw)))


def _check_text_size(path: str, number: int, what: str, count: int, limits: Limits) -> None:
    if count > limits.max_page_chars:
        raise breach(path, f"page {number} of the PDF has too much text", f"{count:,} {what}",
                     f"{limits.max_page_chars:,}", "max_page_chars")


_FONT_NAME = ctypes.create_string_buffer(256)


def _chars(textpage: pdfium.PdfTextPage, height: float, doctop: float) -> list[dict[str, Any]]:
    """The page's characters as pdfplumber char dicts. pdfium's own additions (the spaces and
    line breaks it infers) are left out, as pdfminer never makes them; a line-ending hyphen,
    which pdfium reports as a mark, is the hyphen. As in pdfminer, a character's box runs
    across its advance and from the font's descent below the baseline to one font size above
    that, the same height for every letter of a font (a glyph's own box would set 'g' lower
    than 'a' and split words into lines)."""
    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    flags = ctypes.c_int()
    x, y = ctypes.c_double(), ctypes.c_double()
    descents: dict[tuple[int, float], float] = {}
    chars: list[dict[str, Any]] = []
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if pdfium_c.FPDFText_IsGenerated(raw, i) == 1 or code in (0, 10, 13, 0xFFFE):
            continue
        if code == 2:  # pdfium's mark for a hyphen that ends a line: the hyphen the page shows
            code = ord("-")
        size = pdfium_c.FPDFText_GetFontSize(raw, i)
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, box)
        pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
        pdfium_c.FPDFText_GetFontInfo(raw, i, _FONT_NAME, len(_FONT_NAME), flags)
        baseline = y.value + _descent(pdfium_c.FPDFText_GetTextObject(raw, i), size, descents)
        bottom = height - baseline
        top = bottom - size
        chars.append({"text": chr(code), "x0": box.left, "x1": box.right, "top": top, "bottom": bottom,
                      "doctop": doctop + top, "width": box.right - box.left, "height": size, "size": size,
                      "fontname": _FONT_NAME.value.decode("latin-1"), "upright": True, "object_type": "char"})
    return chars


def _descent(text_object: Any, size: float, known: dict[tuple[int, float], float]) -> float:
    """The (negative) descent of a text object's font at `size`, asked once per font and size."""
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    key = (ctypes.cast(font, ctypes.c_void_p).value or 0, size)
    if key not in known:
        value = ctypes.c_float()
        known[key] = value.value if font and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), value) else 0.0
    return known[key]


def _edges(page: pdfium.PdfPage, height: float, doctop: float) -> list[dict[str, Any]]:
    """The horizontal and vertical segments of the page's paths, as pdfplumber edges: what a
    table's ruling is drawn with (lines, rectangles, thin filled boxes)."""
    edges: list[dict[str, Any]] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
        matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFPageObj_GetMatrix(obj.raw, matrix)
        for p0, p1 in _segments(obj.raw, matrix):
            edge = _edge(p0, p1, height, doctop)
            if edge is not None:
                edges.append(edge)
    return edges


def _segments(path: Any, m: Any) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Consecutive point pairs of each subpath (closing ones included), in page space."""
    x, y = ctypes.c_float(), ctypes.c_float()
    pairs: list[tuple[tuple[float, float], tuple[float, float]]] = []
    start = previous = None
    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif previous is not None:
            pairs.append((previous, point))
        previous = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None and point != start:
            pairs.append((point, start))
            previous = start
    return pairs


def _edge(p0: tuple[float, float], p1: tuple[float, float], height: float, doctop: float) -> dict[str, Any] | None:
    (x0, y0), (x1, y1) = p0, p1
    if abs(x0 - x1) < 1e-3:
        orientation = "v"
    elif abs(y0 - y1) < 1e-3:
        orientation = "h"
    else:
        return None
    left, right = min(x0, x1), max(x0, x1)
    top, bottom = height - max(y0, y1), height - min(y0, y1)
    return {"object_type": "path_edge", "orientation": orientation, "x0": left, "x1": right, "top": top,
            "bottom": bottom, "doctop": doctop + top, "width": right - left, "height": bottom - top}


def _read_page(page: _PageObjects) -> _Page:
    if _may_have_duplicates(page.chars):
        page.chars = _dedupe_chars(page.chars)
    result = _Page(page.page_number)
    tables = TableFinder(page, TableSettings()).tables if page.edges else []
    boxes = [t.bbox for t in tables]
    for table in tables:
        # the finder's extract tests every character of the page against every row: give it
        # the table's own characters (a superset of those in its rows' boxes)
        table.page = replace(page, chars=[c for c in page.chars if _inside(c, [table.bbox])])
        grid: Grid = [[Cell(text, page=page.page_number) if text is not None else None for text in row]
                      for row in table.extract()]
        if any(cell is not None and cell.text.strip() for row in grid for cell in row):
            result.tables.append(_Table(page.page_number, table.bbox[1], grid))
    chars = [c for c in page.chars if not _inside(c, boxes)] if boxes else page.chars
    width, height = page.bbox[2], page.bbox[3]
    textmap = chars_to_textmap(chars, layout_bbox=page.bbox, layout_width=width, layout_height=height)
    for line in textmap.extract_text_lines(strip=True, return_chars=True):
        result.lines.append(_line(line, page.page_number))
    result.lines = [ln for ln in result.lines if ln is not None]
    return result


def _line(line: dict[str, Any], page: int) -> _Line | None:
    chars = [c for c in line["chars"] if c.get("text", "").strip()]
    if not chars or not line["text"].strip():
        return None
    sizes = Counter(round(c["size"] * 2) / 2 for c in chars)
    bold = all("bold" in str(c.get("fontname", "")).lower() for c in chars)
    return _Line(line["text"], page, line["top"], line["bottom"], sizes.most_common(1)[0][0], bold, line["x1"])


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
