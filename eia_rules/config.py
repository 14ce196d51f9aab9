"""Configuration: which rules run, how severe they are, and which duties bind the body.

Like ruff, configuration is found by searching upward from the document's folder. In each
folder `.eia-rules.toml` (keys at the top level) wins over `pyproject.toml` (keys under
`[tool.eia-rules]`); a `pyproject.toml` without that table is skipped. `--config FILE`
replaces discovery. A file may `extends` others (paths relative to itself): they are loaded
first and then overridden.

Rule selection follows ruff's layering: a layer's `select` starts afresh, `extend-select` and
`ignore` adjust what earlier layers chose, and within a layer the most specific selector wins
(`ignore = ["SE"]` with `select = ["SE003"]` keeps SE003; on a tie, ignore wins).

Every problem raises `ConfigError` naming the file, the table, the key and what is allowed.
"""
from __future__ import annotations

import difflib
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError,
)
from pydantic_core import PydanticCustomError

from .errors import ConfigError
from .model.findings import Severity
from .readers.limits import DEFAULT_LIMITS, Limits

CONFIG_FILENAME = ".eia-rules.toml"
PYPROJECT = "pyproject.toml"
TOOL_TABLE = ("tool", "eia-rules")

# Rule families (docs/writing-rules.md) plus SUP, the codes suppression checks report under.
FAMILY_PREFIXES: tuple[str, ...] = (
    "PC", "SE", "WF", "CE", "WL", "CR", "HR", "EV", "MM", "GV", "QS", "SUP",
)
_SELECTOR = re.compile(r"^(?P<family>[A-Z]{2,3}?)\d{0,3}$")
BODIES_FILE = Path(__file__).parent / "data" / "bodies.json"
SEVERITIES: tuple[str, ...] = tuple(s.value for s in Severity)


# --------------------------------------------------------------------------- body profiles

@dataclass(frozen=True)
class BodyType:
    """One row of the applicability matrix in eia_rules/data/bodies.json."""

    name: str
    label: str
    duties: dict[str, bool]
    unverified: tuple[str, ...]
    notes: str


@cache
def _bodies_data() -> dict[str, Any]:
    return json.loads(BODIES_FILE.read_text(encoding="utf-8"))


def body_types() -> dict[str, BodyType]:
    """Every known body type, by name, in the order the data file lists them."""
    data = _bodies_data()
    return {
        name: BodyType(name, row["label"], dict(row["duties"]), tuple(row["unverified"]), row["notes"])
        for name, row in data["bodies"].items()
    }


def duty_names() -> tuple[str, ...]:
    """The duties a profile says yes or no to (the `duty_<name>` engine facts)."""
    return tuple(_bodies_data()["duties"])


DEFAULT_BODY_TYPE: str = _bodies_data()["default"]

# Profile keys that override one duty each: the user's answer beats the body-type default.
DUTY_OVERRIDES: dict[str, str] = {
    "psed_applies": "psed",
    "sed_applies": "sed",
    "wfg_applies": "wfg",
    "welsh_language_standards": "welsh_language",
    "childrens_rights_duty": "childrens_rights",
}


# --------------------------------------------------------------------------- file schema

def _one_of(allowed: tuple[str, ...]):
    """A validator that accepts only `allowed`, and says which values those are."""
    def check(value: str) -> str:
        if value not in allowed:
            raise PydanticCustomError("allowed_values", "allowed values are {allowed}",
                                      {"allowed": ", ".join(allowed)})
        return value
    return AfterValidator(check)


def is_selector(value: str) -> bool:
    """Whether `value` names rules: ALL, a family prefix, a family plus digits, or a code."""
    match = _SELECTOR.match(value)
    return value == "ALL" or bool(match and match["family"] in FAMILY_PREFIXES)


def selector_matches(code: str, selector: str) -> bool:
    """Whether `selector` (ALL, a prefix or a code) covers rule `code`."""
    return selector == "ALL" or code.startswith(selector)


def _check_selector(value: str) -> str:
    if not is_selector(value):
        raise PydanticCustomError(
            "selector",
            "not a rule code or family prefix: use ALL, a family ({families}), a family and "
            "leading digits such as PC0, or a full code such as SE003",
            {"families": ", ".join(FAMILY_PREFIXES)},
        )
    return value


Selector = Annotated[StrictStr, AfterValidator(_check_selector)]
SeverityName = Annotated[StrictStr, _one_of(SEVERITIES)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False, frozen=True)


class ProfileTable(_Strict):
    """`[profile]`: who the body is; explicit duty answers override the body type's defaults."""

    body_type: Annotated[StrictStr, _one_of(tuple(_bodies_data()["bodies"]))] | None = None
    psed_applies: StrictBool | None = None
    sed_applies: StrictBool | None = None
    wfg_applies: StrictBool | None = None
    welsh_language_standards: StrictBool | None = None
    childrens_rights_duty: StrictBool | None = None
    equality_objectives: list[StrictStr] | None = None
    wellbeing_objectives: list[StrictStr] | None = None


