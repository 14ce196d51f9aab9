"""The one place where blocks are numbered, located and given their section path.

Every reader walks its format in reading order and calls `BlockBuilder`; the builder turns
those calls into `Block`s so paragraph ordinals, character offsets into
`SourceDocument.text()` and the heading stack are computed identically for every format.

Conventions the structurer can rely on:
- `Location.paragraph` is the 1-based ordinal of the block; `Block.index` the 0-based one.
- `start`/`end` index `SourceDocument.text()` (block texts joined by "\\n").
- a heading's `section_path` holds the headings that enclose it, not itself; every other
  block's path ends with the nearest heading above it.
- text is whitespace-normalised: runs of spaces collapse, blank lines disappear, and lines
  inside one block (e.g. paragraphs of one table cell) are joined with "\\n".
- `Block.checked` is `model.glyphs.checkbox_state` of the text (or the reader's own state of a
  cell): a cell such as "☒ Yes ☐ No" counts as ticked, since a block holds one state and the
  text tells which option the tick belongs to.
- in a table the first row is the header row: its cells have no `column_header`; cells of
  the first column have no `row_header` (they *are* the row headers). A cell spanning
  several grid positions (merged) is emitted once, at its top-left position.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.blocks import Block, BlockKind, Location
from ..model.glyphs import checkbox_state


def normalise(text: str) -> str:
    """Collapse spaces within lines and drop blank lines, so offsets don't depend on layout."""
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(eq=False)
class Cell:
    """One table cell as a reader sees it. The same object fills every grid slot it spans."""

    text: str
    checked: bool | None = None
    line: int | None = None
    page: int | None = None
    nested: list[Grid] = field(default_factory=list)


Grid = list[list["Cell | None"]]


@dataclass
class _Heading:
    level: int
    text: str


class TooMuch(Exception):
    """A document went over one of the builder's limits; `read_document` names the file."""

    def __init__(self, what: str, amount: str, limit: int, name: str) -> None:
        super().__init__(what)
        self.what, self.amount, self.limit, self.name = what, amount, limit, name


@dataclass(frozen=True)
class BuildLimits:
    """How much one document may hold (from `Limits`); checked as blocks arrive, so a hostile
    file is stopped at the limit instead of after it has filled memory."""

    max_blocks: int = 10**9
    max_chars: int = 10**12
    max_table_cells: int = 10**9
    max_depth: int = 10**6


class BlockBuilder:
    """Collects blocks in reading order, keeping the heading stack and running offset."""

    def __init__(self, limits: BuildLimits | None = None) -> None:
        self.blocks: list[Block] = []
        self._offset = 0
        self._headings: list[_Heading] = []
        self._tables = 0
        self._cells = 0
        self._depth = 0
        self._limits = limits or BuildLimits()

    @property
    def section_path(self) -> tuple[str, ...]:
        return tuple(h.text for h in self._headings)

    def heading(self, text: str, level: int, *, page: int | None = None, line: int | None = None) -> Block | None:
        """Add a heading and make it the innermost section for what follows."""
        text = normalise(text)
        if not text:
            return None
        level = max(1, level)
        while self._headings and self._headings[-1].level >= level:
            self._headings.pop()
        block = self._append(BlockKind.HEADING, text, level=level, page=page, line=line)
        self._headings.append(_Heading(level, text))
        return block

    def paragraph(self, text: str, *, page: int | None = None, line: int | None = None) -> Block | None:
        return self._append(BlockKind.PARAGRAPH, normalise(text), page=page, line=line,
                            checked=checkbox_state(text))

    def list_item(self, text: str, *, page: int | None = None, line: int | None = None) -> Block | None:
        return self._append(BlockKind.LIST_ITEM, normalise(text), page=page, line=line,
                            checked=checkbox_state(text))

    def table(self, grid: Grid) -> None:
        """Emit one block per distinct cell, row by row; nested tables follow their cell."""
        self._depth += 1
        try:
            self._count_table(grid, self._depth)
            self._table(grid)
        finally:
            self._depth -= 1

    def _table(self, grid: Grid) -> None:
        self._tables += 1
        table_no = self._tables
        header = grid[0] if len(grid) > 1 else []
        seen: set[int] = set()
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if cell is None or id(cell) in seen:
                    continue
                seen.add(id(cell))
                first = row[0] if row else None
                above = header[c] if r > 0 and c < len(header) else None
                label = normalise(first.text).replace("\n", " ") if first is not None and r > 0 else ""
                self._append(
                    BlockKind.TABLE_CELL, normalise(cell.text),
                    page=cell.page, line=cell.line, table=table_no, row=r + 1, column=c + 1,
                    row_label=label or None, row_header=_other_text(first, cell),
                    column_header=_other_text(above, cell),
                    checked=cell.checked if cell.checked is not None else checkbox_state(cell.text),
                )
                for inner in cell.nested:
                    if inner:
                        self.table(inner)

    def _count_table(self, grid: Grid, depth: int) -> None:
        limits = self._limits
        self._cells += sum(len(row) for row in grid)
        if self._cells > limits.max_table_cells:
            raise TooMuch("the tables have too many cells", f"over {limits.max_table_cells:,}",
                          limits.max_table_cells, "max_table_cells")
        if depth > limits.max_depth:
            raise TooMuch("tables are nested too deeply", f"{depth} levels", limits.max_depth, "max_depth")

    def _check_size(self, length: int) -> None:
        limits = self._limits
        if len(self.blocks) >= limits.max_blocks:
            raise TooMuch("the document has too many blocks (paragraphs, headings, list items and cells)",
                          f"over {limits.max_blocks:,}", limits.max_blocks, "max_blocks")
        if self._offset + length > limits.max_chars:
            raise TooMuch("the document's text is too long", f"over {limits.max_chars:,} characters",
                          limits.max_chars, "max_chars")

    def _append(self, kind: BlockKind, text: str, *, level: int | None = None,
                checked: bool | None = None, row_header: str | None = None,
                column_header: str | None = None, row_label: str | None = None,
                **where: int | None) -> Block | None:
        if not text:
            return None
        self._check_size(len(text))
        start = self._offset
        end = start + len(text)
        block = Block(
            index=len(self.blocks), kind=kind, text=text, level=level, checked=checked,
            row_header=row_header, column_header=column_header,
            location=Location(paragraph=len(self.blocks) + 1, start=start, end=end,
                              section_path=self.section_path, row_label=row_label, **where),
        )
        self.blocks.append(block)
        self._offset = end + 1  # the "\n" that SourceDocument.text() puts between blocks
        return block


def _other_text(header: Cell | None, cell: Cell) -> str | None:
    """The header cell's text, unless the header is the cell itself (or empty)."""
    if header is None or header is cell:
        return None
    return normalise(header.text).replace("\n", " ") or None

