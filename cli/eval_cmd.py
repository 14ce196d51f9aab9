"""`eia-rules eval`: measure eia-rules against a labelled corpus (how accurate is it, and where not)."""
from __future__ import annotations

import sys

import click

from eia_rules.errors import EiaRulesError
from eia_rules.evaluation import evaluate_corpus, render_json, render_text

from .common import report_unreadable


@click.command("eval")
@click.argument("corpus_dir", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--only-fields", is_flag=True,
              help="Measure what the structurer reads (statuses and fields) without running the rules.")
def eval_cmd(corpus_dir: str, fmt: str, only_fields: bool) -> None:
    """Compare eia-rules with the expert labels in CORPUS_DIR.

    CORPUS_DIR holds documents with X.expected.json beside each, or labels.jsonl with
    fragments/NNN.txt. Reports characteristic status accuracy, macro-F1 and false assurance
    (weak treatment reported as assessed), field accuracy, rule precision and recall, and
    every disagreement. Documents that cannot be read are listed as failures.

    \b
    Examples:
      eia-rules eval corpora
      eia-rules eval corpora --format json | jq .characteristics.macro_f1
      eia-rules eval ../shared/corpora-real --only-fields
    """
    try:
        summary = evaluate_corpus(corpus_dir, run_rules=not only_fields)
    except EiaRulesError as e:  # unreadable folder or labels; single documents fail inside the summary
        report_unreadable(str(e))
        sys.exit(2)
    if fmt == "json":
        click.echo(render_json(summary))
    else:
        click.echo(render_text(summary, corpus=corpus_dir, fields_only=only_fields))
