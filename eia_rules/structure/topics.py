"""Duties and themes read as topics: Socio-economic Duty, Welsh language, children's rights,
human rights, well-being objectives, and the three aims of the general equality duty.

A topic is `addressed` when the document says something of substance about it for this
proposal (a mapped section or sentences naming it, with enough content and either one of its
named features or a judgement), `mentioned` when it is only named, `absent` otherwise.
"""
from __future__ import annotations

from ..model.record import PSED_AIMS, TOPIC_FLAGS, Topic, TopicStatus
from .characteristics import content_words
from .judgement import judge
from .locate import merge_locations
from .sections import assign
from .units import Unit

MIN_ADDRESSED_CONTENT = 15  # content words about the topic that make it addressed
MIN_AIM_CONTENT = 6


def topic(units: list[Unit], name: str) -> Topic:
    """One topic with its status, text and feature flags (TOPIC_FLAGS[name])."""
    fields = assign(units)
    flags = {f: False for f in TOPIC_FLAGS.get(name, ())}
    named: list[Unit] = []
    body: list[Unit] = []
    judged = False
    for unit, field in zip(units, fields):
        labels = {h.label for h in unit.hits("topics")}
        core = name in labels
        feats = {lab.split(":", 1)[1] for lab in labels if lab.startswith(name + ":")}
        in_section = field == name
        if not (core or in_section):
            continue
        named.append(unit)
        if unit.is_question or unit.is_instruction or (unit.label_like and not unit.table_row):
            continue
        body.append(unit)
        for f in feats:
            flags[f] = True
        if name == "socio_economic" and any(h.label == "source" for h in unit.hits("evidence")):
            flags["evidence"] = True
        if name == "welsh_language" and any(h.label == "source" for h in unit.hits("evidence")):
            flags["evidence"] = True
        if judge(unit)[0]:
            judged = True
    if not named:
        return Topic(flags=flags)
    content = sum(content_words(u, skip_first_cell=False)[0] for u in body)
    substantive = content >= MIN_ADDRESSED_CONTENT and (any(flags.values()) or judged)
    status = TopicStatus.ADDRESSED if substantive else TopicStatus.MENTIONED
    text = " ".join(u.text for u in (body or named))[:2000]
    return Topic(status=status, text=text, flags=flags,
                 locations=merge_locations(u.locations for u in (body or named)))


def psed_aims(units: list[Unit]) -> dict[str, Topic]:
    """The three aims: addressed when a statement (not a prompt) about the aim has content."""
    out = {k: Topic() for k in PSED_AIMS}
    for unit in units:
        for hit in unit.hits("topics"):
            if not hit.label.startswith("psed:"):
                continue
            aim = hit.label.split(":", 1)[1]
            t = out[aim]
            t.locations = merge_locations([t.locations, unit.locations])
            prompt = unit.is_question or unit.is_instruction
            if not prompt and content_words(unit)[0] >= MIN_AIM_CONTENT:
                t.status = TopicStatus.ADDRESSED
                t.text = t.text or unit.text
            elif t.status == TopicStatus.ABSENT:
                t.status = TopicStatus.MENTIONED
                t.text = unit.text
    return out
