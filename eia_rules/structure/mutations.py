"""Welsh initial mutations, so a Welsh phrase is found whatever mutation it carries.

Welsh changes the first consonant of a word after certain words: 'crefydd' (religion) is
'a chrefydd' after 'and', 'ei grefydd' after 'his', 'fy nghrefydd' after 'my'. The pattern
files list the radical (dictionary) form, and `variants` adds the soft, nasal and aspirate
forms of a phrase's first word (vocabulary.md: "also match the radical form after stripping a
leading mutation"). Words that mutate inside a fixed phrase ('cyfeiriadedd rywiol') are still
listed in the pattern files.

Single words shorter than `MIN_SINGLE` letters are left alone: their mutated forms collide
with other words ('traws' -> 'draws', which is also 'ar draws', across, and English 'draws';
'cau' -> 'gau', false).
"""
from __future__ import annotations

MIN_SINGLE = 6
_DIGRAPHS_THAT_STAY = ("ch", "ph", "th", "dd", "ff", "ng")  # already mutated, or never mutate
_SOFT_DIGRAPHS = {"ll": "l", "rh": "r"}
_SINGLE = {  # radical -> soft, nasal, aspirate (where they exist)
    "c": ("g", "ngh", "ch"), "p": ("b", "mh", "ph"), "t": ("d", "nh", "th"),
    "g": ("", "ng"), "b": ("f", "m"), "d": ("dd", "n"), "m": ("f",),
}


def _mutated(word: str) -> list[str]:
    if word.startswith(_DIGRAPHS_THAT_STAY):
        return []
    if word[:2] in _SOFT_DIGRAPHS:
        return [_SOFT_DIGRAPHS[word[:2]] + word[2:]]
    return [start + word[1:] for start in _SINGLE.get(word[:1], ())]


def variants(phrase: str) -> list[str]:
    """The phrase with its first word mutated every way Welsh allows (not the phrase itself)."""
    words = phrase.split(" ")
    if not words[0] or (len(words) == 1 and len(words[0]) < MIN_SINGLE):
        return []
    return [" ".join([first, *words[1:]]) for first in _mutated(words[0]) if first]
