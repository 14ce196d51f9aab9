"""The lexicon registry: unknown names and labels fail loudly, and the form vocabulary read from
the pattern files behaves as the regexes it replaced did."""
from __future__ import annotations

import pytest

from eia_rules.model.blocks import Block, BlockKind, Location
from eia_rules.structure import nlp
from eia_rules.structure.answers import yes_no_answer
from eia_rules.structure.lexicons import LEXICONS, UnknownLabel, UnknownLexicon
from eia_rules.structure.units import build_units, ticked_column

from .helpers import doc_from_lines


def test_unknown_lexicon_name_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(UnknownLexicon, match=r"unknown lexicon 'characteristic'.*characteristics"):
        nlp.lexicon("characteristic")


def test_every_registered_lexicon_builds() -> None:
    for name in LEXICONS:
        assert nlp.lexicon(name).labels <= LEXICONS[name].labels, name


def test_words_refuses_unknown_labels_and_token_lexicons() -> None:
    with pytest.raises(UnknownLabel, match="'maybe'"):
        nlp.words("answers", "maybe")
    with pytest.raises(UnknownLexicon):
        nlp.words("answer", "yes")
    with pytest.raises(ValueError, match="token patterns"):
        nlp.words("characteristics", "age")


def test_answer_words_come_from_both_languages() -> None:
    assert {"yes", "ydy", "oes"} <= set(nlp.words("answers", "yes"))
    assert {"no", "nac oes", "na"} <= set(nlp.words("answers", "no"))


def _unit(text: str):
    return build_units(doc_from_lines(text))[0]


@pytest.mark.parametrize(("text", "answer"), [
    ("Has engagement taken place? ☒ Yes ☐ No", True),
    ("Is a full EIA required? ☐ Yes ☒ No", False),
    ("A oes angen asesiad llawn? ☐ Oes ☒ Nac oes", False),
    ("Has engagement taken place? ✅ Yes", True),
    ("| Has engagement taken place? | Ydy. |", True),
    ("| Has engagement taken place? | Nac ydy |", False),
    ("Has engagement taken place? Perhaps", None),
])
def test_yes_no_answer(text: str, answer: bool | None) -> None:
    assert yes_no_answer(_unit(text)) is answer


@pytest.mark.parametrize(("text", "question", "instruction"), [
    ("1. Does the proposal affect older people? if so, how", True, True),
    ("Sut bydd y cynnig yn effeithio ar bobl? eglurwch", True, False),
    ("Older people? most are unaffected", False, False),
    ("Guidance: describe the evidence you used.", False, True),
    ("We will update the inclusive language guidance.", False, False),
    ("See the guidance notes before completing this section.", False, True),
    ("If yes, tick the box.", False, True),
])
def test_form_vocabulary(text: str, question: bool, instruction: bool) -> None:
    unit = _unit(text)
    assert (unit.is_question, unit.is_instruction) == (question, instruction)


@pytest.mark.parametrize(("text", "ticked"), [
    ("x", True), ("X", True), ("☒", True), ("[x]", True), ("yes", True), ("Yes", True), ("Ydy", True),
    ("No", False), ("Positive", False),
])
def test_ticked_column(text: str, ticked: bool) -> None:
    cell = Block(index=0, kind=BlockKind.TABLE_CELL, text=text, location=Location())
    assert ticked_column(cell) is ticked


def test_a_misspelt_token_attribute_fails_at_load() -> None:
    from spacy.errors import MatchPatternError

    with pytest.raises(MatchPatternError):
        nlp.Lexicon(nlp.nlp(), "test", [{"label": "age", "pattern": [{"LOWWER": "age"}]}])
