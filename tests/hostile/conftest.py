"""The hostile corpus, generated once per test session into a temporary folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from .generate import generate

# Lower than the defaults so the whole module stays quick on a 2-core machine; the defaults'
# own behaviour is the same code with larger numbers. max_chars stays under spaCy's 1,000,000.
TEST_LIMITS = {"max_chars": 900_000, "max_blocks": 20_000, "max_table_cells": 20_000,
               "max_seconds": 8, "max_pdf_pages": 200, "max_memory_mb": 1536}


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> tuple[Path, list[Path]]:
    """(folder, every path made): at least 200 files across the classes of issue 17."""
    folder = tmp_path_factory.mktemp("hostile") / "files"
    paths = generate(folder)
    lines = ["[limits]"] + [f"{k} = {v}" for k, v in TEST_LIMITS.items()]
    (folder / ".eia-rules.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, paths
