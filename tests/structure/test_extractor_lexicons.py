"""The vocabularies the topic, action, engagement and ways extractors read from the pattern
files: each question they ask of a sentence is answered from data, English and Welsh alike."""
from __future__ import annotations

from eia_rules.structure import structure
from eia_rules.structure.nlp import lexicon

from .helpers import doc_from_lines


def test_a_welsh_language_section_that_finds_harm_and_states_steps_considers_both_designs() -> None:
    text = ("# Welsh language\nFewer learners may reach Welsh-medium classes after the change. "
            "We will provide bilingual materials and promote the active offer.")
    flags = structure(doc_from_lines(text)).welsh_language.flags
    assert flags["reduce_adverse"] and flags["increase_positive"]


def test_a_step_with_nothing_adverse_found_does_not_reduce_adverse_effects() -> None:
    text = "# Welsh language\nWe will provide bilingual materials to every household in the ward."
    flags = structure(doc_from_lines(text)).welsh_language.flags
    assert flags["increase_positive"] and not flags["reduce_adverse"]


def test_a_mutated_welsh_step_word_counts_like_its_radical_form() -> None:
    # 'yn ddwyieithog' is how 'is bilingual' is always written: the soft mutation of 'dwyieithog'
    text = ("# Y Gymraeg\nHeb drefniant arall, byddai'r plant yn colli'r ddarpariaeth Gymraeg. "
            "Bydd pob deunydd yn ddwyieithog.")
    flags = structure(doc_from_lines(text)).welsh_language.flags
    assert flags["reduce_adverse"] and flags["increase_positive"]


def test_each_step_lexicon_asks_one_question() -> None:
    """One label a file: within a lexicon the longest match wins, so two questions sharing a
    file could hide each other's words ('to promote' is both a step and a promotion)."""
    for name, label in (("welsh_adverse", "adverse"), ("welsh_measures", "measure"), ("welsh_promotion", "promote")):
        assert lexicon(name).labels == {label}, name
