"""Helpers shared by the commands: finding documents, reporting unreadable ones."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from eia_rules.discovery import discover


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Files as given, and the documents under folders, globs and @list files (as `audit` finds them)."""
    return [found.path for found in discover(paths)]


def report_unreadable(message: str) -> None:
    """One clear line on stderr, never a traceback."""
    click.echo(f"eia-rules: error: {message}", err=True)
