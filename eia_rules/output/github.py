"""GitHub Actions workflow commands: findings appear as annotations on the pull request.

Each unsuppressed finding becomes one `::error|warning|notice file=...,line=...,title=...::`
line. GitHub reads these from a step's standard output; values are escaped exactly as its
runner unescapes them, so a message with a colon, comma or newline cannot break the command.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model.findings import Finding, Outcome, Report, Severity
from . import rulemeta
from .rulemeta import RuleMetaLike

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message: %, CR and LF (as the Actions runner's toolkit does)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value: as for data, plus ':' and ',' which delimit properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(reports: Sequence[Report], rules: Sequence[RuleMetaLike] = (), *,
           base_dir: Path | None = None, **_: object) -> str:
    """One annotation line per unsuppressed finding, in report order."""
    by_id = {rule.id: rule for rule in rulemeta.all_rules(reports, rules)}
    lines = [
        annotation(finding, rulemeta.display_path(report.path, base_dir), by_id.get(finding.rule_id))
        for report in reports for finding in report.findings if not finding.suppressed
    ]
    return "".join(line + "\n" for line in lines)


def annotation(finding: Finding, path: str, rule: RuleMetaLike | None) -> str:
    """The workflow command for one finding; the line is given only when the reader knew it."""
    props = {"file": path}
    line = next((loc.line for loc in finding.locations if loc.line is not None), None)
    if line is not None:
        props["line"] = str(line)
    review = " (needs review)" if finding.outcome is Outcome.NEEDS_REVIEW else ""
    props["title"] = f"{finding.rule_id}{review}: {rulemeta.title(finding, rule)}"
    prop_text = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{_COMMAND[finding.severity]} {prop_text}::{escape_data(_body(finding, rule))}"


def _body(finding: Finding, rule: RuleMetaLike | None) -> str:
    """Message, then where (so .docx/.pdf findings without a line still say where), then the fix."""
    lines = [finding.message, f"Where: {rulemeta.location_label(finding.locations)}"]
    where_section = rulemeta.section(finding)
    if where_section:
        lines[-1] += f" (section: {where_section})"
    also = rulemeta.also_at(finding)
    if also:
        lines.append(also)
    fix = rulemeta.remediation(finding, rule)
    if fix:
        lines.append(f"How to fix: {fix}")
    return "\n".join(lines)
