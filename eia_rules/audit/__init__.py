"""Batch audit of a whole archive: parallel workers, a resumable SQLite store, exports.

    from eia_rules.audit import run_audit, AuditOptions
    run = run_audit(["archive/"], AuditOptions(db=Path("audit.sqlite"), jobs=4))

See docs/audit.md for the command line and for running across several machines with Dask.
"""
from __future__ import annotations

from ..discovery import discover
from ..engine.version import rules_version
from .export import export_file
from .runner import AuditOptions, AuditRun, QuietListener, run_audit
from .store import DEFAULT_DB, Store

__all__ = [
           "DEFAULT_DB",
           "AuditOptions",
           "AuditRun",
           "QuietListener",
           "Store",
           "discover",
           "export_file",
           "rules_version",
           "run_audit",
]
