"""Run every rule's examples: flagged examples must fire, passing ones must stay silent.

Each example is checked as its own document. Rules never affect each other (an action only
records a finding), so running the whole rule set and looking at one rule's findings gives the
same answer as compiling that rule alone, without building a host per rule.

`text:` examples go through a parse callable (default: the project's reader and structurer on a
temporary Markdown file). Those modules are imported lazily; if they are not available, text
examples are reported as "not run" rather than failing the rule.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .engine.checker import Checker, EngineName, RuleSet
from .engine.ir import Example, RuleSpec
from .model.findings import Finding, Outcome
from .model.record import IIARecord

Parse = Callable[[str], IIARecord]
PASS, FAIL, NOT_RUN = "pass", "fail", "not run"


def deep_merge(base: Mapping[str, Any], fragment: Mapping[str, Any]) -> dict[str, Any]:
    """`fragment` over `base`: mappings merge key by key, anything else (lists too) replaces."""
    out = dict(base)
    for key, value in fragment.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def record_from_fragment(fragment: Mapping[str, Any]) -> IIARecord:
    """An `IIARecord` from a fragment merged over the empty record (every characteristic absent)."""
    return IIARecord.model_validate(deep_merge(IIARecord().model_dump(mode="json"), fragment))


def default_parse(text: str) -> IIARecord:
    """Markdown text -> record through the real reader and structurer (imported only when needed)."""
    from .readers import read_document  # type: ignore[attr-defined]
    from .structure import structure  # type: ignore[attr-defined]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "example.md"
        path.write_text(text, encoding="utf-8")
        return structure(read_document(path))


@dataclass
class ExampleResult:
    example: Example
    status: str
    detail: str = ""


@dataclass
class RuleTestResult:
    """The outcome for one rule: `status` is pass, fail, or not run (every example skipped)."""

    rule: RuleSpec
    examples: list[ExampleResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.problems or any(e.status == FAIL for e in self.examples):
            return FAIL
        return PASS if any(e.status == PASS for e in self.examples) else NOT_RUN


@dataclass
class RuleTestSummary:
    results: list[RuleTestResult]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def ok(self) -> bool:
        return self.count(FAIL) == 0

    def line(self) -> str:
        return (f"{len(self.results)} rules: {self.count(PASS)} passed, {self.count(FAIL)} failed, "
                f"{self.count(NOT_RUN)} not run")


def run_examples(rules: RuleSet, parse: Parse | None = None, engine: EngineName = "durable") -> RuleTestSummary:
    """Check every example of every rule in `rules`; see the module docstring."""
    checker = Checker(rules, engine)
    parse = parse or default_parse
    return RuleTestSummary([_test_rule(checker, rule, parse) for rule in rules.rules])


def _test_rule(checker: Checker, rule: RuleSpec, parse: Parse) -> RuleTestResult:
    result = RuleTestResult(rule)
    for kind, flagged in (("flagged", True), ("passing", False)):
        if not any(e.flagged is flagged for e in rule.examples):
            result.problems.append(f"{rule.where}: examples.{kind}: the rule needs at least one {kind} example")
    result.examples = [_test_example(checker, rule, ex, parse) for ex in rule.examples]
    return result


def _test_example(checker: Checker, rule: RuleSpec, ex: Example, parse: Parse) -> ExampleResult:
    where = f"{rule.source}:{ex.line}"
    try:
        record = record_from_fragment(ex.record) if ex.record is not None else parse(ex.text or "")
    except ValidationError as e:
        return ExampleResult(ex, FAIL, f"{where}: record is not a valid IIARecord: {_first_error(e)}")
    except ImportError as e:
        return ExampleResult(ex, NOT_RUN, f"{where}: text example not run: the parser is not available ({e})")
    result = checker.check(record, dict(ex.profile) if ex.profile else None, only={rule.id})
    if ex.flagged:
        if not result.findings:
            return ExampleResult(ex, FAIL, f"{where}: flagged example did not fire")
        if ex.message_contains and not any(ex.message_contains in f.message for f in result.findings):
            got = result.findings[0].message
            return ExampleResult(ex, FAIL, f"{where}: no message contains {ex.message_contains!r} (got {got!r})")
        if ex.needs_review is not None and not any(_is_review(f) is ex.needs_review for f in result.findings):
            wanted = "a needs-review finding" if ex.needs_review else "a violation"
            return ExampleResult(ex, FAIL, f"{where}: expected {wanted}, got {result.findings[0].outcome.value}")
        return ExampleResult(ex, PASS)
    if result.findings:
        return ExampleResult(ex, FAIL, f"{where}: passing example fired: {result.findings[0].message}")
    return ExampleResult(ex, PASS)


def _is_review(finding: Finding) -> bool:
    return finding.outcome is Outcome.NEEDS_REVIEW


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    return f"{'.'.join(map(str, err['loc']))}: {err['msg']}"


def run_rule_tests(paths: Sequence[str | Path] | None = None, parse: Parse | None = None) -> RuleTestSummary:
    """Load rule packs (bundled by default) and run their examples: the `eia-rules rules test` core."""
    return run_examples(RuleSet.load(paths), parse)


def example_finding(rule: RuleSpec, parse: Parse | None = None) -> Finding | None:
    """The finding the rule gives on its first flagged text example, as an officer would read
    it (a real characteristic in place of the template's `{pc.label}`); None when no text
    example fires or the parser is not available."""
    example = next((e for e in rule.examples if e.flagged and e.text), None)
    if example is None:
        return None
    try:
        record = (parse or default_parse)(example.text or "")
    except ImportError:
        return None
    checker = Checker(RuleSet((rule,)), "reference")
    result = checker.check(record, dict(example.profile) if example.profile else None, only={rule.id})
    return result.findings[0] if result.findings else None


def duty_label(rule: RuleSpec) -> str:
    """'the public sector equality duty' for a rule tied to a duty, else ''."""
    from .engine.render import DUTY_LABELS

    label = DUTY_LABELS.get(rule.duty or "", "")
    return label[:1].lower() + label[1:] if label else ""
