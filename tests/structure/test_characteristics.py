"""Characteristic statuses from short texts written for these tests."""
from __future__ import annotations

from eia_rules.model import IIARecord
from eia_rules.structure import structure

from .helpers import doc_from_lines


def status(text: str, key: str) -> str:
    return structure(doc_from_lines(text)).characteristics[key].status.value


def _table(rows: str) -> IIARecord:
    """The record of a characteristics table with these '| group | impact | reason |' rows."""
    return structure(doc_from_lines("| Characteristic | Impact | Reason |\n|---|---|---|\n" + rows))


def test_synonyms_name_their_characteristic() -> None:
    record = structure(doc_from_lines(
        "The service is used by pensioners, wheelchair users, trans people, Gypsy and Traveller families, "
        "faith groups, gay and bisexual men, expectant mothers and married couples."))
    for key in ("age", "disability", "gender_reassignment", "race", "religion_belief", "sexual_orientation",
                "pregnancy_maternity", "marriage_civil_partnership"):
        assert record.characteristics[key].status.value == "listed", key


def test_substrings_do_not_match() -> None:
    text = ("See the usage figures on page 4 of the agenda. Staff embraced the change at the racecourse in Essex; "
            "the sextant was restored.")
    record = structure(doc_from_lines(text))
    assert all(c.status.value == "absent" for c in record.characteristics.values())


def test_boilerplate_list_is_listed_and_blanket_phrase_is_absent() -> None:
    text = ("The Act protects these characteristics: age, disability, gender reassignment, marriage and civil "
            "partnership, pregnancy and maternity, race, religion or belief, sex and sexual orientation.")
    record = structure(doc_from_lines(text))
    assert {c.status.value for c in record.characteristics.values()} == {"listed"}
    blanket = structure(doc_from_lines("We considered people with protected characteristics throughout."))
    assert {c.status.value for c in blanket.characteristics.values()} == {"absent"}


def test_bare_na_is_asserted_non_assessment() -> None:
    record = structure(doc_from_lines("| Characteristic | Impact |\n|---|---|\n| Religion or belief | N/A |\n| Age | Neutral |"))
    age = record.characteristics["age"]
    assert age.status.value == "asserted" and age.impact == "neutral" and age.non_assessment
    assert record.characteristics["religion_belief"].status.value in ("asserted", "listed")


def test_judgement_with_reasons_is_assessed() -> None:
    text = ("# Disability\nWe expect a positive impact: the new library entrance is step-free, lifts are being "
            "installed on both floors and hearing loops will be fitted at every counter.")
    record = structure(doc_from_lines(text))
    disability = record.characteristics["disability"]
    assert disability.status.value == "assessed" and disability.impact == "positive"
    assert "step-free" in disability.reasons


def test_ticked_negative_with_reason_column_is_assessed_negative() -> None:
    text = ("| Group | Positive | Negative | Neutral | Reason |\n|---|---|---|---|---|\n"
            "| Age | | ☒ | | Older residents rely on the mobile library route that is being cut, and few drive. |\n"
            "| Sex | | | ☒ | |")
    record = structure(doc_from_lines(text))
    age = record.characteristics["age"]
    assert (age.status.value, age.impact) == ("assessed", "negative")
    assert age.locations and age.locations[0].table == 1 and age.locations[0].row == 2
    assert record.characteristics["sex"].status.value == "asserted"


def test_grouped_characteristics_share_one_answer() -> None:
    text = "Sex and gender reassignment: no negative impact because the changing rooms are all individual cubicles."
    record = structure(doc_from_lines(text))
    assert record.characteristics["sex"].grouped_with == ["gender_reassignment"]
    assert record.characteristics["gender_reassignment"].impact == "none"


def test_group_named_in_organisation_name_is_not_an_assessment() -> None:
    text = "We met the Disability and Carers Advisory Group to discuss timetables."
    assert status(text, "disability") == "absent"


