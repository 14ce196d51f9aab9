"""The published JSON Schemas: in step with the models, and true of the real JSON outputs."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from eia_rules.model.record import SCHEMA_VERSION

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO / "schemas"
CORPORA = REPO / "corpora"
DOCUMENTS = [
    CORPORA / "examples" / "thorough-iia.docx",
    CORPORA / "examples" / "weak-iia.md",
    CORPORA / "wg-html" / "active-travel-schools-grant.html",
    CORPORA / "pdf" / "porth-elan-community-hubs.pdf",
    CORPORA / "json" / "cwm-lleu-waste-collection.json",
]


def eia_rules(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command, as a user runs it."""
    exe = shutil.which("eia-rules", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "eia_rules_cli.main"]
    return subprocess.run([*command, *map(str, args)], check=False, capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / name).read_text(encoding="utf-8")),
                                format_checker=FormatChecker())


def problems(name: str, instance: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(instance)]


def test_committed_schemas_match_the_models(tmp_path):
    """Regenerating gives byte-identical files: nobody changed a model without `eia-rules schema`."""
    result = eia_rules("schema", "--out-dir", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    generated = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert generated == ["iia-record.schema.json", "report.schema.json"]
    for name in generated:
        fresh = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert fresh == (SCHEMAS / name).read_text(encoding="utf-8"), \
            f"schemas/{name} is out of date: run `eia-rules schema --out-dir schemas/`"


@pytest.mark.parametrize("name", ["iia-record.schema.json", "report.schema.json"])
def test_schemas_are_identified_and_versioned(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/{SCHEMA_VERSION}/{name}")
    assert schema["x-schema-version"] == SCHEMA_VERSION
    assert schema["title"].startswith("eia-rules ")
    text = (SCHEMAS / name).read_text(encoding="utf-8")
    assert text.endswith("}\n") and json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == text


def test_report_schema_describes_the_envelope():
    schema = json.loads((SCHEMAS / "report.schema.json").read_text(encoding="utf-8"))
    assert schema["required"] == ["reports"]
    assert schema["properties"]["reports"]["items"] == {"$ref": "#/$defs/Report"}
    assert {"Report", "Finding", "Location"} <= set(schema["$defs"])


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_parse_output_matches_the_record_schema(document, tmp_path):
    result = eia_rules("parse", document, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert problems("iia-record.schema.json", json.loads(result.stdout)) == []


def test_check_output_matches_the_report_schema(tmp_path):
    """One run over every document, as CI would check a folder of assessments."""
    result = eia_rules("check", *DOCUMENTS, "--format", "json", "--exit-zero", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert len(payload["reports"]) == len(DOCUMENTS)
    assert sum(len(r["findings"]) for r in payload["reports"]) > 0
    assert problems("report.schema.json", payload) == []


def test_schemas_reject_what_the_models_reject():
    """The schemas are not vacuous: an unknown record field and an unknown severity are refused."""
    assert problems("iia-record.schema.json", {"schema_version": SCHEMA_VERSION, "surprise": True})
    assert problems("iia-record.schema.json", {"characteristics": {"age": {"status": "ticked"}}})
    finding = {"rule_id": "PC001", "family": "protected-characteristics", "severity": "fatal", "message": "x"}
    assert problems("report.schema.json", {"reports": [{"path": "a.docx", "findings": [finding]}]})
    assert problems("report.schema.json", [{"path": "a.docx"}])
