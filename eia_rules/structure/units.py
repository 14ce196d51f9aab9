"""Reading units: the stretches of text the extractors judge one at a time.

A paragraph is read sentence by sentence; a table row is read as a whole (its cells joined),
because a form puts the group in the first column, the judgement in a ticked column and the
reason in another. Every unit keeps the blocks it came from, so whatever an extractor takes
from it carries their locations. A document's units share one Doc (`nlp.segmented_doc`), each
knowing the segment of it that its block or row fills.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, TypeVar

import numpy as np
from spacy.attrs import (
    IS_ALPHA,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LENGTH,
    LIKE_NUM,
    LOWER,
    ORTH,
)
from spacy.tokens import Doc, Span

from ..model.blocks import Block, BlockKind, Location, SourceDocument
from ..model.glyphs import CHECKED, TICK_LETTERS
from .nlp import (
    Hit,
    Segment,
    any_of,
    doc_kept,
    lexicon,
    nlp,
    non_assessment_patterns,
    segmented_doc,
    word_ids,
    words,
)

T = TypeVar("T")

# The form vocabulary is the 'forms' lexicon (patterns/<lang>/forms.jsonl; lexicons.py says
# what each label means), matched in the unit's raw text.
_QUESTION_START = re.compile(rf"^{any_of(words('forms', 'question_start'))}\b", re.IGNORECASE)
_INSTRUCTION = re.compile(rf"\b{any_of(words('forms', 'instruction'))}\b"
                          rf"|^\W*{any_of(words('forms', 'instruction_start'))}\b", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(\(?[0-9]{1,2}[a-z]?[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)]|[-•*▪◦–·])\s*", re.IGNORECASE)
# A cell that is only a tick mark, a tick letter or a 'yes' answer.
_X_CELL = re.compile(rf"^\s*{any_of((*CHECKED, *TICK_LETTERS, *words('answers', 'yes')))}\s*$", re.IGNORECASE)


@dataclass(eq=False)  # a unit is itself: comparing Docs and Blocks field by field is slow and never needed
class Unit:
    """A sentence of a paragraph or a whole table row, with the blocks it came from."""

    text: str
    blocks: list[Block]
    doc: Doc  # the whole document's Doc, shared by all its units
    segment: Segment  # where the unit's block (or table row) lies in `doc`
    start_token: int
    end_token: int
    label_like: bool = False
    heading: bool = False
    table_row: bool = False
    header_row: bool = False
    cells: list[Block] = field(default_factory=list)
    block_start: bool = False
    line_start: bool = False  # starts a line of its block: 'Date: 15 December 2025' after a <br>
    _kept: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)  # see `kept`

    # Units are never changed after build_units makes them, so what is derived from the text is
    # worked out once: extractors ask the same unit these questions many times.
    @cached_property
    def span(self) -> Span:
        return self.doc[self.start_token:self.end_token]

    def char_span(self, start: int, end: int) -> Span | None:
        """The tokens covering characters start..end of the unit's text."""
        base = self.span.start_char
        return self.doc.char_span(base + start, base + end, alignment_mode="expand")

    @property
    def locations(self) -> list[Location]:
        return [b.location for b in self.blocks]

    @cached_property
    def is_question(self) -> bool:
        text = self.text.strip()
        if self.table_row:
            return False
        return text.endswith("?") or bool(_QUESTION_START.match(_NUMBERING.sub("", text)) and "?" in text)

    @cached_property
    def is_instruction(self) -> bool:
        return bool(_INSTRUCTION.search(self.text))

    def kept(self, key: tuple, compute: Callable[[], T]) -> T:
        """`compute()`, worked out once per unit and `key`: units never change after
        build_units makes them, and extractors ask each the same questions many times."""
        try:
            return self._kept[key]
        except KeyError:
            value = self._kept[key] = compute()
            return value

    def hits(self, name: str, *, in_names: bool = False) -> list[Hit]:
        """Lexicon hits inside this unit. Proper names such as 'Disability Advisory Group' are
        excluded unless `in_names`: a group's name says whom it represents, not what is assessed."""
        return self.kept(("hits", name, in_names), lambda: self._find(name, in_names))

    def _find(self, name: str, in_names: bool) -> list[Hit]:
        span = self.span
        found = _doc_hits(self.doc, name)
        # hits are in document order and do not overlap, so their starts and ends are sorted
        lo, hi = bisect_left(found.starts, span.start), bisect_right(found.ends, span.end)
        return [found.hits[i] for i in range(lo, hi)
                if found.starts[i] >= span.start and (in_names or not found.named(i))]

    def words(self) -> int:
        table = token_table(self.doc)
        s, e = self.span.start, self.span.end
        return int(np.count_nonzero(table.alpha[s:e] | table.like_num[s:e]))


