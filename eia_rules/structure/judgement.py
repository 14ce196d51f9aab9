"""The one shared helper that finds a judgement (positive/negative/...) in a unit.

Used for characteristics, well-being goals and topics alike. A line offering every option
('Positive Negative None Reasons') is a column header, not a judgement; in a form the ticked
box or the 'x' in a column says which option was chosen.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..model.blocks import Block
from ..model.glyphs import nearest_box
from .nlp import Hit, any_of, lexicon, make_doc, segment_of, words
from .units import Unit, bare, ticked_column

# A column that asks for the judgement: 'Impact', 'Any impact?', 'Effect', 'Effaith', 'Affected?'
_JUDGEMENT_COLUMN = re.compile(rf"\b{any_of(words('forms', 'judgement_column'))}\b", re.IGNORECASE)
_YES = re.compile(rf"^\s*{any_of(words('answers', 'yes'))}\s*[.!]?\s*$", re.IGNORECASE)


def _ticked(span: Span) -> bool | None:
    """Whether the box just before a judgement word is ticked (None when there is no box)."""
    # '[x]' is three tokens and a glyph one, so look three back, read without spaces
    before = span.doc[max(segment_of(span.doc, span.start)[0], span.start - 3):span.start].text
    return nearest_box(before)


def _resolve(labels: list[str]) -> str | None:
    distinct = list(dict.fromkeys(labels))
    if not distinct or len(distinct) >= 3:
        return None  # nothing said, or every option offered (a header line)
    if {"positive", "negative"} <= set(distinct):
        return "mixed"
    return distinct[0]


def judge(unit: Unit) -> tuple[str | None, list[Hit]]:
    """The impact a unit states, and the hits that state it (None for prompts and headers)."""
    if unit.is_question or unit.header_row:
        return None, []
    hits = unit.hits("judgements")
    if unit.table_row:
        chosen: list[str] = []
        for cell in unit.cells[1:]:
            if ticked_column(cell) and cell.column_header:
                labels = [h.label for h in lexicon("judgements").find(make_doc(cell.column_header))]
                chosen += labels[:1]
        if chosen:
            return _resolve(chosen), hits
        if not hits:
            answered = [_bare_answer(cell) for cell in unit.cells[1:]]
            answered = [a for a in answered if a]
            if answered:
                return _resolve(answered), hits
    boxes = [(h, _ticked(h.span)) for h in hits]
    if any(state is not None for _, state in boxes):
        hits = [h for h, state in boxes if state]
    return _resolve([h.label for h in hits]), hits


def _bare_answer(cell: Block) -> str | None:
    """'N/A', '-', 'No' or 'Yes' alone in a column that asks for the impact: a judgement given
    without reasons ('none', or 'unknown' for a bare 'Yes'), so the entry is asserted."""
    text = cell.text.strip()
    if not text or not cell.column_header or not _JUDGEMENT_COLUMN.search(cell.column_header) or not bare(text):
        return None
    return "unknown" if _YES.match(text) else "none"
