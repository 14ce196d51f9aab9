"""The lexicons: which pattern files exist and which labels each may use, in one registry.

A lexicon is the pair of files `patterns/en/<name>.jsonl` and `patterns/cy/<name>.jsonl`.
`nlp.lexicon` and `nlp.words` refuse a name that is not registered here, and the pattern-file
schema test (tests/structure/test_pattern_files.py) refuses a file without an entry or a row
whose label its entry does not allow. The labels are derived from the record model wherever the
model names the thing (characteristics, ways of working, goals, impacts, signals, topic flags,
record fields), so a label cannot drift from what the record can hold; the few labels only the
structurer knows (engagement's 'report', the form vocabulary) are written here and nowhere else.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from ..model.record import (
    CHARACTERISTICS,
    PSED_AIMS,
    SIGNALS,
    TOPIC_FLAGS,
    WAYS_OF_WORKING,
    WELLBEING_GOALS,
    IIARecord,
    Impact,
    Metadata,
)

# Labels starting with '_' are matched so that their words are not taken for another label
# ('_ignore': 'rhyw' in 'rhyw fath', some kind, is not 'rhyw', sex) or name a group of labels at once
# ('_collective': 'the five ways of working', 'the seven well-being goals').
IGNORE = "_ignore"
COLLECTIVE = "_collective"


@dataclass(frozen=True)
class LexiconSpec:
    """What a lexicon's rows may say.

    `words_only`: the lexicon is read as plain word lists (`nlp.words`) and matched in raw text
    with a regex, not run as a spaCy matcher, so every row must be a phrase (a string), not a
    token pattern.
    """

    labels: frozenset[str]
    words_only: bool = False


def _spec(*labels: str, words_only: bool = False) -> LexiconSpec:
    return LexiconSpec(frozenset(labels), words_only)


# How engagement is done (`EngagementEvent.methods`), each a label 'method:<method>'.
ENGAGEMENT_METHODS: tuple[str, ...] = (
    "survey", "workshop", "focus group", "public meeting", "meeting", "interview", "written consultation",
    "online", "engagement event",
)
# Topic features that topics.py maps onto one or more of `TOPIC_FLAGS` (its `_FEATURE_OF`).
TOPIC_FEATURES: tuple[str, ...] = ("socio_economic:cost_lever", "welsh_language:more_opportunities")
# Section labels a heading may open that are no record field: 'Purpose of the proposal' ends
# the section above it, and 'Review date' is read into `Monitoring.review_date`.
EXTRA_SECTIONS: tuple[str, ...] = ("purpose", "review_date")

LEXICONS: dict[str, LexiconSpec] = {
    "characteristics": _spec(*CHARACTERISTICS, IGNORE),
    "ways": _spec(*WAYS_OF_WORKING, COLLECTIVE),
    "goals": _spec(*WELLBEING_GOALS, COLLECTIVE),
    "judgements": _spec(*get_args(Impact)),
    "signals": _spec(*SIGNALS),
    "topics": _spec(*TOPIC_FLAGS, *(f"{topic}:{flag}" for topic, flags in TOPIC_FLAGS.items() for flag in flags),
                    *(f"psed:{aim}" for aim in PSED_AIMS), *TOPIC_FEATURES),
    "headings": _spec(*Metadata.model_fields, *IIARecord.model_fields, *EXTRA_SECTIONS),
    "engagement": _spec("activity", "report", "instruction", "considered", "change", "after_decision",
                        *(f"method:{m}" for m in ENGAGEMENT_METHODS)),
    "actions": _spec("mitigation", "monitoring", "indicator", "owner", "cycle"),
    "evidence": _spec("source", "local"),
    # The answers a form gives to a yes/no question ('☒ Yes ☐ No', 'Ydy', 'Nac oes').
    "answers": _spec("yes", "no", words_only=True),
    # How a form asks rather than tells (units.py, judgement.py, sections.py):
    # - question_start: a sentence opening with one of these and holding a '?' is a question;
    # - instruction: these anywhere mark guidance to the officer ('please', 'if yes', 'tick');
    # - instruction_start: these mark it only when they open the unit, 'Guidance: ...', since
    #   'guidance' is often the subject ('update the inclusive language guidance');
    # - judgement_column: a column header asking for the judgement ('Impact', 'Effaith');
    # - numbering_word: numbers a part of a form rather than names it ('Section 4', 'Adran B');
    # - assessment_name: names the assessment itself ('equality impact assessment', 'EQIA'): a
    #   heading holding one is the document's title, so a group it names is the proposal's
    #   subject ('Maternity care: equality impact assessment'), not the start of its section.
    # Scope words (scope.py, characteristics.py):
    # - lead: may stand before a group for a sentence to be about it ('For older people, ...');
    # - join: joins two groups named together ('Sex and gender reassignment');
    # - plan: says what will be done ('will', 'plan to'), for data gaps and provision sentences;
    # - justification: says an impact is justified.
    "scope": _spec("lead", "join", "plan", "justification", "data_step"),
    # Words of change a passage about one group uses in place of a rating ('easier', 'further
    # to travel'); 'unknown' when they say there is an effect but not which way.
    "effects": _spec("positive", "negative", "unknown"),
    # Words that could stand in any assessment of any proposal ('council', 'evidence',
    # 'differently'): a sentence of nothing else gives no reason.
    "generic": _spec("generic"),
    # Extractor vocabulary (engagement.py, actions.py, topics.py):
    "engaging": _spec("engaging"),            # verbs of engaging people ('consulted', 'met')
    "engagement_groups": _spec("group"),      # who took part ('residents', 'forum')
    "generic_who": _spec("generic"),          # a 'who' that names nobody ('stakeholders')
    "planned": _spec("planned"),              # engagement still to come ('will consult')
    "action_columns": _spec("owner", "due"),  # an action table's owner and due-date columns
    "review": _spec("review"),                # a review date's wording
    "welsh_promotion": _spec("promote"),      # promoting opportunities to use Welsh
    "welsh_adverse": _spec("adverse"),        # adverse effects on Welsh
    "welsh_measures": _spec("measure"),       # what will be done for Welsh
    # who meets to decide ('Cabinet', 'Full Council'), and the words a meeting heading puts
    # before the body ('Report to the') and between it and the date ('meeting on')
    "decision_bodies": _spec("body", "lead", "tail"),
    "forms": _spec("question_start", "instruction", "instruction_start", "judgement_column", "numbering_word",
                   "assessment_name", words_only=True),
}


class UnknownLexicon(LookupError):
    """A lexicon name with no entry in `LEXICONS` (a typo would otherwise find nothing)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown lexicon {name!r}: the lexicons are {', '.join(sorted(LEXICONS))} "
                         "(eia_rules/structure/lexicons.py)")


class UnknownLabel(LookupError):
    """A label the lexicon's entry in `LEXICONS` does not allow."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__(f"lexicon {name!r} has no label {label!r}: its labels are "
                         f"{', '.join(sorted(LEXICONS[name].labels))}")


def spec(name: str) -> LexiconSpec:
    """The registered spec of a lexicon, or `UnknownLexicon`."""
    try:
        return LEXICONS[name]
    except KeyError:
        raise UnknownLexicon(name) from None
