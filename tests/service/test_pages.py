"""The upload page and the results page, as a browser without JavaScript would use them."""
from __future__ import annotations

import io
import re

import docx
from bs4 import BeautifulSoup

import eia_rules
from eia_rules.config import Config
from eia_rules.service import Settings
from eia_rules.service.pages import family_label


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def assert_self_contained(page: BeautifulSoup) -> None:
    """No scripts, and nothing loaded from elsewhere (inline CSS only)."""
    assert page.find("script") is None
    for tag in page.find_all(["link", "img", "iframe", "style", "form", "a"]):
        for attr in ("src", "href"):
            value = tag.get(attr) or ""
            if tag.name != "a":
                assert not re.match(r"(https?:)?//", value), f"external resource {value}"


def test_upload_page_is_an_accessible_form(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = soup(response)
    assert page.html["lang"] == "en"
    form = page.find("form")
    assert form["method"] == "post" and form["action"] == "/check" and form["enctype"] == "multipart/form-data"
    field = form.find("input", {"type": "file"})
    assert field["name"] == "file"
    assert form.find("label", {"for": field["id"]}).get_text(strip=True)
    assert form.find("button", {"type": "submit"}).get_text(strip=True)
    assert "20 MB" in page.get_text()
    assert_self_contained(page)


def test_results_page_lists_findings_in_document_order_after_a_summary(client, kit):
    response = client.post("/check", files=kit.upload(kit.markdown))
    assert response.status_code == 200
    page = soup(response)
    assert_self_contained(page)
    expected = eia_rules.check(kit.markdown, config=Config()).findings
    assert expected, "the weak example has findings"
    articles = page.select("article.finding")
    assert len(articles) == len([f for f in expected if not f.suppressed])
    headings = [h.get_text(strip=True).rsplit(" (", 1)[0] for h in page.select("section > h2")]
    assert headings[0] == "Whole document"
    assert set(headings[1:]) == {f.section for f in expected if f.section and not f.suppressed}
    text = page.get_text(" ", strip=True)
    assert "Summary:" in text and "need review" in text and "Gaps by family:" in text
    assert text.index("Summary:") < text.index(headings[1])
    jumps = [a["href"] for a in page.select("nav ol.jump a")]
    assert jumps == ["#" + s["id"] for s in page.select("section > h2")]
    for section in page.select("section"):
        ranks = [{"error": 3, "warning": 2, "info": 1}[a.select_one(".tag").get_text(strip=True)]
                 for a in section.select("article.finding")]
        assert ranks == sorted(ranks, reverse=True), "errors come first within a section"
    shown = sorted(re.search(r"\b([A-Z]{2,3}\d{3}):", a.h3.get_text(" ", strip=True)).group(1) for a in articles)
    assert shown == sorted(f.rule_id for f in expected if not f.suppressed)
    first = articles[0]
    assert first.select_one(".tag").get_text(strip=True) in {"error", "warning", "info"}
    assert "Where" in first.get_text() and "How to fix" in page.get_text()
    assert page.find("form", {"action": "/annotate"}) is None  # only Word uploads can be annotated


def test_results_page_escapes_the_document(client):
    """Markup in the document's text and in its file name is shown as text, never run."""
    hostile = b"IMPACT ASSESSMENT\n\nConsultation\n\nA consultation was held with <script>alert(1)</script> & friends.\n"
    name = "<em onclick='go()'>draft.txt"
    response = client.post("/check", files={"file": (name, hostile)})
    assert response.status_code == 200
    assert "<script>" not in response.text and "<em" not in response.text
    page = soup(response)
    assert page.find("script") is None and page.find("em") is None
    assert page.find("h1").get_text() == f"Results for {name}"
    quoted = [q.get_text() for q in page.find_all("blockquote")]
    assert "A consultation was held with <script>alert(1)</script> & friends." in quoted


def test_word_upload_offers_the_annotated_copy(client, kit):
    page = soup(client.post("/check", files=kit.upload(kit.docx)))
    form = page.find("form", {"action": "/annotate"})
    assert form is not None and form["method"] == "post"
    fields = {i["name"]: i["value"] for i in form.find_all("input", {"type": "hidden"})}
    assert fields["filename"] == kit.docx.name
    response = client.post("/annotate", data=fields)
    assert response.status_code == 200
    assert f'{kit.docx.stem}-reviewed.docx' in response.headers["content-disposition"]
    # the summary, then a comment at every place: each finding's own and the others it lists
    others = sum(int(dt.find_next_sibling("dd").get_text().split()[0])
                 for dt in page.find_all("dt") if dt.get_text() == "Also at")
    assert len(list(docx.Document(io.BytesIO(response.content)).comments)) == \
        len(page.select("article.finding")) + others + 1


def test_unreadable_upload_shows_an_error_page(client):
    response = client.post("/check", files={"file": ("notes.docx", b"plain words, not Word")})
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    alert = soup(response).find(attrs={"role": "alert"}).get_text(strip=True)
    assert alert.startswith("notes.docx: ")


def test_oversized_upload_shows_an_error_page(kit):
    response = kit.client_for(Settings(max_upload_bytes=2048)).post("/check", files=kit.upload(kit.docx))
    assert response.status_code == 413
    assert "larger than this service accepts (2 KB)" in soup(response).find(attrs={"role": "alert"}).get_text()
