"""A TestClient over the real app, and the bundled example documents to upload."""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("fastapi_offline")
pytest.importorskip("multipart")

with warnings.catch_warnings():  # starlette's TestClient warns about httpx on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eia_rules.service import Settings, create_app

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO / "corpora"
DOCX = CORPORA / "examples" / "thorough-iia.docx"
MARKDOWN = CORPORA / "examples" / "weak-iia.md"
RECORD = CORPORA / "json" / "cwm-lleu-waste-collection.json"
SCHEMAS = REPO / "schemas"


_opened: list[TestClient] = []


def client_for(settings: Settings | None = None) -> TestClient:
    """A client over a new app; its worker processes are stopped after the test (see below)."""
    client = TestClient(create_app(settings or Settings(workers=1)))
    _opened.append(client)
    return client


@pytest.fixture(autouse=True)
def _stop_workers():
    """Each app checks in worker processes of its own: stop those a test started, so a run of
    many short-lived apps does not keep their processes (and their memory) to the end."""
    before = len(_opened)
    yield
    while len(_opened) > before:
        _opened.pop().app.state.worker.shutdown()


@dataclass(frozen=True)
class Kit:
    """What the tests share: example documents, the schemas folder, and helpers."""

    docx: Path = DOCX
    markdown: Path = MARKDOWN
    record: Path = RECORD
    schemas: Path = SCHEMAS

    @staticmethod
    def client_for(settings: Settings | None = None) -> TestClient:
        return client_for(settings)

    @staticmethod
    def upload(path: Path, name: str | None = None) -> dict[str, tuple[str, bytes]]:
        """The multipart `files=` argument for one document."""
        return {"file": (name or path.name, path.read_bytes())}


@pytest.fixture(scope="session")
def kit() -> Kit:
    return Kit()


@pytest.fixture(scope="session")
def client() -> TestClient:
    """One app for the session: the rule engine is compiled once, as in a real server."""
    with TestClient(create_app(Settings(workers=2))) as c:
        yield c
