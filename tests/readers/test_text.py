"""Markdown and plain-text reading: order, kinds, headings, section paths, tables, lines."""
from __future__ import annotations

from eia_rules.model.blocks import BlockKind

from .conftest import block, headings, kinds

MARKDOWN = """\
# Integrated Impact Assessment

Title: *Play sufficiency* strategy
continued on a second line

## Section 1. What action is being considered?

- Older people were **consulted**
- [x] Welsh language considered
  - nested point

## Annex A Equality

| Characteristic | Impact | Reasons |
|---|---|---|
| Age | Positive | More play space |
| Disability | ☐ Negative | Access routes |

### Race

No differential impact.
"""


def test_markdown_kinds_and_order(read):
    doc = read("iia.md", MARKDOWN)
    assert kinds(doc)[:5] == [
        ("heading", "Integrated Impact Assessment"),
        ("paragraph", "Title: Play sufficiency strategy continued on a second line"),
        ("heading", "Section 1. What action is being considered?"),
        ("list_item", "Older people were consulted"),
        ("list_item", "[x] Welsh language considered"),
    ]
    assert headings(doc) == [(1, "Integrated Impact Assessment"),
                             (2, "Section 1. What action is being considered?"),
                             (2, "Annex A Equality"), (3, "Race")]
    assert doc.format == "md" and len(doc.sha256) == 64


def test_markdown_section_paths_pop_at_same_level(read):
    doc = read("iia.md", MARKDOWN)
    assert block(doc, "Older people").location.section_path == (
        "Integrated Impact Assessment", "Section 1. What action is being considered?")
    assert block(doc, "No differential").location.section_path == (
        "Integrated Impact Assessment", "Annex A Equality", "Race")
    # a heading's own path is its parents
    assert block(doc, "Race").location.section_path == ("Integrated Impact Assessment", "Annex A Equality")


def test_markdown_table_cells_have_headers_and_lines(read):
    doc = read("iia.md", MARKDOWN)
    cells = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert len(cells) == 9
    neg = block(doc, "☐ Negative")
    assert (neg.location.table, neg.location.row, neg.location.column) == (1, 3, 2)
    assert neg.row_header == "Disability" and neg.column_header == "Impact"
    assert neg.checked is False
    assert neg.location.line == MARKDOWN.splitlines().index("| Disability | ☐ Negative | Access routes |") + 1
    age = block(doc, "Age")
    assert age.row_header is None and age.column_header == "Characteristic"
    assert block(doc, "[x] Welsh").checked is True


def test_offsets_and_ordinals_index_document_text(read):
    doc = read("iia.md", MARKDOWN)
    text = doc.text()
    for number, b in enumerate(doc.blocks, start=1):
        assert b.location.paragraph == number and b.index == number - 1
        assert text[b.location.start:b.location.end] == b.text


def test_markdown_lines_point_at_source(read):
    doc = read("iia.md", MARKDOWN)
    lines = MARKDOWN.splitlines()
    for b in doc.blocks:
        if b.kind is not BlockKind.TABLE_CELL:
            assert b.text.split()[0] in lines[b.location.line - 1].replace("*", "")


PLAIN = """\
INTEGRATED IMPACT ASSESSMENT

Skip to main content

1. Introduction
This assessment covers the new
library opening hours.

1.1 Purpose of the proposal

The proposal changes hours. It was
agreed by Cabinet.

Section 3: Impact on protected characteristics

Age:

Older people use the library most.

The groups consulted were:
- older people's forum
  and their carers
• youth council
a) disability network

1. Consult users.
2. Publish results.

Annex B
2020 Census data were used.
"""


def test_plain_text_headings_are_conservative(read):
    doc = read("iia.txt", PLAIN)
    assert headings(doc) == [
        (1, "INTEGRATED IMPACT ASSESSMENT"), (1, "1. Introduction"), (2, "1.1 Purpose of the proposal"),
        (1, "Section 3: Impact on protected characteristics"), (2, "Age:"), (1, "Annex B"),
    ]
    # sentences, chrome and list lead-ins stay paragraphs
    for text in ("Skip to main content", "The groups consulted were:", "2020 Census data were used."):
        assert block(doc, text).kind is BlockKind.PARAGRAPH


def test_plain_text_paragraphs_lists_and_lines(read):
    doc = read("iia.txt", PLAIN)
    para = block(doc, "This assessment")
    assert para.text == "This assessment covers the new library opening hours."
    assert para.location.line == 6
    assert para.location.section_path == ("1. Introduction",)  # the all-caps title is a sibling
    items = [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["- older people's forum and their carers", "• youth council", "a) disability network",
                     "1. Consult users.", "2. Publish results."]
    assert block(doc, "Older people use").location.section_path[-1] == "Age:"
    assert block(doc, "• youth").location.line == PLAIN.splitlines().index("• youth council") + 1


def test_plain_text_in_windows_1252_is_read(read):
    doc = read("old.txt", "Café opening times – review".encode("cp1252"))
    assert doc.blocks[0].text == "Café opening times – review"


def test_dates_and_short_sentences_are_not_headings(read):
    doc = read("iia.txt", "Assessment date\n\n1 April 2015\n\n4. Cheapside.\n\n2.1. Evidence base\n")
    assert headings(doc) == [(2, "2.1. Evidence base")]


def test_unwrapped_web_text_gives_one_paragraph_per_line(read):
    long_line = "The proposal affects older people who use the mobile library service, " * 2
    doc = read("page.txt", f"Cookie settings\nIn this page\n{long_line}\nSecond paragraph of the page.\n")
    assert [b.text for b in doc.blocks] == ["Cookie settings", "In this page", long_line.strip(),
                                            "Second paragraph of the page."]
    assert [b.location.line for b in doc.blocks] == [1, 2, 3, 4]
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)