class TokenTable:
    """A Doc's token attributes as arrays, read once: walking Token objects in Python costs far
    more than the matching itself, and several extractors look at every token."""

    def __init__(self, doc: Doc) -> None:
        cols = doc.to_array([IS_ALPHA, IS_STOP, LENGTH, LIKE_NUM, IS_SPACE, LOWER, IS_TITLE, IS_UPPER, ORTH])
        self.alpha = cols[:, 0].astype(bool)
        self.stop = cols[:, 1].astype(bool)
        self.length = cols[:, 2]
        self.like_num = cols[:, 3].astype(bool)
        self.space = cols[:, 4].astype(bool)
        self.lower = cols[:, 5]
        self.capital = cols[:, 6].astype(bool) | cols[:, 7].astype(bool)  # 'Group' or 'NHS'
        self.orth = cols[:, 8]
        # alphabetic, not a stop word, longer than two letters: the words that carry content
        self.content = self.alpha & ~self.stop & (self.length > 2)

    @cached_property
    def sentence_marks(self) -> tuple[np.ndarray, np.ndarray]:
        """For `sentences`, per token: does a sentence end after it ('.', '!', '?' or a word
        ending in '?', before a capital, a quote, a bracket or a digit), and is it a line break."""
        strings = nlp().vocab.strings
        kinds, index = np.unique(self.orth, return_inverse=True)
        texts = [strings[int(k)] for k in kinds]
        end_mark = np.array([t in (".", "!", "?") or (t.endswith("?") and len(t) > 1) for t in texts])[index]
        opener = np.array([t[:1] in _OPENERS for t in texts])[index] | self.capital
        newline = np.array(["\n" in t for t in texts])[index]
        stop = np.zeros(len(self.orth), dtype=bool)
        stop[:-1] = end_mark[:-1] & opener[1:]
        return stop, newline

    @cached_property
    def names(self) -> tuple[list[bool], list[bool], list[bool]]:
        """For `in_proper_name`, per token: may it sit inside a name ('Group', 'and', '2030'),
        may it start or end the run ('and' may not), is it a name's head word ('Group')."""
        heads, connectors, marks = _name_words()
        connector = np.isin(self.lower, connectors)
        inside = (self.capital | connector | self.like_num) & ~np.isin(self.orth, marks)
        return inside.tolist(), (self.capital | connector).tolist(), np.isin(self.lower, heads).tolist()


def token_table(doc: Doc) -> TokenTable:
    """The Doc's `TokenTable`, worked out once per Doc."""
    return doc_kept(doc, "eia_rules.tokens", lambda: TokenTable(doc))



class _DocHits:
    """One lexicon's hits in a document's Doc, with their token bounds and (worked out on first
    use) whether each sits in a proper name. All the document's units share the Doc, so the
    lexicon runs once per document, not once per unit and question."""

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.starts = [h.span.start for h in hits]
        self.ends = [h.span.end for h in hits]
        self._named: list[bool | None] = [None] * len(hits)

    def named(self, i: int) -> bool:
        if self._named[i] is None:
            self._named[i] = in_proper_name(self.hits[i].span)
        return bool(self._named[i])


def _doc_hits(doc: Doc, name: str) -> _DocHits:
    """One lexicon's hits in the Doc, found once per Doc."""
    return doc_kept(doc, ("eia_rules.hits", name), lambda: _DocHits(lexicon(name).find(doc)))


