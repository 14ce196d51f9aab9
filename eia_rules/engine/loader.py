"""Find rule packs, validate them against the schema and compile them to the IR (`ir.py`).

Every problem is a `RuleError` whose message starts with `file:line rule 'ID': field:` so a
rule author can fix it without reading Python. The schema checks the shape; the compiler then
checks what a schema cannot say well: operators and their value types, aliases and refs, the
fact vocabulary (so a misspelt field fails here, not silently in the engine), message
templates, id prefixes, and duplicate ids across files.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any


from ..cache import cached, key_of
from ..errors import RuleError
from .ir import COMPARISONS, OPERATORS, Example, Pattern, ReviewCondition, RuleSpec, Test
from .vocabulary import Vocabulary, fact_vocabulary, type_name
from .yamlsource import line_of, parse_yaml, plain

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

FAMILY_PREFIX: dict[str, str] = {
    "PC": "protected-characteristics", "SE": "socio-economic", "WF": "well-being", "CE": "consultation",
    "WL": "welsh-language", "CR": "childrens-rights", "HR": "human-rights", "EV": "evidence",
    "MM": "mitigation-monitoring", "GV": "governance", "QS": "quality-signals",
}
TEMPLATE = re.compile(r"\{([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\}")
RESERVED_FIELDS = frozenset({"id", "sid"})  # set by the engine on every fact
_USE_FACT_VOCABULARY: Any = object()


@dataclass(frozen=True)
class RuleFile:
    """A rule pack to load: the name shown in errors and the text."""

    display: str
    text: str


@lru_cache(maxsize=1)
def rule_schema() -> dict[str, Any]:
    """The JSON Schema of a rule pack (rules/schema/rule.schema.json, shipped with the package)."""
    return json.loads(resources.files("eia_rules.rules").joinpath("schema/rule.schema.json").read_text("utf-8"))


def find_rule_files(paths: Sequence[str | Path] | None = None) -> list[RuleFile]:
    """The bundled packs (`rules/<family>/*.yaml`) or the given files and directories, sorted."""
    if not paths:
        root = resources.files("eia_rules.rules")
        found = [
            RuleFile(f"rules/{d.name}/{f.name}", f.read_text("utf-8"))
            for d in root.iterdir() if d.is_dir()
            for f in d.iterdir() if f.name.endswith((".yaml", ".yml"))
        ]
        return sorted(found, key=lambda r: r.display)
    files: list[RuleFile] = []
    for p in map(Path, paths):
        if p.is_dir():
            members = sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
        elif p.is_file():
            members = [p]
        else:
            raise RuleError(f"{p}: no such rule file or directory")
        files += [RuleFile(str(q), q.read_text("utf-8")) for q in members]
    return files


def load_rules(paths: Sequence[str | Path] | None = None, vocabulary: Any = _USE_FACT_VOCABULARY) -> list[RuleSpec]:
    """Load, validate and compile rule packs; raise `RuleError` on the first bad file.

    `vocabulary=None` skips the fact-vocabulary check (tests with made-up fact kinds use it).
    """
    return load_rule_files(find_rule_files(paths), vocabulary)


def load_rule_files(files: Iterable[RuleFile], vocabulary: Any = _USE_FACT_VOCABULARY) -> list[RuleSpec]:
    """Like `load_rules`, for already-read files; ids must be unique across all of them."""
    vocab: Vocabulary | None = fact_vocabulary() if vocabulary is _USE_FACT_VOCABULARY else vocabulary
    rules: list[RuleSpec] = []
    seen: dict[str, RuleSpec] = {}
    for rf in files:
        for rule in compile_file(rf, vocab):
            if rule.id in seen:
                raise RuleError(f"{rule.where}: id: duplicate rule id (first defined at {seen[rule.id].source}:"
                                f"{seen[rule.id].line})")
            seen[rule.id] = rule
            rules.append(rule)
    return rules


def compile_file(rf: RuleFile, vocabulary: Vocabulary | None) -> list[RuleSpec]:
    """Parse, schema-check and compile the rules of one file, or take the result from the disk
    cache when neither the file, the vocabulary nor the compiler has changed since: parsing the
    YAML and validating it took most of a cold start. A file with errors is never cached, so
    its errors are always reported."""
    key = key_of([rf.display, rf.text, repr(sorted((vocabulary or {}).items())), _compiler_fingerprint()])
    return cached("rules", key, lambda: _compile_file(rf, vocabulary))


@lru_cache(maxsize=1)
def _compiler_fingerprint() -> str:
    """What the compiled rules depend on besides the file: the compiler's code and the schema."""
    here = Path(__file__).resolve().parent
    sources = [here / name for name in ("loader.py", "ir.py", "vocabulary.py", "yamlsource.py")]
    return key_of([*(p.read_bytes() for p in sources), json.dumps(rule_schema(), sort_keys=True)])


