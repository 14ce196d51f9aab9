"""Whom a passage is about, in prose layouts: paragraphs that open with the people affected,
passages that judge without a rating word, and groups named in passing (texts written here)."""
from __future__ import annotations

import pytest

from eia_rules.structure import structure

from .helpers import doc_from_lines


def statuses(text: str) -> dict[str, str]:
    return {k: c.status.value for k, c in structure(doc_from_lines(text)).characteristics.items()}


PROSE = """# How the change affects people

Older residents who visit the library on foot are the group this move affects most. Most of them come by bus from the estates to the east. The new branch is beside the bus station and on one level, so it will be easier for them to reach.

Deaf customers who use BSL said staff often wrote notes instead of booking an interpreter. At the new branch every enquiry desk will have video interpreting, booked when the customer asks, and a hearing loop at each desk.

Couples booking the ceremony room told us the current room is too small for most families. The larger hall seats ninety guests, so fewer couples will need to hire a private venue at three times the cost.
"""


def test_a_paragraph_that_opens_with_the_people_affected_assesses_them():
    got = statuses(PROSE)
    assert got["age"] == "assessed"
    assert got["disability"] == "assessed"
    assert got["marriage_civil_partnership"] == "assessed"


def test_those_groups_are_not_credited_to_others_named_inside_the_paragraph():
    text = ("# Effects\n\nNew parents come to register a birth within six weeks, often with the baby. Mothers who "
            "are breastfeeding said there was nowhere private to feed, so the new office will have a quiet "
            "room next to the waiting area and the pushchair route will be step-free.\n")
    got = statuses(text)
    assert got["pregnancy_maternity"] == "assessed"
    assert got["sex"] != "assessed"  # 'mothers' describes the new parents, it is not a sex entry


@pytest.mark.parametrize("text", [
    "# Users\n\nThe service is used mainly by older people and disabled people, many of whom live alone in the rural wards.\n",
    "# Background\n\nIn 2021 the proportion of disabled people in the county was 24%, higher than the Welsh average, and it rises with age in every ward we serve.\n",
])
def test_a_group_named_as_the_population_is_only_listed(text):
    got = statuses(text)
    assert got["disability"] == "listed"


def test_a_bare_effect_sentence_is_a_judgement_without_reasons():
    got = statuses("# Disability\n\nDisabled users will be negatively affected.\n")
    assert got["disability"] == "asserted"


def test_a_negated_difficulty_reads_as_good_news():
    text = ("# Race\n\nPeople who are not British or Irish citizens must give notice at a designated office. "
            "The office stays designated after the move, so couples from across the county will not have to "
            "travel further to give notice.\n")
    record = structure(doc_from_lines(text))
    assert record.characteristics["race"].impact == "positive"


def test_two_groups_joined_at_the_start_share_the_entry_but_a_qualified_group_does_not():
    joint = statuses("# Effects\n\nSex and gender reassignment: the changing rooms stay as they are, with the "
                     "private cubicles added in 2022 kept for anyone who asks, so no one loses access.\n")
    assert joint["sex"] == joint["gender_reassignment"] == "assessed"
    qualified = statuses("# Effects\n\nMuslim couples asked for weekday afternoon ceremonies soon after the "
                         "nikah, and the smaller room will be bookable on those afternoons at the statutory fee.\n")
    assert qualified["religion_belief"] == "assessed"
    assert qualified["marriage_civil_partnership"] != "assessed"


FLATTENED = """SECTION 3: IMPACT

Age
Impact:
[ ] Positive  [ ] Negative  [x] Neutral  [ ] Not applicable
Reason / evidence:


Disability
Impact:
[ ] Positive  [x] Negative  [ ] Neutral  [ ] Not applicable
Reason / evidence:
Residents who need an assisted collection because of a disability will have to pay the new fee each time the crew replaces a bin.

Sex
Impact:
[ ] Positive  [ ] Negative  [x] Neutral  [ ] Not applicable
Reason / evidence:
No impact

Socio-economic disadvantage
Impact:
[ ] Positive  [ ] Negative  [x] Neutral  [ ] Not applicable
Reason / evidence:
The charge falls hardest on low-income households who cannot afford a replacement at short notice.
"""


def test_a_form_flattened_to_text_keeps_the_ticked_box_and_the_reason_below_it(tmp_path):
    from eia_rules.pipeline import parse
    path = tmp_path / "screening.txt"
    path.write_text(FLATTENED, encoding="utf-8")
    record = parse(path)
    pcs = record.characteristics
    assert (pcs["age"].status.value, pcs["age"].impact) == ("asserted", "neutral")
    assert (pcs["disability"].status.value, pcs["disability"].impact) == ("assessed", "negative")
    # 'No impact' is its whole reason, and the socio-economic reason below is not the sex entry's
    assert pcs["sex"].status.value == "asserted"


def test_a_box_ticked_with_brackets_is_read_like_a_glyph():
    for ticks in ("[ ] Positive [x] Negative [ ] Neutral", "☐ Positive ☒ Negative ☐ Neutral"):
        record = structure(doc_from_lines(f"Disability\n{ticks}\n"))
        assert record.characteristics["disability"].impact == "negative", ticks


NUMBERED = """3. IMPACT ON PROTECTED CHARACTERISTICS

3.1 Disability. All 46 Blue Badge bays in the town centre car parks are
    kept, and the two bays outside the clinic move 20 metres nearer the
    entrance, so the walk from the bay is shorter than it is now.

3.2 Race. The Council has no evidence that the proposal would affect
    people differently because of their race.

3.3 Gender reassignment. The proposal is not expected to have a
    differential impact on people who are undergoing or have undergone
    gender reassignment.
"""


def test_hard_wrapped_numbered_paragraphs_are_entries_not_headings(tmp_path):
    from eia_rules.pipeline import parse
    path = tmp_path / "numbered.txt"
    path.write_text(NUMBERED, encoding="utf-8")
    pcs = parse(path).characteristics
    assert pcs["disability"].status.value == "assessed"
    assert pcs["gender_reassignment"].status.value == "asserted"


def test_a_reason_that_would_fit_any_group_is_no_reason(tmp_path):
    from eia_rules.pipeline import parse
    path = tmp_path / "numbered.txt"
    path.write_text(NUMBERED, encoding="utf-8")
    assert parse(path).characteristics["race"].status.value == "asserted"
