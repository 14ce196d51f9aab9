"""Engagement, ways of working, topics, metadata, dates and suppressions from short texts."""
from __future__ import annotations

from datetime import date

import pytest

from eia_rules.structure import structure
from eia_rules.structure.dates import find_dates

from .helpers import doc_from_lines


def _ways(text: str) -> dict[str, str]:
    """Each way of working's status in the record of `text`."""
    return {k: w.status.value for k, w in structure(doc_from_lines(text)).ways_of_working.items()}


def test_engagement_details() -> None:
    text = ("Consultation ran from 1 April 2024 to 24 June 2024 with the county disability forum and older "
            "people's groups, through an online survey and two workshops. We received 312 responses. "
            "As a result we changed the opening hours.")
    record = structure(doc_from_lines(text))
    assert len(record.engagement) == 1
    event = record.engagement[0]
    assert event.start == date(2024, 4, 1) and event.end == date(2024, 6, 24) and event.duration_days == 85
    assert {"survey", "workshop"} <= set(event.methods)
    assert {"disability", "age"} <= set(event.represents)
    assert event.responses == 312 and event.responses_considered
    assert "changed" in event.changes_made and not event.vague


def test_vague_consultation_and_prompts() -> None:
    vague = structure(doc_from_lines("A consultation was held."))
    assert len(vague.engagement) == 1 and vague.engagement[0].vague
    prompt = structure(doc_from_lines("Who have you consulted about this proposal?\nPlease attach any consultation reports."))
    assert prompt.engagement == []


def test_ways_of_working_evidenced_versus_mentioned() -> None:
    text = ("# Five ways of working\nLong term:\nThe new depot is sized for the fleet we expect in 2040, so services "
            "can grow without a second building and running costs fall as electric vehicles replace diesel.\n"
            "Prevention:\nN/A")
    ways = _ways(text)
    assert [ways[w] for w in ("long_term", "prevention", "involvement")] == ["evidenced", "mentioned", "mentioned"]


def test_policy_subject_is_not_a_way_of_working() -> None:
    ways = _ways("The scheme funds the prevention of homelessness for young adults leaving care.")
    assert set(ways.values()) == {"absent"}


def test_socio_economic_addressed_and_mentioned() -> None:
    addressed = structure(doc_from_lines(
        "# Socio-economic Duty\nFamilies on low incomes in the most deprived areas of the county pay most of "
        "the bus fares; lone parents told us fares take a large share of their budget, so the flat fare is "
        "expected to reduce inequality of outcome in access to work and college."))
    se = addressed.socio_economic
    assert se.status.value == "addressed"
    assert se.flags["communities_of_place"] and se.flags["communities_of_interest"] and se.flags["inequality_of_outcome"]
    mentioned = structure(doc_from_lines("This form covers the Socio-economic Duty."))
    assert mentioned.socio_economic.status.value == "mentioned"


def test_uk_dates() -> None:
    found = [d for d, _ in find_dates("Completed 1 April 2024, reviewed 01/04/2025, next due March 2026.")]
    assert found == [date(2024, 4, 1), date(2025, 4, 1), date(2026, 3, 1)]


def test_metadata_labels_and_locations() -> None:
    text = ("Name of policy: Library opening hours\nOfficer completing: Jane Price\nDate: 3 May 2024\n"
            "Version: 2.1\nApproved by: Head of Culture")
    meta = structure(doc_from_lines(text)).metadata
    assert meta.title == "Library opening hours" and meta.author == "Jane Price"
    assert meta.assessment_date == date(2024, 5, 3) and meta.version == "2.1" and meta.approver == "Head of Culture"
    assert meta.field_locations["author"][0].line == 2


def test_welsh_language_document() -> None:
    text = "Mae'r cynnig yn effeithio ar bobl hŷn yn y sir ac nid oes effaith ar y Gymraeg hyd yn hyn."
    record = structure(doc_from_lines(text))
    assert record.metadata.language == "cy"
    assert record.characteristics["age"].status.value == "listed"


