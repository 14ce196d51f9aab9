"""Welsh phrases are found whatever initial mutation they carry."""
from __future__ import annotations

from eia_rules.structure import structure
from eia_rules.structure.mutations import variants

from .helpers import doc_from_lines


def test_variants_of_a_phrase_mutate_its_first_word_every_way() -> None:
    assert set(variants("crefydd neu gred")) == {"grefydd neu gred", "nghrefydd neu gred", "chrefydd neu gred"}
    assert variants("llesiant") == ["lesiant"]
    assert variants("rhywedd") == ["rywedd"]


def test_short_words_and_unmutable_starts_are_left_alone() -> None:
    assert variants("traws") == []   # 'draws' is 'ar draws' (across), and English
    assert variants("ffydd") == []   # ff never mutates
    assert variants("anabledd") == []  # vowels take no consonant mutation


def test_a_mutated_characteristic_at_the_end_of_a_welsh_list_is_found() -> None:
    text = ("Ystyriwyd oedran, anabledd, hil, rhyw a chyfeiriadedd rhywiol, beichiogrwydd a mamolaeth, "
            "priodas a phartneriaeth sifil, ailbennu rhywedd, crefydd neu gred.")
    chars = structure(doc_from_lines(text)).characteristics
    assert chars["sexual_orientation"].status.value == "listed"
    assert all(c.status.value != "absent" for c in chars.values())


def test_english_text_does_not_pick_up_welsh_mutations() -> None:
    chars = structure(doc_from_lines("The report draws on survey data from the library service.")).characteristics
    assert all(c.status.value == "absent" for c in chars.values())
