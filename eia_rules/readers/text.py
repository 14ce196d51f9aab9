"""Markdown and plain-text readers.

Markdown is parsed with markdown-it-py (CommonMark plus tables): its token stream already
says what is a heading, list item or table cell, and `.map` gives source lines.

Plain text has no markup, so structure is guessed conservatively: paragraphs are separated by
blank lines; a line is a heading only when it looks like one by a strong sign (a number such
as "2.1 Evidence", "Section 3: ...", "Annex B", ALL CAPS, or a short line ending in ':');
lines starting with "- ", "* ", "• ", "a)" or "(i)" are list items; a line underlined with
'===' or '---' is a heading. Lines with '|' separators are table rows (the first row is the
header; '|---|' rules are skipped), as forms pasted from a table look. A short line with no
closing full stop ('Disability', 'Officer completing') stays a block of its own rather than
being joined to the paragraph: pasted forms put one label per line. Anything else, including
web-page chrome copied along with the text, stays a paragraph for the structurer to judge.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .blocks import BlockBuilder, Cell, Grid
from .limits import Limits
from .sniff import decode_text

# --------------------------------------------------------------------------- markdown

def read_markdown(source: str, builder: BlockBuilder) -> None:
    """Feed a Markdown document's headings, paragraphs, list items and table cells to builder."""
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    list_depth = 0
    table: Grid | None = None
    row: list[Cell | None] | None = None
    line: int | None = None
    pending_heading: int | None = None
    for token in tokens:
        if token.map is not None:
            line = token.map[0] + 1
        kind = token.type
        if kind == "heading_open":
            pending_heading = int(token.tag[1:])
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "table_open":
            table = []
        elif kind == "tr_open" and table is not None:
            row = []
            table.append(row)
        elif kind == "table_close" and table is not None:
            builder.table(table)
            table, row = None, None
        elif kind == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(Cell(text, line=line))
            elif pending_heading is not None:
                builder.heading(text, pending_heading, line=line)
                pending_heading = None
            elif list_depth:
                builder.list_item(text, line=line)
            else:
                builder.paragraph(text, line=line)
        elif kind in ("fence", "code_block"):
            builder.paragraph(token.content, line=line)
        elif kind == "html_block":
            builder.paragraph(_strip_html(token.content), line=line)


def _inline_text(token: Token) -> str:
    """The visible text of an inline token: emphasis and links dropped, line breaks kept."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def _strip_html(fragment: str) -> str:
    """Text of a raw HTML block inside Markdown (comments give nothing)."""
    import lxml.html

    if fragment.lstrip().startswith("<!--"):
        return ""
    try:
        return lxml.html.fragment_fromstring(fragment, create_parent="div").text_content()
    except Exception:  # noqa: BLE001 - malformed fragment: keep nothing rather than fail the file
        return ""


# --------------------------------------------------------------------------- plain text

# "2. Title", "2.1 Title", "2.1. Title" (a lone number needs its dot: "1 April 2015" is a date)
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.)\s*(\S.*)$")
# A run-in label: a few words, a full stop, then the paragraph's first sentence.
_RUN_IN = re.compile(r"^[^.?!:]{2,60}\.\s+[A-Z0-9]")
_SINGLE_NUMBER = re.compile(r"^\d{1,2}\.\s+\S")
_DIVISION = re.compile(
    r"^(section|part|annex|appendix|schedule|chapter|adran|rhan|atodiad)\s+([0-9]{1,2}|[A-Z]|[IVX]{1,4})\b",
    re.IGNORECASE,
)
LIST_MARK = re.compile(r"^\s*(?:[-*•▪◦‣–·]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+\S")
_MAX_HEADING_CHARS = 160
_MAX_NUMBERED_WORDS = 25
_MAX_CAPS_WORDS = 10
_MAX_LABEL_WORDS = 6
_UNWRAPPED_LINE = 100  # longer lines mean the text was not hard-wrapped
_SHORT_LINE_WORDS = 6  # a line this short without a full stop is a label, not part of a paragraph
_SHORT_LINE_CHARS = 60
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_TABLE_RULE = re.compile(r"^[\s|:\-+]+$")


@dataclass
class _Segment:
    kind: str  # "heading", "paragraph", "list_item" or "table" (lines are '|' rows)
    line: int
    lines: list[str] = field(default_factory=list)
    level: int = 1


def read_plain_text(source: str, builder: BlockBuilder) -> None:
    """Feed a plain-text document to builder, guessing headings and list items conservatively."""
    structural_level = 0  # level of the last numbered/lettered heading, for "Label:" headings
    for segment in _segments(source):
        if segment.kind == "heading":
            level = segment.level
            if level == 0:  # a short "Label:" line sits under the last real heading
                level = min(structural_level + 1, 6)
            else:
                structural_level = level
            builder.heading(segment.lines[0], level, line=segment.line)
        elif segment.kind == "table":
            builder.table(_grid(segment))
        elif segment.kind == "list_item":
            builder.list_item(" ".join(segment.lines), line=segment.line)
        else:
            builder.paragraph(" ".join(segment.lines), line=segment.line)


def _paragraphs(source: str) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines with the 1-based line number of their first line."""
    lines: list[str] = []
    first = 0
    for number, raw in enumerate(source.splitlines(), start=1):
        if raw.strip():
            if not lines:
                first = number
            lines.append(raw.rstrip())
        elif lines:
            yield first, lines
            lines = []
    if lines:
        yield first, lines


