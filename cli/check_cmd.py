"""`eia-rules check`: lint one or more assessments and set an exit code CI can trust."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from eia_rules import check_record, parse
from eia_rules.baseline import apply_baseline, load_baseline, write_baseline
from eia_rules.config import Config, config_for, load_config_file
from eia_rules.errors import EiaRulesError
from eia_rules.model.findings import Report, Severity
from eia_rules.output import FORMATS, render

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
def check(paths: tuple[str, ...], fmt: str, output: str | None, fail_on: str | None, exit_zero: bool,
          config_path: str | None, show_suppressed: bool, color: bool | None, baseline_path: str | None,
          write_baseline_path: str | None, annotate: str | None) -> None:
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
    files = list(expand_paths(paths))
    for path in files:
        try:
            config = _config(config_path, path)
            record = parse(path)
            reports.append(check_record(record, config=config))
            configs.append(config)
        except EiaRulesError as e:
            report_unreadable(str(e))
            unreadable += 1
    if not files:
        report_unreadable(f"no supported documents found in: {', '.join(paths)}")
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


def _annotate(files: list[Path], reports: list[Report], dest: str) -> None:
    """Write the annotated Word copy; only one .docx document can be annotated at a time."""
    from eia_rules.output.docx_comments import annotate_docx

    if len(files) != 1 or files[0].suffix.lower() != ".docx" or not reports:
        raise click.UsageError("--annotate needs exactly one readable .docx document")
    count = annotate_docx(files[0], reports[0], bundled_rules(), dest)
    click.echo(f"Annotated copy written to {dest} ({count} comments).", err=True)
