"""`eia-rules rules`, `rules test` and `explain`: the catalogue, its self-tests, one rule in full."""
from __future__ import annotations

import json
import sys

import click

from eia_rules.engine.checker import RuleSet
from eia_rules.ruletest import FAIL, NOT_RUN, run_examples

from eia_rules.rulesdoc import explain_text, markdown_reference, rule_summary
from eia_rules.ruletest import duty_label, example_finding
from .rulesets import bundled_ruleset


@click.group(invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Output format of the list.")
@click.pass_context
def rules(ctx: click.Context, fmt: str) -> None:
    """List the rule catalogue (codes, severity, title), or run its self-tests.

    \b
    Examples:
      eia-rules rules
      eia-rules rules --format markdown > docs/rules.md
      eia-rules rules test
      eia-rules rules test my-rules/
    """
    if ctx.invoked_subcommand is not None:
        return
    catalogue = bundled_ruleset().rules
    if fmt == "json":
        click.echo(json.dumps([rule_summary(r) for r in catalogue], indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo(markdown_reference(catalogue), nl=False)
    else:
        for r in catalogue:
            click.echo(f"{r.id}  {r.severity:<7}  {r.family:<26}  {r.title}")
        click.echo(f"{len(catalogue)} rules")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-v", "--verbose", is_flag=True, help="Show every example, not only failures.")
def rules_test(paths: tuple[str, ...], verbose: bool) -> None:
    """Run every rule's own examples: flagged ones must fire, passing ones must not.

    With no PATH, tests the bundled catalogue. A rule without both kinds of example fails.

    \b
    Examples:
      eia-rules rules test
      eia-rules rules test rules/se/ -v
    """
    ruleset = RuleSet.load(list(paths)) if paths else bundled_ruleset()
    summary = run_examples(ruleset)
    for result in summary.results:
        if result.status == FAIL or verbose:
            click.echo(f"{result.rule.id}: {result.status}")
            for problem in result.problems:
                click.echo(f"    {problem}")
            for ex in result.examples:
                if ex.status == FAIL or verbose:
                    click.echo(f"    {ex.status}: {ex.detail}")
        elif result.status == NOT_RUN:
            click.echo(f"{result.rule.id}: not run")
    click.echo(summary.line())
    sys.exit(0 if summary.ok else 1)


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule: what it checks, why, the legal basis, examples and how to fix.

    \b
    Example:
      eia-rules explain PC001
    """
    ruleset = bundled_ruleset()
    rule = ruleset.by_id.get(code.upper())
    if rule is None:
        raise click.UsageError(f"no rule {code!r}; `eia-rules rules` lists them")
    click.echo(explain_text(rule, example_finding(rule), duty_label(rule)))
