"""Quality signals (SIGNALS): intersectionality, cumulative impact, lived experience,
retrospective wording, screening out, data gaps, alternatives considered, changes made, and
what the proposal is (a service reduction, access for disabled people, health impact, a
substantial impact, setting or revising the body's well-being objectives or corporate plan). Template guidance often names the latter ('consider accessibility'), so
they are read from statements only, never from prompts or instructions."""
from __future__ import annotations

from ..model.record import SIGNALS, TextItem
from .units import Unit

_STATEMENT_ONLY = frozenset({"service_reduction", "disability_access", "health_impact", "substantial_impact",
                             "sets_wellbeing_objectives"})


def extract(units: list[Unit]) -> dict[str, TextItem]:
    """The first statement (not prompt) showing each signal, with every place it appears."""
    out: dict[str, TextItem] = {}
    for unit in units:
        if unit.is_question:
            continue
        for hit in unit.hits("signals"):
            if hit.label not in SIGNALS or (hit.label in _STATEMENT_ONLY and unit.is_instruction):
                continue
            if hit.label in out:
                out[hit.label].locations += [l for l in unit.locations if l not in out[hit.label].locations]
            else:
                out[hit.label] = TextItem(text=unit.text[:1000], locations=list(unit.locations))
    return out
