"""Helpers for keeping the places a value came from."""
from __future__ import annotations

from collections.abc import Iterable

from ..model.blocks import Location


def merge_locations(groups: Iterable[Iterable[Location]]) -> list[Location]:
    """Locations in first-seen order without repeats."""
    seen: dict[Location, None] = {}
    for group in groups:
        for loc in group:
            seen.setdefault(loc, None)
    return list(seen)
