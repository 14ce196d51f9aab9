"""The shared spaCy pipeline and the pattern lexicons, loaded once per process.

Only the tokeniser of spaCy's blank English pipeline is used, with rule-based matchers: no statistical model,
so the result for a document never depends on a downloaded model. Every vocabulary lives in a
JSONL data file under `patterns/<lang>/`, one pattern a line in spaCy's EntityRuler format
(`{"label": ..., "pattern": "phrase" | [token dicts]}`); English and Welsh files of the same
name are merged into one lexicon, and every lexicon and the labels it may use are registered in
`lexicons.py` (docs/writing-patterns.md). A few small word lists (yes/no answers, the words
that open a question) are matched in raw text by regexes built from a lexicon (`words`,
`any_of`) rather than by a matcher. Matching is token-based, so "age" never matches inside
"page" and "race" never inside "embraced". A label "a|b" names two things at once (an umbrella
term such as "LGBTQ+"), and each Welsh phrase also matches with its first word mutated
(`mutations.py`).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

import numpy as np
from spacy.attrs import IDX, LOWER, ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab, create_vocab

from . import mutations
from .lexicons import UnknownLabel, spec

LANGS = ("en", "cy")
T = TypeVar("T")
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

    def __init__(self, nlp: Pipeline, name: str, rows: list[dict[str, Any]]) -> None:
        self.name = name
        self.labels: set[str] = set()
        # validate=True (the Matcher's default, made explicit): spaCy checks each token pattern
        # against its schema as it is added, so a misspelt attribute ('LOWWER') or operator fails
        # at load instead of never matching. The PhraseMatcher's check (a pattern Doc carrying
        # annotation its attribute ignores) cannot fire on make_doc's Docs; it is on all the same.
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER", validate=True)
        # Token patterns: a Matcher for each bounded one, run only near its anchor word (see
        # `token_matches`), and one for any whose length is open-ended, run over the whole Doc.
        self._windowed: list[tuple[Matcher, list[_Need]]] = []
        self._everywhere = Matcher(nlp.vocab, validate=True)
        for row in rows:
            label = str(row["label"])
            self.labels.update(label.split(UMBRELLA))
            pattern = row["pattern"]
            if isinstance(pattern, str):
                self._phrases.add(label, [nlp.make_doc(normalise(pattern))])
                continue
            plan = _plan(nlp, pattern)
            if plan:
                matcher = Matcher(nlp.vocab, validate=True)
                matcher.add(label, [pattern])
                self._windowed.append((matcher, plan))
            else:
                self._everywhere.add(label, [pattern])

    @property
    def token_patterns(self) -> int:
        return len(self._windowed) + len(self._everywhere)

    def find(self, doc: Doc) -> list[Hit]:
        """Longest non-overlapping matches in document order, none crossing from one of the
        Doc's segments (blocks) into the next (see `segmented_doc`)."""
        spans = [Span(doc, s, e, label=m) for m, s, e in within_segments(doc, self._phrases(doc))]
        spans += self.token_matches(doc)
        return [Hit(label, s) for s in sorted(filter_spans(spans), key=lambda s: s.start)
                for label in s.label_.split(UMBRELLA)]

    def token_matches(self, doc: Doc, *, everywhere: bool = False) -> list[Span]:
        """The token patterns' matches that lie within one segment.

        spaCy's Matcher tests each pattern's first token at every token it is given, through a
        Python call for an IN list, so running it over a whole 10-page document costs far more
        than the matching itself. A bounded pattern can only match within a few tokens of each
        place where its rarest required word occurs, so it runs over those windows alone; the
        result is the same as running it everywhere (`everywhere=True`, which the tests
        compare against).
        """
        found: list[tuple[int, int, int]] = []
        for matcher, plan in self._windowed:
            if everywhere:
                found += matcher(doc)
                continue
            for lo, hi in _windows(doc, plan):
                found += [(m, lo + s, lo + e) for m, s, e in matcher(doc[lo:hi])]
        if len(self._everywhere):
            found += self._everywhere(doc)
        return [Span(doc, s, e, label=m) for m, s, e in within_segments(doc, found)]


def _windows(doc: Doc, plan: list[_Need]) -> list[tuple[int, int]]:
    """Token ranges, each within one segment and merged where they overlap, around each place
    a pattern's rarest required word occurs; none when some required word is missing."""
    words = _words(doc)
    counts = [words.count(need) for need in plan]
    if min(counts) == 0:
        return []
    anchor = plan[counts.index(min(counts))]
    at = words.positions(anchor)
    starts, ends = segment_bounds(doc)
    seg = np.searchsorted(starts, at, side="right") - 1
    lows = np.maximum(at - anchor.before, starts[seg]).tolist()
    highs = np.minimum(at + 1 + anchor.after, ends[seg]).tolist()
    merged: list[tuple[int, int]] = []
    for lo, hi in zip(lows, highs):  # in order, since the positions are
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        elif lo < hi:
            merged.append((lo, hi))
    return merged