def _is_table_line(line: str) -> bool:
    text = line.strip()
    return text.startswith("|") or text.count("|") >= 2


def _grid(segment: _Segment) -> Grid:
    """'|'-separated rows as a grid; rule lines such as '|---|---|' are dropped."""
    grid: Grid = []
    for offset, line in enumerate(segment.lines):
        if _TABLE_RULE.match(line):
            continue
        text = line.strip()
        text = text[1:] if text.startswith("|") else text
        text = text[:-1] if text.endswith("|") else text
        grid.append([Cell(c.strip(), line=segment.line + offset) for c in text.split("|")])
    return grid


def _split_tables(first: int, lines: list[str]) -> Iterator[tuple[int, list[str], bool]]:
    """Runs of table rows and of other lines within one block of non-blank lines."""
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or _is_table_line(lines[i]) != _is_table_line(lines[start]):
            yield first + start, lines[start:i], _is_table_line(lines[start])
            start = i


def _segments(source: str) -> Iterator[_Segment]:
    for first_line, all_lines in _paragraphs(source):
        for first, lines, is_table in _split_tables(first_line, all_lines):
            if is_table:
                yield _Segment("table", first, lines)
            else:
                yield from _text_segments(first, lines)


def _text_segments(first: int, lines: list[str]) -> Iterator[_Segment]:
    if len(lines) == 2 and _UNDERLINE.match(lines[1]) and len(lines[0].split()) <= _MAX_NUMBERED_WORDS:
        yield _Segment("heading", first, [lines[0].strip()], 1 if lines[1].strip()[0] == "=" else 2)
        return
    if len(lines) > 1 and max(len(line) for line in lines) > _UNWRAPPED_LINE:
        # Text copied from a web page or exported without wrapping puts each paragraph on
        # one long line and no blank line between them: each line is its own paragraph.
        for offset, line in enumerate(lines):
            yield from _group_segments(first + offset, [line])
    else:
        yield from _group_segments(first, lines)


def _group_segments(first: int, lines: list[str]) -> Iterator[_Segment]:
    """Headings, list items and paragraphs within one run of non-blank lines."""
    current: _Segment | None = None
    for offset, raw in enumerate(lines):
        number = first + offset
        text = raw.strip()
        level = heading_level(text, alone=len(lines) == 1) if offset == 0 and not _wraps_on(lines) else None
        if level is not None and len(lines) > 1 and _SINGLE_NUMBER.match(text) \
                and _SINGLE_NUMBER.match(lines[1].strip()):
            level = None  # "1. ...", "2. ..." on consecutive lines: a numbered list
        if level is not None:
            yield _Segment("heading", number, [text], level)
            current = None
        elif LIST_MARK.match(raw) or (_SINGLE_NUMBER.match(text) and current is not None
                                      and current.kind == "list_item"):
            if current is not None:
                yield current
            current = _Segment("list_item", number, [text])
        elif len(lines) > 1 and _label_line(text) and (_ends_sentence(current) or _form_label(text, current)) \
                and (offset + 1 == len(lines) or not lines[offset + 1].strip()[:1].islower()):
            if current is not None:
                yield current
            yield _Segment("paragraph", number, [text])
            current = None
        elif current is None:
            kind = "list_item" if _SINGLE_NUMBER.match(text) else "paragraph"
            current = _Segment(kind, number, [text])
        else:
            current.lines.append(text)
    if current is not None:
        yield current


