"""Machine-readable report: the `Report` models as JSON, one object per document."""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..model.findings import Report


def render(reports: Sequence[Report], rules: Sequence[object] = (), **_: object) -> str:
    """A JSON document {"reports": [...]} that validates against the Report schema."""
    payload = {"reports": [r.model_dump(mode="json") for r in reports]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
