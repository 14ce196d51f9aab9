"""The lxml package reader for .docx against the python-docx one it replaced, on every corpus
.docx (corpora/ and, when present, ../shared/corpora-dev).

Both walk the body with the same code; what changed is how the package is opened and how the
styles and core properties are found, so the old way is frozen here (used nowhere else) and
blocks and properties must come out the same. Differences allowed: none.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from eia_rules.readers import docx as new
from eia_rules.readers.blocks import BlockBuilder

REPO = Path(__file__).resolve().parents[2]
SHARED_DEV = REPO.parent / "shared" / "corpora-dev"
DOCX = sorted((REPO / "corpora").rglob("*.docx")) + (sorted(SHARED_DEV.rglob("*.docx")) if SHARED_DEV.is_dir() else [])


def _old_read(data: bytes) -> tuple[list, dict[str, str]]:
    """python-docx opens the package and gives styles and core properties (frozen copy)."""
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(data))
    builder = BlockBuilder()
    new._Walker(builder, new._styles(document.styles.element)).body(document.element.body)
    core = document.core_properties
    values = {
        "title": core.title, "author": core.author, "subject": core.subject,
        "last_modified_by": core.last_modified_by,
        "created": core.created.isoformat() if core.created else None,
        "modified": core.modified.isoformat() if core.modified else None,
    }
    return builder.blocks, {k: str(v).strip() for k, v in values.items() if v and str(v).strip()}


def _new_read(path: Path, data: bytes) -> tuple[list, dict[str, str]]:
    builder = BlockBuilder()
    properties = new.read_docx(str(path), data, builder, new.Limits())
    return builder.blocks, properties


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_new_docx_reader_reads_what_python_docx_did(path: Path) -> None:
    data = path.read_bytes()
    (old_blocks, old_props), (new_blocks, new_props) = _old_read(data), _new_read(path, data)
    assert [(b.kind, b.text, b.checked, b.location) for b in new_blocks] == \
        [(b.kind, b.text, b.checked, b.location) for b in old_blocks]
    assert new_props == old_props


def test_corpus_has_docx() -> None:
    assert len(DOCX) >= 10


@pytest.mark.parametrize("value, iso", [
    ("2024-03-01T09:30:00Z", "2024-03-01T09:30:00+00:00"),
    ("2024-03-01T09:30:00-08:00", "2024-03-01T17:30:00+00:00"),
    ("2024-03-01", "2024-03-01T00:00:00+00:00"),
    ("2024", "2024-01-01T00:00:00+00:00"),
    ("soon", ""),
])
def test_core_property_dates(value: str, iso: str) -> None:
    assert new._w3cdtf(value) == iso
