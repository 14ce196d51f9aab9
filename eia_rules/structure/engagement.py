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

Besides the `engagement` lexicon (activities, methods, report verbs, changes, instructions),
the words read here live in pattern files: `engaging` (words that make a report phrase name
engagement itself: 'were consulted', 'met with'), `engagement_groups` (the plain groups
officers name as taking part: 'residents', 'parents', 'rhieni') and `generic_who` (names for
participants that name nobody: 'stakeholders', 'partneriaid').
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..model.record import CHARACTERISTICS, EngagementEvent
from .answers import yes_no_answer
from .nlp import Hit
from .dates import YEAR, find_dates, find_ranges
from .locate import merge_locations
from .nlp import lexicon, make_doc
from .sections import assign
from .statements import has, is_prompt
from .units import Unit

_RESPONSES = re.compile(r"\b(\d[\d,]*)\s+(?:\w+\s+){0,2}(responses|respondents|replies|people responded|submissions|ymatebion)\b", re.IGNORECASE)
_WEEKS = re.compile(r"\b(\d{1,2}|two|three|four|six|eight|ten|twelve)[\s-]+weeks?\b", re.IGNORECASE)
_WEAK_METHODS = frozenset({"method:online", "method:engagement event"})
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "ten": 10, "twelve": 12}
# The word run is possessive ('++'): a word is never split across repetitions, which gives the
# same matches without the exponential backtracking a long sentence with no stop word caused.
_WHO = re.compile(r"\b(?:with|from|by|including|involving|gyda|ag|â)\s+((?:[A-Za-z'’\-]++\s?){1,12}?)"
                  r"(?=[,.;:()]|\s+(?:to|on|in|and then|which|who|during|between|from|about|ym|yn|ar)\b|$)")
# Named bodies ('The Disability Forum', 'Youth Council', 'Care Forum Wales'), so who took part
# is read from the sentence that names them even without 'with ...' (the plain groups officers
# name, 'residents', 'parents and carers', are the `engagement_groups` lexicon).
_ORG = re.compile(r"\b((?:[A-Z][\w'’&-]*\s){0,5}(?:Forum|Group|Council|Network|Association|Panel|Board|Alliance|"
                  r"Partnership|Committee|Trust|Society|Cymru|Wales|Service|Charity|Union|Coalition|Fforwm|Grŵp|Cyngor)s?)\b")


def _is_event(unit: Unit) -> bool:
    """Whether the unit reports engagement for this proposal: it names an activity and reports
    it (a report verb, a year, or a definite method with the activity), and is not a prompt."""
    labels = {h.label for h in unit.hits("engagement")}
    if not names_activity(unit):
        return False
    # 'Has engagement taken place? | ☒ Yes ☐ No': the ticked answer, not the question, reports it
    if "?" in unit.text and yes_no_answer(unit):
        return True
    if unit.is_question or (unit.is_instruction and "instruction" in labels):
        return False
    strong_method = any(lab.startswith("method:") and lab not in _WEAK_METHODS for lab in labels)
    dated = bool(YEAR.search(unit.text))
    return "report" in labels or dated or (strong_method and "activity" in labels)


def names_activity(unit: Unit) -> bool:
    """An engagement activity ('consultation'), a method ('survey') or a report phrase that
    names engagement itself ('were consulted')."""
    hits = unit.hits("engagement")
    return any(h.label == "activity" or h.label.startswith("method:") or (h.label == "report" and _names_engagement(unit, h))
               for h in hits)


def _names_engagement(unit: Unit, report: Hit) -> bool:
    """Whether a report phrase names engagement itself ('were consulted', 'met with'), so it
    reports engagement without a separate activity word ('was held' needs one)."""
    return any(report.span.start <= h.span.start and h.span.end <= report.span.end
               for h in unit.hits("engaging", in_names=True))


# Sections where a document says what it will do once the decision is taken: engagement
# named there (a row of the action plan, a follow-up in the monitoring) is scheduled, not done.
_SCHEDULING_SECTIONS = frozenset({"mitigations", "monitoring"})


def extract(units: list[Unit]) -> list[EngagementEvent]:
    """Engagement events, one per activity reported, with every place it is mentioned."""
    grouping = _Grouping(reported={u.blocks[0].index for u in units if _is_event(u)})
    sections = assign(units)
    for unit, section in zip(units, sections):
        grouping.take(unit, in_section=section == "engagement")
    section_of = {id(u): s for u, s in zip(units, sections)}
    events = [_event(g, _planned(g, section_of)) for g in grouping.groups]
    # The consultation section's own reports first, so mentions elsewhere join them.
    own = [e for e, in_section in zip(events, grouping.in_section) if in_section]
    elsewhere = [e for e, in_section in zip(events, grouping.in_section) if not in_section]
    return _merge(own + elsewhere)


@dataclass
class _Grouping:
    """The units that report engagement, gathered into one group per block that reports it.

    A block (paragraph or row) with a reporting unit is read whole. In the consultation
    section the group stays `open` after it, so the paragraphs that follow (what people said,
    what changed) join it until the next heading or the section's end.
    """

    reported: set[int]  # indexes of the blocks with a unit that reports engagement
    groups: list[list[Unit]] = field(default_factory=list)
    in_section: list[bool] = field(default_factory=list)  # whether each group began in the consultation section
    by_block: dict[int, int] = field(default_factory=dict)  # block index -> its group
    open: int | None = None  # the consultation section's group that later paragraphs continue

    def take(self, unit: Unit, in_section: bool) -> None:
        if unit.heading or not in_section:
            self.open = None
        index = unit.blocks[0].index
        if index in self.reported:
            self._report(unit, index, in_section)
        elif self.open is not None and (not unit.label_like or unit.header_row) and not is_prompt(unit):
            # a table's header row belongs with its rows: 'You said | We did' heads the changes
            self.groups[self.open].append(unit)

    def _report(self, unit: Unit, index: int, in_section: bool) -> None:
        """Add a unit of a reporting block to that block's group (every unit of it, prompts
        too: 'Has engagement taken place? | ☒ Yes' reports it)."""
        if index not in self.by_block:
            self.by_block[index] = len(self.groups)
            self.groups.append([])
            self.in_section.append(in_section)
        self.groups[self.by_block[index]].append(unit)
        if in_section:
            self.open = self.by_block[index]


