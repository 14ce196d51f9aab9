"""Real IIA excerpts (developer set, outside the repository) read cleanly as plain text.

Skipped when ../shared/corpora-real is absent. Checks properties that must hold for any
input, not particular results: every excerpt reads, offsets index the text, nothing is lost
but whitespace, and headings stay a minority (the heuristics are meant to be conservative).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from eia_rules.model.blocks import BlockKind
from eia_rules.readers import read_document

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora-real" / "fragments"
FRAGMENTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not FRAGMENTS, reason="shared corpus not available")


_SEPARATOR = re.compile(r"^[|:\-]*$")


def words(text: str) -> list[str]:
    """Words of a text without table punctuation.

    Pipe rows in a .txt become table cells, so the pipes and `|---|` rules between cells are
    layout, not words; everything else must survive in order.
    """
    tokens = (t.strip("|") for t in text.split())
    return [t for t in tokens if not _SEPARATOR.match(t)]


def test_separator_tokens_are_ignored_but_words_are_not():
    assert words("Age | Positive |---|---| :--: x") == ["Age", "Positive", "x"]
    assert words("Age Positive") != words("Age | Negative")


@pytest.mark.parametrize("path", FRAGMENTS, ids=lambda p: p.name)
def test_excerpt_reads_without_losing_words(path):
    doc = read_document(path)
    source_words = words(path.read_text(encoding="utf-8", errors="replace"))
    assert words(doc.text()) == source_words
    text = doc.text()
    assert all(text[b.location.start:b.location.end] == b.text for b in doc.blocks)
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    assert all(b.text.split()[0] in lines[b.location.line - 1] for b in doc.blocks)


def test_headings_are_a_minority_across_the_corpus():
    blocks = [b for path in FRAGMENTS for b in read_document(path).blocks]
    share = sum(b.kind is BlockKind.HEADING for b in blocks) / len(blocks)
    assert share < 0.15
