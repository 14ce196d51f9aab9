"""Regression guard: the headline accuracy figures must not fall below their targets (issue 4).

Targets are what eia-rules has to reach. Where a target is not yet reached, a floor records the
level measured when this guard was written minus 0.02 (plus 0.02 for false assurance, where
lower is better), so the test stops any slide backwards now and tightens to the target as soon
as the floor is raised past it. Raise a floor whenever the structurer improves; never lower it
without saying why in the commit message.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eia_rules.evaluation import evaluate_corpus

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO / "corpora"
REAL = REPO / ".." / "shared" / "corpora-real"

# Targets from issue 4 (higher is better except false assurance, a ceiling).
TARGETS: dict[str, dict[str, float]] = {
    "corpora": {"macro_f1": 0.90, "false_assurance": 0.05, "rule_precision": 0.95, "rule_recall": 0.90},
    "corpora-real": {"macro_f1": 0.85, "false_assurance": 0.10},
}
# Measured on corpora/ (43 documents): status macro-F1 0.969, rule precision 0.990, rule recall
# 1.000, false assurance 0.007; corpora-real macro-F1 0.903, false assurance 0.013. Each floor is
# min(target, measured - 0.02), so every floor now sits at its target.
FLOORS: dict[str, dict[str, float]] = {
    "corpora": {"macro_f1": 0.90, "rule_precision": 0.95, "rule_recall": 0.90},
}
CEILINGS = {"false_assurance"}  # metrics where lower is better


def _bound(corpus: str, metric: str) -> float:
    """The figure the test enforces: the target, relaxed only as far as a recorded floor."""
    target = TARGETS[corpus][metric]
    floor = FLOORS.get(corpus, {}).get(metric)
    if floor is None:
        return target
    return max(target, floor) if metric in CEILINGS else min(target, floor)


def _summary(root: Path) -> dict[str, Any]:
    if not root.is_dir():
        pytest.skip(f"{root} is not present")
    return evaluate_corpus(root)


@pytest.fixture(scope="module")
def corpora() -> dict[str, Any]:
    return _summary(CORPORA)


@pytest.fixture(scope="module")
def corpora_real() -> dict[str, Any]:
    return _summary(REAL)


def _check_statuses(corpus: str, summary: dict[str, Any]) -> None:
    assert summary["failures"] == [], f"documents that could not be read: {summary['failures']}"
    pc = summary["characteristics"]
    assert pc["macro_f1"] >= _bound(corpus, "macro_f1"), (
        f"{corpus}: status macro-F1 {pc['macro_f1']:.3f} < {_bound(corpus, 'macro_f1')}")
    assert pc["false_assurance"] <= _bound(corpus, "false_assurance"), (
        f"{corpus}: false assurance {pc['false_assurance']:.3f} > {_bound(corpus, 'false_assurance')}")


def test_corpora_status_figures(corpora: dict[str, Any]) -> None:
    _check_statuses("corpora", corpora)


def test_corpora_real_status_figures(corpora_real: dict[str, Any]) -> None:
    _check_statuses("corpora-real", corpora_real)


def test_corpora_rule_precision_and_recall(corpora: dict[str, Any]) -> None:
    overall = corpora["rules"]["overall"]
    if overall["tp"] + overall["fp"] + overall["fn"] == 0:
        pytest.skip("no rule codes are labelled in corpora/ (rules.must_fire / must_not_fire are empty)")
    for metric in ("precision", "recall"):
        if overall[metric] is None:  # e.g. only must_not_fire codes labelled: no recall to measure
            continue
        bound = _bound("corpora", f"rule_{metric}")
        assert overall[metric] >= bound, (
            f"corpora: rule {metric} {overall[metric]} < {bound}")