def _wraps_on(lines: list[str]) -> bool:
    """The first line runs on into an indented second one (a hard-wrapped paragraph with a
    hanging indent), so it is the start of a paragraph, not a heading above one."""
    return len(lines) > 1 and lines[1][:1].isspace() and not lines[0].rstrip().endswith((":", ".", "?"))


def _ends_sentence(current: _Segment | None) -> bool:
    """True when a short line cannot be the wrapped tail of the text before it."""
    return current is None or current.lines[-1].rstrip().endswith((".", ":", "?", "!"))


_RUNS_ON = re.compile(r"(?:[,;\-–]|\b(?:and|or|the|of|to|for|a|an|in|on|with|by))$")


def _form_label(text: str, current: _Segment | None) -> bool:
    """A short label ending in a colon ('Impact:', 'Reason / evidence:') opens a new block
    even after a line with no closing stop, as in a pasted form where a group's name sits
    above it: 'Other groups (carers, children and young people)' / 'Impact:' / '[x] Neutral'.
    Not when the line before plainly runs on into it ('... and' / 'Residents:')."""
    return (text.endswith(":") and current is not None
            and _RUNS_ON.search(current.lines[-1].rstrip().lower()) is None)


def _label_line(text: str) -> bool:
    """A short line with no closing full stop that starts like a label ('Disability', 'Date:')."""
    return (len(text.split()) <= _SHORT_LINE_WORDS and len(text) <= _SHORT_LINE_CHARS
            and not text.endswith((".", ",", ";")) and (text[:1].isupper() or text[:1].isdigit()))


def heading_level(text: str, *, alone: bool) -> int | None:
    """The heading level a plain-text line suggests, 0 for a 'Label:' line, None if not a heading.

    `alone` says the line is a paragraph on its own; the weakest sign (a trailing colon) only
    counts then, so "The groups consulted were:" followed by a list stays a paragraph.
    Numbered headings may be long questions ("8.1 How have people ... been involved?"), but a
    line ending in a full stop is a sentence unless it is as short as "Annex A.".
    """
    words = text.split()
    if not words or len(text) > _MAX_HEADING_CHARS:
        return None
    if text.endswith((";", ",")) or (text.endswith(".") and (len(words) > 3 or not _DIVISION.match(text))):
        return None
    numbered = _NUMBERED.match(text)
    if numbered and _RUN_IN.search(numbered.group(2)):
        return None  # '3.2 Disability. All 46 bays are kept ...': a numbered paragraph, run-in label
    if numbered and len(words) <= _MAX_NUMBERED_WORDS and numbered.group(2)[:1].isupper():
        return len(numbered.group(1).rstrip(".").split("."))
    if _DIVISION.match(text) and len(words) <= _MAX_NUMBERED_WORDS:
        return 1
    letters = sum(c.isalpha() for c in text)
    if letters >= 4 and text.upper() == text and len(words) <= _MAX_CAPS_WORDS:
        return 1
    if alone and text.endswith(":") and len(words) <= _MAX_LABEL_WORDS and text[:1].isupper():
        return 0
    return None


# --------------------------------------------------------------------------- entry points

def read_md(path: str, data: bytes, builder: BlockBuilder, limits: Limits | None = None) -> dict[str, str]:
    """Reader entry point for .md files (see `eia_rules.readers.read_document`)."""
    read_markdown(decode_text(data), builder)
    return {}


def read_txt(path: str, data: bytes, builder: BlockBuilder, limits: Limits | None = None) -> dict[str, str]:
    """Reader entry point for .txt files (see `eia_rules.readers.read_document`)."""
    read_plain_text(decode_text(data), builder)
    return {}
