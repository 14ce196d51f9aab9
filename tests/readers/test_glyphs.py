"""The one definition of check-box glyphs (eia_rules/model/glyphs.json) is consistent."""
from eia_rules.model import glyphs
from eia_rules.readers.blocks import BlockBuilder


def test_rendered_and_symbol_glyphs_are_known_marks() -> None:
    # A glyph a reader writes must be one the builder and the structurer read back.
    assert glyphs.RENDERED_CHECKED in glyphs.CHECKED
    assert glyphs.RENDERED_UNCHECKED in glyphs.UNCHECKED
    assert set(glyphs.WORD_SYMBOLS.values()) <= set(glyphs.CHECKED) | set(glyphs.UNCHECKED)
    assert all(font == font.lower() and code == code.upper() for font, code in glyphs.WORD_SYMBOLS)


def test_no_mark_is_both_ticked_and_empty() -> None:
    assert not set(glyphs.CHECKED) & set(glyphs.UNCHECKED)
    assert not any(u in c for c in glyphs.CHECKED for u in glyphs.UNCHECKED)


def test_every_checked_mark_ticks_a_block() -> None:
    for mark in glyphs.CHECKED:
        builder = BlockBuilder()
        builder.paragraph(f"{mark} Yes {glyphs.RENDERED_UNCHECKED} No")
        assert builder.blocks[0].checked is True, mark
    builder = BlockBuilder()
    builder.paragraph("☐ Yes □ No [ ] Maybe")
    assert builder.blocks[0].checked is False
