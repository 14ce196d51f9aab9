"""Plain text pasted from forms: one label a line, '|' rows as tables, underlined headings."""
from __future__ import annotations

from eia_rules.model.blocks import BlockKind

from .conftest import block

FORM = """Equality impact

| Characteristic | Impact | Reasons |
|---|---|---|
| Age | Negative | Older people will travel further. |
| Disability | N/A | |

Officer completing
Jane Jones
This assessment covers the new
library opening hours.

Consultation
============

A survey ran in March 2024.
"""


def test_pipe_rows_become_cells_with_row_and_column_headers(read):
    doc = read("form.txt", FORM)
    cell = block(doc, "N/A")
    assert cell.kind is BlockKind.TABLE_CELL
    assert (cell.row_header, cell.column_header) == ("Disability", "Impact")
    assert block(doc, "Older people").column_header == "Reasons"
    assert not any(set(b.text) <= set("-|: ") for b in doc.blocks)  # the '|---|' rule is not a block


def test_short_label_lines_stay_blocks_of_their_own(read):
    doc = read("form.txt", FORM)
    assert block(doc, "Officer completing").text == "Officer completing"
    assert block(doc, "Jane Jones").text == "Jane Jones"
    # a hard-wrapped sentence is still joined, even where a line is short
    assert block(doc, "This assessment").text == "This assessment covers the new library opening hours."


def test_underlined_line_is_a_heading(read):
    doc = read("form.txt", FORM)
    heading = block(doc, "Consultation")
    assert heading.kind is BlockKind.HEADING and heading.text == "Consultation"
    assert block(doc, "A survey").location.section_path[-1] == "Consultation"


def test_a_colon_label_under_a_long_group_name_starts_its_own_block(read):
    pasted = ("Other groups (carers, armed forces community, children and young people)\n"
              "Impact:\n"
              "[ ] Positive  [ ] Negative  [x] Neutral\n"
              "Reason / evidence:\n"
              "\n"
              "We wrote about the new bins to the community councils and\n"
              "Tenants' associations:\n"
              "Each replied in writing.\n")
    doc = read("flattened.txt", pasted)
    assert block(doc, "Other groups").text.endswith("young people)")
    assert block(doc, "Impact").text == "Impact:"
    assert block(doc, "Reason / evidence").text == "Reason / evidence:"
    # a line that runs on ('... and') into a colon label is still one paragraph
    assert "councils and Tenants' associations:" in block(doc, "We wrote").text
