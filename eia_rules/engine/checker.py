"""`RuleSet` and `Checker`: check one `IIARecord` against loaded rules.

record -> facts (`facts.py`) -> engine matches -> findings (`render.make_finding`), plus the
rules that passed and those that did not apply, so a report can show coverage and not only
failures. `engine="reference"` runs the plain-Python evaluator instead of durable_rules; the
results must be identical, which the differential tests check.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from ..model.findings import Finding, RuleResult
from ..model.record import IIARecord
from .durable import DurableEngine
from .facts import FactSet, record_to_facts
from .ir import Engine, RuleSpec, describe, holds, match_key
from .loader import load_rules
from .reference import ReferenceEngine
from .render import make_finding

EngineName = Literal["durable", "reference"]
_ENGINES = {"durable": DurableEngine, "reference": ReferenceEngine}


@dataclass
class CheckResult:
    """What the rules concluded about one document."""

    findings: list[Finding] = field(default_factory=list)
    passed: list[RuleResult] = field(default_factory=list)
    not_applicable: list[RuleResult] = field(default_factory=list)


class RuleSet:
    """Loaded rules; the compiled engines are built on first use and shared by the process."""

    def __init__(self, rules: Sequence[RuleSpec]) -> None:
        self.rules = list(rules)
        self.by_id = {r.id: r for r in self.rules}
        self._order = {r.id: i for i, r in enumerate(self.rules)}
        self._engines: dict[str, Engine] = {}

    @classmethod
    def load(cls, paths: Sequence[str | Path] | None = None, **kwargs: Any) -> RuleSet:
        """The bundled rule packs, or the given files and directories (see `loader.load_rules`)."""
        return cls(load_rules(paths, **kwargs))

    def engine(self, name: EngineName = "durable") -> Engine:
        if name not in _ENGINES:
            raise ValueError(f"unknown engine {name!r} (allowed: {', '.join(_ENGINES)})")
        if name not in self._engines:
            self._engines[name] = _ENGINES[name](self.rules)
        return self._engines[name]

    def order(self, rule_id: str) -> int:
        return self._order[rule_id]


@cache
def bundled_ruleset() -> RuleSet:
    """The rule packs shipped with eia-rules, loaded and compiled once per process."""
    return RuleSet.load()


class Checker:
    """Checks records against a `RuleSet` with one engine; build once, call `check` per document."""

    def __init__(self, ruleset: RuleSet | None = None, engine: EngineName = "durable") -> None:
        self.ruleset = ruleset or RuleSet.load()
        self._engine = self.ruleset.engine(engine)

    def check(self, record: IIARecord, profile: dict[str, Any] | None = None, today: date | None = None,
              only: Collection[str] | None = None) -> CheckResult:
        """Findings, passed and not-applicable rules for one record (`only` limits the rules reported)."""
        return self.check_facts(record_to_facts(record, profile, today), only)

    def check_facts(self, facts: FactSet, only: Collection[str] | None = None) -> CheckResult:
        """The same, for facts already made (rules never affect each other, so `only` just filters)."""
        document = next((f for f in facts.facts if f.get("kind") == "document"), {})
        result = CheckResult()
        applicable: set[str] = set()
        for rule in self.ruleset.rules:
            if only is not None and rule.id not in only:
                continue
            failing = [t for t in rule.applies_when if not holds(t, document, {})]
            if failing:
                reason = "applies only when " + "; ".join(describe(t) for t in failing)
                result.not_applicable.append(RuleResult(rule_id=rule.id, family=rule.family, reason=reason))
            else:
                applicable.add(rule.id)
        matches = [m for m in self._engine.run(facts.facts) if m.rule_id in applicable]
        order = {r.id: self.ruleset.order(r.id) for r in self.ruleset.rules}
        fired: set[str] = set()
        for match in sorted(matches, key=lambda m: match_key(order, m)):
            rule = self.ruleset.by_id[match.rule_id]
            result.findings.append(make_finding(rule, match, facts, document))
            fired.add(rule.id)
        result.passed = [RuleResult(rule_id=r.id, family=r.family) for r in self.ruleset.rules
                         if r.id in applicable and r.id not in fired]
        return result

