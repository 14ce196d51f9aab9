"""Is this file an impact assessment at all? Decided from the record, never from the file name.

An archive holds README files, guidance, blank templates and meeting minutes beside the
assessments; auditing them as assessments puts them at the top of the challenge report. A
record is taken for something else when its title names another kind of document (and no
assessment) and no cover-sheet field is filled, or when it says nothing an assessment says (no
characteristic answered, no duty, way of working, goal, engagement, evidence, mitigation or
monitoring): a blank form. Excerpts of real assessments (one section) still count. The words
are data (document_kinds.json).
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from ..model.record import CharacteristicStatus, IIARecord, TopicStatus

# Form fields only an assessment's cover sheet fills.
_FORM_FIELDS = ("author", "assessment_date", "approver", "approval_date", "decision_maker", "decision_date",
                "version", "service_area", "organisation")


@cache
def _words() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    data = json.loads((resources.files("eia_rules.audit") / "document_kinds.json").read_text("utf-8"))

    def pattern(words: list[str]) -> re.Pattern[str]:
        """Phrases in any case; acronyms ('EIA') only in capitals, so 'eia-rules' is not one."""
        def one(w: str) -> str:
            return re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})"
        return re.compile(r"\b(?:" + "|".join(one(w) for w in words) + r")\b")
    return pattern(data["assessment"]), {kind: pattern(words) for kind, words in data["other"].items()}


def _answers_something(record: IIARecord) -> bool:
    """True when any characteristic has a judgement or any duty's section says something."""
    judged = (CharacteristicStatus.ASSESSED, CharacteristicStatus.ASSERTED)
    if any(c.status in judged for c in record.characteristics.values()):
        return True
    topics = (record.socio_economic, record.welsh_language, record.childrens_rights, record.human_rights,
              record.wellbeing_objectives, *record.psed_aims.values())
    if any(t.status is not TopicStatus.ABSENT for t in topics):
        return True
    if any(str(w.status) != "absent" for w in [*record.ways_of_working.values(), *record.wellbeing_goals.values()]):
        return True
    return bool(record.engagement or record.evidence or record.mitigations or record.monitoring.text)


def not_an_assessment(record: IIARecord) -> str | None:
    """Why the record is not an impact assessment, in words for the audit log; None when it is."""
    assessment, others = _words()
    title = record.metadata.title.strip()
    if assessment.search(title) or any(getattr(record.metadata, f) for f in _FORM_FIELDS):
        return None  # a poor assessment is still an assessment: the report must show it
    for kind, words in others.items():
        if words.search(title):
            return f"its title says it is {kind}, not an assessment ('{title[:80]}')"
    if not _answers_something(record):
        return "a blank form or another kind of document: it answers no protected characteristic and " \
               "says nothing about any duty, way of working, engagement, evidence or monitoring"
    return None
