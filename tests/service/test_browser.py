"""End to end: a real server and headless Chromium upload a document through the page.

Skipped unless Debian's chromium and Playwright for Python are installed (the `browser` and
`artefacts` fixtures are in tests/conftest.py).
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import docx
import pytest

uvicorn = pytest.importorskip("uvicorn")

from eia_rules.service import Settings, create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """uvicorn on 127.0.0.1 in a background thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(Settings()), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_upload_a_word_document_and_see_its_findings(browser, server, kit, tmp_path, artefacts):
    page = browser.new_page(viewport={"width": 1100, "height": 900}, java_script_enabled=False)
    external: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) else external.append(r.url))
    page.goto(f"{server}/")
    page.screenshot(path=str(artefacts / "upload-page.png"))
    page.get_by_label("Assessment document").set_input_files(str(kit.docx))
    page.get_by_role("button", name="Check the document").click()
    page.wait_for_selector("h1:has-text('Results for')")

    assert page.locator("h1").inner_text() == f"Results for {kit.docx.name}"
    findings = page.locator("article.finding")
    expected = kit.client_for().post("/v1/check", files=kit.upload(kit.docx)).json()["findings"]
    assert findings.count() == sum(not f["suppressed"] for f in expected) > 0
    first_id = expected[0]["rule_id"]
    assert page.get_by_text(f"{first_id}:", exact=False).first.is_visible()
    page.screenshot(path=str(artefacts / "results-page.png"), full_page=False)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the annotated Word copy").click()
    download = download_info.value
    assert download.suggested_filename == f"{kit.docx.stem}-reviewed.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    # one comment at each place of each finding (a repeated finding lists its other places),
    # and one summary comment
    places = sum(f["occurrences"] for f in expected if not f["suppressed"])
    assert len(list(docx.Document(str(saved)).comments)) == places + 1
    assert external == [], "the pages must load nothing from elsewhere"
    page.close()


EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[2] / "corpora" / "examples"


@pytest.mark.parametrize("name", ["thorough-iia.docx", "weak-iia.md"])
def test_results_page_shows_the_summary_first_and_document_order(browser, server, artefacts, name):
    """The results page for a thorough and a poor assessment, kept as CI screenshots: the summary
    and jump list come before the findings, whose sections follow the document."""
    page = browser.new_page(viewport={"width": 1100, "height": 1400}, java_script_enabled=False)
    page.goto(f"{server}/")
    page.get_by_label("Assessment document").set_input_files(str(EXAMPLES / name))
    page.get_by_role("button", name="Check the document").click()
    page.wait_for_selector("h1:has-text('Results for')")
    text = page.locator("main").inner_text()
    first_section = page.locator("section h2").first.inner_text()
    assert text.index("Summary:") < text.index("Sections with findings") < text.rindex(first_section)
    assert first_section.startswith("Whole document")
    page.screenshot(path=str(artefacts / f"results-{name.split('.')[0]}.png"), full_page=False)
    page.locator("nav ol.jump a").nth(1).click()  # a jump link lands on its section
    assert page.url.endswith("#section-2")
    page.close()
