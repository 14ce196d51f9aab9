"""Justified suppressions: an officer may say a rule does not apply, but must say why.

Suppressions come from two places:
- the document itself: lines such as `eia-rules: ignore SE003 -- reason`, which the structurer
  turns into `record.suppressions`; they cover the whole document (most findings are about
  something missing, so they have no paragraph to sit next to);
- a sidecar file next to the document, `<document>.eia-rules-ignore.toml`, for documents the
  officer cannot edit. Each `[[ignore]]` entry has `code` and `reason`, and may narrow itself
  to one finding (`fingerprint`) or one part of the document (`section`, a section-path prefix).

Like ruff's `noqa` and RUF100, suppressed findings stay in the report (marked, with the reason,
so audits can see them), a suppression without a reason suppresses nothing and is reported as
SUP001, and a suppression that matches nothing is reported as SUP002.
"""
from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, StrictStr, ValidationError

from .config import Selector, selector_matches
from .errors import ConfigError
from .model.blocks import Location
from .model.findings import Finding, Outcome, Severity
from .model.record import IIARecord

SIDECAR_SUFFIX = ".eia-rules-ignore.toml"
MISSING_REASON = "SUP001"
UNUSED = "SUP002"
FAMILY = "suppression"


@dataclass(frozen=True)
class SuppressionEntry:
    """One suppression from either source, in one shape, with where it was written."""

    code: str
    reason: str
    origin: str                                 # "the document" or the sidecar path and entry
    locations: tuple[Location, ...] = ()
    fingerprint: str = ""
    section: str = ""

    def matches(self, finding: Finding) -> bool:
        """Whether this entry covers `finding` (code or prefix, then the optional narrowing)."""
        if not selector_matches(finding.rule_id, self.code):
            return False
        if self.fingerprint and finding.fingerprint != self.fingerprint:
            return False
        return not self.section or _path(finding.section)[:len(_path(self.section))] == _path(self.section)


def _path(section: str) -> list[str]:
    """A section path as comparable parts: 'Annex C > Race' -> ['annex c', 'race']."""
    return [part.strip().casefold() for part in section.split(">") if part.strip()]


# --------------------------------------------------------------------------- the sidecar file

class _SidecarEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Selector
    reason: StrictStr = ""
    fingerprint: StrictStr = ""
    section: StrictStr = ""


class _Sidecar(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ignore: list[_SidecarEntry] = []


def sidecar_for(document: Path) -> Path:
    """Where the sidecar for `document` lives: next to it, named after it."""
    document = Path(document)
    return document.with_name(document.name + SIDECAR_SUFFIX)


def _sidecar_error(path: Path, err: dict) -> str:
    loc = err["loc"]
    if loc[:1] != ("ignore",) or len(loc) < 3:
        where = f"unknown key '{loc[0]}': only [[ignore]] entries are allowed" \
            if err["type"] == "extra_forbidden" else f"ignore: {err['msg']}"
        return f"{path}: {where}"
    entry, key = loc[1] + 1, loc[2]
    if err["type"] == "extra_forbidden":
        problem = f"unknown key '{key}': allowed keys are {', '.join(_SidecarEntry.model_fields)}"
    elif err["type"] == "missing":
        problem = f"'{key}' is required"
    else:
        problem = f"{key} = {err['input']!r}: {err['msg']}"
    return f"{path}: [[ignore]] entry {entry}: {problem}"


def load_sidecar(path: Path) -> list[SuppressionEntry]:
    """The entries of a sidecar file; a missing file means none, a bad one is a ConfigError."""
    path = Path(path)
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        sidecar = _Sidecar.model_validate(data)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except ValidationError as exc:
        raise ConfigError(_sidecar_error(path, exc.errors()[0])) from None
    return [
        SuppressionEntry(e.code, e.reason.strip(), f"{path} entry {i}", (), e.fingerprint, e.section)
        for i, e in enumerate(sidecar.ignore, start=1)
    ]


# --------------------------------------------------------------------------- applying them

def _document_entries(record: IIARecord) -> list[SuppressionEntry]:
    return [SuppressionEntry(s.code.strip().upper(), s.reason.strip(), "the document", tuple(s.locations))
            for s in record.suppressions]


def _report(entry: SuppressionEntry, code: str, severity: Severity, title: str, message: str) -> Finding:
    """A finding about a suppression itself, placed where the suppression was written."""
    return Finding(
        rule_id=code, title=title, family=FAMILY, severity=severity, outcome=Outcome.VIOLATION,
        message=message, locations=list(entry.locations),
        section=entry.locations[0].section() if entry.locations else "",
        excerpt=f"{entry.origin}: ignore {entry.code}",
    )


def _missing_reason(entry: SuppressionEntry) -> Finding:
    return _report(
        entry, MISSING_REASON, Severity.WARNING, "Suppression without a reason",
        f"The suppression of {entry.code} in {entry.origin} gives no reason, so it has no effect. "
        f"Add the reason after '--', for example 'eia-rules: ignore {entry.code} -- the duty does "
        "not apply because ...'.",
    )


def _unused(entry: SuppressionEntry) -> Finding:
    return _report(
        entry, UNUSED, Severity.INFO, "Unused suppression",
        f"The suppression of {entry.code} in {entry.origin} matches no finding in this document; "
        "remove it, or check the rule code.",
    )


def apply_suppressions(
    findings: Iterable[Finding],
    record: IIARecord,
    sidecar_path: Path | None = None,
    is_selected: Callable[[str], bool] | None = None,
) -> list[Finding]:
    """Mark findings covered by a justified suppression and report the suppressions that are not.

    Returns new findings (the input is not changed): the originals, suppressed where a
    suppression with a reason covers them, followed by SUP001 for each suppression without a
    reason and SUP002 for each that matched nothing. `is_selected` (usually
    `Config.is_selected`) keeps a suppression of a rule that did not run from counting as unused.
    """
    entries = _document_entries(record) + (load_sidecar(sidecar_path) if sidecar_path else [])
    justified = [e for e in entries if e.reason]
    used: set[int] = set()
    result: list[Finding] = []
    for finding in findings:
        hits = [] if finding.suppressed or finding.family == FAMILY else \
            [i for i, e in enumerate(justified) if e.matches(finding)]
        used.update(hits)
        if hits:
            reason = justified[hits[0]].reason
            finding = finding.model_copy(update={"suppressed": True, "suppression_reason": reason})
        result.append(finding)
    result += [_missing_reason(e) for e in entries if not e.reason]
    result += [_unused(e) for i, e in enumerate(justified)
               if i not in used and (is_selected is None or is_selected(e.code))]
    return result
