"""Measure eia-rules against labelled corpora: statuses, fields and rules, next to a naive baseline.

    from eia_rules.evaluation import evaluate_corpus
    summary = evaluate_corpus("corpora")            # eia-rules, rules included
    summary = evaluate_corpus("corpora", naive=True)  # the keyword baseline
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .corpus import LabelledDocument, load_corpus
from .naive import naive_observer
from .render import render_json, render_text
from .runner import DocumentResult, Observation, eia_rules_observer, evaluate
from .summary import summarise

__all__ = [
    "DocumentResult", "LabelledDocument", "Observation", "eia_rules_observer", "evaluate",
    "evaluate_corpus", "load_corpus", "naive_observer", "render_json", "render_text", "summarise",
]


def evaluate_corpus(root: str | Path, *, naive: bool = False, run_rules: bool = True) -> dict[str, Any]:
    """Load a labelled corpus, run a checker over it and return the summary (see `summarise`)."""
    observer = naive_observer if naive else eia_rules_observer(run_rules=run_rules)
    return summarise(evaluate(load_corpus(root), observer))
