"""IIARecord -> flat engine facts.

The engine (durable_rules) matches only flat JSON: strings, numbers and booleans. All text
judgement happens earlier, in the structurer; here a record becomes facts of a few kinds, each
with a `kind` and an integer `ref` into a side table that keeps the locations and excerpt, so
a finding can point at the paragraph without any text going through the engine.

Fact kinds and their fields (this list is the vocabulary rule authors write conditions over;
`docs/writing-rules.md` repeats it):

- document: format, language, body_type, duty_<name> (bool per duty: psed, sed, wfg,
  welsh_language, childrens_rights), has_title, has_author, has_assessment_date, has_version,
  has_approver, has_decision_maker, has_decision_date, has_outcome, strategic ("yes"/"no"/
  "unknown"), count_absent, count_listed, count_asserted, count_assessed, count_non_assessment,
  count_negative, count_ways_evidenced, count_ways_absent, count_goals_considered,
  absent_goals (the goals not considered, as space-separated keys; only when there are any),
  considers_sustainable_development (some way of working or well-being goal is considered),
  plans_data_gaps (the document says how some missing data will be obtained),
  count_engagement, count_mitigations, count_evidence, assessment_age_days (if dated)
- characteristic: characteristic, status, impact ("" when none), has_reasons, reason_words,
  has_evidence, has_mitigation, has_justification, non_assessment, grouped, data_gap,
  data_gap_action, copied_reasons and copied_from (the reasons repeat, almost word for word,
  those of another characteristic's separate entry, named in copied_from; "" when not)
- way: way, status
- goal: goal, status, impact
- topic: topic (socio_economic, welsh_language, childrens_rights, human_rights,
  wellbeing_objectives, monitoring, psed_eliminate_discrimination, psed_advance_equality,
  psed_foster_good_relations), status, words (how much the section says: the words of its text,
  which the record keeps up to 2,000 characters), and flag_<name> for every name in TOPIC_FLAGS
  (monitoring also has flag_review_date, flag_review_cycle, flag_indicators, flag_owner)
- engagement: has_who, represents_count, has_method, duration_days (only when known),
  responses (only when known), responses_considered, has_changes, vague, planned (still to come: an action-plan row,
  'we will hold a further session'), dated (a start date is known), follow_up (planned, beside
  engagement already done), after_decision (starts after the decision date, or says it follows the
  decision with no other engagement that could have informed it; never a follow-up)
- consultation: one summary per document that reports any engagement, so a rule about the
  engagement as a whole fires once: count, count_concrete (events that are not vague),
  any_who, any_represents, any_method, any_duration, any_dated, shortest_days (only when known),
  any_responses, any_changes, any_after_decision, all_vague; located at the first concrete event
- mitigation: one per action: characteristic_count, has_owner, has_due
- mitigates: one per (action, characteristic it addresses): characteristic
- evidence: year (only when known), age_years (only when known), local ("yes"/"no"/"unknown")
- signal: signal (one of SIGNALS)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from ..model.blocks import Location
from ..model.record import (
    CHARACTERISTIC_LABELS, CHARACTERISTICS, PSED_AIMS, SIGNALS, TOPIC_FLAGS, WAYS_OF_WORKING, WELLBEING_GOALS,
    CharacteristicStatus, EngagementEvent, IIARecord, Topic, TopicStatus, WayStatus,
)

DUTIES: tuple[str, ...] = ("psed", "sed", "wfg", "welsh_language", "childrens_rights")


@dataclass(frozen=True)
class FactSource:
    """Where a fact came from in the document, kept outside the engine."""

    locations: tuple[Location, ...] = ()
    excerpt: str = ""

    @property
    def section(self) -> str:
        return self.locations[0].section() if self.locations else ""


@dataclass
class FactSet:
    """The facts for one document plus the side table their `ref` fields index."""

    facts: list[dict[str, Any]] = field(default_factory=list)
    sources: list[FactSource] = field(default_factory=list)

    def add(self, kind: str, fields: dict[str, Any], locations: list[Location] | tuple = (), excerpt: str = "") -> None:
        """Append one fact; None values are dropped so 'unknown' reads as a missing field."""
        self.sources.append(FactSource(tuple(locations), excerpt[:300]))
        fact = {k: v for k, v in fields.items() if v is not None}
        fact["kind"] = kind
        fact["ref"] = len(self.sources) - 1
        self.facts.append(fact)


def _words(text: str) -> int:
    return len(text.split())


# Reasons this long or longer are compared; shorter ones are bare answers, which other rules judge.
COPY_MIN_WORDS = 12
# Share of the words in common, in order (difflib's ratio): different reasons in the corpora
# score under 0.65, copies with the group's name changed over 0.8.
COPY_SIMILARITY = 0.75
_WORD = re.compile(r"\w+")


def copied_reasons(pcs: dict[str, Any]) -> dict[str, str]:
    """characteristic -> the first other characteristic whose separate entry gives almost the
    same reasons, word for word ('Older people will lose...' / 'Disabled people will lose...').

    Audit Wales found reasoning copied from group to group; an entry that names several groups
    at once (`grouped_with`) legitimately shares its text and is not counted. Compared on the
    record alone, so a JSON record from a forms system is checked the same way.
    """
    words = {k: _WORD.findall(pcs[k].reasons.lower()) for k in CHARACTERISTICS}
    long_enough = [k for k in CHARACTERISTICS if len(words[k]) >= COPY_MIN_WORDS and not pcs[k].non_assessment]
    copied: dict[str, str] = {}
    for i, a in enumerate(long_enough):
        for b in long_enough[i + 1:]:
            if b in pcs[a].grouped_with or a in pcs[b].grouped_with:
                continue
            if _similar(words[a], words[b]):
                copied.setdefault(a, b)
                copied.setdefault(b, a)
    return copied


def _similar(a: list[str], b: list[str]) -> bool:
    """difflib's ratio at least COPY_SIMILARITY, tested after its two cheap upper bounds (by
    length, then by the words in common regardless of order), which settle most pairs."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (matcher.real_quick_ratio() >= COPY_SIMILARITY and matcher.quick_ratio() >= COPY_SIMILARITY
            and matcher.ratio() >= COPY_SIMILARITY)