def test_suppressions() -> None:
    text = ("Intro.\neia-rules: ignore SE003 -- not a strategic decision\neia-rules: ignore PC004, WL002 -- agreed with legal\n"
            "eia-rules: ignore GV001")
    sup = structure(doc_from_lines(text)).suppressions
    assert [(s.code, s.reason) for s in sup] == [
        ("SE003", "not a strategic decision"), ("PC004", "agreed with legal"), ("WL002", "agreed with legal"), ("GV001", "")]
    assert sup[0].locations[0].line == 2


def test_signals_with_locations() -> None:
    text = "Background.\nOlder disabled women face multiple disadvantage.\nThis assessment is retrospective."
    signals = structure(doc_from_lines(text)).signals
    assert signals["intersectionality"].locations[0].line == 2
    assert signals["retrospective"].locations[0].line == 3


def test_structure_is_pure() -> None:
    doc = doc_from_lines("# Age\nNeutral impact because the service is open to all ages equally by appointment.")
    assert structure(doc).model_dump() == structure(doc).model_dump()


def test_setting_wellbeing_objectives_is_read_from_statements_in_english_and_welsh() -> None:
    english = structure(doc_from_lines("Intro\nThe Council is refreshing its Corporate Plan and setting new well-being objectives."))
    welsh = structure(doc_from_lines("Cyflwyniad\nMae'r Cyngor yn adolygu ei amcanion llesiant ar gyfer 2025-2030."))
    assert english.signals["sets_wellbeing_objectives"].locations[0].line == 2
    assert "sets_wellbeing_objectives" in welsh.signals


def test_a_reference_to_the_corporate_plan_or_a_prompt_is_not_setting_objectives() -> None:
    text = ("Does the proposal set or revise the Council's well-being objectives?\n"
            "The new opening hours support the corporate plan. Review date: March 2026.")
    assert "sets_wellbeing_objectives" not in structure(doc_from_lines(text)).signals


def test_a_group_named_in_engagement_shows_whom_it_represents() -> None:
    text = "Consultation\nWe held workshops with the Youth Council and the Disability Access Forum in August 2024."
    assert {"age", "disability"} <= set(structure(doc_from_lines(text)).engagement[0].represents)


def test_reducing_inequality_stated_as_targeting_counts() -> None:
    text = ("# Socio-economic duty\nHouseholds on low incomes in the most deprived wards rely on the service. "
            "Funding is prioritised by a score that doubles the weight of deprivation.")
    assert structure(doc_from_lines(text)).socio_economic.flags["reduce_inequality"]


def test_way_of_working_rows_are_read_from_their_own_cells() -> None:
    text = ("# Sustainable development principle - five ways of working\n"
            "| Way of working | How the proposal applies it |\n|---|---|\n"
            "| Long term | We modelled post-16 participation and bus demand to 2035 using the projected fall in the sixteen to eighteen population and college travel surveys. |\n"
            "| Prevention | Yes |")
    ways = _ways(text)
    assert [ways[w] for w in ("long_term", "prevention")] == ["evidenced", "mentioned"]


def test_guidance_naming_the_five_ways_is_not_a_mention() -> None:
    text = "Guidance: describe how the proposal applies each of the five ways of working."
    assert _ways(text)["long_term"] == "absent"


def test_the_answer_to_the_strategic_question_decides_whether_the_decision_is_strategic() -> None:
    no = structure(doc_from_lines("| Is this a strategic decision? | No |"))
    yes = structure(doc_from_lines("| Is this a strategic decision? | Yes |"))
    assert no.metadata.is_strategic is False and yes.metadata.is_strategic is True


def test_a_proposal_discussed_with_a_forum_is_engagement() -> None:
    record = structure(doc_from_lines("The proposal was discussed with the Mental Health Service User Forum in March 2024."))
    assert len(record.engagement) == 1 and not record.engagement[0].vague


