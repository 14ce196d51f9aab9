"""The five ways of working and the seven well-being goals (WFG Act 2015 ss.4-5).

A way of working counts only in the Act's sense: under a label or heading that names it
('Long term', 'Prevention:'), or named alongside the collective term ('five ways of
working', 'sustainable development principle'). Ordinary words such as 'prevention of
homelessness' or 'long-term conditions' are the policy's subject, not a way of working.
A way is `evidenced` when an answer of substance follows its label, `mentioned` when it
is only named.
"""
from __future__ import annotations

import re

from ..model.record import (
    WAYS_OF_WORKING,
    WELLBEING_GOALS,
    EngagementEvent,
    TopicStatus,
    WayOfWorking,
    WayStatus,
    WellbeingGoal,
)
from .characteristics import content_words
from .judgement import judge
from .locate import merge_locations
from .units import Unit, token_table

MIN_ANSWER_CONTENT = 10
MIN_SEGMENT_CONTENT = 4  # a way's own stretch of a sentence that lists several ('long term - ...; prevention - ...')
_ANSWER_SPAN = 6  # units after a label that can hold its answer


def _leading(unit: Unit, name: str) -> str | None:
    """The label a unit starts with (a way or goal name in its first tokens)."""
    hits = unit.hits(name)
    if hits and hits[0].span.start - unit.span.start <= 2 and not hits[0].label.startswith("_"):
        return hits[0].label
    return None


def _answer(units: list[Unit], i: int, inline: Unit) -> list[Unit]:
    """The unit itself (if it carries text after the label) and the following non-label units."""
    out: list[Unit] = []
    if not inline.label_like and not inline.is_question:
        out.append(inline)
    for nxt in units[i + 1:i + 1 + _ANSWER_SPAN]:
        if nxt.heading or nxt.label_like or nxt.is_question:
            break
        out.append(nxt)
    return out


_ACT_HEADING = re.compile(r"future generations|sustainable development|ways of working|"
                          r"cenedlaethau['’]?r dyfodol|datblygu cynaliadwy|ffyrdd o weithio", re.IGNORECASE)
_GUIDANCE = re.compile(r"^\W*(guidance|guidance notes?|note|canllawiau|nodyn)\s*:", re.IGNORECASE)


def _act_context(units: list[Unit]) -> list[str | None]:
    """Where a way's name is used in the Act's sense without its own label: 'section' under a
    heading on future generations or the sustainable development principle (every way named
    there counts), 'run' after a labelled way ('Long term: ...') until the next heading (a
    sentence that starts with a way, 'Prevention is at the heart of the fund', counts)."""
    out: list[str | None] = []
    context: str | None = None
    for unit in units:
        if unit.heading:
            context = "section" if _ACT_HEADING.search(unit.text) else None
        elif context is None and unit.block_start and _ACT_HEADING.match(unit.text.strip()) and ":" in unit.text[:40]:
            context = "section"  # 'Future generations: long term - ...'
        out.append(context)
        if context is None and _leading(unit, "ways") and (unit.label_like or ":" in unit.text[:40]):
            context = "run"
    return out


def _guidance_blocks(units: list[Unit]) -> set[int]:
    """Blocks that open with 'Guidance:': every sentence in them speaks to the person filling the form."""
    return {u.blocks[0].index for u in units if u.block_start and _GUIDANCE.match(u.text)}


def _segments(unit: Unit) -> list[tuple[str, int]]:
    """Each way named in a unit with the content words from it to the next way named: in
    'long term - we modelled demand to 2035; prevention - ...' each way has its own answer, and the
    last one's runs to the end of the paragraph (a line break in a PDF can end a sentence early)."""
    hits = [h for h in unit.hits("ways") if not h.label.startswith("_")]
    out: list[tuple[str, int]] = []
    for n, hit in enumerate(hits):
        end = hits[n + 1].span.start if n + 1 < len(hits) else unit.segment.end
        out.append((hit.label, int(token_table(unit.doc).content[hit.span.end:end].sum())))
    return out


Ways = dict[str, WayOfWorking]


def ways_of_working(units: list[Unit]) -> Ways:
    """Status of each way of working with the text and locations it came from.

    Guidance notes are skipped: they speak to the person filling the form, not about the proposal."""
    out = {k: WayOfWorking() for k in WAYS_OF_WORKING}
    context = _act_context(units)
    guidance = _guidance_blocks(units)
    for i, unit in enumerate(units):
        if unit.blocks[0].index not in guidance:
            _read_unit(out, units, i, context[i])
    return out


def _read_unit(out: Ways, units: list[Unit], i: int, context: str | None) -> None:
    """Read one unit in the first way that fits it: a sentence naming the five ways together, a
    table row labelled with one way, a way's label with its answer after it, or ways named in the
    Act's sense without a label of their own. The order matters: a collective mention is never
    read as one way's label, and a label is never read again as a mere mention."""
    unit = units[i]
    if any(h.label == "_collective" for h in unit.hits("ways")):
        _collective(out, units, i)
        return
    lead = _leading(unit, "ways")
    if lead and _row_label(unit):
        _row(out, lead, unit)
    elif lead and _label_line(unit):
        _labelled(out, units, i, lead)
    elif _named_in_act_sense(unit, context, lead):
        _segments_named(out, unit)


def _by_substance(substance: int, minimum: int) -> WayStatus:
    """An answer of substance evidences a way; a shorter one only mentions it."""
    return WayStatus.EVIDENCED if substance >= minimum else WayStatus.MENTIONED


