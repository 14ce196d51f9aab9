"""A bad rule file fails with file:line, rule id and the offending field, before the engine sees it."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from eia_rules.engine.loader import load_rules
from eia_rules.errors import RuleError

GOOD_RULE = """\
family: consultation
rules:
  - id: CE001
    title: Short consultation
    severity: warning
    when:
      - as: e
        match: {kind: engagement, duration_days: {lt: 42}}
    message: "Only {e.duration_days} days."
"""


def _write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str, **kwargs) -> str:
    path = _write(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_rules([path], **kwargs)
    return str(info.value).replace(str(path), "pack.yaml")


def test_good_rule_loads(tmp_path):
    (rule,) = load_rules([_write(tmp_path, GOOD_RULE)])
    assert rule.id == "CE001" and rule.patterns[0].tests[0].op == "lt" and rule.line == 3


def test_unknown_operator_names_file_line_rule_field_and_allowed(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("{lt: 42}", "{greater: 42}"))
    assert msg == ("pack.yaml:8 rule 'CE001': when[0].match.duration_days: unknown operator 'greater' "
                   "(allowed: eq, ne, lt, lte, gt, gte, exists, in, ref)")


def test_missing_kind(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("kind: engagement, ", ""))
    assert msg.startswith("pack.yaml:8 rule 'CE001': when[0].match.kind: required field is missing")


def test_pattern_needs_match_or_absent(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("match:", "matches:"))
    assert msg.startswith("pack.yaml:7 rule 'CE001': when[0]")


def test_bad_ref_alias(tmp_path):
    text = GOOD_RULE.replace(
        "    message:",
        "      - absent: {kind: mitigates, characteristic: {ref: ngg.characteristic}}\n    message:")
    msg = _error(tmp_path, text, vocabulary=None)
    assert msg.startswith("pack.yaml:9 rule 'CE001': when[1].absent.characteristic: ref to unknown pattern 'ngg'")


def test_bad_severity_lists_allowed_values(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("severity: warning", "severity: fatal"))
    assert msg == "pack.yaml:5 rule 'CE001': severity: 'fatal' is not allowed (allowed: error, warning, info)"


def test_misspelt_rule_key_is_rejected(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("severity:", "serverity:"))
    assert "pack.yaml:" in msg and "rule 'CE001'" in msg and "serverity" in msg


def test_non_numeric_comparison(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("{lt: 42}", "{lt: six weeks}"))
    assert msg == "pack.yaml:8 rule 'CE001': when[0].match.duration_days: lt compares numbers only, got 'six weeks'"


def test_duplicate_id_across_files(tmp_path):
    a = _write(tmp_path, GOOD_RULE, "a.yaml")
    b = _write(tmp_path, GOOD_RULE, "b.yaml")
    with pytest.raises(RuleError, match=r"b\.yaml:3 rule 'CE001': id: duplicate rule id \(first defined at .*a\.yaml:3\)"):
        load_rules([a, b])


def test_unknown_field_is_caught_against_fact_vocabulary(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("duration_days: {lt: 42}", "duration: {lt: 42}"))
    assert msg.startswith("pack.yaml:8 rule 'CE001': when[0].match.duration: unknown field for kind 'engagement'")


def test_type_mismatch_with_vocabulary(tmp_path):
    text = GOOD_RULE.replace("match: {kind: engagement, duration_days: {lt: 42}}", "match: {kind: engagement, vague: 'yes'}")
    assert "compares a bool field with the string 'yes'" in _error(tmp_path, text)


def test_template_with_unknown_alias(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("{e.duration_days}", "{x.duration_days}"))
    assert msg.startswith("pack.yaml:9 rule 'CE001': message: template names unknown pattern 'x'")


def test_id_prefix_must_match_family(tmp_path):
    msg = _error(tmp_path, GOOD_RULE.replace("CE001", "PC001"))
    assert msg.startswith("pack.yaml:3 rule 'PC001': id: prefix 'PC' does not belong to family 'consultation'")


def test_duplicate_yaml_key_and_bad_yaml(tmp_path):
    assert "duplicate key 'severity'" in _error(tmp_path, GOOD_RULE.replace("severity: warning", "severity: warning\n    severity: error"))
    assert _error(tmp_path, "family: [unclosed\n").startswith("pack.yaml:")


def test_reserved_dollar_value(tmp_path):
    text = GOOD_RULE.replace("duration_days: {lt: 42}", "has_who: true").replace("{e.duration_days}", "few")
    text = text.replace("match: {kind: engagement, has_who: true}", "match: {kind: signal, signal: $end}")
    assert "reserved for the engine" in _error(tmp_path, text)


def test_review_when_loads_one_mapping_or_a_list(tmp_path):
    one = GOOD_RULE + "    review_when: {e: {duration_days: {gte: 30}}}\n"
    (rule,) = load_rules([_write(tmp_path, one)])
    assert len(rule.review_when) == 1
    many = GOOD_RULE + "    review_when:\n      - {e: {duration_days: {gte: 30}}}\n      - {document: {count_assessed: {gte: 5}}}\n"
    (rule,) = load_rules([_write(tmp_path, many, name="many.yaml")])
    assert len(rule.review_when) == 2


def test_review_when_unknown_alias_names_the_known_ones(tmp_path):
    msg = _error(tmp_path, GOOD_RULE + "    review_when: {x: {duration_days: {gte: 30}}}\n")
    assert "rule 'CE001': review_when.x: unknown pattern 'x' (known: document, e)" in msg


def test_review_when_bad_operator_is_caught(tmp_path):
    msg = _error(tmp_path, GOOD_RULE + "    review_when: {e: {duration_days: {more: 30}}}\n")
    assert "review_when.e.duration_days: unknown operator 'more'" in msg
