"""A plain-Python evaluator of the IR, with the semantics defined in `ir.py`.

It is slow (it tries every combination) but obviously correct, which is its job: the
differential tests run it beside durable_rules so the engine's silent failures are caught and
so the engine can be replaced without changing what rules mean.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .ir import Match, Pattern, RuleSpec, pattern_holds


class ReferenceEngine:
    """Every distinct combination of facts for the positive patterns, with no fact for any absent one."""

    def __init__(self, rules: Sequence[RuleSpec]) -> None:
        self._rules = list(rules)

    def run(self, facts: Sequence[Mapping[str, Any]]) -> list[Match]:
        matches = []
        for rule in self._rules:
            for bound, ordinals in _bindings(list(rule.patterns), facts, {}, ()):
                matches.append(Match(rule.id, {a: dict(f) for a, f in bound.items()}, ordinals))
        return matches


def _bindings(
    patterns: list[Pattern], facts: Sequence[Mapping[str, Any]],
    bound: dict[str, Mapping[str, Any]], used: tuple[int, ...],
) -> Iterator[tuple[dict[str, Mapping[str, Any]], tuple[int, ...]]]:
    """Depth-first over the patterns in order; absent patterns are checked against what is bound so far."""
    if not patterns:
        yield dict(bound), used
        return
    pattern, rest = patterns[0], patterns[1:]
    if pattern.negated:
        if not any(pattern_holds(pattern, f, bound) for f in facts):
            yield from _bindings(rest, facts, bound, used)
        return
    for i, fact in enumerate(facts):
        if i not in used and pattern_holds(pattern, fact, bound):  # one fact binds one alias per match
            yield from _bindings(rest, facts, {**bound, pattern.alias: fact}, used + (i,))
