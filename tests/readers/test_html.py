"""HTML pages laid out like gov.wales IIAs: chrome dropped, headings, lists, tables, lines."""
from __future__ import annotations

from eia_rules.model.blocks import BlockKind

from .conftest import block, headings, kinds

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Library hours: integrated impact assessment | GOV.WALES</title>
  <meta name="author" content="Welsh Government">
  <script>var tracking = "Do not read me";</script>
  <style>p { color: red; }</style>
  <link rel="stylesheet" href="http://example.invalid/style.css">
</head>
<body>
<div id="cookie-banner"><p>We use cookies on GOV.WALES</p></div>
<header class="site-header"><a href="/">Skip to main content</a></header>
<nav><ul><li>Home</li><li>Topics</li></ul></nav>
<ol class="breadcrumb"><li>Home</li><li>Arts heritage</li></ol>
<main id="main-content">
  <h1>Library hours: integrated impact assessment</h1>
  <p>First published: 1 May 2024</p>
  <h2>Section 1. What action is the Welsh Government considering and why?</h2>
  <p>We will change<br>library opening hours.</p>
  <ul>
    <li>Long term: a ten-year plan
      <ul><li>nested detail</li></ul>
    </li>
    <li>Prevention</li>
  </ul>
  <div class="callout">Loose text in a div <strong>with emphasis</strong></div>
  <h2>Annex A: Equality impact assessment</h2>
  <table>
    <thead><tr><th>Characteristic</th><th>Impact</th><th>Reasons</th></tr></thead>
    <tbody>
      <tr><th>Age</th><td>Positive</td><td rowspan="2">Longer hours help carers</td></tr>
      <tr><th>Disability</th><td>Negative</td></tr>
      <tr><th>Race</th><td colspan="2">No impact identified</td></tr>
    </tbody>
  </table>
  <h3>Decision</h3>
  <dl><dt>Decision maker</dt><dd>Minister for Culture</dd></dl>
  <form><input name="q"><p>Was this page useful?</p></form>
</main>
<footer><p>Crown copyright</p></footer>
</body>
</html>
"""


def test_page_chrome_and_scripts_are_dropped(read):
    texts = " ".join(b.text for b in read("iia.html", PAGE).blocks)
    for chrome in ("cookies", "Skip to main content", "Topics", "Arts heritage", "Crown copyright",
                   "Was this page useful", "Do not read me", "color: red"):
        assert chrome not in texts


def test_headings_and_section_paths(read):
    doc = read("iia.html", PAGE)
    assert headings(doc) == [
        (1, "Library hours: integrated impact assessment"),
        (2, "Section 1. What action is the Welsh Government considering and why?"),
        (2, "Annex A: Equality impact assessment"), (3, "Decision"),
    ]
    assert block(doc, "Minister").location.section_path == (
        "Library hours: integrated impact assessment", "Annex A: Equality impact assessment", "Decision")


def test_paragraphs_lists_and_loose_text_in_order(read):
    doc = read("iia.html", PAGE)
    order = kinds(doc)
    start = order.index(("paragraph", "We will change\nlibrary opening hours."))
    assert order[start:start + 5] == [
        ("paragraph", "We will change\nlibrary opening hours."),
        ("list_item", "Long term: a ten-year plan"),
        ("list_item", "nested detail"),
        ("list_item", "Prevention"),
        ("paragraph", "Loose text in a div with emphasis"),
    ]
    assert ("paragraph", "Decision maker") in order and ("paragraph", "Minister for Culture") in order


def test_table_headers_and_spans(read):
    doc = read("iia.html", PAGE)
    cells = {(b.location.row, b.location.column): b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL}
    assert cells[(3, 2)].text == "Negative"
    assert cells[(3, 2)].row_header == "Disability" and cells[(3, 2)].column_header == "Impact"
    # a rowspan cell appears once, at its first row
    assert cells[(2, 3)].text == "Longer hours help carers" and (3, 3) not in cells
    assert cells[(4, 2)].text == "No impact identified" and (4, 3) not in cells
    assert cells[(4, 2)].column_header == "Impact"


def test_lines_and_properties(read):
    doc = read("iia.html", PAGE)
    lines = PAGE.splitlines()
    para = block(doc, "We will change")
    assert "We will change" in lines[para.location.line - 1]
    assert "<th>Disability</th>" in lines[block(doc, "Negative").location.line - 1]
    assert doc.properties["title"].startswith("Library hours")
    assert doc.properties["author"] == "Welsh Government"
    assert doc.format == "html"


def test_page_without_main_uses_body(read):
    doc = read("bare.htm", "<html><body><h2>Annex B</h2><p>Welsh language effects.</p></body></html>")
    assert kinds(doc) == [("heading", "Annex B"), ("paragraph", "Welsh language effects.")]
    assert doc.blocks[1].location.section_path == ("Annex B",)
