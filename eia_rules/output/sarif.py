"""SARIF 2.1.0: the format code-scanning dashboards (GitHub, Azure DevOps, VS Code) read.

One run holds every document checked. Each rule is a reportingDescriptor so a viewer can show
why it matters and how to fix it; each finding is a result pointing at the document and, where
the reader knew it, the line (text formats) or the character span of the block in the
extracted text (binary formats such as .docx and .pdf). Page, table, row and column go in the
location's property bag because SARIF has no words for them.

A repeated finding reported once (grouping.py) is one result: its first place in `locations`,
each other place in `relatedLocations` (numbered from 1), linked from the message text as
SARIF's embedded links ("Also at [table 1 row 3](1)"), with the count in the property bag.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ..model.blocks import Location
from ..model.findings import Finding, Outcome, Report, Severity
from . import rulemeta
from .rulemeta import RuleMetaLike


def _version() -> str:
    """The installed distribution's version (what the driver reports), "0" if not installed."""
    try:
        return metadata.version("eia-rules")
    except metadata.PackageNotFoundError:
        return "0"


SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "eiaRules/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(reports: Sequence[Report], rules: Sequence[RuleMetaLike] = (), *,
           base_dir: Path | None = None, **_: object) -> str:
    """A SARIF 2.1.0 log (JSON text) with one run covering all `reports`."""
    return json.dumps(build_log(reports, rules, base_dir=base_dir), indent=2, ensure_ascii=False) + "\n"


def build_log(reports: Sequence[Report], rules: Sequence[RuleMetaLike] = (), *,
              base_dir: Path | None = None) -> dict[str, Any]:
    """The SARIF log as a dict, for callers that want to merge or inspect it."""
    described = rulemeta.all_rules(reports, rules)
    index = {rule.id: i for i, rule in enumerate(described)}
    results = [
        _result(finding, report, index, described, base_dir)
        for report in reports for finding in report.findings
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "eia-rules",
            "version": _version(),
            "semanticVersion": _version(),
            "rules": [_descriptor(rule) for rule in described],
        }},
        "artifacts": [_artifact(report, base_dir) for report in reports],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    versions = sorted({r.rules_version for r in reports if r.rules_version})
    if versions:
        run["properties"] = {"rulesVersion": versions[0] if len(versions) == 1 else versions}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _descriptor(rule: RuleMetaLike) -> dict[str, Any]:
    """A reportingDescriptor: what the rule checks, why, and how to satisfy it."""
    help_parts = [p for p in (rule.remediation, _basis_line(rule.legal_basis)) if p]
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.title or rule.id,
        "shortDescription": {"text": rule.title or rule.id},
        "defaultConfiguration": {"level": _LEVEL[rulemeta.severity_of(rule)]},
        "properties": {
            "family": rule.family,
            "tags": list(rule.tags),
            "legal_basis": rule.legal_basis,
        },
    }
    if rule.why:
        descriptor["fullDescription"] = {"text": rule.why}
    if help_parts:
        descriptor["help"] = {
            "text": "\n\n".join(help_parts),
            "markdown": "\n\n".join(_markdown_help(rule)),
        }
    return descriptor


def _basis_line(basis: str) -> str:
    return f"Legal basis: {basis}" if basis else ""


def _markdown_help(rule: RuleMetaLike) -> list[str]:
    parts = []
    if rule.remediation:
        parts.append(f"**How to fix:** {rule.remediation}")
    if rule.legal_basis:
        parts.append(f"**Legal basis:** {rule.legal_basis}")
    return parts


