"""Quality signals (SIGNALS): intersectionality, cumulative impact, lived experience,
retrospective wording, screening out, data gaps, alternatives considered, changes made; what
the proposal is (a service reduction, access for disabled people, health impact, a substantial
impact, setting or revising the body's well-being objectives or corporate plan); and engagement
offered in accessible formats or in Welsh and English. Template guidance often names the last
two kinds ('consider accessibility', 'offer Easy Read versions'), so they are read from
statements only, never from prompts or instructions."""
from __future__ import annotations

import re

from ..model.record import SIGNALS, TextItem
from .answers import yes_no_answer
from .engagement import names_activity
from .sections import assign
from .locate import merge_locations
from .nlp import Hit
from .units import Unit

_STATEMENT_ONLY = frozenset({"service_reduction", "disability_access", "health_impact", "substantial_impact",
                             "sets_wellbeing_objectives", "accessible_engagement", "bilingual_engagement"})


# 'Is a full Equality Impact Assessment required? ☐ Yes ☒ No' screens the proposal out.
_FULL_ASSESSMENT_QUESTION = re.compile(r"\b(full|further|detailed)\b.{0,40}\b(assessment|eqia|eia|iia|ehia)\b.{0,20}"
                                       r"\b(required|needed|necessary)\b|\basesiad llawn\b.{0,30}\bangenrheidiol\b",
                                       re.IGNORECASE)


# Signals about how engagement was run: 'available in Welsh, English or bilingually' said of
# ceremony scripts or signs is the service, not the consultation.
_ENGAGEMENT_ONLY = frozenset({"bilingual_engagement"})


def extract(units: list[Unit]) -> dict[str, TextItem]:
    """The first statement (not prompt) showing each signal, with every place it appears."""
    out: dict[str, TextItem] = {}
    about_engagement = _about_engagement(units)
    for unit in units:
        if _FULL_ASSESSMENT_QUESTION.search(unit.text) and yes_no_answer(unit) is False:
            _add(out, "screening_out", unit)
        if unit.is_question:
            continue
        for hit in unit.hits("signals"):
            if hit.label not in SIGNALS or (hit.label in _STATEMENT_ONLY and unit.is_instruction):
                continue
            if hit.label in _ENGAGEMENT_ONLY and id(unit) not in about_engagement:
                continue
            _add(out, hit.label, unit)
    for unit in _gap_plans(units):
        _add(out, "data_gap_plan", unit)
    for item in out.values():  # one pass: testing each place against the list so far is quadratic
        item.locations = merge_locations([item.locations])
    return out


_PLAN_REACH = 4  # sentences after a data gap, in its paragraph, that may say how it will be filled


def _gap_plans(units: list[Unit]) -> list[Unit]:
    """Statements that data are missing and say how they will be obtained, in the same
    sentence or a later one of the paragraph ('We do not hold local data on trans learners.
    The colleges will share anonymised support data by March 2025.'). A plan about the data
    needs a plan word and a word for the data ('scope' lexicon: plan, data_step) beyond the
    gap itself: 'limited data suggests that staggered payments will be offered' is no plan."""
    out = []
    for i, unit in enumerate(units):
        gaps = [h for h in unit.hits("signals") if h.label == "data_gap"]
        if unit.is_question or unit.is_instruction or not gaps:
            continue
        candidates = [unit] + [u for u in units[i + 1:i + 1 + _PLAN_REACH] if u.segment == unit.segment]
        if any(_plans_data(u, gaps) for u in candidates):
            out.append(unit)
    return out


def _plans_data(unit: Unit, gaps: list[Hit]) -> bool:
    """A plan word and a data word, neither inside the statement of the gap."""
    labels = {h.label for h in unit.hits("scope")
              if not any(g.span.start <= h.span.start < g.span.end for g in gaps)}
    return {"plan", "data_step"} <= labels


def _about_engagement(units: list[Unit]) -> set[int]:
    """The units (by id) about engagement: those in the consultation section, those that name
    an engagement activity or method, and the sentence after one in the same paragraph ('We
    ran a survey of students. It was available in Welsh, English and Easy Read.')."""
    out: set[int] = set()
    named_before: int | None = None  # the block whose last unit named engagement
    for unit, section in zip(units, assign(units)):
        named = names_activity(unit)
        if section == "engagement" or named or named_before == unit.blocks[0].index:
            out.add(id(unit))
        named_before = unit.blocks[0].index if named else None
    return out


def _add(out: dict[str, TextItem], label: str, unit: Unit) -> None:
    if label in out:
        out[label].locations += unit.locations  # repeats dropped once, at the end (`extract`)
    else:
        out[label] = TextItem(text=unit.text[:1000], locations=list(unit.locations))
