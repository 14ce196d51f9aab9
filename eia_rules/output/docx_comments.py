"""An annotated copy of a Word assessment: each finding as a comment where it applies.

Officers work in Word, so the most usable report is their own document with the gaps marked
in the margin. The copy is written beside (never over) the original.

Finding the place: a finding's `Location` numbers blocks the way the .docx reader does, so
this module runs the reader's own walk (`eia_rules.readers.docx`) over the document it is
about to annotate, with a builder and walker that remember which w:p / w:tc element each
block came from. Numbering therefore cannot drift from the reader's. If the located block
does not contain the finding's excerpt, the block that does is used instead, so a finding
made from a different revision of the file still lands on its text when it can.

COUPLING: this uses the reader's private `_Walker`, `_styles` and `_block_items`; a public
walk hook in eia_rules/readers/docx.py would remove that.
"""
from __future__ import annotations

import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from ..errors import InputError
from ..model.blocks import Block, Location
from ..model.findings import Finding, Outcome, Report, Severity
from ..readers.blocks import BlockBuilder, Cell, Grid
from ..readers.docx import W, _block_items, _styles, _Walker
from . import rulemeta
from .rulemeta import RuleMetaLike

AUTHOR = "eia-rules"
INITIALS = "EIA"


@dataclass
class _Target:
    """Where a comment goes: the w:p elements of a paragraph or of a whole table cell."""

    paragraphs: list[etree._Element]
    text: str


def annotate_docx(source_path: str | Path, report: Report, rules: Sequence[RuleMetaLike],
                  dest_path: str | Path) -> int:
    """Write a copy of `source_path` to `dest_path` with a comment per unsuppressed finding.

    A summary comment (counts by severity and family) goes on the first paragraph, and a
    repeated finding reported once is commented at each of its places. Returns the number of
    comments written, the summary included. The source file is only read.
    """
    source, dest = Path(source_path), Path(dest_path)
    if dest.resolve() == source.resolve() or (dest.exists() and os.path.samefile(dest, source)):
        raise InputError(str(dest), "the annotated copy must not overwrite the original document")
    try:
        document = docx.Document(str(source))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise InputError(str(source), f"cannot be opened as a Word document ({exc})") from exc

    where = _DocxMap(document)
    by_id = {rule.id: rule for rule in rulemeta.all_rules([report], rules)}
    first = where.first()
    document.add_comment(_runs(first), text=summary_text(report), author=AUTHOR, initials=INITIALS)
    written = 1
    for grouped in report.findings:
        if grouped.suppressed:
            continue
        for finding in grouped.at_each_place():  # a repeated finding is commented at every place
            target, placed = _locate(finding, where)
            target = target or first
            text = comment_text(finding, by_id.get(finding.rule_id), None if placed else finding.locations,
                                elsewhere=grouped.occurrences - 1)
            document.add_comment(_runs(target), text=text, author=AUTHOR, initials=INITIALS)
            written += 1
    _save(document, dest)
    return written


def summary_text(report: Report) -> str:
    """The top comment: how many findings of each severity and family, and what was left out."""
    active = [f for f in report.findings if not f.suppressed]
    by_severity = Counter(f.severity for f in active)
    severities = ", ".join(f"{by_severity[s]} {s.value}" for s in Severity)
    lines = [f"eia-rules found {len(active)} issue(s) in this assessment: {severities}."]
    review = sum(f.outcome is Outcome.NEEDS_REVIEW for f in active)
    if review:
        lines.append(f"{review} of them need an officer's review rather than being clear gaps.")
    repeated = sum(1 for f in active if f.also_at)
    if repeated:
        lines.append(f"{repeated} of them apply at several places and are marked at each.")
    families = Counter(f.family for f in active)
    if families:
        lines.append("By family: " + ", ".join(f"{fam} {n}" for fam, n in sorted(families.items())) + ".")
    suppressed = len(report.findings) - len(active)
    if suppressed:
        lines.append(f"{suppressed} suppressed finding(s) are not marked.")
    return "\n".join(lines)


def comment_text(finding: Finding, rule: RuleMetaLike | None,
                 unplaced: list[Location] | None = None, elsewhere: int = 0) -> str:
    """One finding's comment: what is wrong, the legal basis and how to fix it.

    `elsewhere` counts the other places of a repeated finding, which carry the same comment."""
    kind = "needs review" if finding.outcome is Outcome.NEEDS_REVIEW else finding.severity.value
    lines = [f"[{finding.rule_id}] {rulemeta.title(finding, rule)} ({kind})", finding.message]
    if elsewhere:
        lines.append(f"The same applies at {elsewhere} other place{'' if elsewhere == 1 else 's'} "
                     "in this document, each with this comment.")
    if unplaced:
        lines.append(f"Refers to {rulemeta.location_label(unplaced)}, which could not be found "
                     "in this copy; the comment is placed at the start instead.")
    basis = rulemeta.legal_basis(finding, rule)
    if basis:
        lines.append(f"Legal basis: {basis}")
    fix = rulemeta.remediation(finding, rule)
    if fix:
        lines.append(f"How to fix: {fix}")
    return "\n".join(lines)


