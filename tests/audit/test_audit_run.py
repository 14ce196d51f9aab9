"""End-to-end audits: broken files recorded, resume, crashes, hangs, Ctrl-C, Dask, exports."""
from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from eia_rules_cli.main import cli

from eia_rules.audit import AuditOptions, QuietListener, run_audit
from eia_rules.audit.worker import CRASH_HOOK, HANG_HOOK

from .conftest import BROKEN, GOOD, small_md

WEAK_EXAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "examples" / "weak-iia.md"


def _rows(db: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def _statuses(db: Path) -> dict[str, tuple[str, str | None, str | None]]:
    """file name -> (status, failure kind, reason)."""
    return {Path(p).name: (s, k, r) for p, s, k, r in _rows(
        db, "SELECT d.path, d.status, f.kind, f.reason FROM documents d "
            "LEFT JOIN failures f ON f.document_id = d.id")}


def _findings(db: Path) -> set[tuple[str, str, str]]:
    return set(_rows(db, "SELECT d.path, f.rule_id, f.fingerprint FROM findings f "
                         "JOIN documents d ON d.id = f.document_id"))


@pytest.fixture(scope="module")
def audited(mixed_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    """The mixed folder audited once through the command line, with a CSV export."""
    out = tmp_path_factory.mktemp("out")
    db, export = out / "audit.sqlite", out / "findings.csv"
    result = CliRunner().invoke(cli, ["audit", str(mixed_folder), "--db", str(db), "--jobs", "2",
                                      "--export", str(export)], catch_exceptions=False)
    return db, export, result


def test_every_broken_file_is_recorded_with_its_reason_and_good_ones_are_checked(audited):
    db, _, result = audited
    assert result.exit_code == 0, result.output
    statuses = _statuses(db)
    assert set(statuses) == {Path(p).name for p in GOOD} | set(BROKEN)  # no label file, no hidden file
    for name, (_, words) in BROKEN.items():
        status, kind, reason = statuses[name]
        assert (status, kind) == ("failed", "input"), name
        assert words.lower() in reason.lower(), (name, reason)
    for rel in GOOD:
        assert statuses[Path(rel).name][0] == "ok"
        assert _rows(db, "SELECT COUNT(*) FROM findings f JOIN documents d ON d.id = f.document_id "
                         "WHERE d.path LIKE ?", f"%{Path(rel).name}")[0][0] > 0
    assert "Failed documents" in result.output and "Findings by family" in result.output


def test_directorate_and_date_come_from_the_record_never_the_folder_names(audited):
    db, _, _ = audited
    rows = {Path(p).name: (d, s, when) for p, d, s, when in _rows(
        db, "SELECT path, directorate, service, doc_date FROM documents")}
    directorate, service, when = rows["library-hours.docx"]
    assert directorate and directorate != "Customer Services"  # the form's own field, not the folder
    assert when and when.startswith("2024-")  # the record's own date wins over the folder's "2024"
    assert rows["weak-iia.md"][0] == ""  # filed under Leisure/, but the document does not say


def test_non_assessments_are_left_out_with_a_reason(mixed_folder, tmp_path):
    """A README beside the assessments is listed as left out, never stored as a document."""
    (mixed_folder / "README.md").write_text("# Notes on this archive\n\nThe folders hold last year's forms.\n")
    try:
        db = tmp_path / "a.sqlite"
        run = run_audit([str(mixed_folder)], AuditOptions(db=db, jobs=1))
        assert run.not_assessments == 1
        [(path, reason)] = _rows(db, "SELECT path, reason FROM skipped")
        assert path.endswith("README.md") and "answers no protected characteristic" in reason
        assert not _rows(db, "SELECT 1 FROM documents WHERE path LIKE '%README.md'")
    finally:
        (mixed_folder / "README.md").unlink()


def test_a_manifest_fills_directorate_service_and_date(mixed_folder, tmp_path):
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(f"{mixed_folder / 'Leisure' / 'weak-iia.md'}:\n  directorate: Leisure and Culture\n"
                        "  service: Sport\n  decision_date: '2024-05-01'\n", "utf-8")
    db = tmp_path / "a.sqlite"
    run_audit([str(mixed_folder / "Leisure")], AuditOptions(db=db, jobs=1, manifest=manifest))
    [(directorate, service, when)] = _rows(db, "SELECT directorate, service, doc_date FROM documents "
                                               "WHERE path LIKE '%weak-iia.md'")
    assert (directorate, service, when) == ("Leisure and Culture", "Sport", "2024-05-01")


def test_csv_export_has_a_row_per_document_and_per_finding(audited):
    db, export, _ = audited
    with export.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    documents = [r for r in rows if r["kind"] == "document"]
    findings = [r for r in rows if r["kind"] == "finding"]
    assert len(documents) == len(GOOD) + len(BROKEN)
    assert len(findings) == _rows(db, "SELECT COUNT(*) FROM findings")[0][0]
    failed = {Path(r["path"]).name: r["message"] for r in documents if r["status"] == "failed"}
    assert set(failed) == set(BROKEN) and all(failed.values())
    assert all(r["code"] and r["severity"] in ("error", "warning", "info") for r in findings)
    assert {r["suppressed"] for r in findings} <= {"yes", "no"}
    assert any(r["subject_kind"] == "characteristic" and r["subject"] and r["duty"] == "psed" for r in findings)


def test_check_and_export_write_one_csv_schema(audited, tmp_path):
    """A spreadsheet built on `check --format csv` takes `export --format csv` unchanged."""
    _, export, _ = audited
    checked = CliRunner().invoke(cli, ["check", str(WEAK_EXAMPLE), "--format", "csv", "--exit-zero"],
                                 catch_exceptions=False).output
    assert checked.splitlines()[0] == export.read_text("utf-8").splitlines()[0]


def test_store_keeps_subject_and_duty_as_columns(audited):
    db, _, _ = audited
    kinds = {k for (k,) in _rows(db, "SELECT DISTINCT subject_kind FROM findings")}
    assert {"characteristic", "topic"} <= kinds
    assert _rows(db, "SELECT COUNT(*) FROM findings WHERE duty = 'psed'")[0][0] > 0


def test_export_command_writes_jsonl(audited, tmp_path):
    db, _, _ = audited
    dest = tmp_path / "all.jsonl"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(dest)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in dest.read_text("utf-8").splitlines()]
    assert {r["kind"] for r in rows} == {"document", "finding"}
    assert sum(r["kind"] == "finding" for r in rows) == _rows(db, "SELECT COUNT(*) FROM findings")[0][0]


def test_export_in_check_formats_keeps_locations(audited, tmp_path):
    """An audit can feed the same SARIF/JUnit/GitHub consumers as `check`, locations included."""
    db, _, _ = audited
    sarif_path = tmp_path / "audit.sarif"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(sarif_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    log = json.loads(sarif_path.read_text("utf-8"))
    results = log["runs"][0]["results"]
    assert len(results) == _rows(db, "SELECT COUNT(*) FROM findings")[0][0]
    located = [r for r in results if "region" in r["locations"][0]["physicalLocation"]]
    assert located, "findings kept whole in the store still point into the document"
    junit = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "junit"], catch_exceptions=False)
    assert junit.exit_code == 0 and junit.stdout.count("<testsuite ") == len(GOOD)
    github = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "github"], catch_exceptions=False)
    assert github.stdout.startswith("::")