def test_welsh_non_assessment() -> None:
    record = structure(doc_from_lines("| Nodwedd | Effaith |\n|---|---|\n| Oedran | Dim effaith |"))
    age = record.characteristics["age"]
    assert age.status.value == "asserted" and age.non_assessment


def test_a_reason_citing_guidance_is_still_a_reason() -> None:
    text = ("| Characteristic | Impact | Reasons |\n|---|---|---|\n"
            "| Gender reassignment | Neutral | Trans people are affected in the same way as others. Staff will "
            "follow the inclusive language guidance already used at the other site. |")
    assert structure(doc_from_lines(text)).characteristics["gender_reassignment"].status.value == "assessed"


def test_a_tick_in_the_na_column_is_a_bare_judgement() -> None:
    text = ("| Characteristic | Positive | Negative | N/A | Reasons |\n"
            "| Religion or belief | ☐ | ☐ | ☒ | |\n"
            "| Age | ☐ | ☒ | ☐ | Older people rely on the Tuesday bus to reach the surgery and shops in town. |")
    record = structure(doc_from_lines(text))
    religion = record.characteristics["religion_belief"]
    assert religion.status.value == "asserted"
    assert religion.impact == "none"
    assert record.characteristics["age"].status.value == "assessed"


def test_na_written_in_a_sentence_is_a_judgement() -> None:
    assert status("Marriage and civil partnership: N/A", "marriage_civil_partnership") == "asserted"
    assert status("Marriage and civil partnership: not applicable", "marriage_civil_partnership") == "asserted"


def test_a_heading_naming_two_groups_opens_a_section_about_both() -> None:
    text = ("# Sex\n"
            "Impact: Positive. Women over seventy are twice as likely as men to be offline, according to the National Survey for Wales.\n"
            "# Pregnancy and maternity; marriage and civil partnership\n"
            "Impact: Neutral. Parents on maternity leave can use the evening sessions, and nothing in the "
            "programme depends on whether someone is married or in a civil partnership.\n"
            "# Race\n"
            "Impact: Positive. Refugees can book an interpreter for every session, and leaflets will be translated into Arabic, Polish and Romanian.")
    record = structure(doc_from_lines(text))
    for key in ("pregnancy_maternity", "marriage_civil_partnership", "sex", "race"):
        assert record.characteristics[key].status.value == "assessed", key
    assert record.characteristics["pregnancy_maternity"].grouped_with == ["marriage_civil_partnership"]


def test_an_lgbtq_row_is_the_entry_for_sexual_orientation_and_gender_reassignment() -> None:
    text = ("| Characteristic | Impact | Reasons |\n|---|---|---|\n"
            "| Age | Positive | Young people aged 16 to 24 call most often in the evening, when the local line was "
            "closed; the national service answers around the clock. |\n"
            "| LGBTQ+ people | Positive | LGBTQ+ young people have higher rates of self-harm; staff receive inclusive "
            "practice training from a national charity. |")
    chars = structure(doc_from_lines(text)).characteristics
    for key in ("sexual_orientation", "gender_reassignment"):
        assert (chars[key].status.value, chars[key].impact) == ("assessed", "positive"), key
        assert chars[key].locations[0].row == 3
    assert chars["age"].status.value == "assessed"  # 'LGBTQ+ young people' is two groups, not a list of three


def test_an_umbrella_term_counts_once_in_a_list() -> None:
    listed = structure(doc_from_lines("The service is used by older people, disabled people and LGBTQ+ people: "
                                      "positive impact.")).characteristics
    assert {listed[k].status.value for k in ("age", "disability", "sexual_orientation", "gender_reassignment")} \
        == {"asserted"}
    label = structure(doc_from_lines("LGBTQ+ people\nImpact: Positive. The mediation provider has completed training "
                                     "with a national LGBTQ+ youth charity on family breakdown.")).characteristics
    assert label["gender_reassignment"].status.value == "assessed"
    assert label["sexual_orientation"].status.value == "assessed"


_PASTED = ("The scheme is not expected to affect anyone differently, and any later changes to the "
           "timetable will be assessed separately when they are proposed.")


