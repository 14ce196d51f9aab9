"""Consultation and engagement reported for this proposal (done, under way or scheduled).

A sentence counts when it names an engagement activity *and* reports it (a past, ongoing or
planned verb such as 'was held', 'is ongoing', 'undertake public consultation'); prompts and
template instructions ('Who have you consulted?', 'Please attach consultation reports') do
not. The paragraph or row that reports it is read whole, and in a consultation section the
paragraphs that follow (what people said, what changed) belong to it too.

Events are then merged by activity, not by where they are mentioned: a survey reported in the
consultation section and referred to again in a characteristic row or the 'Involvement' way
of working is one survey. A mention joins an earlier event when it brings no method and no
dates of its own, or only methods that event already has; a new method or new dates make a
new event (a survey and, later, a workshop series).
"""
from __future__ import annotations

import re

from ..model.record import CHARACTERISTICS, EngagementEvent
from .answers import yes_no_answer
from .dates import find_dates
from .locate import merge_locations
from .sections import assign
from .units import Unit

_RESPONSES = re.compile(r"\b(\d[\d,]*)\s+(?:\w+\s+){0,2}(responses|respondents|replies|people responded|submissions|ymatebion)\b", re.IGNORECASE)
_WEEKS = re.compile(r"\b(\d{1,2}|two|three|four|six|eight|ten|twelve)[\s-]+weeks?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_WEAK_METHODS = frozenset({"method:online", "method:engagement event"})
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "ten": 10, "twelve": 12}
_ENGAGING_REPORT = re.compile(r"consult|engag|involv|views|survey|\bmet\b|meeting|asked|discussed|shared with|presented to|ymgynghor|ymgysyllt", re.IGNORECASE)
# 'Stakeholders were consulted' names nobody: a reader cannot tell who took part.
_GENERIC_WHO = frozenset({"stakeholders", "key stakeholders", "relevant stakeholders", "all stakeholders",
                          "rhanddeiliaid", "partners", "relevant partners", "partneriaid"})
# The word run is possessive ('++'): a word is never split across repetitions, which gives the
# same matches without the exponential backtracking a long sentence with no stop word caused.
_WHO = re.compile(r"\b(?:with|from|by|including|involving|gyda|ag|â)\s+((?:[A-Za-z'’\-]++\s?){1,12}?)"
                  r"(?=[,.;:()]|\s+(?:to|on|in|and then|which|who|during|between|from|about|ym|yn|ar)\b|$)")
# Named bodies ('The Disability Forum', 'Youth Council', 'Care Forum Wales') and the plain
# groups officers name ('residents', 'parents and carers'), so who took part is read from the
# sentence that names them even without 'with ...'.
_ORG = re.compile(r"\b((?:[A-Z][\w'’&-]*\s){0,5}(?:Forum|Group|Council|Network|Association|Panel|Board|Alliance|"
                  r"Partnership|Committee|Trust|Society|Cymru|Wales|Service|Charity|Union|Coalition|Fforwm|Grŵp|Cyngor)s?)\b")
_GROUPS = re.compile(r"\b(residents|members|traders|businesses|workers|commuters|parents|carers|families|learners|pupils|students|young people|children|"
                     r"service users|users|staff|employees|patients|tenants|providers|stakeholders|partners|the public|"
                     r"public consultation|community councils|local authorities|trade unions|"
                     r"pobl ifanc|plant|rhieni|trigolion|staff|defnyddwyr)\b", re.IGNORECASE)


def _is_event(unit: Unit) -> bool:
    hits = unit.hits("engagement")
    labels = {h.label for h in hits}
    engaging = any(h.label == "report" and _ENGAGING_REPORT.search(h.text) for h in hits)
    activity = "activity" in labels or any(lab.startswith("method:") for lab in labels) or engaging
    # 'Has engagement taken place? | ☒ Yes ☐ No': the ticked answer, not the question, reports it
    if activity and "?" in unit.text and yes_no_answer(unit):
        return True
    if not activity or unit.is_question or (unit.is_instruction and "instruction" in labels):
        return False
    strong_method = any(lab.startswith("method:") and lab not in _WEAK_METHODS for lab in labels)
    dated = bool(_YEAR.search(unit.text))
    return "report" in labels or dated or (strong_method and "activity" in labels)


