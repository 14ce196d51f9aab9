"""Check-box glyphs, read once from `glyphs.json`.

Readers render Word's check boxes as glyphs and derive `Block.checked` from them; the
structurer reads which answer a tick belongs to ('☒ Yes ☐ No'). Both must agree on what a
ticked box looks like, and readers may not import the structurer, so the one definition sits
beside the model, as data: a new kind of box needs no Python.
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Any


def _load() -> dict[str, Any]:
    return json.loads((resources.files("eia_rules.model") / "glyphs.json").read_text(encoding="utf-8"))


_DATA = _load()

CHECKED: tuple[str, ...] = tuple(_DATA["checked"])
"""Marks of a ticked box ('☒', '✓', '[x]'...), matched as substrings."""
UNCHECKED: tuple[str, ...] = tuple(_DATA["unchecked"])
"""Marks of an empty box ('☐', '[ ]'...), matched as substrings."""
TICK_LETTERS: tuple[str, ...] = tuple(_DATA["tick_letters"])
"""Letters that tick a table cell when they are all it holds ('x'), in any case."""
RENDERED_CHECKED: str = _DATA["rendered"]["checked"]
"""The glyph a reader writes for a ticked box that has no text of its own (a Word form field)."""
RENDERED_UNCHECKED: str = _DATA["rendered"]["unchecked"]
"""The glyph a reader writes for an empty box that has no text of its own."""
WORD_SYMBOLS: dict[tuple[str, str], str] = {
    (font, code): glyph for font, codes in _DATA["word_symbols"].items() for code, glyph in codes.items()
}
"""Symbol-font characters Word templates draw boxes with: (lower-case font, hex code) -> glyph."""


def checkbox_state(text: str) -> bool | None:
    """True if the text shows a ticked box, False if only empty boxes, None if no box at all."""
    if any(mark in text for mark in CHECKED):
        return True
    if any(mark in text for mark in UNCHECKED):
        return False
    return None


def nearest_box(text: str) -> bool | None:
    """The state of the last box in the text: what 'Positive [x] Negative' says of 'Negative'
    is the box just before it, not any box earlier on the line. None when there is none."""
    squeezed = "".join(text.split())
    places = [(squeezed.rfind("".join(m.split())), True) for m in CHECKED]
    places += [(squeezed.rfind("".join(m.split())), False) for m in UNCHECKED]
    at, state = max(places, key=lambda p: p[0])
    return state if at >= 0 else None
