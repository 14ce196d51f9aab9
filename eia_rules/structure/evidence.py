"""Named evidence sources (Census 2021, StatsWales, WIMD, local surveys...) with their year."""
from __future__ import annotations

from ..model.record import EvidenceSource
from .dates import YEAR
from .locate import merge_locations
from .units import Unit


def extract(units: list[Unit]) -> list[EvidenceSource]:
    """One entry per distinct source named in a statement (prompts excluded)."""
    found: dict[str, EvidenceSource] = {}
    for unit in units:
        if unit.is_question or unit.is_instruction:
            continue
        hits = unit.hits("evidence")
        local = any(h.label == "local" for h in hits)
        for hit in hits:
            if hit.label not in ("source", "local"):
                continue
            window = unit.doc[max(unit.span.start, hit.span.start - 3):min(unit.span.end, hit.span.end + 3)].text
            year_m = YEAR.search(window)
            key = hit.text.lower()
            if key in found:
                found[key].locations += unit.locations  # repeats dropped once, below
                continue
            found[key] = EvidenceSource(text=hit.text, year=int(year_m.group(1)) if year_m else None,
                                        local=True if local else None, locations=list(unit.locations))
    for source in found.values():  # one pass: testing each place against the list so far is quadratic
        source.locations = merge_locations([source.locations])
    return list(found.values())