def test_rerun_skips_unchanged_documents_and_force_redoes_them(audited, mixed_folder, tmp_path):
    db = tmp_path / "copy.sqlite"
    shutil.copy(audited[0], db)
    again = run_audit([str(mixed_folder)], AuditOptions(db=db, jobs=2))
    assert (again.skipped, again.audited) == (len(GOOD) + len(BROKEN), 0)

    folder = small_md(tmp_path / "docs", ["a.md", "b.md", "c.md"])
    run_audit([str(folder)], AuditOptions(db=db, jobs=1))
    (folder / "b.md").write_text((folder / "b.md").read_text("utf-8") + "\nA late addition.\n", "utf-8")
    changed = run_audit([str(folder)], AuditOptions(db=db, jobs=1))
    assert (changed.audited, changed.skipped) == (1, 2)
    forced = run_audit([str(folder)], AuditOptions(db=db, jobs=1, force=True))
    assert (forced.audited, forced.skipped) == (3, 0)


def test_a_crashing_and_a_hanging_file_lose_nothing_else(tmp_path, monkeypatch):
    folder = small_md(tmp_path / "docs", ["a.md", "crash.md", "b.md", "hang.md", "c.md"])
    monkeypatch.setenv(CRASH_HOOK, "crash.md")
    monkeypatch.setenv(HANG_HOOK, "hang.md")
    db = tmp_path / "audit.sqlite"
    run = run_audit([str(folder)], AuditOptions(db=db, jobs=2, timeout=3))
    statuses = _statuses(db)
    assert run.audited == 5
    assert statuses["crash.md"][:2] == ("failed", "crash")
    assert statuses["hang.md"][:2] == ("failed", "timeout")
    assert "3 s" in statuses["hang.md"][2]
    assert all(statuses[n][0] == "ok" for n in ("a.md", "b.md", "c.md")), statuses


