"""The leadership challenge report: one self-contained HTML file from an audit store.

    from eia_rules.report import build_report, ReportOptions, Filters
    html = build_report(Path("audit.sqlite"), ReportOptions(filters=Filters(since="2024")))

See docs/report.md.
"""
from __future__ import annotations

from .build import ReportOptions, build_report, write_report
from .filters import Filters

__all__ = ["Filters", "ReportOptions", "build_report", "write_report"]
