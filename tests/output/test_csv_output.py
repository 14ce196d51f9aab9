"""CSV: a header row and one row per finding, readable by the csv module and spreadsheets."""
from __future__ import annotations

import csv
import io

from eia_rules.model.findings import Finding, Report, Severity
from eia_rules.output import csv_out


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_header_and_one_row_per_finding(report, rules):
    text = csv_out.render([report], rules)
    assert text.splitlines()[0] == ",".join(csv_out.COLUMNS)
    rows = _rows(text)
    assert len(rows) == len(report.findings)
    first, review, bare, suppressed = rows
    assert first["path"] == "docs/assessments/library, closure: 2024.md"
    assert first["location"] == "line 12" and first["section"] == "Annex C > Race"
    assert (first["code"], first["family"], first["severity"], first["outcome"]) == (
        "PSED-01", "psed", "error", "violation")
    assert review["outcome"] == "needs_review" and review["location"] == "p. 3, table 2 row 4 col 2"
    assert review["message"] == "Only a generic statement on\ndisadvantage."
    assert bare["location"] == "document"
    assert suppressed["suppressed"] == "yes" and first["suppressed"] == "no"
    assert (first["subject_kind"], first["subject"], first["duty"]) == ("characteristic", "race", "psed")
    assert (bare["subject_kind"], bare["subject"], bare["duty"]) == ("", "", "")
    assert {r["kind"] for r in rows} == {"finding"}
    assert [r["fingerprint"] for r in rows] == [f.fingerprint for f in report.findings]


def test_formula_like_text_is_made_inert(rules):
    finding = Finding(rule_id="PSED-01", family="psed", severity=Severity.ERROR,
                      message="=HYPERLINK(\"http://x\")", section="+Annex")
    row = _rows(csv_out.render([Report(path="a.docx", findings=[finding])], rules))[0]
    assert row["message"].startswith("'=") and row["section"] == "'+Annex"