@lru_cache(maxsize=1)
def _name_words() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The head words and connectors of proper names, and the marks that end one, as word ids."""
    path = resources.files("eia_rules.structure") / "patterns" / "common" / "proper_names.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return word_ids(data["heads"]), word_ids(data["connectors"]), word_ids(".:;|")


def in_proper_name(span: Span) -> bool:
    """True when the span sits in a capitalised name ending in a head such as 'Group' or 'Bill'."""
    table = token_table(span.doc)
    inside, named, head = table.names
    lo, hi = span.start, span.end
    if not all(named[lo:hi]):
        return False
    while lo > 0 and inside[lo - 1]:
        lo -= 1
    while hi < len(inside) and inside[hi]:
        hi += 1
    if int(np.count_nonzero(table.capital[lo:hi])) < 3:
        return False
    return any(head[span.end:hi])


_OPENERS = "\"'(“‘0123456789"  # a sentence may start with these as well as with a capital


def sentences(doc: Doc, segment: Segment) -> list[tuple[int, int]]:
    """Token ranges of a segment's sentences: split after . ! ? when the next token starts a
    sentence, and at line breaks."""
    table = token_table(doc)
    stop, newline = table.sentence_marks
    first, end = segment.start, segment.end
    bounds: list[tuple[int, int]] = []
    start = first
    for i in (first + np.flatnonzero(stop[first:end] | newline[first:end])).tolist():
        if i < end - 1 and stop[i]:
            bounds.append((start, i + 1))
            start = i + 1
        elif newline[i]:
            if i > start:
                bounds.append((start, i))
            start = i + 1
    if start < end:
        bounds.append((start, end))
    return [(s, e) for s, e in bounds if not table.space[s:e].all()]


def _label_like(text: str, doc: Doc, start: int, end: int) -> bool:
    """Short, unfinished lines such as 'Disability' or 'Age Positive Negative None Reasons'."""
    alpha = token_table(doc).alpha[start:end]
    return not text.rstrip().endswith(".") and int(np.count_nonzero(alpha)) <= 12


def _parts(blocks: list[Block]) -> list[list[Block]]:
    """The document's blocks grouped as the units are read: each table row's cells together,
    every other block on its own."""
    parts: list[list[Block]] = []
    for block in blocks:
        previous = parts[-1][-1] if parts else None
        if (block.kind == BlockKind.TABLE_CELL and block.location.table is not None and previous is not None
                and previous.kind == BlockKind.TABLE_CELL and previous.location.table == block.location.table
                and previous.location.row == block.location.row):
            parts[-1].append(block)
        else:
            parts.append([block])
    return parts


def _is_row(part: list[Block]) -> bool:
    return part[0].kind == BlockKind.TABLE_CELL and part[0].location.table is not None


def build_units(doc: SourceDocument) -> list[Unit]:
    """Units in reading order: table rows whole, other blocks sentence by sentence."""
    parts = _parts(doc.blocks)
    texts = [" | ".join(c.text for c in part) if _is_row(part) else part[0].text for part in parts]
    tokens, segments = segmented_doc(texts)
    units: list[Unit] = []
    for part, text, seg in zip(parts, texts, segments):
        whole = {"text": text, "blocks": part, "doc": tokens, "segment": seg, "start_token": seg.start,
                 "end_token": seg.end, "block_start": True}
        if _is_row(part):
            units.append(Unit(**whole, table_row=True, cells=part, header_row=part[0].location.row == 1,
                              label_like=_label_like(text, tokens, seg.start, seg.end)))
        elif part[0].kind == BlockKind.HEADING or _label_like(text, tokens, seg.start, seg.end):
            units.append(Unit(**whole, label_like=True, heading=part[0].kind == BlockKind.HEADING))
        else:
            units += _line_units(part, tokens, seg)
    return units


def _line_units(part: list[Block], tokens: Doc, seg: Segment) -> list[Unit]:
    """A paragraph's sentences. A whole line that is short and unfinished is a label, as a
    one-line block would be: in flattened forms ('Other groups (carers, children and young
    people)' above 'Impact: [x] Neutral') the label's words are no reason."""
    newline = token_table(tokens).sentence_marks[1]
    out = []
    for n, (s, e) in enumerate(sentences(tokens, seg)):
        line_start = n == 0 or bool(newline[s - 1])
        whole_line = line_start and (e >= seg.end or bool(newline[e]))
        text = tokens[s:e].text
        out.append(Unit(text=text, blocks=part, doc=tokens, segment=seg, start_token=s, end_token=e,
                        block_start=n == 0, line_start=line_start,
                        label_like=whole_line and _label_like(text, tokens, s, e)))
    return out


def bare(text: str) -> bool:
    """True when the text is only a non-assessment phrase ('N/A', 'No impact', 'Neutral', 'Dim effaith')."""
    cleaned = re.sub(r"[\s.;:!,()\"'*|]+", " ", text).strip().lower()
    return any(p.match(cleaned) for p in non_assessment_patterns()) or not cleaned


def ticked_column(cell: Block) -> bool:
    """A cell that is only a tick, an 'x' or a checked box: its column header carries the answer."""
    return bool(_X_CELL.match(cell.text)) or (cell.checked is True and len(cell.text.split()) <= 2)