def _topic_fields(name: str, topic: Topic) -> dict[str, Any]:
    fields: dict[str, Any] = {"topic": name, "status": topic.status.value, "words": _words(topic.text)}
    for flag in TOPIC_FLAGS.get(name, ()):
        fields[f"flag_{flag}"] = bool(topic.flags.get(flag, False))
    return fields


def record_to_facts(record: IIARecord, profile: dict[str, Any] | None = None, today: date | None = None) -> FactSet:
    """Flatten a record (and the body profile, which says which duties apply) into facts."""
    profile = profile or {}
    today = today or date.today()
    fs = FactSet()
    pcs = record.characteristics
    meta = record.metadata
    statuses = [pcs[k].status for k in CHARACTERISTICS]
    duties = profile.get("duties", {})
    doc: dict[str, Any] = {
        "format": record.source.format or "unknown",
        "language": meta.language,
        "body_type": profile.get("body_type", "unknown"),
        **{f"duty_{d}": bool(duties.get(d, True)) for d in DUTIES},
        "has_title": bool(meta.title.strip()),
        "has_author": bool(meta.author.strip()),
        "has_assessment_date": meta.assessment_date is not None,
        "has_version": bool(meta.version.strip()),
        "has_approver": bool(meta.approver.strip()),
        "has_decision_maker": bool(meta.decision_maker.strip()),
        "has_decision_date": meta.decision_date is not None,
        "has_outcome": bool(meta.outcome.strip()),
        "strategic": {True: "yes", False: "no", None: "unknown"}[meta.is_strategic],
        "count_absent": statuses.count(CharacteristicStatus.ABSENT),
        "count_listed": statuses.count(CharacteristicStatus.LISTED),
        "count_asserted": statuses.count(CharacteristicStatus.ASSERTED),
        "count_assessed": statuses.count(CharacteristicStatus.ASSESSED),
        "count_non_assessment": sum(pcs[k].non_assessment for k in CHARACTERISTICS),
        "count_negative": sum(pcs[k].impact in ("negative", "mixed") for k in CHARACTERISTICS),
        "count_ways_evidenced": sum(record.ways_of_working[w].status is WayStatus.EVIDENCED for w in WAYS_OF_WORKING),
        "count_ways_absent": sum(record.ways_of_working[w].status is WayStatus.ABSENT for w in WAYS_OF_WORKING),
        "count_goals_considered": sum(record.wellbeing_goals[g].status is not TopicStatus.ABSENT for g in WELLBEING_GOALS),
        # the goals the assessment says nothing about, as space-separated keys ('prosperous
        # resilient'): one finding can then name them all (messages render them as goal names)
        "absent_goals": " ".join(g for g in WELLBEING_GOALS
                                 if record.wellbeing_goals[g].status is TopicStatus.ABSENT) or None,
        "considers_sustainable_development": any(record.ways_of_working[w].status is not WayStatus.ABSENT
                                                 for w in WAYS_OF_WORKING) or any(
            record.wellbeing_goals[g].status is not TopicStatus.ABSENT for g in WELLBEING_GOALS),
        "plans_data_gaps": "data_gap_plan" in record.signals,
        "count_engagement": len(record.engagement),
        "count_mitigations": len(record.mitigations),
        "count_evidence": len(record.evidence),
        "assessment_age_days": (today - meta.assessment_date).days if meta.assessment_date else None,
        "assessed_after_decision": (meta.assessment_date > meta.decision_date
                                    if meta.assessment_date and meta.decision_date else None),
    }
    fs.add("document", doc)  # about the whole document: findings on it are not tied to one place

    copied = copied_reasons(pcs)
    for key in CHARACTERISTICS:
        pc = pcs[key]
        fs.add("characteristic", {
            "characteristic": key,
            "status": pc.status.value,
            "impact": pc.impact or "",
            "has_reasons": bool(pc.reasons.strip()),
            "reason_words": _words(pc.reasons),
            "has_evidence": bool(pc.evidence),
            "has_mitigation": bool(pc.mitigation.strip()),
            "has_justification": bool(pc.justification.strip()),
            "non_assessment": pc.non_assessment,
            "grouped": bool(pc.grouped_with),
            "data_gap": pc.data_gap,
            "data_gap_action": pc.data_gap_action,
            "copied_reasons": key in copied,
            "copied_from": CHARACTERISTIC_LABELS[copied[key]] if key in copied else "",
        }, pc.locations, pc.reasons)

    for way in WAYS_OF_WORKING:
        w = record.ways_of_working[way]
        fs.add("way", {"way": way, "status": w.status.value}, w.locations, w.text)
    for goal in WELLBEING_GOALS:
        g = record.wellbeing_goals[goal]
        fs.add("goal", {"goal": goal, "status": g.status.value, "impact": g.impact or ""}, g.locations, g.text)

    for name in ("socio_economic", "welsh_language", "childrens_rights", "human_rights", "wellbeing_objectives"):
        topic: Topic = getattr(record, name)
        fs.add("topic", _topic_fields(name, topic), topic.locations, topic.text)
    for aim in PSED_AIMS:
        topic = record.psed_aims[aim]
        fs.add("topic", _topic_fields(f"psed_{aim}", topic), topic.locations, topic.text)
    mon = record.monitoring
    fs.add("topic", {
        "topic": "monitoring", "status": mon.status.value, "words": _words(mon.text),
        "flag_review_date": mon.review_date is not None, "flag_review_cycle": bool(mon.review_cycle),
        "flag_indicators": mon.indicators, "flag_owner": bool(mon.owner.strip()),
    }, mon.locations, mon.text)

    reported = any(not ev.planned for ev in record.engagement)
    informed = any(not (ev.planned or ev.follows_decision or ev.vague) for ev in record.engagement)
    events = [_engagement_fields(ev, meta.decision_date, reported, informed) for ev in record.engagement]
    for ev, fields in zip(record.engagement, events):
        fs.add("engagement", fields, ev.locations, ev.text)
    if events:
        _add_consultation_summary(fs, record, events)

    for m in record.mitigations:
        fs.add("mitigation", {"characteristic_count": len(m.characteristics), "has_owner": bool(m.owner.strip()),
                              "has_due": m.due is not None}, m.locations, m.text)
        for key in m.characteristics:
            fs.add("mitigates", {"characteristic": key}, m.locations, m.text)
    for e in record.evidence:
        local = {True: "yes", False: "no", None: "unknown"}[e.local]
        fs.add("evidence", {"year": e.year, "age_years": (today.year - e.year) if e.year else None,
                            "local": local}, e.locations, e.text)
    for name, item in record.signals.items():
        if name in SIGNALS:
            fs.add("signal", {"signal": name}, item.locations, item.text)
    return fs


