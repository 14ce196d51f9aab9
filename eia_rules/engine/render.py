"""Turn one engine match into one `Finding`: the single generic action of every rule.

Templates are filled by a regular-expression substitution of `{alias.field}` and
`{alias.label}` only. Document text never goes through `str.format` or `eval`, so a brace or
a format spec in a rule or a document cannot do anything but appear as written.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model.findings import Finding, Outcome, Severity
from ..model.record import CHARACTERISTIC_LABELS, GOAL_LABELS, WAY_LABELS
from .facts import FactSet, FactSource
from .ir import Match, RuleSpec, needs_review
from .loader import TEMPLATE

TOPIC_LABELS: dict[str, str] = {
    "socio_economic": "Socio-economic Duty", "welsh_language": "Welsh language",
    "childrens_rights": "children's rights", "human_rights": "human rights",
    "wellbeing_objectives": "well-being objectives", "monitoring": "monitoring and review",
    "psed_eliminate_discrimination": "eliminating discrimination (PSED aim 1)",
    "psed_advance_equality": "advancing equality of opportunity (PSED aim 2)",
    "psed_foster_good_relations": "fostering good relations (PSED aim 3)",
}
DUTY_LABELS: dict[str, str] = {
    "psed": "The public sector equality duty", "sed": "The Socio-economic Duty",
    "wfg": "The well-being duty of the Well-being of Future Generations (Wales) Act 2015",
    "welsh_language": "The Welsh Language Standards", "childrens_rights": "The children's rights duty",
}
_LABEL_FIELDS: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("characteristic", CHARACTERISTIC_LABELS), ("way", WAY_LABELS), ("goal", GOAL_LABELS),
    ("topic", TOPIC_LABELS), ("signal", {}),
)


def fact_label(fact: Mapping[str, Any]) -> str:
    """The human name of what a fact is about (a characteristic, way, goal, topic or signal)."""
    for field, labels in _LABEL_FIELDS:
        key = fact.get(field)
        if isinstance(key, str):
            return labels.get(key) or (key.replace("_", " ") if key else "general")
    return str(fact.get("kind", "document"))


# Fields holding several keys (space-separated, as facts keep lists) and the names they render as.
_KEY_LIST_FIELDS: dict[str, Mapping[str, str]] = {"absent_goals": GOAL_LABELS}


def _show(field: str, value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if field in _KEY_LIST_FIELDS:
        return _quoted_list([_KEY_LIST_FIELDS[field].get(k, k) for k in str(value).split()])
    return str(value)


def _quoted_list(names: list[str]) -> str:
    """'"A", "B" and "C"': names as a sentence lists them."""
    quoted = [f'"{n}"' for n in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def render(template: str, bound: Mapping[str, Mapping[str, Any]]) -> str:
    """Fill `{alias.field}` / `{alias.label}`; anything else in the text stays as written."""
    def one(m: Any) -> str:
        fact = bound.get(m.group(1))
        if fact is None:
            return m.group(0)
        if m.group(2) == "label":
            return fact_label(fact)
        return _show(m.group(2), fact[m.group(2)]) if m.group(2) in fact else "unknown"
    return TEMPLATE.sub(one, template)


SUBJECT_FIELDS: tuple[str, ...] = tuple(name for name, _ in _LABEL_FIELDS if name != "signal")


def subject_of(match: Match) -> dict[str, str]:
    """What a finding is about, from its first matched fact that names one thing, so
    integrators and the evaluation need not read it out of the message."""
    for fact in match.facts.values():
        for name in SUBJECT_FIELDS:
            key = fact.get(name)
            if isinstance(key, str) and key:
                return {name: key}
    return {}


def _source(rule: RuleSpec, match: Match, facts: FactSet, document: Mapping[str, Any]) -> FactSource:
    """Where the finding points: the first matched non-document fact, else the document."""
    for fact in match.facts.values():
        if fact.get("kind") != "document" and isinstance(fact.get("ref"), int):
            return facts.sources[fact["ref"]]
    ref = document.get("ref")
    return facts.sources[ref] if isinstance(ref, int) and ref < len(facts.sources) else FactSource()


def duty_applies(rule: RuleSpec, document: Mapping[str, Any]) -> bool:
    """False only when the body profile says the rule's duty does not cover this body."""
    return rule.duty is None or document.get(f"duty_{rule.duty}", True) is not False


# Said when a rule's `review_when` holds and the rule gives no note of its own.
DEFAULT_REVIEW_NOTE = ("The rest of this part of the assessment is detailed, so eia-rules may have missed "
                       "how it is put: check this yourself.")


def make_finding(rule: RuleSpec, match: Match, facts: FactSet, document: Mapping[str, Any]) -> Finding:
    """The generic action: one match of one rule -> one located, explained finding.

    A match the rule marks as uncertain (`review_when`) becomes needs-review at info severity:
    a warning the officer cannot trust costs more than a question they can answer."""
    message = render(rule.message, match.facts)
    severity = Severity(rule.severity)
    outcome = Outcome(rule.outcome)
    if needs_review(rule, match.facts, document):
        severity, outcome = Severity.INFO, Outcome.NEEDS_REVIEW
        message += " " + render(rule.review_note or DEFAULT_REVIEW_NOTE, match.facts)
    if not duty_applies(rule, document):
        severity = Severity.INFO
        body = document.get("body_type") or "unknown"
        duty = DUTY_LABELS.get(rule.duty or "", f"The {rule.duty} duty")
        message += f" {duty} does not apply to this body type ({body}), so this is for information only."
    source = _source(rule, match, facts, document)
    return Finding(
        rule_id=rule.id, title=rule.title, family=rule.family, severity=severity,
        outcome=outcome, message=message, locations=list(source.locations),
        section=source.section, excerpt=source.excerpt, legal_basis=rule.legal_basis,
        remediation=render(rule.remediation, match.facts),
        subject=subject_of(match), duty=rule.duty or "",
    )
