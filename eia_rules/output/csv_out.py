"""CSV: one row per finding, for officers who triage findings in a spreadsheet.

Suppressed findings are included (with suppressed = yes) so the sheet is a complete register;
the fingerprint column lets a later run's sheet be matched row for row. A repeated finding
reported once (grouping.py) is one row, its other places in the last column, `also_at`.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ..model.findings import Finding, Report
from . import rulemeta
from .rulemeta import RuleMetaLike

COLUMNS = ("path", "location", "section", "code", "family", "severity", "outcome",
           "suppressed", "message", "fingerprint", "also_at")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text from a document, made inert for spreadsheets.

    A heading such as "=HYPERLINK(...)" would otherwise run as a formula when the sheet is
    opened; a leading apostrophe is how spreadsheets mark a cell as plain text.
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _other_places(finding: Finding) -> str:
    """A grouped finding's other places, one cell: 'table 1 row 3; table 1 row 4'."""
    return "; ".join(rulemeta.place_label(p, finding) for p in finding.also_at)


def render(reports: Sequence[Report], rules: Sequence[RuleMetaLike] = (), *,
           base_dir: Path | None = None, **_: object) -> str:
    """The CSV text with a header row; cells are quoted by the csv module as needed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for report in reports:
        path = rulemeta.display_path(report.path, base_dir)
        for f in report.findings:
            writer.writerow([
                path, rulemeta.location_label(f.locations), safe_cell(rulemeta.section(f)),
                f.rule_id, f.family, f.severity.value, f.outcome.value,
                "yes" if f.suppressed else "no", safe_cell(f.message), f.fingerprint,
                safe_cell(_other_places(f)),
            ])
    return out.getvalue()
