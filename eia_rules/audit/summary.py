"""The end-of-run summary, read back from the store so it shows exactly what was kept."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from .runner import AuditRun

SEVERITY_ORDER = ("error", "warning", "info")


@dataclass
class Summary:
    """Counts for the documents a run found (audited now or skipped as unchanged)."""

    run: AuditRun
    ok: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)   # path, kind, reason
    by_family: dict[str, dict[str, int]] = field(default_factory=dict)   # family -> severity -> count
    suppressed: int = 0
    not_assessments: list[tuple[str, str]] = field(default_factory=list)  # path, why it is not one
    slowest: list[tuple[str, float]] = field(default_factory=list)


def summarise(conn: sqlite3.Connection, run: AuditRun, slowest: int = 5) -> Summary:
    summary = Summary(run=run)
    rid = run.run_id
    summary.ok = conn.execute("SELECT COUNT(*) FROM documents WHERE seen_run_id = ? AND status = 'ok'",
                              (rid,)).fetchone()[0]
    summary.failures = conn.execute(
        "SELECT d.path, f.kind, f.reason FROM failures f JOIN documents d ON d.id = f.document_id "
        "WHERE d.seen_run_id = ? ORDER BY d.path", (rid,)).fetchall()
    for family, severity, suppressed, count in conn.execute(
            "SELECT f.family, f.severity, f.suppressed, COUNT(*) FROM findings f JOIN documents d "
            "ON d.id = f.document_id WHERE d.seen_run_id = ? GROUP BY 1, 2, 3", (rid,)):
        if suppressed:
            summary.suppressed += count
        else:
            row = summary.by_family.setdefault(family, {})
            row[severity] = row.get(severity, 0) + count
    summary.not_assessments = conn.execute(
        "SELECT path, reason FROM skipped WHERE run_id = ? ORDER BY path", (rid,)).fetchall()
    summary.slowest = conn.execute(
        "SELECT path, seconds FROM documents WHERE run_id = ? AND seconds IS NOT NULL "
        "ORDER BY seconds DESC LIMIT ?", (rid, slowest)).fetchall()
    return summary


def render(summary: Summary, console) -> None:  # console: rich.console.Console
    """Print the summary tables with rich (plain text when not on a terminal)."""
    from rich.table import Table

    run = summary.run
    state = "interrupted (finished documents are kept; run again to do the rest)" if run.interrupted else "finished"
    console.print(f"Audit run {run.run_id} {state} in {run.seconds:.1f} s; store: {run.db}")
    docs = Table(title="Documents", show_header=False)
    for label, value in (("found", run.found), ("skipped as unchanged", run.skipped),
                         ("audited in this run", run.audited), ("failed in this run", run.failed),
                         ("not assessments, left out", run.not_assessments),
                         ("checked (in store, this run's set)", summary.ok),
                         ("failed (in store, this run's set)", len(summary.failures))):
        docs.add_row(label, str(value))
    console.print(docs)
    if summary.by_family:
        table = Table(title="Findings by family and severity (suppressed left out)")
        table.add_column("family")
        for sev in SEVERITY_ORDER:
            table.add_column(sev, justify="right")
        table.add_column("total", justify="right")
        for family in sorted(summary.by_family):
            row = summary.by_family[family]
            table.add_row(family, *(str(row.get(s, 0)) for s in SEVERITY_ORDER), str(sum(row.values())))
        console.print(table)
    if summary.suppressed:
        console.print(f"{summary.suppressed} findings were suppressed with a reason in the documents.")
    if summary.failures:
        table = Table(title="Failed documents")
        for col in ("path", "kind", "reason"):
            table.add_column(col, overflow="fold")
        for row in summary.failures[:50]:
            table.add_row(*row)
        console.print(table)
        if len(summary.failures) > 50:
            console.print(f"... and {len(summary.failures) - 50} more (see the failures table or export).")
    if summary.not_assessments:
        table = Table(title="Left out: not impact assessments")
        for col in ("path", "why"):
            table.add_column(col, overflow="fold")
        for row in summary.not_assessments:
            table.add_row(*row)
        console.print(table)
    if summary.slowest:
        table = Table(title="Slowest documents in this run")
        table.add_column("path", overflow="fold")
        table.add_column("seconds", justify="right")
        for path, seconds in summary.slowest:
            table.add_row(path, f"{seconds:.2f}")
        console.print(table)
