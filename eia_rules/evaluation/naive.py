"""The checker people write today, as a baseline eia-rules must beat.

A characteristic counts as covered when any of its keywords appears anywhere in the text as a
plain, case-insensitive substring, so it falls for the known traps ('page' for age, 'embraced'
for race, 'Essex' for sex, Welsh 'rhywbeth' for sex). Every covered characteristic is reported
`assessed` and the rest `absent`; the document 'passes' when at least seven of the nine appear.
It reads text through the project's readers so that only the judging differs, not the extraction.
"""
from __future__ import annotations

from pathlib import Path

from ..model.record import CHARACTERISTICS
from .fields import PC_PREFIX
from .runner import Observation

PASS_THRESHOLD = 7

# Typical hand-written keyword lists, English then Welsh statutory terms.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "age": ("age", "older people", "young people", "oed"),
    "disability": ("disab", "anabl"),
    "gender_reassignment": ("gender reassignment", "transgender", "ailbennu rhyw"),
    "marriage_civil_partnership": ("marriage", "civil partnership", "priodas", "partneriaeth sifil"),
    "pregnancy_maternity": ("pregnan", "maternity", "beichiog", "mamolaeth"),
    "race": ("race", "ethnic", "hil"),
    "religion_belief": ("religio", "belief", "crefydd", "cred"),
    "sex": ("sex", "gender", "rhyw"),
    "sexual_orientation": ("sexual orientation", "gay", "lesbian", "bisexual", "cyfeiriadedd rhywiol"),
}


def covered(text: str) -> dict[str, bool]:
    """Which characteristics have any keyword anywhere in the text."""
    folded = text.casefold()
    return {c: any(k in folded for k in KEYWORDS[c]) for c in CHARACTERISTICS}


def naive_passes(text: str) -> bool:
    """The baseline's verdict on a whole document: seven or more characteristics named."""
    return sum(covered(text).values()) >= PASS_THRESHOLD


def document_text(path: Path) -> str:
    """All the words of a document: JSON records as stored, anything else through the readers."""
    from ..readers import detect_format, read_document

    data = path.read_bytes()
    if detect_format(str(path), data) == "json":
        return data.decode("utf-8", errors="replace")
    return "\n".join(block.text for block in read_document(path, data).blocks)


def naive_fields(text: str) -> dict[str, str]:
    """The baseline's characteristic statuses, in the evaluation's flat field names."""
    return {PC_PREFIX + c: ("assessed" if hit else "absent") for c, hit in covered(text).items()}


def naive_observer(path: Path) -> Observation:
    """The baseline as an evaluation observer: characteristic statuses only, no rules."""
    return Observation(naive_fields(document_text(path)))
