"""Helpers shared by the reader tests: write a fixture file and read it back."""
from __future__ import annotations

from pathlib import Path

import pytest

from eia_rules.model.blocks import BlockKind, SourceDocument
from eia_rules.readers import read_document


@pytest.fixture
def write(tmp_path: Path):
    """write(name, content) -> path; str content is written as UTF-8."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


@pytest.fixture
def read(write):
    """read(name, content) -> SourceDocument for a fixture written to tmp_path."""

    def _read(name: str, content: str | bytes) -> SourceDocument:
        return read_document(write(name, content))

    return _read


def kinds(doc: SourceDocument) -> list[tuple[str, str]]:
    """(kind, text) pairs: the reading order a user would see."""
    return [(b.kind.value, b.text) for b in doc.blocks]


def headings(doc: SourceDocument) -> list[tuple[int | None, str]]:
    return [(b.level, b.text) for b in doc.blocks if b.kind is BlockKind.HEADING]


def block(doc: SourceDocument, text: str):
    """The first block whose text starts with `text`."""
    return next(b for b in doc.blocks if b.text.startswith(text))
