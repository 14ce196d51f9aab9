"""Behaviour of `Checker` on records, with both engines: what an officer would see in a report."""
from __future__ import annotations

import pytest

from eia_rules.engine.checker import Checker
from eia_rules.engine.durable import DurableEngine
from eia_rules.engine.reference import ReferenceEngine
from eia_rules.model.blocks import Location
from eia_rules.model.findings import Outcome, Severity
from eia_rules.model.record import CHARACTERISTICS
from eia_rules.ruletest import record_from_fragment

ALL_ASSESSED = {"characteristics": {k: {"status": "assessed", "impact": "neutral"} for k in CHARACTERISTICS}}
ENGINES = ["durable", "reference"]


def _ids(result):
    return [f.rule_id for f in result.findings]


@pytest.fixture(params=ENGINES)
def checker(request, fixture_rules):
    return Checker(fixture_rules, request.param)


def _record(**parts):
    return record_from_fragment({**ALL_ASSESSED, **parts})


def test_presence_one_finding_per_matching_fact(checker):
    record = record_from_fragment({"characteristics": {"age": {"status": "assessed"}, "race": {"status": "listed"}}})
    findings = [f for f in checker.check(record).findings if f.rule_id == "PC901"]
    assert [f.message for f in findings][:2] == ["Disability is not considered (absent).",
                                                 "Gender reassignment is not considered (absent)."]
    assert len(findings) == 7  # nine characteristics less age (assessed) and race (listed)


def test_absence_fires_only_without_engagement(checker):
    assert "CE901" in _ids(checker.check(_record()))
    assert "CE901" not in _ids(checker.check(_record(engagement=[{"text": "a survey"}])))


def test_comparison_and_missing_value(checker):
    short = _record(engagement=[{"text": "survey", "duration_days": 41}])
    enough = _record(engagement=[{"text": "survey", "duration_days": 42}])
    unknown = _record(engagement=[{"text": "survey"}])
    assert [f.message for f in checker.check(short).findings if f.rule_id == "CE902"] == [
        "The consultation ran for 41 days, less than six weeks."]
    assert "CE902" not in _ids(checker.check(enough))
    assert "CE902" not in _ids(checker.check(unknown))


def test_in_operator(checker):
    chars = dict(ALL_ASSESSED["characteristics"])
    chars["sex"] = {"status": "assessed", "impact": "mixed"}
    chars["race"] = {"status": "assessed", "impact": "positive"}
    found = [f.message for f in checker.check(record_from_fragment({"characteristics": chars})).findings
             if f.rule_id == "PC902"]
    assert found == ["Sex has a mixed impact and no mitigation."]


def test_join_mitigation_must_be_for_the_same_characteristic(checker):
    chars = dict(ALL_ASSESSED["characteristics"], race={"status": "assessed", "impact": "negative"},
                 age={"status": "assessed", "impact": "negative"})
    record = record_from_fragment({"characteristics": chars,
                                   "mitigations": [{"text": "Interpreters", "characteristics": ["race"]}]})
    assert [f.message for f in checker.check(record).findings if f.rule_id == "PC902"] == [
        "Age has a negative impact and no mitigation."]


@pytest.mark.parametrize("engine_cls", [DurableEngine, ReferenceEngine])
@pytest.mark.parametrize("mitigated", [True, False])
def test_join_with_absence_in_both_fact_orders(fixture_rules, engine_cls, mitigated):
    """The note's §5 trap: a blocking fact arriving after the one it blocks must still block."""
    engine = engine_cls([fixture_rules.by_id["PC902"]])
    neg = {"kind": "characteristic", "characteristic": "race", "impact": "negative", "ref": 0}
    mitigation = {"kind": "mitigates", "characteristic": "race" if mitigated else "age", "ref": 1}
    for facts in ([neg, mitigation], [mitigation, neg]):
        fired = [m.facts["neg"]["characteristic"] for m in engine.run(facts)]
        assert fired == ([] if mitigated else ["race"]), facts


def test_finding_is_located_at_the_matched_fact(checker):
    loc = Location(paragraph=7, section_path=("Annex C", "Race"))
    chars = dict(ALL_ASSESSED["characteristics"], race={"status": "assessed", "impact": "negative",
                                                          "reasons": "Fewer bus routes", "locations": [loc.model_dump()]})
    (finding,) = [f for f in checker.check(record_from_fragment({"characteristics": chars})).findings
                  if f.rule_id == "PC902"]
    assert finding.locations == [loc] and finding.section == "Annex C > Race" and finding.excerpt == "Fewer bus routes"
    assert finding.severity is Severity.WARNING and finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.family == "protected-characteristics" and finding.title == "Negative impact with no mitigation"


