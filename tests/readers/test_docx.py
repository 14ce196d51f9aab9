"""Word documents: order, headings, lists, tables (merged, nested), check boxes, content controls."""
from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import parse_xml

from eia_rules.errors import InputError
from eia_rules.model.blocks import BlockKind
from eia_rules.readers import read_document

from .conftest import block, headings, kinds

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')

LEGACY_CHECKBOX = f"""<w:p {NS}>
  <w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>
    <w:checkBox><w:sizeAuto/><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r>
  <w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>
  <w:r><w:fldChar w:fldCharType="end"/></w:r>
  <w:r><w:t xml:space="preserve"> Full assessment required</w:t></w:r>
</w:p>"""

LEGACY_UNCHECKED = LEGACY_CHECKBOX.replace("<w:checked/>", "").replace("Full assessment", "Screened out")

BLOCK_SDT = f"""<w:sdt {NS}><w:sdtPr><w:alias w:val="Summary"/></w:sdtPr><w:sdtContent>
  <w:p><w:r><w:t>Text typed into a block content control.</w:t></w:r></w:p>
</w:sdtContent></w:sdt>"""

RUN_SDTS = f"""<w:p {NS}>
  <w:r><w:t xml:space="preserve">Decision maker: </w:t></w:r>
  <w:sdt><w:sdtPr><w:alias w:val="Who"/></w:sdtPr><w:sdtContent>
    <w:r><w:t>Cabinet</w:t></w:r></w:sdtContent></w:sdt>
  <w:r><w:t xml:space="preserve"> approved </w:t></w:r>
  <w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr>
    <w:sdtContent><w:r><w:t>X</w:t></w:r></w:sdtContent></w:sdt>
</w:p>"""


def _append_xml(document, xml: str) -> None:
    """Insert raw WordprocessingML before the section properties at the end of the body."""
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def build_iia() -> bytes:
    document = Document()
    document.core_properties.title = "Library hours IIA"
    document.core_properties.author = "A. Officer"
    document.add_heading("Integrated Impact Assessment", level=0)
    document.add_heading("Section 1. The proposal", level=1)
    document.add_paragraph("We propose to change library opening hours.")
    document.add_paragraph("Older people were consulted", style="List Bullet")
    _append_xml(document, LEGACY_CHECKBOX)
    _append_xml(document, LEGACY_UNCHECKED)
    _append_xml(document, BLOCK_SDT)
    _append_xml(document, RUN_SDTS)
    document.add_heading("Annex A Equality impacts", level=1)
    document.add_heading("Protected characteristics", level=2)
    table = document.add_table(rows=4, cols=4)
    for c, text in enumerate(["Characteristic", "Positive", "Negative", "Reasons"]):
        table.cell(0, c).text = text
    for r, (name, pos, neg, why) in enumerate([
        ("Age", "☒", "☐", "Longer evening hours"),
        ("Disability", "☐", "☒", "Fewer staffed hours"),
        ("Race", "☐", "☐", "See below"),
    ], start=1):
        for c, text in enumerate([name, pos, neg, why]):
            table.cell(r, c).text = text
    table.cell(3, 3).merge(table.cell(3, 2))  # "Negative" and "Reasons" merged for Race
    inner = table.cell(2, 3).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "Group"
    inner.cell(0, 1).text = "Effect"
    inner.cell(1, 0).text = "Wheelchair users"
    inner.cell(1, 1).text = "Step-free route kept"
    document.add_paragraph("After the table.")
    document.add_paragraph().add_run("3. Monitoring and review").bold = True
    document.add_paragraph().add_run("Reviewed yearly by the service manager").bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def iia_bytes() -> bytes:
    return build_iia()


@pytest.fixture
def doc(iia_bytes, write):
    return read_document(write("iia.docx", iia_bytes))


def test_headings_from_styles_with_levels_and_paths(doc):
    assert headings(doc)[:4] == [(1, "Integrated Impact Assessment"), (1, "Section 1. The proposal"),
                                 (1, "Annex A Equality impacts"), (2, "Protected characteristics")]
    assert block(doc, "We propose").location.section_path == ("Section 1. The proposal",)
    assert block(doc, "Characteristic").location.section_path == (
        "Annex A Equality impacts", "Protected characteristics")


def test_bold_paragraph_is_a_heading_only_when_it_looks_like_one(doc):
    assert headings(doc)[-1] == (1, "3. Monitoring and review")
    assert block(doc, "Reviewed yearly").kind is BlockKind.PARAGRAPH
    assert block(doc, "Reviewed yearly").location.section_path == ("3. Monitoring and review",)


