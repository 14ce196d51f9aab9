"""The structurer's output must not depend on what ran before it, nor on its speed-ups.

Audits read thousands of documents in long-lived workers and re-audit them later, so a record
that changed with caches (per-document hit caches, shared tokenised texts, skipped matcher
runs) would show up as spurious differences between runs. These tests read every corpus
document (and the real excerpts in ../shared when present) and check that:

- structuring a document again, after others have been structured, gives the same JSON;
- a fresh process gives the same JSON as a warm one;
- skipping the token Matcher on text that lacks a word every pattern needs never loses a hit.
"""
from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from eia_rules.readers import read_document
from eia_rules.structure import nlp, structure

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared" / "corpora-real" / "fragments"
_DOCUMENT_SUFFIXES = {".docx", ".html", ".pdf", ".md", ".txt"}


def _documents() -> list[Path]:
    paths = sorted(p for p in (REPO / "corpora").rglob("*") if p.suffix in _DOCUMENT_SUFFIXES)
    if SHARED.is_dir():
        paths += sorted(SHARED.glob("*.txt"))
    return paths


DOCUMENTS = _documents()


@cache
def _read(path: Path):
    """Each file is read once: these tests are about the structurer, and PDFs are slow to read."""
    return read_document(str(path))


def _record_json(path: Path) -> str:
    return json.dumps(structure(_read(path)).model_dump(mode="json"), sort_keys=True)


def test_every_document_is_found() -> None:
    formats = {p.suffix for p in DOCUMENTS}
    assert {".docx", ".html", ".pdf", ".md"} <= formats


def test_restructuring_after_other_documents_gives_the_same_record() -> None:
    first = {p: _record_json(p) for p in DOCUMENTS}
    for path in reversed(DOCUMENTS):
        assert _record_json(path) == first[path], f"{path.name}: record changed on a second pass"


def test_a_fresh_process_gives_the_same_records_as_a_warm_one() -> None:
    sample = [next(p for p in DOCUMENTS if p.suffix == suffix) for suffix in (".docx", ".html", ".pdf", ".md")]
    warm = [_record_json(p) for p in DOCUMENTS[:5]]  # warm the caches with other documents first
    assert all(warm)
    script = ("import json, sys\n"
              "from eia_rules.readers import read_document\n"
              "from eia_rules.structure import structure\n"
              "for p in sys.argv[1:]:\n"
              "    print(json.dumps(structure(read_document(p)).model_dump(mode='json'), sort_keys=True))\n")
    fresh = subprocess.run([sys.executable, "-c", script, *map(str, sample)], capture_output=True, text=True,
                           check=True, cwd=REPO).stdout.splitlines()
    assert fresh == [json.dumps(structure(read_document(str(p))).model_dump(mode="json"), sort_keys=True)
                     for p in sample]


@pytest.mark.parametrize("name", ["characteristics", "engagement", "judgements", "signals", "topics", "ways"])
def test_skipping_the_token_matcher_never_loses_a_hit(name: str) -> None:
    lexicon = nlp.lexicon(name)
    assert len(lexicon._tokens), f"{name} has no token patterns any more"
    skipped = 0
    for path in DOCUMENTS:
        for block in _read(path).blocks:
            doc = nlp.make_doc(block.text)
            for matcher in lexicon.token_matchers(doc, runnable=False):
                skipped += 1
                assert not matcher(doc), f"{path.name}: a skipped {name} pattern matches {block.text!r}"
    assert skipped  # the check ran on some text the Matcher was spared
