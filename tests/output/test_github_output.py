"""GitHub Actions annotations: one command per unsuppressed finding, safely escaped."""
from __future__ import annotations

import re

from eia_rules.model.findings import Finding, Report, Severity
from eia_rules.output import github

COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:]*)(?:,[a-z]+=[^,:]*)*)::(.*)$")


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a command the way the runner does, then unescape."""
    match = COMMAND.match(line)
    assert match, line
    props = dict(p.split("=", 1) for p in match.group(2).split(","))

    def unescape(v: str) -> str:
        return (v.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
                .replace("%2C", ",").replace("%25", "%"))
    return match.group(1), {k: unescape(v) for k, v in props.items()}, unescape(match.group(3))


def test_one_annotation_per_unsuppressed_finding(report, rules):
    lines = github.render([report], rules).splitlines()
    assert len(lines) == 3
    kinds = [_parse(line)[0] for line in lines]
    assert kinds == ["error", "warning", "notice"]


def test_file_line_and_title_survive_escaping(report, rules):
    first, review, bare = (_parse(line) for line in github.render([report], rules).splitlines())
    _, props, message = first
    assert props["file"] == "docs/assessments/library, closure: 2024.md"
    assert props["line"] == "12"
    assert props["title"] == "PSED-01: Due regard to each protected characteristic"
    assert message.startswith("Race: no impact assessed, 100% blank\nWhere: line 12 (section: Annex C > Race)")
    assert "How to fix: Assess the impact" in message
    _, props, message = review
    assert "line" not in props and "needs review" in props["title"]
    assert "Only a generic statement on\ndisadvantage." in message
    assert "p. 3, table 2 row 4 col 2" in message
    assert "line" not in bare[1]


def test_escaping_rules():
    assert github.escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert github.escape_property("50% a\nb: c, d") == "50%25 a%0Ab%3A c%2C d"


def test_nothing_for_a_clean_document(rules):
    suppressed = Finding(rule_id="PSED-01", family="psed", severity=Severity.ERROR,
                         message="x", suppressed=True, suppression_reason="agreed")
    assert github.render([Report(path="a.docx", findings=[suppressed])], rules) == ""
