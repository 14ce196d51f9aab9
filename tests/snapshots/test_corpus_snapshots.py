"""Records pinned: a snapshot of every corpus document's record and findings.

Each corpus document's `IIARecord` and a compact list of its findings are kept as one pretty
JSON file under `__snapshots__/`, so a refactor proves it changed nothing (the snapshots still
match) and a fix shows exactly what it changed (the snapshot diff, read in review). After an
intended change, `pytest tests/snapshots --snapshot-update` rewrites them; see docs/testing.md.

What is pinned is what the repository holds and nothing the machine or the run adds: the
document's path is made relative to the repository, the date rules measure age against is
fixed, and the configuration is the default one, so a `.eia-rules.toml` somewhere above the
checkout cannot change the findings.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.json import JSONSnapshotExtension

from eia_rules import Finding, check_record, parse
from eia_rules.config import Config
from eia_rules.model.blocks import Location
from eia_rules.evaluation.corpus import JSONL_NAME, load_jsonl, load_sidecars

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO / "corpora"
# The real-excerpt fragments, once they are added to the repository; until then, no cases.
REAL_FOLDER = "real"
EXAMPLES_FOLDER = "examples"
EXAMPLE_SUFFIXES = frozenset({".docx", ".md"})
# Rules measure the age of an assessment and of its evidence against "today": a fixed day, so
# the snapshots do not drift as the calendar moves on.
TODAY = date(2026, 12, 1)
TEST_NAME = "test_document_pinned"
SNAPSHOT_DIR = Path(__file__).parent / "__snapshots__" / Path(__file__).stem
UPDATE_COMMAND = "pytest tests/snapshots --snapshot-update"


def document_id(corpora: Path, path: Path) -> str:
    """The test id of a document: its path under corpora/, with '__' for '/'.

    syrupy names the snapshot file after the test id and drops '/' from it, so the folder
    separator is spelt out to keep 'la-docx__x.docx' readable and distinct from 'la-docxx.docx'.
    """
    return path.relative_to(corpora).as_posix().replace("/", "__")


def corpus_documents(corpora: Path = CORPORA) -> dict[str, Path]:
    """Every corpus document to pin, by test id, sorted by id.

    That is every document with an `X.expected.json` sidecar, the quick-start examples
    (`examples/*.docx`, `examples/*.md`), and every document listed in `real/labels.jsonl`
    when that folder exists. A listed fragment whose file is missing is kept: its test then
    fails naming it, rather than the document silently dropping out of the pinned set.
    """
    paths = [doc.path for doc in load_sidecars(corpora)]
    examples = corpora / EXAMPLES_FOLDER
    if examples.is_dir():
        paths += [p for p in examples.iterdir() if p.is_file() and p.suffix in EXAMPLE_SUFFIXES]
    real = corpora / REAL_FOLDER
    if (real / JSONL_NAME).is_file():
        paths += [doc.path for doc in load_jsonl(real)]
    documents: dict[str, Path] = {}
    for path in paths:
        doc_id = document_id(corpora, path)
        if doc_id in documents and documents[doc_id] != path:
            raise ValueError(f"two corpus documents share the snapshot id {doc_id!r}: "
                             f"{documents[doc_id]} and {path}")
        documents[doc_id] = path
    return dict(sorted(documents.items()))


def snapshot_path(doc_id: str) -> Path:
    """Where syrupy keeps the snapshot of one document (its JSON extension's default layout)."""
    return SNAPSHOT_DIR / f"{TEST_NAME}[{doc_id}].json"


def _compact_finding(finding: Finding) -> OrderedDict[str, Any]:
    """The parts of a finding a reviewer compares; rule id first, so a diff reads by rule.

    An OrderedDict because the JSON extension keeps its order (and sorts plain dicts' keys).
    Locations leave out their unset fields; a grouped finding adds its other places (`also_at`);
    titles, legal basis and remediation are catalogue
    text that the rules' own tests cover, not something a document decides.
    """
    compact = OrderedDict([
        ("rule_id", finding.rule_id),
        ("severity", finding.severity.value),
        ("outcome", finding.outcome.value),
        ("section", finding.section),
        ("message", finding.message),
        ("locations", _locations(finding.locations)),
    ])
    if finding.also_at:  # a repeated finding reported once: its other places, only when it has some
        compact["also_at"] = [OrderedDict([("section", p.section), ("locations", _locations(p.locations))])
                              for p in finding.also_at]
    return compact


def _locations(locations: list[Location]) -> list[dict[str, Any]]:
    """Locations without their unset fields."""
    return [loc.model_dump(mode="json", exclude_defaults=True) for loc in locations]


def _finding_order(finding: OrderedDict[str, Any]) -> tuple[str, ...]:
    """A total order that does not depend on the order the engine happened to fire in."""
    return (finding["rule_id"], finding["section"], json.dumps(finding["locations"], sort_keys=True),
            finding["message"], finding["severity"], finding["outcome"])


def pin(path: Path, repo: Path = REPO) -> dict[str, Any]:
    """What is pinned for one document: its record (JSON mode) and its sorted, compact findings."""
    record = parse(path)
    report = check_record(record, config=Config(), today=TODAY)
    dumped = record.model_dump(mode="json")
    dumped["source"]["path"] = Path(path).resolve().relative_to(repo).as_posix()
    findings = sorted((_compact_finding(f) for f in report.findings), key=_finding_order)
    return {"record": dumped, "findings": findings}


DOCUMENTS = corpus_documents()


@pytest.fixture(scope="session")
def pinned() -> Callable[[str], dict[str, Any]]:
    """Each document parsed and checked once per session, however many tests ask for it."""
    cache: dict[str, dict[str, Any]] = {}

    def get(doc_id: str) -> dict[str, Any]:
        if doc_id not in cache:
            cache[doc_id] = pin(DOCUMENTS[doc_id])
        return cache[doc_id]

    return get


@pytest.fixture
def json_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots as pretty JSON with sorted keys: one readable file per document."""
    return snapshot.use_extension(JSONSnapshotExtension)


@pytest.mark.parametrize("doc_id", list(DOCUMENTS))
def test_document_pinned(doc_id: str, pinned: Callable[[str], dict[str, Any]],
                         json_snapshot: SnapshotAssertion) -> None:
    """The document's record and findings are exactly those committed; the diff shows any change."""
    assert pinned(doc_id) == json_snapshot


@pytest.mark.parametrize("doc_id", list(DOCUMENTS))
def test_pinned_data_has_no_absolute_path(doc_id: str, pinned: Callable[[str], dict[str, Any]]) -> None:
    """A path of this checkout in a snapshot would fail on every other machine."""
    text = json.dumps(pinned(doc_id), ensure_ascii=False)
    assert str(REPO) not in text, f"{doc_id}: the pinned data holds this checkout's absolute path"


def _writing_snapshots(config: pytest.Config) -> bool:
    """True when syrupy was told to write snapshots, so checking for files would race it."""
    return bool(config.getoption("update_snapshots") or config.getoption("update_new_snapshots_only"))


def test_every_document_has_a_snapshot(request: pytest.FixtureRequest) -> None:
    """A corpus document without a snapshot fails here, saying how to add one.

    syrupy already fails a missing snapshot rather than writing it, unless it is told to
    update; this says which documents and what to run, in one message.
    """
    if _writing_snapshots(request.config):
        pytest.skip("snapshots are being written in this run")
    missing = [doc_id for doc_id in DOCUMENTS if not snapshot_path(doc_id).is_file()]
    assert not missing, (f"{len(missing)} corpus document(s) have no snapshot: {', '.join(missing)}. "
                         f"Run `{UPDATE_COMMAND}` and commit the new files under "
                         f"{SNAPSHOT_DIR.relative_to(REPO)} after reading them.")


def test_every_snapshot_has_a_document(request: pytest.FixtureRequest) -> None:
    """A snapshot left behind by a removed or renamed document fails here, naming it."""
    if _writing_snapshots(request.config):
        pytest.skip("snapshots are being written (and unused ones removed) in this run")
    expected = {snapshot_path(doc_id).name for doc_id in DOCUMENTS}
    orphans = sorted(p.name for p in SNAPSHOT_DIR.glob("*.json") if p.name not in expected)
    assert not orphans, (f"snapshot(s) with no corpus document: {', '.join(orphans)}. "
                         f"Run `{UPDATE_COMMAND}` to remove them.")


def _write(path: Path, text: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_corpus_documents_finds_each_kind(tmp_path: Path) -> None:
    """Sidecar documents and examples are found; the real folder adds cases only when present."""
    _write(tmp_path / "la-docx" / "a.md", "# A\n")
    _write(tmp_path / "la-docx" / "a.expected.json", "{}")
    _write(tmp_path / "la-docx" / "unlabelled.md", "# not in the corpus\n")
    _write(tmp_path / EXAMPLES_FOLDER / "weak.md", "# W\n")
    _write(tmp_path / EXAMPLES_FOLDER / "notes.txt", "not an example format\n")
    assert list(corpus_documents(tmp_path)) == ["examples__weak.md", "la-docx__a.md"]

    _write(tmp_path / REAL_FOLDER / JSONL_NAME, '{"id": "001"}\n{"id": "002", "file": "docs/two.html"}\n')
    _write(tmp_path / REAL_FOLDER / "fragments" / "001.txt", "Age: no impact.\n")
    found = corpus_documents(tmp_path)
    assert list(found) == ["examples__weak.md", "la-docx__a.md",
                           "real__docs__two.html", "real__fragments__001.txt"]
    assert found["real__docs__two.html"] == tmp_path / REAL_FOLDER / "docs" / "two.html"


def test_pin_depends_only_on_the_document(tmp_path: Path) -> None:
    """A copy elsewhere pins the same data but for its own relative path.

    So nothing of the checkout's location (or of a configuration file above it) reaches a
    snapshot, whichever folder the tests are run from.
    """
    original = CORPORA / EXAMPLES_FOLDER / "weak-iia.md"
    copy = tmp_path / "elsewhere" / "weak-iia.md"
    _write(copy, original.read_text(encoding="utf-8"))
    here, there = pin(original), pin(copy, repo=tmp_path)
    assert here["record"]["source"]["path"] == "corpora/examples/weak-iia.md"
    assert there["record"]["source"]["path"] == "elsewhere/weak-iia.md"
    there["record"]["source"]["path"] = here["record"]["source"]["path"]
    assert here["findings"], "the weak example is meant to produce findings"
    assert there == here
    assert list(here["findings"][0]) == ["rule_id", "severity", "outcome", "section", "message", "locations"]
