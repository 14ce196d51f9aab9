"""Repeated findings reported once: the same advice about the same thing, with its other places.

A rule fires once per matching fact, so a rule about action rows (MM002, MM003) or evidence
sources (EV002) can say exactly the same thing four times in one document. An officer reading
the report then sees one piece of advice repeated; reported once, with the other places
listed (`Finding.also_at`), it reads as one gap to close in several places.

What counts as the same finding is deliberately narrow: the same rule, the same rendered
message and advice, the same subject (characteristic, way, goal or topic), severity, outcome
and duty, and the same suppression state. So a finding about age never absorbs one about
disability, PC003 for two characteristics stays two findings (their messages and subjects
differ), and a rule whose message quotes the text it is about keeps one finding per text.
Grouping can only remove repeats of advice the officer has already been given; it never hides
a distinct gap.

Grouping runs last in `check_record`, after suppressions and rule selection: each place is
suppressed (or not) on its own first, and a suppressed place is never grouped with one that is
not, so a suppression at one place cannot silence the others. Consumers that act per place
(baselines, comments in an annotated Word copy) use `Finding.at_each_place`.
"""
from __future__ import annotations

from collections.abc import Iterable

from .model.findings import Finding

GroupKey = tuple[object, ...]


def group_key(finding: Finding) -> GroupKey:
    """What two findings must share to be one finding at two places (everything but the place)."""
    return (finding.rule_id, finding.family, finding.severity, finding.outcome, finding.message,
            finding.remediation, tuple(sorted(finding.subject.items())), finding.duty,
            finding.suppressed, finding.suppression_reason)


def group_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings with repeats merged into the first of each kind, in first-seen order.

    The first finding keeps its location, section, excerpt and fingerprint; every later
    repeat (and any places it already listed) is appended to its `also_at`.
    """
    groups: dict[GroupKey, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(group_key(finding), []).append(finding)
    return [merge(group) for group in groups.values()]


def merge(group: list[Finding]) -> Finding:
    """One finding for a group of repeats: the first, with the others' places listed."""
    first, rest = group[0], group[1:]
    if not rest:
        return first
    also_at = [*first.also_at] + [place for other in rest for place in other.places()]
    return first.model_copy(update={"also_at": also_at})
