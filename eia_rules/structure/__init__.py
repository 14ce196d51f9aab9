"""Structurer: turns a read document's blocks into an `IIARecord`.

`structure(doc)` is pure: the same document always gives the same record. It says what the
document says (which groups are assessed, which ways of working are used, what engagement is
reported); judging what is missing in law is left to the rules.
"""
from __future__ import annotations

from ..model.blocks import SourceDocument
from ..model.record import IIARecord, SourceInfo
from . import (
    actions,
    characteristics,
    engagement,
    evidence,
    metadata,
    signals,
    suppressions,
    topics,
    ways,
)
from .units import build_units

__all__ = ["structure"]


def structure(doc: SourceDocument) -> IIARecord:
    """The structured record of one read document."""
    content = suppressions.without_suppressions(doc)
    units = build_units(content)
    record = IIARecord(source=SourceInfo(path=doc.path, format=doc.format, sha256=doc.sha256))
    record.characteristics = characteristics.extract(units)
    record.metadata = metadata.extract(content, units)
    record.psed_aims = topics.psed_aims(units)
    record.socio_economic = topics.topic(units, "socio_economic")
    record.welsh_language = topics.topic(units, "welsh_language")
    record.childrens_rights = topics.topic(units, "childrens_rights")
    record.human_rights = topics.topic(units, "human_rights")
    record.wellbeing_objectives = topics.topic(units, "wellbeing_objectives")
    record.ways_of_working = ways.ways_of_working(units)
    record.wellbeing_goals = ways.goals(units)
    record.engagement = engagement.extract(units)
    ways.involvement_shown_by_engagement(record.ways_of_working, record.engagement)
    record.mitigations = actions.mitigations(units)
    record.monitoring = actions.monitoring(units)
    record.evidence = evidence.extract(units)
    record.signals = signals.extract(units)
    record.suppressions = suppressions.extract(doc)
    return record
