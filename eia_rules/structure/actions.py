"""Mitigation actions and monitoring/review arrangements.

The words these read live in pattern files: `planned` (a step the proposal will take: 'will',
'we plan', 'undertake', 'bydd'), `action_columns` (an action plan's owner and due-date column
headers) and `review` (a sentence about reviewing), beside the `actions` lexicon's
mitigation, monitoring, indicator and owner words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..model.record import CHARACTERISTICS, Mitigation, Monitoring, TopicStatus
from .characteristics import content_words
from .dates import YEAR, first_date
from .locate import merge_locations
from .nlp import lexicon, make_doc
from .sections import assign
from .statements import has, is_statement
from .units import Unit, bare

_NUMBERING = re.compile(r"^\s*\(?\d{1,2}[.)]\s*")
_OWNER_INLINE = re.compile(r"\((?P<who>[A-Z][^()]{2,80}(?:Officer|Leader|Manager|Head|Director|Lead)[^()]*)\)")
MIN_MONITORING_CONTENT = 12


def _row_parts(unit: Unit) -> tuple[str, str]:
    """An action-plan row's owner and due date, read from the cells under those columns."""
    owner, due = "", ""
    for cell in unit.cells:
        column = _column(cell.column_header or "")
        if column == "owner":
            owner = cell.text
        elif column == "due":
            due = cell.text
    return owner, due


def _column(header: str) -> str | None:
    """'owner' or 'due' for a column header naming either ('Lead officer', 'Timescale'); a
    header naming both ('Officer and date') is the owner's."""
    labels = {h.label for h in lexicon("action_columns").find(make_doc(header))}
    return next((label for label in ("owner", "due") if label in labels), None)


def mitigations(units: list[Unit]) -> list[Mitigation]:
    """Actions stated to reduce adverse impacts: every row of an action-plan table and every
    statement in a 'Mitigation'/'Actions' section (imperatives such as 'Publish the criteria'
    included), and elsewhere a sentence that names mitigation and says what will be done."""
    fields = assign(units)
    out: list[Mitigation] = []
    for unit, section in zip(units, fields):
        if not is_statement(unit) or unit.header_row:
            continue
        named = any(h.label == "mitigation" for h in unit.hits("actions"))
        in_section = section == "mitigations"
        if not (in_section and (unit.table_row or unit.block_start) or (in_section or named) and has(unit, "planned")):
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
                      due=_due(due) or first_date(unit.text) or _paragraph_date(unit), locations=list(unit.locations))




def _due(cell: str) -> date | None:
    """The date in an action plan's due-date cell; a year alone there ('2029', 'Design stage,
    2026') is a deadline too, read as the end of that year."""
    if not cell:
        return None
    if found := first_date(cell):
        return found
    year = YEAR.search(cell)
    return date(int(year.group(1)), 12, 31) if year else None


def _paragraph_date(unit: Unit) -> date | None:
    """A date elsewhere in the paragraph an action opens ('... To reduce the risk, the
    standards start in April 2027'): the paragraph answers the mitigation question as a whole."""
    return first_date(unit.blocks[0].text) if unit.block_start and not unit.table_row and unit.blocks else None


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


@dataclass
class _MonitoringReading:
    """What one pass over the document gathers about monitoring: every unit about it (`named`,
    prompts and labels included), the statements among them (`body`), and a review date given
    in a labelled field anywhere ('Review date | March 2026')."""

    named: list[Unit] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    review_date: date | None = None


def monitoring(units: list[Unit]) -> Monitoring:
    """Monitoring is addressed when a statement says how, by whom or when; mentioned if only named."""
    reading = _MonitoringReading()
    for unit, section in zip(units, assign(units)):
        _read_monitoring(reading, unit, section)
    body = reading.body
    if not body:
        # only a heading, a prompt or a title naming it ('8. Monitoring [enter text]', 'How will
        # the impact be monitored?'): nothing is said about monitoring this proposal
        return Monitoring(review_date=reading.review_date)
    labels = {h.label for u in body for h in u.hits("actions")}
    review_date = reading.review_date or _review_date_stated(body)
    status = TopicStatus.ADDRESSED if _monitoring_addressed(body, labels, reading.review_date) else TopicStatus.MENTIONED
    return Monitoring(status=status, text=" ".join(u.text for u in body)[:2000], review_date=review_date,
                      review_cycle="" if review_date else _review_cycle(body), indicators="indicator" in labels, owner=_inline_owner(body),
                      locations=merge_locations(u.locations for u in body))


def _read_monitoring(reading: _MonitoringReading, unit: Unit, section: str | None) -> None:
    """Take one unit into the reading: it is about monitoring when it sits in the monitoring
    section or names monitoring ('The scheme will be reviewed after a year')."""
    if reading.review_date is None and _labelled_review_date(unit):
        reading.review_date = first_date(unit.text)
    if not (section == "monitoring" or _names_monitoring(unit, section)):
        return
    reading.named.append(unit)
    # 'To be confirmed' or 'N/A' under a monitoring question answers nothing about it
    if is_statement(unit) and not bare(unit.text):
        reading.body.append(unit)


def _names_monitoring(unit: Unit, section: str | None) -> bool:
    """A unit outside the monitoring section that speaks of monitoring or review. In the
    evidence section only a plan counts: 'We reviewed the 41 fires of the last five years' is
    the evidence gathered, not an arrangement for checking the effect of the change."""
    if not any(h.label == "monitoring" for h in unit.hits("actions")):
        return False
    return section != "evidence" or has(unit, "planned")


def _labelled_review_date(unit: Unit) -> bool:
    """A form's review-date field ('Date of review: ...', or a row under that label), which
    gives the date wherever in the document it is."""
    return (unit.label_like or unit.table_row) and any(h.label == "review_date" for h in unit.hits("headings"))


def _monitoring_addressed(body: list[Unit], labels: set[str], labelled_review_date: date | None) -> bool:
    """Addressed: enough said, stated as a plan, and specific (indicators, an owner or a
    review date from the form's field)."""
    content = sum(content_words(u, skip_first_cell=False)[0] for u in body)
    planned = any(has(u, "planned") for u in body)
    specific = "indicator" in labels or "owner" in labels or labelled_review_date is not None
    return content >= MIN_MONITORING_CONTENT and planned and specific


def _review_date_stated(body: list[Unit]) -> date | None:
    """Without a review-date field, the first date in a statement about reviewing ('We will
    review the scheme in March 2026')."""
    return next((first_date(u.text) for u in body if has(u, "review") and first_date(u.text)), None)


def _review_cycle(body: list[Unit]) -> str:
    """How often a statement about reviewing says it recurs ('The working group will review
    the data every six months'): a standing trigger for revisiting the assessment."""
    return next((h.span.text for u in body if has(u, "review") for h in u.hits("actions") if h.label == "cycle"), "")


def _inline_owner(body: list[Unit]) -> str:
    """A role named in brackets after an arrangement ('(Leisure Services Manager)')."""
    return next((m.group("who") for u in body if (m := _OWNER_INLINE.search(u.text))), "")
