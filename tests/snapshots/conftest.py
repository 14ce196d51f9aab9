"""Snapshot tests never write snapshots in CI.

syrupy fails a missing or changed snapshot unless it is told to update; told to in CI, it
would write whatever the code now produces and pass, which is the one thing a pinned record
must not do. Snapshots are updated on a developer's machine and read in review.
"""
from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("CI") and (config.getoption("update_snapshots", False)
                                 or config.getoption("update_new_snapshots_only", False)):
        raise pytest.UsageError("snapshots are not updated in CI (CI is set): run "
                                "`pytest tests/snapshots --snapshot-update` on your machine, "
                                "read the diff and commit it")
