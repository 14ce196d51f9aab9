"""The Dask task's fallback: a worker that may not have children checks the file itself."""
from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from .conftest import small_md

pytest.importorskip("distributed")


def _in_daemon(path: str, queue) -> None:
    from eia_rules.audit.dask_engine import audit_on_worker, can_isolate

    result = audit_on_worker(path, timeout=30)
    queue.put((can_isolate(), result.status, len(result.findings)))


def test_a_daemonic_worker_checks_the_file_in_its_own_process(tmp_path: Path) -> None:
    path = small_md(tmp_path / "docs", ["a.md"]) / "a.md"
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_in_daemon, args=(str(path), queue), daemon=True)
    proc.start()
    isolated, status, findings = queue.get(timeout=120)
    proc.join()
    assert not isolated
    assert status == "ok" and findings > 0
