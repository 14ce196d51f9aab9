"""Headings and form labels mapped to record fields (patterns/<lang>/headings.jsonl).

A heading, a short label line or a table row's first cell that *starts* with a cue such as
'Socio-economic Duty', 'Officer completing' or 'Monitoring and review' opens a section for
that field; later units belong to it until the next heading or mapped label.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .nlp import words
from .units import Unit

if TYPE_CHECKING:
    from spacy.tokens import Token

_LABEL_WORDS = 6  # a label before a colon is at most this many tokens long
_CUE_WINDOW = 2  # tokens allowed before the cue ('3.', 'Section 4 -', 'Annex D.')
# Words that number a part of a form rather than name it ('forms' lexicon); a capital letter
# after them is its number.
_NUMBERING_WORDS = frozenset(words("forms", "numbering_word"))


def cue(unit: Unit) -> tuple[str, int] | None:
    """The field a heading or label names, with the character offset where its value may start."""
    if not (unit.heading or unit.label_like or unit.table_row or unit.line_start):
        return None
    hits = unit.hits("headings")
    if not hits:
        return None
    first = hits[0]
    lead = [t for t in unit.doc[unit.span.start:first.span.start] if t.is_alpha and not _numbering(t)]
    if (lead or first.span.start - unit.span.start > _CUE_WINDOW + 3) and not _labelled(unit, first.span.end):
        return None
    return first.label, first.span.end_char - unit.span.start_char


def _numbering(token: Token) -> bool:
    """'Section', 'Part', or a capital letter that numbers a part ('A.', 'Part B Decision');
    not the article in prose such as 'A decision to reduce funding ...'."""
    if token.lower_ in _NUMBERING_WORDS:
        return True
    if len(token) != 1 or not token.is_upper:
        return False
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is None or not (after.is_alpha and after.is_lower)


def _labelled(unit: Unit, cue_end: int) -> bool:
    """A short label ending in a colon right after the cue, whatever words come before it:
    'Name of Deputy Director: ...', 'Signature of head of service: ...'."""
    colon = cue_end < unit.span.end and unit.doc[cue_end].text == ":"
    return colon and cue_end - unit.span.start <= _LABEL_WORDS


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
