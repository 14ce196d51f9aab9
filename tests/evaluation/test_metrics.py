"""The evaluation's arithmetic, checked on inputs small enough to work out by hand."""
from __future__ import annotations

import pytest

from eia_rules.evaluation.metrics import (
    PRF,
    STATUSES,
    accuracy,
    confusion,
    false_assurance,
    macro_f1,
    per_status,
    rule_counts,
    sum_counts,
)


def test_precision_recall_f1_arithmetic() -> None:
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))


def test_scores_with_nothing_to_measure_are_not_numbers() -> None:
    assert PRF().precision is None and PRF().recall is None and PRF().f1 is None
    assert PRF(fn=2).precision is None and PRF(fn=2).recall == 0.0


def test_rule_counts_score_only_listed_codes() -> None:
    counts = rule_counts(must_fire=["PC001", "PC002"], must_not_fire=["WL001", "WL002"],
                         fired=["PC001", "WL001", "QS999"])
    assert counts == {"PC001": PRF(tp=1), "PC002": PRF(fn=1), "WL001": PRF(fp=1), "WL002": PRF()}
    overall = sum(counts.values(), PRF())
    assert (overall.precision, overall.recall) == (0.5, 0.5)


def test_rule_counts_add_up_over_documents() -> None:
    total = sum_counts([rule_counts(["PC001"], [], ["PC001"]), rule_counts(["PC001"], [], []),
                        rule_counts([], ["PC001"], ["PC001"])])
    assert total == {"PC001": PRF(tp=1, fp=1, fn=1)}


def test_confusion_table_has_every_status_and_counts_pairs() -> None:
    table = confusion([("assessed", "assessed"), ("listed", "assessed"), ("listed", "assessed"), ("absent", "listed")])
    assert list(table) == list(STATUSES) and all(list(row) == list(STATUSES) for row in table.values())
    assert table["listed"]["assessed"] == 2 and table["assessed"]["assessed"] == 1 and table["absent"]["listed"] == 1
    assert sum(sum(row.values()) for row in table.values()) == 4


def test_macro_f1_averages_only_statuses_that_occur() -> None:
    pairs = [("assessed", "assessed"), ("assessed", "listed"), ("listed", "listed")]
    # assessed: tp1 fn1 -> F1 2/3; listed: tp1 fp1 -> F1 2/3; asserted/absent never occur
    assert macro_f1(pairs) == pytest.approx(2 / 3)
    assert per_status(pairs)["asserted"] == PRF()
    assert macro_f1([]) is None


def test_false_assurance_counts_weak_treatment_reported_as_assessed() -> None:
    pairs = [("listed", "assessed"), ("asserted", "asserted"), ("asserted", "assessed"), ("listed", "listed"),
             ("assessed", "assessed"), ("absent", "assessed")]
    assert false_assurance(pairs) == pytest.approx(2 / 4)
    assert false_assurance([("assessed", "assessed")]) is None


def test_accuracy() -> None:
    assert accuracy([(True, True), (True, False), ("a", "a"), ("b", "a")]) == 0.5
    assert accuracy([]) is None
