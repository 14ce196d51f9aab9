"""Every bundled rule fires on at least one realistic corpus document (issue 3).

A rule that never reports on any document the project ships is either unreachable (the
structurer never produces what it looks for) or untested against real-looking text; either
way a user would never see it. The corpus is checked once for the whole module.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eia_rules.engine.checker import RuleSet
from eia_rules.pipeline import check

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
FAMILIES = ("wg-html", "la-docx", "hb-docx", "pdf", "narrative-md", "json")
LABEL_SUFFIX = ".expected.json"


def _documents() -> list[Path]:
    return sorted(p for f in FAMILIES for p in (CORPORA / f).iterdir()
                  if p.is_file() and not p.name.endswith(LABEL_SUFFIX))


@pytest.fixture(scope="module")
def fired() -> dict[str, set[str]]:
    """Rule code -> the corpus documents it reports on."""
    out: dict[str, set[str]] = {}
    for doc in _documents():
        for finding in check(doc).findings:
            out.setdefault(finding.rule_id, set()).add(doc.relative_to(CORPORA).as_posix())
    return out


def test_every_bundled_rule_fires_on_some_corpus_document(fired: dict[str, set[str]]) -> None:
    codes = {rule.id for rule in RuleSet.load().rules}
    silent = sorted(codes - set(fired))
    assert not silent, f"rules that fire on no corpus document: {silent}"


def test_rules_labelled_must_fire_do_fire_where_labelled(fired: dict[str, set[str]]) -> None:
    """The hand-added expectations behind the coverage (e.g. GV001 on an untitled note) hold."""
    missing = []
    for doc in _documents():
        labels_path = doc.with_name(doc.stem + LABEL_SUFFIX)
        name = doc.relative_to(CORPORA).as_posix()
        for code in json.loads(labels_path.read_text(encoding="utf-8"))["rules"]["must_fire"]:
            if name not in fired.get(code, set()):
                missing.append(f"{name}: {code}")
    assert not missing, missing
