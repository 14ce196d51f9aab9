"""JUnit XML: lets any CI server show each rule as a test that passed, failed or was skipped.

A testsuite per document and a testcase per rule, so the CI's test view reads as a checklist:
which duties the assessment evidences (passed), which it does not (failed, with where and
why), and which did not apply (skipped). Suppressed findings do not fail, and findings that
need a person's review are listed in the testcase's output without failing it.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..model.findings import Finding, Outcome, Report
from . import rulemeta
from .rulemeta import RuleMetaLike


def render(reports: Sequence[Report], rules: Sequence[RuleMetaLike] = (), **_: object) -> str:
    """A <testsuites> document with one <testsuite> per report."""
    described = rulemeta.all_rules(reports, rules)
    root = ET.Element("testsuites", name="eia-rules")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for report in reports:
        suite = _suite(report, described)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(report: Report, described: Sequence[RuleMetaLike]) -> ET.Element:
    suite = ET.Element("testsuite", name=report.path)
    not_applicable = {r.rule_id: r.reason for r in report.not_applicable}
    counts = {"tests": 0, "failures": 0, "skipped": 0}
    for rule in described:
        findings = [f for f in report.findings if f.rule_id == rule.id]
        case = ET.SubElement(suite, "testcase", classname=rule.family or "eia-rules",
                             name=f"{rule.id} {rule.title}".strip())
        counts["tests"] += 1
        failing = [f for f in findings if f.outcome is Outcome.VIOLATION and not f.suppressed]
        if failing:
            counts["failures"] += 1
            _failure(case, failing, rule)
        elif rule.id in not_applicable and not findings:
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=not_applicable[rule.id] or "rule did not apply")
        notes = [f for f in findings if f not in failing]
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(_note(f) for f in notes)
    suite.set("tests", str(counts["tests"]))
    suite.set("failures", str(counts["failures"]))
    suite.set("errors", "0")
    suite.set("skipped", str(counts["skipped"]))
    return suite


def _failure(case: ET.Element, failing: list[Finding], rule: RuleMetaLike) -> None:
    """One <failure> per testcase (what most CI servers expect), listing every finding."""
    first = failing[0]
    message = first.message if len(failing) == 1 else f"{len(failing)} findings: {first.message}"
    failure = ET.SubElement(case, "failure", message=message, type=first.severity.value)
    lines = [_line(f) for f in failing]
    fix = rulemeta.remediation(first, rule)
    basis = rulemeta.legal_basis(first, rule)
    if fix:
        lines.append(f"How to fix: {fix}")
    if basis:
        lines.append(f"Legal basis: {basis}")
    failure.text = "\n".join(lines)


def _line(finding: Finding) -> str:
    """The message and where, with a grouped finding's other places after it."""
    also = rulemeta.also_at(finding)
    return f"{finding.message} [{rulemeta.location_label(finding.locations)}]" + (f" {also}" if also else "")


def _note(finding: Finding) -> str:
    if finding.suppressed:
        why = finding.suppression_reason or "no reason given"
        return f"Suppressed ({why}): {_line(finding)}"
    return f"Needs review: {_line(finding)}"
