"""A real audit of part of corpora/ into a temporary store, audited twice, and its report.

The archive is laid out as <directorate>/<file> with a manifest naming each folder as its files'
directorate (folder names alone never are), and one unreadable file. Between the two runs one assessment is replaced by the thorough example
and one by the weak example, so the second run has something to compare with the first.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from eia_rules.audit import AuditOptions, run_audit
from eia_rules.report import build_report

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
SUBSET = ("la-docx", "json", "narrative-md")
THOROUGH = CORPORA / "examples" / "thorough-iia.docx"
WEAK = CORPORA / "examples" / "weak-iia.md"


@dataclass(frozen=True)
class Audited:
    root: Path
    db: Path
    first_run: int
    second_run: int
    html: str
    report: Path


def _copy_subset(root: Path) -> None:
    for folder in SUBSET:
        for src in sorted((CORPORA / folder).iterdir()):
            if src.is_file() and not src.name.endswith(".expected.json"):
                (root / folder).mkdir(parents=True, exist_ok=True)
                shutil.copy(src, root / folder / src.name)
    (root / "Broken").mkdir()
    (root / "Broken" / "empty.docx").write_bytes(b"")
    lines = ["path,directorate,service,decision_date"]
    lines += [f"{root.name}/{p.relative_to(root).as_posix()},{p.parent.name},," for p in sorted(root.rglob("*")) if p.is_file()]
    (root.parent / f"{root.name}-manifest.csv").write_text("\n".join(lines) + "\n", "utf-8")


@pytest.fixture(scope="session")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    root = tmp_path_factory.mktemp("archive")
    _copy_subset(root)
    db = tmp_path_factory.mktemp("store") / "audit.sqlite"
    manifest = root.parent / f"{root.name}-manifest.csv"
    first = run_audit([str(root)], AuditOptions(db=db, jobs=4, manifest=manifest))
    # Between runs: one weak assessment is rewritten thoroughly, one is made weaker.
    shutil.copy(THOROUGH, root / "la-docx" / "caerwen-library-hours.docx")
    (root / "narrative-md" / "caerwen-leisure-fees.md").write_text(WEAK.read_text("utf-8") + "\nRevised.\n", "utf-8")
    second = run_audit([str(root)], AuditOptions(db=db, jobs=4, manifest=manifest))
    html = build_report(db)
    report = tmp_path_factory.mktemp("report") / "report.html"
    report.write_text(html, "utf-8")
    return Audited(root, db, first.run_id, second.run_id, html, report)
