"""Who wrote the assessment, about what, when, and who decides: read from form labels
('Name of policy', 'Officer completing', 'Date', 'Version', 'Approved by'...) whose value
follows on the same line, in the next cell of the row, or on the next line."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import numpy as np

from ..model.blocks import Location, SourceDocument
from ..model.record import Metadata
from .dates import first_date
from .nlp import word_ids
from .sections import cue
from .units import Unit, token_table

_TEXT_FIELDS = ("title", "author", "service_area", "organisation", "approver", "decision_maker", "version",
                "proposal_type", "outcome")
_DATE_FIELDS = ("assessment_date", "approval_date", "decision_date")
_STRIP = " :/-–—|\t[]"
# A sign-off line often carries its date with the name ('Prepared by | Community Safety Manager,
# 2 February 2026'): that date fills the field's companion date when no label gave one.
_COMPANION_DATES = {"author": "assessment_date", "version": "assessment_date", "approver": "approval_date",
                    "decision_maker": "decision_date"}
_PROMPT_REST = re.compile(r"^(or|and|of|for|to|/|name|names|details|including|e\.g\.|if|where|please|\(please)\b",
                          re.IGNORECASE)
_STRATEGIC = re.compile(r"\bstrategic (decision|nature)\b|\bpenderfyniad strategol\b", re.IGNORECASE)
_NOT_STRATEGIC = re.compile(r"\bnot (a )?strategic\b|\bnon-strategic\b", re.IGNORECASE)
_WELSH = frozenset(["yn", "mae", "yr", "y", "ac", "gan", "hyn", "sydd", "bod", "wedi", "ei", "eu", "i", "o", "ar", "gyda", "ddim", "fel", "neu", "hefyd", "ond", "nad", "oes"])
_ENGLISH = frozenset(["the", "and", "of", "to", "is", "that", "for", "with", "are", "this", "will", "be", "on", "by"])


def _prompt_rest(unit: Unit, offset: int, rest: str) -> bool:
    """Whether the words after a cue are more of the form's prompt, not its answer:
    '2. Clinical Board or Directorate and lead member of staff', 'Name of officer (please print)?'.
    A heading's rest is a value only after a colon ('Title: Library hours')."""
    if _PROMPT_REST.match(rest) or rest.rstrip().endswith("?") or unit.is_question:
        return True
    return unit.heading and ":" not in unit.text[max(0, offset - 2):offset + 3]


def _value(units: list[Unit], i: int, offset: int) -> tuple[str, list[Location]]:
    unit = units[i]
    if unit.table_row and len(unit.cells) > 1:
        return " ".join(c.text for c in unit.cells[1:]).strip(), list(unit.locations)
    rest = unit.text[offset:].strip(_STRIP)
    if rest and not _prompt_rest(unit, offset, rest):
        return rest, list(unit.locations)
    if i + 1 < len(units) and units[i + 1].block_start and cue(units[i + 1]) is None and not units[i + 1].is_question:
        nxt = units[i + 1]
        return nxt.blocks[0].text.strip(), list(nxt.locations)
    return "", []


def language(units: list[Unit]) -> str:
    """en, cy or bilingual from the share of common Welsh and English function words."""
    welsh_ids, english_ids = _word_ids()
    parts = []
    for unit in units:
        table = token_table(unit.doc)
        s, e = unit.span.start, unit.span.end
        parts.append(table.lower[s:e][table.alpha[s:e]])
    words = np.concatenate(parts) if parts else np.empty(0, dtype=np.uint64)
    total = len(words)
    welsh, english = int(np.isin(words, welsh_ids).sum()), int(np.isin(words, english_ids).sum())
    if not total:
        return "en"
    w, e = welsh / total, english / total
    if w > 0.08 and e > 0.06:
        return "bilingual"
    return "cy" if w > e else "en"


@lru_cache(maxsize=1)
def _word_ids() -> tuple[np.ndarray, np.ndarray]:
    """The function words as the vocabulary's hash ids, as spaCy's LOWER attribute gives them."""
    return word_ids(_WELSH), word_ids(_ENGLISH)


_ANSWER_NO = frozenset({"no", "n/a", "na", "nac ydy", "nac ydyw", "na."})
_ANSWER_YES = frozenset({"yes", "ydy", "ydyw", "ie"})


def _strategic_answer(units: list[Unit]) -> bool | None:
    """The answer in a form's row 'Is this a strategic decision? | No': the question itself names
    a strategic decision, so only its answer cell says whether the decision is one."""
    for unit in units:
        if unit.table_row and len(unit.cells) >= 2 and _STRATEGIC.search(unit.cells[0].text):
            answer = unit.cells[-1].text.strip().lower()
            if answer in _ANSWER_NO:
                return False
            if answer in _ANSWER_YES:
                return True
    return None


