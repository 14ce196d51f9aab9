"""Which units say something about the proposal, and which are the form talking.

Every extractor sets the form's own words aside before it weighs what a section says: a
question ('How will the impact be monitored?') or an instruction to whoever fills the form in
('Please attach the consultation report') is a prompt, and a bare label line ('8. Monitoring')
names a subject without saying anything about it. A table row is never a bare label: its
other cells are the answer.
"""
from __future__ import annotations

from .units import Unit


def is_prompt(unit: Unit) -> bool:
    """A question or an instruction: the form asking, not the author answering."""
    return unit.is_question or unit.is_instruction


def is_statement(unit: Unit) -> bool:
    """Neither a prompt nor a bare label line: the author saying something."""
    return not (is_prompt(unit) or (unit.label_like and not unit.table_row))


def has(unit: Unit, lexicon: str) -> bool:
    """Whether any of a lexicon's words occur anywhere in the unit, proper names included:
    for a lexicon that asks one yes/no question of the text ('does it state a step?')."""
    return bool(unit.hits(lexicon, in_names=True))
