"""In-document suppressions: `eia-rules: ignore SE003, PC004 -- reason`."""
from __future__ import annotations

import re

from ..model.blocks import SourceDocument
from ..model.record import Suppression

_LINE = re.compile(r"eia-rules:\s*ignore\s+(?P<codes>[A-Z]{1,4}-?\d{1,3}(?:\s*,\s*[A-Z]{1,4}-?\d{1,3})*)"
                   r"(?:\s*(?:--|—|–)\s*(?P<reason>[^\n]*))?", re.IGNORECASE)


def extract(doc: SourceDocument) -> list[Suppression]:
    """Each code named in a suppression line, with its reason ('' when none) and block location."""
    out: list[Suppression] = []
    for block in doc.blocks:
        for m in _LINE.finditer(block.text):
            reason = (m.group("reason") or "").strip()
            for code in re.split(r"\s*,\s*", m.group("codes")):
                out.append(Suppression(code=code.upper(), reason=reason, locations=[block.location]))
    return out


def without_suppressions(doc: SourceDocument) -> SourceDocument:
    """The document with suppression notes removed: they speak to the tool, not about the proposal.

    Without this, a reason such as "operational decision, not strategic" would be read as the
    assessment's own statement and change the record.
    """
    blocks = []
    for block in doc.blocks:
        text = _LINE.sub("", block.text).strip()
        if text:
            blocks.append(block if text == block.text.strip() else block.model_copy(update={"text": text}))
    return doc.model_copy(update={"blocks": blocks})
