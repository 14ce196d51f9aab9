"""Word renderer: styled headings, real tables, fixed core properties and zip timestamps."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.shared import Pt

from .layout import Bullets, Element, Heading, Para, Table
from .source import Source

FIXED_DATE = datetime(2024, 1, 1, 9, 0, 0)
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _add_table(doc: Document, t: Table) -> None:
    rows = ([t.header] if t.header else []) + list(t.rows)
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            cell = table.cell(r, c)
            cell.text = row[c] if c < len(row) else ""
            if (t.header and r == 0) or (t.header is None and c == 0):
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    doc.add_paragraph()


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry dates so regeneration is byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_docx(source: Source, elements: list[Element]) -> bytes:
    """A form-like .docx: Title style for the title, Heading 1-3, List Bullet, Table Grid."""
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    for el in elements:
        if isinstance(el, Heading):
            doc.add_heading(el.text, level=min(el.level, 3))
        elif isinstance(el, Para):
            doc.add_paragraph(el.text)
        elif isinstance(el, Bullets):
            for item in el.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(el, Table):
            _add_table(doc, el)
    props = doc.core_properties
    props.title = source.meta.get("title", "")
    props.author = source.meta.get("author", "")
    props.last_modified_by = source.meta.get("author", "")
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    props.language = {"cy": "cy-GB", "en": "en-GB", "bilingual": "en-GB"}[source.language]
    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue())
