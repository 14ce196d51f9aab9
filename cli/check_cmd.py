"""`eia-rules check`: lint one or more assessments and set an exit code CI can trust."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click

from eia_rules.baseline import apply_baseline, load_baseline, write_baseline
from eia_rules.config import Config, config_for, load_config_file
from eia_rules.boundary import Outcome, check_here, check_isolated, parse_limit_options
from eia_rules.readers.guards import is_editor_file
from eia_rules.model.findings import Report, Severity
from eia_rules.output import FORMATS, render

from eia_rules.audit.runner import default_jobs
from eia_rules.errors import EiaRulesError, safe_name
from eia_rules.readers.limits import Limits

from .common import expand_paths, report_unreadable
from .rulesets import bundled_rules

FAIL_ON = ("error", "warning", "info", "never")


def _config(explicit: str | None, document: Path) -> Config:
    return load_config_file(Path(explicit)) if explicit else config_for(document=document)


def _fails(reports: list[Report], fail_on: str) -> bool:
    """True when any unsuppressed finding is at or above the --fail-on level."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any((worst := r.worst_severity()) is not None and worst.rank >= threshold for r in reports)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Exit 1 when a finding is at or above this severity [default: error, or the config's].")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 when the documents could be read.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Use this configuration file instead of searching upward from each document.")
@click.option("--show-suppressed", is_flag=True, help="List suppressed findings in text output too.")
@click.option("--color/--no-color", default=None, help="Colour (default: only on a terminal).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, exists=True),
              help="Hide findings recorded in this baseline file; report stale entries.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record today's findings in this baseline file and exit 0.")
@click.option("--annotate", type=click.Path(dir_okay=False),
              help="Write a copy of the (single .docx) document with a Word comment per finding.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes for several files [default: one per core]; each file is checked in a "
                   "worker with the time and memory limits.")
@click.option("--limit", "limit_options", multiple=True, metavar="NAME=VALUE",
              help="Override a limit, e.g. --limit max_seconds=30 (repeatable; see docs/limits.md).")
def check(paths: tuple[str, ...], fmt: str, output: str | None, fail_on: str | None, exit_zero: bool,
          config_path: str | None, show_suppressed: bool, color: bool | None, baseline_path: str | None,
          write_baseline_path: str | None, annotate: str | None, jobs: int | None,
          limit_options: tuple[str, ...]) -> None:
    """Check impact assessments and report each gap with its location, legal basis and fix.

    PATHS are files (.docx, .pdf, .html, .md, .txt, or .json records) or folders to search.

    \b
    Examples:
      eia-rules check draft-iia.docx
      eia-rules check assessments/ --format sarif -o results.sarif
      eia-rules check draft-iia.docx --fail-on warning
      eia-rules check draft-iia.docx --annotate draft-iia-reviewed.docx
      eia-rules check archive/ --write-baseline baseline.json
      eia-rules check archive/ --baseline baseline.json
    """
    reports: list[Report] = []
    unreadable = 0
    configs: list[Config] = []
    overrides = parse_limit_options(limit_options)
    editor_files = [p for p in paths if is_editor_file(p)]
    for name in editor_files:
        click.echo(f"eia-rules: skipped {safe_name(name)}: an editor's lock or temporary file, not a document", err=True)
    files = list(expand_paths(p for p in paths if not is_editor_file(p)))
    for outcome in _outcomes(files, config_path, overrides, jobs):
        if outcome.error is not None:
            report_unreadable(outcome.error, outcome.debug)
            unreadable += 1
        else:
            reports.append(outcome.report)
            configs.append(outcome.report_config)
    if not files:
        if editor_files:
            sys.exit(0)
        report_unreadable(f"no supported documents found in: {', '.join(map(safe_name, paths))}")
        sys.exit(2)

    if write_baseline_path:
        written = write_baseline(Path(write_baseline_path), reports)
        click.echo(f"Baseline written to {write_baseline_path} "  # one entry per place of each finding
                   f"({len(written.entries)} findings).", err=True)
        sys.exit(2 if unreadable else 0)
    baselined: dict[str, int] = {}
    if baseline_path:
        result = apply_baseline(reports, load_baseline(Path(baseline_path)))
        reports, baselined = result.reports, dict(result.hidden)
        for entry in result.stale:
            click.echo(f"eia-rules: stale baseline entry: {entry.path}: {entry.rule_id} {entry.message}", err=True)

    if annotate:
        _annotate(files, reports, annotate)

    text = render(fmt, reports, bundled_rules(), color=color if color is not None else (output is None and sys.stdout.isatty()),
                  show_suppressed=show_suppressed, unreadable=unreadable, baselined=baselined)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)

    if unreadable:
        sys.exit(2)
    level = fail_on or (configs[0].fail_on.value if configs else "error")
    sys.exit(0 if exit_zero else int(_fails(reports, level)))


@dataclass(frozen=True)
class _Checked:
    """An outcome with the configuration its file was checked under (for --fail-on)."""

    report: Report | None
    report_config: Config | None
    error: str | None
    debug: str | None


def _outcomes(files: list[Path], config_path: str | None, overrides: dict[str, float],
              jobs: int | None) -> list[_Checked]:
    """Check every file inside the boundary (eia_rules.boundary): one file here under an alarm,
    several each in a limited worker process, so one file can never stall or kill the others."""
    items: list[tuple[str, Config | None, Limits | None]] = []
    failed: dict[int, Outcome] = {}
    for i, path in enumerate(files):
        try:
            config = _config(config_path, path)
            items.append((str(path), config, config.limits.with_values(overrides)))
        except EiaRulesError as e:  # a bad configuration file is that file's answer
            failed[i] = Outcome(str(path), error=str(e))
            items.append((str(path), None, None))
    todo = [(i, item) for i, item in enumerate(items) if i not in failed]
    if len(files) == 1 and jobs is None or jobs == 1:
        results = iter([check_here(*item) for _, item in todo])
    else:
        results = check_isolated([item for _, item in todo], min(jobs or default_jobs(), max(len(todo), 1)))
    for (i, _), outcome in zip(todo, results):
        failed[i] = outcome
    return [_Checked(o.report, items[i][1], o.error, o.debug) for i, o in sorted(failed.items())]


def _annotate(files: list[Path], reports: list[Report], dest: str) -> None:
    """Write the annotated Word copy; only one .docx document can be annotated at a time."""
    from eia_rules.output.docx_comments import annotate_docx

    if len(files) != 1 or files[0].suffix.lower() != ".docx" or not reports:
        raise click.UsageError("--annotate needs exactly one readable .docx document")
    count = annotate_docx(files[0], reports[0], bundled_rules(), dest)
    click.echo(f"Annotated copy written to {dest} ({count} comments).", err=True)
