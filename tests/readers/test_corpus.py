"""Real IIA excerpts (developer set, outside the repository) read cleanly as plain text.

Skipped when ../shared/corpora-real is absent. Checks properties that must hold for any
input, not particular results: every excerpt reads, offsets index the text, nothing is lost
but whitespace, and headings stay a minority (the heuristics are meant to be conservative).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from eia_rules.model.blocks import BlockKind
from eia_rules.readers import read_document

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora-real" / "fragments"
FRAGMENTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not FRAGMENTS, reason="shared corpus not available")


@pytest.mark.parametrize("path", FRAGMENTS, ids=lambda p: p.name)
def test_excerpt_reads_without_losing_words(path):
    doc = read_document(path)
    source_words = path.read_text(encoding="utf-8", errors="replace").split()
    assert doc.text().split() == source_words
    text = doc.text()
    assert all(text[b.location.start:b.location.end] == b.text for b in doc.blocks)
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    assert all(b.text.split()[0] in lines[b.location.line - 1] for b in doc.blocks)


def test_headings_are_a_minority_across_the_corpus():
    blocks = [b for path in FRAGMENTS for b in read_document(path).blocks]
    share = sum(b.kind is BlockKind.HEADING for b in blocks) / len(blocks)
    assert share < 0.15
