"""The SQLite audit store: runs, documents, records, findings and failures.

Only the parent process writes, one document per transaction as its result arrives, so an
interrupted or crashed audit keeps everything finished before it stopped. WAL mode keeps
those many small commits cheap.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .migrate import migrate
from .result import DocResult

DEFAULT_DB = Path(".eia-rules") / "audit.sqlite"
# Failures worth trying again on the next run even if nothing changed: they may be transient.
RETRY_KINDS = ("crash", "timeout", "error")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Known:
    """What the store remembers about a path, to decide whether to skip it."""

    sha256: str
    rules_version: str
    config_key: str
    retry: bool


@dataclass(frozen=True)
class DocumentInfo:
    """The parent's facts about a file, joined with the worker's result when stored.

    The record's own directorate, service and date win over the manifest's (manifest.py); a
    date in the folder names is the last resort. Folder names are never a directorate.
    """

    path: str
    sha256: str
    size: int
    directorate: str
    folder_service: str
    folder_date: str | None
    config_key: str
    suffix_format: str


class Store:
    """One audit database; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        migrate(self.conn, str(self.path))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ runs
    def start_run(self, rules_version: str, config_summary: str, argv: list[str], engine: str,
                  jobs: int | None) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started, rules_version, config_summary, argv, engine, jobs) VALUES (?,?,?,?,?,?)",
            (_now(), rules_version, config_summary, json.dumps(argv), engine, jobs))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, status: str) -> None:
        self.conn.execute("UPDATE runs SET finished = ?, status = ? WHERE id = ?", (_now(), status, run_id))

    # ------------------------------------------------------------------ documents
    def known(self) -> dict[str, Known]:
        """Every stored path with its hash, rules version and configuration key."""
        rows = self.conn.execute(
            "SELECT d.path, d.sha256, d.rules_version, d.config_key, f.kind FROM documents d "
            "LEFT JOIN failures f ON f.document_id = d.id")
        return {path: Known(sha, rv, ck, kind in RETRY_KINDS) for path, sha, rv, ck, kind in rows}

    def mark_seen(self, run_id: int, paths: list[str]) -> None:
        """Record that this run found these (unchanged, skipped) documents."""
        with self._transaction() as c:
            c.executemany("UPDATE documents SET seen_run_id = ? WHERE path = ?", [(run_id, p) for p in paths])
            for path in paths:
                _snapshot(c, run_id, path)

    def save(self, run_id: int, info: DocumentInfo, result: DocResult, rules_version: str) -> None:
        """Replace whatever was stored for this path with this result, in one transaction.

        A file that is not an assessment leaves `documents` (the report never counts it) and
        is listed in `skipped` for this run with the reason."""
        if result.status == "skipped":
            with self._transaction() as c:
                c.execute("DELETE FROM documents WHERE path = ?", (info.path,))
                c.execute("INSERT OR REPLACE INTO skipped (run_id, path, reason) VALUES (?,?,?)",
                          (run_id, info.path, result.reason))
            return
        directorate = result.directorate or info.directorate
        service, doc_date = result.service or info.folder_service, result.doc_date or info.folder_date
        with self._transaction() as c:
            c.execute("DELETE FROM documents WHERE path = ?", (info.path,))
            cur = c.execute(
                "INSERT INTO documents (path, sha256, size, format, directorate, service, doc_date, status, "
                "seconds, rules_version, config_key, run_id, seen_run_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (info.path, info.sha256, info.size, result.format or info.suffix_format, directorate, service,
                 doc_date, result.status, result.seconds, rules_version, info.config_key, run_id, run_id))
            doc_id = cur.lastrowid
            if result.record_json is not None:
                c.execute("INSERT INTO records (document_id, record_json) VALUES (?,?)", (doc_id, result.record_json))
            c.executemany(
                "INSERT INTO findings (document_id, rule_id, family, severity, outcome, suppressed, message, "
                "location, section, fingerprint, finding_json, subject_kind, subject, duty) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(doc_id, f["rule_id"], f["family"], f["severity"], f["outcome"], int(bool(f["suppressed"])),
                  f["message"], f["location"], f["section"], f["fingerprint"], f.get("json"),
                  f.get("subject_kind", ""), f.get("subject", ""), f.get("duty", ""))
                 for f in result.findings])
            if result.status == "failed":
                c.execute("INSERT INTO failures (document_id, kind, reason) VALUES (?,?,?)",
                          (doc_id, result.failure_kind or "error", result.reason))
            _snapshot(c, run_id, info.path)

    def _transaction(self):
        return _Transaction(self.conn)


def _snapshot(c: sqlite3.Connection, run_id: int, path: str) -> None:
    """Keep what this run found for `path` (run_documents, run_findings), so runs can be compared
    after later runs have replaced the document's own rows."""
    c.execute("DELETE FROM run_documents WHERE run_id = ? AND path = ?", (run_id, path))
    c.execute("DELETE FROM run_findings WHERE run_id = ? AND path = ?", (run_id, path))
    c.execute("INSERT INTO run_documents (run_id, path, sha256, status, directorate, service, doc_date) "
              "SELECT ?, path, sha256, status, directorate, service, doc_date FROM documents WHERE path = ?",
              (run_id, path))
    c.execute("INSERT INTO run_findings (run_id, path, rule_id, family, severity, outcome, suppressed, count) "
              "SELECT ?, d.path, f.rule_id, f.family, f.severity, f.outcome, f.suppressed, COUNT(*) "
              "FROM findings f JOIN documents d ON d.id = f.document_id WHERE d.path = ? "
              "GROUP BY f.rule_id, f.family, f.severity, f.outcome, f.suppressed", (run_id, path))


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN")
        return self.conn

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
