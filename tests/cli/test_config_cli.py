"""Configuration, suppression and baselines as a user meets them through `eia-rules check`."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import EXAMPLES

WEAK = EXAMPLES / "weak-iia.md"


def _codes(run) -> list[str]:
    return [f["rule_id"] for f in run.json()["reports"][0]["findings"] if not f["suppressed"]]


def _copy_weak(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(WEAK, folder / "draft.md"))


def test_config_found_upward_selects_and_ignores(eia, tmp_path):
    doc = _copy_weak(tmp_path / "service" / "drafts")
    (tmp_path / ".eia-rules.toml").write_text('ignore = ["SE", "WF"]\n', encoding="utf-8")
    codes = _codes(eia("check", doc, "--format", "json"))
    assert codes and not any(c.startswith(("SE", "WF")) for c in codes)
    assert any(c.startswith("PC") for c in codes)


def test_severity_override_changes_exit_code(eia, tmp_path):
    doc = _copy_weak(tmp_path)
    baseline = eia("check", doc, "--format", "json").json()["reports"][0]["findings"]
    error_codes = sorted({f["rule_id"] for f in baseline if f["severity"] == "error"})
    table = "\n".join(f'"{code}" = "info"' for code in error_codes)
    (tmp_path / "pyproject.toml").write_text(f"[tool.eia-rules.severity]\n{table}\n", encoding="utf-8")
    assert eia("check", doc).code == 0


def test_body_profile_downgrades_socio_economic_rules(eia, tmp_path):
    doc = _copy_weak(tmp_path)
    before = eia("check", doc, "--format", "json").json()["reports"][0]["findings"]
    assert any(f["rule_id"].startswith("SE") and f["severity"] == "error" for f in before)
    (tmp_path / ".eia-rules.toml").write_text('[profile]\nbody_type = "local_authority"\nsed_applies = false\n',
                                              encoding="utf-8")
    after = eia("check", doc, "--format", "json").json()["reports"][0]["findings"]
    se = [f for f in after if f["rule_id"].startswith("SE")]
    assert se and all(f["severity"] == "info" for f in se)


def test_config_error_names_file_key_and_allowed_values(eia, tmp_path):
    doc = _copy_weak(tmp_path)
    (tmp_path / ".eia-rules.toml").write_text('[profile]\nbody_type = "council"\n', encoding="utf-8")
    run = eia("check", doc)
    assert run.code == 2
    assert ".eia-rules.toml" in run.err and "body_type" in run.err and "local_authority" in run.err


def test_suppression_with_reason_is_kept_but_marked(eia, tmp_path):
    doc = _copy_weak(tmp_path)
    first = _codes(eia("check", doc, "--format", "json"))
    code = next(c for c in first if c.startswith("SE"))
    doc.write_text(doc.read_text(encoding="utf-8")
                   + f"\n\neia-rules: ignore {code} -- operational decision, not strategic\n", encoding="utf-8")
    report = eia("check", doc, "--format", "json").json()["reports"][0]
    marked = [f for f in report["findings"] if f["rule_id"] == code]
    assert marked and all(f["suppressed"] for f in marked)
    assert "operational decision" in marked[0]["suppression_reason"]


def test_suppression_without_reason_is_itself_a_finding(eia, tmp_path):
    doc = _copy_weak(tmp_path)
    doc.write_text(doc.read_text(encoding="utf-8") + "\n\neia-rules: ignore SE001\n", encoding="utf-8")
    codes = _codes(eia("check", doc, "--format", "json"))
    assert "SUP001" in codes


def test_baseline_hides_known_findings_and_reports_stale(eia, tmp_path):
    doc = _copy_weak(tmp_path)
    base = tmp_path / "baseline.json"
    assert eia("check", doc, "--write-baseline", base).code == 0
    assert eia("check", doc, "--baseline", base).code == 0, "every finding is in the baseline"
    data = json.loads(base.read_text(encoding="utf-8"))
    gone = dict(data["entries"][0], fingerprint="0000000000000000", message="a problem since fixed")
    data["entries"].append(gone)
    base.write_text(json.dumps(data), encoding="utf-8")
    run = eia("check", doc, "--baseline", base)
    assert "stale baseline entry" in run.err and "a problem since fixed" in run.err
