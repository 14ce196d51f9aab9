"""The example runner behind `eia-rules rules test`: examples are tests of the rules."""
from __future__ import annotations

import textwrap
from pathlib import Path

from eia_rules.engine.checker import RuleSet
from eia_rules.ruletest import FAIL, NOT_RUN, PASS, record_from_fragment, run_examples

FIXTURES = Path(__file__).parent / "fixtures"
RULE = """\
family: consultation
rules:
  - id: CE001
    title: No engagement
    severity: error
    when:
      - absent: {kind: engagement}
    message: "No engagement is reported."
    examples:
%s
"""


def _run(tmp_path: Path, examples: str, parse=None):
    path = tmp_path / "pack.yaml"
    path.write_text(RULE % textwrap.indent(textwrap.dedent(examples), " " * 6), encoding="utf-8")
    summary = run_examples(RuleSet.load([path]), parse)
    return summary, summary.results[0]


def test_fixture_packs_pass_their_own_examples(fixture_rules):
    summary = run_examples(fixture_rules)
    assert summary.ok and summary.count(PASS) == len(fixture_rules.rules), summary.line()


def test_wrong_expectations_fail_with_line(tmp_path):
    summary, result = _run(tmp_path, """\
        flagged:
          - record: {engagement: [{text: "a survey"}]}
        passing:
          - record: {}
        """)
    assert result.status == FAIL and not summary.ok
    details = [e.detail for e in result.examples]
    assert details[0].endswith("pack.yaml:11: flagged example did not fire")
    assert "pack.yaml:13: passing example fired: No engagement is reported." in details[1]


def test_missing_passing_example_fails(tmp_path):
    _, result = _run(tmp_path, "flagged:\n  - record: {}\n")
    assert result.status == FAIL and "at least one passing example" in result.problems[0]


def test_message_contains_and_invalid_record(tmp_path):
    _, result = _run(tmp_path, """\
        flagged:
          - record: {}
            message_contains: "no consultation"
          - record: {characteristics: {age: {status: unheard_of}}}
        passing:
          - record: {engagement: [{text: "survey"}]}
        """)
    assert [e.status for e in result.examples] == [FAIL, FAIL, PASS]
    assert "no message contains 'no consultation'" in result.examples[0].detail
    assert "not a valid IIARecord" in result.examples[1].detail


def test_text_examples_use_the_parser_or_are_not_run(tmp_path):
    examples = """\
        flagged:
          - text: "# Proposal\\nNo one was asked."
        passing:
          - text: "# Proposal\\nWe ran a survey."
        """

    def parse(text: str):
        engaged = "survey" in text
        return record_from_fragment({"engagement": [{"text": text}]} if engaged else {})

    assert _run(tmp_path, examples, parse)[1].status == PASS

    def missing(text: str):
        raise ImportError("eia_rules.structure has no structure()")

    _, result = _run(tmp_path, examples, missing)
    assert result.status == NOT_RUN and all(e.status == NOT_RUN for e in result.examples)
    assert "not run" in result.examples[0].detail
