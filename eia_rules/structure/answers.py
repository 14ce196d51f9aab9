"""The answer a form gives to a yes/no question: 'Has engagement taken place? | ☒ Yes ☐ No',
'Is a full EIA required? ☐ Yes ☒ No'. The question names the topic, only its answer says
whether the thing was done, so extractors that skip prompts ask here first. The answer words
are the 'answers' lexicon (patterns/<lang>/answers.jsonl), the tick marks model/glyphs.json."""
from __future__ import annotations

import re

from ..model.glyphs import CHECKED
from .nlp import any_of, words
from .units import Unit

_YES = frozenset(words("answers", "yes"))
_NO = frozenset(words("answers", "no"))
_TICKED = re.compile(rf"{any_of(CHECKED)}\s*({any_of(_YES | _NO)})\b", re.IGNORECASE)


def yes_no_answer(unit: Unit) -> bool | None:
    """True for a ticked or written 'Yes' after a question, False for 'No', None otherwise."""
    if unit.table_row and len(unit.cells) >= 2:
        answer = " ".join(c.text for c in unit.cells[1:])
    elif "?" in unit.text:
        answer = unit.text.rsplit("?", 1)[1]
    else:
        return None
    ticked = _TICKED.search(answer)
    word = (ticked.group(1) if ticked else answer.strip(" .")).lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None