def test_one_reason_pasted_into_every_row_is_no_reason_for_any() -> None:
    rows = "\n".join(f"| {group} | Neutral | {_PASTED} |" for group in ("Age", "Disability", "Race", "Sex"))
    record = _table(rows)
    assert {record.characteristics[k].status.value for k in ("age", "disability", "race", "sex")} == {"asserted"}


def test_a_copy_cut_short_is_still_a_copy_and_two_rows_alone_are_not_pasting() -> None:
    cut = _PASTED[:90]
    rows = f"| Age | Neutral | {_PASTED} |\n| Disability | Neutral | {_PASTED} |\n| Race | Neutral | {cut}"
    record = _table(rows)
    assert record.characteristics["race"].status.value == "asserted"
    two = f"| Age | Neutral | {_PASTED} |\n| Disability | Neutral | {_PASTED} |"
    record = _table(two)
    assert record.characteristics["age"].status.value == "assessed"


def test_a_row_that_says_more_than_the_pasted_line_keeps_its_reasons() -> None:
    own = ("Blue Badge holders keep the free bays beside the surgery entrance, so disabled patients still "
           "park within twenty metres.")
    rows = (f"| Age | Neutral | {_PASTED} |\n| Race | Neutral | {_PASTED} |\n| Sex | Neutral | {_PASTED} |\n"
            f"| Disability | Positive | {_PASTED} {own} |")
    record = _table(rows)
    assert record.characteristics["disability"].status.value == "assessed"
    assert record.characteristics["age"].status.value == "asserted"


def test_children_and_pupils_stand_for_age_in_english_and_welsh() -> None:
    assert status("The clubs are used mainly by children and their parents after school.", "age") == "listed"
    assert status("Mae'r clybiau'n cael eu defnyddio gan blant a'u rhieni ar ôl ysgol.", "age") == "listed"
    assert status("Most of the pupils who use the route live in the two villages.", "age") == "listed"


def test_a_judged_children_section_with_reasons_assesses_age() -> None:
    text = ("Children's rights\n\n"
            "Children will be affected: the school crossing patrol moves 200 metres north, so children from "
            "the Heol y Bryn estate will cross at the new signal-controlled junction instead. The new crossing "
            "has a longer green phase, which makes it safer for younger children walking alone.")
    assert status(text, "age") == "assessed"


def test_a_list_judged_all_at_once_is_asserted_for_each_never_assessed() -> None:
    text = ("The Council has considered age, disability, race, sex and religion or belief and there is no "
            "impact on any of these groups as the increase applies to everyone equally.")
    record = structure(doc_from_lines(text))
    statuses = {record.characteristics[k].status.value for k in ("age", "disability", "race", "sex", "religion_belief")}
    assert statuses == {"asserted"}
    assert all(record.characteristics[k].non_assessment for k in ("age", "disability", "race"))


def test_benefits_discrimination_and_more_of_an_impact_are_judgements() -> None:
    benefits = ("The new bus pass will bring benefits for older people, who make most of the off-peak journeys "
                "on the valley routes that the pass now covers.")
    assert status(benefits, "age") == "assessed"
    heavier = ("Moving hearings online may have more of an impact on disabled people with a visual impairment, "
               "because the video platform relies on reading documents shared on screen.")
    assert status(heavier, "disability") == "assessed"
    assert status("The policy does not unlawfully discriminate against people because of their race.", "race") == "asserted"
    # 'address discrimination' is the policy's aim, not a judgement that there is none
    assert status("The project does not directly address discrimination against older people.", "age") == "listed"


def test_a_row_that_notes_missing_data_and_then_gives_reasons_is_assessed() -> None:
    row = ("| Sexual orientation | Neutral | We found no evidence that gay or bisexual residents use the depot "
           "differently. The LGBT+ forum told us the booking form asked for a title and a partner's name, so the "
           "new form asks only for the name the resident uses. |")
    record = _table(row)
    entry = record.characteristics["sexual_orientation"]
    assert entry.status.value == "assessed" and entry.data_gap
    bare_gap = "| Race | Neutral | There is no evidence that the change will affect people differently because of their race. |"
    record = _table(bare_gap)
    assert record.characteristics["race"].status.value == "asserted"


