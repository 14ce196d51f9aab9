"""`eia-rules audit` (a whole archive, in parallel, into a resumable store) and `eia-rules export`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from eia_rules.audit.export import EXPORT_FORMATS, export_file, format_for
from eia_rules.audit.runner import AuditOptions, run_audit
from eia_rules.audit.store import DEFAULT_DB, Store

ENGINES = ("local", "dask")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: one per core].")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=str(DEFAULT_DB), show_default=True,
              help="The SQLite audit store (created if missing).")
@click.option("--force", is_flag=True, help="Audit every document again, even if unchanged.")
@click.option("--manifest", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="CSV or YAML: path, directorate, service, decision_date for documents that do not say.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds allowed per document before its worker is stopped.")
@click.option("--export", "export_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also export the store to this file at the end (.csv, .jsonl, .sarif or .xml for JUnit).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a dask.distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask, use this running scheduler (e.g. tcp://host:8786) instead of a local cluster.")
def audit(paths: tuple[str, ...], jobs: int | None, db: Path, force: bool, timeout: float,
          export_path: Path | None, engine: str, scheduler: str | None, manifest: Path | None) -> None:
    """Audit a whole archive of assessments into a store that later runs resume from.

    PATHS are folders (searched recursively), files, glob patterns, or @LIST files naming
    one path a line. Documents whose content, rules and configuration are unchanged since the
    last run are skipped. A file that cannot be read, crashes its worker or takes too long is
    recorded as failed with its reason, and the audit carries on. Ctrl-C stops cleanly:
    everything finished is kept, and the next run does the rest.

    \b
    Examples:
      eia-rules audit archive/ --jobs 4
      eia-rules audit @documents.txt --db audit.sqlite --export findings.csv
      eia-rules audit 'archive/**/*.docx' --engine dask --scheduler tcp://host:8786
    """
    from rich.console import Console

    if export_path is not None:
        format_for(export_path)  # a bad extension is an error before hours of work, not after
    console = Console(stderr=True)
    from eia_rules.audit.progress import progress_for
    from eia_rules.audit.summary import render, summarise

    options = AuditOptions(db=db, jobs=jobs, force=force, timeout=timeout, engine=engine,
                           scheduler=scheduler, argv=sys.argv[1:], manifest=manifest)
    run = run_audit(list(paths), options, progress_for(console, console.is_terminal))
    with Store(db) as store:
        render(summarise(store.conn, run), Console(stderr=False, soft_wrap=False))
    if export_path is not None:
        count, _ = export_file(db, format_for(export_path), export_path)
        click.echo(f"Exported {count} rows to {export_path}.", err=True)
    if run.interrupted:
        sys.exit(130)


@click.command()
@click.option("--db", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=str(DEFAULT_DB),
              show_default=True, help="The SQLite audit store to read.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), help="Output format [default: from -o, else csv].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
def export(db: Path, fmt: str | None, output: Path | None) -> None:
    """Export an audit store: rows (csv, jsonl) or the machine formats `check` writes (sarif, junit, github).

    csv and jsonl give one row per document and one per finding (the kind column says which).

    \b
    Examples:
      eia-rules export --db audit.sqlite -o findings.csv
      eia-rules export --format jsonl > findings.jsonl
      eia-rules export --db audit.sqlite -o audit.sarif
    """
    fmt = fmt or (format_for(output) if output else "csv")
    count, text = export_file(db, fmt, output)
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"Exported {count} rows to {output}.", err=True)
