"""SARIF output validates against the SARIF 2.1.0 schema and carries what viewers show."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from eia_rules.model.findings import Report, Severity
from eia_rules.output import sarif

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.FormatChecker()
    # artifact URIs are only checked when rfc3986-validator (a test extra) is installed
    assert "uri-reference" in checker.checkers, "install the test extras: rfc3986-validator is missing"
    return jsonschema.Draft4Validator(schema, format_checker=checker)


def test_log_validates_against_official_schema(report, rules, validator):
    log = json.loads(sarif.render([report], rules))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_schema_catches_a_broken_log(report, rules, validator):
    """The validator really checks: a result without a message is rejected."""
    log = json.loads(sarif.render([report], rules))
    del log["runs"][0]["results"][0]["message"]
    assert list(validator.iter_errors(log))


def test_rules_describe_why_and_how_to_fix(report, rules):
    driver = json.loads(sarif.render([report], rules))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "eia-rules" and driver["version"]
    psed = next(r for r in driver["rules"] if r["id"] == "PSED-01")
    assert psed["shortDescription"]["text"] == "Due regard to each protected characteristic"
    assert psed["fullDescription"]["text"].startswith("The general duty")
    assert "Assess the impact" in psed["help"]["text"] and "Equality Act 2010 s.149" in psed["help"]["text"]
    assert "**Legal basis:**" in psed["help"]["markdown"]
    assert psed["properties"]["family"] == "psed" and psed["properties"]["tags"] == ["equality", "psed"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels["PSED-01"] == "error" and levels["SED-01"] == "warning" and levels["WFG-02"] == "note"


def test_results_point_at_rule_and_place(report, rules):
    run = json.loads(sarif.render([report], rules))["runs"][0]
    results = run["results"]
    assert len(results) == len(report.findings)
    for result in results:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    line_result, cell_result, bare_result, suppressed = results
    physical = line_result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "docs/assessments/library%2C%20closure%3A%202024.md"
    assert physical["region"] == {"startLine": 12}
    assert line_result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "Annex C > Race"
    cell = cell_result["locations"][0]
    assert cell["physicalLocation"]["region"] == {"charOffset": 100, "charLength": 30}
    assert cell["properties"] == {"page": 3, "table": 2, "row": 4, "column": 2}
    assert "region" not in bare_result["locations"][0]["physicalLocation"]
    assert line_result["properties"]["subject"] == {"characteristic": "race"}
    assert line_result["properties"]["duty"] == "psed"
    assert "subject" not in bare_result["properties"] and "duty" not in bare_result["properties"]
    assert suppressed["partialFingerprints"]["eiaRules/v1"] == report.findings[3].fingerprint


def test_kinds_levels_and_suppressions(report, rules):
    results = json.loads(sarif.render([report], rules))["runs"][0]["results"]
    assert [(r["kind"], r["level"]) for r in results] == [
        ("fail", "error"), ("review", "none"), ("fail", "note"), ("fail", "error")]
    assert results[1]["properties"]["severity"] == "warning"
    assert "suppressions" not in results[0]
    assert results[3]["suppressions"] == [{
        "kind": "external", "status": "accepted",
        "justification": "Covered by the separate accessibility review"}]


def test_file_names_are_encoded_as_uris(rules, validator):
    log = json.loads(sarif.render([Report(path="reports/IIA draft: v2, final.docx")], rules))
    uri = log["runs"][0]["artifacts"][0]["location"]["uri"]
    assert uri == "reports/IIA%20draft%3A%20v2%2C%20final.docx"
    assert not list(validator.iter_errors(log))


def test_rule_missing_from_metadata_still_described(report):
    log = json.loads(sarif.render([report], []))
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert {"PSED-01", "SED-01", "WFG-02"} <= set(ids)
    assert all(r["ruleIndex"] < len(ids) for r in log["runs"][0]["results"])


def test_engine_style_rules_with_tuple_tags_and_enum_severity(report, rules, validator):
    """The engine's RuleSpec keeps tags as a tuple; a Severity enum is read by its value."""
    engine_rules = [replace(r, tags=tuple(r.tags)) for r in rules]
    engine_rules[0] = replace(engine_rules[0], severity=Severity.INFO)
    log = json.loads(sarif.render([report], engine_rules))
    descriptor = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert descriptor["defaultConfiguration"]["level"] == "note"
    assert descriptor["properties"]["tags"] == ["equality", "psed"]
    assert not list(validator.iter_errors(log))


def test_absolute_path_made_relative_to_base(tmp_path, rules, validator):
    doc = tmp_path / "sub" / "iia.docx"
    log = json.loads(sarif.render([Report(path=str(doc), format="docx")], rules, base_dir=tmp_path))
    assert log["runs"][0]["artifacts"][0]["location"]["uri"] == "sub/iia.docx"
    assert not list(validator.iter_errors(log))