def _engagement_fields(ev: EngagementEvent, decision_date: date | None, reported: bool,
                       informed: bool) -> dict[str, Any]:
    """The flags of one engagement event (unknown numbers are left out, not zeroed). A planned
    event is a follow-up when the document also reports engagement already done: a session
    scheduled after the decision is then not the consultation that informed it, but when the
    only engagement is one still to come it is consultation after the decision. So is one the
    text says follows the decision ('Following Cabinet's decision, members will be written
    to'), unless other engagement, not said to follow it, could have informed the decision."""
    follow_up = ev.planned and reported
    stated_after = ev.follows_decision and not informed
    return {
        "has_who": bool(ev.who), "represents_count": len(ev.represents),
        "has_method": bool(ev.methods), "duration_days": ev.duration_days,
        "responses": ev.responses, "responses_considered": ev.responses_considered,
        "has_changes": bool(ev.changes_made.strip()), "vague": ev.vague, "planned": ev.planned,
        "dated": ev.start is not None,
        "follow_up": follow_up,
        "after_decision": bool((stated_after or (ev.start and decision_date and ev.start > decision_date))
                               and not follow_up),
    }


def _add_consultation_summary(fs: FactSet, record: IIARecord, events: list[dict[str, Any]]) -> None:
    """One fact for the engagement as a whole, located at the first concrete event."""
    concrete = [i for i, e in enumerate(events) if not e["vague"]]
    anchor = record.engagement[concrete[0] if concrete else 0]
    durations = [e["duration_days"] for e in events if e.get("duration_days") is not None]
    fs.add("consultation", {
        "count": len(events), "count_concrete": len(concrete),
        "any_who": any(e["has_who"] for e in events),
        "any_represents": any(e["represents_count"] for e in events),
        "any_method": any(e["has_method"] for e in events),
        "any_duration": bool(durations),
        "any_dated": any(ev.start for ev in record.engagement),
        "shortest_days": min(durations) if durations else None,
        "any_responses": any(e["responses_considered"] or e.get("responses") is not None for e in events),
        "any_changes": any(e["has_changes"] for e in events),
        "any_after_decision": any(e["after_decision"] for e in events),
        "all_vague": not concrete,
    }, anchor.locations, anchor.text)
