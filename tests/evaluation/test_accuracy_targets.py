"""Regression guard: the headline accuracy figures must not slide back from where they were measured.

On each of the four corpora (the shared ones skip when ../shared is absent) status macro-F1 and
finding-level gap precision and recall must stay at or above a floor, the measured level minus
`MARGIN`; false assurance and missed assessments, where lower is better, must stay at or below a
ceiling, the measured level plus `MARGIN`. The margin absorbs a small honest trade between
figures; anything larger is a slide backwards that must be looked at.

The targets eia-rules has to reach (benchmarks/accuracy.py marks them met or not met) are higher
than several floors here: raise a measured figure whenever the structurer improves, and never
lower one without saying why in the commit message.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eia_rules.evaluation import evaluate_corpus

Summary = dict[str, Any]
REPO = Path(__file__).resolve().parents[2]
ROOTS: dict[str, Path] = {
    "corpora": REPO / "corpora",
    "corpora/real": REPO / "corpora" / "real",
    "../shared/corpora-real": REPO / ".." / "shared" / "corpora-real",
    "../shared/corpora-dev": REPO / ".." / "shared" / "corpora-dev",
}
MARGIN = 0.02

# Measured on 2026-12-04 on main after the issue-15 work of that day (pasted reasons, children
# as age, list judgements, data-gap rows and plans, the thorough-document fixes), with
# `eia-rules eval DIR --format json`; rounded to three places.
MEASURED: dict[str, dict[str, float]] = {
    "corpora": {"macro_f1": 0.980, "false_assurance": 0.000, "missed_assessments": 0.029,
                "gap_precision": 0.933, "gap_recall": 0.970},
    "corpora/real": {"macro_f1": 0.813, "false_assurance": 0.042, "missed_assessments": 0.233,
                     "gap_precision": 0.959, "gap_recall": 0.963},
    "../shared/corpora-real": {"macro_f1": 0.902, "false_assurance": 0.013, "missed_assessments": 0.353,
                               "gap_precision": 0.976, "gap_recall": 0.982},
    "../shared/corpora-dev": {"macro_f1": 0.925, "false_assurance": 0.015, "missed_assessments": 0.030,
                              "gap_precision": 0.922, "gap_recall": 0.889},
}
CEILINGS = frozenset({"false_assurance", "missed_assessments"})  # lower is better
METRICS = ("macro_f1", "false_assurance", "missed_assessments", "gap_precision", "gap_recall")

# Rule codes are labelled only in corpora/; these are the targets of issue 4, which it meets
# (measured 2026-12-04: precision 0.991, recall 1.000).
RULE_TARGETS = {"precision": 0.95, "recall": 0.90}


@pytest.fixture(scope="module")
def summaries() -> Callable[[str], Summary]:
    """The summary of a corpus by name, evaluated at most once for the whole module (each corpus
    takes several seconds); a test of a corpus that is not present skips."""
    cache: dict[str, Summary] = {}

    def get(name: str) -> Summary:
        root = ROOTS[name]
        if not root.is_dir():
            pytest.skip(f"{root} is not present")
        if name not in cache:
            cache[name] = evaluate_corpus(root)
        return cache[name]

    return get


def _figure(summary: Summary, metric: str) -> float | None:
    """One headline figure from the evaluation summary, under the names used in `MEASURED`."""
    if metric.startswith("gap_"):
        gaps = summary["gaps"]
        return gaps["overall"][metric.removeprefix("gap_")] if gaps else None
    return summary["characteristics"][metric]


@pytest.mark.parametrize("name", list(ROOTS))
def test_every_document_is_read(summaries: Callable[[str], Summary], name: str) -> None:
    failures = summaries(name)["failures"]
    assert failures == [], f"{name}: documents that could not be read: {failures}"


@pytest.mark.parametrize("name", list(ROOTS))
@pytest.mark.parametrize("metric", METRICS)
def test_figure_holds_its_level(summaries: Callable[[str], Summary], name: str, metric: str) -> None:
    value = _figure(summaries(name), metric)
    assert value is not None, f"{name}: {metric} could not be measured (nothing to compare)"
    measured = MEASURED[name][metric]
    if metric in CEILINGS:
        assert value <= measured + MARGIN, f"{name}: {metric} {value:.3f} > ceiling {measured + MARGIN:.3f}"
    else:
        assert value >= measured - MARGIN, f"{name}: {metric} {value:.3f} < floor {measured - MARGIN:.3f}"


def test_corpora_rule_precision_and_recall(summaries: Callable[[str], Summary]) -> None:
    overall = summaries("corpora")["rules"]["overall"]
    assert overall["tp"] + overall["fp"] + overall["fn"] > 0, "no rule codes are labelled in corpora/"
    for metric, target in RULE_TARGETS.items():
        assert overall[metric] is not None and overall[metric] >= target, (
            f"corpora: rule {metric} {overall[metric]} < {target}")
