"""IR -> durable_rules, and the one long-lived host per process that runs it.

Follows /work/shared/notes/durable-rules.md §6: facts (not events), one sid per document, fact
ids are decimal ordinals (no 32-bit hash collisions), a sentinel fact asserted last and placed
before the first `$not` of every rule that tests absence, a SyncHost (no timer threads), the
direct `assert_facts` call, then every pending action run through the engine's own action
calls (`_run_actions`), then `delete_state` after every document, and a process-wide cache of hosts keyed by the
compiled rules' content hash (re-creating hosts leaks memory and is 13x slower).

The engine accepts many malformed definitions and then never matches, loops or hangs, so
`check_rule` rejects them first and `probe` creates each rule alone to name the YAML line of
anything the engine still refuses.
"""
from __future__ import annotations

import copy
import hashlib
import itertools
import json
import re
import threading
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import durable_rules_engine as dre
from durable.engine import Host

from ..errors import RuleError
from .ir import COMPARISONS, Match, Pattern, RuleSpec, Test

# durable.engine calls datetime.utcfromtimestamp in every action (deprecated in 3.12); under
# warnings-as-errors the actions would fail.
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"durable\.engine")

END_KIND = "$end"
END_ALIAS = "_end"
# An internal rule that fires once per document on the sentinel. Measured here: `delete_state`
# on a sid for which no action ran segfaults or aborts in most runs (9 in 10 with one rule that
# did not fire), so every document must run at least one action. Its firing also proves the
# whole batch was processed.
DONE_RULE = "_document_done"
MAX_FACTS = 797_185  # decimal ids 0..797185 have pairwise-distinct FNV-1a hashes (the note, §4)
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_ENGINE_ERRORS = {
    102: "unexpected type", 104: "unexpected value", 105: "unexpected name", 106: "rule limit exceeded",
    107: "too many 'exists: false' tests", 108: "too many rules share one test (limit 256)",
    113: "expression limit exceeded", 204: "malformed object", 205: "malformed array",
}
_OPS = {"ne": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}


class EngineError(RuntimeError):
    """The engine failed on a document; its C state may be inconsistent, so restart the worker."""


def check_rule(rule: RuleSpec) -> None:
    """Reject what durable_rules would accept and then silently mis-handle (note §7, §10)."""
    seen: set[str] = set()
    for pattern in rule.patterns:
        where = f"{rule.source}:{pattern.line or rule.line} rule {rule.id!r}: pattern {pattern.alias!r}"
        if not _NAME.match(pattern.alias):
            raise RuleError(f"{where}: alias must be lower-case letters, digits and '_'")
        if not isinstance(pattern.kind, str) or not _NAME.match(pattern.kind):
            # without a kind the pattern also matches the engine's own state fact and re-fires forever
            raise RuleError(f"{where}: every pattern needs a string 'kind'")
        for test in pattern.tests:
            _check_test(where, test, seen)
        if not pattern.negated:
            seen.add(pattern.alias)


def _check_test(where: str, test: Test, aliases: set[str]) -> None:
    if not _NAME.match(test.field):
        raise RuleError(f"{where}: field {test.field!r} must be lower-case letters, digits and '_'")
    if test.op in COMPARISONS and (isinstance(test.value, bool) or not isinstance(test.value, (int, float))):
        raise RuleError(f"{where}: {test.field}: {test.op} compares numbers only, got {test.value!r}")
    if test.op == "in" and not test.value:
        raise RuleError(f"{where}: {test.field}: 'in' needs at least one value")
    if test.op == "ref" and (not test.ref or test.ref[0] not in aliases):
        raise RuleError(f"{where}: {test.field}: ref to unknown pattern {test.ref!r} (known: {sorted(aliases)})")
    if test.op in ("eq", "ne", "in"):
        for v in test.value if test.op == "in" else (test.value,):
            if not isinstance(v, (str, int, float, bool)):
                raise RuleError(f"{where}: {test.field}: needs a string, number or true/false, got {v!r}")


def _test_json(test: Test) -> dict[str, Any]:
    if test.op == "eq":
        return {test.field: test.value}
    if test.op == "exists":
        return {("$ex" if test.value else "$nex"): {test.field: 1}}
    if test.op == "in":
        options = [{test.field: v} for v in test.value]
        return options[0] if len(options) == 1 else {"$or": options}
    if test.op == "ref":
        alias, other = test.ref  # type: ignore[misc]
        return {test.field: {alias: other}}
    return {_OPS[test.op]: {test.field: test.value}}


def _pattern_json(pattern: Pattern) -> dict[str, Any]:
    tests = [{"kind": pattern.kind}, *(_test_json(t) for t in pattern.tests)]
    return tests[0] if len(tests) == 1 else {"$and": tests}


def rule_definition(rule: RuleSpec) -> dict[str, Any]:
    """The durable_rules definition of one rule (without `run`), sentinel inserted if needed."""
    check_rule(rule)
    steps: list[dict[str, Any]] = []
    for pattern in rule.patterns:
        if pattern.negated and not any(END_ALIAS in s for s in steps):
            steps.append({END_ALIAS: {"kind": END_KIND}})  # absence is decided only at end of document
        steps.append({(pattern.alias + "$not") if pattern.negated else pattern.alias: _pattern_json(pattern)})
    return {"all": steps}


