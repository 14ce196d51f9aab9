"""How accurate is eia-rules, next to the keyword check people write today, and how far from its targets?

Run from a fresh install:  python benchmarks/accuracy.py   (about a minute for the four corpora)

Measures the project corpus (corpora/), the real excerpts kept in the repository (corpora/real)
and, when present, the shared sets outside the repository (../shared/corpora-real,
../shared/corpora-dev). Every figure is read from the summary `eia_rules.evaluation` returns,
the same code as `eia-rules eval`, so the benchmark and the command never disagree.
"""
from __future__ import annotations

import operator
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eia_rules.evaluation import LabelledDocument, evaluate, load_corpus, naive_observer, summarise
from eia_rules.evaluation.naive import document_text, naive_passes
from eia_rules.evaluation.render import fmt
from eia_rules.evaluation.runner import eia_rules_observer

REPO = Path(__file__).resolve().parents[1]
# Display name (a path from the repository root) -> folder. The shared sets live outside the
# repository and are skipped when absent.
CORPORA: dict[str, Path] = {
    "corpora": REPO / "corpora",
    "corpora/real": REPO / "corpora" / "real",
    "../shared/corpora-real": REPO / ".." / "shared" / "corpora-real",
    "../shared/corpora-dev": REPO / ".." / "shared" / "corpora-dev",
}
# The corpora the accuracy targets are judged on: the real batch in the repository and the
# development set the structurer is tuned against.
TARGET_CORPORA = ("corpora/real", "../shared/corpora-dev")
MAX_ON_THOROUGH = 3  # errors + warnings a thorough assessment may be told about
VERDICTS = ("genuine", "false", "unscored")
STATUSES = ("assessed", "asserted", "listed", "absent")
LABEL_WIDTH = 40

Summary = dict[str, Any]


def _status(summary: Summary, key: str) -> float | None:
    return summary["characteristics"][key]


def _ways_accuracy(summary: Summary) -> float | None:
    ways = summary["fields"].get("ways_of_working")
    return ways["accuracy"] if ways else None


def _gap(summary: Summary, key: str) -> float | None:
    gaps = summary.get("gaps")
    return gaps["overall"][key] if gaps else None


# (row label, how to read it from a summary): the rows of each corpus's table, in order.
ROWS: list[tuple[str, Callable[[Summary], float | None]]] = [
    ("status macro-F1", lambda s: _status(s, "macro_f1")),
    ("status accuracy", lambda s: _status(s, "accuracy")),
    ("false assurance (lower is better)", lambda s: _status(s, "false_assurance")),
    ("missed assessments (lower is better)", lambda s: _status(s, "missed_assessments")),
    *[(f"recall: {st}", lambda s, st=st: s["characteristics"]["per_status"][st]["recall"]) for st in STATUSES],
    ("ways-of-working accuracy", _ways_accuracy),
    ("gap precision (finding level)", lambda s: _gap(s, "precision")),
    ("gap recall (finding level)", lambda s: _gap(s, "recall")),
]


@dataclass(frozen=True)
class Target:
    """A figure eia-rules has to reach: at least `bound` (`>=`) or at most `bound` (`<=`)."""

    label: str
    read: Callable[[Summary], float | None]
    op: str
    bound: float

    def met(self, value: float | None) -> bool | None:
        """None when there is nothing to measure, so an empty label set is neither met nor missed."""
        if value is None:
            return None
        return {">=": operator.ge, "<=": operator.le}[self.op](value, self.bound)


TARGETS = [
    Target("status macro-F1", lambda s: _status(s, "macro_f1"), ">=", 0.92),
    Target("missed assessments", lambda s: _status(s, "missed_assessments"), "<=", 0.05),
    Target("false assurance", lambda s: _status(s, "false_assurance"), "<=", 0.03),
    Target("gap precision", lambda s: _gap(s, "precision"), ">=", 0.90),
    Target("gap recall", lambda s: _gap(s, "recall"), ">=", 0.85),
]


def _naive_pass_rate(docs: list[LabelledDocument]) -> str:
    """How many documents the keyword check would wave through, and how many of those are labelled poor."""
    docs = [d for d in docs if d.path.is_file()]
    passed = [d for d in docs if naive_passes(document_text(d.path))]
    poor = sum(1 for d in passed if d.labels.get("quality") == "poor")
    note = f", {poor} of them labelled poor" if any("quality" in d.labels for d in docs) else ""
    return f"naive check passes {len(passed)} of {len(docs)} documents (7+ of 9 named){note}"


