"""The arithmetic of the evaluation: pure functions over plain pairs and counts.

Kept free of documents and records so every figure can be checked by hand on a tiny input.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

STATUSES: tuple[str, ...] = ("assessed", "asserted", "listed", "absent")
# Weak treatments that a checker must not pass off as a proper assessment.
WEAK_STATUSES: frozenset[str] = frozenset({"listed", "asserted"})

Pair = tuple[str, str]  # (expected, got)


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives, with the scores they give.

    A score with nothing to divide by is None (shown as 'n/a'), never 0 or 1, so an empty
    label set cannot pass for perfect or for useless.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def as_dict(self) -> dict[str, float | int | None]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def rule_counts(must_fire: Iterable[str], must_not_fire: Iterable[str], fired: Iterable[str]) -> dict[str, PRF]:
    """Per rule code for one document: a must-fire code that fired is a TP, one that did not is an FN,
    a must-not-fire code that fired is an FP. Codes the labels do not list are not scored."""
    fired_set = set(fired)
    out: dict[str, PRF] = {}
    for code in set(must_fire):
        out[code] = PRF(tp=1) if code in fired_set else PRF(fn=1)
    for code in set(must_not_fire):
        out[code] = out.get(code, PRF()) + (PRF(fp=1) if code in fired_set else PRF())
    return out


def sum_counts(items: Iterable[dict[str, PRF]]) -> dict[str, PRF]:
    """Add per-key counts over documents (or rules grouped by a key)."""
    total: dict[str, PRF] = {}
    for item in items:
        for key, prf in item.items():
            total[key] = total.get(key, PRF()) + prf
    return total


def confusion(pairs: Iterable[Pair], labels: Sequence[str] = STATUSES) -> dict[str, dict[str, int]]:
    """Counts by expected (rows) and got (columns); every label has a row and a column."""
    table = {gold: {got: 0 for got in labels} for gold in labels}
    for gold, got in pairs:
        if gold in table and got in table[gold]:
            table[gold][got] += 1
    return table


def per_status(pairs: Sequence[Pair], labels: Sequence[str] = STATUSES) -> dict[str, PRF]:
    """One-against-the-rest counts for each status."""
    return {s: PRF(tp=sum(1 for g, o in pairs if g == s and o == s),
                   fp=sum(1 for g, o in pairs if g != s and o == s),
                   fn=sum(1 for g, o in pairs if g == s and o != s)) for s in labels}


def macro_f1(pairs: Sequence[Pair], labels: Sequence[str] = STATUSES) -> float | None:
    """Mean F1 over the statuses that occur (expected or got), so a rare status weighs as much as a common one."""
    scores = [f for f in (prf.f1 for prf in per_status(pairs, labels).values()) if f is not None]
    return sum(scores) / len(scores) if scores else None


def accuracy(pairs: Sequence[tuple[object, object]]) -> float | None:
    """Share of pairs where got equals expected."""
    return _ratio(sum(1 for g, o in pairs if g == o), len(pairs))


def false_assurance(pairs: Sequence[Pair]) -> float | None:
    """Share of characteristics labelled listed or asserted that the checker calls assessed.

    This is the costly error: a decision-maker is told a group was considered when it was
    only named or judged without reasons.
    """
    weak = [got for gold, got in pairs if gold in WEAK_STATUSES]
    return _ratio(sum(1 for got in weak if got == "assessed"), len(weak))


def missed_assessments(pairs: Sequence[Pair]) -> float | None:
    """Share of characteristics labelled assessed that the checker does not call assessed.

    The cost of this error falls on the officer who did the work: a genuine assessment is
    reported as named but never assessed, and the tool stops being trusted.
    """
    done = [got for gold, got in pairs if gold == "assessed"]
    return _ratio(sum(1 for got in done if got != "assessed"), len(done))