def test_a_ticked_yes_to_the_engagement_question_reports_vague_engagement() -> None:
    record = structure(doc_from_lines("| Has engagement taken place? | ☒ Yes ☐ No |"))
    assert len(record.engagement) == 1 and record.engagement[0].vague
    unticked = structure(doc_from_lines("| Has engagement taken place? | ☐ Yes ☒ No |"))
    assert unticked.engagement == []


def test_a_panel_that_discussed_the_proposal_is_engagement_and_stakeholders_name_nobody() -> None:
    panel = structure(doc_from_lines("The Patient Panel discussed the proposal on 12 March 2024."))
    assert panel.engagement and not panel.engagement[0].vague
    welsh = structure(doc_from_lines("Ymgynghorwyd â rhanddeiliaid."))
    assert len(welsh.engagement) == 1 and welsh.engagement[0].vague


def test_every_sentence_of_a_guidance_paragraph_is_guidance() -> None:
    text = ("Guidance: describe how the proposal applies the principle. For each of the five ways of working, "
            "say what you actually did.")
    assert _ways(text)["long_term"] == "absent"


def test_ways_named_under_a_future_generations_heading_count_in_the_acts_sense() -> None:
    text = ("# 5. Well-being of Future Generations\n"
            "The proposal takes a long-term view and involves collaboration with partners.")
    ways = _ways(text)
    assert [ways[w] for w in ("long_term", "collaboration", "prevention")] == ["mentioned", "mentioned", "absent"]
    assert _ways("# 2. The proposal\nThe grant takes a long-term view of housing need.")["long_term"] == "absent"


def test_each_way_in_an_inline_list_is_judged_on_its_own_answer() -> None:
    text = ("Future generations: long term - the targets are set against 2035 workforce projections and "
            "census trends; prevention - yes.")
    ways = _ways(text)
    assert [ways[w] for w in ("long_term", "prevention")] == ["evidenced", "mentioned"]


def test_the_rest_of_a_prompt_heading_is_never_a_metadata_value() -> None:
    text = ("# 2. Clinical Board or Directorate and lead member of staff\n"
            "Planned Care Clinical Board. Lead - Siân Rowlands, Outpatient Transformation Lead.")
    meta = structure(doc_from_lines(text)).metadata
    assert meta.service_area.startswith("Planned Care Clinical Board")
    assert "Directorate" not in meta.service_area


def test_a_ticked_no_to_the_full_assessment_question_screens_out() -> None:
    record = structure(doc_from_lines("| Is a full Equality Impact Assessment required? | ☐ Yes ☒ No |"))
    assert "screening_out" in record.signals
    assert "screening_out" not in structure(doc_from_lines(
        "| Is a full Equality Impact Assessment required? | ☒ Yes ☐ No |")).signals


def test_a_note_that_opens_with_a_sentence_has_no_title() -> None:
    untitled = structure(doc_from_lines("The mobile library will stop at each village once a fortnight from April."))
    assert untitled.metadata.title == ""
    titled = structure(doc_from_lines("Mobile library timetable\nThe van will stop once a fortnight from April."))
    assert titled.metadata.title == "Mobile library timetable"


def test_an_unanswered_monitoring_heading_is_not_monitoring() -> None:
    blank = structure(doc_from_lines("# 8. Monitoring\n[enter text]"))
    assert blank.monitoring.status.value == "absent"
    placeholder = structure(doc_from_lines("# 8. How will the impact be monitored?\nTo be confirmed."))
    assert placeholder.monitoring.status.value == "absent"
    named = structure(doc_from_lines("# 8. Monitoring\nUse of the service will be monitored."))
    assert named.monitoring.status.value != "absent"


