"""`eia-rules rules`, `rules test`, `explain` and `parse`."""
from __future__ import annotations

from pathlib import Path

from eia_rules.model.record import IIARecord

from .conftest import EXAMPLES, REPO


def test_rules_lists_the_catalogue(eia):
    run = eia("rules")
    assert run.code == 0
    assert "PC001" in run.out and run.out.strip().splitlines()[-1].endswith("rules")


def test_explain_shows_what_why_basis_examples_and_fix(eia):
    run = eia("explain", "pc001")
    assert run.code == 0
    for heading in ("What it says:", "Why it matters:", "Legal basis:", "How to fix:",
                    "Flagged example:", "Passing example:"):
        assert heading in run.out
    assert "Equality Act 2010" in run.out


def test_explain_speaks_to_officers_without_internal_codes(eia):
    """The message as an officer reads it (a real characteristic), a plain citation, short
    passages of assessment text; no template fields, duty codes or requirement ids."""
    run = eia("explain", "PC002")
    assert run.code == 0
    assert "<" not in run.out and "psed" not in run.out.lower() and "requirements" not in run.out
    assert "{" not in run.out and "Criterion" not in run.out
    assert "Race is named but never assessed" in run.out and "Complete the Race entry" in run.out
    assert "the public sector equality duty" in run.out
    assert "status:" not in run.out  # a record fragment is not wording an officer could copy


def test_plain_citation_leaves_out_internal_requirement_ids():
    from eia_rules.rulesdoc import plain_citation

    assert plain_citation("R (Bracking) v SSWP [2013] EWCA Civ 1345 (requirements PC-10, GV-04)") == \
        "R (Bracking) v SSWP [2013] EWCA Civ 1345"
    assert plain_citation("WFG Act 2015 ss.3 and 5; requirements WF-01 (error where x)") == "WFG Act 2015 ss.3 and 5"
    assert plain_citation("EHRC guidance (escalation under requirements MM-01)") == "EHRC guidance"


def test_explain_unknown_code_is_a_usage_error(eia):
    run = eia("explain", "ZZ999")
    assert run.code == 2 and "ZZ999" in run.err


def test_rules_test_passes_on_the_bundled_catalogue(eia):
    run = eia("rules", "test")
    assert run.code == 0, run.out[-2000:]
    assert " 0 failed" in run.out


def test_rules_test_fails_a_rule_without_passing_example(eia, tmp_path: Path):
    pack = tmp_path / "xx"
    pack.mkdir()
    (pack / "bad.yaml").write_text(
        "family: governance\nrules:\n  - id: GV990\n    title: No title\n    severity: warning\n"
        "    when:\n      - as: d\n        match: {kind: document, has_title: false}\n"
        "    message: The assessment has no title.\n    legal_basis: good practice\n"
        "    remediation: Add a title.\n    examples:\n      flagged:\n        - record: {}\n",
        encoding="utf-8")
    run = eia("rules", "test", tmp_path)
    assert run.code != 0
    assert "GV990" in run.out + run.err


def test_rule_file_error_names_file_and_rule(eia, tmp_path: Path):
    pack = tmp_path / "xx"
    pack.mkdir()
    (pack / "bad.yaml").write_text(
        "family: governance\nrules:\n  - id: GV991\n    title: x\n    severity: fatal\n"
        "    when:\n      - match: {kind: document}\n    message: m\n    legal_basis: b\n    remediation: r\n",
        encoding="utf-8")
    run = eia("rules", "test", tmp_path)
    assert run.code == 2
    assert "bad.yaml" in run.err and "GV991" in run.err and "severity" in run.err


def test_parse_prints_a_valid_record(eia):
    run = eia("parse", EXAMPLES / "weak-iia.md", "--format", "json")
    assert run.code == 0
    record = IIARecord.model_validate_json(run.out)
    assert set(record.characteristics) == {
        "age", "disability", "gender_reassignment", "marriage_civil_partnership",
        "pregnancy_maternity", "race", "religion_belief", "sex", "sexual_orientation"}


def test_rules_reference_page_is_in_sync(eia):
    run = eia("rules", "--format", "markdown")
    assert run.code == 0
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == run.out, "regenerate with: eia-rules rules --format markdown > docs/rules.md"
