"""Duties and themes read as topics: Socio-economic Duty, Welsh language, children's rights,
human rights, well-being objectives, and the three aims of the general equality duty.

A topic is `addressed` when the document says something of substance about it for this
proposal (a mapped section or sentences naming it, with enough content and either one of its
named features or a judgement), `mentioned` when it is only named, `absent` otherwise.
"""
from __future__ import annotations

import re

from ..model.record import PSED_AIMS, TOPIC_FLAGS, Topic, TopicStatus
from .characteristics import content_words
from .judgement import judge
from .locate import merge_locations
from .sections import assign
from .units import Unit

MIN_ADDRESSED_CONTENT = 15  # content words about the topic that make it addressed
MIN_AIM_CONTENT = 6
_MANY_FEATURES = 2          # named features that show substance in a short section...
MIN_FEATURED_CONTENT = 8    # ...with at least this many content words
# Welsh language: a section that finds an adverse effect and then says what the proposal does
# about it ('To treat Welsh no less favourably, learners ... will pay the same charge') has
# considered how to reduce adverse effects, however it is worded; a stated step that promotes
# or offers Welsh has considered how to increase positive effects (Welsh Language Standards
# 88-93 ask for both).
_ADVERSE = re.compile(r"\b(discourag\w*|reduc\w*|adverse\w*|negative\w*|detriment\w*|fewer|loss|lose|harm\w*|"
                      r"disadvantag\w*|less favourabl\w*|not (?:expected to )?affect|"
                      r"andwyol|negyddol|lleihau|colli)\b", re.IGNORECASE)
_MEASURE = re.compile(r"\b(will|to treat|to protect|to promote|to support|so that|ensure\w*|designed|"
                      r"available in welsh|bilingual\w*|byddwn|bydd|er mwyn|sicrhau)\b", re.IGNORECASE)
# Features whose words are about the topic wherever they appear ('deprivation weighting', 'reduce
# inequalities of outcome'): a measure stated in the mitigation or conclusion section still counts.
_SELF_EVIDENT: dict[str, frozenset[str]] = {"socio_economic": frozenset({"reduce_inequality", "inequality_of_outcome"})}
# Labels that stand for one or more flags: a cost lever ('reimbursement of travel costs') counts
# only inside the topic's own text; 'increases opportunities to use Welsh' shows both limbs of
# opportunity and an increased positive effect.
_FEATURE_OF: dict[str, tuple[str, ...]] = {"cost_lever": ("reduce_inequality",),
                                           "more_opportunities": ("opportunities", "increase_positive")}
_PROMOTE = re.compile(r"\b(promot\w*|encourag\w*|increas\w*|more|support\w*|available in welsh|bilingual\w*|"
                      r"welsh-medium|active offer|hyrwyddo|annog|cynyddu|cefnogi|dwyieithog|cynnig rhagweithiol)\b",
                      re.IGNORECASE)


def topic(units: list[Unit], name: str) -> Topic:
    """One topic with its status, text and feature flags (TOPIC_FLAGS[name])."""
    fields = assign(units)
    flags = {f: False for f in TOPIC_FLAGS.get(name, ())}
    named: list[Unit] = []
    body: list[Unit] = []
    judged = False
    previous: Unit | None = None
    for unit, field in zip(units, fields):
        labels = {h.label for h in unit.hits("topics")}
        # a later sentence of a paragraph that named the topic is still about it
        core = name in labels or _same_paragraph(previous, unit, named)
        previous = unit
        feats = {flag for lab in labels if lab.startswith(name + ":")
                 for flag in _FEATURE_OF.get(lab.split(":", 1)[1], (lab.split(":", 1)[1],))}
        in_section = field == name
        if not (core or in_section):
            if not (unit.is_question or unit.is_instruction):
                for f in feats & _SELF_EVIDENT.get(name, frozenset()):
                    flags[f] = True
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
    if name == "welsh_language":
        _welsh_measures(body, flags)
    if flags.get("reduce_inequality"):
        flags["inequality_of_outcome"] = True  # 'to reduce inequality of outcome we ...' considers it
    content = sum(content_words(u, skip_first_cell=False)[0] for u in body)
    features = sum(flags.values())
    substantive = (content >= MIN_ADDRESSED_CONTENT and (features or judged)) or \
        (features >= _MANY_FEATURES and content >= MIN_FEATURED_CONTENT)
    status = TopicStatus.ADDRESSED if substantive else TopicStatus.MENTIONED
    text = " ".join(u.text for u in (body or named))[:2000]
    own = [u for u, f in zip(units, fields) if f == name and (u in named)]
    return Topic(status=status, text=text, flags=flags,
                 locations=merge_locations([*(u.locations for u in own), *(u.locations for u in (body or named))]))


def _same_paragraph(previous: Unit | None, unit: Unit, named: list[Unit]) -> bool:
    return (previous is not None and bool(named) and named[-1] is previous and not unit.block_start
            and bool(unit.blocks) and bool(previous.blocks) and unit.blocks[0] is previous.blocks[-1])


def _welsh_measures(body: list[Unit], flags: dict[str, bool]) -> None:
    """Set the two design flags from the steps a Welsh language section states."""
    adverse = any(_ADVERSE.search(u.text) for u in body)
    for unit in body:
        if not _MEASURE.search(unit.text) or unit.is_question or unit.is_instruction:
            continue
        if adverse:
            flags["reduce_adverse"] = True
        if _PROMOTE.search(unit.text):
            flags["increase_positive"] = True


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
