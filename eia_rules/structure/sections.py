"""Headings and form labels mapped to record fields (patterns/<lang>/headings.jsonl).

A heading, a short label line or a table row's first cell that *starts* with a cue such as
'Socio-economic Duty', 'Officer completing' or 'Monitoring and review' opens a section for
that field; later units belong to it until the next heading or mapped label.
"""
from __future__ import annotations

from .nlp import words
from .units import Unit

_CUE_WINDOW = 2  # tokens allowed before the cue ('3.', 'Section 4 -', 'Annex D.')
# Words that number a part of a form rather than name it ('forms' lexicon); a capital letter
# after them is its number.
_NUMBERING_WORDS = frozenset(words("forms", "numbering_word"))


def cue(unit: Unit) -> tuple[str, int] | None:
    """The field a heading or label names, with the character offset where its value may start."""
    if not (unit.heading or unit.label_like or unit.table_row or unit.block_start):
        return None
    hits = unit.hits("headings")
    if not hits:
        return None
    first = hits[0]
    lead = [t for t in unit.doc[unit.span.start:first.span.start] if t.is_alpha and t.lower_ not in _NUMBERING_WORDS
            and not (len(t) == 1 and t.is_upper)]
    if len(lead) > 0 or first.span.start - unit.span.start > _CUE_WINDOW + 3:
        return None
    return first.label, first.span.end_char - unit.span.start_char


def assign(units: list[Unit]) -> list[str | None]:
    """The field each unit sits under (None outside any mapped section)."""
    out: list[str | None] = []
    current: str | None = None
    for unit in units:
        found = cue(unit) if (unit.heading or unit.label_like or unit.header_row) else None
        if found:
            current = found[0]
        elif unit.heading:
            current = None
        out.append(current)
    return out
