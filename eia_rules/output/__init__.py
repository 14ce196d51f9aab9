"""Reporters: turn reports into text for people or formats for machines.

Every renderer is `render(reports, rules, **options) -> str`; `rules` gives rule metadata
(help, legal basis) to the formats that carry it. Options a format does not use are ignored.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model.findings import Report
from . import csv_out, github, json_out, junit, sarif, text

Renderer = Callable[..., str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_out.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "csv": csv_out.render,
}


def render(fmt: str, reports: Sequence[Report], rules: Sequence[object] = (), **options: object) -> str:
    """Render `reports` in the named format (one of FORMATS)."""
    return FORMATS[fmt](reports, rules, **options)
