"""How accurate is eia-rules, next to the keyword check people write today?

Run from a fresh install:  python benchmarks/accuracy.py
Measures the project corpus (corpora/) and, when present, the real excerpts in
../shared/corpora-real (kept outside the repository). Figures come from `eia_rules.evaluation`,
the same code as `eia-rules eval`, so the two never disagree.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from eia_rules.evaluation import LabelledDocument, evaluate, load_corpus, naive_observer, summarise
from eia_rules.evaluation.naive import document_text, naive_passes
from eia_rules.evaluation.render import fmt
from eia_rules.evaluation.runner import eia_rules_observer

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "corpora": REPO / "corpora",
    "corpora-real": REPO / ".." / "shared" / "corpora-real",
}
STATUSES = ("assessed", "asserted", "listed", "absent")


def _status_rows(summary: dict[str, Any]) -> list[tuple[str, float | None]]:
    pc = summary["characteristics"]
    return [("status macro-F1", pc["macro_f1"]), ("status accuracy", pc["accuracy"]),
            ("false assurance (lower is better)", pc["false_assurance"])] + [
        (f"recall: {s}", pc["per_status"][s]["recall"]) for s in STATUSES]


def _naive_pass_rate(docs: list[LabelledDocument]) -> str:
    """How many documents the keyword check would wave through, and how many of those are labelled poor."""
    docs = [d for d in docs if d.path.is_file()]
    passed = [d for d in docs if naive_passes(document_text(d.path))]
    poor = sum(1 for d in passed if d.labels.get("quality") == "poor")
    note = f", {poor} of them labelled poor" if any("quality" in d.labels for d in docs) else ""
    return f"naive check passes {len(passed)} of {len(docs)} documents (7+ of 9 named){note}"


def compare(name: str, root: Path) -> str:
    """One corpus: eia-rules and the naive baseline side by side, then eia-rules' rule scores."""
    docs = load_corpus(root)
    ours, naive = summarise(evaluate(docs, eia_rules_observer())), summarise(evaluate(docs, naive_observer))
    lines = [(f"== {name}: {ours['documents']} documents "
             f"({len(ours['failures'])} failed for eia-rules, {len(naive['failures'])} for naive) =="),
             f"{'':<36}{'eia-rules':>10}{'naive':>10}"]
    lines += [f"{label:<36}{fmt(a):>10}{fmt(b):>10}"
              for (label, a), (_, b) in zip(_status_rows(ours), _status_rows(naive), strict=True)]
    lines.append(_naive_pass_rate(docs))
    rules = ours["rules"]
    if rules and rules["by_rule"]:
        o = rules["overall"]
        lines.append(f"eia-rules rules (labelled codes): precision {fmt(o['precision'])} recall {fmt(o['recall'])} "
                     f"F1 {fmt(o['f1'])}  (tp {o['tp']} fp {o['fp']} fn {o['fn']})")
        lines += [f"  {fam:<32} P {fmt(v['precision'])} R {fmt(v['recall'])} F1 {fmt(v['f1'])}"
                  for fam, v in rules["by_family"].items()]
    else:
        lines.append("eia-rules rules: no rule codes labelled in this corpus")
    return "\n".join(lines)


def main() -> int:
    for name, root in CORPORA.items():
        if not root.is_dir():
            print(f"== {name}: skipped, {root.resolve()} is not present ==\n")
            continue
        print(compare(name, root) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