def _table(ours: Summary, naive: Summary) -> list[str]:
    """eia-rules next to the naive baseline; the baseline runs no rules and reads no ways of
    working, so its gap and ways rows show n/a."""
    lines = [f"{'':<{LABEL_WIDTH}}{'eia-rules':>10}{'naive':>10}"]
    lines += [f"{label:<{LABEL_WIDTH}}{fmt(read(ours)):>10}{fmt(read(naive)):>10}" for label, read in ROWS]
    return lines


def _rule_line(ours: Summary) -> str:
    rules = ours["rules"]
    if not rules or not rules["by_rule"]:
        return "eia-rules rules: no rule codes labelled in this corpus"
    o = rules["overall"]
    return (f"eia-rules rules (labelled codes): precision {fmt(o['precision'])} recall {fmt(o['recall'])} "
            f"F1 {fmt(o['f1'])}  (tp {o['tp']} fp {o['fp']} fn {o['fn']})")


def _thorough(ours: Summary) -> list[str]:
    """Every error and warning a thorough document gets, with the labels' verdict on it."""
    docs = ours.get("thorough") or []
    if not docs:
        return ["Errors and warnings on thorough documents: no document is labelled thorough"]
    lines = ["Errors and warnings on thorough documents"]
    for doc in docs:
        counts = Counter(f["verdict"] for f in doc["findings"])
        lines.append(f"  {doc['file']}: {doc['errors_and_warnings']} ("
                     + ", ".join(f"{v} {counts[v]}" for v in VERDICTS) + ")")
        lines += [f"    {f['rule_id']} ({f['severity']}, {f['verdict']})"
                  + "".join(f" [{v}]" for v in f["subject"].values()) for f in doc["findings"]]
    return lines


def _mark(met: bool | None) -> str:
    return "n/a" if met is None else "met" if met else "not met"


def _thorough_target(ours: Summary) -> str:
    """The per-document target on thorough documents, judged on the worst of them."""
    label = f"at most {MAX_ON_THOROUGH} errors+warnings on each thorough document"
    docs = ours.get("thorough") or []
    if not docs:
        return f"  {label:<{LABEL_WIDTH + 14}} {'n/a':>7}  n/a (no thorough documents)"
    worst = max(d["errors_and_warnings"] for d in docs)
    over = sum(1 for d in docs if d["errors_and_warnings"] > MAX_ON_THOROUGH)
    return (f"  {label:<{LABEL_WIDTH + 14}} {'max ' + str(worst):>7}  {_mark(over == 0)}"
            f" ({over} of {len(docs)} over)")


def _targets(ours: Summary) -> list[str]:
    """Each target next to the measured value, with whether it is met."""
    lines = ["Targets"]
    for t in TARGETS:
        value = t.read(ours)
        lines.append(f"  {t.label + ' ' + t.op + ' ' + format(t.bound, '.2f'):<{LABEL_WIDTH + 14}} "
                     f"{fmt(value):>7}  {_mark(t.met(value))}")
    lines.append(_thorough_target(ours))
    return lines


def report(name: str, root: Path) -> str:
    """One corpus: its table (eia-rules beside the naive baseline), the thorough documents' findings
    and, for the target corpora, each target with whether it is met."""
    docs = load_corpus(root)
    ours, naive = summarise(evaluate(docs, eia_rules_observer())), summarise(evaluate(docs, naive_observer))
    sections = [[f"== {name}: {ours['documents']} documents "
                 f"({len(ours['failures'])} failed for eia-rules, {len(naive['failures'])} for naive) =="],
                _table(ours, naive), [_naive_pass_rate(docs), _rule_line(ours)], _thorough(ours)]
    if name in TARGET_CORPORA:
        sections.append(_targets(ours))
    return "\n".join(line for section in sections for line in section)


def main() -> int:
    for name, root in CORPORA.items():
        if not root.is_dir():
            print(f"== {name}: skipped, {root.resolve()} is not present ==\n")
            continue
        print(report(name, root) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
