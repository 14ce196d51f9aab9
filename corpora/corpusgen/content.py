"""Meaning of the structured blocks: characteristic rows, impacts, and what each block tags.

Renderers and labels both read blocks through these helpers, so the words a document shows and
the labels it carries come from the same row.
"""
from __future__ import annotations

from typing import Any

from eia_rules.model.record import CHARACTERISTIC_LABELS, CHARACTERISTICS

CHARACTERISTIC_LABELS_CY: dict[str, str] = {
    "age": "Oedran", "disability": "Anabledd", "gender_reassignment": "Ailbennu rhywedd",
    "marriage_civil_partnership": "Priodas a phartneriaeth sifil",
    "pregnancy_maternity": "Beichiogrwydd a mamolaeth", "race": "Hil",
    "religion_belief": "Crefydd neu gred", "sex": "Rhyw", "sexual_orientation": "Cyfeiriadedd rhywiol",
}
IMPACTS: tuple[str, ...] = ("positive", "negative", "neutral", "none", "na", "mixed", "")
IMPACT_LABELS: dict[str, dict[str, str]] = {
    "en": {"positive": "Positive", "negative": "Negative", "neutral": "Neutral", "none": "No impact",
           "na": "N/A", "mixed": "Positive and negative", "": ""},
    "cy": {"positive": "Cadarnhaol", "negative": "Negyddol", "neutral": "Niwtral", "none": "Dim effaith",
           "na": "Amherthnasol", "mixed": "Cadarnhaol a negyddol", "": ""},
}
RANKS: dict[str, tuple[str, ...]] = {
    "pc": ("absent", "listed", "asserted", "assessed"),
    "way": ("absent", "mentioned", "evidenced"),
    "topic": ("absent", "mentioned", "addressed"),
}
TOPICS: tuple[str, ...] = ("socio_economic", "welsh_language", "childrens_rights", "mitigation", "monitoring")
WAYS: tuple[str, ...] = ("long_term", "prevention", "integration", "collaboration", "involvement")


def ui_language(language: str) -> str:
    """Table labels are Welsh only in Welsh-language documents; bilingual ones use English labels."""
    return "cy" if language == "cy" else "en"


def row_label(row: dict[str, Any], language: str) -> str:
    """The characteristic cell as the document shows it (grouped rows join their names)."""
    if row.get("label"):
        return str(row["label"])
    names = CHARACTERISTIC_LABELS_CY if ui_language(language) == "cy" else CHARACTERISTIC_LABELS
    parts = [names[c] for c in row["chars"]]
    joiner = " a " if ui_language(language) == "cy" else " and "
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + joiner + parts[-1]


def impact_label(row: dict[str, Any], language: str) -> str:
    return IMPACT_LABELS[ui_language(language)][row.get("impact", "")]


def check_row(row: dict[str, Any], where: str) -> None:
    """Reject rows the labels could not interpret."""
    unknown = [c for c in row.get("chars", []) if c not in CHARACTERISTICS]
    if not row.get("chars") or unknown:
        raise ValueError(f"{where}: row needs chars from {CHARACTERISTICS}; bad: {unknown}")
    if row.get("impact", "") not in IMPACTS:
        raise ValueError(f"{where}: impact must be one of {IMPACTS}")


def row_statuses(row: dict[str, Any]) -> dict[str, str]:
    """What one row establishes for each characteristic it names.

    A judgement with a reason is `assessed`; when the row groups characteristics but its reason
    covers only some (`covers`), the others get the judgement without a reason: `asserted`.
    """
    judged = bool(row.get("impact"))
    reason = bool(str(row.get("reason", "")).strip())
    covers = row.get("covers", row["chars"])
    out: dict[str, str] = {}
    for char in row["chars"]:
        if not judged:
            out[char] = "listed"
        elif reason and char in covers:
            out[char] = "assessed"
        else:
            out[char] = "asserted"
    return out


def stronger(kind: str, a: str, b: str) -> str:
    """The more substantive of two statuses on the same scale."""
    order = RANKS[kind]
    if a not in order or b not in order:
        raise ValueError(f"unknown {kind} status: {a!r} or {b!r}")
    return a if order.index(a) >= order.index(b) else b


def paragraphs(value: Any) -> list[str]:
    """A block's text as a list of paragraphs (a string is one paragraph)."""
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
