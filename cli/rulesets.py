"""The bundled rule catalogue, loaded once per command run."""
from __future__ import annotations

from eia_rules.engine.checker import bundled_ruleset
from eia_rules.engine.ir import RuleSpec

__all__ = ["bundled_rules", "bundled_ruleset"]


def bundled_rules() -> list[RuleSpec]:
    """The bundled rules, in catalogue order."""
    return bundled_ruleset().rules
