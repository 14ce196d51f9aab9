"""Word (.docx) reader.

The package is opened with zipfile and its parts (the main document, its styles, the core
properties) parsed with lxml directly, by a parser that resolves no entities and reads nothing
from the network: python-docx parsed every part into its own element classes first, which took
half of reading a document. The body is walked on the element tree, because IIA
templates are forms: text sits in block- and run-level content controls (w:sdt), which
python-docx's `Paragraph.text` and `Document.paragraphs` skip; tables hold tables; and ticks
are legacy form fields or w14 check-box controls that carry no text at all. Each check box is
rendered as a glyph (☒ or ☐) where it sits, so the text reads as the officer saw it and the
shared builder derives `Block.checked` the same way for every format.

Text boxes are read after the paragraph that anchors them, once each (Word saves a drawn box
twice, as a drawing and as an older VML copy under mc:Fallback). Headers and footers are not
read: they carry the template's boilerplate (page numbers, template versions, classification),
which would be taken for the assessment's own dates and titles. Comments and tracked deletions
are not read either.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from lxml import etree

from ..model.glyphs import RENDERED_CHECKED, RENDERED_UNCHECKED, WORD_SYMBOLS
from .blocks import BlockBuilder, Cell, Grid, normalise
from .guards import MAX_GRID_COLUMNS, int_attr, resolve_inherited
from .limits import Limits, check_zip, corrupt
from .text import heading_level

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_TRUE = {"1", "true", "on"}
_CONTAINERS = {W + "sdt", W + "customXml", W + "smartTag"}
_SKIPPED_INLINE = {W + "pPr", W + "rPr", W + "sdtPr", W + "sdtEndPr", W + "del", W + "moveFrom"}


@dataclass(frozen=True)
class _Style:
    name: str
    outline: int | None  # 1-based heading level from the style's outline level
    numbered: bool


def read_docx(path: str, data: bytes, builder: BlockBuilder, limits: Limits) -> dict[str, str]:
    """Reader entry point for .docx files (see `eia_rules.readers.read_document`)."""
    archive = check_zip(path, data, limits)
    try:
        package = _Package(archive)
        document = package.part(package.main)
        styles = package.related(package.main, "/styles")
        core = package.related("", "/core-properties")
    except Exception as exc:  # noqa: BLE001 - a damaged package fails in many places (KeyError, XMLSyntaxError...)
        raise corrupt(path, "Word file", exc) from None
    _Walker(builder, _styles(styles) if styles is not None else {}).body(_main_body(path, document))
    return _properties(core) if core is not None else {}


def _main_body(path: str, root: etree._Element) -> etree._Element:
    """The w:body of the main part; a part with another root or no body is not a Word document."""
    body = root.find(W + "body") if root.tag == W + "document" else None
    if body is None:
        what = "has no body" if root.tag == W + "document" else f"has the root element {etree.QName(root).localname!r}"
        raise corrupt(path, "Word file", f"its main part {what}, not a Word document body")
    return body


# The same settings as python-docx's parser: blank text between tags dropped, no entities resolved.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class _Package:
    """The parts of an Open Packaging (zip) file, found through its relationships as Word does."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        main = self._target("", "/officeDocument")
        if main is None:
            raise KeyError("the package names no main document (_rels/.rels)")
        self.main = main

    def part(self, name: str) -> etree._Element:
        return etree.fromstring(self.archive.read(name), _PARSER)

    def related(self, source: str, kind: str) -> etree._Element | None:
        """The part `source` relates to by a relationship type ending in `kind`, if any."""
        target = self._target(source, kind)
        return self.part(target) if target is not None and target in self.archive.NameToInfo else None

    def _target(self, source: str, kind: str) -> str | None:
        folder, name = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self.archive.NameToInfo:
            return None
        for rel in self.part(rels).iter(_REL):
            if (rel.get("Type") or "").endswith(kind) and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        return None


_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DCTERMS = "{http://purl.org/dc/terms/}"


def _properties(core: etree._Element) -> dict[str, str]:
    """Title, author, subject, last editor and dates from docProps/core.xml (dates as ISO 8601)."""
    def text(tag: str) -> str:
        element = core.find(tag)
        return (element.text or "").strip() if element is not None else ""

    values = {
        "title": text(_DC + "title"), "author": text(_DC + "creator"), "subject": text(_DC + "subject"),
        "last_modified_by": text(_CP + "lastModifiedBy"),
        "created": _w3cdtf(text(_DCTERMS + "created")), "modified": _w3cdtf(text(_DCTERMS + "modified")),
    }
    return {key: value for key, value in values.items() if value}


_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)$")