def probe(rule: RuleSpec, definition: Mapping[str, Any]) -> None:
    """Create the rule alone in a throw-away ruleset, so an engine refusal names the YAML rule."""
    try:
        handle = dre.create_ruleset("probe", json.dumps({rule.id: definition}))
    except dre.error as e:
        code_text = str(e).rsplit(":", 1)[-1].strip()
        code = int(code_text) if code_text.isdigit() else -1
        raise RuleError(f"{rule.where}: engine rejected rule: {_ENGINE_ERRORS.get(code, 'error')} (code {code})") from None
    dre.delete_ruleset(handle)


class _SyncHost(Host):
    def _run(self) -> None:
        """The stock Host starts two self-re-arming timer threads here; actions run synchronously instead."""


def _unused(c: Any) -> None:
    """The action every rule is registered with (durable_rules wants one, a plain function):
    `_CompiledHost._run_actions` records matches itself and never calls it."""
    raise AssertionError("durable_rules action called outside _run_actions")


class _CompiledHost:
    """One durable_rules host for one set of rule definitions, shared by the whole process."""

    def __init__(self, name: str, definitions: Mapping[str, Mapping[str, Any]]) -> None:
        self.lock = threading.Lock()  # the C side has no locks: one document at a time
        self.buffer: list[tuple[str, dict[str, Any]]] = []
        self.done = 0
        self.sids = itertools.count()
        runnable: dict[str, dict[str, Any]] = {DONE_RULE: {"all": [{END_ALIAS: {"kind": END_KIND}}], "run": _unused}}
        for rule_id, definition in definitions.items():
            d = copy.deepcopy(dict(definition))  # Ruleset() deletes 'run' from the dict it is given
            d["run"] = _unused
            runnable[rule_id] = d
        self.ruleset = _SyncHost({name: runnable}).get_ruleset(name)

    def _run_actions(self, state: int) -> list[Any]:
        """Every pending action of the document, as `Ruleset.do_actions` runs them, without its
        per-action Python work: it wraps each match in a Closure (with a datetime call) and
        JSON-encodes the whole state back into the engine after every action. The rules'
        actions never change the state, so the state is given back as the engine handed it
        out. The errors are returned; an error abandons the action, as the stock loop does."""
        handle = self.ruleset._handle
        try:
            result = dre.start_action_for_state(handle, state)
            if not result:
                return []
            state_json, message_json = result[0], result[1]
            while message_json:
                rule_id, bound = next(iter(json.loads(message_json).items()))
                self._record(rule_id, bound)
                dre.update_state(handle, state_json)
                message_json = dre.complete_and_start_action(handle, state)
        except BaseException as error:  # noqa: BLE001 - reported as an EngineError by the caller
            dre.abandon_action(handle, state)
            return [error]
        return []

    def _record(self, rule_id: str, bound: Mapping[str, Any]) -> None:
        if rule_id == DONE_RULE:
            self.done += 1
        else:
            self.buffer.append((rule_id, {k: v for k, v in bound.items() if not k.startswith("_")}))

    def run(self, facts: Sequence[Mapping[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
        if len(facts) >= MAX_FACTS:
            raise EngineError(f"a document with {len(facts)} facts is more than the engine can take")
        with self.lock:
            sid = str(next(self.sids))
            batch = [dict(f, sid=sid, id=str(i)) for i, f in enumerate(facts)]
            batch.append({"kind": END_KIND, "sid": sid, "id": str(len(facts))})  # the sentinel, last
            self.buffer, self.done = [], 0
            # Not Host.assert_facts: it raises before running the actions when any fact matches no
            # rule (most documents). Codes: 0 ok, 1 some fact unmatched (normal), 2 repeated fact id.
            code, state = dre.assert_facts(self.ruleset._handle, json.dumps(batch, ensure_ascii=False))
            failed = self._run_actions(state)
            if failed or self.done != 1:  # deleting a state with pending or no actions can crash the process
                problem = repr(failed[0]) if failed else f"end-of-document rule fired {self.done} times"
                raise EngineError(f"engine error on document {sid}: {problem}; restart this worker")
            self.ruleset.delete_state(sid)
            if code == 2:
                raise EngineError("a fact id was repeated within one document")
            return self.buffer


_HOSTS: dict[str, _CompiledHost] = {}
_HOSTS_LOCK = threading.Lock()


def _host_for(rules: Sequence[RuleSpec]) -> _CompiledHost:
    """The process-wide host for these rules, compiled, checked and probed on first use."""
    definitions = {r.id: rule_definition(r) for r in rules}
    key = hashlib.sha256(json.dumps(definitions, sort_keys=True).encode()).hexdigest()
    with _HOSTS_LOCK:
        if key not in _HOSTS:
            for rule in rules:
                probe(rule, definitions[rule.id])
            _HOSTS[key] = _CompiledHost(f"eia_{key[:16]}", definitions)
        return _HOSTS[key]


class DurableEngine:
    """Runs rules with durable_rules; `run(facts)` gives every match for one document."""

    def __init__(self, rules: Sequence[RuleSpec]) -> None:
        if len({r.id for r in rules}) != len(rules):
            raise RuleError("rule ids must be unique within one rule set")
        self._host = _host_for(rules) if rules else None
        self._patterns = {r.id: r.positive for r in rules}

    def run(self, facts: Sequence[Mapping[str, Any]]) -> list[Match]:
        if self._host is None:
            return []
        matches = []
        for rule_id, bound in self._host.run(facts):
            ordinals = {alias: int(fact["id"]) for alias, fact in bound.items()}
            order = tuple(ordinals[p.alias] for p in self._patterns[rule_id])
            matches.append(Match(rule_id, {p.alias: dict(facts[ordinals[p.alias]]) for p in self._patterns[rule_id]}, order))
        return matches
