"""What readers produce: an ordered list of blocks, each with the place it came from.

Every later stage points back at the document through a `Location`, so an officer can find
the paragraph or table cell a finding is about. Readers fill what their format knows (a PDF
knows pages, a .docx knows tables) and leave the rest as None.
"""
from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class BlockKind(StrEnum):
    """The structural role of a block; the structurer treats headings and cells differently."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"


class Location(BaseModel):
    """Where a piece of text sits in the source document (all numbers 1-based)."""

    model_config = ConfigDict(frozen=True)

    paragraph: int | None = Field(None, description="ordinal of the block among the document's blocks")
    page: int | None = Field(None, description="PDF page")
    line: int | None = Field(None, description="line in a text/markdown/html source")
    table: int | None = Field(None, description="table ordinal in the document")
    row: int | None = None
    column: int | None = None
    start: int | None = Field(None, description="character offset of the block in the extracted text")
    end: int | None = None
    section_path: tuple[str, ...] = Field(default=(), description="headings enclosing the block, outermost first")
    row_label: str | None = Field(None, description="the text of the table row's first cell, as the reader "
                                                    "sees the row in Word ('Age'); None outside tables")

    def label(self) -> str:
        """A short human label such as 'p. 3, table 2 row 4 col 2' or 'paragraph 12'."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.table is not None:
            cell = f"table {self.table}"
            if self.row is not None:
                cell += f" row {self.row}"
            if self.column is not None:
                cell += f" col {self.column}"
            parts.append(cell)
        elif self.line is not None:
            parts.append(f"line {self.line}")
        elif self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        return ", ".join(parts) or "document"

    def row_name(self, limit: int = 40) -> str:
        """The row label cut at a word boundary for a one-line location: 'Marriage and civil…'."""
        return clip(self.row_label or "", limit)

    def section(self) -> str:
        """The section path as officers read it: 'Annex C > Race'."""
        return " > ".join(self.section_path)


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut at the last word boundary within `limit` characters, with '…'
    when cut: an officer reads whole words, never 'Marriage and civ'."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit + 1].rsplit(" ", 1)[0] if " " in flat[:limit + 1] else flat[:limit]
    return cut.rstrip(" ,;:-") + "…"


class Block(BaseModel):
    """One unit of document text: a heading, paragraph, list item or table cell."""

    index: int = Field(..., description="0-based position in reading order")
    kind: BlockKind
    text: str
    level: int | None = Field(None, description="heading level, 1 = top")
    location: Location
    row_header: str | None = Field(None, description="text of the first cell in this cell's row")
    column_header: str | None = Field(None, description="text of the header cell above this cell")
    checked: bool | None = Field(None, description="state of a check box in this block, if it has one")


class SourceDocument(BaseModel):
    """A read document: its blocks plus what the container itself says (e.g. .docx core properties)."""

    path: str
    format: str = Field(..., description="docx, pdf, html, md, txt or json")
    blocks: list[Block] = Field(default_factory=list)
    properties: dict[str, str] = Field(default_factory=dict, description="title, author, dates from file metadata")
    sha256: str | None = None

    def text(self) -> str:
        """All block texts joined by newlines: the reader's plain-text view of the document."""
        return "\n".join(b.text for b in self.blocks)
