"""The engine-neutral form of a rule, and the one definition of what each operator means.

The loader turns YAML into these dataclasses; `durable.py` compiles them for durable_rules and
`reference.py` evaluates them in plain Python. Keeping the meaning of every operator here (and
not in either engine) is what lets the differential tests catch an engine that silently
disagrees, and lets the engine be replaced.

Semantics (chosen to agree with what durable_rules 2.0.28 was measured to do on well-typed
facts; see /work/shared/notes/durable-rules.md and tests/engine/test_differential.py):

- a test on a field the fact does not have never holds (`ne` included: missing means unknown);
- numbers and booleans compare as numbers (true is 1); a string equals only a string (durable
  mixes types inconsistently, so the loader rejects cross-type tests when it knows the field's
  type);
- `lt lte gt gte` hold only for numeric fact values;
- `exists: true/false` holds when the field is present/missing;
- `in` holds when the value equals one of the listed values;
- `ref` holds when the value equals the named field of the fact bound to an earlier alias;
- within one rule, each positive pattern binds a different fact.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, Protocol

Scalar = str | int | float | bool

COMPARISONS: tuple[str, ...] = ("lt", "lte", "gt", "gte")
OPERATORS: tuple[str, ...] = ("eq", "ne", *COMPARISONS, "exists", "in", "ref")


@dataclass(frozen=True)
class Test:
    """One condition on one field of a fact: `field op value`, or `field == alias.ref_field`."""

    field: str
    op: str
    value: Any = None
    ref: tuple[str, str] | None = None  # (alias, field) for op == "ref"


@dataclass(frozen=True)
class Pattern:
    """A fact of kind `kind` satisfying every test must exist (or, if negated, must not)."""

    alias: str
    kind: str
    tests: tuple[Test, ...] = ()
    negated: bool = False
    line: int = 0


@dataclass(frozen=True)
class Example:
    """A rule example: a record fragment or a short Markdown text, expected to fire or not."""

    flagged: bool
    record: Mapping[str, Any] | None = None
    text: str | None = None
    profile: Mapping[str, Any] | None = None
    message_contains: str | None = None
    needs_review: bool | None = None  # flagged examples only: expect a needs-review (True) or a violation (False)
    line: int = 0


@dataclass(frozen=True)
class ReviewCondition:
    """One way a rule's match can be too uncertain to call a violation: every test holds on the
    fact bound to `alias` ("document" is the document fact). Any one condition is enough."""

    tests: tuple[tuple[str, Test], ...]  # (alias, test)


@dataclass(frozen=True)
class RuleSpec:
    """A validated rule with its metadata and where it was written."""

    id: str
    family: str
    title: str
    severity: str
    message: str
    patterns: tuple[Pattern, ...]
    outcome: str = "violation"
    duty: str | None = None
    criterion: str = ""
    why: str = ""
    legal_basis: str = ""
    remediation: str = ""
    tags: tuple[str, ...] = ()
    applies_when: tuple[Test, ...] = ()
    review_when: tuple[ReviewCondition, ...] = ()
    review_note: str = ""
    examples: tuple[Example, ...] = ()
    source: str = "<rules>"
    line: int = 0

    @property
    def where(self) -> str:
        """`file:line rule 'ID'`, the prefix of every error about this rule."""
        return f"{self.source}:{self.line} rule {self.id!r}"

    @property
    def positive(self) -> tuple[Pattern, ...]:
        return tuple(p for p in self.patterns if not p.negated)

    @property
    def uses_absence(self) -> bool:
        return any(p.negated for p in self.patterns)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float))  # bool is an int: true == 1, as in durable_rules


def values_equal(a: Any, b: Any) -> bool:
    """Equality as defined above: numbers and booleans numerically, strings only with strings."""
    if _is_number(a) and _is_number(b):
        return float(a) == float(b)
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return False


def _compare(op: str, value: Any, bound: Any) -> bool:
    if not (_is_number(value) and _is_number(bound)):
        return False
    return {"lt": value < bound, "lte": value <= bound, "gt": value > bound, "gte": value >= bound}[op]


def holds(test: Test, fact: Mapping[str, Any], bound: Mapping[str, Mapping[str, Any]]) -> bool:
    """Whether `test` holds for `fact`, given the facts already bound to earlier aliases."""
    present = test.field in fact
    if test.op == "exists":
        return present == bool(test.value)
    if not present:
        return False
    value = fact[test.field]
    if test.op == "eq":
        return values_equal(value, test.value)
    if test.op == "ne":
        return not values_equal(value, test.value)
    if test.op in COMPARISONS:
        return _compare(test.op, value, test.value)
    if test.op == "in":
        return any(values_equal(value, v) for v in test.value)
    if test.op == "ref":
        alias, other = test.ref  # type: ignore[misc]
        target = bound.get(alias, {})
        return other in target and values_equal(value, target[other])
    raise ValueError(f"unknown operator {test.op!r}")


def pattern_holds(pattern: Pattern, fact: Mapping[str, Any], bound: Mapping[str, Mapping[str, Any]]) -> bool:
    """Whether `fact` has the pattern's kind and satisfies all its tests."""
    return fact.get("kind") == pattern.kind and all(holds(t, fact, bound) for t in pattern.tests)


def needs_review(rule: RuleSpec, bound: Mapping[str, Mapping[str, Any]], document: Mapping[str, Any]) -> bool:
    """Whether a match of `rule` is one the tool cannot be sure of (axe-core's "incomplete"):
    some `review_when` condition holds on the matched facts and the document."""
    facts = {**bound, "document": document}
    return any(all(holds(t, facts.get(alias, {}), facts) for alias, t in cond.tests) for cond in rule.review_when)


def describe(test: Test) -> str:
    """A short human reading of a test, for 'not applicable' reasons."""
    if test.op == "exists":
        return f"{test.field} is {'present' if test.value else 'missing'}"
    if test.op == "ref":
        return f"{test.field} equals {'.'.join(test.ref or ())}"
    shown = "[" + ", ".join(map(_show, test.value)) + "]" if test.op == "in" else _show(test.value)
    words = {"eq": "is", "ne": "is not", "lt": "<", "lte": "<=", "gt": ">", "gte": ">=", "in": "is one of"}
    return f"{test.field} {words[test.op]} {shown}"


def _show(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


class Match(NamedTuple):
    """One firing: the rule and the fact bound to each positive alias (absent ones bind none)."""

    rule_id: str
    facts: dict[str, dict[str, Any]]
    ordinals: tuple[int, ...] = ()  # positions of those facts in the document's fact list


class Engine(Protocol):
    """What the checker needs from an engine: all matches of all rules for one document."""

    def run(self, facts: Sequence[Mapping[str, Any]]) -> list[Match]: ...


def match_key(order: Mapping[str, int], match: Match) -> tuple[int, tuple[int, ...]]:
    """A total order on matches (rule order, then the facts' ordinals), so engines compare equal."""
    return order.get(match.rule_id, len(order)), match.ordinals
