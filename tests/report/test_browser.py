"""The report in headless Chromium: it renders, fetches nothing, prints sensibly, and passes axe-core.

Skipped unless Debian's chromium and Playwright for Python are installed (the `browser` and
`artefacts` fixtures are in tests/conftest.py). axe-core comes from the axe-playwright-python package (the
test extra), which ships axe.min.js; the accessibility test is skipped without it.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import Audited


def open_report(browser, audited: Audited, requests: list[str], javascript: bool = False):
    """A page showing the report, recording every request and refusing any to elsewhere."""
    url = audited.report.as_uri()
    page = browser.new_page(viewport={"width": 1100, "height": 1400}, java_script_enabled=javascript)
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page.goto(url)
    return page


def test_report_renders_offline_with_its_key_parts(browser, audited: Audited, artefacts: Path):
    requests: list[str] = []
    page = open_report(browser, audited, requests)
    page.screenshot(path=str(artefacts / "report-first-screen.png"))
    assert page.locator("h1").inner_text() == "Impact assessment challenge report"
    assert int(page.locator("#fig-audited").inner_text()) > 0
    assert page.locator("#fig-gap-share").inner_text().endswith("%")
    assert page.locator("#questions .question .ask").first.is_visible()
    heat = page.locator("#characteristics svg[role=img]")
    assert heat.is_visible() and heat.bounding_box()["height"] > 100
    page.locator("#characteristics").screenshot(path=str(artefacts / "report-heat-map.png"))
    page.locator("#owners").screenshot(path=str(artefacts / "report-ranking.png"))
    page.locator("#top").screenshot(path=str(artefacts / "report-worst-assessments.png"))
    link = page.locator("#top-table a").first
    name = link.inner_text()
    link.click()
    assert page.url.endswith("#doc-1")
    detail = page.locator("#doc-1")
    assert name in detail.locator("h3").inner_text()
    assert detail.locator("li.finding").first.is_visible()
    # the linked section is scrolled into view
    assert -1 < detail.bounding_box()["y"] < 1400
    assert requests == [audited.report.as_uri()], "the report must load nothing but itself"
    page.close()


def test_report_prints_to_a_sensible_number_of_pages(browser, audited: Audited, artefacts: Path):
    requests: list[str] = []
    page = open_report(browser, audited, requests)
    pdf = artefacts / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    pages = PdfReader(pdf).pages
    details = audited.html.count('<article class="detail"')
    assert 2 <= len(pages) <= 8 + 3 * details, len(pages)
    first = pages[0].extract_text()
    assert "Headline" in first and "assessments audited" in first, "the headline is on the first page"


def test_axe_core_finds_no_serious_or_critical_violations(browser, audited: Audited):
    try:
        axe = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")
    except ModuleNotFoundError:
        pytest.skip("axe-core check needs the axe-playwright-python package (test extra)")
    requests: list[str] = []
    page = open_report(browser, audited, requests, javascript=True)
    page.add_script_tag(content=axe)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    page.close()
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert result["passes"] or result["violations"] is not None
    assert serious == [], serious