def test_a_youth_council_shaping_the_proposal_counts_as_childrens_views_sought() -> None:
    english = structure(doc_from_lines("Children's rights: the plan was shaped by the Youth Council and refers "
                                       "to Articles 2 and 12 of the UNCRC.")).childrens_rights
    welsh = structure(doc_from_lines("Hawliau plant: lluniwyd y cynllun gyda'r Cyngor Ieuenctid, yn unol ag "
                                     "erthygl 12 o CCUHP.")).childrens_rights
    assert english.flags["views_sought"] and english.flags["uncrc_articles"]
    assert welsh.flags["views_sought"]
    named_only = structure(doc_from_lines("Children's rights: the UNCRC applies.")).childrens_rights
    assert not named_only.flags["views_sought"]


def test_a_service_at_no_cost_to_people_on_low_incomes_addresses_the_socio_economic_duty() -> None:
    text = ("# Socio-economic duty\nPeople on low incomes are more likely to rely on pay-as-you-go data or shared "
            "devices. The portal works on low-bandwidth connections and is zero-rated on two mobile networks, so "
            "using it will not cost data; paper letters remain free of charge for anyone who prefers them.")
    topic = structure(doc_from_lines(text)).socio_economic
    assert topic.status.value == "addressed" and topic.flags["reduce_inequality"]
    generic = structure(doc_from_lines("# Socio-economic duty\nThe portal will benefit everyone in the county, "
                                       "including people on low incomes.")).socio_economic
    assert generic.status.value == "mentioned"


def test_keeping_welsh_medium_provision_considers_opportunities_to_use_welsh() -> None:
    text = ("# Welsh language\nThe Urdd runs Welsh-medium youth activity in two of the four closing clubs on a weekly "
            "basis; these sessions will move to school halls so Welsh-medium provision is kept.")
    topic = structure(doc_from_lines(text)).welsh_language
    assert topic.flags["opportunities"] and topic.status.value == "addressed"
    named = structure(doc_from_lines("# Welsh language\nThe Welsh Language Standards were considered.")).welsh_language
    assert not named.flags["opportunities"] and named.status.value == "mentioned"


def test_welsh_articles_and_childrens_views_are_read() -> None:
    text = ("# Hawliau plant\nMae'r cynllun yn berthnasol i Erthygl 12 (parch at farn y plentyn) ac Erthygl 15 o CCUHP. "
            "Gofynnwyd barn plant a phobl ifanc drwy'r gweithdai a'r ymgynghoriad.")
    flags = structure(doc_from_lines(text)).childrens_rights.flags
    assert flags["uncrc_articles"] and flags["views_sought"]


def test_views_of_children_and_young_people_count_as_both_views_and_children_affected() -> None:
    for text in ("# Children's rights\nWe sought the views of children and young people at two youth clubs.",
                 "# Hawliau plant\nGofynnwyd barn plant a phobl ifanc drwy'r gweithdai."):
        flags = structure(doc_from_lines(text)).childrens_rights.flags
        assert flags["views_sought"] and flags["children_affected"], text


def test_a_heading_that_asks_or_says_how_it_will_be_checked_opens_monitoring() -> None:
    """'How we will check', 'How will the effect be monitored and evaluated?' and the Welsh
    'Sut byddwn ni'n monitro' head a monitoring section as 'Monitoring' does."""
    body = ("The Libraries Manager will report visits to the mobile library and home deliveries each "
            "quarter, broken down by age band and disability, to the Communities Scrutiny Committee.")
    for heading in ("How we will check", "4.2 How will the effect of the change be monitored and evaluated?",
                    "Sut byddwn ni'n monitro'r effaith"):
        record = structure(doc_from_lines(f"# {heading}\n{body}\n# Sign-off\nApproved by | Head of Service"))
        assert record.monitoring.status.value == "addressed", heading
        assert record.monitoring.indicators, heading