def _compile_file(rf: RuleFile, vocabulary: Vocabulary | None) -> list[RuleSpec]:
    import yaml  # only when a file is compiled, not taken from the cache
    from jsonschema import Draft202012Validator

    try:
        data = parse_yaml(rf.text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(e, "problem", None) or str(e)
        raise RuleError(f"{rf.display}:{line}: not valid YAML: {problem}") from None
    errors = sorted(Draft202012Validator(rule_schema()).iter_errors(data),
                    key=lambda e: line_of(data, list(e.absolute_path)))
    if errors:
        raise RuleError("\n".join(_schema_message(rf.display, data, e) for e in errors[:10]))
    rules = data["rules"]
    return [_Compiler(rf.display, data["family"], raw, rules.lines[i], vocabulary).rule() for i, raw in enumerate(rules)]


def _field_path(path: Sequence[Any]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _schema_message(display: str, data: Any, error: ValidationError) -> str:
    """One line for one schema error: file:line rule 'ID': field: problem."""
    path = list(error.absolute_path)
    rule_id = "?"
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        raw = data["rules"][path[1]]
        rule_id = str(raw.get("id", "?")) if isinstance(raw, dict) else "?"
        field_path = path[2:]
    else:
        field_path = path
    problem = error.message
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [k for k in error.validator_value if k not in error.instance]
        field_path = field_path + missing[:1]
        problem = "required field is missing"
    elif error.validator == "oneOf":
        wanted = error.validator_value
        keys = [next(iter(opt["required"])) for opt in wanted if "required" in opt]
        problem = f"needs exactly one of {' or '.join(repr(k) for k in keys)}" if keys else problem
    elif error.validator == "enum":
        problem = f"{error.instance!r} is not allowed (allowed: {', '.join(map(str, error.validator_value))})"
    line = line_of(data, path)
    field = _field_path(field_path) or "(file)"
    return f"{display}:{line} rule {rule_id!r}: {field}: {problem}"


class _Compiler:
    """Compiles one schema-valid rule mapping to a `RuleSpec`, naming file:line on errors."""

    def __init__(self, display: str, family: str, raw: Any, line: int, vocabulary: Vocabulary | None) -> None:
        self.display, self.family, self.raw, self.line, self.vocab = display, family, raw, line, vocabulary
        self.rule_id = raw["id"]

    def fail(self, path: Sequence[Any], problem: str) -> RuleError:
        line = line_of(self.raw, path) or self.line
        return RuleError(f"{self.display}:{line} rule {self.rule_id!r}: {_field_path(path)}: {problem}")

    def rule(self) -> RuleSpec:
        raw = self.raw
        if FAMILY_PREFIX.get(self.rule_id[:2]) != self.family:
            raise self.fail(["id"], f"prefix {self.rule_id[:2]!r} does not belong to family {self.family!r}")
        patterns, kinds = self._patterns()
        applies = self._applies_when()
        review = self._review_when(kinds)
        for key in ("message", "remediation", "review_note"):
            self._check_template(key, raw.get(key, ""), kinds)
        return RuleSpec(
            id=self.rule_id, family=self.family, title=raw["title"], severity=raw["severity"],
            message=raw["message"], patterns=patterns, outcome=raw.get("outcome", "violation"),
            duty=raw.get("duty"), criterion=raw.get("criterion", ""), why=raw.get("why", ""),
            legal_basis=raw.get("legal_basis", ""), remediation=raw.get("remediation", ""),
            tags=tuple(raw.get("tags", ())), applies_when=applies, review_when=review,
            review_note=raw.get("review_note", ""), examples=self._examples(),
            source=self.display, line=self.line,
        )

    def _patterns(self) -> tuple[tuple[Pattern, ...], dict[str, str]]:
        """The `when` list; returns the patterns and the kind bound to each positive alias."""
        kinds: dict[str, str] = {}
        patterns: list[Pattern] = []
        used: set[str] = set()
        for i, item in enumerate(self.raw["when"]):
            negated = "absent" in item
            key = "absent" if negated else "match"
            alias = item.get("as", f"p{i}")
            if alias in used:
                raise self.fail(["when", i, "as"], f"alias {alias!r} is used twice in this rule")
            used.add(alias)
            body = item[key]
            kind = body["kind"]
            path = ["when", i, key]
            self._check_kind(path + ["kind"], kind)
            tests = tuple(self._test(path + [f], kind, f, spec, kinds) for f, spec in body.items() if f != "kind")
            patterns.append(Pattern(alias, kind, tests, negated, item.line))
            if not negated:
                kinds[alias] = kind
        return tuple(patterns), kinds

    def _applies_when(self) -> tuple[Test, ...]:
        body = self.raw.get("applies_when")
        if body is None:
            return ()
        path: list[Any] = ["applies_when"]
        if list(body) == ["match"] and isinstance(body["match"], dict):  # also accept {match: {...}}
            body, path = body["match"], path + ["match"]
        if body.get("kind", "document") != "document":
            raise self.fail(path + ["kind"], "applies_when tests the document fact; kind must be 'document'")
        return tuple(self._test(path + [f], "document", f, spec, {}) for f, spec in body.items() if f != "kind")

    def _review_when(self, kinds: dict[str, str]) -> tuple[ReviewCondition, ...]:
        """`review_when`: one mapping, or a list of them (any one is enough). Each maps a
        positive alias of `when`, or `document`, to conditions on that fact, all of which must hold."""
        body = self.raw.get("review_when")
        if body is None:
            return ()
        items = body if isinstance(body, list) else [body]
        known = {"document": "document", **kinds}
        out = []
        for i, item in enumerate(items):
            path: list[Any] = ["review_when"] + ([i] if isinstance(body, list) else [])
            tests = []
            for alias, conditions in item.items():
                if alias not in known:
                    raise self.fail(path + [alias], f"unknown pattern {alias!r} (known: {', '.join(known)})")
                tests += [(alias, self._test(path + [alias, f], known[alias], f, spec, kinds))
                          for f, spec in conditions.items()]
            out.append(ReviewCondition(tuple(tests)))
        return tuple(out)

    def _check_kind(self, path: list[Any], kind: str) -> None:
        if self.vocab is not None and kind not in self.vocab:
            raise self.fail(path, f"unknown fact kind {kind!r} (known: {', '.join(self.vocab)})")

    def _field_type(self, path: list[Any], kind: str, field: str) -> str | None:
        if field in RESERVED_FIELDS:
            raise self.fail(path, f"{field!r} is set by the engine and cannot be tested")
        if self.vocab is None:
            return None
        fields = self.vocab[kind]
        if field not in fields:
            raise self.fail(path, f"unknown field for kind {kind!r} (known: {', '.join(sorted(fields))})")
        return fields[field]

    def _test(self, path: list[Any], kind: str, field: str, spec: Any, kinds: dict[str, str]) -> Test:
        """One `field: value` or `field: {op: value}` entry -> Test."""
        ftype = self._field_type(path, kind, field)
        if not isinstance(spec, dict):
            op, value = "eq", spec
        elif len(spec) != 1:
            raise self.fail(path, f"needs exactly one operator, got {', '.join(map(str, spec)) or 'none'}")
        else:
            (op, value), = spec.items()
        if op not in OPERATORS:
            raise self.fail(path, f"unknown operator {op!r} (allowed: {', '.join(OPERATORS)})")
        if op == "exists":
            if not isinstance(value, bool):
                raise self.fail(path, "exists takes true or false")
            return Test(field, op, value)
        if op == "ref":
            return self._ref(path, field, ftype, value, kinds)
        values = value if op == "in" else [value]
        if op == "in" and (not isinstance(value, list) or not value):
            raise self.fail(path, "in takes a non-empty list of values")
        for v in values:
            self._check_value(path, op, ftype, v)
        return Test(field, op, tuple(values) if op == "in" else value)

    def _check_value(self, path: list[Any], op: str, ftype: str | None, value: Any) -> None:
        if value is None or isinstance(value, (dict, list)):
            hint = " (use exists: false for a missing field)" if value is None else ""
            raise self.fail(path, f"needs a single string, number or true/false value{hint}")
        vtype = type_name(value)
        if op in COMPARISONS and vtype != "number":
            raise self.fail(path, f"{op} compares numbers only, got {value!r}")
        if op in COMPARISONS and ftype not in (None, "number"):
            raise self.fail(path, f"{op} needs a numeric field; this field is {ftype}")
        if ftype is not None and vtype != ftype:
            raise self.fail(path, f"compares a {ftype} field with the {vtype} {value!r}")
        if isinstance(value, str) and value.startswith("$"):
            raise self.fail(path, "values starting with '$' are reserved for the engine")

    def _ref(self, path: list[Any], field: str, ftype: str | None, value: Any, kinds: dict[str, str]) -> Test:
        alias, dot, other = str(value).partition(".")
        if not dot or not other:
            raise self.fail(path, f"ref takes 'alias.field', got {value!r}")
        if alias not in kinds:
            known = ", ".join(kinds) or "none"
            raise self.fail(path, f"ref to unknown pattern {alias!r} (known: {known}; only earlier 'match' patterns)")
        other_type = self._field_type(path, kinds[alias], other)
        if ftype is not None and other_type != ftype:
            raise self.fail(path, f"ref compares a {ftype} field with the {other_type} field {value!r}")
        return Test(field, "ref", ref=(alias, other))

    def _check_template(self, key: str, template: str, kinds: dict[str, str]) -> None:
        for alias, field in TEMPLATE.findall(template):
            if alias not in kinds:
                raise self.fail([key], f"template names unknown pattern {alias!r} (known: {', '.join(kinds) or 'none'})")
            if field != "label":
                self._field_type([key], kinds[alias], field)

    def _examples(self) -> tuple[Example, ...]:
        raw = self.raw.get("examples") or {}
        out = []
        for group in ("flagged", "passing"):
            items = raw.get(group) or []
            for i, ex in enumerate(items):
                out.append(Example(
                    flagged=group == "flagged", record=plain(ex.get("record")), text=ex.get("text"),
                    profile=plain(ex.get("profile")), message_contains=ex.get("message_contains"),
                    needs_review=ex.get("needs_review"), line=items.lines[i],
                ))
        return tuple(out)