def _planned(group: list[Unit], section_of: dict[int, str | None]) -> bool:
    """Engagement still to come: every unit of it sits in the action plan or the monitoring
    arrangements ('Review with users six months after opening | Service Manager | 2026'), or,
    outside the consultation section, every unit states a plan ('We will hold a further
    session with the forum in spring'). A follow-up scheduled after the decision is not
    consultation held too late."""
    where = [section_of.get(id(u)) for u in group]
    if all(s in _SCHEDULING_SECTIONS for s in where):
        return True
    return "engagement" not in where and all(has(u, "planned") for u in group)


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
    into.planned = into.planned and ev.planned
    into.locations = merge_locations([into.locations, ev.locations])


def _who(text: str, group: list[Unit]) -> list[str]:
    """Who took part, as the text names them: after 'with', 'from', 'by'... (`_WHO`), named
    bodies (`_ORG`), then plain groups (`engagement_groups`); bare 'stakeholders' and the like
    name nobody (`generic_who`), so they are left out."""
    found = [m.group(1).strip() for m in _WHO.finditer(text) if len(m.group(1).strip()) > 3]
    found += [m.group(1).strip() for m in _ORG.finditer(text)]
    found += [h.text for u in group for h in u.hits("engagement_groups", in_names=True)]
    return [w for w in dict.fromkeys(found) if not _names_nobody(w)]


def _names_nobody(who: str) -> bool:
    """'Stakeholders were consulted' names nobody: a reader cannot tell who took part."""
    doc = make_doc(who)
    return any(h.span.start == 0 and h.span.end == len(doc) for h in lexicon("generic_who").find(doc))


def _event(group: list[Unit], planned: bool = False) -> EngagementEvent:
    """One event from the units that report it: who, whom they represent, how, when, how long,
    how many responded, and whether responses were considered and changed anything."""
    text = " ".join(u.text for u in group)
    labels = [h.label for u in group for h in u.hits("engagement")]
    methods = list(dict.fromkeys(lab.split(":", 1)[1] for lab in labels if lab.startswith("method:")))
    represents = _represents(group)
    who = _who(text, group)
    start, end = _period(text)
    duration = _duration_days(text, start, end)
    responses = _responses(text)
    considered = "considered" in labels or responses is not None
    changes = _changes(group)
    vague = not (who or methods or start or responses or considered or represents or duration)
    return EngagementEvent(text=text[:2000], who=who, represents=represents, methods=methods, start=start,
                           end=end, duration_days=duration, responses=responses, responses_considered=considered,
                           changes_made=changes, vague=vague, planned=planned,
                           follows_decision=_follows_decision(group),
                           locations=merge_locations(u.locations for u in group))


def _follows_decision(group: list[Unit]) -> bool:
    """Whether the event opens by saying it comes after the decision ('Following Cabinet's
    decision, members will be written to'). A later sentence saying so ('... following the
    decision we will write to respondents') is a follow-up to the engagement the event reports."""
    return any(h.label == "after_decision" for h in group[0].hits("engagement"))


def _represents(group: list[Unit]) -> list[str]:
    """The characteristics of the groups that took part ('the Disability Forum'): a group's name
    says whom it represents, so proper names count here."""
    return list(dict.fromkeys(h.label for u in group for h in u.hits("characteristics", in_names=True)
                              if h.label in CHARACTERISTICS))


def _changes(group: list[Unit]) -> str:
    """What changed, from the first unit that says so; a header row that says so ('You said |
    We did') is read with the row under it, which holds the first change."""
    for i, unit in enumerate(group):
        if _reports_change(unit):
            after = group[i + 1].text if unit.header_row and i + 1 < len(group) else ""
            return f"{unit.text} {after}".strip()
    return ""


def _reports_change(unit: Unit) -> bool:
    """Whether the unit says what changed as a result ('the route was changed after ...')."""
    return any(h.label == "change" for h in unit.hits("engagement"))


def _period(text: str) -> tuple[date | None, date | None]:
    """When the engagement started and ended: the first period stated ('from 8 April to 31 May
    2024'), else the first two dates named."""
    if ranges := find_ranges(text):
        return ranges[0]
    dates = [d for d, _ in find_dates(text)]
    return (dates[0] if dates else None), (dates[1] if len(dates) > 1 else None)


def _duration_days(text: str, start: date | None, end: date | None) -> int | None:
    """How long it ran: from its dates, else from a stated length ('six weeks', '8-week')."""
    if start and end and end >= start:
        return (end - start).days + 1  # open on its first and last days: 3 June to 14 July is six weeks
    weeks = _WEEKS.search(text)
    if not weeks:
        return None
    n = weeks.group(1).lower()
    return 7 * (int(n) if n.isdigit() else _NUMBER_WORDS[n])


def _responses(text: str) -> int | None:
    """The number of responses stated ('412 responses', '1,200 people responded')."""
    found = _RESPONSES.search(text)
    return int(found.group(1).replace(",", "")) if found else None
