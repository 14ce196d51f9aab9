"""The structurer's output must not depend on what ran before it, nor on its speed-ups.

Audits read thousands of documents in long-lived workers and re-audit them later, so a record
that changed with caches (per-document hit caches, shared tokenised texts, skipped matcher
runs) would show up as spurious differences between runs. These tests read every corpus
document (and the real excerpts in ../shared when present) and check that:

- structuring a document again, after others have been structured, gives the same JSON;
- a fresh process gives the same JSON as a warm one;
- running the token Matcher only near each pattern's rarest required word finds exactly the
  matches that running it over the whole document finds;
- no lexicon hit crosses from one block into the next, though a document is one Doc.
"""
from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from eia_rules.model.blocks import Block, SourceDocument
from eia_rules.readers import read_document
from eia_rules.structure import nlp, structure
from eia_rules.structure.units import build_units

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


def _matches(spans) -> list[tuple[str, int, int]]:
    return sorted((s.label_, s.start, s.end) for s in spans)


@pytest.mark.parametrize("name", ["characteristics", "engagement", "judgements", "signals", "topics", "ways"])
def test_matching_near_anchor_words_finds_what_matching_everywhere_finds(name: str) -> None:
    lexicon = nlp.lexicon(name)
    assert lexicon.token_patterns, f"{name} has no token patterns any more"
    found = 0
    for path in DOCUMENTS:
        doc = build_units(_read(path))[0].doc
        windowed = _matches(lexicon.token_matches(doc))
        assert windowed == _matches(lexicon.token_matches(doc, everywhere=True)), path.name
        found += len(windowed)
    if name in ("characteristics", "signals", "topics"):
        assert found  # the comparison covered real matches, not only empty lists


def _document(*texts: str) -> SourceDocument:
    return SourceDocument(path="t.md", format="md", blocks=[
        Block(index=i, kind="paragraph", text=t, location={"paragraph": i + 1}) for i, t in enumerate(texts)])


def test_no_hit_crosses_from_one_block_into_the_next() -> None:
    aim = "socio_economic:reduce_inequality"  # 'reduce' ... 'poverty', up to three words apart
    split = build_units(_document("The aim of the scheme is to reduce", "Poverty in the county is rising."))
    assert aim not in {h.label for u in split for h in u.hits("topics")}
    assert aim not in {s.label_ for s in nlp.lexicon("topics").token_matches(split[0].doc, everywhere=True)}
    whole = build_units(_document("The aim of the scheme is to reduce poverty in the county."))
    assert aim in {h.label for u in whole for h in u.hits("topics")}


def test_a_box_at_the_end_of_one_block_does_not_untick_the_next_blocks_judgement() -> None:
    from eia_rules.structure.judgement import judge

    units = build_units(_document("Relevant to this proposal ☐", "Positive impact for older people, who gain a new service."))
    assert judge(units[-1])[0] == "positive"


def test_a_pattern_with_a_counted_gap_matches_near_its_anchor_as_it_does_everywhere() -> None:
    """'{0,7}' lets words sit between a verb and 'objective'; matching only near the anchor word
    must still reach a verb seven words before it, and must not treat the gap as one token."""
    pattern = [{"LOWER": "support"}, {"IS_PUNCT": False, "OP": "{0,7}"}, {"LOWER": "objective"}]
    lexicon = nlp.Lexicon(nlp.nlp(), "test", [{"label": "linked", "pattern": pattern}])
    assert lexicon.token_patterns == 1 and lexicon._windowed, "a bounded pattern should run in windows"
    text = ("Some words come first so that the window matters here. The scheme will support "
            "one two three four five six seven objective. Later, support a b c d e f g h objective.")
    doc = nlp.make_doc(text)
    windowed = _matches(lexicon.token_matches(doc))
    assert windowed == _matches(lexicon.token_matches(doc, everywhere=True))
    assert len({(s, e) for _, s, e in windowed}) >= 1
    assert all(doc[e - 1].lower_ == "objective" and doc[s].lower_ == "support" for _, s, e in windowed)
    # the second 'support' is eight words away: no match ends at the second 'objective'
    assert max(e for _, _, e in windowed) < len(doc) - 2
