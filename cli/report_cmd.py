"""`eia-rules report`: the leadership challenge report from an audit store (or a folder audited first)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from eia_rules.audit.runner import AuditOptions, run_audit
from eia_rules.audit.store import DEFAULT_DB
from eia_rules.report import Filters, ReportOptions, write_report


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help=f"The audit store to report on [default: {DEFAULT_DB}; with PATHS, a temporary store].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default="report.html",
              show_default=True, help="The HTML file to write.")
@click.option("--since", metavar="DATE", help="Only assessments dated on or after DATE (2024, 2024-04 or 2024-04-01).")
@click.option("--until", metavar="DATE", help="Only assessments dated on or before DATE.")
@click.option("--directorate", metavar="NAME", help="Only this directorate (or service).")
@click.option("--family", "families", multiple=True, metavar="FAMILY",
              help="Only findings of this rule family (repeatable), e.g. welsh-language.")
@click.option("--compare-run", type=click.IntRange(min=0), metavar="RUN_ID",
              help="Compare with this earlier audit run [default: the run before the latest; 0: none].")
@click.option("--group-by", type=click.Choice(["directorate", "service"]), default="directorate", show_default=True,
              help="Rows of the characteristics heat map and names in the questions.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many assessments to detail.")
def report(paths: tuple[str, ...], db: Path | None, output: Path, since: str | None, until: str | None,
           directorate: str | None, families: tuple[str, ...], compare_run: int | None, group_by: str,
           top: int) -> None:
    """Write the leadership challenge report: one HTML file to email, open offline and print.

    With PATHS, audit them first (into --db if given, else a temporary store).

    \b
    Examples:
      eia-rules report --db audit.sqlite -o report.html
      eia-rules report archive/ -o report.html
      eia-rules report --db audit.sqlite --since 2024-04 --directorate Education --family welsh-language
    """
    options = ReportOptions(filters=Filters(since, until, directorate, frozenset(families) if families else None),
                            compare_run=compare_run, group_by=group_by, top=top)
    with tempfile.TemporaryDirectory(prefix="eia-rules-report-") as tmp:
        store = db or (Path(tmp) / "audit.sqlite" if paths else DEFAULT_DB)
        if paths:
            run = run_audit(list(paths), AuditOptions(db=store, argv=sys.argv[1:]))
            click.echo(f"Audited {run.audited} documents ({run.skipped} unchanged, {run.failed} failed) "
                       f"into {store}.", err=True)
        write_report(store, output, options)
    click.echo(f"Wrote {output}.", err=True)
