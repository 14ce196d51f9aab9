"""What a worker sends back for one document: plain data, so any process pool can carry it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["ok", "failed", "skipped"]  # skipped: not an impact assessment (reason says why)
# input: the file itself is at fault (corrupt, empty, unsupported...); error: eia-rules failed on it;
# crash: the worker process died on it; timeout: it took longer than the per-file limit.
FailureKind = Literal["input", "error", "crash", "timeout"]


@dataclass
class DocResult:
    """The outcome of auditing one document."""

    path: str
    status: Status
    format: str = ""
    seconds: float = 0.0
    record_json: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)
    directorate: str = ""
    service: str = ""
    doc_date: str | None = None
    failure_kind: FailureKind | None = None
    reason: str = ""

    @classmethod
    def failed(cls, path: str, kind: FailureKind, reason: str, seconds: float = 0.0) -> DocResult:
        return cls(path=path, status="failed", failure_kind=kind, reason=reason, seconds=seconds)
