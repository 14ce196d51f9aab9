"""Consultation and engagement reported for this proposal (done, under way or scheduled).

A sentence counts when it names an engagement activity *and* reports it (a past, ongoing or
planned verb such as 'was held', 'is ongoing', 'undertake public consultation'); prompts and
template instructions ('Who have you consulted?', 'Please attach consultation reports') do
not. Sentences of one paragraph or table row make one event.
"""
from __future__ import annotations

import re

from ..model.record import CHARACTERISTICS, EngagementEvent
from .dates import find_dates
from .locate import merge_locations
from .units import Unit

_RESPONSES = re.compile(r"\b(\d[\d,]*)\s+(?:\w+\s+){0,2}(responses|respondents|replies|people responded|submissions|ymatebion)\b", re.IGNORECASE)
_WEEKS = re.compile(r"\b(\d{1,2}|two|three|four|six|eight|ten|twelve)[\s-]+weeks?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_WEAK_METHODS = frozenset({"method:online", "method:engagement event"})
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "ten": 10, "twelve": 12}
_WHO = re.compile(r"\b(?:with|from|by|including|involving)\s+((?:[A-Za-z'’\-]+\s?){1,8}?)(?=[,.;:)]|\s+(?:to|on|in|and then|which|who|during|between|from|about)\b|$)")


def _is_event(unit: Unit) -> bool:
    labels = {h.label for h in unit.hits("engagement")}
    activity = "activity" in labels or any(lab.startswith("method:") for lab in labels)
    if not activity or unit.is_question or (unit.is_instruction and "instruction" in labels):
        return False
    strong_method = any(lab.startswith("method:") and lab not in _WEAK_METHODS for lab in labels)
    dated = bool(_YEAR.search(unit.text))
    return "report" in labels or dated or (strong_method and "activity" in labels)


def extract(units: list[Unit]) -> list[EngagementEvent]:
    """Engagement events, one per paragraph or row that reports engagement."""
    reported = {u.blocks[0].index for u in units if _is_event(u)}
    groups: dict[int, list[Unit]] = {}
    for unit in units:  # the whole paragraph or row that reports it: responses, changes...
        if unit.blocks[0].index in reported and not unit.is_question:
            groups.setdefault(unit.blocks[0].index, []).append(unit)
    return [_event(group) for _, group in sorted(groups.items())]


def _event(group: list[Unit]) -> EngagementEvent:
    text = " ".join(u.text for u in group)
    hits = [h for u in group for h in u.hits("engagement")]
    labels = [h.label for h in hits]
    methods = list(dict.fromkeys(lab.split(":", 1)[1] for lab in labels if lab.startswith("method:")))
    represents = list(dict.fromkeys(h.label for u in group for h in u.hits("characteristics")
                                    if h.label in CHARACTERISTICS))
    who = list(dict.fromkeys(m.group(1).strip() for m in _WHO.finditer(text) if len(m.group(1).strip()) > 3))
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
