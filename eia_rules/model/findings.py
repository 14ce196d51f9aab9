"""`Finding` and `Report`: what the rules say about one document.

Like axe-core, a report separates violations, findings that need a person's review, rules that
passed and rules that did not apply, so coverage can be reported and not only failures.
"""
from __future__ import annotations

import hashlib
import re
from enum import StrEnum

from pydantic import BaseModel, Field, computed_field

from .blocks import Location


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Order for `--fail-on`: error > warning > info."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Outcome(StrEnum):
    VIOLATION = "violation"
    NEEDS_REVIEW = "needs_review"


_SPACE = re.compile(r"\s+")


def fingerprint(rule_id: str, section: str, text: str) -> str:
    """A stable identity for a finding across runs: rule, section path and normalised text.

    Paragraph numbers are left out on purpose, so inserting a paragraph above does not make
    every later finding look new against a baseline.
    """
    norm = _SPACE.sub(" ", text.casefold()).strip()[:200]
    digest = hashlib.sha256(f"{rule_id}\x1f{section.casefold()}\x1f{norm}".encode()).hexdigest()
    return digest[:16]


class Place(BaseModel):
    """One more place a repeated finding applies, when repeats are reported once.

    It keeps what differs between the repeats (where, the text, the fingerprint), so a
    baseline or an annotated copy can still treat each place on its own.
    """

    locations: list[Location] = Field(default_factory=list)
    section: str = Field("", description="section path of this place")
    excerpt: str = Field("", description="the document text at this place, if any")
    fingerprint: str = Field("", description="the fingerprint the finding would have at this place alone")


class Finding(BaseModel):
    """One gap found in one document, with where it is and what to do about it.

    When a rule says the same thing about the same subject at several places, the findings are
    reported once (see eia_rules/grouping.py): `locations` is the first place and `also_at`
    lists the others, so the officer reads the advice once and still sees every place.
    """

    rule_id: str
    title: str = ""
    family: str
    severity: Severity
    outcome: Outcome = Outcome.VIOLATION
    message: str
    locations: list[Location] = Field(default_factory=list)
    section: str = Field("", description="section path such as 'Annex C > Race'")
    excerpt: str = Field("", description="the document text the finding is about, if any")
    legal_basis: str = ""
    remediation: str = ""
    fingerprint: str = ""
    suppressed: bool = False
    suppression_reason: str = ""
    subject: dict[str, str] = Field(
        default_factory=dict,
        description="what the finding is about, when it is about one thing: {'characteristic': 'age'}, "
                    "{'way': 'prevention'}, {'goal': 'prosperous'} or {'topic': 'welsh_language'}")
    duty: str = Field("", description="the duty the rule checks (psed, sed, wfg, welsh_language, "
                                      "childrens_rights), empty when the rule is not tied to one")

    also_at: list[Place] = Field(
        default_factory=list,
        description="the other places the same finding applies (same rule, message and subject), "
                    "first place excepted; empty when it applies once")

    def model_post_init(self, __context: object) -> None:
        if not self.fingerprint:
            self.fingerprint = fingerprint(self.rule_id, self.section, self.excerpt or self.message)

    @computed_field(description="how many places the finding applies: 1 + len(also_at)")  # type: ignore[prop-decorator]
    @property
    def occurrences(self) -> int:
        return 1 + len(self.also_at)

    def place(self) -> Place:
        """This finding's own (first) place."""
        return Place(locations=list(self.locations), section=self.section, excerpt=self.excerpt,
                     fingerprint=self.fingerprint)

    def places(self) -> list[Place]:
        """Every place the finding applies, its own first."""
        return [self.place(), *self.also_at]

    def at_each_place(self) -> list[Finding]:
        """The finding once per place, as the engine reported it before repeats were grouped.

        Consumers that act per place (baselines, comments in an annotated copy) use this, so
        grouping changes what the officer reads and not what those consumers match.
        """
        single = self.model_copy(update={"also_at": []})
        return [single] + [single.model_copy(update={
            "locations": list(p.locations), "section": p.section, "excerpt": p.excerpt,
            "fingerprint": p.fingerprint}) for p in self.also_at]


class RuleResult(BaseModel):
    """A rule that ran and did not fire (passed) or could not apply to this document."""

    rule_id: str
    family: str
    reason: str = ""


class Report(BaseModel):
    """Everything eia-rules concluded about one document."""

    path: str
    format: str = ""
    findings: list[Finding] = Field(default_factory=list)
    passed: list[RuleResult] = Field(default_factory=list)
    not_applicable: list[RuleResult] = Field(default_factory=list)
    rules_version: str = ""

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.outcome is Outcome.VIOLATION and not f.suppressed]

    @property
    def needs_review(self) -> list[Finding]:
        return [f for f in self.findings if f.outcome is Outcome.NEEDS_REVIEW and not f.suppressed]

    def worst_severity(self) -> Severity | None:
        """The most serious unsuppressed finding's severity, for exit codes."""
        active = [f.severity for f in self.findings if not f.suppressed]
        return max(active, key=lambda s: s.rank) if active else None
