"""The rules version: which rules produced a finding.

The package version alone would miss an edited rule file during development, so the version
adds a hash of every bundled rule file's text. Reports carry it, and an audit re-checks a
document when it changes.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache

from .. import __version__
from .loader import RuleFile, find_rule_files


def rules_hash(files: Iterable[RuleFile]) -> str:
    """12 hex digits over every rule file's name and text: any edit to any rule changes it."""
    digest = hashlib.sha256()
    for rule_file in sorted(files, key=lambda f: f.display):
        digest.update(rule_file.display.encode())
        digest.update(b"\0")
        digest.update(rule_file.text.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


@cache
def rules_version() -> str:
    """'<package version>+<hash of the bundled rule files>'."""
    return f"{__version__}+{rules_hash(find_rule_files())}"
