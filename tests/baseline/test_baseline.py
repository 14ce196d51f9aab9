"""Baselines: write today's findings, hide them later, report what has gone stale."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eia_rules.baseline import apply_baseline, load_baseline, write_baseline
from eia_rules.errors import ConfigError
from eia_rules.model.findings import Finding, Report, Severity


def finding(rule_id: str, text: str, section: str = "Annex C > Race", suppressed: bool = False) -> Finding:
    return Finding(rule_id=rule_id, family="protected-characteristics", severity=Severity.ERROR,
                   message=f"{rule_id} gap", excerpt=text, section=section, suppressed=suppressed,
                   suppression_reason="reason" if suppressed else "")


@pytest.fixture()
def docs(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "docs").mkdir()
    return tmp_path / "docs" / "a.md", tmp_path / "docs" / "b.md"


def test_written_baseline_is_json_with_relative_paths(tmp_path: Path, docs) -> None:
    a, _ = docs
    report = Report(path=str(a), findings=[finding("PC002", "No race data."), finding("SE003", "x", suppressed=True)])
    write_baseline(tmp_path / "baseline.json", [report])
    data = json.loads((tmp_path / "baseline.json").read_text())
    assert data["version"] == 1 and data["created"]
    assert data["entries"] == [{"fingerprint": report.findings[0].fingerprint, "rule_id": "PC002",
                                "path": "docs/a.md", "section": "Annex C > Race", "message": "PC002 gap"}]


def test_baselined_findings_are_hidden_and_new_ones_reported(tmp_path: Path, docs) -> None:
    a, b = docs
    old = [Report(path=str(a), findings=[finding("PC002", "No race data.")])]
    write_baseline(tmp_path / "baseline.json", old)
    later = [Report(path=str(a), findings=[finding("PC002", "No  RACE data."), finding("PC005", "new")]),
             Report(path=str(b), findings=[finding("PC002", "No race data.")])]    # same text, other doc
    result = apply_baseline(later, load_baseline(tmp_path / "baseline.json"))
    assert [[f.rule_id for f in r.findings] for r in result.reports] == [["PC005"], ["PC002"]]
    assert result.hidden == {str(a): 1} and result.hidden_total == 1
    assert result.stale == []
    assert len(later[0].findings) == 2                       # the input reports are not changed


def test_entries_are_counted_so_a_second_identical_finding_is_new(tmp_path: Path, docs) -> None:
    a, _ = docs
    write_baseline(tmp_path / "bl.json", [Report(path=str(a), findings=[finding("PC002", "same")])])
    twice = [Report(path=str(a), findings=[finding("PC002", "same"), finding("PC002", "same")])]
    result = apply_baseline(twice, load_baseline(tmp_path / "bl.json"))
    assert len(result.reports[0].findings) == 1 and result.hidden_total == 1


def test_fixed_findings_leave_stale_entries_only_for_checked_documents(tmp_path: Path, docs) -> None:
    a, b = docs
    write_baseline(tmp_path / "bl.json", [Report(path=str(a), findings=[finding("PC002", "gone")]),
                                          Report(path=str(b), findings=[finding("SE003", "elsewhere")])])
    result = apply_baseline([Report(path=str(a), findings=[])], load_baseline(tmp_path / "bl.json"))
    assert [(e.rule_id, e.path) for e in result.stale] == [("PC002", "docs/a.md")]


def test_baseline_matches_when_run_from_another_folder(tmp_path: Path, docs, monkeypatch) -> None:
    a, _ = docs
    write_baseline(tmp_path / "bl.json", [Report(path=str(a), findings=[finding("PC002", "t")])])
    monkeypatch.chdir(tmp_path / "docs")
    result = apply_baseline([Report(path="a.md", findings=[finding("PC002", "t")])], load_baseline(tmp_path / "bl.json"))
    assert result.hidden_total == 1


def test_suppressed_findings_are_never_counted_against_the_baseline(tmp_path: Path, docs) -> None:
    a, _ = docs
    write_baseline(tmp_path / "bl.json", [Report(path=str(a), findings=[finding("PC002", "t")])])
    result = apply_baseline([Report(path=str(a), findings=[finding("PC002", "t", suppressed=True)])],
                            load_baseline(tmp_path / "bl.json"))
    assert result.reports[0].findings[0].suppressed and result.hidden_total == 0 and len(result.stale) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("{", "not a readable baseline (JSON) file"),
    ('{"version": 9, "created": "2024-01-01T00:00:00Z", "entries": []}', "version = 9: allowed values are 1"),
    ('{"version": 1, "created": "2024-01-01T00:00:00Z", "entries": [{"rule_id": "PC001", "path": "a"}]}',
     "entries.0.fingerprint: Field required"),
])
def test_bad_baseline_file_is_a_clear_error(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "bl.json").write_text(text)
    with pytest.raises(ConfigError) as info:
        load_baseline(tmp_path / "bl.json")
    assert str(info.value).startswith(str(tmp_path / "bl.json")) and expected in str(info.value)


def test_missing_baseline_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="baseline file not found"):
        load_baseline(tmp_path / "none.json")
