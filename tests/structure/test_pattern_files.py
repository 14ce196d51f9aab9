"""Every pattern file is valid data: the JSON shape (schemas in patterns/schema/), labels drawn
from the lexicon registry (lexicons.py, itself derived from the record model), no duplicate
rows, and no Welsh row written by hand that the mutation expansion already generates.

Parametrised over every file under eia_rules/structure/patterns/, so a new file is checked
without a new test. See docs/writing-patterns.md.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from eia_rules.structure import mutations
from eia_rules.structure.lexicons import LEXICONS
from eia_rules.structure.nlp import LANGS, UMBRELLA, normalise

PATTERNS = Path(__file__).resolve().parents[2] / "eia_rules" / "structure" / "patterns"
SCHEMAS = PATTERNS / "schema"
# The files under patterns/common/ that are not lexicons, each with its own schema.
COMMON_SCHEMAS = {"nonassessment.json": "nonassessment.schema.json", "proper_names.json": "proper_names.schema.json"}
LEXICON_FILES = sorted(PATTERNS.glob("*/*.jsonl"))
ALL_FILES = sorted(p for p in PATTERNS.rglob("*") if p.is_file() and SCHEMAS not in p.parents)


def _id(path: Path) -> str:
    return str(path.relative_to(PATTERNS))


def _validator(schema: str) -> Draft202012Validator:
    data = json.loads((SCHEMAS / schema).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(data)
    return Draft202012Validator(data)


def _rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row) for each non-blank line of a lexicon file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            yield number, json.loads(line)


def _key(row: dict[str, Any]) -> tuple[str, str]:
    """What a row matches, as the lexicon sees it: phrases on lower-case, normalised text."""
    pattern = row["pattern"]
    if isinstance(pattern, str):
        return row["label"], normalise(pattern).lower()
    return row["label"], json.dumps(pattern, sort_keys=True, ensure_ascii=False)


def _lexicon_files(name: str) -> dict[str, Path]:
    return {lang: PATTERNS / lang / f"{name}.jsonl" for lang in LANGS if (PATTERNS / lang / f"{name}.jsonl").is_file()}


def test_every_file_is_a_registered_lexicon_or_a_known_common_file() -> None:
    for path in ALL_FILES:
        where = _id(path)
        if path.suffix == ".jsonl":
            assert path.parent.name in LANGS, f"{where}: a lexicon file belongs in one of {LANGS}"
            assert path.stem in LEXICONS, f"{where}: register lexicon {path.stem!r} in structure/lexicons.py"
        else:
            assert path.parent.name == "common" and path.name in COMMON_SCHEMAS, f"{where}: unknown pattern file"
    for name in LEXICONS:
        assert _lexicon_files(name), f"lexicon {name!r} is registered but has no patterns/<lang>/{name}.jsonl"


@pytest.mark.parametrize("path", ALL_FILES, ids=_id)
def test_shape(path: Path) -> None:
    if path.suffix == ".jsonl":
        validator = _validator("pattern-row.schema.json")
        errors = [f"{_id(path)}:{n}: {e.message}" for n, row in _rows(path) for e in validator.iter_errors(row)]
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{_id(path)}: {e.message}" for e in _validator(COMMON_SCHEMAS[path.name]).iter_errors(data)]
        if path.name == "nonassessment.json":
            for regexes in data.values():
                for regex in regexes:
                    re.compile(regex)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", LEXICON_FILES, ids=_id)
def test_labels_are_registered(path: Path) -> None:
    spec = LEXICONS[path.stem]
    errors = []
    for n, row in _rows(path):
        unknown = set(row["label"].split(UMBRELLA)) - spec.labels
        if unknown:
            errors.append(f"{_id(path)}:{n}: label {', '.join(sorted(unknown))} is not one of {sorted(spec.labels)}")
        if spec.words_only and not isinstance(row["pattern"], str):
            errors.append(f"{_id(path)}:{n}: {path.stem!r} is read as a word list, so its rows must be phrases")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", LEXICON_FILES, ids=_id)
def test_no_duplicate_rows(path: Path) -> None:
    """Within the file; and an English row the Welsh file of the same lexicon also has is a
    duplicate too, since both files make one lexicon (the Welsh row also matches mutated)."""
    seen: dict[tuple[str, str], int] = {}
    errors = []
    others = _lexicon_files(path.stem)
    welsh = {_key(row) for _, row in _rows(others["cy"])} if path.parent.name == "en" and "cy" in others else set()
    for n, row in _rows(path):
        key = _key(row)
        if key in seen:
            errors.append(f"{_id(path)}:{n}: the same row as line {seen[key]}")
        elif key in welsh:
            errors.append(f"{_id(path)}:{n}: cy/{path.name} has the same row")
        seen.setdefault(key, n)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", LEXICON_FILES, ids=_id)
def test_no_hand_written_mutations(path: Path) -> None:
    """A row the mutation expansion already makes from a Welsh row of the same lexicon and label
    ('grefydd' beside 'crefydd') adds nothing; and the expansion reads a Welsh phrase's first
    letter as written, so Welsh phrases are lower case."""
    welsh = _lexicon_files(path.stem).get("cy")
    generated: dict[tuple[str, str], str] = {}
    for _, row in _rows(welsh) if welsh else ():
        if isinstance(row["pattern"], str):
            for variant in mutations.variants(row["pattern"]):
                generated.setdefault((row["label"], variant.lower()), row["pattern"])
    errors = []
    for n, row in _rows(path):
        pattern = row["pattern"]
        if not isinstance(pattern, str):
            continue
        if path.parent.name == "cy" and pattern != pattern.lower():
            errors.append(f"{_id(path)}:{n}: write Welsh phrases in lower case ({pattern!r})")
        source = generated.get(_key(row))
        if source is not None and source.lower() != pattern.lower():
            errors.append(f"{_id(path)}:{n}: {pattern!r} is a mutated form of {source!r}, which already matches it")
    assert not errors, "\n".join(errors)


# Lexicons where a phrase has rows under two labels today. Only one label survives (`find`
# keeps one of two identical spans), so e.g. 'easy read' is found as accessible_engagement and
# never as disability_access; the umbrella label 'a|b' is the way to give a phrase both. Fixing
# them changes records, so it is left to the owners of those lexicons: strict, so that this
# list must shrink when one is fixed.
_TWO_LABEL_PHRASES = {"engagement", "evidence", "signals", "topics"}


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="a phrase under two labels (see above)"))
    if name in _TWO_LABEL_PHRASES else name
    for name in sorted(n for n, spec in LEXICONS.items() if not spec.words_only)
])
def test_a_phrase_has_one_label(name: str) -> None:
    labels: dict[str, set[str]] = {}
    for path in _lexicon_files(name).values():
        for _, row in _rows(path):
            if isinstance(row["pattern"], str):
                labels.setdefault(_key(row)[1], set()).add(row["label"])
    clashes = {phrase: sorted(found) for phrase, found in labels.items() if len(found) > 1}
    assert not clashes, f"{name}: {clashes} (write one row with the label 'a|b' to name both)"