def _w3cdtf(value: str) -> str:
    """A core-properties date (W3CDTF: '2024', '2024-03-01', '2024-03-01T09:30:00Z',
    '2024-03-01T09:30:00-08:00') in UTC as ISO 8601, as python-docx read it; '' when it is
    not one."""
    parsed = None
    for pattern in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            parsed = datetime.strptime(value[:19], pattern)
        except ValueError:
            continue
    if parsed is None:
        return ""
    offset = _OFFSET.match(value[19:]) if len(value[19:]) == 6 else None
    if offset is not None:
        sign = -1 if offset.group(1) == "+" else 1
        parsed += timedelta(hours=sign * int(offset.group(2)), minutes=sign * int(offset.group(3)))
    return parsed.replace(tzinfo=timezone.utc).isoformat()


def _styles(styles: etree._Element) -> dict[str, _Style]:
    """Paragraph styles by id, with outline level and numbering resolved through `based on`.

    Read straight from the styles part's XML in one pass: python-docx builds an object and runs
    an XPath query per style and per `based on` step, which cost a third of reading a document.
    """
    own: dict[str, tuple[str, int | None, bool, str | None]] = {}  # id -> name, outline, numbered, based on
    for element in styles.iterchildren(W + "style"):
        if element.get(W + "type") != "paragraph":
            continue
        ppr = element.find(W + "pPr")
        level = ppr.find(W + "outlineLvl") if ppr is not None else None
        own[element.get(W + "styleId") or ""] = (
            _val(element.find(W + "name"), "") or "",
            _outline(_val(level)) if level is not None else None,
            ppr is not None and ppr.find(W + "numPr") is not None,
            _val(element.find(W + "basedOn")),
        )
    inherited = resolve_inherited({sid: (_Style(*row[:3]), row[3]) for sid, row in own.items()}, _inherit)
    return {sid: style for sid, style in inherited.items() if isinstance(style, _Style)}


def _inherit(style: object, base: object) -> _Style:
    """A style with what it takes from the style it is based on (outline level, numbering)."""
    assert isinstance(style, _Style) and isinstance(base, _Style)
    return _Style(style.name, style.outline if style.outline is not None else base.outline,
                  style.numbered or base.numbered)


def _outline(value: str | None) -> int | None:
    """w:outlineLvl 0-8 is heading level 1-9; 9 means body text."""
    level = int_attr(value, 9, 0, 9)
    return level + 1 if level < 9 else None


def _heading_level(style_name: str) -> int | None:
    name = style_name.lower()
    if name == "title":
        return 1
    if name.startswith("heading "):
        number = name.removeprefix("heading ").strip()
        return int_attr(number, 0, 0, 9) or None
    return None


def _block_items(container: etree._Element) -> Iterator[etree._Element]:
    """w:p and w:tbl children in document order, looking inside block-level content controls."""
    for child in container:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in _CONTAINERS:
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from _block_items(content)