@dataclass(frozen=True)
class _Need:
    """A token a pattern cannot match without: the attribute, the values it allows, and how
    many pattern tokens may come before and after it."""

    attr: int
    values: np.ndarray
    before: int
    after: int


_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}


def _plan(nlp: Pipeline, pattern: list[dict[str, Any]]) -> list[_Need]:
    """The required tokens of a bounded pattern; empty when the pattern has none we can look
    up (or may run to any length), so it is run over the whole Doc instead.

    Only plain values and IN lists of LOWER, ORTH and TEXT on a token that must occur once
    count as required.
    """
    widths = [_max_width(token.get("OP", "1")) for token in pattern]
    if None in widths:
        return []
    needs: list[_Need] = []
    for i, token in enumerate(pattern):
        if token.get("OP", "1") != "1":
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
            needs.append(_Need(_ATTRS[key], word_ids(values), before=sum(widths[:i]), after=sum(widths[i + 1:])))
    return needs


_RANGE = re.compile(r"^\{(\d*),?(\d*)\}$")


def _max_width(op: str) -> int | None:
    """At most how many Doc tokens one pattern token can match (1 for '1', '?' and '!', which
    is safe), m for '{n,m}' and '{n}'; None when unbounded ('+', '*', '{n,}'), so the pattern
    must run everywhere."""
    if op in ("1", "?", "!"):
        return 1
    found = _RANGE.match(op)
    if not found:
        return None
    low, high = found.groups()
    if "," not in op:
        return int(low)
    return int(high) if high else None


class _Words:
    """A Doc's LOWER and ORTH values, their counts and positions; the same for every lexicon,
    so worked out once per Doc."""

    def __init__(self, doc: Doc) -> None:
        self._arrays = {attr: doc.to_array(attr) for attr in (LOWER, ORTH)}
        self._counts = {}
        for attr, array in self._arrays.items():
            values, counts = np.unique(array, return_counts=True)
            self._counts[attr] = dict(zip(values.tolist(), counts.tolist()))

    def count(self, need: _Need) -> int:
        counts = self._counts[need.attr]
        return sum(counts.get(v, 0) for v in need.values.tolist())

    def positions(self, need: _Need) -> np.ndarray:
        return np.flatnonzero(np.isin(self._arrays[need.attr], need.values))


def word_ids(words: Iterable[str]) -> np.ndarray:
    """Words as the vocabulary's hash ids, the values spaCy's LOWER and ORTH arrays hold."""
    strings = nlp().vocab.strings
    return np.array(sorted({strings.add(w) for w in words}), dtype=np.uint64)


def _words(doc: Doc) -> _Words:
    return doc_kept(doc, "eia_rules.words", lambda: _Words(doc))


