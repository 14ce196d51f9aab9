"""The one road for the data: file -> blocks -> record -> facts -> findings -> report.

Front ends (CLI, service, audit workers) call `parse` and `check` here and nothing deeper, so
every entry point reads, structures and checks a document the same way.
"""
from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from . import __version__
from .model.findings import Report
from .model.record import IIARecord

if TYPE_CHECKING:
    from .engine.checker import Checker, RuleSet
    from .readers.limits import Limits

Source = Union[str, Path, IIARecord, Mapping[str, Any], "BytesSource"]


@dataclass(frozen=True)
class BytesSource:
    """Document bytes with the file name they came under (the name decides the format)."""

    filename: str
    data: bytes


def parse(source: Source, *, limits: Limits | None = None) -> IIARecord:
    """Read and structure one assessment; JSON records are validated rather than structured.

    `limits` bounds what the file may cost (size, characters, blocks...; docs/limits.md)."""
    from .readers import DEFAULT_LIMITS, detect_format, read_document, read_record

    limits = limits or DEFAULT_LIMITS
    if isinstance(source, IIARecord):
        return source
    if isinstance(source, Mapping):
        return IIARecord.model_validate(dict(source))
    if isinstance(source, BytesSource):
        path, data = source.filename, source.data
    else:
        path, data = str(source), None
    if data is None:
        from .readers.limits import load

        data = load(path, None, limits)
    if detect_format(path, data) == "json":
        return read_record(path, data, limits=limits)
    from .structure import structure  # loads spaCy: only when there is text to structure

    return structure(read_document(path, data, limits=limits))


_ENGINE_LOCK = threading.Lock()


@cache
def _default_checker() -> Checker:
    """The bundled rules, compiled once per process (the engine must not be rebuilt per document)."""
    from .engine.checker import Checker, bundled_ruleset

    return Checker(bundled_ruleset())


def _checker_for(ruleset: RuleSet | None) -> Checker:
    from .engine.checker import Checker

    return _default_checker() if ruleset is None else Checker(ruleset)


def check_record(record: IIARecord, config: Any = None, ruleset: RuleSet | None = None,
                 today: date | None = None, *, local_files: bool = True) -> Report:
    """Run the rules over a record, apply the officer's justified suppressions and the rule
    selection, then report repeated findings once with their other places (grouping.py).

    With `local_files` (the default), configuration is discovered upward from the record's
    source file and a suppression sidecar next to it is read. A service checking uploads passes
    False: an uploaded file name must never pick up files on the server.
    """
    from .config import Config, config_for
    from .engine.version import rules_version
    from .grouping import group_findings
    from .suppression import apply_suppressions, sidecar_for

    doc_path = Path(record.source.path) if record.source.path and local_files else None
    if config is None:
        config = config_for(document=doc_path) if doc_path else Config()
    checker = _checker_for(ruleset)
    with _ENGINE_LOCK:  # durable_rules keeps process-global C state: one document at a time
        result = checker.check(record, profile=config.profile_dict(), today=today)
    sidecar = sidecar_for(doc_path) if doc_path else None
    findings = apply_suppressions(result.findings, record, is_selected=config.is_selected,
                                  sidecar_path=sidecar if sidecar and sidecar.is_file() else None)
    findings = [  # selection and severity overrides also cover the suppression checks (SUP codes)
        f.model_copy(update={"severity": config.severity_for(f.rule_id, f.severity)})
        for f in findings if config.is_selected(f.rule_id)
    ]
    findings = group_findings(findings)  # last: each place was suppressed or selected on its own
    return Report(
        path=record.source.path or "<record>", format=record.source.format or "json",
        findings=findings,
        passed=[r for r in result.passed if config.is_selected(r.rule_id)],
        not_applicable=[r for r in result.not_applicable if config.is_selected(r.rule_id)],
        rules_version=rules_version() if ruleset is None else __version__,
    )


def check(source: Source, *, config: Any = None, ruleset: RuleSet | None = None, today: date | None = None) -> Report:
    """Parse and check one assessment; the main entry point of the library."""
    local = isinstance(source, (str, Path))
    return check_record(parse(source), config=config, ruleset=ruleset, today=today, local_files=local)
