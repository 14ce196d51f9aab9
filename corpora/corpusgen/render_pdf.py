"""PDF renderer (fpdf2) with a Unicode TTF so Welsh letters such as ŵ ŷ â survive."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from .layout import Bullets, Element, Heading, Para, Table
from .source import Source

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = datetime(2024, 1, 1, 9, 0, 0, tzinfo=UTC)
_SIZES = {0: 16, 1: 14, 2: 12, 3: 11}


def font_available() -> bool:
    """Whether the DejaVu fonts the PDFs are drawn with are installed here."""
    return (FONT_DIR / "DejaVuSans.ttf").exists() and (FONT_DIR / "DejaVuSans-Bold.ttf").exists()


def _table(pdf: FPDF, t: Table) -> None:
    rows = ([t.header] if t.header else []) + list(t.rows)
    width = max(len(r) for r in rows)
    widths = (2, 1, 1, 1, 1, 4)[:width] if width >= 5 else ((1, 2) if width == 2 else None)
    pdf.set_font("DejaVu", size=8 if width > 3 else 9)
    with pdf.table(col_widths=widths, first_row_as_headings=bool(t.header),
                   headings_style=FontFace(emphasis="BOLD"), line_height=4.5) as table:
        for row in rows:
            cells = table.row()
            for c in range(width):
                cells.cell(row[c] if c < len(row) else "")
    pdf.ln(3)


def render_pdf(source: Source, elements: list[Element]) -> bytes:
    """An A4 export of a form: bold headings, wrapped paragraphs, bordered tables."""
    if not font_available():
        raise RuntimeError(f"DejaVu fonts not found in {FONT_DIR}; install fonts-dejavu-core to render PDFs")
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(source.meta.get("title", ""))
    pdf.set_author(source.meta.get("organisation", ""))
    pdf.set_lang({"cy": "cy-GB", "en": "en-GB", "bilingual": "en-GB"}[source.language])
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for el in elements:
        if isinstance(el, Heading):
            pdf.set_font("DejaVu", "B", _SIZES.get(el.level, 11))
            pdf.multi_cell(0, 7, el.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(el, Para):
            pdf.set_font("DejaVu", size=10)
            pdf.multi_cell(0, 5, el.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif isinstance(el, Bullets):
            pdf.set_font("DejaVu", size=10)
            for item in el.items:
                pdf.multi_cell(0, 5, "•  " + item, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif isinstance(el, Table):
            _table(pdf, el)
    return bytes(pdf.output())
