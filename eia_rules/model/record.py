"""`IIARecord`: what an impact assessment says, in a shape rules can reason over.

This is the contract between the structurer (which decides what the document says) and the
rules (which decide what is missing). Change it deliberately: the JSON Schema published for
forms systems is generated from these classes.

Status vocabularies are fixed and small on purpose, so labels, rules and reports agree:
- a protected characteristic is `assessed` (a judgement with reasons or evidence), `asserted`
  (a judgement with no reasons), `listed` (only named) or `absent`;
- a way of working is `evidenced`, `mentioned` or `absent`;
- a topic such as the Socio-economic Duty or Welsh language is `addressed`, `mentioned` or `absent`.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .blocks import Location

SCHEMA_VERSION = "1.0"

CHARACTERISTICS: tuple[str, ...] = (
    "age", "disability", "gender_reassignment", "marriage_civil_partnership",
    "pregnancy_maternity", "race", "religion_belief", "sex", "sexual_orientation",
)
CHARACTERISTIC_LABELS: dict[str, str] = {
    "age": "Age", "disability": "Disability", "gender_reassignment": "Gender reassignment",
    "marriage_civil_partnership": "Marriage and civil partnership",
    "pregnancy_maternity": "Pregnancy and maternity", "race": "Race",
    "religion_belief": "Religion or belief", "sex": "Sex", "sexual_orientation": "Sexual orientation",
}
WAYS_OF_WORKING: tuple[str, ...] = ("long_term", "prevention", "integration", "collaboration", "involvement")
WAY_LABELS: dict[str, str] = {
    "long_term": "Long term", "prevention": "Prevention", "integration": "Integration",
    "collaboration": "Collaboration", "involvement": "Involvement",
}
WELLBEING_GOALS: tuple[str, ...] = (
    "prosperous", "resilient", "healthier", "more_equal", "cohesive_communities",
    "vibrant_culture_welsh_language", "globally_responsible",
)
GOAL_LABELS: dict[str, str] = {
    "prosperous": "A prosperous Wales", "resilient": "A resilient Wales", "healthier": "A healthier Wales",
    "more_equal": "A more equal Wales", "cohesive_communities": "A Wales of cohesive communities",
    "vibrant_culture_welsh_language": "A Wales of vibrant culture and thriving Welsh language",
    "globally_responsible": "A globally responsible Wales",
}
PSED_AIMS: tuple[str, ...] = ("eliminate_discrimination", "advance_equality", "foster_good_relations")

_V = TypeVar("_V")


def complete_keys(keys: tuple[str, ...], make: Callable[[], _V], what: str) -> Callable[[dict[str, _V]], dict[str, _V]]:
    """A validator for a table keyed by a fixed vocabulary (characteristics, goals...): a key
    outside it is an error naming the nearest known key (a forms export that misspells 'age'
    must be told, not crash the engine), and a key left out is filled in as not addressed."""
    def check(value: dict[str, _V]) -> dict[str, _V]:
        unknown = [k for k in value if k not in keys]
        if unknown:
            close = difflib.get_close_matches(unknown[0], keys, 1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"unknown {what} {unknown[0]!r}{hint}; the {what}s are: {', '.join(keys)}")
        return {k: value[k] if k in value else make() for k in keys}
    return check


# The named features the structurer looks for in each topic (`Topic.flags`). Facts carry every
# one of them (False when not found), so a rule can test for a feature's absence.
TOPIC_FLAGS: dict[str, tuple[str, ...]] = {
    "socio_economic": (
        "communities_of_interest", "communities_of_place", "inequality_of_outcome",
        "reduce_inequality", "evidence", "views_of_affected", "crosses_characteristics",
    ),
    "welsh_language": (
        "opportunities", "no_less_favourably", "increase_positive", "reduce_adverse", "evidence",
    ),
    "childrens_rights": ("children_affected", "uncrc_articles", "views_sought"),
    "human_rights": ("rights_engaged", "justification"),
    "wellbeing_objectives": ("linked",),
}
SIGNALS: tuple[str, ...] = (
    "intersectionality", "cumulative_impact", "lived_experience", "retrospective",
    "screening_out", "data_gap", "data_gap_plan", "alternatives_considered", "changes_from_assessment",
    "service_reduction", "disability_access", "health_impact", "substantial_impact", "sets_wellbeing_objectives",
    "accessible_engagement", "bilingual_engagement",
)


class CharacteristicStatus(StrEnum):
    ASSESSED = "assessed"
    ASSERTED = "asserted"
    LISTED = "listed"
    ABSENT = "absent"


class WayStatus(StrEnum):
    EVIDENCED = "evidenced"
    MENTIONED = "mentioned"
    ABSENT = "absent"


class TopicStatus(StrEnum):
    ADDRESSED = "addressed"
    MENTIONED = "mentioned"
    ABSENT = "absent"


Impact = Literal["positive", "negative", "neutral", "none", "mixed", "unknown"]


class _Located(BaseModel):
    """Base for anything extracted from the document: it keeps the places it came from."""

    model_config = ConfigDict(extra="forbid")

    locations: list[Location] = Field(default_factory=list)


class TextItem(_Located):
    """A piece of text taken from the document, with where it was found."""

    text: str


class CharacteristicAssessment(_Located):
    """How the assessment treats one protected characteristic."""

    status: CharacteristicStatus = CharacteristicStatus.ABSENT
    impact: Impact | None = Field(None, description="the judgement given, if any")
    reasons: str = Field("", description="the text that explains the judgement")
    evidence: list[str] = Field(default_factory=list, description="data or sources cited for this group")
    mitigation: str = Field("", description="action stated for this group's adverse impact")
    justification: str = Field("", description="why the proposal proceeds despite an adverse impact")
    non_assessment: bool = Field(False, description="the answer is a bare 'N/A', 'no impact' or similar")
    grouped_with: list[str] = Field(default_factory=list, description="other characteristics answered in the same entry")
    data_gap: bool = Field(False, description="the entry says data are missing or unknown")
    data_gap_action: bool = Field(False, description="the entry says how the missing data will be obtained")


class WayOfWorking(_Located):
    """One of the five ways of working (WFG Act 2015 s.5(2))."""

    status: WayStatus = WayStatus.ABSENT
    text: str = ""


class WellbeingGoal(_Located):
    """One of the seven well-being goals (WFG Act 2015 s.4)."""

    status: TopicStatus = TopicStatus.ABSENT
    impact: Impact | None = None
    text: str = ""


class Topic(_Located):
    """A duty or theme the assessment should address: addressed, only mentioned, or absent."""

    status: TopicStatus = TopicStatus.ABSENT
    text: str = ""
    flags: dict[str, bool] = Field(
        default_factory=dict,
        description="named features found in the text, e.g. communities_of_place for the Socio-economic Duty",
    )


class EngagementEvent(_Located):
    """Consultation or engagement reported as done, under way or scheduled for this proposal."""

    text: str = Field("", description="the sentence(s) describing it")
    who: list[str] = Field(default_factory=list, description="people or organisations engaged")
    represents: list[str] = Field(default_factory=list, description="characteristic keys of the groups engaged")
    methods: list[str] = Field(default_factory=list, description="survey, workshop, focus group, public meeting...")
    start: date | None = None
    end: date | None = None
    duration_days: int | None = None
    responses: int | None = Field(None, description="number of responses, if stated")
    responses_considered: bool = Field(False, description="the responses or what people said are reported")
    changes_made: str = Field("", description="what changed as a result ('you said, we did')")
    vague: bool = Field(False, description="only 'a consultation was held' with no who, how, when or result")
    planned: bool = Field(False, description="a step still to come that the document schedules (a row of its action "
                                             "plan, a follow-up in its monitoring), not engagement that informed it")
    follows_decision: bool = Field(False, description="the text says it comes after the decision ('following "
                                                      "Cabinet's decision, members will be written to')")


class Mitigation(_Located):
    """An action to avoid or reduce an adverse impact."""

    text: str
    characteristics: list[str] = Field(default_factory=list)
    owner: str = ""
    due: date | None = None


class EvidenceSource(_Located):
    """A named data source or piece of research the assessment relies on."""

    text: str
    year: int | None = None
    local: bool | None = None


class Monitoring(_Located):
    """How the effects will be monitored and when the assessment will be reviewed."""

    status: TopicStatus = TopicStatus.ABSENT
    text: str = ""
    review_date: date | None = None
    review_cycle: str = Field("", description="how often it is reviewed, when no date is given ('every six months')")
    indicators: bool = False
    owner: str = ""


class Metadata(_Located):
    """Who wrote the assessment, about what, and who decides."""

    title: str = ""
    organisation: str = ""
    service_area: str = ""
    author: str = ""
    assessment_date: date | None = None
    version: str = ""
    approver: str = ""
    approval_date: date | None = None
    decision_maker: str = ""
    decision_date: date | None = None
    is_strategic: bool | None = Field(None, description="a strategic decision under the Socio-economic Duty")
    proposal_type: str = ""
    outcome: str = ""
    language: Literal["en", "cy", "bilingual"] = "en"
    field_locations: dict[str, list[Location]] = Field(
        default_factory=dict, description="where each filled field above was found, by field name"
    )


class Suppression(_Located):
    """An officer's in-document note that a rule does not apply, with their reason."""

    code: str
    reason: str = ""


