"""Justified suppressions: in-document notes, the sidecar file, missing reasons, unused ones."""
from __future__ import annotations

from pathlib import Path

import pytest

from eia_rules.config import Config, load_config_file
from eia_rules.errors import ConfigError
from eia_rules.model.blocks import Location
from eia_rules.model.findings import Finding, Severity
from eia_rules.model.record import IIARecord, Suppression
from eia_rules.suppression import apply_suppressions, sidecar_for

NOTE_AT = Location(paragraph=7, line=31, section_path=("Annex B", "Socio-economic"))


def finding(rule_id: str, section: str = "Annex B > Socio-economic", message: str = "gap") -> Finding:
    return Finding(rule_id=rule_id, family="socio-economic", severity=Severity.ERROR,
                   message=message, section=section)


def record(*notes: tuple[str, str]) -> IIARecord:
    return IIARecord(suppressions=[Suppression(code=c, reason=r, locations=[NOTE_AT]) for c, r in notes])


def by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.rule_id, []).append(f)
    return out


def test_a_reasoned_suppression_marks_the_finding_and_keeps_it() -> None:
    found = [finding("SE003"), finding("PC001")]
    result = by_rule(apply_suppressions(found, record(("SE003", "Not a strategic decision."))))
    assert result["SE003"][0].suppressed
    assert result["SE003"][0].suppression_reason == "Not a strategic decision."
    assert not result["PC001"][0].suppressed
    assert "SUP001" not in result and "SUP002" not in result
    assert not found[0].suppressed                               # the input is left alone


def test_a_family_prefix_suppresses_the_whole_family() -> None:
    result = apply_suppressions([finding("SE001"), finding("SE003"), finding("PC001")],
                                record(("SE", "The SED does not bind a community council.")))
    assert [f.rule_id for f in result if f.suppressed] == ["SE001", "SE003"]


def test_a_suppression_without_a_reason_suppresses_nothing_and_is_reported() -> None:
    result = by_rule(apply_suppressions([finding("SE003")], record(("SE003", "  "))))
    assert not result["SE003"][0].suppressed
    [warning] = result["SUP001"]
    assert warning.severity is Severity.WARNING and warning.family == "suppression"
    assert "gives no reason" in warning.message and "SE003" in warning.message
    assert warning.locations == [NOTE_AT] and warning.section == "Annex B > Socio-economic"


def test_a_suppression_matching_nothing_is_reported_as_unused() -> None:
    result = by_rule(apply_suppressions([finding("PC001")], record(("WL002", "Covered by the Welsh Language IA."))))
    [info] = result["SUP002"]
    assert info.severity is Severity.INFO and "WL002" in info.message and "matches no finding" in info.message
    assert info.locations == [NOTE_AT]


def test_a_suppression_of_a_rule_that_did_not_run_is_not_called_unused(tmp_path: Path) -> None:
    cfg = load_config_file(_write(tmp_path / "c.toml", 'ignore = ["WL"]\n'))
    result = apply_suppressions([finding("PC001")], record(("WL002", "reason")), is_selected=cfg.is_selected)
    assert "SUP002" not in by_rule(result)
    result = apply_suppressions([finding("PC001")], record(("WL002", "reason")), is_selected=Config().is_selected)
    assert "SUP002" in by_rule(result)


def test_two_suppressions_covering_one_finding_are_both_used() -> None:
    result = apply_suppressions([finding("SE003")], record(("SE", "family reason"), ("SE003", "code reason")))
    assert "SUP002" not in by_rule(result)


# ------------------------------------------------------------------ sidecar

def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_sidecar_sits_next_to_the_document(tmp_path: Path) -> None:
    assert sidecar_for(tmp_path / "iia.docx") == tmp_path / "iia.docx.eia-rules-ignore.toml"


def test_sidecar_suppresses_and_can_narrow_to_a_section_or_fingerprint(tmp_path: Path) -> None:
    race, age = finding("PC002", "Annex C > Race", "race gap"), finding("PC002", "Annex C > Age", "age gap")
    other = finding("PC005", "Annex C > Sex", "sex gap")
    side = _write(sidecar_for(tmp_path / "iia.docx"),
                  '[[ignore]]\ncode = "PC002"\nreason = "Race covered in the RESIA"\nsection = "annex c > race"\n\n'
                  f'[[ignore]]\ncode = "PC005"\nreason = "Agreed with the equality lead"\nfingerprint = "{other.fingerprint}"\n')
    result = apply_suppressions([race, age, other], IIARecord(), sidecar_path=side)
    assert [(f.section, f.suppressed) for f in result if f.rule_id != "SUP002"] == [
        ("Annex C > Race", True), ("Annex C > Age", False), ("Annex C > Sex", True)]
    assert "SUP002" not in by_rule(result)


def test_sidecar_section_matches_whole_headings_only(tmp_path: Path) -> None:
    side = _write(tmp_path / "d.md.eia-rules-ignore.toml",
                  '[[ignore]]\ncode = "PC"\nreason = "x"\nsection = "Annex C > Ra"\n')
    result = apply_suppressions([finding("PC002", "Annex C > Race")], IIARecord(), sidecar_path=side)
    assert not result[0].suppressed


def test_sidecar_entry_without_reason_and_unused_entry_name_the_sidecar(tmp_path: Path) -> None:
    side = _write(tmp_path / "d.md.eia-rules-ignore.toml",
                  '[[ignore]]\ncode = "SE003"\n\n[[ignore]]\ncode = "CR001"\nreason = "WG only"\n')
    result = by_rule(apply_suppressions([finding("SE003")], IIARecord(), sidecar_path=side))
    assert not result["SE003"][0].suppressed
    assert f"{side} entry 1" in result["SUP001"][0].message
    assert f"{side} entry 2" in result["SUP002"][0].message


def test_missing_sidecar_means_no_suppressions(tmp_path: Path) -> None:
    result = apply_suppressions([finding("SE003")], IIARecord(), sidecar_path=tmp_path / "none.toml")
    assert [f.rule_id for f in result] == ["SE003"] and not result[0].suppressed


@pytest.mark.parametrize(("text", "expected"), [
    ('[[ignore]]\nreason = "x"\n', "[[ignore]] entry 1: 'code' is required"),
    ('[[ignore]]\ncode = "se003"\nreason = "x"\n', "[[ignore]] entry 1: code = 'se003': not a rule code"),
    ('[[ignore]]\ncode = "SE003"\nreason = "x"\nwhy = "y"\n',
     "[[ignore]] entry 1: unknown key 'why': allowed keys are code, reason, fingerprint, section"),
    ('[[ignre]]\ncode = "SE003"\n', "unknown key 'ignre': only [[ignore]] entries are allowed"),
    ('[[ignore]\n', "not valid TOML"),
])
def test_bad_sidecar_is_a_clear_error(tmp_path: Path, text: str, expected: str) -> None:
    side = _write(tmp_path / "d.md.eia-rules-ignore.toml", text)
    with pytest.raises(ConfigError) as info:
        apply_suppressions([], IIARecord(), sidecar_path=side)
    assert str(info.value).startswith(str(side)) and expected in str(info.value)
