"""The shared spaCy pipeline and the pattern lexicons, loaded once per process.

Only `spacy.blank("en")` is used: tokenisation plus rule-based matchers, no statistical model,
so the result for a document never depends on a downloaded model. Every vocabulary lives in a
JSONL data file under `patterns/<lang>/`, one pattern a line in spaCy's EntityRuler format
(`{"label": ..., "pattern": "phrase" | [token dicts]}`); English and Welsh files of the same
name are merged into one lexicon. Matching is token-based, so "age" never matches inside
"page" and "race" never inside "embraced".
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


class Lexicon:
    """A named set of phrase and token patterns; `find` returns non-overlapping longest hits."""

    def __init__(self, nlp: Language, name: str, rows: list[dict[str, Any]]) -> None:
        self.name = name
        self.labels: set[str] = set()
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._tokens = Matcher(nlp.vocab)
        self._needs: list[list[tuple[int, frozenset[int]]]] = []
        for i, row in enumerate(rows):
            label = str(row["label"])
            self.labels.add(label)
            pattern = row["pattern"]
            if isinstance(pattern, str):
                self._phrases.add(label, [nlp.make_doc(normalise(pattern))])
            else:
                self._tokens.add(label, [pattern])
                self._needs.append(_required_tokens(nlp, pattern))

    def find(self, doc: Doc) -> list[Hit]:
        """Longest non-overlapping matches in document order."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self._phrases(doc)]
        if len(self._tokens) and self._may_match(doc):
            spans += [Span(doc, s, e, label=m) for m, s, e in self._tokens(doc)]
        return [Hit(s.label_, s) for s in sorted(filter_spans(spans), key=lambda s: s.start)]

    def _may_match(self, doc: Doc) -> bool:
        """False only when no token pattern can match: each needs some word the doc lacks.

        The token Matcher costs far more than the phrase matcher (its optional-word patterns
        spawn many states per token), and most sentences contain none of the words a pattern
        requires, so skipping it there saves most of its time without changing any match.
        """
        present = doc.user_data.get(_PRESENT)
        if present is None:  # the same for every lexicon: worked out once per Doc
            present = doc.user_data[_PRESENT] = {attr: frozenset(doc.to_array(attr).tolist()) for attr in (LOWER, ORTH)}
        return any(all(not allowed.isdisjoint(present[attr]) for attr, allowed in needs) for needs in self._needs)


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
                    rows.append(json.loads(line))
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