def test_measures_broken_down_by_group_are_indicators() -> None:
    """Monitoring that reports figures by age group, or so that groups can be compared, says what
    will show the effect on each group; a bare promise to monitor does not."""
    by_group = structure(doc_from_lines(
        "# Monitoring\nThe Registrar will report waiting times by age group and the feedback survey will ask "
        "about disability so that results can be compared between groups."))
    assert by_group.monitoring.indicators
    bare = structure(doc_from_lines(
        "# Monitoring\nThe Registrar will report waiting times and complaints to the board each quarter."))
    assert not bare.monitoring.indicators


def test_a_review_of_past_evidence_is_not_monitoring() -> None:
    """'We reviewed five years of incidents' in the evidence section describes the evidence; only
    a plan there ('will be reviewed') is about checking the change's effect."""
    past = structure(doc_from_lines(
        "# Evidence\nWe reviewed the 52 falls recorded at the centre between 2020 and 2024, and most involved "
        "people over 80."))
    assert past.monitoring.status.value == "absent"
    plan = structure(doc_from_lines(
        "# Evidence\nThe falls data will be reviewed every quarter by the Centre Manager and reported by age group."))
    assert plan.monitoring.status.value != "absent"


def test_engagement_scheduled_in_the_action_plan_or_monitoring_is_planned() -> None:
    """A session the action plan or the monitoring schedules ('Review with users six months after
    opening') is engagement still to come; the survey that informed the proposal is not."""
    record = structure(doc_from_lines(
        "# Consultation\nA survey of 230 pool users ran from 3 March to 14 April 2025 and the Disability Forum "
        "was consulted.\n"
        "# Action plan\n| Action | Owner | Date |\n|---|---|---|\n"
        "| Run a survey of changing-room users six months after opening | Leisure Manager | "
        "March 2026 |\n"
        "# How we will check\nWe will hold a further focus group with pool users in April 2026 to hear "
        "how the new timetable is working."))
    assert len(record.engagement) == 3
    assert sorted(e.planned for e in record.engagement) == [False, True, True]
    assert not next(e for e in record.engagement if e.start and e.start.year == 2025).planned


def test_a_plan_to_engage_stated_outside_the_consultation_section_is_planned() -> None:
    record = structure(doc_from_lines(
        "The pool will close on 1 June 2025.\nAn online survey will run from 1 to 30 July 2025 to ask users how the "
        "change is working."))
    assert [e.planned for e in record.engagement] == [True]


def test_headings_that_say_whom_we_heard_from_open_the_consultation_section() -> None:
    """'Who we heard from' and the question 'How have people affected been involved in developing
    it?' head the consultation: what changed, said in the next paragraph, belongs to it."""
    for heading in ("3. Who we heard from", "8.1 How have the people most affected been involved in developing it?",
                    "Pwy y buom yn siarad â nhw"):
        record = structure(doc_from_lines(
            f"# {heading}\nA survey of 310 bus users ran from 2 June to 14 July 2025.\n"
            "What changed as a result: the 7am service will stay, because shift workers said it was their only way "
            "to work.\n# Sign-off\nApproved by | Head of Transport"))
        assert [bool(e.changes_made) for e in record.engagement] == [True], heading


def test_a_you_said_we_did_table_reports_the_changes() -> None:
    record = structure(doc_from_lines(
        "# Engagement\nA consultation on the draft plan ran from 3 March to 26 May 2025 and received 640 responses.\n"
        "| You said | We did |\n|---|---|\n"
        "| The Saturday bus is the only way to the market | The Saturday service stays |\n"
        "| Timetables are hard to read | Large-print timetables at every stop |"))
    assert len(record.engagement) == 1
    assert "Saturday service stays" in record.engagement[0].changes_made


