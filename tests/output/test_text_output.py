"""Text output as an officer reads it: summary first, document order, errors first, places as
Word shows them, suppressed and baselined findings counted and marked."""
from __future__ import annotations

from eia_rules.model.blocks import Location
from eia_rules.model.findings import Finding, Outcome, Place, Report, Severity
from eia_rules.model.glyphs import as_words
from eia_rules.output import rulemeta, text


def _f(rule: str, severity: Severity, section: str, paragraph: int | None, **kw) -> Finding:
    locs = [Location(paragraph=paragraph, start=paragraph * 100, section_path=tuple(section.split(" > ")))] \
        if paragraph is not None else []
    return Finding(rule_id=rule, family=kw.pop("family", "equality"), severity=severity, message=f"{rule} says",
                   section=section, locations=locs, **kw)


def _report() -> Report:
    return Report(path="a.docx", format="docx", findings=[
        _f("ZZ1", Severity.WARNING, "Alpha", 9, excerpt="Later in the document"),
        _f("AA1", Severity.WARNING, "Zulu", 2, excerpt="Early in the document"),
        _f("AA2", Severity.ERROR, "Zulu", 3, excerpt="An error after the warning"),
        _f("DOC", Severity.ERROR, "", None, family="governance"),
        _f("REV", Severity.INFO, "Zulu", 1, outcome=Outcome.NEEDS_REVIEW),
        _f("SUP", Severity.ERROR, "Alpha", 8, suppressed=True, suppression_reason="not relevant"),
    ])


def test_summary_comes_first_with_plurals_needs_review_and_families():
    out = text.render([_report()], color=False).splitlines()
    assert out[1] == "  Summary: 2 errors, 2 warnings, 1 info, 1 needs review, 1 suppressed"
    assert out[2] == "  Gaps by family: equality (1 error, 2 warnings); governance (1 error)"
    assert out[-1] == "1 document checked, 2 errors, 2 warnings, 1 info, 1 needs review, 1 suppressed"
    empty = text.render([Report(path="b.md")], color=False)
    assert "0 errors, 0 warnings, 0 info, 0 need review" in empty


def test_sections_in_document_order_and_errors_before_warnings():
    out = text.render([_report()], color=False)
    assert out.index("Whole document") < out.index("  Zulu") < out.index("  Alpha")
    assert out.index("AA2 (error)") < out.index("AA1 (warning)") < out.index("REV (info, needs review)")


def test_suppressed_marker_survives_rich_and_baselined_are_counted():
    out = text.render([_report()], color=True, show_suppressed=True, baselined={"a.docx": 3})
    assert "SUP" in out and "error, suppressed" in out
    assert "3 baselined (hidden)" in out
    plain = text.render([_report()], color=False)
    assert "SUP" not in plain and "1 suppressed finding not shown" in plain


def test_places_are_named_as_word_shows_them():
    row = Place(locations=[Location(table=3, row=4, column=2, paragraph=40,
                                    row_label="Marriage and civil partnership status of applicants")])
    assert rulemeta.where(row, "docx") == 'table 3, row "Marriage and civil partnership status of…"'
    para = Place(locations=[Location(paragraph=103)], excerpt="☐ Positive ☒ No impact on anyone who uses the library")
    assert rulemeta.where(para, "docx") == '"ticked: No impact on anyone who uses the library"'
    page = Place(locations=[Location(page=3, paragraph=7)], excerpt="x")
    assert rulemeta.where(page, "pdf") == "page 3"
    assert rulemeta.where(Place(locations=[Location(line=15, paragraph=8)]), "md") == "line 15"


def test_excerpts_cut_at_word_boundaries_and_boxes_become_words():
    assert rulemeta.excerpt_words("The library will close on Tuesdays and Thursdays", 30) == "The library will close on…"
    assert as_words("☒ | ☒ | ☐") == "ticked | ticked | not ticked"
    assert as_words("Age ☐ Positive ☐ Negative [x] Neutral") == "Age ticked: Neutral"
