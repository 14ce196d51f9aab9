"""Running a checker over a corpus: figures, disagreements, and documents that cannot be read."""
from __future__ import annotations

import json
from pathlib import Path

from eia_rules.evaluation import evaluate, evaluate_corpus, summarise
from eia_rules.evaluation.corpus import LabelledDocument
from eia_rules.evaluation.runner import Observation


def _doc(tmp_path: Path, name: str, labels: dict) -> LabelledDocument:
    path = tmp_path / name
    path.write_text("text", encoding="utf-8")
    return LabelledDocument(name, path, labels)


def test_summary_compares_labelled_fields_and_rules(tmp_path: Path) -> None:
    docs = [_doc(tmp_path, "a.md", {"pc": {"age": "listed", "race": "assessed"}, "socio_economic": "mentioned",
                                    "rules": {"must_fire": ["PC001", "SE001"], "must_not_fire": ["WL001"]}})]

    def observer(path: Path) -> Observation:
        return Observation({"pc.age": "assessed", "pc.race": "assessed", "socio_economic": "mentioned",
                            "welsh_language": "absent"},  # not labelled, so not scored
                           fired=frozenset({"PC001", "WL001"}),
                           families={"PC001": "protected-characteristics", "WL001": "welsh-language"})

    summary = summarise(evaluate(docs, observer))
    pc = summary["characteristics"]
    assert pc["compared"] == 2 and pc["accuracy"] == 0.5 and pc["false_assurance"] == 1.0
    assert summary["fields"] == {"socio_economic": {"compared": 1, "correct": 1, "accuracy": 1.0}}
    rules = summary["rules"]
    assert rules["overall"]["tp"] == 1 and rules["overall"]["fp"] == 1 and rules["overall"]["fn"] == 1
    assert set(rules["by_family"]) == {"protected-characteristics", "welsh-language", "unknown"}
    assert {(d["field"], d["expected"], d["got"]) for d in summary["disagreements"]} == {
        ("pc.age", "listed", "assessed"), ("rule SE001", "fires", "silent"), ("rule WL001", "does not fire", "fired")}


def test_checker_without_rules_has_no_rule_figures(tmp_path: Path) -> None:
    docs = [_doc(tmp_path, "a.md", {"pc": {"age": "absent"}, "rules": {"must_fire": ["PC001"]}})]
    summary = summarise(evaluate(docs, lambda p: Observation({"pc.age": "absent"})))
    assert summary["rules"] is None and summary["disagreements"] == []


def test_a_document_that_fails_to_parse_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"this is not a zip file at all")
    (tmp_path / "broken.expected.json").write_text(json.dumps({"pc": {"age": "assessed"}}), encoding="utf-8")
    (tmp_path / "good.md").write_text("# Impact assessment\n\nNothing about any group here.\n", encoding="utf-8")
    (tmp_path / "good.expected.json").write_text(json.dumps({"pc": {"age": "absent"}}), encoding="utf-8")
    summary = evaluate_corpus(tmp_path, run_rules=False)
    assert summary["documents"] == 2 and summary["evaluated"] == 1
    [failure] = summary["failures"]
    assert failure["file"] == "broken.docx" and "broken.docx" in failure["reason"]
    assert summary["characteristics"]["compared"] == 1  # the failed document is not scored


def test_a_crashing_checker_is_a_failure_with_its_reason(tmp_path: Path) -> None:
    def observer(path: Path) -> Observation:
        raise ValueError("structurer fell over")

    [result] = evaluate([_doc(tmp_path, "a.md", {})], observer)
    assert result.observation is None and result.error == "ValueError: structurer fell over"