def test_reading_order_includes_content_controls_and_lists(doc):
    order = kinds(doc)
    assert order[2:8] == [
        ("paragraph", "We propose to change library opening hours."),
        ("list_item", "Older people were consulted"),
        ("paragraph", "☒ Full assessment required"),
        ("paragraph", "☐ Screened out required"),
        ("paragraph", "Text typed into a block content control."),
        ("paragraph", "Decision maker: Cabinet approved ☒"),
    ]
    assert order[-3] == ("paragraph", "After the table.")


def test_check_boxes_from_form_fields_and_content_controls(doc):
    assert block(doc, "☒ Full assessment").checked is True
    assert block(doc, "☐ Screened out").checked is False
    assert block(doc, "Decision maker").checked is True
    assert block(doc, "We propose").checked is None


def test_table_cells_with_headers_and_glyph_check_boxes(doc):
    cells = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL and b.location.table == 1]
    age_positive = next(b for b in cells if b.location.row == 2 and b.location.column == 2)
    assert age_positive.text == "☒" and age_positive.checked is True
    assert age_positive.row_header == "Age" and age_positive.column_header == "Positive"
    disability_negative = next(b for b in cells if b.location.row == 3 and b.location.column == 3)
    assert disability_negative.checked is True and disability_negative.row_header == "Disability"
    race_negative = next(b for b in cells if b.location.row == 4 and b.location.column == 2)
    assert race_negative.checked is False


def test_merged_cell_is_emitted_once(doc):
    race_row = [b for b in doc.blocks if b.location.table == 1 and b.location.row == 4]
    assert [b.location.column for b in race_row] == [1, 2, 3]
    merged = race_row[-1]
    assert merged.text.replace("\n", " ") == "☐ See below"
    assert merged.column_header == "Negative"


def test_nested_table_follows_its_cell_with_its_own_ordinal(doc):
    parent = next(b for b in doc.blocks if b.location.table == 1 and b.location.row == 3
                  and b.location.column == 4)
    assert parent.text == "Fewer staffed hours"
    following = doc.blocks[parent.index + 1]
    assert following.location.table == 2 and following.text == "Group"
    wheelchair = block(doc, "Step-free")
    assert (wheelchair.location.table, wheelchair.location.row, wheelchair.location.column) == (2, 2, 2)
    assert wheelchair.row_header == "Wheelchair users" and wheelchair.column_header == "Effect"
    # the outer table resumes after the nested one
    assert doc.blocks[following.index + 4].location.table == 1


def test_core_properties_and_hash(doc, iia_bytes):
    import hashlib

    assert doc.properties["title"] == "Library hours IIA"
    assert doc.properties["author"] == "A. Officer"
    assert "created" in doc.properties
    assert doc.format == "docx" and doc.sha256 == hashlib.sha256(iia_bytes).hexdigest()


def test_offsets_hold_for_docx(doc):
    text = doc.text()
    assert all(text[b.location.start:b.location.end] == b.text for b in doc.blocks)


def test_corrupt_word_file(write, iia_bytes):
    with pytest.raises(InputError, match="corrupt or unreadable"):
        read_document(write("cut.docx", iia_bytes[: len(iia_bytes) // 2]))


def test_word_file_missing_its_document_part(write):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-closed")
    with pytest.raises(InputError, match="corrupt or unreadable Word file"):
        read_document(write("bad.docx", buffer.getvalue()))


TEXT_BOX = f"""<w:p {NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    xmlns:v="urn:schemas-microsoft-com:vml">
  <w:r><w:t xml:space="preserve">Summary of impacts</w:t></w:r>
  <w:r><mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>
      <wps:wsp><wps:txbx><w:txbxContent>
        <w:p><w:r><w:t>Older people gain longer evening opening hours.</w:t></w:r></w:p>
        <w:p><w:r><w:t>Disabled people keep the step-free entrance.</w:t></w:r></w:p>
      </w:txbxContent></wps:txbx></wps:wsp>
    </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>Older people gain longer evening opening hours.</w:t></w:r></w:p>
        <w:p><w:r><w:t>Disabled people keep the step-free entrance.</w:t></w:r></w:p>
    </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent></w:r>
</w:p>"""


def test_text_box_is_read_once_after_the_paragraph_that_holds_it(write):
    document = Document()
    document.add_paragraph("Before the box.")
    _append_xml(document, TEXT_BOX)
    document.add_paragraph("After the box.")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_document(write("box.docx", buffer.getvalue()))
    assert [b.text for b in doc.blocks] == [
        "Before the box.", "Summary of impacts", "Older people gain longer evening opening hours.",
        "Disabled people keep the step-free entrance.", "After the box."]
