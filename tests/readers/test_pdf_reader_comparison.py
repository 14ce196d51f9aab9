"""The pdfium-based PDF reader against the pdfplumber/pdfminer reader it replaced, on every
corpus PDF (corpora/ and, when present, ../shared/corpora-dev).

The old reader's page reading is frozen here (it is used nowhere else); both readers share the
code that turns lines and tables into blocks, so the comparison is of what each reads from a
page. Blocks must be the same, kind, text and location, except for the differences listed in
`ALLOWED`, each an improvement (or neutral) on the old reading.
"""
from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from eia_rules.model.blocks import Block
from eia_rules.readers import pdf as new
from eia_rules.readers.blocks import BlockBuilder, Cell, Grid

REPO = Path(__file__).resolve().parents[2]
SHARED_DEV = REPO.parent / "shared" / "corpora-dev"
PDFS = sorted((REPO / "corpora").rglob("*.pdf")) + (sorted(SHARED_DEV.rglob("*.pdf")) if SHARED_DEV.is_dir() else [])

# (file name, block index in the old reading) -> why the new reading of that block differs
# and is no worse. Empty: on every corpus PDF the blocks are the same.
ALLOWED: dict[tuple[str, int], str] = {}


def _old_read_page(page: Any) -> new._Page:
    """pdfplumber's reading of one page, as the reader did it before pdfium (frozen copy)."""
    if new._may_have_duplicates(page.chars):
        page = page.dedupe_chars()
    result = new._Page(page.page_number)
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    for table in tables:
        grid: Grid = [[Cell(text, page=page.page_number) if text is not None else None for text in row]
                      for row in table.extract()]
        if any(cell is not None and cell.text.strip() for row in grid for cell in row):
            result.tables.append(new._Table(page.page_number, table.bbox[1], grid))
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not new._inside(obj, boxes)) \
        if boxes else page
    for line in text_page.extract_text_lines(return_chars=True):
        chars = [c for c in line["chars"] if c.get("text", "").strip()]
        if not chars or not line["text"].strip():
            continue
        sizes = Counter(round(c["size"] * 2) / 2 for c in chars)
        bold = all("bold" in str(c.get("fontname", "")).lower() for c in chars)
        result.lines.append(new._Line(line["text"], page.page_number, line["top"], line["bottom"],
                                      sizes.most_common(1)[0][0], bold, line["x1"]))
    return result


def _old_blocks(data: bytes) -> list[Block]:
    pdfplumber = pytest.importorskip("pdfplumber")
    builder = BlockBuilder()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        new._emit([_old_read_page(page) for page in pdf.pages], builder)
    return builder.blocks


def _new_blocks(path: Path, data: bytes) -> list[Block]:
    builder = BlockBuilder()
    new.read_pdf(str(path), data, builder, new.Limits())
    return builder.blocks


def _view(block: Block) -> tuple:
    return block.kind, block.text, block.location.model_dump()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_new_pdf_reader_reads_the_blocks_the_old_one_did(path: Path) -> None:
    data = path.read_bytes()
    old, current = [_view(b) for b in _old_blocks(data)], [_view(b) for b in _new_blocks(path, data)]
    differing = [i for i, (a, b) in enumerate(zip(old, current)) if a != b]
    unexplained = [(i, old[i], current[i]) for i in differing if (path.name, i) not in ALLOWED]
    assert not unexplained, unexplained[:3]
    assert len(old) == len(current)


def test_corpus_has_pdfs() -> None:
    assert len([p for p in PDFS if SHARED_DEV not in p.parents]) >= 6


def test_pdf_dates_are_not_taken_for_the_assessment_date() -> None:
    """The export date of a PDF is not when the assessment was done (see `pdf._properties`)."""
    path = REPO / "corpora" / "pdf" / "glanafon-fire-crewing.pdf"
    builder = BlockBuilder()
    properties = new.read_pdf(str(path), path.read_bytes(), builder, new.Limits())
    assert properties["title"] and not {"created", "modified"} & set(properties)
