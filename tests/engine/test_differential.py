"""durable_rules and the reference evaluator must agree on every document.

The engine accepts some malformed conditions and then silently never matches, and its absence
handling depends on fact order; random documents checked by both catch any such difference.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from eia_rules.engine.checker import Checker, RuleSet
from eia_rules.engine.durable import DurableEngine
from eia_rules.engine.reference import ReferenceEngine
from eia_rules.model.record import CHARACTERISTICS
from eia_rules.ruletest import record_from_fragment

FIXTURES = Path(__file__).parent / "fixtures"

VALUES = {"s": ["red", "blue", "green"], "n": [0, 1, 2, 3, 4, 2.5], "f": [True, False]}


def _key(match):
    return match.rule_id, match.ordinals


def _random_facts(rng: random.Random) -> list[dict]:
    facts = []
    for i in range(rng.randint(0, 7)):
        fact = {"kind": rng.choice("abc"), "ref": i}
        for name, options in VALUES.items():
            if rng.random() < 0.75:  # sometimes missing: 'unknown' must never match a test
                fact[name] = rng.choice(options)
        facts.append(fact)
    rng.shuffle(facts)
    return facts


@pytest.fixture(scope="module")
def operator_rules():
    return RuleSet.load([FIXTURES / "operators.yaml"], vocabulary=None).rules


def test_operator_rules_cover_every_operator(operator_rules):
    ops = {t.op for r in operator_rules for p in r.patterns for t in p.tests}
    assert ops == {"eq", "ne", "lt", "lte", "gt", "gte", "exists", "in", "ref"}


def test_engines_agree_on_random_fact_sets(operator_rules):
    durable, reference = DurableEngine(operator_rules), ReferenceEngine(operator_rules)
    rng = random.Random(20240601)
    fired = set()
    for _ in range(1_500):
        facts = _random_facts(rng)
        want = sorted(reference.run(facts), key=_key)
        assert sorted(durable.run(facts), key=_key) == want, facts
        fired.update(m.rule_id for m in want)
    assert fired == {r.id for r in operator_rules}  # every rule fired somewhere, so none is vacuous


def _random_record(rng: random.Random) -> dict:
    impacts = ["positive", "negative", "neutral", "mixed", None]
    statuses = ["assessed", "asserted", "listed", "absent"]
    chars = {k: {"status": rng.choice(statuses), "impact": rng.choice(impacts)} for k in CHARACTERISTICS}
    mitigations = [{"text": "m", "characteristics": rng.sample(CHARACTERISTICS, rng.randint(0, 2))}
                   for _ in range(rng.randint(0, 3))]
    engagement = [{"text": "e", "duration_days": rng.choice([None, 14, 41, 42, 90])} for _ in range(rng.randint(0, 2))]
    return {"characteristics": chars, "mitigations": mitigations, "engagement": engagement,
            "metadata": {"is_strategic": rng.choice([True, False, None])},
            "socio_economic": {"status": rng.choice(["addressed", "mentioned", "absent"])}}


def test_checkers_give_identical_findings_on_random_records(fixture_rules):
    durable, reference = Checker(fixture_rules, "durable"), Checker(fixture_rules, "reference")
    rng = random.Random(7)
    for _ in range(300):
        record = record_from_fragment(_random_record(rng))
        profile = {"duties": {"psed": rng.random() < 0.8, "sed": rng.random() < 0.8}}
        assert durable.check(record, profile) == reference.check(record, profile)
