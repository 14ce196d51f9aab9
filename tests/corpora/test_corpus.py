"""The project's own corpus: enough documents, well-formed labels, and files that match their sources."""
from __future__ import annotations

import io
import json
import sys
from collections import Counter
from pathlib import Path

import docx
import pypdf
import pytest
import yaml

from eia_rules.model.record import CHARACTERISTICS, IIARecord

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
sys.path.insert(0, str(CORPORA))

from corpusgen.build import EXAMPLE_DIR, build_all
from corpusgen.render_pdf import font_available
from corpusgen.source import FAMILIES, LANGUAGES, QUALITIES

LABEL_SUFFIX = ".expected.json"
PC_STATUSES = {"assessed", "asserted", "listed", "absent"}
WAY_STATUSES = {"evidenced", "mentioned", "absent"}
TOPIC_STATUSES = {"addressed", "mentioned", "absent"}
WAYS = {"long_term", "prevention", "integration", "collaboration", "involvement"}
CONSULTATION_KEYS = {"present", "who", "when_or_duration", "responses_considered", "changes_made", "vague"}


def _documents(folder: str | None = None) -> list[Path]:
    dirs = [CORPORA / folder] if folder else [CORPORA / f for f in FAMILIES]
    return sorted(p for d in dirs if d.is_dir() for p in d.iterdir() if p.is_file() and not p.name.endswith(LABEL_SUFFIX))


def _labels_path(doc: Path) -> Path:
    return doc.with_name(doc.stem + LABEL_SUFFIX)


def _labels(doc: Path) -> dict:
    return json.loads(_labels_path(doc).read_text(encoding="utf-8"))


ALL_DOCS = _documents()
EXAMPLES = _documents(EXAMPLE_DIR)


def test_at_least_forty_documents_over_six_families() -> None:
    families = Counter(doc.parent.name for doc in ALL_DOCS)
    assert len(ALL_DOCS) >= 40, f"only {len(ALL_DOCS)} documents"
    assert len(families) >= 6 and all(n >= 3 for n in families.values()), families


def test_every_format_is_represented() -> None:
    assert {doc.suffix.lstrip(".") for doc in ALL_DOCS} >= {"docx", "pdf", "html", "md", "txt", "json"}


def test_quality_mix_has_all_three_levels_in_similar_shares() -> None:
    counts = Counter(_labels(doc)["quality"] for doc in ALL_DOCS)
    assert set(counts) == set(QUALITIES)
    assert min(counts.values()) >= len(ALL_DOCS) / 5, counts


def test_welsh_and_bilingual_documents_are_included() -> None:
    languages = Counter(_labels(doc)["language"] for doc in ALL_DOCS)
    assert languages["cy"] + languages["bilingual"] >= 3, languages


