"""Export the store as CSV or JSON Lines (one row per document and one per finding), or in
the machine formats `check` writes (SARIF, JUnit, GitHub annotations).

In CSV/JSON Lines the `kind` column says which a row is, so one file feeds a spreadsheet pivot
or a notebook without joins. Document rows carry the failure reason in `message`. The machine
formats are rendered by the same reporters as `check`, from the findings the store kept whole.
"""
from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..model.findings import Finding, Report
from ..output import csv_out

COLUMNS = csv_out.COLUMNS  # one CSV schema for `check` and `export`
ROW_FORMATS = ("csv", "jsonl")
REPORT_FORMATS = ("sarif", "junit", "github")
EXPORT_FORMATS = ROW_FORMATS + REPORT_FORMATS
_SUFFIXES = {"json": "jsonl", "ndjson": "jsonl", "xml": "junit"}


def _stored_finding(row: tuple) -> Finding:
    """A stored finding whole, or, for rows written before findings were kept whole, from its
    columns (no locations to give)."""
    if row[0]:
        return Finding.model_validate_json(row[0])
    return Finding(rule_id=row[1], family=row[2], severity=row[3], outcome=row[4], suppressed=bool(row[5]),
                   message=row[6], section=row[7], fingerprint=row[8])


def _findings_of(conn: sqlite3.Connection, doc_id: int) -> list[Finding]:
    return [_stored_finding(row) for row in conn.execute(
        "SELECT finding_json, rule_id, family, severity, outcome, suppressed, message, section, fingerprint "
        "FROM findings WHERE document_id = ? ORDER BY id", (doc_id,))]


def rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Each document, followed by its findings, in path order, as rows of `COLUMNS`."""
    docs = conn.execute(
        "SELECT d.id, d.path, d.status, d.format, d.directorate, d.service, d.doc_date, fl.reason "
        "FROM documents d LEFT JOIN failures fl ON fl.document_id = d.id ORDER BY d.path").fetchall()
    for doc_id, path, status, fmt, directorate, service, when, reason in docs:
        base = {"path": path, "status": status, "format": fmt or "", "directorate": directorate or "",
                "service": service or "", "date": when or ""}
        yield {c: "" for c in COLUMNS} | base | {"kind": "document", "message": reason or ""}
        for finding in _findings_of(conn, doc_id):
            yield csv_out.finding_row(path, finding, base)


def format_for(path: str | Path) -> str:
    """csv or jsonl, from a file name's extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = _SUFFIXES.get(suffix, suffix)
    if suffix not in EXPORT_FORMATS or suffix == "github":
        from ..errors import EiaRulesError

        raise EiaRulesError(f"{path}: export files must end in .csv, .jsonl, .sarif or .xml (JUnit)")
    return suffix


def reports(conn: sqlite3.Connection) -> list[Report]:
    """One `Report` per document audited successfully, with its findings as stored."""
    out = []
    for doc_id, path, fmt in conn.execute(
            "SELECT id, path, format FROM documents WHERE status = 'ok' ORDER BY path").fetchall():
        findings = _findings_of(conn, doc_id)
        out.append(Report(path=path, format=fmt, findings=findings))
    return out


def _render_reports(conn: sqlite3.Connection, fmt: str) -> tuple[int, str]:
    from ..engine.checker import bundled_ruleset
    from ..output import render

    found = reports(conn)
    return sum(len(r.findings) for r in found), render(fmt, found, bundled_ruleset().rules)


def write(conn: sqlite3.Connection, fmt: str, out: TextIO) -> int:
    """Write every row to `out`; return the number of rows."""
    count = 0
    if fmt == "csv":
        writer = csv_out.writer(out)
        for row in rows(conn):
            writer.writerow(row)
            count += 1
    else:
        for row in rows(conn):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def export_file(db: Path, fmt: str, dest: Path | None) -> tuple[int, str | None]:
    """Export the store at `db`; with no `dest`, return the text instead of writing a file."""
    from .store import Store

    with Store(db) as store:
        if fmt in REPORT_FORMATS:
            count, text = _render_reports(store.conn, fmt)
            if dest is None:
                return count, text
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(text, encoding="utf-8")
            return count, None
        if dest is None:
            buffer = io.StringIO()
            count = write(store.conn, fmt, buffer)
            return count, buffer.getvalue()
        dest.parent.mkdir(parents=True, exist_ok=True)
        with dest.open("w", encoding="utf-8", newline="") as out:
            return write(store.conn, fmt, out), None
