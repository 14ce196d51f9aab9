"""The annotated Word copy: comments land on the paragraph or cell a finding is about."""
from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest

from eia_rules.errors import InputError
from eia_rules.model.blocks import Location
from eia_rules.model.findings import Finding, Outcome, Report, Severity
from eia_rules.output.docx_comments import AUTHOR, annotate_docx
from eia_rules.readers import read_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A small IIA-like document: headings, an empty paragraph, a table with an empty cell,
    a merged cell and a nested table."""
    document = docx.Document()
    document.add_heading("Integrated Impact Assessment", level=1)
    document.add_paragraph("Proposal: close the Park Road library.")
    document.add_paragraph("")
    document.add_heading("Protected characteristics", level=2)
    table = document.add_table(rows=3, cols=3)
    for c, text in enumerate(["Characteristic", "Impact", "Evidence"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "Age"
    table.cell(1, 1).text = "Negative for older people"
    table.cell(1, 2).text = ""  # left blank by the officer
    table.cell(2, 0).text = "Race"
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "No impact"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Inner question"
    inner.cell(0, 1).text = "Inner answer"
    document.add_paragraph("Monitoring will be reviewed annually.")
    path = tmp_path / "iia.docx"
    document.save(str(path))
    return path


def _block(path: Path, text: str):
    """The reader's block with this text: findings get their locations from the reader."""
    return next(b for b in read_document(path).blocks if b.text == text)


def _finding(rule_id: str, message: str, loc: Location | None, **extra) -> Finding:
    return Finding(rule_id=rule_id, family=extra.pop("family", "psed"),
                   severity=extra.pop("severity", Severity.ERROR), message=message,
                   locations=[loc] if loc else [], **extra)


def _anchored_text(document, comment_id: int) -> str:
    """The document text between a comment's range start and end markers."""
    body = document.element.body
    inside, parts = False, []
    for el in body.iter():
        if el.tag == W + "commentRangeStart" and el.get(W + "id") == str(comment_id):
            inside = True
        elif el.tag == W + "commentRangeEnd" and el.get(W + "id") == str(comment_id):
            return "".join(parts)
        elif inside and el.tag == W + "t":
            parts.append(el.text or "")
    raise AssertionError(f"comment {comment_id} has no range")


def _comments(path: Path):
    document = docx.Document(str(path))
    return document, {c.comment_id: c for c in document.comments}


def test_comments_anchor_on_the_reported_places(source, tmp_path, rules):
    age_impact = _block(source, "Negative for older people").location
    monitoring = _block(source, "Monitoring will be reviewed annually.").location
    inner = _block(source, "Inner answer").location
    report = Report(path=str(source), format="docx", findings=[
        _finding("PSED-01", "Impact on age is not justified.", age_impact,
                 legal_basis="Equality Act 2010 s.149", remediation="Give evidence for the impact."),
        _finding("CON-01", "No monitoring arrangements.", monitoring, family="engagement",
                 severity=Severity.WARNING),
        _finding("WFG-02", "Inner cell finding.", inner, family="wellbeing", severity=Severity.INFO),
        _finding("SED-01", "Evidence cell is blank.", Location(table=1, row=2, column=3),
                 outcome=Outcome.NEEDS_REVIEW, severity=Severity.WARNING, family="socio_economic"),
        _finding("PSED-01", "Merged cell, addressed at its second slot.", Location(table=1, row=3, column=3)),
    ])
    dest = tmp_path / "out" / "iia-annotated.docx"
    written = annotate_docx(source, report, rules, dest)

    document, comments = _comments(dest)
    assert written == len(comments) == 6  # summary + five findings
    assert {c.author for c in comments.values()} == {AUTHOR}
    ids = sorted(comments)
    summary = comments[ids[0]]
    assert "5 issue(s)" in summary.text and "3 error" not in summary.text and "2 error" in summary.text
    assert _anchored_text(document, ids[0]) == "Integrated Impact Assessment"
    assert _anchored_text(document, ids[1]) == "Negative for older people"
    assert "Equality Act 2010 s.149" in comments[ids[1]].text
    assert "Give evidence for the impact." in comments[ids[1]].text
    assert _anchored_text(document, ids[2]) == "Monitoring will be reviewed annually."
    assert _anchored_text(document, ids[3]) == "Inner answer"
    assert _anchored_text(document, ids[4]) == ""  # the blank cell got a run to hold it
    assert "needs review" in comments[ids[4]].text
    assert _anchored_text(document, ids[5]) == "No impact"


