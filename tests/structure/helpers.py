"""Build small SourceDocuments from text for the structurer's tests."""
from __future__ import annotations

from eia_rules.model.blocks import SourceDocument
from eia_rules.readers.blocks import BlockBuilder, Cell


def doc_from_lines(text: str, path: str = "test.txt") -> SourceDocument:
    """One paragraph per non-blank line; '# ' lines are headings; '|' lines form tables."""
    builder = BlockBuilder()
    table: list[list[Cell | None]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("|") or line.count("|") >= 2:
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue
            table.append([Cell(c, line=number) for c in cells])
            continue
        if table:
            builder.table(table)
            table = []
        if not line:
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            builder.heading(line.lstrip("# "), level, line=number)
        else:
            builder.paragraph(line, line=number)
    if table:
        builder.table(table)
    return SourceDocument(path=path, format="txt", blocks=builder.blocks)
