"""The vocabularies the topic, action, engagement and ways extractors read from the pattern
files: each question they ask of a sentence is answered from data, English and Welsh alike."""
from __future__ import annotations

import pytest

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
    for name, label in (("welsh_adverse", "adverse"), ("welsh_measures", "measure"), ("welsh_promotion", "promote"),
                        ("planned", "planned"), ("review", "review"), ("engaging", "engaging"),
                        ("engagement_groups", "group"), ("generic_who", "generic")):
        assert lexicon(name).labels == {label}, name


def test_an_action_plan_row_takes_its_owner_and_due_date_from_the_named_columns() -> None:
    for header in ("| Action | Lead officer | Timescale |", "| Cam gweithredu | Swyddog cyfrifol | Erbyn |"):
        text = f"# Action plan\n{header}\n| Publish the eligibility criteria in Easy Read | Jane Evans | March 2026 |"
        (action,) = structure(doc_from_lines(text)).mitigations
        assert action.owner == "Jane Evans" and action.due is not None and action.due.month == 3, header


def test_a_mitigation_paragraph_gives_its_date_wherever_it_states_it() -> None:
    """The paragraph answering the mitigation question is one answer: a start date in its second
    sentence dates the action its first sentence opens."""
    text = ("# Mitigation\nThe proposal contributes most to a healthier Wales. To reduce the workforce risk, the "
            "standards start in April 2027 and funding is set aside for assessor training.")
    (action,) = structure(doc_from_lines(text)).mitigations
    assert action.due is not None and (action.due.year, action.due.month) == (2027, 4)


def test_monitoring_with_a_plan_an_indicator_and_a_review_date_is_addressed() -> None:
    text = ("# Monitoring\nWe will monitor take-up of the new service each quarter against indicators broken down "
            "by age and disability, and the scheme will be reviewed in March 2026 (Leisure Services Manager).")
    monitoring = structure(doc_from_lines(text)).monitoring
    assert monitoring.status.value == "addressed" and monitoring.indicators
    assert monitoring.review_date is not None and monitoring.review_date.year == 2026
    assert monitoring.owner == "Leisure Services Manager"


def test_monitoring_that_states_no_plan_is_only_mentioned() -> None:
    text = ("# Monitoring\nTake-up figures and complaints about the service have been reported to the board each "
            "quarter against indicators broken down by age and disability.")
    assert structure(doc_from_lines(text)).monitoring.status.value == "mentioned"


def test_a_report_phrase_that_names_engagement_reports_it_without_an_activity_word() -> None:
    (event,) = structure(doc_from_lines("# Consultation\nResidents were consulted in March 2024.")).engagement
    assert event.who == ["Residents"]
    assert not structure(doc_from_lines("# Consultation\nThe repair work was carried out in March 2024.")).engagement


def test_groups_that_took_part_are_read_in_welsh_whatever_their_mutation() -> None:
    text = "# Ymgynghori\nCynhaliwyd tri gweithdy gyda phlant a phobl ifanc ym mis Mawrth 2024."
    (event,) = structure(doc_from_lines(text)).engagement
    assert "phobl ifanc" in event.who


def test_stakeholders_name_nobody_in_english_or_welsh() -> None:
    for text in ("# Consultation\nA survey of key stakeholders ran in May 2024.",
                 "# Ymgynghori\nCynhaliwyd arolwg ar-lein gyda rhanddeiliaid ym mis Mai 2024."):
        (event,) = structure(doc_from_lines(text)).engagement
        assert not any(w.lower() in {"key stakeholders", "stakeholders", "rhanddeiliaid"} for w in event.who), text


def test_figures_reported_by_group_are_indicators_in_english_and_welsh() -> None:
    for text in ("# Monitoring and review\nWe will monitor participation and exemption uptake by group each term, "
                 "reporting to the Scrutiny Committee.",
                 "# Monitro ac adolygu\nByddwn yn monitro'r defnydd o'r gwasanaeth yn ôl grŵp bob tymor, gan adrodd "
                 "i'r Pwyllgor Craffu."):
        assert structure(doc_from_lines(text)).monitoring.indicators, text


@pytest.mark.parametrize(("text", "cycle"), [
    ("# Monitoring\nWe will report take-up by age band each year. The working group will review the data every "
     "six months.", "every six months"),
    ("# Monitro\nByddwn yn adrodd ar y nifer fesul grŵp oedran. Bydd y grŵp gwaith yn adolygu'r data bob chwe mis.",
     "bob chwe mis"),
])
def test_a_recurring_review_is_a_review_trigger(text: str, cycle: str) -> None:
    assert structure(doc_from_lines(text)).monitoring.review_cycle == cycle


def test_monitoring_every_quarter_is_not_a_review_of_the_assessment() -> None:
    text = "# Monitoring\nThe manager will monitor use of the service by age and disability every quarter."
    assert structure(doc_from_lines(text)).monitoring.review_cycle == ""


def test_a_year_alone_in_the_due_column_is_a_deadline() -> None:
    text = ("# Action plan\n| Action | Owner | By |\n|---|---|---|\n"
            "| Keep both pools open until the new pool opens | Head of Leisure | 2029 |\n"
            "| Two Changing Places rooms in the new design | Project Manager | Design stage, 2026 |")
    dues = [m.due for m in structure(doc_from_lines(text)).mitigations]
    assert [d.year if d else None for d in dues] == [2029, 2026]
