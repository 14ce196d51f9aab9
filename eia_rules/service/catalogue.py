"""The bundled rule catalogue, loaded once per process and shared by every request."""
from __future__ import annotations

from typing import Any

from ..engine.checker import RuleSet, bundled_ruleset
from ..engine.ir import RuleSpec
from ..rulesdoc import rule_summary


def ruleset() -> RuleSet:
    """The bundled rules (shared with the checker)."""
    return bundled_ruleset()


def rules() -> list[RuleSpec]:
    """The bundled rules in catalogue order (metadata for reporters and the results page)."""
    return ruleset().rules


def summaries() -> list[dict[str, Any]]:
    """Every rule as plain data, as `eia-rules rules --format json` prints it."""
    return [rule_summary(r) for r in rules()]


def summary(code: str) -> dict[str, Any] | None:
    """One rule as plain data, or None for an unknown code (codes are matched case-blind)."""
    rule = ruleset().by_id.get(code.strip().upper())
    return rule_summary(rule) if rule is not None else None
