"""JUnit XML parses back and reads as a per-document checklist of rules."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from eia_rules.model.findings import Finding, Report, Severity
from eia_rules.output import junit


def _cases(root: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name"): case for case in root.iter("testcase")}


def test_one_suite_per_document_one_case_per_rule(report, rules):
    other = Report(path="second.docx")
    root = ET.fromstring(junit.render([report, other], rules))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [report.path, "second.docx"]
    # four described rules plus WEL-09, known only from not_applicable
    assert all(len(s.findall("testcase")) == 5 for s in suites)
    assert root.get("tests") == "10"


def test_violations_fail_review_and_suppressed_do_not(report, rules):
    suite = ET.fromstring(junit.render([report], rules)).find("testsuite")
    cases = _cases(suite)
    psed = cases["PSED-01 Due regard to each protected characteristic"]
    failure = psed.find("failure")
    assert failure.get("message") == "Race: no impact assessed, 100% blank"
    assert failure.get("type") == "error"
    assert "line 12" in failure.text and "Equality Act 2010 s.149" in failure.text
    assert "Disability" not in failure.text  # the suppressed one does not fail ...
    assert "Suppressed (Covered by the separate accessibility review)" in psed.find("system-out").text
    review = cases["SED-01 Socio-economic disadvantage considered"]
    assert review.find("failure") is None
    assert "Needs review" in review.find("system-out").text
    assert cases["WFG-02 Involvement shown"].find("failure") is not None
    assert psed.get("classname") == "psed"
    assert suite.get("failures") == "2"


def test_not_applicable_is_skipped_and_passed_is_plain(report, rules):
    cases = _cases(ET.fromstring(junit.render([report], rules)))
    skipped = cases["WEL-09"].find("skipped")
    assert skipped is not None and skipped.get("message") == "no services in Wales"
    passed = cases["CON-01 Consultation results reported"]
    assert list(passed) == []


def test_markup_in_messages_is_escaped(rules):
    nasty = Finding(rule_id="PSED-01", family="psed", severity=Severity.ERROR,
                    message='Heading "<Race> & </testcase>" is empty')
    root = ET.fromstring(junit.render([Report(path="a&b.docx", findings=[nasty])], rules))
    assert root.find("testsuite").get("name") == "a&b.docx"
    assert _cases(root)["PSED-01 Due regard to each protected characteristic"].find(
        "failure").get("message") == nasty.message
