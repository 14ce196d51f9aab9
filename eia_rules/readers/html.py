"""HTML reader, shaped by the gov.wales / llyw.cymru IIA pages.

Those pages put the assessment in <main> under h2/h3 headings ("Section 1. ...", "Annex A"),
with lists, tables and definition lists, wrapped in navigation, cookie banners, breadcrumbs
and footers. The reader keeps to <main> when there is one, drops page chrome, and walks the
rest in document order. lxml parses without network access and HTML parsing never loads
external entities or resources, so reading a saved page fetches nothing.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .blocks import BlockBuilder, Cell, Grid, normalise
from .guards import int_attr
from .limits import Limits, corrupt
from .sniff import decode_text

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_DROP_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
              "button", "svg", "iframe", "select", "input", "textarea", "object", "embed", "canvas"}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog"}
_CHROME = re.compile(r"cookie|breadcrumb|skip-?link|skip-?to|site-?header|site-?footer|global-?header|"
                     r"share-?(links|page)|feedback|back-?to-?top", re.IGNORECASE)
_TEXT_BLOCKS = {"p", "pre", "dt", "summary", "figcaption", "legend", "address", "caption"}
_BLOCK_TAGS = (set(_HEADINGS) | _TEXT_BLOCKS | {
    "ul", "ol", "li", "dl", "dd", "table", "div", "section", "article", "main", "body", "blockquote",
    "figure", "details", "fieldset", "hr", "center", "tr", "td", "th", "thead", "tbody", "tfoot"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def read_html(path: str, data: bytes, builder: BlockBuilder, limits: Limits) -> dict[str, str]:
    """Reader entry point for .html files (see `eia_rules.readers.read_document`)."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", decode_text(data)), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise corrupt(path, "HTML", exc) from None
    properties = _properties(root)
    _drop_chrome(root)
    main = root.find(".//main")
    _Walker(builder).walk(main if main is not None else root)
    return properties


def _properties(root: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    title = root.find(".//title")
    if title is not None and normalise(title.text_content()):
        found["title"] = normalise(title.text_content())
    meta_keys = {"author": "author", "dc.creator": "author", "dcterms.creator": "author",
                 "dc.title": "title", "dcterms.created": "created", "article:published_time": "created",
                 "dcterms.modified": "modified", "article:modified_time": "modified", "dc.language": "language"}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        content = normalise(meta.get("content") or "")
        if key in meta_keys and content:
            found.setdefault(meta_keys[key], content)
    return found


def _is_chrome(element: lxml.html.HtmlElement) -> bool:
    if element.tag in _DROP_TAGS:
        return True
    if (element.get("role") or "").lower() in _DROP_ROLES or element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").lower() == "true":
        return True
    marks = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(marks.strip()) and bool(_CHROME.search(marks))


def _drop_chrome(root: lxml.html.HtmlElement) -> None:
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and el.tag != "html" and _is_chrome(el)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the element's tail text


def _is_block(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and element.tag in _BLOCK_TAGS


def _text(element: etree._Element, skip: frozenset[str] = frozenset()) -> str:
    """Visible text with <br> and nested blocks as line breaks; `skip` tags are left out."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in skip:
            if child.tag == "br":
                parts.append("\n")
            elif child.tag == "img":
                parts.append(child.get("alt") or "")
            else:
                separator = "\n" if _is_block(child) else ""
                parts.append(separator + _text(child, skip) + separator)
        parts.append(child.tail or "")
    return "".join(parts)


class _Walker:
    """Sends headings, paragraphs, list items and tables to the builder in document order."""

    def __init__(self, builder: BlockBuilder) -> None:
        self.builder = builder

    def walk(self, element: etree._Element) -> None:
        tag = element.tag
        if not isinstance(tag, str):
            return
        line = element.sourceline
        if tag in _HEADINGS:
            self.builder.heading(_text(element).replace("\n", " "), _HEADINGS[tag], line=line)
        elif tag in _TEXT_BLOCKS:
            self.builder.paragraph(_text(element), line=line)
        elif tag in ("ul", "ol"):
            for child in element:
                self.walk(child)
        elif tag == "li":
            self.list_item(element)
        elif tag == "table":
            self.table_with_caption(element)
        else:
            self.container(element)

    def container(self, element: etree._Element) -> None:
        """Walk block children; loose inline text between them becomes paragraphs."""
        pending: list[str] = [element.text or ""]
        line = element.sourceline
        for child in element:
            if _is_block(child):
                self.builder.paragraph("".join(pending), line=line)
                pending = []
                self.walk(child)
                line = child.sourceline
            elif isinstance(child.tag, str):
                pending.append("\n" if child.tag == "br" else _text(child))
            pending.append(child.tail or "")
        self.builder.paragraph("".join(pending), line=line)

    def list_item(self, item: etree._Element) -> None:
        """The item's own text first, then any list or table nested in it."""
        nested = frozenset({"ul", "ol", "table"})
        self.builder.list_item(_text(item, skip=nested), line=item.sourceline)
        for child in item.iter("ul", "ol", "table"):
            if not any(a.tag in nested for a in _ancestors(child, item)):
                self.walk(child)

    def table_with_caption(self, table: etree._Element) -> None:
        caption = table.find("caption")
        if caption is not None:
            self.builder.paragraph(_text(caption), line=caption.sourceline)
        grid = self.table(table)
        if grid:
            self.builder.table(grid)

    def table(self, table: etree._Element) -> Grid:
        """Rows and cells with colspan/rowspan expanded (a spanning cell fills every slot)."""
        slots: dict[tuple[int, int], Cell] = {}
        rows = _rows(table)
        for r, row in enumerate(rows):
            column = 0
            for td in row:
                while (r, column) in slots:
                    column += 1
                cell = Cell(_text(td, skip=frozenset({"table"})), line=td.sourceline,
                            nested=[g for g in (self.table(t) for t in _own_tables(td)) if g])
                for dr in range(_span(td, "rowspan")):
                    for dc in range(_span(td, "colspan")):
                        slots[(r + dr, column + dc)] = cell
                column += _span(td, "colspan")
        width = max((c for _, c in slots), default=-1) + 1
        return [[slots.get((r, c)) for c in range(width)] for r in range(len(rows))]


def _ancestors(element: etree._Element, stop: etree._Element) -> list[etree._Element]:
    result = []
    parent = element.getparent()
    while parent is not None and parent is not stop:
        result.append(parent)
        parent = parent.getparent()
    return result


def _rows(table: etree._Element) -> list[list[etree._Element]]:
    """This table's rows (not those of tables nested in its cells), each as th/td elements."""
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return [[td for td in tr if td.tag in ("td", "th")] for tr in rows]


def _own_tables(cell: etree._Element) -> list[etree._Element]:
    """Tables directly inside a cell (not inside a table nested in it)."""
    return [t for t in cell.iter("table") if t is not cell
            and not any(a.tag == "table" for a in _ancestors(t, cell))]


def _span(cell: etree._Element, attribute: str) -> int:
    return int_attr(cell.get(attribute), 1, 1, 100)
