"""Findings point where an officer would fix them.

A finding about one characteristic must point at that characteristic's own entry (its row or
paragraph), not at the first sentence that happens to name it (a proposal summary mentioning
'learners aged 16 to 19'); a rule about the engagement as a whole fires once, at the
consultation section; a topic finding points at the topic's own section. Each test reads a
small generated document through the real readers, checks it, and then reads back the block
at the finding's location.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

import eia_rules
from eia_rules.model.blocks import Location, SourceDocument
from eia_rules.model.findings import Finding
from eia_rules.readers import read_document

PROPOSAL = ("The proposal is to replace free transport for learners aged 16 to 19 with a travel pass "
            "costing £180 a year, saving £410,000.")
ROWS = [
    ("Age", "Negative", "Learners aged 16 to 19 will pay £180 a year, which is a larger share of income for "
                        "young people living independently."),
    ("Disability", "N/A", ""),
    ("Race", "Neutral", "Ethnic minority learners hold 4% of passes, close to their share of the population, "
                        "and the charge applies equally."),
]


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Integrated Impact Assessment: Post-16 travel", level=1)
    document.add_heading("Proposal", level=2)
    document.add_paragraph(PROPOSAL)
    document.add_heading("Protected characteristics", level=2)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Characteristic", "Impact", "Reasons")):
        cell.text = text
    for row in ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    document.add_heading("Consultation", level=2)
    document.add_paragraph("An online survey of learners ran from 2 September 2024 to 28 October 2024.")
    document.add_paragraph("The Youth Council also discussed the proposal at its October meeting.")
    document.add_heading("Welsh language", level=2)
    document.add_paragraph("The Welsh language is not affected.")
    document.save(path)
    return path


def _markdown(path: Path) -> Path:
    table = "\n".join(f"| {c} | {i} | {r} |" for c, i, r in ROWS)
    path.write_text(
        "# Integrated Impact Assessment: Post-16 travel\n\n## Proposal\n\n" + PROPOSAL + "\n\n"
        "## Protected characteristics\n\n| Characteristic | Impact | Reasons |\n|---|---|---|\n" + table + "\n\n"
        "## Consultation\n\nAn online survey of learners ran from 2 September 2024 to 28 October 2024.\n\n"
        "The Youth Council also discussed the proposal at its October meeting.\n\n"
        "## Welsh language\n\nThe Welsh language is not affected.\n", encoding="utf-8")
    return path


def _block_at(doc: SourceDocument, location: Location) -> str:
    """The text of the block (or the whole table row) a location names."""
    if location.table is not None:
        return " | ".join(b.text for b in doc.blocks
                          if b.location.table == location.table and b.location.row == location.row)
    return next(b.text for b in doc.blocks if b.location == location)


def _section_heading(doc: SourceDocument, location: Location) -> str:
    """The heading of the section a location is in (the heading itself when it points at one)."""
    block = next((b for b in doc.blocks if b.location == location), None)
    if block is not None and block.kind.value == "heading":
        return block.text
    return location.section_path[-1] if location.section_path else ""


@pytest.fixture(params=["docx", "md"])
def checked(request, tmp_path: Path) -> tuple[SourceDocument, list[Finding]]:
    path = _docx(tmp_path / "iia.docx") if request.param == "docx" else _markdown(tmp_path / "iia.md")
    return read_document(path), eia_rules.check(path).findings


def _findings(findings: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


def test_characteristic_findings_point_at_that_characteristics_row(checked) -> None:
    doc, findings = checked
    about = {"PC005": "Disability", "PC015": "Disability", "PC007": "Age", "PC013": "Age", "EV006": "Age"}
    seen = 0
    for rule_id, label in about.items():
        for finding in _findings(findings, rule_id):
            assert finding.locations, f"{rule_id} has no location"
            block = _block_at(doc, finding.locations[0])
            assert block.startswith(label), f"{rule_id} points at {block[:60]!r}, not the {label} entry"
            seen += 1
    assert seen >= 2  # the bare Disability answer and the unmitigated Age impact are both flagged


def test_engagement_wide_rule_fires_once_at_the_consultation_section(checked) -> None:
    doc, findings = checked
    changes = _findings(findings, "CE006")
    assert len(changes) == 1
    assert _section_heading(doc, changes[0].locations[0]) == "Consultation"


def test_topic_finding_points_at_its_own_section(checked) -> None:
    doc, findings = checked
    welsh = [f for f in findings if f.rule_id.startswith("WL") and f.locations]
    assert welsh
    for finding in welsh:
        assert _section_heading(doc, finding.locations[0]) == "Welsh language"
