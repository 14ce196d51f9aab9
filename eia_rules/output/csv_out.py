"""CSV: one row per finding, for officers who triage findings in a spreadsheet.

Suppressed findings are included (with suppressed = yes) so the sheet is a complete register;
the fingerprint column lets a later run's sheet be matched row for row. A repeated finding
reported once (grouping.py) is one row, its other places in the last column, `also_at`.

`check --format csv` and `export --format csv` write the same columns (`COLUMNS`): `check`
leaves the document columns it does not know (status, directorate, service, date) empty, and
`export` adds one `kind = document` row per document. A finding's subject is two columns,
`subject_kind` (characteristic, way, goal, topic) and `subject` (age, prevention...), so a
spreadsheet can pivot on either without parsing.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from ..model.findings import Finding, Report
from . import rulemeta
from .rulemeta import RuleMetaLike

COLUMNS = ("kind", "path", "status", "format", "directorate", "service", "date", "location", "section",
           "code", "family", "severity", "outcome", "suppressed", "subject_kind", "subject", "duty",
           "message", "fingerprint", "also_at")
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


def finding_row(path: str, f: Finding, document: Mapping[str, str] | None = None) -> dict[str, str]:
    """One finding as a row of `COLUMNS`; `document` fills the document columns when known."""
    kind, key = next(iter(f.subject.items()), ("", ""))
    return {c: "" for c in COLUMNS} | dict(document or {}) | {
        "kind": "finding", "path": path, "location": rulemeta.location_label(f.locations),
        "section": safe_cell(rulemeta.section(f)), "code": f.rule_id, "family": f.family,
        "severity": f.severity.value, "outcome": f.outcome.value,
        "suppressed": "yes" if f.suppressed else "no", "subject_kind": kind, "subject": key,
        "duty": f.duty, "message": safe_cell(f.message), "fingerprint": f.fingerprint,
        "also_at": safe_cell(_other_places(f)),
    }


def writer(out: TextIO) -> csv.DictWriter:
    """A CSV writer of `COLUMNS` with its header row written."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    return w


def render(reports: Sequence[Report], rules: Sequence[RuleMetaLike] = (), *,
           base_dir: Path | None = None, **_: object) -> str:
    """The CSV text with a header row; cells are quoted by the csv module as needed."""
    out = io.StringIO()
    w = writer(out)
    for report in reports:
        path = rulemeta.display_path(report.path, base_dir)
        for f in report.findings:
            w.writerow(finding_row(path, f, {"status": "ok", "format": report.format}))
    return out.getvalue()
