"""Run a checker over a labelled corpus and gather what it says next to what the labels say.

A checker is any `Observer` (path -> `Observation`), so eia-rules and the naive baseline are
measured by the same code. A document that cannot be read is recorded as a failure with its
reason and the run goes on; failures are left out of the figures and listed on their own.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EiaRulesError
from .corpus import LabelledDocument
from .fields import expected_fields, observed_fields
from .gaps import Flag


@dataclass(frozen=True)
class Observation:
    """What a checker concluded about one document.

    `fired` is None when the checker runs no rules (the naive baseline, or `--only-fields`),
    which keeps rule figures out of its summary rather than counting every rule as silent.
    """

    fields: dict[str, Any]
    fired: frozenset[str] | None = None
    families: dict[str, str] = field(default_factory=dict)
    flags: tuple[Flag, ...] = ()


Observer = Callable[[Path], Observation]


@dataclass(frozen=True)
class DocumentResult:
    """One document's labels and the checker's observation, or the reason it failed."""

    name: str
    expected: dict[str, Any]
    labels: dict[str, Any] = field(default_factory=dict, hash=False)
    must_fire: tuple[str, ...] = ()
    must_not_fire: tuple[str, ...] = ()
    observation: Observation | None = None
    error: str = ""


def eia_rules_observer(run_rules: bool = True) -> Observer:
    """eia-rules itself: the public `parse` and `check_record`, as a user's run would call them."""
    from ..pipeline import check_record, parse

    def observe(path: Path) -> Observation:
        record = parse(path)
        fields = observed_fields(record)
        if not run_rules:
            return Observation(fields)
        report = check_record(record)
        # Suppressed findings still count as fired: labels say whether the gap is there, and an
        # officer's suppression answers a finding rather than making the rule wrong.
        families = {r.rule_id: r.family for r in [*report.passed, *report.not_applicable, *report.findings]}
        flags = tuple(Flag(f.rule_id, dict(f.subject), f.severity.value, f.outcome.value, f.message, f.section,
                           f.occurrences) for f in report.findings)
        return Observation(fields, frozenset(f.rule_id for f in report.findings), families, flags)

    return observe


def _failure_reason(error: Exception) -> str:
    if isinstance(error, EiaRulesError):
        return str(error)
    return f"{type(error).__name__}: {error}"  # a crash is also a result worth reporting


def evaluate_document(doc: LabelledDocument, observer: Observer) -> DocumentResult:
    """Observe one document; any error becomes the result's reason instead of stopping the run."""
    rules = doc.labels.get("rules") or {}
    base = {"name": doc.name, "expected": expected_fields(doc.labels), "labels": doc.labels,
            "must_fire": tuple(rules.get("must_fire") or ()),
            "must_not_fire": tuple(rules.get("must_not_fire") or ())}
    try:
        if not doc.path.is_file():
            return DocumentResult(**base, error=f"{doc.path}: file not found")
        return DocumentResult(**base, observation=observer(doc.path))
    except Exception as e:  # noqa: BLE001 - one bad document must not hide the other results
        return DocumentResult(**base, error=_failure_reason(e))


def evaluate(docs: Iterable[LabelledDocument], observer: Observer) -> list[DocumentResult]:
    """Observe every document in order."""
    return [evaluate_document(doc, observer) for doc in docs]