def _collective(out: Ways, units: list[Unit], i: int) -> None:
    """Naming the five ways together (or the principle) names each of them, even in a form's
    question (as the real-excerpt labels count it), but not in its guidance notes (an instruction
    to the person filling it); a way named in an answer of substance after it is evidenced."""
    unit = units[i]
    if not unit.is_instruction:
        for w in WAYS_OF_WORKING:
            _raise(out[w], WayStatus.MENTIONED, unit, [])
    for nxt in _answer(units, i, unit):
        for hit in nxt.hits("ways"):
            if hit.label != "_collective" and content_words(nxt, skip_first_cell=False)[0] >= MIN_ANSWER_CONTENT:
                _raise(out[hit.label], WayStatus.EVIDENCED, nxt, [])


def _row(out: Ways, lead: str, unit: Unit) -> None:
    """'Long term | We modelled demand to 2035 ...': the row's other cells are the answer."""
    _raise(out[lead], _by_substance(content_words(unit)[0], MIN_ANSWER_CONTENT), unit, [], own=True)


def _label_line(unit: Unit) -> bool:
    """A unit that starts with a way and reads as its label: a label line, a heading, or 'Long term: ...'."""
    return bool(unit.label_like or unit.heading or ":" in unit.text[:40])


def _labelled(out: Ways, units: list[Unit], i: int, lead: str) -> None:
    """A way's own label: any text after it in the same unit and the units that follow, up to the
    next label, heading or question, are its answer."""
    unit = units[i]
    answer = _answer(units, i, unit)
    substance = sum(content_words(u, skip_first_cell=False)[0] for u in answer)
    _raise(out[lead], _by_substance(substance, MIN_ANSWER_CONTENT), unit, answer, own=True)


def _named_in_act_sense(unit: Unit, context: str | None, lead: str | None) -> bool:
    """Whether the ways a statement names count without a label of their own: anywhere in a
    section on the Act, but in a run after a labelled way only when the sentence starts with a way
    (see `_act_context`). Questions, instructions and headings name ways without answering them."""
    if not context or unit.is_question or unit.is_instruction or unit.heading:
        return False
    return context != "run" or bool(lead)


def _segments_named(out: Ways, unit: Unit) -> None:
    """Each way named in the statement, judged on its own stretch of it (see `_segments`)."""
    for way, substance in _segments(unit):
        _raise(out[way], _by_substance(substance, MIN_SEGMENT_CONTENT), unit, [])


def _row_label(unit: Unit) -> bool:
    """A table row whose first cell is only the way's name."""
    if not unit.table_row or len(unit.cells) < 2 or unit.header_row:
        return False
    first = unit.cells[0].text
    return bool(first) and all(h.span.end_char - unit.span.start_char <= len(first) + 1 for h in unit.hits("ways")[:1]) \
        and len(first.split()) <= 4


_OWN_LABEL = re.compile(r"^\W*(involvement|involving people|cynnwys|ymgyfrannu|ymglymiad)\b", re.IGNORECASE)


def involvement_shown_by_engagement(out: dict[str, WayOfWorking], events: list[EngagementEvent]) -> None:
    """A short involvement answer ('Residents were asked for their views, section 6') is evidenced
    when the assessment reports engagement that names who took part and how, when or what they said:
    what was actually done is set out where the form asks for it. Only an answer under its own
    label counts: a question naming the five ways together stays `mentioned`."""
    way = out["involvement"]
    if way.status is WayStatus.MENTIONED and _OWN_LABEL.match(way.text) and any(
            e.who and not e.vague and (e.methods or e.start or e.responses or e.responses_considered)
            for e in events):
        way.status = WayStatus.EVIDENCED


_RANK = {WayStatus.ABSENT: 0, WayStatus.MENTIONED: 1, WayStatus.EVIDENCED: 2}


def _raise(way: WayOfWorking, status: WayStatus, unit: Unit, answer: list[Unit], own: bool = False) -> None:
    """Keep the strongest status; at equal rank an answer under the way's own label replaces
    text taken from a sentence naming all five."""
    if _RANK[status] > _RANK[way.status] or (own and status is way.status and status is not WayStatus.ABSENT):
        way.status = status
        way.text = " ".join(u.text for u in [unit, *answer] if u is not unit or not unit.label_like)[:2000] or unit.text
    way.locations = merge_locations([way.locations, unit.locations] + [u.locations for u in answer])


def goals(units: list[Unit]) -> dict[str, WellbeingGoal]:
    """Each goal: addressed when a judgement or reasoned text is given for it, else mentioned."""
    out = {k: WellbeingGoal() for k in WELLBEING_GOALS}
    for i, unit in enumerate(units):
        names = {h.label for h in unit.hits("goals")} - {"_collective"}
        if not names:
            continue
        answer = _answer(units, i, unit) if len(names) == 1 else ([] if unit.is_question else [unit])
        impact = next((judge(u)[0] for u in answer if judge(u)[0]), None)
        substance = sum(content_words(u, skip_first_cell=False)[0] for u in answer)
        for name in names:
            goal = out[name]
            goal.locations = merge_locations([goal.locations, unit.locations] + [u.locations for u in answer])
            if len(names) == 1 and (impact or substance >= MIN_ANSWER_CONTENT):
                goal.status = TopicStatus.ADDRESSED
                goal.impact = goal.impact or impact
                goal.text = goal.text or " ".join(u.text for u in answer)[:2000]
            elif goal.status == TopicStatus.ABSENT:
                goal.status = TopicStatus.MENTIONED
                goal.text = unit.text
    return out
