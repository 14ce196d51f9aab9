"""The hostile corpus through the batch front ends: an audit killed with SIGKILL midway and
resumed accounts for every file and leaves no worker behind; the service answers every file
with a report or a JSON error and is still healthy afterwards (issue 17).

A sample of the corpus (every third file, and every special file) keeps this module quick: the
classes are all in it, and each file's own answer is what test_hostile.py pins.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from eia_rules.errors import safe_name

from .generate import SECRET

EIA_RULES = Path(sys.executable).with_name("eia-rules")


def _sample(paths: list[Path]) -> list[Path]:
    return [p for i, p in enumerate(paths) if i % 3 == 0 or p.name.startswith(("special-", "name-", "~$", ".~lock"))]


def _children(pid: int) -> list[int]:
    import psutil

    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pids: list[int]) -> list[int]:
    import psutil

    return [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]


def test_audit_survives_sigkill_and_resumes_with_every_file_recorded(hostile, tmp_path):
    folder, paths = hostile
    listing = tmp_path / "files.txt"
    # editors' files are skipped, not recorded; a name with a newline cannot be written in a list
    sample = [p for p in _sample(paths) if not p.name.startswith(("~$", ".~lock")) and "\n" not in p.name]
    listing.write_bytes(b"\n".join(os.fsencode(p) for p in sample) + b"\n")
    db = tmp_path / "audit.sqlite"
    args = [os.fsencode(EIA_RULES), b"audit", b"@" + os.fsencode(listing), b"--db", os.fsencode(db),
            b"--jobs", b"2", b"--timeout", b"8"]
    first = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill it once some documents are stored
        time.sleep(0.5)
        if db.exists() and _count(db) >= 10 or first.poll() is not None:
            break
    workers = _children(first.pid)
    first.send_signal(signal.SIGKILL)
    first.wait()
    time.sleep(3)
    assert not _alive(workers), "workers outlived their SIGKILLed parent"
    done_before = _count(db)
    second = subprocess.run(args, capture_output=True, timeout=600)
    assert second.returncode == 0, second.stderr.decode("utf-8", "replace")[-2000:]
    assert b"Traceback" not in second.stderr
    # a file that is read but is no assessment (a stray text, a blank page) is recorded as skipped
    con = sqlite3.connect(db)
    stored = {row[0] for row in con.execute("SELECT path FROM documents UNION SELECT path FROM skipped")}
    expected = {safe_name(_real(p)) for p in sample if not os.path.isdir(p)}
    missing = {p for p in expected - stored if not p.startswith("/proc/")}  # /proc/self differs per process
    assert not missing, sorted(missing)[:10]
    assert 0 < done_before < len(expected)


def _real(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def _count(db: Path) -> int:
    try:
        return sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_the_service_answers_every_file_and_stays_healthy(hostile):
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from eia_rules.service import Settings, create_app

    _, paths = hostile
    files = [p for p in _sample(paths) if os.path.isfile(p) and not os.path.islink(p)]
    client = TestClient(create_app(Settings(workers=2, timeout_seconds=8)))
    try:
        for path in files:
            response = client.post("/v1/check", files={"file": (safe_name(path.name), path.read_bytes())})
            assert response.status_code in (200, 413, 422, 500, 504), (path.name, response.status_code)
            assert response.headers["content-type"].startswith("application/json"), path.name
            assert SECRET not in response.text
            if response.status_code >= 400:
                assert "detail" in response.json()
        assert client.get("/healthz").json() == {"status": "ok"}
    finally:
        client.app.state.worker.shutdown()