@pytest.mark.parametrize("doc", ALL_DOCS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_labels_are_well_formed(doc: Path) -> None:
    assert _labels_path(doc).exists(), f"no labels for {doc.name}"
    labels = _labels(doc)
    assert labels["document"] == f"{doc.parent.name}/{doc.name}"
    assert labels["family"] in FAMILIES and labels["language"] in LANGUAGES and labels["quality"] in QUALITIES
    assert labels["family"] == doc.parent.name
    assert set(labels["pc"]) == set(CHARACTERISTICS)
    assert set(labels["pc"].values()) <= PC_STATUSES
    assert set(labels["ways_of_working"]) == WAYS and set(labels["ways_of_working"].values()) <= WAY_STATUSES
    for topic in ("socio_economic", "welsh_language", "childrens_rights", "mitigation", "monitoring"):
        assert labels[topic] in TOPIC_STATUSES, topic
    consultation = labels["consultation"]
    assert set(consultation) == CONSULTATION_KEYS and all(isinstance(v, bool) for v in consultation.values())
    if not consultation["present"]:
        assert not any(consultation[k] for k in CONSULTATION_KEYS - {"present"})
    assert set(labels["rules"]) == {"must_fire", "must_not_fire"}
    assert not set(labels["rules"]["must_fire"]) & set(labels["rules"]["must_not_fire"])
    assert labels["notes"].strip()


@pytest.mark.parametrize("doc", _documents("json"), ids=lambda p: p.name)
def test_json_records_validate_and_agree_with_their_labels(doc: Path) -> None:
    record = IIARecord.model_validate_json(doc.read_text(encoding="utf-8"))
    labels = _labels(doc)
    assert {k: v.status.value for k, v in record.characteristics.items()} == labels["pc"]
    assert {k: v.status.value for k, v in record.ways_of_working.items()} == labels["ways_of_working"]
    assert record.socio_economic.status.value == labels["socio_economic"]
    assert bool(record.engagement) == labels["consultation"]["present"]


def _original_of(example: Path) -> Path:
    """The labelled corpus document an example was copied from."""
    matches = [doc for doc in ALL_DOCS if doc.suffix == example.suffix and doc.read_bytes() == example.read_bytes()]
    assert len(matches) == 1, f"{example.name} should be a copy of exactly one corpus document"
    return matches[0]


def test_examples_used_by_the_quick_start_are_copies_of_a_weak_and_a_thorough_document() -> None:
    assert _labels(_original_of(CORPORA / EXAMPLE_DIR / "weak-iia.md"))["quality"] == "poor"
    assert _labels(_original_of(CORPORA / EXAMPLE_DIR / "thorough-iia.docx"))["quality"] == "thorough"


def _docx_text(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    text = [p.text for p in d.paragraphs]
    text += [cell.text for t in d.tables for row in t.rows for cell in row.cells]
    return text + [d.core_properties.title, str(d.core_properties.created)]


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _content(rel: str, data: bytes) -> object:
    """What a reader sees: extracted text for containers whose bytes may vary across library versions."""
    if rel.endswith(".docx"):
        return _docx_text(data)
    if rel.endswith(".pdf"):
        return _pdf_text(data)
    return data


@pytest.fixture(scope="module")
def fresh() -> dict[str, bytes]:
    if not font_available():
        pytest.skip("DejaVu fonts missing: cannot re-render the PDFs")
    return build_all(CORPORA)


def test_committed_files_match_a_fresh_render_of_the_sources(fresh: dict[str, bytes]) -> None:
    stale = [rel for rel, data in fresh.items()
             if not (CORPORA / rel).exists() or _content(rel, (CORPORA / rel).read_bytes()) != _content(rel, data)]
    assert not stale, f"run `python corpora/generate.py`; out of date: {stale}"


def test_no_document_is_left_without_a_source(fresh: dict[str, bytes]) -> None:
    on_disk = {f"{p.parent.name}/{p.name}" for p in ALL_DOCS + EXAMPLES}
    on_disk |= {f"{p.parent.name}/{_labels_path(p).name}" for p in ALL_DOCS + EXAMPLES if _labels_path(p).exists()}
    on_disk |= {f"{EXAMPLE_DIR}/{p.name}" for p in (CORPORA / EXAMPLE_DIR).glob("*")}
    assert on_disk <= set(fresh), sorted(on_disk - set(fresh))


def test_welsh_letters_survive_in_pdfs() -> None:
    welsh = [doc for doc in _documents("pdf") if _labels(doc)["language"] != "en"]
    assert welsh, "no Welsh or bilingual PDF in the corpus"
    for doc in welsh:
        assert any(ch in _pdf_text(doc.read_bytes()) for ch in "ŵŷâ"), doc.name


def _rule_ids() -> set[str]:
    rules_dir = CORPORA.parent / "rules"
    return {rule["id"] for path in rules_dir.glob("*/*.yaml")
            for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules", [])}


def test_expected_rule_codes_exist_in_the_rule_packs() -> None:
    known = _rule_ids()
    if not known:
        pytest.skip("no rule packs under rules/")
    used = {code for doc in ALL_DOCS for key in ("must_fire", "must_not_fire") for code in _labels(doc)["rules"][key]}
    assert used, "no document names any rule code"
    assert used <= known, f"unknown rule codes in labels: {sorted(used - known)}"