class ConfigTable(_Strict):
    """The keys of one configuration file, all optional; `None` means 'not set here'."""

    extends: StrictStr | list[StrictStr] | None = None
    select: list[Selector] | None = None
    ignore: list[Selector] | None = None
    extend_select: list[Selector] | None = Field(None, alias="extend-select")
    extend_ignore: list[Selector] | None = Field(None, alias="extend-ignore")
    severity: dict[Selector, SeverityName] | None = None
    fail_on: SeverityName | None = Field(None, alias="fail-on")
    profile: ProfileTable | None = None
    limits: dict[StrictStr, float] | None = None


def _keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


# --------------------------------------------------------------------------- the result

@dataclass(frozen=True)
class RuleSelection:
    """One file's say on which rules run (None = the file does not set that key)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def _longest_match(code: str, selectors: tuple[str, ...]) -> int | None:
    """Specificity of the most specific selector matching `code` (ALL = 0), or None."""
    lengths = [0 if s == "ALL" else len(s) for s in selectors if selector_matches(code, s)]
    return max(lengths) if lengths else None


def _decide(code: str, selects: tuple[str, ...], ignores: tuple[str, ...]) -> bool | None:
    """Within one layer the most specific selector wins; ignore wins a tie; None = no say."""
    s, i = _longest_match(code, selects), _longest_match(code, ignores)
    if i is not None and (s is None or i >= s):
        return False
    return True if s is not None else None


@dataclass(frozen=True)
class Config:
    """The resolved configuration for one document: immutable, and cheap to query."""

    layers: tuple[RuleSelection, ...] = (RuleSelection(select=("ALL",)),)
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity = Severity.ERROR
    body_type: str = DEFAULT_BODY_TYPE
    duty_overrides: tuple[tuple[str, bool], ...] = ()
    equality_objectives: tuple[str, ...] = ()
    wellbeing_objectives: tuple[str, ...] = ()
    limit_values: tuple[tuple[str, float], ...] = ()
    sources: tuple[Path, ...] = field(default=(), compare=False)

    @property
    def limits(self) -> Limits:
        """What one document may cost (docs/limits.md): the defaults with this file's `[limits]`."""
        return DEFAULT_LIMITS.with_values(dict(self.limit_values))

    def is_selected(self, code: str) -> bool:
        """Whether rule `code` runs, after every layer's select/ignore (default: all rules)."""
        selected = True
        for layer in self.layers:
            if layer.select is not None:
                selected = bool(_decide(code, layer.select + layer.extend_select, layer.ignore))
            else:
                decision = _decide(code, layer.extend_select, layer.ignore)
                selected = selected if decision is None else decision
        return selected

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity for `code` (most specific selector wins), else `default`."""
        best: tuple[int, Severity] | None = None
        for selector, level in self.severity:
            length = _longest_match(code, (selector,))
            if length is not None and (best is None or length >= best[0]):
                best = (length, level)
        return best[1] if best else default

    def duties(self) -> dict[str, bool]:
        """Which duties bind the body: the body type's defaults, then explicit answers."""
        duties = dict(body_types()[self.body_type].duties)
        duties.update(self.duty_overrides)
        return duties

    def unverified_duties(self) -> tuple[str, ...]:
        """Duties whose default for this body type is marked [verify] and that the user has not
        answered explicitly: worth a note in the report so the officer can confirm them."""
        answered = {duty for duty, _ in self.duty_overrides}
        return tuple(d for d in body_types()[self.body_type].unverified if d not in answered)

    def profile_dict(self) -> dict[str, Any]:
        """The body profile in the shape the engine reads (see engine/facts.py)."""
        return {
            "body_type": self.body_type,
            "duties": self.duties(),
            "equality_objectives": list(self.equality_objectives),
            "wellbeing_objectives": list(self.wellbeing_objectives),
        }


# --------------------------------------------------------------------------- loading

def _table_label(path: Path, loc: tuple[Any, ...] = ()) -> str:
    """The TOML table a key lives in, as the user wrote it: '[tool.eia-rules.profile]'."""
    parts = list(TOOL_TABLE) if path.name == PYPROJECT else []
    parts += [str(p) for p in loc]
    return f"[{'.'.join(parts)}] " if parts else ""


