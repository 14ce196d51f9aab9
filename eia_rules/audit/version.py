"""The rules version a document was audited under, and the configuration key beside it.

A re-run skips a document only when its content, the rules and its configuration are all
unchanged. The package version alone would miss an edited rule file during development, so
the rules version adds a hash of every bundled rule file's text.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import cache
from pathlib import Path

from ..config import Config, config_for


def _config_text(config: Config) -> str:
    return repr(dataclasses.replace(config, sources=()))


@cache
def _folder_config(folder: Path) -> tuple[str, tuple[str, ...], str]:
    config = config_for(document=folder / "_")
    key = hashlib.sha256(_config_text(config).encode()).hexdigest()[:12]
    return key, tuple(str(s) for s in config.sources), config.body_type


def config_key(document: Path) -> str:
    """A short hash of the configuration that applies to `document` (searched from its folder)."""
    return _folder_config(document.parent.resolve())[0]


def config_summary(documents: list[Path]) -> str:
    """JSON naming each distinct configuration used in a run, for the runs table."""
    seen: dict[str, dict[str, object]] = {}
    for folder in sorted({d.parent.resolve() for d in documents}):
        key, sources, body_type = _folder_config(folder)
        seen.setdefault(key, {"files": list(sources) or ["(defaults)"], "body_type": body_type})
    return json.dumps(seen, sort_keys=True)
