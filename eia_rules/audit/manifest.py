"""An optional manifest for archives whose documents do not say who wrote them or when.

A CSV file with a header row (`path,directorate,service,decision_date`) or a YAML file (a list
of mappings with the same keys, or a mapping from path to the other keys). Paths are relative
to the manifest's folder or absolute. A document's own fields win; the manifest fills the
gaps. Folder names are never taken for a directorate: an archive's folders are as often
formats or years as owners.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import EiaRulesError

FIELDS = ("directorate", "service", "decision_date")


@dataclass(frozen=True)
class ManifestEntry:
    directorate: str = ""
    service: str = ""
    decision_date: str = ""


def _rows(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        return list(csv.DictReader(text.splitlines()))
    data = yaml.safe_load(text) or []
    if isinstance(data, dict):
        return [{"path": key, **(value or {})} for key, value in data.items()]
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        return data
    raise EiaRulesError(f"{path}: a manifest is a list of entries or a mapping from path to entry")


def load_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Resolved document path -> its entry."""
    if path.suffix.lower() not in (".csv", ".yaml", ".yml"):
        raise EiaRulesError(f"{path}: a manifest must be a .csv, .yaml or .yml file")
    entries: dict[str, ManifestEntry] = {}
    for number, row in enumerate(_rows(path), start=1):
        where = str(row.get("path") or "").strip()
        if not where:
            raise EiaRulesError(f"{path}: entry {number} has no path")
        doc = Path(where) if Path(where).is_absolute() else path.parent / where
        entries[str(doc.resolve())] = ManifestEntry(*(str(row.get(f) or "").strip() for f in FIELDS))
    return entries
