"""Shared fixtures for the engine tests: the fixture rule packs and a record builder."""
from __future__ import annotations

from pathlib import Path

import pytest

from eia_rules.engine.checker import RuleSet

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixture_rules() -> RuleSet:
    """The realistic fixture packs (checked against the real fact vocabulary)."""
    return RuleSet.load([FIXTURES / "core.yaml", FIXTURES / "consultation.yaml", FIXTURES / "socio.yaml"])