class _RecordingBuilder(BlockBuilder):
    """The reader's builder, also keeping each table's grid under the number it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.grids: dict[int, Grid] = {}

    def table(self, grid: Grid) -> None:
        self.grids[self._tables + 1] = grid  # BlockBuilder.table numbers this table next
        super().table(grid)


class _RecordingWalker(_Walker):
    """The reader's walker, also noting the element behind each paragraph block and cell."""

    def __init__(self, builder: _RecordingBuilder, styles: dict) -> None:
        super().__init__(builder, styles)
        self.paragraph_at: dict[int, etree._Element] = {}  # Location.paragraph -> w:p
        self.cell_at: dict[int, tuple[Cell, etree._Element]] = {}  # id(Cell) -> (Cell, w:tc)

    def paragraph(self, paragraph: etree._Element) -> None:
        before = len(self.builder.blocks)
        super().paragraph(paragraph)
        if len(self.builder.blocks) > before:
            self.paragraph_at[len(self.builder.blocks)] = paragraph

    def cell(self, tc: etree._Element) -> Cell:
        cell = super().cell(tc)
        self.cell_at[id(cell)] = (cell, tc)
        return cell


class _DocxMap:
    """The document's blocks as the reader numbers them, and the elements they came from."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        builder = _RecordingBuilder()
        walker = _RecordingWalker(builder, _styles(document.styles.element))
        walker.body(document.element.body)
        self.blocks: list[Block] = builder.blocks
        self.grids = builder.grids
        self.paragraph_at = walker.paragraph_at
        self.cell_at = walker.cell_at

    def at(self, loc: Location) -> _Target | None:
        """The cell at table/row/column (even an empty one), else the paragraph ordinal's block."""
        if loc.table is not None and loc.row is not None and loc.column is not None:
            return self._cell(loc.table, loc.row, loc.column)
        if loc.paragraph is not None and 1 <= loc.paragraph <= len(self.blocks):
            return self._block(self.blocks[loc.paragraph - 1])
        return None

    def containing(self, excerpt: str) -> _Target | None:
        """The first block whose text contains the excerpt (whitespace and case ignored)."""
        needle = _squash(excerpt)
        if not needle:
            return None
        block = next((b for b in self.blocks if needle in _squash(b.text)), None)
        return self._block(block) if block is not None else None

    def first(self) -> _Target:
        """The first paragraph of the body (added if the document has none)."""
        if self.blocks:
            target = self._block(self.blocks[0])
            if target is not None:
                return target
        paragraph = self.document.add_paragraph()
        return _Target([paragraph._p], "")

    def _block(self, block: Block) -> _Target | None:
        loc = block.location
        if loc.table is not None and loc.row is not None and loc.column is not None:
            return self._cell(loc.table, loc.row, loc.column)
        element = self.paragraph_at.get(loc.paragraph or 0)
        return _Target([element], block.text) if element is not None else None

    def _cell(self, table: int, row: int, column: int) -> _Target | None:
        grid = self.grids.get(table)
        if not grid or not 1 <= row <= len(grid) or not 1 <= column <= len(grid[row - 1]):
            return None
        cell = grid[row - 1][column - 1]
        if cell is None or id(cell) not in self.cell_at:
            return None
        tc = self.cell_at[id(cell)][1]
        paragraphs = [item for item in _block_items(tc) if item.tag == W + "p"]
        return _Target(paragraphs, cell.text) if paragraphs else None


def _locate(finding: Finding, where: _DocxMap) -> tuple[_Target | None, bool]:
    """The place a finding is about, and whether it was found (False: use the first paragraph).

    A finding without any location is about the whole document and counts as placed at the
    start. A located block that does not contain the excerpt gives way to one that does.
    """
    if not finding.locations:
        return None, True
    for loc in finding.locations:
        target = where.at(loc)
        if target is not None:
            if finding.excerpt and _squash(finding.excerpt) not in _squash(target.text):
                target = where.containing(finding.excerpt) or target
            return target, True
    target = where.containing(finding.excerpt)
    return target, target is not None


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _runs(target: _Target) -> list[Run]:
    """The runs a comment spans: all the target's text, or a new empty run if it has none.

    Runs inside hyperlinks and content controls count (the reader reads them too); a text box
    anchored in the paragraph does not, nor the run that holds it, as the reader reads the box
    as blocks of its own.
    """
    runs = [Run(r, None) for p in target.paragraphs for r in p.iter(W + "r")
            if next(r.iterancestors(W + "p"), None) is p and r.find(f".//{W}txbxContent") is None]
    if runs:
        return [runs[0], runs[-1]]
    return [Paragraph(target.paragraphs[0], None).add_run("")]


def _save(document: DocxDocument, dest: Path) -> None:
    """Save via a temporary file so a failed save never leaves a half-written copy."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".eia-", suffix=".docx", dir=dest.parent)
    os.close(fd)
    try:
        document.save(tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
