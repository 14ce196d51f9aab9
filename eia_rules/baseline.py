"""Baselines: accept today's findings so that only new ones are reported from now on.

A team adopting eia-rules on a folder of existing assessments records what it finds today
(`write_baseline`) and, on later runs, sees only what is new (`apply_baseline`). Findings are
matched by fingerprint (rule, section path and normalised text; see model/findings.py), so a
paragraph inserted above a finding does not make it look new. Document paths are stored
relative to the baseline file's folder, so the baseline still matches in CI or on another
machine.

Entries are counted, not just listed: a baseline holding one SE003 for a document hides one
SE003 there, and a second, new one is still reported. Entries that no longer match any finding
in a document that was checked are returned as stale, so the CLI can say the baseline can be
tidied; entries for documents not checked in this run are left alone.

A finding reported once for several places (`Finding.also_at`, see grouping.py) is written and
matched place by place, exactly as if the repeats had not been grouped: a baseline records one
entry per place, accepting some places hides only those, and a new place of an accepted
finding is still reported (as the finding, listing only the places not accepted).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError

from .errors import ConfigError
from .grouping import group_findings
from .model.findings import Finding, Report

BASELINE_VERSION = 1


class BaselineEntry(BaseModel):
    """One accepted finding: enough to match it again and for a person to recognise it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str
    rule_id: str
    path: str
    section: str = ""
    message: str = ""


class Baseline(BaseModel):
    """The baseline file's content; `root` (the file's folder) anchors its relative paths."""

    model_config = ConfigDict(extra="forbid")

    version: int = BASELINE_VERSION
    created: datetime
    entries: list[BaselineEntry]
    _root: Path = PrivateAttr(default_factory=Path.cwd)

    def key(self, document: str) -> str:
        """A document path as this baseline writes it: relative to its folder, with '/'."""
        return Path(os.path.relpath(Path(document).resolve(), self._root.resolve())).as_posix()


@dataclass(frozen=True)
class BaselineResult:
    """Reports without the baselined findings, how many were hidden per document, and stale entries."""

    reports: list[Report]
    hidden: dict[str, int]
    stale: list[BaselineEntry]

    @property
    def hidden_total(self) -> int:
        return sum(self.hidden.values())


def _at(baseline: Baseline, path: Path) -> Baseline:
    baseline._root = Path(path).resolve().parent
    return baseline


def write_baseline(path: Path, reports: Iterable[Report]) -> Baseline:
    """Record every unsuppressed finding in `reports` to `path` (JSON) and return the baseline.

    Suppressed findings are left out: they already carry an officer's reason.
    """
    path = Path(path)
    baseline = _at(Baseline(created=datetime.now(timezone.utc).replace(microsecond=0), entries=[]), path)
    entries = [
        BaselineEntry(fingerprint=f.fingerprint, rule_id=f.rule_id, path=baseline.key(report.path),
                      section=f.section, message=f.message)
        for report in reports for finding in report.findings if not finding.suppressed
        for f in finding.at_each_place()
    ]
    baseline.entries = sorted(entries, key=lambda e: (e.path, e.rule_id, e.section, e.fingerprint))
    path.write_text(baseline.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return baseline


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file written by `write_baseline`; anything else is a ConfigError."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable baseline (JSON) file: {exc}") from None
    if isinstance(data, dict) and data.get("version") != BASELINE_VERSION:
        raise ConfigError(f"{path}: version = {data.get('version')!r}: allowed values are {BASELINE_VERSION}")
    try:
        return _at(Baseline.model_validate(data), path)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"{path}: {where}: {err['msg']}") from None


def _accepted(finding: Finding, doc: str, budget: Counter[tuple[str, str]]) -> bool:
    """Whether the baseline accepts this (single-place) finding, using up one entry if so."""
    key = (doc, finding.fingerprint)
    if finding.suppressed or budget[key] <= 0:
        return False
    budget[key] -= 1
    return True


def apply_baseline(reports: Iterable[Report], baseline: Baseline) -> BaselineResult:
    """Hide findings the baseline accepts, count them, and list baseline entries gone stale."""
    budget = Counter((e.path, e.fingerprint) for e in baseline.entries)
    out: list[Report] = []
    hidden: dict[str, int] = {}
    checked: set[str] = set()
    for report in reports:
        doc = baseline.key(report.path)
        checked.add(doc)
        kept: list[Finding] = []
        for finding in report.findings:
            places = finding.at_each_place()
            left = [f for f in places if not _accepted(f, doc, budget)]
            if len(left) < len(places):
                hidden[report.path] = hidden.get(report.path, 0) + len(places) - len(left)
                kept += group_findings(left)
            else:
                kept.append(finding)
        out.append(report.model_copy(update={"findings": kept}))
    stale: list[BaselineEntry] = []
    for entry in baseline.entries:
        key = (entry.path, entry.fingerprint)
        if entry.path in checked and budget[key] > 0:
            budget[key] -= 1
            stale.append(entry)
    return BaselineResult(out, hidden, stale)
