"""Directorate, service and date for a document, from its record or else its folder names.

Archives are usually filed as `<directorate>/<service>/<year>/...`. The record's own
metadata wins (the assessment says which service wrote it and when); the folders fill the
gaps, so an archive can still be broken down when the forms leave those fields empty.
"""
from __future__ import annotations

import re
from pathlib import Path

_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?)?(?!\d)")


def folder_date(parts: tuple[str, ...]) -> str | None:
    """The most specific date in the folder names or file name: '2024', '2024-03' or '2024-03-05'."""
    best: str | None = None
    for part in parts:
        for match in _DATE.finditer(part):
            text = "-".join(g for g in match.groups() if g)
            if best is None or len(text) >= len(best):
                best = text
    return best


def _is_date(part: str) -> bool:
    return bool(_DATE.fullmatch(part.strip()))


def folder_labels(path: Path, root: Path | None) -> tuple[str, str, str | None]:
    """(directorate, service, date) from the folders between `root` and the file."""
    try:
        rel = path.resolve().relative_to(root.resolve()) if root else Path(path.name)
    except (ValueError, OSError, RuntimeError):  # outside the root, or a loop of links
        rel = Path(path.name)
    folders = [p for p in rel.parts[:-1] if not _is_date(p)]
    directorate = folders[0] if folders else ""
    service = folders[1] if len(folders) > 1 else ""
    return directorate, service, folder_date(rel.parts)