def extract(doc: SourceDocument, units: list[Unit]) -> Metadata:
    """Metadata from labelled fields, falling back on the file's own properties for title and author."""
    meta = Metadata()
    where: dict[str, list[Location]] = {}
    for i, unit in enumerate(units):
        found = cue(unit)
        if found:
            _fill_field(meta, where, units, i, *found)
    _fill_from_meeting(meta, where, units)
    _fill_from_document(meta, where, doc, units)
    strategic = _is_strategic(doc, units)
    if strategic is not None:
        meta.is_strategic = strategic
    meta.language = language(units)  # type: ignore[assignment]
    meta.field_locations = where
    meta.locations = [loc for locs in where.values() for loc in locs]
    return meta


def _fill_field(meta: Metadata, where: dict[str, list[Location]], units: list[Unit], i: int, field: str,
                offset: int) -> None:
    """Fill one field from the value after its label in unit i. The first labelled value wins:
    a form states its title or date before any later section mentions another."""
    if field not in _TEXT_FIELDS + _DATE_FIELDS or getattr(meta, field):
        return
    value, locations = _value(units, i, offset)
    parsed = _parsed(field, value)
    if parsed:
        setattr(meta, field, parsed)
        where[field] = locations
    companion = _COMPANION_DATES.get(field)
    if parsed and companion and getattr(meta, companion) is None and (day := first_date(value)):
        setattr(meta, companion, day)
        where[companion] = locations


def _parsed(field: str, value: str) -> str | date | None:
    """A field's value as the record holds it: a date for the date fields, else text short
    enough to be a value rather than a paragraph that follows an empty label."""
    if not value:
        return None
    if field in _DATE_FIELDS:
        return first_date(value)
    return value if len(value) <= 300 else None


def _fill_from_meeting(meta: Metadata, where: dict[str, list[Location]], units: list[Unit]) -> None:
    """Decision date and body from a committee paper's meeting heading ('Cabinet, 11 February
    2026 - Item 9', 'Report to Full Council: 3 March 2025'), when no label gave them: the
    heading says who meets to decide and when."""
    if meta.decision_date is not None:
        return
    for unit in units[:20]:
        if not (unit.heading or unit.label_like) or len(unit.text) > 200:
            continue
        body = next((h for h in unit.hits("decision_bodies", in_names=True)
                     if h.label == "body" and _opens_heading(unit, h.span.start)), None)
        day = _date_after(unit, body.span.end) if body else None
        if body and day:
            meta.decision_date = day
            where["decision_date"] = list(unit.locations)
            if not meta.decision_maker:
                meta.decision_maker = body.span.text
                where["decision_maker"] = list(unit.locations)
            return


def _date_after(unit: Unit, end: int) -> date | None:
    """The date that follows the body's name closely ('Cabinet, 11 February 2026', 'Cabinet
    meeting on 3 March 2025'); 'Council Plan, April 2025' names a plan, not a meeting."""
    rest = unit.doc[end:unit.span.end]
    between = _covered(unit, "tail")
    lead = [t for t in rest[:4] if not (t.is_punct or t.i in between)]
    return first_date(rest.text) if rest.text and (not lead or lead[0].like_num) else None


def _opens_heading(unit: Unit, start: int) -> bool:
    """Whether only lead words ('Report to the') and punctuation stand before token `start`."""
    lead = _covered(unit, "lead")
    return all(t.is_punct or t.i in lead for t in unit.doc[unit.span.start:start])


def _covered(unit: Unit, label: str) -> set[int]:
    """The tokens of the unit inside its `decision_bodies` hits with this label."""
    return {i for h in unit.hits("decision_bodies", in_names=True) if h.label == label
            for i in range(h.span.start, h.span.end)}


def _fill_from_document(meta: Metadata, where: dict[str, list[Location]], doc: SourceDocument,
                        units: list[Unit]) -> None:
    """Title and author that no label gave, from the file's properties (and, for the title, the
    document's first heading or opening line). Never the date: Word's created and modified
    dates are when the file (often a template) was saved, not when the assessment was made,
    and taking them would hide an undated assessment from GV003."""
    if not meta.title:
        if doc.properties.get("title"):
            meta.title = doc.properties["title"]
        elif (first := _title_unit(units)) is not None:
            meta.title = first.blocks[0].text[:300]
            where["title"] = list(first.locations)
    if not meta.author and doc.properties.get("author"):
        meta.author = doc.properties["author"]


def _title_unit(units: list[Unit]) -> Unit | None:
    """A heading, or a short first line standing alone; a document that opens with a sentence
    has no title (GV001 asks for one)."""
    opening = units[0] if units and units[0].label_like and not units[0].table_row else None
    return next((u for u in units if u.heading), opening)


def _is_strategic(doc: SourceDocument, units: list[Unit]) -> bool | None:
    """Whether the decision is strategic (Socio-economic Duty): the form's answer to the
    question if it has one, else what the text says ('not a strategic decision' first)."""
    answered = _strategic_answer(units)
    if answered is not None:
        return answered
    text = doc.text()
    if _NOT_STRATEGIC.search(text):
        return False
    if _STRATEGIC.search(text):
        return True
    return None
