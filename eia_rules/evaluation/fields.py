"""Flat, comparable views of labels and of records: `"pc.age": "listed"`, `"consultation.who": True`.

Labels and records describe the same things in different shapes; putting both in one flat
vocabulary of dotted field names lets every metric be a plain comparison of two dicts, and
leaves out any field a label set does not cover (nothing unlabelled is scored).
"""
from __future__ import annotations

from typing import Any

from ..model.record import CHARACTERISTICS, WAYS_OF_WORKING, IIARecord

PC_PREFIX = "pc."
TOPIC_FIELDS: tuple[str, ...] = ("socio_economic", "welsh_language", "childrens_rights", "monitoring")
CONSULTATION_KEYS: tuple[str, ...] = (
    "present", "who", "when_or_duration", "responses_considered", "changes_made", "vague",
)
# Records hold mitigation as a list of actions, with no addressed/mentioned grading, so only
# whether any is given can be compared with the label.
MITIGATION_FIELD = "mitigation.present"

# Free-text label values that mean the detail was not given (real-excerpt labels write
# 'who' and 'when_or_duration' as text rather than true/false).
_NOT_GIVEN = {"", "not stated", "none", "unknown", "n/a", "no", "false"}


def _truthy_label(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().casefold() not in _NOT_GIVEN
    return bool(value)


def expected_fields(labels: dict[str, Any]) -> dict[str, Any]:
    """The labelled fields of one document, flattened; fields the labels leave out are left out."""
    out: dict[str, Any] = {}
    for key, status in (labels.get("pc") or {}).items():
        if key in CHARACTERISTICS:
            out[PC_PREFIX + key] = status
    for key, status in (labels.get("ways_of_working") or {}).items():
        if key in WAYS_OF_WORKING:
            out[f"ways_of_working.{key}"] = status
    for topic in TOPIC_FIELDS:
        if topic in labels:
            out[topic] = labels[topic]
    consultation = labels.get("consultation") or {}
    for key in CONSULTATION_KEYS:
        if key in consultation:
            out[f"consultation.{key}"] = _truthy_label(consultation[key])
    if "mitigation" in labels:
        out[MITIGATION_FIELD] = labels["mitigation"] != "absent"
    return out


def observed_fields(record: IIARecord) -> dict[str, Any]:
    """What the structurer read, in the same flat vocabulary as `expected_fields`."""
    out: dict[str, Any] = {PC_PREFIX + k: record.characteristics[k].status.value for k in CHARACTERISTICS}
    out.update({f"ways_of_working.{k}": record.ways_of_working[k].status.value for k in WAYS_OF_WORKING})
    for topic in TOPIC_FIELDS:
        out[topic] = getattr(record, topic).status.value
    events = record.engagement
    out.update({
        "consultation.present": bool(events),
        "consultation.who": any(e.who for e in events),
        "consultation.when_or_duration": any(e.start or e.end or e.duration_days for e in events),
        "consultation.responses_considered": any(e.responses_considered for e in events),
        "consultation.changes_made": any(e.changes_made.strip() for e in events),
        "consultation.vague": bool(events) and all(e.vague for e in events),
    })
    out[MITIGATION_FIELD] = bool(record.mitigations) or any(
        c.mitigation.strip() for c in record.characteristics.values())
    return out


def field_group(name: str) -> str:
    """The heading a field is reported under: 'pc', 'ways_of_working', 'consultation.who', 'welsh_language'."""
    head = name.split(".", 1)[0]
    return head if head in ("pc", "ways_of_working") else name