def _children(container: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, also when wrapped in content controls."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from _children(content, tag)


def _text_boxes(element: etree._Element) -> Iterator[etree._Element]:
    """The outermost text boxes (w:txbxContent) within an element, once each: the VML copy of
    a drawing under mc:Fallback is skipped, and a box inside a box is read with its own."""
    for child in element:
        if child.tag == W + "txbxContent":
            yield child
        elif child.tag != MC + "Fallback" and isinstance(child.tag, str):
            yield from _text_boxes(child)


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    return element.get(W + "val", default)


# --------------------------------------------------------------------------- inline text

def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of a w:p, with check boxes and drop-down choices rendered in place."""
    parts: list[str] = []
    _inline(paragraph, parts)
    return "".join(parts)


def _inline(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == W + "r":
            _run(child, parts)
        elif tag == W + "sdt":
            box = _sdt_checkbox(child)
            if box is not None:
                parts.append(RENDERED_CHECKED if box else RENDERED_UNCHECKED)
            else:
                content = child.find(W + "sdtContent")
                if content is not None:
                    _inline(content, parts)
        elif tag not in _SKIPPED_INLINE and isinstance(tag, str):
            _inline(child, parts)  # hyperlinks, insertions, simple fields, smart tags...


def _run(run: etree._Element, parts: list[str]) -> None:
    rpr = run.find(W + "rPr")
    if rpr is not None and rpr.find(W + "vanish") is not None and _val(rpr.find(W + "vanish"), "1") in _TRUE:
        return  # hidden text: not what the reader of the document sees
    for child in run:
        tag = child.tag
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            font = (child.get(W + "font") or "").lower()
            parts.append(WORD_SYMBOLS.get((font, (child.get(W + "char") or "").upper()), ""))  # a box in a symbol font
        elif tag == W + "fldChar" and child.get(W + "fldCharType") == "begin":
            parts.append(_form_field(child.find(W + "ffData")))


def _form_field(ffdata: etree._Element | None) -> str:
    """A legacy form field's visible value: a check box glyph or the chosen drop-down entry."""
    if ffdata is None:
        return ""
    box = ffdata.find(W + "checkBox")
    if box is not None:
        checked = box.find(W + "checked")
        state = _val(checked, "1") if checked is not None else _val(box.find(W + "default"), "0")
        return (RENDERED_CHECKED if state in _TRUE else RENDERED_UNCHECKED) + " "
    dropdown = ffdata.find(W + "ddList")
    if dropdown is not None:
        entries = [_val(e, "") or "" for e in dropdown.findall(W + "listEntry")]
        chosen = _val(dropdown.find(W + "result"), _val(dropdown.find(W + "default"), "0")) or "0"
        index = int_attr(chosen, -1, 0, len(entries))
        if 0 <= index < len(entries):
            return entries[index]
    return ""


def _sdt_checkbox(sdt: etree._Element) -> bool | None:
    """State of a w14:checkbox content control, None if the control is not a check box."""
    props = sdt.find(W + "sdtPr")
    box = props.find(W14 + "checkbox") if props is not None else None
    if box is None:
        return None
    checked = box.find(W14 + "checked")
    return checked is not None and (checked.get(W14 + "val") or "0") in _TRUE


def _all_bold(paragraph: etree._Element) -> bool:
    """Every run with text is bold by direct formatting (w:b not switched off)."""
    runs = [r for r in paragraph.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
    for run in runs:
        bold = run.find(f"{W}rPr/{W}b")
        if bold is None or _val(bold, "1") not in _TRUE:
            return False
    return bool(runs)


# --------------------------------------------------------------------------- walking the body

class _Walker:
    """Walks body content in order, sending paragraphs and tables to the builder."""

    def __init__(self, builder: BlockBuilder, styles: dict[str, _Style]) -> None:
        self.builder = builder
        self.styles = styles

    def body(self, body: etree._Element) -> None:
        """The blocks of a body (or of a text box), each paragraph followed by its text boxes."""
        for item in _block_items(body):
            if item.tag == W + "tbl":
                self.builder.table(self.table(item))
            else:
                self.paragraph(item)
                for box in _text_boxes(item):
                    self.body(box)

    def paragraph(self, paragraph: etree._Element) -> None:
        text = paragraph_text(paragraph)
        ppr = paragraph.find(W + "pPr")
        style_id = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        style = self.styles.get(style_id or "")
        level = _outline(_val(ppr.find(W + "outlineLvl"))) if ppr is not None else None
        if level is None and style is not None:
            level = _heading_level(style.name) or style.outline
        if level is None and _all_bold(paragraph):
            level = self._bold_heading_level(text)
        if level is not None:
            self.builder.heading(text.replace("\n", " "), level)
        elif self._is_list_item(ppr, style):
            self.builder.list_item(text)
        else:
            self.builder.paragraph(text)

    def _bold_heading_level(self, text: str) -> int | None:
        """Many council templates make headings by bolding Normal text: accept those that also
        look like headings by the plain-text rules ("2. Evidence", "Annex B", "Age:")."""
        level = heading_level(normalise(text).replace("\n", " "), alone=True)
        if level == 0:
            return len(self.builder.section_path) + 1
        return level

    @staticmethod
    def _is_list_item(ppr: etree._Element | None, style: _Style | None) -> bool:
        if ppr is not None:
            numbering = ppr.find(W + "numPr")
            if numbering is not None:
                return _val(numbering.find(W + "numId"), "0") != "0"  # numId 0 switches numbering off
        return style is not None and (style.numbered or "list" in style.name.lower())

    def table(self, table: etree._Element) -> Grid:
        """A grid of cells; a merged cell is the same Cell object in every slot it covers."""
        grid: Grid = []
        for r, row in enumerate(_children(table, W + "tr")):
            slots: list[Cell | None] = []
            trpr = row.find(W + "trPr")
            before = _val(trpr.find(W + "gridBefore"), "0") if trpr is not None else "0"
            slots.extend([None] * int_attr(before, 0, 0, MAX_GRID_COLUMNS))
            for tc in _children(row, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = int_attr(_val(tcpr.find(W + "gridSpan")), 1, 1, MAX_GRID_COLUMNS) if tcpr is not None else 1
                merge = tcpr.find(W + "vMerge") if tcpr is not None else None
                column = len(slots)
                above = grid[r - 1][column] if r and column < len(grid[r - 1]) else None
                if merge is not None and _val(merge, "continue") == "continue" and above is not None:
                    cell = above
                else:
                    cell = self.cell(tc)
                slots.extend([cell] * max(span, 1))
            grid.append(slots)
        return grid

    def cell(self, tc: etree._Element) -> Cell:
        lines: list[str] = []
        nested: list[Grid] = []
        for item in _block_items(tc):
            if item.tag == W + "tbl":
                nested.append(self.table(item))
            else:
                lines.append(paragraph_text(item))
        return Cell(normalise("\n".join(lines)), nested=nested)
