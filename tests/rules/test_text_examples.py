"""Every bundled rule is shown working on assessment text, not only on record fragments
(issue "Recognise good work", item 5).

A `record:` example mostly restates the rule's `when:` clause, so it cannot show that the
structurer ever produces what the rule looks for. A `text:` example goes through the real
reader and structurer, so each rule keeps at least one flagged passage of an assessment with
the gap and, unless a reason is recorded below, one passing passage written well.
"""
from __future__ import annotations

from eia_rules.engine.checker import RuleSet
from eia_rules.ruletest import NOT_RUN, PASS, run_examples

# Rules with no passing text, and why. Remove an entry once its passing text can be added.
NO_PASSING_TEXT = {
    "MM011": "the assessment's age is counted from today, so any realistic recent date in a "
             "passing text would itself become more than three years old and start firing",
    "SE010": "the structurer never sets the socio-economic flag views_of_affected, so a section "
             "that reports what people on low incomes said still fires",
}


def _catalogue() -> RuleSet:
    return RuleSet.load()


def _text_examples(rule, flagged: bool) -> list:
    return [e for e in rule.examples if e.text is not None and e.flagged is flagged]


def test_every_rule_has_a_flagged_text_example() -> None:
    missing = sorted(r.id for r in _catalogue().rules if not _text_examples(r, flagged=True))
    assert not missing, f"rules with no flagged text: example: {missing}"


def test_every_rule_has_a_passing_text_example_or_a_recorded_reason() -> None:
    rules = _catalogue().rules
    missing = sorted(r.id for r in rules if not _text_examples(r, flagged=False) and r.id not in NO_PASSING_TEXT)
    assert not missing, f"rules with no passing text: example: {missing}"
    stale = sorted(r.id for r in rules if r.id in NO_PASSING_TEXT and _text_examples(r, flagged=False))
    assert not stale, f"rules in NO_PASSING_TEXT that now have a passing text (remove them): {stale}"
    unknown = sorted(set(NO_PASSING_TEXT) - {r.id for r in rules})
    assert not unknown, f"NO_PASSING_TEXT names rules that do not exist: {unknown}"


def test_text_examples_run_through_the_structurer_and_pass() -> None:
    summary = run_examples(_catalogue())
    texts = [(r.rule.id, e) for r in summary.results for e in r.examples if e.example.text is not None]
    not_run = [rid for rid, e in texts if e.status == NOT_RUN]
    assert not not_run, f"text examples not run (is the structurer importable?): {sorted(set(not_run))}"
    failed = [e.detail for _, e in texts if e.status != PASS]
    assert not failed, "\n".join(failed)
