"""Small hand-built reports and rule metadata shared by the output-format tests."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from eia_rules.model.blocks import Location
from eia_rules.model.findings import Finding, Outcome, Report, RuleResult, Severity


@dataclass
class Rule:
    """A stand-in for the engine's rule objects (satisfies RuleMetaLike)."""

    id: str
    title: str
    family: str
    severity: str = "error"
    why: str = ""
    legal_basis: str = ""
    remediation: str = ""
    tags: list[str] = field(default_factory=list)


@pytest.fixture
def rules() -> list[Rule]:
    return [
        Rule("PSED-01", "Due regard to each protected characteristic", "psed", "error",
             why="The general duty requires due regard to every protected characteristic.",
             legal_basis="Equality Act 2010 s.149", remediation="Assess the impact on each characteristic.",
             tags=["equality", "psed"]),
        Rule("SED-01", "Socio-economic disadvantage considered", "socio_economic", "warning",
             legal_basis="Equality Act 2010 s.1", remediation="Say how the proposal affects low-income households.",
             tags=["socio-economic"]),
        Rule("WFG-02", "Involvement shown", "wellbeing", "info",
             why="Involvement is one of the five ways of working.",
             legal_basis="WFG(W)A 2015 s.5", remediation="Describe who was involved."),
        Rule("CON-01", "Consultation results reported", "engagement", "warning"),
    ]


@pytest.fixture
def report() -> Report:
    """Findings of every kind: in a cell, in a paragraph, on a text line, none, review, suppressed."""
    return Report(
        path="docs/assessments/library, closure: 2024.md", format="md", rules_version="2024.1",
        findings=[
            Finding(rule_id="PSED-01", title="Due regard to each protected characteristic", family="psed",
                    severity=Severity.ERROR, message="Race: no impact assessed, 100% blank",
                    locations=[Location(line=12, paragraph=5, start=40, end=72,
                                        section_path=("Annex C", "Race"))],
                    section="Annex C > Race", excerpt="Race", subject={"characteristic": "race"}, duty="psed"),
            Finding(rule_id="SED-01", family="socio_economic", severity=Severity.WARNING,
                    outcome=Outcome.NEEDS_REVIEW, message="Only a generic statement on\ndisadvantage.",
                    locations=[Location(page=3, table=2, row=4, column=2, start=100, end=130)]),
            Finding(rule_id="WFG-02", family="wellbeing", severity=Severity.INFO,
                    message="Involvement is not described."),
            Finding(rule_id="PSED-01", family="psed", severity=Severity.ERROR,
                    message="Disability: impact not assessed", suppressed=True,
                    suppression_reason="Covered by the separate accessibility review"),
        ],
        passed=[RuleResult(rule_id="CON-01", family="engagement")],
        not_applicable=[RuleResult(rule_id="WEL-09", family="welsh_language", reason="no services in Wales")],
    )