def test_templates_fill_fields_and_labels_only(checker):
    (finding, *_) = [f for f in checker.check(record_from_fragment({})).findings if f.rule_id == "PC901"]
    assert finding.message == "Age is not considered (absent)."
    assert finding.remediation == "Add an entry for Age."
    assert finding.legal_basis == "Equality Act 2010 s.149"


def test_duty_downgrade_to_info_with_reason(checker):
    record = record_from_fragment({})
    full = [f for f in checker.check(record).findings if f.rule_id == "PC901"]
    profile = {"body_type": "town council", "duties": {"psed": False}}
    down = [f for f in checker.check(record, profile).findings if f.rule_id == "PC901"]
    assert {f.severity for f in full} == {Severity.ERROR}
    assert {f.severity for f in down} == {Severity.INFO} and len(down) == len(full)
    assert down[0].message.startswith(full[0].message)
    assert "does not apply to this body type (town council)" in down[0].message
    # a rule with no duty is not downgraded
    assert {f.severity for f in checker.check(record, profile).findings if f.rule_id == "CE901"} == {Severity.ERROR}


def test_applies_when_gives_not_applicable_with_reason(checker):
    not_strategic = checker.check(record_from_fragment({"metadata": {"is_strategic": False}}))
    assert "SE901" not in _ids(not_strategic)
    (na,) = not_strategic.not_applicable
    assert na.rule_id == "SE901" and na.reason == "applies only when strategic is not no"
    strategic = checker.check(record_from_fragment({"metadata": {"is_strategic": True}}))
    assert "SE901" in _ids(strategic) and strategic.not_applicable == []


def test_passed_lists_applicable_rules_that_did_not_fire(checker):
    record = _record(engagement=[{"text": "survey", "duration_days": 60}], socio_economic={"status": "addressed"})
    result = checker.check(record)
    assert result.findings == []
    assert [p.rule_id for p in result.passed] == ["PC901", "PC902", "CE901", "CE902", "SE901"]
    result = checker.check(_record())
    assert [p.rule_id for p in result.passed] == ["PC901", "PC902", "CE902"]


def test_only_restricts_reported_rules(checker):
    result = checker.check(record_from_fragment({}), only={"CE901"})
    assert _ids(result) == ["CE901"] and result.passed == [] and result.not_applicable == []


def test_no_state_leaks_between_documents(fixture_rules):
    checker = Checker(fixture_rules, "durable")
    with_engagement = _record(engagement=[{"text": "survey"}])
    without = _record()
    negative = record_from_fragment({"characteristics": dict(ALL_ASSESSED["characteristics"],
                                                             race={"status": "assessed", "impact": "negative"})})
    mitigation_only = _record(mitigations=[{"text": "x", "characteristics": ["race"]}])
    for _ in range(2):
        assert "CE901" not in _ids(checker.check(with_engagement))
        assert "CE901" in _ids(checker.check(without))
        assert "PC902" in _ids(checker.check(negative))
        assert "PC902" not in _ids(checker.check(mitigation_only))


def test_many_documents_in_a_row_stay_correct(fixture_rules):
    """More than the engine's 1,024 live sessions: state must be deleted after each document."""
    checker = Checker(fixture_rules, "durable")
    records = [_record(), _record(engagement=[{"text": "s", "duration_days": 10}])]
    expected = [_ids(checker.check(r)) for r in records]
    assert expected[0] != expected[1]
    for i in range(1_100):
        assert _ids(checker.check(records[i % 2])) == expected[i % 2]


def test_each_finding_names_what_it_is_about_and_its_duty(checker):
    """Integrators read which characteristic a finding concerns from data, not the message."""
    record = record_from_fragment({"characteristics": {"age": {"status": "assessed"}, "race": {"status": "listed"}}})
    findings = [f for f in checker.check(record).findings if f.rule_id == "PC901"]
    assert findings[0].subject == {"characteristic": "disability"} and findings[0].duty == "psed"
    assert {f.subject["characteristic"] for f in findings} == set(CHARACTERISTICS) - {"age", "race"}