class _StopAfter(QuietListener):
    """A listener that presses Ctrl-C after `n` documents are stored."""

    def __init__(self, n: int) -> None:
        self.n = n

    def advance(self, result) -> None:
        self.n -= 1
        if self.n == 0:
            raise KeyboardInterrupt


def test_interrupted_audit_keeps_what_finished_and_resume_does_only_the_rest(tmp_path):
    names = [f"doc{i}.md" for i in range(5)]
    folder = small_md(tmp_path / "docs", names)
    db = tmp_path / "audit.sqlite"
    stopped = run_audit([str(folder)], AuditOptions(db=db, jobs=1), _StopAfter(2))
    assert stopped.interrupted and stopped.audited == 2
    assert len(_statuses(db)) == 2
    assert _rows(db, "SELECT status FROM runs WHERE id = ?", stopped.run_id) == [("interrupted",)]
    resumed = run_audit([str(folder)], AuditOptions(db=db, jobs=2))
    assert (resumed.skipped, resumed.audited, resumed.interrupted) == (2, 3, False)
    assert set(_statuses(db)) == set(names)


def test_dask_engine_gives_the_same_findings_as_the_local_engine(audited, mixed_folder, tmp_path):
    pytest.importorskip("distributed")
    db = tmp_path / "dask.sqlite"
    run = run_audit([str(mixed_folder)], AuditOptions(db=db, jobs=2, engine="dask"))
    assert run.audited == len(GOOD) + len(BROKEN)
    assert _statuses(db) == _statuses(audited[0])
    assert _findings(db) == _findings(audited[0])


def test_dask_engine_stops_a_hanging_file_at_the_timeout_and_survives_a_crash(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    folder = small_md(tmp_path / "docs", ["a.md", "crash.md", "b.md", "hang.md", "c.md"])
    monkeypatch.setenv(CRASH_HOOK, "crash.md")  # inherited by the cluster's workers and their children
    monkeypatch.setenv(HANG_HOOK, "hang.md")
    db = tmp_path / "audit.sqlite"
    run = run_audit([str(folder)], AuditOptions(db=db, jobs=2, timeout=3, engine="dask"))
    statuses = _statuses(db)
    assert run.audited == 5
    assert statuses["hang.md"][:2] == ("failed", "timeout")
    assert "3 s" in statuses["hang.md"][2]
    assert statuses["crash.md"][:2] == ("failed", "crash")
    assert all(statuses[n][0] == "ok" for n in ("a.md", "b.md", "c.md")), statuses


class _Order(QuietListener):
    """A listener noting the order in which results arrive."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def advance(self, result) -> None:
        self.paths.append(result.path)


def test_largest_documents_are_audited_first_so_no_worker_finishes_alone(tmp_path):
    folder = small_md(tmp_path / "docs", ["a.md", "b.md", "c.md", "d.md"])
    for name, extra in (("b.md", 40), ("d.md", 10), ("c.md", 80)):
        (folder / name).write_text((folder / name).read_text("utf-8") + "\nMore detail here.\n" * extra, "utf-8")
    order = _Order()
    run_audit([str(folder)], AuditOptions(db=tmp_path / "audit.sqlite", jobs=1), order)
    assert [Path(p).name for p in order.paths] == ["c.md", "b.md", "d.md", "a.md"]
