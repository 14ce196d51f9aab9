"""Fixtures shared across test folders: headless Chromium and the artefact folder.

Browser tests use Debian's chromium (/usr/bin/chromium, installed by .ci/run) driven by
Playwright for Python; Playwright's own browser download is never used. Without either, the
tests that ask for `browser` are skipped with the reason.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# The machine's network is closed: background networking would only make failing requests.
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium for one test module."""
    if not CHROMIUM.exists():
        pytest.skip("headless browser test needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="headless browser test needs playwright")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artefacts(tmp_path: Path) -> Path:
    """Where screenshots and PDFs go: $EIA_RULES_ARTEFACTS (CI keeps it), else the test's tmp folder."""
    folder = Path(os.environ.get("EIA_RULES_ARTEFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
