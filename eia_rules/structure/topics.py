"""Duties and themes read as topics: Socio-economic Duty, Welsh language, children's rights,
human rights, well-being objectives, and the three aims of the general equality duty.

A topic is `addressed` when the document says something of substance about it for this
proposal (a mapped section or sentences naming it, with enough content and either one of its
named features or a judgement), `mentioned` when it is only named, `absent` otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.record import PSED_AIMS, TOPIC_FLAGS, Topic, TopicStatus
from .characteristics import content_words
from .judgement import judge
from .locate import merge_locations
from .sections import assign
from .statements import has, is_prompt, is_statement
from .units import Unit

MIN_ADDRESSED_CONTENT = 15  # content words about the topic that make it addressed
MIN_AIM_CONTENT = 6
_MANY_FEATURES = 2          # named features that show substance in a short section...
MIN_FEATURED_CONTENT = 8    # ...with at least this many content words
# Features whose words are about the topic wherever they appear ('deprivation weighting', 'reduce
# inequalities of outcome'): a measure stated in the mitigation or conclusion section still counts.
_SELF_EVIDENT: dict[str, frozenset[str]] = {"socio_economic": frozenset({"reduce_inequality", "inequality_of_outcome"})}
# Labels that stand for one or more flags: a cost lever ('reimbursement of travel costs') counts
# only inside the topic's own text; 'increases opportunities to use Welsh' shows both limbs of
# opportunity and an increased positive effect.
_FEATURE_OF: dict[str, tuple[str, ...]] = {"cost_lever": ("reduce_inequality",),
                                           "more_opportunities": ("opportunities", "increase_positive")}


@dataclass
class _Reading:
    """What one pass over the document has gathered about one topic.

    `named` holds every unit about the topic, prompts and labels included, because they say
    where the topic is dealt with; `body` holds only the statements, because only they say
    anything about it; `own` is the part of `named` under the topic's own section heading.
    """

    name: str
    flags: dict[str, bool]
    named: list[Unit] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    own: list[Unit] = field(default_factory=list)
    judged: bool = False
    previous: Unit | None = None

    def continues_paragraph(self, unit: Unit) -> bool:
        """A later sentence of the paragraph whose last sentence was about the topic is still
        about it: 'The proposal affects Welsh-medium learners. They will pay the same charge.'"""
        previous = self.previous
        return (previous is not None and bool(self.named) and self.named[-1] is previous
                and not unit.block_start and bool(unit.blocks) and bool(previous.blocks)
                and unit.blocks[0] is previous.blocks[-1])


def topic(units: list[Unit], name: str) -> Topic:
    """One topic with its status, text and feature flags (TOPIC_FLAGS[name])."""
    fields = assign(units)
    reading = _Reading(name, {f: False for f in TOPIC_FLAGS.get(name, ())})
    for unit, section in zip(units, fields):
        _read(reading, unit, in_section=section == name)
    if not reading.named:
        return Topic(flags=reading.flags)
    _conclude_flags(reading)
    status = TopicStatus.ADDRESSED if _substantive(reading) else TopicStatus.MENTIONED
    said = reading.body or reading.named
    return Topic(status=status, text=" ".join(u.text for u in said)[:2000], flags=reading.flags,
                 locations=merge_locations([*(u.locations for u in reading.own), *(u.locations for u in said)]))


def _read(reading: _Reading, unit: Unit, in_section: bool) -> None:
    """Take one unit into the reading: a unit is about the topic when it names it, continues
    a paragraph that did, or sits in the topic's section."""
    labels = {h.label for h in unit.hits("topics")}
    about = reading.name in labels or reading.continues_paragraph(unit)
    reading.previous = unit
    features = _features(reading.name, labels)
    if not (about or in_section):
        if not is_prompt(unit):
            _note_self_evident(reading, features)
        return
    reading.named.append(unit)
    if in_section:
        reading.own.append(unit)
    if is_statement(unit):
        _take_statement(reading, unit, features)


def _features(name: str, labels: set[str]) -> set[str]:
    """The flags that the unit's feature labels for this topic ('socio_economic:cost_lever')
    stand for."""
    prefix = name + ":"
    return {flag for label in labels if label.startswith(prefix)
            for flag in _FEATURE_OF.get(label[len(prefix):], (label[len(prefix):],))}


def _note_self_evident(reading: _Reading, features: set[str]) -> None:
    """Outside the topic's own text only the features whose words speak for themselves count."""
    for flag in features & _SELF_EVIDENT.get(reading.name, frozenset()):
        reading.flags[flag] = True


def _take_statement(reading: _Reading, unit: Unit, features: set[str]) -> None:
    """A statement about the topic: what it names, cites and judges all count."""
    reading.body.append(unit)
    for flag in features:
        reading.flags[flag] = True
    # the topics whose flags ask for evidence (Socio-economic Duty, Welsh language) have it
    # when a statement about them cites a source
    if "evidence" in reading.flags and any(h.label == "source" for h in unit.hits("evidence")):
        reading.flags["evidence"] = True
    if judge(unit)[0]:
        reading.judged = True


def _conclude_flags(reading: _Reading) -> None:
    """Flags that follow from the statements taken together rather than from one word."""
    if reading.name == "welsh_language":
        _welsh_measures(reading.body, reading.flags)
    if reading.flags.get("reduce_inequality"):
        reading.flags["inequality_of_outcome"] = True  # 'to reduce inequality of outcome we ...' considers it


def _substantive(reading: _Reading) -> bool:
    """Addressed, not merely mentioned: enough content with a named feature or a judgement, or
    several features in a short section."""
    content = sum(content_words(u, skip_first_cell=False)[0] for u in reading.body)
    features = sum(reading.flags.values())
    return ((content >= MIN_ADDRESSED_CONTENT and bool(features or reading.judged))
            or (features >= _MANY_FEATURES and content >= MIN_FEATURED_CONTENT))


def _welsh_measures(body: list[Unit], flags: dict[str, bool]) -> None:
    """Set the two design flags from the steps a Welsh language section states.

    A section that finds an adverse effect (lexicon `welsh_adverse`) and then states a step
    (`welsh_measures`: 'To treat Welsh no less favourably, learners ... will pay the same
    charge') has considered how to reduce adverse effects, however it is worded; a stated step
    that promotes or offers Welsh (`welsh_promotion`) has considered how to increase positive
    effects (Welsh Language Standards 88-93 ask for both). Each lexicon answers one question,
    so no word of one can hide a word of another ('to promote' is both a step and a promotion);
    a file's word stems ('reduc': reduce, reduced, reduction) share one REGEX row, which the
    matcher tests once a token rather than once a stem.
    """
    adverse = any(has(u, "welsh_adverse") for u in body)
    for unit in body:
        if not has(unit, "welsh_measures"):
            continue
        if adverse:
            flags["reduce_adverse"] = True
        if has(unit, "welsh_promotion"):
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
