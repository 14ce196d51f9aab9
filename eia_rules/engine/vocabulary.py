"""The fact vocabulary (kinds, fields and their types), derived from `facts.py` itself.

A misspelt field or a `true` compared with a "yes"/"no" field never matches in durable_rules,
and nothing says so. The loader checks every condition against this vocabulary. It is not
written out by hand: two sample records (an empty one and one with every optional value filled)
go through `record_to_facts`, so the vocabulary cannot drift from the code that makes facts.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from ..model.record import (
    CHARACTERISTICS, SIGNALS, EngagementEvent, EvidenceSource, IIARecord, Metadata, Mitigation, TextItem,
)
from .facts import DUTIES, record_to_facts

FieldType = str  # "bool" | "number" | "string"
Vocabulary = dict[str, dict[str, FieldType]]


def type_name(value: Any) -> FieldType:
    """The vocabulary type of a value: booleans are not numbers here, though the engine mixes them."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "string"


def _full_record() -> IIARecord:
    """A record in which every optional value that makes a fact field is filled in."""
    day = date(2024, 1, 1)
    return IIARecord(
        metadata=Metadata(assessment_date=day, decision_date=day),
        engagement=[EngagementEvent(start=day, duration_days=42, responses=10)],
        mitigations=[Mitigation(text="m", characteristics=[CHARACTERISTICS[0]], due=day)],
        evidence=[EvidenceSource(text="e", year=2020, local=True)],
        signals={name: TextItem(text=name) for name in SIGNALS},
    )


@lru_cache(maxsize=1)
def fact_vocabulary() -> Vocabulary:
    """kind -> field -> type, for every fact `record_to_facts` can produce."""
    vocabulary: Vocabulary = {}
    profile = {"duties": {d: True for d in DUTIES}}
    for record in (IIARecord(), _full_record()):
        for fact in record_to_facts(record, profile, today=date(2025, 1, 1)).facts:
            fields = vocabulary.setdefault(fact["kind"], {})
            for name, value in fact.items():
                fields.setdefault(name, type_name(value))
    return vocabulary
