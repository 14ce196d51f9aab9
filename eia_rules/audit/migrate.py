"""Apply the numbered SQL migrations in `migrations/` to an audit store.

The schema version lives in SQLite's own `PRAGMA user_version`, so a store created by an older
eia-rules is brought up to date in place and a newer one is refused rather than misread.
Migrations are plain SQL files named `NNNN_description.sql`, applied in order, each in one
transaction.
"""
from __future__ import annotations

import re
import sqlite3
from importlib import resources

from ..errors import EiaRulesError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) for every bundled migration, in order."""
    found = []
    for entry in resources.files("eia_rules.audit").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"audit migrations are not numbered 1..{len(found)}: {numbers}")
    return found


def migrate(conn: sqlite3.Connection, label: str = "audit store") -> int:
    """Bring the schema up to the newest version; return that version."""
    steps = migrations()
    newest = steps[-1][0] if steps else 0
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > newest:
        raise EiaRulesError(f"{label}: schema version {current} is newer than this eia-rules knows "
                            f"({newest}); upgrade eia-rules or use another --db file")
    for number, _name, sql in steps:
        if number <= current:
            continue
        # executescript commits first; wrap the script so a failed step leaves nothing half done
        try:
            conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error:
            conn.rollback()
            raise
    return newest