def test_engagement_offered_in_a_list_of_languages_is_bilingual_but_a_bilingual_service_is_not() -> None:
    """'in Welsh, English, Easy Read and BSL' said of the consultation shows Welsh speakers could
    take part; the same words about ceremony scripts or signs describe the service."""
    listed = structure(doc_from_lines(
        "# Consultation\nWe ran a survey of 300 residents from 2 June to 25 August 2025, in Welsh, English, Easy Read "
        "and BSL."))
    assert "bilingual_engagement" in listed.signals
    replies = structure(doc_from_lines("We ran a survey of tenants in May 2025. We received 300 responses, 41 of them in Welsh."))
    assert "bilingual_engagement" in replies.signals
    service = structure(doc_from_lines(
        "# Consultation\nA survey of 300 couples ran in May 2025.\n# The Welsh language\n"
        "Ceremony scripts are available in Welsh, English or bilingually."))
    assert "bilingual_engagement" not in service.signals


def test_people_affected_in_more_than_one_way_is_intersectionality() -> None:
    """A heading 'Intersecting characteristics' or 'Some people are affected in more than one
    way', followed by the groups, considers intersectionality."""
    for text in ("# Intersecting characteristics\nOlder disabled women in rural areas wait longest.",
                 "Some people are affected in more than one way. Older Deaf tenants face both a longer journey "
                 "and no interpreter.",
                 "The survey will let us compare combinations of characteristics, such as age and sex together."):
        assert "intersectionality" in structure(doc_from_lines(text)).signals, text


def test_a_wellbeing_objective_named_in_quotes_is_linked_in_english_and_welsh() -> None:
    english = structure(doc_from_lines(
        "We checked the proposal against our well-being objective 'Every learner reaches their potential'."))
    welsh = structure(doc_from_lines(
        "Gwnaethom wirio'r cynnig yn erbyn ein hamcan llesiant 'Pob dysgwr yn cyrraedd ei botensial'."))
    assert english.wellbeing_objectives.flags.get("linked") and welsh.wellbeing_objectives.flags.get("linked")
    # naming objectives in general is not linking the proposal to one
    general = structure(doc_from_lines("The Council publishes its well-being objectives each year."))
    assert not general.wellbeing_objectives.flags.get("linked")


def test_a_data_gap_with_a_plan_in_the_next_sentence_is_a_plan_and_one_without_is_not() -> None:
    planned = structure(doc_from_lines(
        "We do not hold reliable local data on trans learners. The colleges will share anonymised "
        "support data with us by March 2025."))
    assert "data_gap" in planned.signals and "data_gap_plan" in planned.signals
    unplanned = structure(doc_from_lines(
        "We do not hold reliable local data on trans learners.\n\nThe colleges will open in September."))
    assert "data_gap" in unplanned.signals and "data_gap_plan" not in unplanned.signals
    # 'will' about the proposal beside a gap is no plan to fill it
    proposal = structure(doc_from_lines(
        "There is very limited data available which suggests that staggered payments will be offered to older claimants."))
    assert "data_gap_plan" not in proposal.signals


def test_saying_the_proposal_was_changed_is_a_change_from_the_assessment_in_english_and_welsh() -> None:
    for text in ("As a result we changed the proposal: carers are now exempt from the charge.",
                 "O ganlyniad, rydym wedi newid y cynnig: mae gofalwyr bellach wedi'u heithrio."):
        assert "changes_from_assessment" in structure(doc_from_lines(text)).signals, text
    assert "changes_from_assessment" not in structure(doc_from_lines(
        "The policy changed little between 2019 and 2023.")).signals


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Between 3 March and 11 April 2025 we ran a survey.", date(2025, 3, 3), date(2025, 4, 11)),
    ("The survey ran from 1 September to 10 October 2025, online.", date(2025, 9, 1), date(2025, 10, 10)),
    ("Drop-in sessions were held 3-21 March 2025.", date(2025, 3, 3), date(2025, 3, 21)),
    ("We consulted from November to January 2025.", date(2024, 11, 1), date(2025, 1, 31)),
    ("The survey ran in February and March 2024.", date(2024, 2, 1), date(2024, 3, 31)),
    ("Cynhaliwyd arolwg rhwng 3 Mawrth a 11 Ebrill 2025.", date(2025, 3, 3), date(2025, 4, 11)),
])
def test_a_date_range_gives_both_ends_with_their_month_and_year(text: str, start: date, end: date) -> None:
    """Officers write a period with the month and year once, at its end; both ends are dates."""
    assert [d for d, _ in find_dates(text)] == [start, end]


