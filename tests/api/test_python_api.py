"""The Python API an integrator embeds: `eia_rules.check` and `eia_rules.parse` on every source type."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import eia_rules
from eia_rules.errors import InputError

REPO = Path(__file__).resolve().parents[2]
WEAK = REPO / "corpora" / "examples" / "weak-iia.md"
THOROUGH = REPO / "corpora" / "examples" / "thorough-iia.docx"
RECORD = next(p for p in sorted((REPO / "corpora" / "json").glob("*.json")) if not p.name.endswith(".expected.json"))


def _codes(report: eia_rules.Report) -> list[tuple[str, str]]:
    return sorted((f.rule_id, f.fingerprint) for f in report.findings)


def test_check_a_path_str_or_pathlib():
    by_path = eia_rules.check(WEAK)
    assert by_path.path == str(WEAK)
    assert any(f.rule_id.startswith("PC") for f in by_path.violations)
    assert _codes(eia_rules.check(str(WEAK))) == _codes(by_path)


def test_bytes_with_a_filename_give_the_same_findings_as_the_file():
    from_bytes = eia_rules.check(eia_rules.BytesSource("thorough-iia.docx", THOROUGH.read_bytes()))
    assert _codes(from_bytes) == _codes(eia_rules.check(THOROUGH))


def test_record_and_dict_sources():
    record = eia_rules.parse(RECORD)
    assert isinstance(record, eia_rules.IIARecord)
    as_record = eia_rules.check(record)
    as_dict = eia_rules.check(record.model_dump(mode="json"))
    assert _codes(as_record) == _codes(as_dict)
    assert as_record.findings, "a JSON record from a forms system is checked like a document"


def test_parse_returns_a_located_record():
    record = eia_rules.parse(THOROUGH)
    assessed = [k for k, pc in record.characteristics.items() if pc.status.value == "assessed"]
    assert assessed
    assert all(record.characteristics[k].locations for k in assessed)


def test_unreadable_bytes_raise_an_input_error_naming_the_file():
    with pytest.raises(InputError, match="draft.docx"):
        eia_rules.check(eia_rules.BytesSource("draft.docx", b"not a word file"))


def test_safe_to_call_from_several_threads():
    sources = [WEAK, THOROUGH, RECORD] * 4
    serial = [_codes(eia_rules.check(p)) for p in sources]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda p: _codes(eia_rules.check(p)), sources))
    assert threaded == serial


def test_report_names_the_rules_version_an_audit_uses():
    from eia_rules.engine.version import rules_version

    report = eia_rules.check(WEAK)
    assert report.rules_version == rules_version()
    assert report.rules_version.startswith(eia_rules.__version__ + "+")


def test_statuses_and_severities_print_as_their_values():
    """`print(record.characteristics["age"].status)` shows `asserted`, as the README says, not the
    enum's Python name."""
    record = eia_rules.parse(WEAK)
    assert str(record.characteristics["age"].status) == "asserted"
    assert f"{eia_rules.check(WEAK).findings[0].severity}" in ("error", "warning", "info")


def test_every_finding_about_one_thing_names_it_as_its_subject():
    """Integrators read what a finding is about from `subject`, not from the message."""
    findings = eia_rules.check(WEAK).findings
    pc005 = [f for f in findings if f.rule_id == "PC005"]
    assert pc005 and all(set(f.subject) == {"characteristic"} and f.duty == "psed" for f in pc005)
    assert any(f.subject == {"topic": "welsh_language"} for f in findings)