def doc_kept(doc: Doc, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, kept in the Doc's user_data under `key`: worked out once per Doc, it lives
    and dies with the Doc and can never be mistaken for another Doc's."""
    try:
        return doc.user_data[key]
    except KeyError:
        value = doc.user_data[key] = compute()
        return value


# ---------------------------------------------------------------- one Doc per document
@dataclass(frozen=True)
class Segment:
    """Where one text (a block, or a table row's joined cells) lies in its document's Doc."""

    start: int  # first token
    end: int  # one past the last token


SEPARATOR = "\n\n"
_SEGMENTS = "eia_rules.segments"


def segmented_doc(texts: list[str]) -> tuple[Doc, list[Segment]]:
    """One Doc holding a document's texts, with where each lies in it.

    A document is tokenised and matched as one Doc, not one per block: every tokeniser and
    matcher call has a fixed cost, which per block came to most of the structuring time. The
    texts are joined by a blank line, which the tokeniser keeps as a whitespace token of its
    own, so each text gets the tokens it would get alone, and `Lexicon.find` keeps no match
    that crosses from one text into the next.
    """
    doc = tokenise(normalise(SEPARATOR.join(texts)))
    first_chars = doc.to_array(IDX).tolist()
    segments: list[Segment] = []
    char = 0
    for text in texts:
        start, end = bisect_left(first_chars, char), bisect_left(first_chars, char + len(text))
        segments.append(Segment(start, end))
        char += len(text) + len(SEPARATOR)
    doc.user_data[_SEGMENTS] = (np.array([s.start for s in segments], dtype=np.int64),
                                np.array([s.end for s in segments], dtype=np.int64))
    return doc, segments


def tokenise(text: str) -> Doc:
    """The text tokenised, whatever its length, in time and memory proportional to it.

    `Language.make_doc` refuses a text longer than its `max_length` (a million characters,
    which a 300-page pack passes) because a parser or NER would need about 1 GB per 100,000
    characters. This pipeline is only the tokeniser, which works through the text one
    whitespace-separated piece at a time, so it is called directly. (Tokenising in pieces and
    joining the Docs with `Doc.from_docs` gives the same tokens but walks every token in
    Python, which took longer than the tokenising.)
    """
    return nlp().tokenizer(text)


def segment_bounds(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    """The segments' first tokens and ends (in order); a Doc made otherwise is one segment."""
    return doc_kept(doc, _SEGMENTS, lambda: (np.array([0], dtype=np.int64), np.array([len(doc)], dtype=np.int64)))


def segment_of(doc: Doc, token: int) -> tuple[int, int]:
    """The first token and end of the segment holding `token`."""
    starts, ends = segment_bounds(doc)
    k = int(np.searchsorted(starts, token, side="right")) - 1
    return int(starts[k]), int(ends[k])


def within_segments(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The (match id, start, end) matches that lie within one segment."""
    if not matches:
        return []
    starts, ends = segment_bounds(doc)
    bounds = np.array([(s, e) for _, s, e in matches], dtype=np.int64)
    seg = np.searchsorted(starts, bounds[:, 0], side="right") - 1
    return [m for m, ok in zip(matches, (bounds[:, 1] <= ends[seg]).tolist()) if ok]


def any_of(phrases: Iterable[str]) -> str:
    """A regex group matching any of the phrases literally, longest first, so that where one
    begins another ('na', 'nac ydy') the longer is the one matched."""
    return "(?:" + "|".join(re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p))) + ")"


def normalise(text: str) -> str:
    """Same-length normalisation (curly quotes to straight) so offsets stay valid."""
    return text.translate(_APOSTROPHES)


@dataclass(frozen=True)
class Pipeline:
    """The tokeniser of spaCy's blank English pipeline and its vocabulary: all the structurer
    uses of spaCy (Welsh text tokenises well enough with it). Built from the English defaults
    directly, as `spacy.blank("en")` builds it, but without resolving a pipeline config through
    spaCy's registry, which cost a quarter of a second of every cold start."""

    vocab: Vocab
    tokenizer: Tokenizer

    def make_doc(self, text: str) -> Doc:
        """The text tokenised (any length: see `tokenise`)."""
        return self.tokenizer(text)


@lru_cache(maxsize=1)
def nlp() -> Pipeline:
    """The process's tokeniser, built once."""
    from spacy.lang.en import English
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = English.Defaults
    vocab = create_vocab("en", defaults)
    tokenizer = Tokenizer(vocab, rules=defaults.tokenizer_exceptions,
                          prefix_search=compile_prefix_regex(defaults.prefixes).search,
                          suffix_search=compile_suffix_regex(defaults.suffixes).search,
                          infix_finditer=compile_infix_regex(defaults.infixes).finditer,
                          token_match=defaults.token_match, url_match=defaults.url_match)
    return Pipeline(vocab, tokenizer)


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
    """The lexicon built from patterns/en/<name>.jsonl and patterns/cy/<name>.jsonl.

    Raises `UnknownLexicon` for a name not registered in `lexicons.LEXICONS`: a misspelt name
    would otherwise be an empty lexicon that silently finds nothing.
    """
    spec(name)
    return Lexicon(nlp(), name, _rows(name))


@cache
def words(name: str, label: str) -> tuple[str, ...]:
    """The phrases of one label of a word-list lexicon (Welsh ones with their mutated forms),
    for vocabulary matched in raw text by a regex (`any_of`) rather than by a spaCy matcher:
    the yes/no answers after a tick, the words that open a question."""
    if not spec(name).words_only:
        raise ValueError(f"lexicon {name!r} holds token patterns; use lexicon({name!r})")
    if label not in spec(name).labels:
        raise UnknownLabel(name, label)
    return tuple(row["pattern"].lower() for row in _rows(name) if row["label"] == label)


@lru_cache(maxsize=1)
def non_assessment_patterns() -> tuple[re.Pattern[str], ...]:
    """The bare-answer patterns (vocabulary §11), English and Welsh."""
    path = resources.files("eia_rules.structure") / "patterns" / "common" / "nonassessment.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(re.compile(p, re.IGNORECASE) for lang in LANGS for p in data.get(lang, []))


@lru_cache(maxsize=4096)
def make_doc(text: str) -> Doc:
    """A short text on its own, tokenised once: a table's column header is asked about for
    every row under it. Document text is read through `segmented_doc`."""
    return nlp().make_doc(normalise(text))
