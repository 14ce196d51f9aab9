"""Run snapshots (migration 0002): every run keeps what it found, skipped documents included."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from eia_rules.audit.migrate import migrate, migrations

from .conftest import Audited


def test_second_run_snapshot_holds_skipped_and_reaudited_documents(audited: Audited):
    with sqlite3.connect(audited.db) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        reaudited = conn.execute("SELECT COUNT(*) FROM documents WHERE run_id = ?", (audited.second_run,)).fetchone()[0]
        for run in (audited.first_run, audited.second_run):
            assert conn.execute("SELECT COUNT(*) FROM run_documents WHERE run_id = ?", (run,)).fetchone()[0] == stored
        now = conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
        kept = conn.execute("SELECT SUM(count) FROM run_findings WHERE run_id = ?", (audited.second_run,)).fetchone()[0]
    assert 2 <= reaudited < stored  # the two rewritten documents (and the retried failure), the rest skipped
    assert kept == now


def test_a_version_1_store_gets_a_snapshot_for_its_last_run(tmp_path: Path):
    conn = sqlite3.connect(tmp_path / "old.sqlite")
    first = migrations()[0]
    conn.executescript(f"BEGIN;\n{first[2]}\nPRAGMA user_version = 1;\nCOMMIT;")
    conn.execute("INSERT INTO runs (id, started, rules_version) VALUES (1, 'then', 'v'), (2, 'now', 'v')")
    conn.execute("INSERT INTO documents (id, path, sha256, size, status, rules_version, run_id, seen_run_id) "
                 "VALUES (1, 'a.md', 'h', 1, 'ok', 'v', 1, 2)")
    conn.executemany("INSERT INTO findings (document_id, rule_id, family, severity, outcome, message) "
                     "VALUES (1, ?, 'consultation', 'error', 'violation', 'm')", [("CE001",), ("CE001",), ("CE002",)])
    conn.commit()
    migrate(conn)
    assert conn.execute("SELECT run_id, path FROM run_documents").fetchall() == [(2, "a.md")]
    assert sorted(conn.execute("SELECT rule_id, count FROM run_findings WHERE run_id = 2")) == [("CE001", 2), ("CE002", 1)]


def test_what_changed_skips_a_repeat_run_and_says_what_differs(audited: Audited, tmp_path: Path):
    """A run repeated on the same files compares with nothing new: the report compares with
    the last run that differs, and says how (two documents were rewritten between the runs)."""
    import shutil

    from bs4 import BeautifulSoup

    from eia_rules.audit import AuditOptions, run_audit
    from eia_rules.report import build_report

    db = tmp_path / "copy.sqlite"
    shutil.copy(audited.db, db)
    repeat = run_audit([str(audited.root)], AuditOptions(db=db, jobs=1,
                                                         manifest=audited.root.parent / f"{audited.root.name}-manifest.csv"))
    assert repeat.run_id > audited.second_run
    page = BeautifulSoup(build_report(db), "html.parser")
    why = page.select_one("#compare-why").get_text()
    assert "2 documents changed" in why
    assert f"audit run {audited.first_run}," in page.select_one("#changes").get_text()