def _explain(path: Path, err: dict[str, Any]) -> str:
    """One pydantic error as a sentence naming the file, table, key and what is allowed."""
    loc = tuple(p for p in err["loc"] if p != "[key]")
    if loc[:1] == ("extends",):  # `extends` is a union: pydantic names the member tried
        return f"{path}: {_table_label(path)}extends = {err['input']!r}: expected a path or a list of paths"
    table = ("profile",) if loc and loc[0] == "profile" and len(loc) > 1 else ()
    if loc and loc[0] == "severity" and len(loc) > 1:
        table = ("severity",)
    key_path = loc[len(table):]
    key = str(key_path[0]) if key_path else "?"
    if err["type"] == "extra_forbidden":
        allowed = _keys(ProfileTable if table else ConfigTable)
        hint = difflib.get_close_matches(key.replace("_", "-"), allowed, n=1) or \
            difflib.get_close_matches(key.replace("-", "_"), allowed, n=1)
        did_you_mean = f" (did you mean '{hint[0]}'?)" if hint else ""
        return (f"{path}: {_table_label(path, table)}unknown key '{key}'{did_you_mean}: "
                f"allowed keys are {', '.join(allowed)}")
    problem = {
        "bool_type": "expected true or false",
        "string_type": "expected a string",
        "list_type": "expected a list of strings",
        "dict_type": "expected a table",
        "model_type": "expected a table",
    }.get(err["type"], err["msg"])
    value = err["input"]
    if "[key]" in err["loc"]:
        where = f"key {value!r}"
    elif len(key_path) == 1:
        where = f"{key} = {value!r}"
    else:
        where = f"{key} item {value!r}"
    return f"{path}: {_table_label(path, table)}{where}: {problem}"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None


def _tool_table(data: dict[str, Any]) -> Any:
    return data.get(TOOL_TABLE[0], {}).get(TOOL_TABLE[1]) if isinstance(data.get("tool"), dict) else None


def _parse(path: Path) -> ConfigTable:
    """Read and validate one file's own keys (its `extends` are not followed here)."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        data = _tool_table(data)
        if data is None:
            raise ConfigError(f"{path}: has no [tool.eia-rules] table")
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.eia-rules] must be a table")
    try:
        return ConfigTable.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_explain(path, exc.errors()[0])) from None


def _chain(path: Path, stack: tuple[Path, ...] = ()) -> list[tuple[Path, ConfigTable]]:
    """The file and everything it extends, base first; a file extending itself is an error."""
    path = path.resolve()
    if path in stack:
        cycle = " -> ".join(str(p) for p in (*stack[stack.index(path):], path))
        raise ConfigError(f"{stack[-1]}: {_table_label(stack[-1])}extends: cycle {cycle}")
    table = _parse(path)
    extends = [table.extends] if isinstance(table.extends, str) else (table.extends or [])
    chain: list[tuple[Path, ConfigTable]] = []
    for rel in extends:
        target = path.parent / rel
        if not target.is_file():
            raise ConfigError(f"{path}: {_table_label(path)}extends = {rel!r}: no such file {target}")
        chain.extend(_chain(target, (*stack, path)))
    chain.append((path, table))
    return chain


def _merge(chain: list[tuple[Path, ConfigTable]]) -> Config:
    """Fold a base-first chain of files into one Config; later files override earlier ones."""
    layers: list[RuleSelection] = [RuleSelection(select=("ALL",))]
    severity: dict[str, Severity] = {}
    fail_on = Severity.ERROR
    profile: dict[str, Any] = {}
    limits: dict[str, float] = {}
    for path, table in chain:
        if table.select is not None or table.extend_select or table.ignore or table.extend_ignore:
            layers.append(RuleSelection(
                select=tuple(table.select) if table.select is not None else None,
                extend_select=tuple(table.extend_select or ()),
                ignore=tuple((table.ignore or []) + (table.extend_ignore or [])),
            ))
        severity.update({k: Severity(v) for k, v in (table.severity or {}).items()})
        if table.fail_on is not None:
            fail_on = Severity(table.fail_on)
        if table.profile is not None:
            profile.update(table.profile.model_dump(exclude_none=True))
        if table.limits:
            try:
                DEFAULT_LIMITS.with_values(table.limits)
            except ConfigError as e:
                raise ConfigError(f"{path}: [limits]: {e}") from None
            limits.update(table.limits)
    return Config(
        layers=tuple(layers),
        severity=tuple(severity.items()),
        fail_on=fail_on,
        body_type=profile.get("body_type", DEFAULT_BODY_TYPE),
        duty_overrides=tuple((duty, profile[key]) for key, duty in DUTY_OVERRIDES.items() if key in profile),
        equality_objectives=tuple(profile.get("equality_objectives", ())),
        wellbeing_objectives=tuple(profile.get("wellbeing_objectives", ())),
        limit_values=tuple(limits.items()),
        sources=tuple(p for p, _ in chain),
    )


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` (a folder or a document)."""
    try:
        folder = start.resolve()
        if not folder.is_dir():
            folder = folder.parent
    except (OSError, RuntimeError):  # a loop of links or an over-long name: search from its folder
        folder = start.absolute().parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILENAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _tool_table(_read_toml(pyproject)) is not None:
            return pyproject
    return None


def load_config_file(path: Path) -> Config:
    """Load one configuration file and everything it extends."""
    return _merge(_chain(Path(path)))


def config_for(document: Path | None = None, explicit: Path | None = None) -> Config:
    """The configuration for `document`: `explicit` if given, else the nearest file, else defaults."""
    if explicit is not None:
        return load_config_file(explicit)
    found = find_config_file(Path(document) if document is not None else Path.cwd())
    return load_config_file(found) if found else Config()