def extract(units: list[Unit]) -> list[EngagementEvent]:
    """Engagement events, one per activity reported, with every place it is mentioned."""
    fields = assign(units)
    groups: list[list[Unit]] = []
    block_group: dict[int, int] = {}
    open_group: int | None = None  # a consultation section's event that later paragraphs continue
    reported = {u.blocks[0].index for u in units if _is_event(u)}
    for unit, field in zip(units, fields):
        index = unit.blocks[0].index
        if unit.heading or field != "engagement":
            open_group = None
        if (unit.is_question or unit.is_instruction) and index not in reported:
            continue
        if index in reported:
            if index not in block_group:
                groups.append([])
                block_group[index] = len(groups) - 1
            groups[block_group[index]].append(unit)
            if field == "engagement":
                open_group = block_group[index]
        elif open_group is not None and not unit.label_like:
            groups[open_group].append(unit)
    position = {id(u): i for i, u in enumerate(units)}  # by identity: comparing Units field by field is slow
    in_section = [fields[position[id(g[0])]] == "engagement" for g in groups]
    events = [_event(g) for g in groups]
    # The consultation section's own reports first, so mentions elsewhere join them.
    ordered = [e for e, own in zip(events, in_section) if own] + [e for e, own in zip(events, in_section) if not own]
    return _merge(ordered)


def _merge(events: list[EngagementEvent]) -> list[EngagementEvent]:
    """One event per activity: a mention with nothing new joins the earlier event it refers to."""
    out: list[EngagementEvent] = []
    for ev in events:
        target = _same_activity(out, ev)
        if target is None:
            out.append(ev)
        else:
            _absorb(target, ev)
    return out


def _strong(methods: list[str]) -> set[str]:
    return {m for m in methods if f"method:{m}" not in _WEAK_METHODS}


def _same_activity(events: list[EngagementEvent], ev: EngagementEvent) -> EngagementEvent | None:
    if not events:
        return None
    if ev.start is not None and any(e.start == ev.start for e in events):
        return next(e for e in events if e.start == ev.start)
    if ev.start is not None and _strong(ev.methods):
        return None
    mine = _strong(ev.methods)
    if not mine:
        return events[0]
    return next((e for e in events if mine <= _strong(e.methods)), None)


def _absorb(into: EngagementEvent, ev: EngagementEvent) -> None:
    into.text = f"{into.text} {ev.text}"[:2000]
    into.who = list(dict.fromkeys(into.who + ev.who))
    into.represents = list(dict.fromkeys(into.represents + ev.represents))
    into.methods = list(dict.fromkeys(into.methods + ev.methods))
    into.responses = into.responses if into.responses is not None else ev.responses
    into.responses_considered = into.responses_considered or ev.responses_considered
    into.changes_made = into.changes_made or ev.changes_made
    into.duration_days = into.duration_days if into.duration_days is not None else ev.duration_days
    into.vague = into.vague and ev.vague
    into.locations = merge_locations([into.locations, ev.locations])


def _who(text: str) -> list[str]:
    found = [m.group(1).strip() for m in _WHO.finditer(text) if len(m.group(1).strip()) > 3]
    found += [m.group(1).strip() for m in _ORG.finditer(text)]
    found += [m.group(1).strip() for m in _GROUPS.finditer(text)]
    return list(dict.fromkeys(found))


def _event(group: list[Unit]) -> EngagementEvent:
    text = " ".join(u.text for u in group)
    hits = [h for u in group for h in u.hits("engagement")]
    labels = [h.label for h in hits]
    methods = list(dict.fromkeys(lab.split(":", 1)[1] for lab in labels if lab.startswith("method:")))
    represents = list(dict.fromkeys(h.label for u in group for h in u.hits("characteristics", in_names=True)
                                    if h.label in CHARACTERISTICS))
    who = [w for w in _who(text) if w.lower() not in _GENERIC_WHO]
    dates = [d for d, _ in find_dates(text)]
    start = dates[0] if dates else None
    end = dates[1] if len(dates) > 1 else None
    duration = (end - start).days if start and end and end >= start else None
    weeks = _WEEKS.search(text)
    if duration is None and weeks:
        n = weeks.group(1).lower()
        duration = 7 * (int(n) if n.isdigit() else _NUMBER_WORDS[n])
    responses_m = _RESPONSES.search(text)
    responses = int(responses_m.group(1).replace(",", "")) if responses_m else None
    considered = "considered" in labels or responses is not None
    changes = next((u.text for u in group if any(h.label == "change" for h in u.hits("engagement"))), "")
    vague = not (who or methods or dates or responses or considered or represents or duration)
    return EngagementEvent(text=text[:2000], who=who, represents=represents, methods=methods, start=start,
                           end=end, duration_days=duration, responses=responses, responses_considered=considered,
                           changes_made=changes, vague=vague, locations=merge_locations(u.locations for u in group))
