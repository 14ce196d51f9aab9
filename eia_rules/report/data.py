"""Read an audit store into plain rows the report can count, for now or for an earlier run.

"Now" is the store's current state: the latest audit of every document it holds, with each
finding's message and location. An earlier run is read from its snapshot (run_documents,
run_findings: migration 0002), which keeps counts by rule but not messages. Both come back
as the same `Doc` rows so one set of counting functions serves both.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..audit.migrate import migrate
from ..errors import EiaRulesError


@dataclass(frozen=True)
class FindingRow:
    """One finding (or, from a snapshot, `count` identical ones) in one document."""

    rule_id: str
    family: str
    severity: str
    outcome: str
    suppressed: bool
    count: int = 1
    message: str = ""
    location: str = ""
    section: str = ""

    @property
    def active(self) -> bool:
        """A violation nobody has suppressed with a reason."""
        return self.outcome == "violation" and not self.suppressed

    @property
    def statutory_gap(self) -> bool:
        """An unsuppressed error-severity violation: the duty is not shown to be met."""
        return self.active and self.severity == "error"


@dataclass
class Doc:
    """One document as the report sees it."""

    path: str
    status: str
    directorate: str = ""
    service: str = ""
    doc_date: str | None = None
    title: str = ""
    reason: str = ""
    findings: list[FindingRow] = field(default_factory=list)
    characteristics: dict[str, str] = field(default_factory=dict)   # key -> status
    author: str = ""      # who completed it (the form's own field)
    approver: str = ""    # who signed it off; '' when nobody did

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def needs_review(self) -> int:
        """Unsuppressed findings the checker could not decide, for a person to look at."""
        return sum(f.count for f in self.findings if f.outcome == "needs_review" and not f.suppressed)

    @property
    def label(self) -> str:
        """What a reader calls the assessment: its own title, else its file name."""
        return self.title or Path(self.path).name

    def group(self, by: str) -> str:
        """The directorate or service it belongs to, falling back to the other, then 'not stated'."""
        first, second = (self.service, self.directorate) if by == "service" else (self.directorate, self.service)
        return first or second or "Not stated"

    @property
    def unit(self) -> str:
        """The most specific name of who wrote it, for naming in a question: service, directorate, title."""
        return self.service or self.directorate or self.label

    def gap_rules(self, families: frozenset[str] | None = None) -> set[str]:
        return {f.rule_id for f in self.findings if f.statutory_gap and (families is None or f.family in families)}


def open_store(db: Path) -> sqlite3.Connection:
    """Open an existing store read-mostly, bringing an older schema up to date (adds the snapshots)."""
    if not Path(db).is_file():
        raise EiaRulesError(f"{db}: no such audit store (run `eia-rules audit PATH --db {db}` first)")
    conn = sqlite3.connect(db)
    try:
        migrate(conn, str(db))
    except sqlite3.DatabaseError as e:
        conn.close()
        raise EiaRulesError(f"{db}: not an eia-rules audit store ({e})") from e
    return conn


def _record_fields(record_json: str | None) -> tuple[str, dict[str, str], str, str]:
    """(title, characteristic statuses, author, approver) from a stored record."""
    if not record_json:
        return "", {}, "", ""
    record = json.loads(record_json)
    meta = record.get("metadata") or {}
    statuses = {k: (v or {}).get("status", "absent") for k, v in (record.get("characteristics") or {}).items()}
    return (meta.get("title") or "").strip(), statuses, (meta.get("author") or "").strip(), \
        (meta.get("approver") or "").strip()


def load_current(conn: sqlite3.Connection) -> list[Doc]:
    """Every document in the store as last audited, with its record's title and characteristics."""
    docs: dict[int, Doc] = {}
    for doc_id, path, status, directorate, service, doc_date, record_json, reason in conn.execute(
            "SELECT d.id, d.path, d.status, d.directorate, d.service, d.doc_date, r.record_json, f.reason "
            "FROM documents d LEFT JOIN records r ON r.document_id = d.id "
            "LEFT JOIN failures f ON f.document_id = d.id ORDER BY d.path"):
        title, statuses, author, approver = _record_fields(record_json)
        docs[doc_id] = Doc(path, status, directorate, service, doc_date, title, reason or "",
                           characteristics=statuses, author=author, approver=approver)
    for doc_id, *row in conn.execute(
            "SELECT document_id, rule_id, family, severity, outcome, suppressed, message, location, section "
            "FROM findings ORDER BY id"):
        rule_id, family, severity, outcome, suppressed, message, location, section = row
        docs[doc_id].findings.append(FindingRow(rule_id, family, severity, outcome, bool(suppressed), 1,
                                                message, location, section))
    return list(docs.values())


def load_run(conn: sqlite3.Connection, run_id: int) -> list[Doc]:
    """What run `run_id` found, from its snapshot (counts by rule, no messages or records)."""
    docs = {path: Doc(path, status, directorate, service, doc_date)
            for path, status, directorate, service, doc_date in conn.execute(
                "SELECT path, status, directorate, service, doc_date FROM run_documents WHERE run_id = ? "
                "ORDER BY path", (run_id,))}
    for path, rule_id, family, severity, outcome, suppressed, count in conn.execute(
            "SELECT path, rule_id, family, severity, outcome, suppressed, count FROM run_findings "
            "WHERE run_id = ?", (run_id,)):
        if path in docs:
            docs[path].findings.append(FindingRow(rule_id, family, severity, outcome, bool(suppressed), count))
    return list(docs.values())


@dataclass(frozen=True)
class RunInfo:
    id: int
    started: str
    status: str


def runs_with_snapshots(conn: sqlite3.Connection) -> list[RunInfo]:
    """Runs that kept a snapshot, oldest first."""
    return [RunInfo(*row) for row in conn.execute(
        "SELECT r.id, r.started, r.status FROM runs r WHERE EXISTS "
        "(SELECT 1 FROM run_documents s WHERE s.run_id = r.id) ORDER BY r.id")]


def latest_run(conn: sqlite3.Connection) -> RunInfo | None:
    row = conn.execute("SELECT id, started, status FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return RunInfo(*row) if row else None