def test_ages_either_side_of_a_month_are_not_a_range() -> None:
    assert [d for d, _ in find_dates("Learners aged 16 to 19 in May 2024.")] == [date(2024, 5, 1)]


def test_engagement_period_written_once_at_its_end_is_its_duration() -> None:
    """'from 2 June to 25 July 2025' states when the engagement ran: it has a duration, so the
    period is not reported as missing."""
    text = ("Consultation\nAn online survey ran from 2 June to 25 July 2025 and received 1,120 responses "
            "from residents and the access forum.")
    event = structure(doc_from_lines(text)).engagement[0]
    assert (event.start, event.end, event.duration_days) == (date(2025, 6, 2), date(2025, 7, 25), 54)


def test_engagement_period_is_the_stated_range_not_an_earlier_date() -> None:
    """A workshop month named before the consultation's own period does not shorten it."""
    text = ("Consultation\nWe held three workshops with young people in March 2024 and an online consultation "
            "from 8 April to 31 May 2024, which received 341 responses.")
    event = structure(doc_from_lines(text)).engagement[0]
    assert (event.start, event.end) == (date(2024, 4, 8), date(2024, 5, 31))


def test_two_meeting_days_joined_by_and_are_not_a_period() -> None:
    """'met on 21 August and 4 September 2024' names two meetings, not a fortnight's consultation."""
    assert [d for d, _ in find_dates("We met the forum on 21 August and 4 September 2024.")] == [date(2024, 9, 4)]


@pytest.mark.parametrize("text", [
    "Consultation\nFollowing Cabinet's decision, the operator will write to all members and hold a drop-in session "
    "in March 2026 to hear their concerns.",
    "Ymgynghori\nYn dilyn penderfyniad y Cabinet, bydd y gweithredwr yn ysgrifennu at bob aelod ac yn cynnal sesiwn "
    "galw heibio ym mis Mawrth 2026 i glywed eu pryderon.",
])
def test_engagement_said_to_follow_the_decision(text: str) -> None:
    assert structure(doc_from_lines(text)).engagement[0].follows_decision


def test_a_follow_up_after_the_decision_does_not_make_the_consultation_late() -> None:
    text = ("Consultation\nA survey of members ran from 6 January to 14 February 2026 and received 212 responses. "
            "Following Cabinet's decision, the operator will write to every member to explain the outcome.")
    assert not structure(doc_from_lines(text)).engagement[0].follows_decision


@pytest.mark.parametrize(("heading", "body", "day"), [
    ("Cabinet, 11 February 2026 - Item 9: Community transport grant", "Cabinet", date(2026, 2, 11)),
    ("Report to Full Council: 3 March 2025", "Full Council", date(2025, 3, 3)),
    ("Cabinet meeting on 4 June 2025", "Cabinet", date(2025, 6, 4)),
    ("Adroddiad i'r Cabinet, 3 Mawrth 2025", "Cabinet", date(2025, 3, 3)),
])
def test_a_committee_papers_meeting_heading_gives_the_decision(heading: str, body: str, day: date) -> None:
    """A committee appendix is headed with the meeting that decides; its date is the decision date."""
    meta = structure(doc_from_lines(f"# {heading}\nEquality Impact Assessment\nThe proposal is to stop the grant.")).metadata
    assert (meta.decision_date, meta.decision_maker) == (day, body)


def test_a_plan_named_after_the_council_is_not_a_meeting() -> None:
    meta = structure(doc_from_lines("# Council Plan, April 2025\nThe plan sets out our priorities.")).metadata
    assert meta.decision_date is None