def test_source_is_untouched_and_cannot_be_the_destination(source, rules):
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    report = Report(path=str(source), findings=[_finding("PSED-01", "Something.", None)])
    with pytest.raises(InputError, match="overwrite"):
        annotate_docx(source, report, rules, source)
    annotate_docx(source, report, rules, source.with_name("copy.docx"))
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    assert len(docx.Document(str(source)).comments) == 0


def test_unlocated_and_suppressed_findings(source, tmp_path, rules):
    report = Report(path=str(source), findings=[
        _finding("PSED-01", "Document-wide gap.", None),
        _finding("WFG-02", "Points nowhere real.", Location(paragraph=999), family="wellbeing"),
        _finding("SED-01", "Suppressed one.", None, suppressed=True, suppression_reason="not relevant"),
    ])
    dest = tmp_path / "a.docx"
    assert annotate_docx(source, report, rules, dest) == 3
    document, comments = _comments(dest)
    texts = [c.text for c in comments.values()]
    assert not any("Suppressed one." in t for t in texts)
    assert "1 suppressed" in texts[0]
    lost = next(t for t in texts if "Points nowhere real." in t)
    assert "paragraph 999" in lost and "could not be found" in lost
    for cid in comments:
        assert _anchored_text(document, cid) == "Integrated Impact Assessment"


def test_excerpt_wins_over_a_stale_paragraph_number(source, tmp_path, rules):
    """A report made before a paragraph was inserted still marks the right text."""
    finding = _finding("PSED-01", "Race impact unexplained.", Location(paragraph=2), excerpt="No impact")
    dest = tmp_path / "b.docx"
    annotate_docx(source, Report(path=str(source), findings=[finding]), rules, dest)
    document, comments = _comments(dest)
    assert _anchored_text(document, sorted(comments)[1]) == "No impact"


def test_not_a_word_file_is_an_input_error(tmp_path, rules):
    bogus = tmp_path / "x.docx"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(InputError):
        annotate_docx(bogus, Report(path=str(bogus)), rules, tmp_path / "y.docx")


def test_a_finding_in_a_text_box_is_anchored_in_the_box(tmp_path, rules):
    document = docx.Document()
    document.add_paragraph("Summary of the proposal.")
    box = docx.oxml.parse_xml(
        f'<w:p xmlns:w="{W[1:-1]}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:r><w:t>Key impacts</w:t></w:r><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
        '<w:txbxContent><w:p><w:r><w:t>Older people lose the mobile library.</w:t></w:r></w:p></w:txbxContent>'
        '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
    body = document.element.body
    body.insert(len(body) - 1, box)
    document.add_paragraph("Monitoring will be reviewed annually.")
    source = tmp_path / "boxed.docx"
    document.save(str(source))
    report = Report(path=str(source), format="docx", findings=[
        _finding("PC003", "The impact on older people is not explained.",
                 _block(source, "Older people lose the mobile library.").location),
        _finding("MO001", "No monitoring owner.", _block(source, "Monitoring will be reviewed annually.").location),
        _finding("XX001", "On the paragraph holding the box.", _block(source, "Key impacts").location),
    ])
    annotate_docx(source, report, rules, tmp_path / "boxed-annotated.docx")
    annotated, comments = _comments(tmp_path / "boxed-annotated.docx")
    ids = sorted(comments)
    assert [_anchored_text(annotated, i) for i in ids[1:]] == [
        "Older people lose the mobile library.", "Monitoring will be reviewed annually.", "Key impacts"]
