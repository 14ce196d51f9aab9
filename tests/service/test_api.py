"""The JSON API: every endpoint, the formats, and the failures a client must be able to act on."""
from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from jsonschema import Draft202012Validator

import eia_rules
from eia_rules.config import Config
from eia_rules.engine.checker import RuleSet
from eia_rules.service import Settings, create_app
from eia_rules.service.settings import MB

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def report_problems(report: dict) -> list[str]:
    schema = json.loads((SCHEMAS / "report.schema.json").read_text(encoding="utf-8"))
    return [e.message for e in Draft202012Validator(schema).iter_errors({"reports": [report]})]


def library_rule_ids(path) -> list[str]:
    """What the Python API finds in the same document with the default configuration."""
    return sorted(f.rule_id for f in eia_rules.check(path, config=Config()).findings)


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_check_upload_returns_the_report(client, kit):
    response = client.post("/v1/check", files=kit.upload(kit.docx))
    assert response.status_code == 200
    report = response.json()
    assert report["path"] == kit.docx.name and report["format"] == "docx"
    assert report_problems(report) == []
    assert sorted(f["rule_id"] for f in report["findings"]) == library_rule_ids(kit.docx)


def test_check_json_record_body(client, kit):
    response = client.post("/v1/check", content=kit.record.read_bytes(), headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report_problems(report) == []
    assert sorted(f["rule_id"] for f in report["findings"]) == library_rule_ids(kit.record)


def test_invalid_json_record_names_the_field(client):
    body = json.dumps({"schema_version": "1.0", "characteristics": {"age": {"status": "ticked"}}})
    response = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "age" in response.json()["detail"] and "status" in response.json()["detail"]


def test_check_in_other_formats(client, kit):
    count = len(client.post("/v1/check", files=kit.upload(kit.markdown)).json()["findings"])
    assert count > 0
    sarif = client.post("/v1/check?format=sarif", files=kit.upload(kit.markdown))
    assert sarif.headers["content-type"].startswith("application/sarif+json")
    assert len(sarif.json()["runs"][0]["results"]) == count
    junit = client.post("/v1/check?format=junit", files=kit.upload(kit.markdown))
    assert junit.headers["content-type"].startswith("application/xml")
    assert len(ElementTree.fromstring(junit.content).findall(".//failure")) > 0
    rows = list(csv.DictReader(io.StringIO(client.post("/v1/check?format=csv", files=kit.upload(kit.markdown)).text)))
    assert len(rows) == count
    assert client.post("/v1/check?format=pdf", files=kit.upload(kit.markdown)).status_code == 422


def test_parse_returns_the_record(client, kit):
    response = client.post("/v1/parse", files=kit.upload(kit.docx))
    assert response.status_code == 200
    record = eia_rules.IIARecord.model_validate(response.json())
    expected = eia_rules.parse(kit.docx)
    assert {k: v.status for k, v in record.characteristics.items()} == \
        {k: v.status for k, v in expected.characteristics.items()}
    assert record.metadata.title == expected.metadata.title


def test_rule_catalogue(client):
    catalogue = RuleSet.load().rules
    listed = client.get("/v1/rules").json()
    assert [r["id"] for r in listed] == [r.id for r in catalogue]
    first = catalogue[0]
    one = client.get(f"/v1/rules/{first.id.lower()}")
    assert one.status_code == 200 and one.json()["title"] == first.title
    assert one.json()["remediation"] == first.remediation


def test_unknown_rule_code_is_404(client):
    response = client.get("/v1/rules/XX999")
    assert response.status_code == 404
    assert "XX999" in response.json()["detail"]


def test_annotate_returns_a_commented_word_copy(client, kit):
    response = client.post("/v1/annotate", files=kit.upload(kit.docx, "draft iia.docx"))
    assert response.status_code == 200
    assert response.headers["content-type"] == DOCX_TYPE
    assert "draft%20iia-reviewed.docx" in response.headers["content-disposition"]
    comments = list(docx.Document(io.BytesIO(response.content)).comments)
    findings = client.post("/v1/check", files=kit.upload(kit.docx)).json()["findings"]
    # the summary, then one comment at each place of each finding
    assert len(comments) == 1 + sum(f["occurrences"] for f in findings if not f["suppressed"])


def test_annotate_refuses_other_formats(client, kit):
    response = client.post("/v1/annotate", files=kit.upload(kit.markdown))
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{kit.markdown.name}: ")


def test_no_files_are_left_behind(client, kit, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert client.post("/v1/annotate", files=kit.upload(kit.docx)).status_code == 200
    assert client.post("/v1/check", files=kit.upload(kit.docx)).status_code == 200
    assert list(tmp_path.iterdir()) == []


def test_unreadable_upload_gets_the_readers_message(client):
    response = client.post("/v1/check", files={"file": ("broken.docx", b"PK\x03\x04 not really a zip")})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("broken.docx: ")
    empty = client.post("/v1/check", files={"file": ("empty.md", b"")})
    assert empty.status_code == 422 and empty.json()["detail"].startswith("empty.md: ")


def test_upload_without_a_file_or_of_the_wrong_kind(client):
    no_file = client.post("/v1/check", data={"note": "x"}, files={"other": ("a.md", b"# A")})
    assert no_file.status_code == 422 and "'file'" in no_file.json()["detail"]
    wrong_type = client.post("/v1/check", content=b"# A", headers={"content-type": "text/markdown"})
    assert wrong_type.status_code == 422 and "multipart/form-data" in wrong_type.json()["detail"]


def test_folders_in_the_uploaded_name_are_dropped(client, kit):
    response = client.post("/v1/check", files=kit.upload(kit.markdown, "../../etc/weak.md"))
    assert response.status_code == 200 and response.json()["path"] == "weak.md"


def test_oversized_upload_is_413(kit):
    small = kit.client_for(Settings(max_upload_bytes=4096))
    response = small.post("/v1/check", files=kit.upload(kit.docx))  # declares its Content-Length
    assert response.status_code == 413
    assert response.json() == {"detail": "the upload is larger than this service accepts (4 KB)"}


def test_oversized_body_without_content_length_is_413(kit):
    small = kit.client_for(Settings(max_upload_bytes=4096))

    def chunks():
        for _ in range(10):
            yield b"x" * 1000

    response = small.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413 and "4 KB" in response.json()["detail"]


def test_limit_is_configurable_and_the_default_is_20_mb(kit):
    assert Settings().max_upload_bytes == 20 * MB
    assert Settings.from_env({"EIA_RULES_MAX_UPLOAD_MB": "0.5"}).max_upload_bytes == MB // 2
    assert kit.client_for(Settings(max_upload_bytes=MB)).post("/v1/check", files=kit.upload(kit.markdown)).status_code == 200


def test_slow_check_is_504(kit):
    slow = kit.client_for(Settings(timeout_seconds=0.001))
    response = slow.post("/v1/check", files=kit.upload(kit.docx))
    assert response.status_code == 504
    assert "0.001 seconds" in response.json()["detail"]


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/v1/check", "/v1/parse", "/v1/annotate", "/v1/rules", "/v1/rules/{code}", "/healthz"} <= set(spec["paths"])
    check_body = spec["paths"]["/v1/check"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "application/json"} <= set(check_body)
    page = client.get("/docs").text
    assert "https://" not in page and "http://" not in page
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200


def test_a_hanging_check_is_stopped_and_the_service_carries_on(kit, monkeypatch):
    from eia_rules.audit.worker import HANG_HOOK

    monkeypatch.setenv(HANG_HOOK, "hang.md")  # inherited by the worker process the app starts
    one = kit.client_for(Settings(timeout_seconds=20, workers=1))
    assert one.post("/v1/check", files=kit.upload(kit.markdown)).status_code == 200  # warm the worker
    one.app.state.worker.timeout = 3
    hung = one.post("/v1/check", files=kit.upload(kit.markdown, name="hang.md"))
    assert hung.status_code == 504 and "3 seconds" in hung.json()["detail"]
    one.app.state.worker.timeout = 20
    # with one worker, this would wait behind the hung check unless that process was stopped
    after = one.post("/v1/check", files=kit.upload(kit.markdown))
    assert after.status_code == 200 and after.json()["findings"]


def test_a_document_that_crashes_its_worker_is_a_500_naming_it(kit, monkeypatch):
    from eia_rules.audit.worker import CRASH_HOOK

    monkeypatch.setenv(CRASH_HOOK, "crash.md")
    one = kit.client_for(Settings(timeout_seconds=30, workers=1))
    crashed = one.post("/v1/check", files=kit.upload(kit.markdown, name="crash.md"))
    assert crashed.status_code == 500
    assert crashed.json()["detail"].startswith("crash.md: the checker stopped unexpectedly")
    assert one.post("/v1/check", files=kit.upload(kit.markdown)).status_code == 200


def test_a_started_service_warms_its_workers_before_the_first_upload():
    psutil = pytest.importorskip("psutil")
    import warnings

    with warnings.catch_warnings():  # starlette's TestClient warns about httpx on import
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    me = psutil.Process()
    before = {p.pid for p in me.children(recursive=True)}
    with TestClient(create_app(Settings(workers=2))):  # runs the app's startup, as a server does
        started = [p for p in me.children(recursive=True) if p.pid not in before
                   and "resource_tracker" not in " ".join(p.cmdline())]  # multiprocessing's own helper
        assert len(started) >= 2, started
    # and they are stopped with the app
    psutil.wait_procs([p for p in started if p.is_running()], timeout=15)
    assert not [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
