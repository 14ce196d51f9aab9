"""Finding-level scoring against gap codes: what a reviewer would flag versus what was reported."""
from __future__ import annotations

import json

from eia_rules.evaluation.corpus import load_corpus
from eia_rules.evaluation.gaps import Flag, codes_of, expected_codes, gap_counts, verdict


def flag(rule: str, **subject: str) -> Flag:
    return Flag(rule, subject, "error", "violation")


def test_a_finding_about_one_characteristic_answers_that_characteristics_code():
    assert codes_of(flag("PC002", characteristic="age")) == ["PC_MISSING:age"]
    assert codes_of(flag("PC005", characteristic="race")) == ["PC_NO_REASON:race"]


def test_no_way_of_working_at_all_answers_every_way():
    assert sorted(codes_of(flag("WF001"))) == sorted(
        f"WOW_MISSING:{w}" for w in ("long_term", "prevention", "integration", "collaboration", "involvement"))


def test_a_rule_outside_the_mapping_is_not_scored():
    assert codes_of(flag("GV003")) == []
    labels = {"expected_gaps": [], "pc": {}}
    assert verdict(labels, flag("GV003")) == "unscored"


def test_listed_gaps_are_used_as_written_except_the_one_no_rule_answers():
    labels = {"expected_gaps": ["PC_MISSING:race", "MITIGATION_MISSING", "WELSH_MISSING"]}
    assert expected_codes(labels) == {"PC_MISSING:race", "WELSH_MISSING"}


def test_field_labels_give_the_mechanical_codes_when_no_gaps_are_listed():
    labels = {"pc": {"age": "listed", "race": "asserted", "sex": "assessed"},
              "ways_of_working": {"prevention": "mentioned", "involvement": "absent", "long_term": "evidenced"},
              "socio_economic": "mentioned", "welsh_language": "addressed", "monitoring": "absent",
              "consultation": {"present": True, "responses_considered": False}}
    assert expected_codes(labels) == {
        "PC_MISSING:age", "PC_NO_REASON:race", "WOW_NAMED_ONLY:prevention", "WOW_MISSING:involvement",
        "SE_WEAK", "MONITORING_MISSING", "CONSULT_NO_RESPONSE_USE"}


def test_counts_split_true_false_and_missed_by_family():
    labels = {"expected_gaps": ["PC_MISSING:age", "PC_NO_REASON:race", "SIGNOFF_MISSING"]}
    got = [flag("PC002", characteristic="age"), flag("PC003", characteristic="sex"), flag("QS001")]
    counts = {k: (v.tp, v.fp, v.fn) for k, v in gap_counts(labels, got).items()}
    assert counts == {"PC_MISSING": (1, 0, 0), "PC_NO_REASON": (0, 1, 1),
                      "SIGNOFF_MISSING": (0, 0, 1), "INTERSECTIONALITY_MISSING": (0, 1, 0)}


def test_families_the_labels_do_not_speak_for_are_not_scored():
    # Field labels with no sign-off information cannot call a sign-off finding false.
    labels = {"pc": {"age": "assessed"}}
    assert gap_counts(labels, [flag("GV005"), flag("PC002", characteristic="age")]) == {
        "PC_MISSING": gap_counts(labels, [flag("PC002", characteristic="age")])["PC_MISSING"]}
    assert verdict(labels, flag("PC002", characteristic="age")) == "false"


def test_a_labels_file_can_name_whole_documents_of_any_format(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "labels.jsonl").write_text(json.dumps({"id": "a1", "file": "docs/a.md"}) + "\n", encoding="utf-8")
    [doc] = load_corpus(tmp_path)
    assert doc.path == tmp_path / "docs" / "a.md" and doc.name == "docs/a.md"


def test_a_labels_file_may_not_point_outside_its_folder(tmp_path):
    import pytest

    from eia_rules.errors import InputError
    (tmp_path / "labels.jsonl").write_text(json.dumps({"id": "a1", "file": "../x.md"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="inside the corpus folder"):
        load_corpus(tmp_path)
