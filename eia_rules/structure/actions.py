"""Mitigation actions and monitoring/review arrangements."""
from __future__ import annotations

import re

from ..model.record import CHARACTERISTICS, Mitigation, Monitoring, TopicStatus
from .characteristics import content_words
from .dates import first_date
from .locate import merge_locations
from .sections import assign
from .units import Unit

_FUTURE = re.compile(r"\b(will|shall|we plan|planned|to be|undertake|ensure|provide|monitor|introduce|byddwn|bydd)\b", re.IGNORECASE)
_OWNER_HEADER = re.compile(r"\b(responsib|owner|lead|person|officer|swyddog)", re.IGNORECASE)
_DUE_HEADER = re.compile(r"\b(date|when|by|timescale|deadline|dyddiad|erbyn)\b", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*\(?\d{1,2}[.)]\s*")
_OWNER_INLINE = re.compile(r"\((?P<who>[A-Z][^()]{2,80}(?:Officer|Leader|Manager|Head|Director|Lead)[^()]*)\)")
MIN_MONITORING_CONTENT = 12


def _row_parts(unit: Unit) -> tuple[str, str]:
    owner, due = "", ""
    for cell in unit.cells:
        header = cell.column_header or ""
        if _OWNER_HEADER.search(header):
            owner = cell.text
        elif _DUE_HEADER.search(header):
            due = cell.text
    return owner, due


def mitigations(units: list[Unit]) -> list[Mitigation]:
    """Actions stated to reduce adverse impacts: every row of an action-plan table and every
    statement in a 'Mitigation'/'Actions' section (imperatives such as 'Publish the criteria'
    included), and elsewhere a sentence that names mitigation and says what will be done."""
    fields = assign(units)
    out: list[Mitigation] = []
    for unit, field in zip(units, fields):
        if unit.is_question or unit.is_instruction or unit.header_row or (unit.label_like and not unit.table_row):
            continue
        named = any(h.label == "mitigation" for h in unit.hits("actions"))
        in_section = field == "mitigations"
        if not (in_section and (unit.table_row or unit.block_start) or (in_section or named) and _FUTURE.search(unit.text)):
            continue
        if content_words(unit, skip_first_cell=False)[0] < 4:
            continue
        out.append(_action(unit))
    return _merge_sentences(out)


def _action(unit: Unit) -> Mitigation:
    owner, due = _row_parts(unit) if unit.table_row else ("", "")
    inline = _OWNER_INLINE.search(unit.text)
    cells = [c.text for c in unit.cells] if unit.table_row else [unit.text]
    text = _NUMBERING.sub("", cells[0]) if unit.table_row and owner else " | ".join(cells)
    chars = list(dict.fromkeys(h.label for h in unit.hits("characteristics") if h.label in CHARACTERISTICS))
    return Mitigation(text=text[:1000], characteristics=chars,
                      owner=owner or (inline.group("who") if inline else ""),
                      due=first_date(due or unit.text), locations=list(unit.locations))


def _merge_sentences(actions: list[Mitigation]) -> list[Mitigation]:
    """Sentences of one paragraph describe one action: keep one Mitigation per block."""
    out: list[Mitigation] = []
    for m in actions:
        if out and out[-1].locations == m.locations and m.locations and m.locations[0].table is None:
            last = out[-1]
            last.text = f"{last.text} {m.text}"[:1000]
            last.characteristics = list(dict.fromkeys(last.characteristics + m.characteristics))
            last.owner = last.owner or m.owner
            last.due = last.due or m.due
        else:
            out.append(m)
    return out


def monitoring(units: list[Unit]) -> Monitoring:
    """Monitoring is addressed when a statement says how, by whom or when; mentioned if only named."""
    fields = assign(units)
    body: list[Unit] = []
    named: list[Unit] = []
    review_date = None
    for unit, field in zip(units, fields):
        labels = {h.label for h in unit.hits("actions")}
        heading_cue = {h.label for h in unit.hits("headings")}
        if "review_date" in heading_cue and (unit.label_like or unit.table_row):
            review_date = review_date or first_date(unit.text)
        if not (field == "monitoring" or "monitoring" in labels):
            continue
        named.append(unit)
        if unit.is_question or unit.is_instruction or (unit.label_like and not unit.table_row):
            continue
        body.append(unit)
    if not body:
        # only a heading, a prompt or a title naming it ('8. Monitoring [enter text]', 'How will
        # the impact be monitored?'): nothing is said about monitoring this proposal
        return Monitoring(review_date=review_date)
    labels = {h.label for u in body for h in u.hits("actions")}
    content = sum(content_words(u, skip_first_cell=False)[0] for u in body)
    planned = any(_FUTURE.search(u.text) for u in body)
    specific = "indicator" in labels or "owner" in labels or review_date is not None
    status = TopicStatus.ADDRESSED if content >= MIN_MONITORING_CONTENT and planned and specific else TopicStatus.MENTIONED
    if review_date is None:
        review_date = next((first_date(u.text) for u in body if "review" in u.text.lower() and first_date(u.text)), None)
    owner = next((m.group("who") for u in body if (m := _OWNER_INLINE.search(u.text))), "")
    return Monitoring(status=status, text=" ".join(u.text for u in (body or named))[:2000], review_date=review_date,
                      indicators="indicator" in labels, owner=owner,
                      locations=merge_locations(u.locations for u in (body or named)))
