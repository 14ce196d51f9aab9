"""Quality signals (SIGNALS): intersectionality, cumulative impact, lived experience,
retrospective wording, screening out, data gaps, alternatives considered, changes made."""
from __future__ import annotations

from ..model.record import SIGNALS, TextItem
from .units import Unit


def extract(units: list[Unit]) -> dict[str, TextItem]:
    """The first statement (not prompt) showing each signal, with every place it appears."""
    out: dict[str, TextItem] = {}
    for unit in units:
        if unit.is_question:
            continue
        for hit in unit.hits("signals"):
            if hit.label not in SIGNALS:
                continue
            if hit.label in out:
                out[hit.label].locations += [l for l in unit.locations if l not in out[hit.label].locations]
            else:
                out[hit.label] = TextItem(text=unit.text[:1000], locations=list(unit.locations))
    return out
