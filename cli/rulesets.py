"""The bundled rule catalogue, loaded once per command run."""
from __future__ import annotations

from functools import cache

from eia_rules.engine.checker import RuleSet
from eia_rules.engine.ir import RuleSpec


@cache
def bundled_ruleset() -> RuleSet:
    """The rule packs shipped with the package."""
    return RuleSet.load()


def bundled_rules() -> list[RuleSpec]:
    """The bundled rules, in catalogue order."""
    return bundled_ruleset().rules
