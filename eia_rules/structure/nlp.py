"""The shared spaCy pipeline and the pattern lexicons, loaded once per process.

Only `spacy.blank("en")` is used: tokenisation plus rule-based matchers, no statistical model,
so the result for a document never depends on a downloaded model. Every vocabulary lives in a
JSONL data file under `patterns/<lang>/`, one pattern a line in spaCy's EntityRuler format
(`{"label": ..., "pattern": "phrase" | [token dicts]}`); English and Welsh files of the same
name are merged into one lexicon. Matching is token-based, so "age" never matches inside
"page" and "race" never inside "embraced". A label "a|b" names two things at once (an umbrella
term such as "LGBTQ+"), and each Welsh phrase also matches with its first word mutated
(`mutations.py`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import mutations

LANGS = ("en", "cy")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Hit:
    """One lexicon match: its label and the token span it covers."""

    label: str
    span: Span

    @property
    def text(self) -> str:
        return self.span.text


# A pattern labelled 'a|b' names both: 'LGBTQ+' is about sexual orientation and gender
# reassignment alike. `find` gives one hit a label, over the same span.
UMBRELLA = "|"


class Lexicon:
    """A named set of phrase and token patterns; `find` returns non-overlapping longest hits."""

    def __init__(self, nlp: Language, name: str, rows: list[dict[str, Any]]) -> None:
        self.name = name
        self.labels: set[str] = set()
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # One Matcher per token pattern, each with the words it cannot match without: see `find`.
        self._tokens: list[tuple[Matcher, list[tuple[int, frozenset[int]]]]] = []
        for row in rows:
            label = str(row["label"])
            self.labels.update(label.split(UMBRELLA))
            pattern = row["pattern"]
            if isinstance(pattern, str):
                self._phrases.add(label, [nlp.make_doc(normalise(pattern))])
            else:
                matcher = Matcher(nlp.vocab)
                matcher.add(label, [pattern])
                self._tokens.append((matcher, _required_tokens(nlp, pattern)))
        # (attribute, word id) -> the (pattern, requirement) pairs that word satisfies, so the
        # patterns a Doc can match are found from its words rather than by testing every pattern
        self._index: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for i, (_, needs) in enumerate(self._tokens):
            for k, (attr, allowed) in enumerate(needs):
                for value in allowed:
                    self._index.setdefault((attr, value), []).append((i, k))
        self._indexed = {attr: frozenset(v for a, v in self._index if a == attr) for attr in _ATTRS.values()}

    def find(self, doc: Doc) -> list[Hit]:
        """Longest non-overlapping matches in document order.

        A token pattern runs only on a Doc that holds every word it requires. The token Matcher
        costs far more than the phrase matcher (its optional-word patterns spawn many states
        per token), and most texts lack some word each pattern needs, so skipping it there saves
        most of its time without changing any match.
        """
        spans = [Span(doc, s, e, label=m) for m, s, e in self._phrases(doc)]
        for matcher in self.token_matchers(doc):
            spans += [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
        return [Hit(label, s) for s in sorted(filter_spans(spans), key=lambda s: s.start)
                for label in s.label_.split(UMBRELLA)]

    def token_matchers(self, doc: Doc, *, runnable: bool = True) -> list[Matcher]:
        """The token patterns' Matchers that can match in `doc` (or, with runnable=False, those
        that cannot and are skipped)."""
        if not self._tokens:
            return []
        met: dict[int, set[int]] = {}
        for attr, values in _present(doc).items():
            for value in values & self._indexed[attr]:
                for pattern, need in self._index[(attr, value)]:
                    met.setdefault(pattern, set()).add(need)
        return [matcher for i, (matcher, needs) in enumerate(self._tokens)
                if (len(met.get(i, ())) == len(needs)) == runnable]


def _present(doc: Doc) -> dict[int, frozenset[int]]:
    """The LOWER and ORTH values in a Doc; the same for every lexicon, so worked out once per Doc."""
    present = doc.user_data.get(_PRESENT)
    if present is None:
        present = doc.user_data[_PRESENT] = {attr: frozenset(doc.to_array(attr).tolist()) for attr in (LOWER, ORTH)}
    return present


_PRESENT = "eia_rules.present"


_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}


def _required_tokens(nlp: Language, pattern: list[dict[str, Any]]) -> list[tuple[int, frozenset[int]]]:
    """For each token a pattern cannot do without, the attribute and the values it allows.

    Only plain values and IN lists of LOWER, ORTH and TEXT on a token without an optional
    operator count; any other token is left unconstrained, so the list errs towards running
    the Matcher.
    """
    needs: list[tuple[int, frozenset[int]]] = []
    for token in pattern:
        if token.get("OP", "1") not in ("1", "+"):
            continue
        for key, value in token.items():
            if key not in _ATTRS:
                continue
            if isinstance(value, str):
                values = [value]
            elif isinstance(value, dict) and set(value) == {"IN"}:
                values = value["IN"]
            else:
                continue
            strings = nlp.vocab.strings
            needs.append((_ATTRS[key], frozenset(strings.add(v) for v in values)))
    return needs


def normalise(text: str) -> str:
    """Same-length normalisation (curly quotes to straight) so offsets stay valid."""
    return text.translate(_APOSTROPHES)


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The blank English pipeline (tokeniser only); Welsh text tokenises well enough with it."""
    return spacy.blank("en")


def _rows(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    base = resources.files("eia_rules.structure") / "patterns"
    for lang in LANGS:
        path = base / lang / f"{name}.jsonl"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    rows.append(row)
                    if lang == "cy" and isinstance(row["pattern"], str):
                        rows += [{**row, "pattern": v} for v in mutations.variants(row["pattern"])]
    return rows


@cache
def lexicon(name: str) -> Lexicon:
    """The lexicon built from patterns/en/<name>.jsonl and patterns/cy/<name>.jsonl."""
    return Lexicon(nlp(), name, _rows(name))


@lru_cache(maxsize=1)
def non_assessment_patterns() -> tuple[re.Pattern[str], ...]:
    """The bare-answer patterns (vocabulary §11), English and Welsh."""
    path = resources.files("eia_rules.structure") / "patterns" / "common" / "nonassessment.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(re.compile(p, re.IGNORECASE) for lang in LANGS for p in data.get(lang, []))


@lru_cache(maxsize=4096)
def make_doc(text: str) -> Doc:
    """Tokenise a text once; blocks are re-read by several extractors."""
    return nlp().make_doc(normalise(text))
