"""The audit's small parts: discovery, folder labels, the migrator and the rules version."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eia_rules.discovery import discover
from eia_rules.audit.folders import folder_labels
from eia_rules.audit.migrate import migrate, migrations
from eia_rules.audit.store import Store
from eia_rules.engine.version import rules_hash
from eia_rules.engine.loader import RuleFile, find_rule_files
from eia_rules.errors import EiaRulesError

from .conftest import BROKEN, GOOD


def test_discovery_takes_folders_globs_and_list_files_once_each(mixed_folder: Path, tmp_path: Path):
    in_folder = {p.path.name for p in discover([str(mixed_folder)])}
    assert in_folder == {Path(p).name for p in GOOD} | set(BROKEN)
    listing = tmp_path / "list.txt"
    listing.write_text(f"# documents\n{mixed_folder / 'Leisure' / 'weak-iia.md'}\n\nmissing.docx\n")
    pattern = str(mixed_folder / "**" / "*.docx")
    found = discover([f"@{listing}", pattern, str(mixed_folder / "Leisure" / "weak-iia.md")])
    names = [p.path.name for p in found]
    assert names.count("weak-iia.md") == 1
    assert {"library-hours.docx", "empty.docx", "corrupt.docx", "missing.docx"} <= set(names)


def test_folder_labels_give_directorate_service_and_date(tmp_path: Path):
    doc = tmp_path / "Social Services" / "Adults" / "2023" / "2023-05-17 respite.docx"
    assert folder_labels(doc, tmp_path) == ("Social Services", "Adults", "2023-05-17")
    assert folder_labels(doc, None) == ("", "", "2023-05-17")


def test_migrations_are_numbered_and_applied_once(tmp_path: Path):
    db = tmp_path / "a.sqlite"
    Store(db).close()
    Store(db).close()  # a second open must not re-apply anything
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations())
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"runs", "documents", "records", "findings", "failures"} <= tables


def test_a_store_from_a_newer_eia_rules_is_refused(tmp_path: Path):
    conn = sqlite3.connect(tmp_path / "new.sqlite")
    conn.execute(f"PRAGMA user_version = {len(migrations()) + 1}")
    with pytest.raises(EiaRulesError, match="newer"):
        migrate(conn)


def test_rules_version_changes_when_any_rule_file_changes():
    files = find_rule_files()
    edited = [*files[:-1], RuleFile(files[-1].display, files[-1].text + "\n# edited\n")]
    assert rules_hash(files) == rules_hash(list(reversed(files)))
    assert rules_hash(edited) != rules_hash(files)


def test_owner_splits_the_forms_directorate_and_service_field():
    from eia_rules.audit.worker import owner

    assert owner("Education and Lifelong Learning - Learner Travel") == ("Education and Lifelong Learning",
                                                                       "Learner Travel")
    assert owner("Parks") == ("Parks", "")
    assert owner("") == ("", "")


def test_the_classifier_reads_the_record_not_the_file_name():
    from eia_rules.audit.classify import not_an_assessment
    from eia_rules.model.record import CharacteristicStatus, IIARecord

    blank = IIARecord()
    assert "answers no protected characteristic" in not_an_assessment(blank)
    minutes = IIARecord()
    minutes.metadata.title = "Minutes of the Cabinet meeting, 3 March"
    minutes.characteristics["age"].status = CharacteristicStatus.ASSERTED
    assert "minutes" in not_an_assessment(minutes)
    poor = IIARecord()
    poor.metadata.title = "EIA Screening Form - Allotment Rent Increase"  # says nothing, but is one
    assert not_an_assessment(poor) is None
    tool = IIARecord()
    tool.metadata.title = "Notes for eia-rules users"  # 'eia' in lower case is not the acronym
    tool.characteristics["age"].status = CharacteristicStatus.ASSERTED
    assert not_an_assessment(tool) is None
    guide = tool.model_copy(deep=True)
    guide.metadata.title = "Guidance on completing the form"
    assert "guidance" in not_an_assessment(guide)