class SourceInfo(BaseModel):
    """Which file the record was read from."""

    path: str = ""
    format: str = ""
    sha256: str | None = None


class IIARecord(BaseModel):
    """The structured content of one impact assessment."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    source: SourceInfo = Field(default_factory=SourceInfo)
    metadata: Metadata = Field(default_factory=Metadata)
    characteristics: Annotated[dict[str, CharacteristicAssessment], AfterValidator(
        complete_keys(CHARACTERISTICS, CharacteristicAssessment, "characteristic"))] = Field(
        default_factory=lambda: {k: CharacteristicAssessment() for k in CHARACTERISTICS}
    )
    psed_aims: Annotated[dict[str, Topic], AfterValidator(complete_keys(PSED_AIMS, Topic, "PSED aim"))] = Field(
        default_factory=lambda: {k: Topic() for k in PSED_AIMS})
    socio_economic: Topic = Field(default_factory=Topic)
    ways_of_working: Annotated[dict[str, WayOfWorking], AfterValidator(
        complete_keys(WAYS_OF_WORKING, WayOfWorking, "way of working"))] = Field(
        default_factory=lambda: {k: WayOfWorking() for k in WAYS_OF_WORKING}
    )
    wellbeing_goals: Annotated[dict[str, WellbeingGoal], AfterValidator(
        complete_keys(WELLBEING_GOALS, WellbeingGoal, "well-being goal"))] = Field(
        default_factory=lambda: {k: WellbeingGoal() for k in WELLBEING_GOALS}
    )
    wellbeing_objectives: Topic = Field(default_factory=Topic, description="link to the body's own well-being objectives")
    engagement: list[EngagementEvent] = Field(default_factory=list)
    welsh_language: Topic = Field(default_factory=Topic)
    childrens_rights: Topic = Field(default_factory=Topic)
    human_rights: Topic = Field(default_factory=Topic)
    mitigations: list[Mitigation] = Field(default_factory=list)
    monitoring: Monitoring = Field(default_factory=Monitoring)
    evidence: list[EvidenceSource] = Field(default_factory=list)
    signals: dict[str, TextItem] = Field(
        default_factory=dict,
        description="quality signals found: intersectionality, cumulative_impact, lived_experience, retrospective...",
    )
    suppressions: list[Suppression] = Field(default_factory=list)

    def characteristic(self, key: str) -> CharacteristicAssessment:
        """The assessment for one characteristic key (always present)."""
        return self.characteristics[key]
