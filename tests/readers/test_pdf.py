"""PDFs: page numbers, headings by font size, paragraphs, tables once, and refused PDFs."""
from __future__ import annotations

import io

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from eia_rules.errors import InputError
from eia_rules.model.blocks import BlockKind
from eia_rules.readers import read_document

from .conftest import block, headings


def _pdf(build) -> bytes:
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    build(pdf)
    return bytes(pdf.output())


def _text(pdf: FPDF, text: str, size: float = 11, style: str = "", gap: float = 4) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def build_iia(pdf: FPDF) -> None:
    pdf.set_title("Library hours IIA")
    pdf.set_author("A. Officer")
    pdf.add_page()
    _text(pdf, "Integrated Impact Assessment", size=20)
    _text(pdf, "Section 1. The proposal", size=15)
    _text(pdf, "We propose to change library opening hours across the county so that the "
               "service is open later on weekdays and closed on Monday mornings.")
    _text(pdf, "The proposal follows a review of visitor numbers.")
    _text(pdf, "- older people's forum", gap=0)
    _text(pdf, "- youth council")
    _text(pdf, "2.1 Evidence used", style="B")
    _text(pdf, "Library visitor counts for 2023.")
    pdf.add_page()
    _text(pdf, "Annex A Equality impacts", size=15)
    pdf.set_font("Helvetica", "", 11)
    with pdf.table() as table:
        for row in (("Characteristic", "Impact", "Reasons"),
                    ("Age", "Positive", "Later opening"),
                    ("Disability", "Negative", "Fewer staffed hours")):
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.ln(6)
    _text(pdf, "Monitoring will be annual.")


@pytest.fixture(scope="module")
def iia_pdf() -> bytes:
    return _pdf(build_iia)


@pytest.fixture
def doc(iia_pdf, write):
    return read_document(write("iia.pdf", iia_pdf))


def test_headings_by_font_size_and_bold_numbering(doc):
    assert headings(doc) == [(1, "Integrated Impact Assessment"), (2, "Section 1. The proposal"),
                             (4, "2.1 Evidence used"), (2, "Annex A Equality impacts")]
    # a bold body-size "2.1" heading sits below every size-based level, by its numbering depth
    assert block(doc, "Library visitor").location.section_path == (
        "Integrated Impact Assessment", "Section 1. The proposal", "2.1 Evidence used")


def test_paragraphs_join_wrapped_lines_and_split_on_gaps(doc):
    first = block(doc, "We propose")
    assert first.kind is BlockKind.PARAGRAPH
    assert first.text.endswith("closed on Monday mornings.")
    assert block(doc, "The proposal follows").index == first.index + 1
    items = [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["- older people's forum", "- youth council"]


def test_page_numbers_on_every_block(doc):
    assert all(b.location.page in (1, 2) for b in doc.blocks)
    assert block(doc, "We propose").location.page == 1
    assert block(doc, "Annex A").location.page == 2
    assert block(doc, "Monitoring").location.page == 2


def test_table_cells_once_with_headers_in_order(doc):
    cells = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert [c.text for c in cells] == ["Characteristic", "Impact", "Reasons", "Age", "Positive",
                                       "Later opening", "Disability", "Negative", "Fewer staffed hours"]
    negative = block(doc, "Negative")
    assert negative.row_header == "Disability" and negative.column_header == "Impact"
    assert (negative.location.table, negative.location.row, negative.location.column) == (1, 3, 2)
    # the table's text is not repeated as paragraphs, and text after it stays after it
    assert sum("Fewer staffed hours" in b.text for b in doc.blocks) == 1
    assert block(doc, "Monitoring").index > cells[-1].index


def test_pdf_properties(doc):
    assert doc.properties["title"] == "Library hours IIA"
    assert doc.properties["author"] == "A. Officer"


def test_encrypted_pdf_is_refused(iia_pdf, write):
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(iia_pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputError, match="encrypted PDF"):
        read_document(write("locked.pdf", buffer.getvalue()))


def test_pdf_without_text_is_refused_not_empty(write):
    def blank(pdf: FPDF) -> None:
        pdf.add_page()
        pdf.rect(20, 20, 100, 60, style="F")  # an image-like shape, no text layer
        pdf.add_page()

    with pytest.raises(InputError, match=r"no extractable text \(scanned\?\).*2 page"):
        read_document(write("scan.pdf", _pdf(blank)))


def test_truncated_pdf_is_corrupt(iia_pdf, write):
    with pytest.raises(InputError, match="corrupt or unreadable PDF"):
        read_document(write("cut.pdf", iia_pdf[:400]))


def test_overprinted_text_is_read_once_and_plain_text_once_too(write):
    """Fake bold (the same line printed twice a fraction of a point apart) is read once."""
    def overprinted(pdf: FPDF) -> None:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        for dx in (0, 0.2):  # millimetres: about half a point
            pdf.text(20 + dx, 30, "Disability: fewer staffed hours.")
        pdf.text(20, 50, "Age: later opening helps older people.")

    doc = read_document(write("bold.pdf", _pdf(overprinted)))
    text = doc.text()
    assert "Disability: fewer staffed hours." in text and "DDii" not in text
    assert "Age: later opening helps older people." in text


def test_a_sentence_wrapped_before_a_dash_stays_one_paragraph_but_real_lists_split(write):
    def wrapped(pdf: FPDF) -> None:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        lines = [(30, "Future generations: collaboration - objectives are shared with the police; involvement"),
                 (34.5, "- the objectives were rewritten with equality groups."),
                 (50, "We met these groups:"),
                 (54.5, "- the older people's forum"),
                 (59, "- the youth council")]
        for y, text in lines:
            pdf.text(15, y, text)

    blocks = read_document(write("wrap.pdf", _pdf(wrapped))).blocks
    kinds = [(b.kind, b.text) for b in blocks]
    assert kinds[0] == (BlockKind.PARAGRAPH, "Future generations: collaboration - objectives are shared with the "
                                             "police; involvement - the objectives were rewritten with equality groups.")
    assert kinds[1] == (BlockKind.PARAGRAPH, "We met these groups:")
    assert [k for k, _ in kinds[2:]] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
