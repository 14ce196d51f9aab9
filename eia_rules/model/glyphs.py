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


def _marks() -> list[tuple[str, bool]]:
    """Every box mark with its state, longest first so '[x]' wins over a shorter overlap."""
    return sorted([(m, True) for m in CHECKED] + [(m, False) for m in UNCHECKED], key=lambda m: -len(m[0]))


def as_words(text: str) -> str:
    """Check boxes said in words, for excerpts people read: '☐ Positive ☒ No impact' becomes
    'ticked: No impact', and a row of bare boxes '☒ | ☐' becomes 'ticked | not ticked'.

    Unticked options are dropped when they have words of their own (they are what the officer did
    not choose); a box with no words is named, so a grid of boxes still reads."""
    pieces: list[tuple[bool | None, str]] = [(None, text)]
    for mark, state in _marks():
        out: list[tuple[bool | None, str]] = []
        for prior, piece in pieces:
            head, *rest = piece.split(mark)
            out.append((prior, head))
            out.extend((state, part) for part in rest)
        pieces = out
    words: list[str] = []
    for state, piece in pieces:
        body = piece.strip()
        bare = not body.strip("|/,;: ")
        if state is None:
            words.append(body)
        elif bare:  # keep the separator after a bare box: 'ticked | not ticked'
            words.append(("ticked" if state else "not ticked") + (f" {body}" if body else ""))
        elif state:
            words.append(f"ticked: {body}")
    return " ".join(w for w in words if w).strip()