def test_the_learners_a_reason_is_about_count_as_its_words() -> None:
    row = ("| Marriage and civil partnership | Neutral | Very few learners aged 16 to 19 are married or in a "
           "civil partnership and eligibility does not depend on marital status. No differential effect was "
           "identified. |")
    record = _table(row)
    assert record.characteristics["marriage_civil_partnership"].status.value == "assessed"


def test_a_section_on_one_group_that_says_what_they_can_no_longer_do_is_assessed() -> None:
    """Under the group's heading, 'will not be able to attend' and 'may particularly affect'
    state the effect without a rating word: a negative judgement with its reasons."""
    text = ("# Religion or belief\nWorshippers will not be able to attend the chapel of rest during the "
            "refurbishment, and for some families this is an integral part of their faith. The closure may "
            "particularly affect the Hindu community, whose funeral rites need the viewing room for two days.")
    belief = structure(doc_from_lines(text)).characteristics["religion_belief"]
    assert (belief.status.value, belief.impact) == ("assessed", "negative")


def test_being_able_to_do_more_is_good_news_and_being_unable_is_not() -> None:
    good = ("# Disability\nWheelchair users will be able to reach every counter once the ramp at the main "
            "entrance and the lowered desks at the library are installed next spring.")
    bad = ("# Disability\nWheelchair users will not be able to reach the counter while the ramp at the main "
           "entrance of the library is closed for the six weeks of the works.")
    assert structure(doc_from_lines(good)).characteristics["disability"].impact == "positive"
    assert structure(doc_from_lines(bad)).characteristics["disability"].impact == "negative"


def test_a_short_line_that_only_says_a_group_may_be_affected_is_not_assessed() -> None:
    text = "# Age\nThis may particularly affect older people."
    assert status(text, "age") != "assessed"


def test_a_data_gap_filled_by_a_plan_later_in_the_entry_is_planned() -> None:
    """'Positive, with limited data. ... Because we do not record ethnicity, we will add a
    voluntary question': the entry says how the missing data will be got."""
    text = ("# Race\nPositive, with limited data. Families at the estate said they feel unwelcome at the centre, "
            "and the community fund will give priority to groups that reach them. Because we do not record "
            "ethnicity, we will add a voluntary question to the membership form.")
    race = structure(doc_from_lines(text)).characteristics["race"]
    assert race.data_gap and race.data_gap_action
    unplanned = structure(doc_from_lines(
        "# Race\nPositive, with limited data. Families at the estate said they feel unwelcome at the centre, "
        "and the community fund will give priority to groups that reach them.")).characteristics["race"]
    assert unplanned.data_gap and not unplanned.data_gap_action


def test_a_row_repeating_the_column_headings_starts_its_groups_part_of_the_table() -> None:
    """One table for all groups, each group's part opened by a row that repeats the headings
    ('Sex | Positive | Negative | Reasons'): the aim rows under it are about that group."""
    record = _table_with_parts()
    age, sex = record.characteristics["age"], record.characteristics["sex"]
    assert age.status.value == "assessed" and "walk" in age.reasons
    assert sex.status.value == "assessed" and "changing rooms" in sex.reasons and "changing rooms" not in age.reasons


def _table_with_parts() -> IIARecord:
    return structure(doc_from_lines(
        "| Age | Positive | Negative | Reasons |\n|---|---|---|---|\n"
        "| Eliminating discrimination | X | | Older members can walk to the new centre from the bus station. |\n"
        "| Advancing equality | X | | Concession prices for over-60s are kept at the new centre. |\n"
        "| Sex | Positive | Negative | Reasons |\n"
        "| Eliminating discrimination | X | | Separate changing rooms are provided for women and men. |\n"
        "| Advancing equality | X | | Women-only swimming sessions rise from two to four a week. |\n"))
