"""Helpers shared by the commands: finding documents, reporting unreadable ones."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from eia_rules.discovery import discover
from eia_rules.errors import safe_name


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Files as given, and the documents under folders, globs and @list files (as `audit` finds them)."""
    return [found.path for found in discover(paths)]


def report_unreadable(message: str, debug: str | None = None) -> None:
    """One clear line on stderr, never a traceback (unless --debug asked for it)."""
    if debug and debug_wanted():
        click.echo(debug.rstrip(), err=True)
    click.echo(f"eia-rules: error: {safe_name(message)}", err=True)


def debug_wanted() -> bool:
    """Whether `eia-rules --debug` was given (tracebacks of unexpected errors are shown)."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    return bool(root is not None and isinstance(root.obj, dict) and root.obj.get("debug"))
