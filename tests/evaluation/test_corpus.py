"""Loading labelled corpora in both layouts, and refusing folders that hold none."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eia_rules.errors import InputError
from eia_rules.evaluation.corpus import load_corpus
from eia_rules.evaluation.fields import expected_fields


def _sidecar(folder: Path, name: str, labels: dict, text: str = "Some text.") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = folder / name
    doc.write_text(text, encoding="utf-8")
    (folder / (doc.stem + ".expected.json")).write_text(json.dumps(labels), encoding="utf-8")
    return doc


def test_sidecar_corpus_is_read_recursively_with_names_relative_to_the_root(tmp_path: Path) -> None:
    _sidecar(tmp_path / "md", "a.md", {"pc": {"age": "listed"}})
    _sidecar(tmp_path / "json", "b.json", {"pc": {"race": "absent"}}, text="{}")
    docs = load_corpus(tmp_path)
    assert [d.name for d in docs] == ["json/b.json", "md/a.md"]
    assert docs[1].labels["pc"] == {"age": "listed"} and docs[1].path == tmp_path / "md" / "a.md"


def test_label_without_its_document_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "lost.expected.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="no document"):
        load_corpus(tmp_path)


def test_jsonl_corpus_pairs_labels_with_fragments(tmp_path: Path) -> None:
    (tmp_path / "fragments").mkdir()
    (tmp_path / "fragments" / "001.txt").write_text("Age: no impact.", encoding="utf-8")
    lines = [{"id": "001", "pc": {"age": "asserted"}}, {"id": "002", "pc": {"age": "absent"}}]
    (tmp_path / "labels.jsonl").write_text("\n".join(map(json.dumps, lines)) + "\n\n", encoding="utf-8")
    docs = load_corpus(tmp_path)
    assert [d.name for d in docs] == ["fragments/001.txt", "fragments/002.txt"]
    assert docs[0].path.is_file() and not docs[1].path.exists()  # a missing fragment fails later, alone


def test_jsonl_line_that_is_not_json_is_named_by_line(tmp_path: Path) -> None:
    (tmp_path / "labels.jsonl").write_text('{"id": "001"}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"labels\.jsonl:2"):
        load_corpus(tmp_path)


@pytest.mark.parametrize("make", [lambda p: p / "missing", lambda p: p])
def test_missing_or_empty_folder_is_an_input_error(tmp_path: Path, make) -> None:
    with pytest.raises(InputError):
        load_corpus(make(tmp_path))


def test_free_text_consultation_labels_read_as_given_or_not() -> None:
    fields = expected_fields({"consultation": {"present": True, "who": "tenants' groups",
                                               "when_or_duration": "not stated", "responses_considered": ""},
                              "mitigation": "mentioned", "monitoring": "absent"})
    assert fields == {"consultation.present": True, "consultation.who": True,
                      "consultation.when_or_duration": False, "consultation.responses_considered": False,
                      "mitigation.present": True, "monitoring": "absent"}
