"""Helpers shared by the commands: finding documents, reporting unreadable ones."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import click

SUPPORTED_SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".md", ".markdown", ".txt", ".json")


def expand_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files as given, and the supported documents under any folder given (sorted, recursive)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if (child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES
                        and not child.name.endswith(".expected.json")
                        and not any(part.startswith(".") for part in child.relative_to(p).parts)):
                    yield child
        else:
            yield p


def report_unreadable(message: str) -> None:
    """One clear line on stderr, never a traceback."""
    click.echo(f"eia-rules: error: {message}", err=True)
