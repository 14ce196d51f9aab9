"""Turn per-document results into the headline figures and the list of disagreements."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .fields import PC_PREFIX, field_group
from .gaps import blocking, gap_counts, scored_codes, verdict
from .metrics import (
    PRF, accuracy, confusion, false_assurance, macro_f1, missed_assessments, per_status, rule_counts, sum_counts,
)
from .runner import DocumentResult

UNKNOWN_FAMILY = "unknown"


@dataclass(frozen=True)
class Disagreement:
    file: str
    field: str
    expected: Any
    got: Any


def _compared(result: DocumentResult) -> list[tuple[str, Any, Any]]:
    """(field, expected, got) for every labelled field the checker reports on."""
    assert result.observation is not None
    got = result.observation.fields
    return [(name, want, got[name]) for name, want in result.expected.items() if name in got]


def _rule_disagreements(result: DocumentResult) -> list[Disagreement]:
    fired = result.observation.fired if result.observation else None
    if fired is None:
        return []
    out = [Disagreement(result.name, f"rule {c}", "fires", "silent") for c in result.must_fire if c not in fired]
    out += [Disagreement(result.name, f"rule {c}", "does not fire", "fired") for c in result.must_not_fire if c in fired]
    return out


def _rules_section(results: list[DocumentResult]) -> dict[str, Any] | None:
    """Rule P/R/F1 per rule, per family and overall; None when the checker ran no rules."""
    ran = _ran_rules(results)
    if not ran:
        return None
    by_rule = sum_counts(rule_counts(r.must_fire, r.must_not_fire, r.observation.fired) for r in ran)
    families: dict[str, str] = {}
    for r in ran:
        families.update(r.observation.families)
    by_family: dict[str, PRF] = defaultdict(PRF)
    for code, prf in by_rule.items():
        by_family[families.get(code, UNKNOWN_FAMILY)] += prf
    overall = sum(by_rule.values(), PRF())
    return {
        "overall": overall.as_dict(),
        "by_family": {k: v.as_dict() for k, v in sorted(by_family.items())},
        "by_rule": {k: v.as_dict() for k, v in sorted(by_rule.items())},
    }


def _ran_rules(results: list[DocumentResult]) -> list[DocumentResult]:
    return [r for r in results if r.observation and r.observation.fired is not None]


def _gaps_section(results: list[DocumentResult]) -> dict[str, Any] | None:
    """Finding-level precision and recall against the labels' gap codes, per code family."""
    ran = _ran_rules(results)
    if not ran:
        return None
    by_family = sum_counts(gap_counts(r.labels, r.observation.flags) for r in ran)
    overall = sum(by_family.values(), PRF())
    return {"overall": overall.as_dict(), "by_family": {k: v.as_dict() for k, v in sorted(by_family.items())},
            "by_document": _gap_disagreements(ran)}


def _gap_disagreements(ran: list[DocumentResult]) -> list[dict[str, Any]]:
    """Each document whose findings differ from its gap labels: the codes reported that the
    labels do not bear out (false) and the ones they expect that were not reported (missed),
    so whoever tunes a rule can see which documents a precision or recall figure comes from."""
    out = []
    for r in ran:
        want, got = scored_codes(r.labels, r.observation.flags)
        if want != got:
            out.append({"file": r.name, "false": sorted(got - want), "missed": sorted(want - got)})
    return out


def _thorough_section(results: list[DocumentResult]) -> list[dict[str, Any]]:
    """Each document labelled thorough, with every error and warning it gets and whether the
    labels bear it out: a good assessment should be told little, and only what is true."""
    out = []
    for r in _ran_rules(results):
        if r.labels.get("quality") != "thorough":
            continue
        shown = blocking(r.observation.flags)
        out.append({"file": r.name, "errors_and_warnings": len(shown), "findings": [
            {"rule_id": f.rule_id, "severity": f.severity, "subject": dict(f.subject), "section": f.section,
             "places": f.places, "verdict": verdict(r.labels, f), "message": f.message} for f in shown]})
    return out


def summarise(results: list[DocumentResult]) -> dict[str, Any]:
    """Every figure the evaluation reports, as plain data (the JSON output is exactly this)."""
    done = [r for r in results if r.observation is not None]
    compared = [(r.name, *c) for r in done for c in _compared(r)]
    pc_pairs = [(want, got) for _, name, want, got in compared if name.startswith(PC_PREFIX)]
    groups: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
    for _, name, want, got in compared:
        if not name.startswith(PC_PREFIX):
            groups[field_group(name)].append((want, got))
    disagreements = [Disagreement(f, n, w, g) for f, n, w, g in compared if w != g]
    disagreements += [d for r in done for d in _rule_disagreements(r)]
    return {
        "documents": len(results),
        "evaluated": len(done),
        "failures": [{"file": r.name, "reason": r.error} for r in results if r.observation is None],
        "characteristics": {
            "compared": len(pc_pairs),
            "accuracy": accuracy(pc_pairs),
            "macro_f1": macro_f1(pc_pairs),
            "false_assurance": false_assurance(pc_pairs),
            "missed_assessments": missed_assessments(pc_pairs),
            "per_status": {s: prf.as_dict() for s, prf in per_status(pc_pairs).items()},
            "confusion": confusion(pc_pairs),
        },
        "fields": {name: {"compared": len(pairs), "correct": sum(1 for w, g in pairs if w == g),
                          "accuracy": accuracy(pairs)} for name, pairs in sorted(groups.items())},
        "rules": _rules_section(done),
        "gaps": _gaps_section(done),
        "thorough": _thorough_section(done),
        "disagreements": [vars(d) for d in disagreements],
    }