def artifact_uri(path: str, base_dir: Path | None = None) -> str:
    """The document as a URI reference: relative and percent-encoded, or file:// if outside base.

    SARIF requires a URI, so spaces, colons and the like in file names must be encoded.
    """
    shown = rulemeta.display_path(path, base_dir)
    if PurePosixPath(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(shown)


def _artifact(report: Report, base_dir: Path | None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {"uri": artifact_uri(report.path, base_dir)}}
    if report.format:
        artifact["properties"] = {"format": report.format}
    return artifact


def _result(finding: Finding, report: Report, index: dict[str, int],
            described: list[RuleMetaLike], base_dir: Path | None) -> dict[str, Any]:
    """One finding as a SARIF result.

    SARIF says a result whose kind is not "fail" has level "none"; a needs-review finding
    therefore carries its severity in the property bag instead.
    """
    review = finding.outcome is Outcome.NEEDS_REVIEW
    uri = artifact_uri(report.path, base_dir)
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "kind": "review" if review else "fail",
        "level": "none" if review else _LEVEL[finding.severity],
        "message": {"text": _message(finding, described[index[finding.rule_id]])},
        "locations": [_location(loc, uri) for loc in finding.locations] or [_document_location(uri)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"severity": finding.severity.value, "family": finding.family,
                       "outcome": finding.outcome.value},
    }
    if finding.also_at:
        result["relatedLocations"] = _related(finding, uri)
        result["properties"]["occurrences"] = finding.occurrences
        result["message"]["text"] += " " + _also_at_links(finding)
    if finding.subject:
        result["properties"]["subject"] = dict(finding.subject)
    if finding.duty:
        result["properties"]["duty"] = finding.duty
    if finding.section:
        result["properties"]["section"] = finding.section
    if finding.excerpt:
        result["properties"]["excerpt"] = finding.excerpt
    if finding.suppressed:
        result["suppressions"] = [{
            "kind": suppression_kind(finding),
            "status": "accepted",
            "justification": finding.suppression_reason or "suppressed without a stated reason",
        }]
    return result


def suppression_kind(finding: Finding) -> str:
    """"inSource" when the officer's note is in the document itself, else "external".

    `Finding` does not yet say where a suppression came from; a `suppression_source`
    attribute equal to "document" (if the model gains one) marks an in-document note.
    """
    return "inSource" if getattr(finding, "suppression_source", "") == "document" else "external"


def _message(finding: Finding, rule: RuleMetaLike) -> str:
    text = finding.message
    fix = rulemeta.remediation(finding, rule)
    return f"{text} How to fix: {fix}" if fix and fix not in text else text


def _related(finding: Finding, uri: str) -> list[dict[str, Any]]:
    """The other places as relatedLocations with ids 1..n, one per place.

    A place with several locations is given by its first (the rest are in its property bag's
    `locations`); a place with none is the document itself."""
    related = []
    for number, place in enumerate(finding.also_at, start=1):
        location = _location(place.locations[0], uri) if place.locations else _document_location(uri)
        location["id"] = number
        location["message"] = {"text": rulemeta.place_label(place, finding)}
        bag = location.setdefault("properties", {})
        bag["fingerprint"] = place.fingerprint
        if len(place.locations) > 1:
            bag["locations"] = [loc.label() for loc in place.locations]
        related.append(location)
    return related


def _also_at_links(finding: Finding) -> str:
    """'Also at 2 other places: [table 1 row 3](1); [table 1 row 4](2).' (SARIF embedded links)."""
    links = "; ".join(f"[{_link_text(rulemeta.place_label(p, finding))}]({n})"
                      for n, p in enumerate(finding.also_at, start=1))
    n = len(finding.also_at)
    return f"Also at {n} other place{'' if n == 1 else 's'}: {links}."


def _link_text(text: str) -> str:
    """Link text with the brackets SARIF's message syntax reserves escaped."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _document_location(uri: str) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": uri}}}


def _location(loc: Location, uri: str) -> dict[str, Any]:
    """A physical location (line or character span), the section path and the cell address."""
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    region = _region(loc)
    if region:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc.section_path:
        location["logicalLocations"] = [{
            "name": loc.section_path[-1],
            "fullyQualifiedName": loc.section(),
        }]
    bag = {k: v for k, v in (("page", loc.page), ("paragraph", loc.paragraph), ("table", loc.table),
                             ("row", loc.row), ("column", loc.column)) if v is not None}
    if bag:
        location["properties"] = bag
    location["message"] = {"text": loc.label()}
    return location


def _region(loc: Location) -> dict[str, int]:
    if loc.line is not None:
        return {"startLine": loc.line}
    if loc.start is not None:
        region = {"charOffset": loc.start}
        if loc.end is not None and loc.end >= loc.start:
            region["charLength"] = loc.end - loc.start
        return region
    return {}
