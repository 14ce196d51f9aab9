"""Human-readable report: findings grouped by section, each with file:location, then a summary.

Policy officers read this in a terminal or a CI log, so it is plain text with colour only when
the stream is a terminal (rich decides; `color=False` forces plain text).
"""
from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from rich.console import Console
from rich.markup import escape

from ..model.findings import Finding, Outcome, Report, Severity
from . import rulemeta

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _location(report: Report, finding: Finding) -> str:
    where = finding.locations[0].label() if finding.locations else "document"
    return f"{report.path}:{where}"


def _sort_key(finding: Finding) -> tuple:
    loc = finding.locations[0] if finding.locations else None
    return (loc.paragraph if loc and loc.paragraph is not None else 10**9, finding.rule_id)


def _print_report(console: Console, report: Report, show_suppressed: bool) -> None:
    shown = [f for f in report.findings if show_suppressed or not f.suppressed]
    if not shown:
        return
    console.print(f"[bold]{escape(report.path)}[/bold]")
    shown.sort(key=lambda f: (f.section, _sort_key(f)))
    for section, group in groupby(shown, key=lambda f: f.section):
        console.print(f"  [underline]{escape(section or '(whole document)')}[/underline]")
        for f in sorted(group, key=_sort_key):
            label = f.severity.value if f.outcome is Outcome.VIOLATION else f"{f.severity.value}, needs review"
            tag = " [suppressed]" if f.suppressed else ""
            console.print(
                f"    {escape(_location(report, f))}: [{_STYLE[f.severity]}]{f.rule_id}[/] "
                f"({label}){tag} {escape(f.message)}",
                highlight=False,
            )
            if f.also_at:  # a repeated finding is printed once, its other places on one line below
                console.print(f"      {escape(rulemeta.also_at(f))}", highlight=False)
    console.print()


def summary_line(reports: Sequence[Report], errors: int = 0) -> str:
    """One line a CI log can grep: documents, findings by severity, unreadable files."""
    counts: Counter[str] = Counter()
    suppressed = review = 0
    for r in reports:
        for f in r.findings:
            if f.suppressed:
                suppressed += 1
                continue
            counts[f.severity.value] += 1
            review += f.outcome is Outcome.NEEDS_REVIEW
    docs = len(reports)
    parts = [f"{docs} document{'s' if docs != 1 else ''} checked",
             f"{counts['error']} error(s)", f"{counts['warning']} warning(s)", f"{counts['info']} info"]
    if review:
        parts.append(f"{review} need review")
    if suppressed:
        parts.append(f"{suppressed} suppressed")
    if errors:
        parts.append(f"{errors} file(s) could not be read")
    return ", ".join(parts)


def render(reports: Sequence[Report], rules: Sequence[object] = (), *, color: bool | None = None,
           show_suppressed: bool = False, unreadable: int = 0, **_: object) -> str:
    """The whole text report as a string (colour codes only when `color` is true)."""
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=bool(color), no_color=not color, width=10_000,
                      soft_wrap=True, highlight=False)
    for report in reports:
        _print_report(console, report, show_suppressed)
    console.print(summary_line(reports, unreadable), highlight=False)
    return buf.getvalue()
