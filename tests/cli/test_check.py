"""`eia-rules check` end to end: findings, formats, exit codes and unreadable input."""
from __future__ import annotations

import zipfile

import pytest

from .conftest import EXAMPLES

WEAK = EXAMPLES / "weak-iia.md"
THOROUGH = EXAMPLES / "thorough-iia.docx"


def _families(report: dict) -> set[str]:
    return {f["rule_id"][:2] for f in report["findings"]
            if f["severity"] == "error" and not f["suppressed"]}


def test_weak_example_has_errors_in_all_four_core_families(eia):
    run = eia("check", WEAK, "--format", "json")
    assert run.code == 1, run.err
    report = run.json()["reports"][0]
    assert {"PC", "SE", "WF", "CE"} <= _families(report)


def test_thorough_example_has_no_errors_and_exits_zero(eia):
    run = eia("check", THOROUGH, "--format", "json")
    report = run.json()["reports"][0]
    errors = [f for f in report["findings"] if f["severity"] == "error" and not f["suppressed"]]
    assert errors == [], [(f["rule_id"], f["message"]) for f in errors]
    assert run.code == 0
    assert report["passed"], "a clean report still lists the rules that passed"


def test_text_output_names_file_location_and_summary(eia):
    run = eia("check", WEAK, "--no-color")
    assert run.code == 1
    assert f"{WEAK}:" in run.out
    assert "\x1b[" not in run.out  # no colour codes when not a terminal
    assert run.out.strip().splitlines()[-1].startswith("1 document checked")


def test_fail_on_and_exit_zero(eia):
    assert eia("check", WEAK, "--fail-on", "never").code == 0
    assert eia("check", WEAK, "--exit-zero").code == 0
    warnings_only = eia("check", THOROUGH, "--fail-on", "info")
    assert warnings_only.code in (0, 1)
    report = eia("check", THOROUGH, "--format", "json").json()["reports"][0]
    expect = 1 if any(not f["suppressed"] for f in report["findings"]) else 0
    assert warnings_only.code == expect


def _bad_files(tmp_path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    encrypted = tmp_path / "locked.docx"
    encrypted.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    wrong = tmp_path / "actually-a-pdf.docx"
    wrong.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    unsupported = tmp_path / "budget.xlsx"
    with zipfile.ZipFile(unsupported, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    return {"empty": empty, "corrupt": corrupt, "encrypted": encrypted, "wrong extension": wrong,
            "unsupported": unsupported}


@pytest.mark.parametrize("kind", ["empty", "corrupt", "encrypted", "wrong extension", "unsupported"])
def test_unreadable_input_gives_one_clear_line_and_exit_2(eia, tmp_path, kind):
    path = _bad_files(tmp_path)[kind]
    run = eia("check", path)
    assert run.code == 2
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, run.err
    assert str(path) in lines[0] and "Traceback" not in run.err


def test_one_bad_file_does_not_stop_the_others(eia, tmp_path):
    bad = _bad_files(tmp_path)["corrupt"]
    run = eia("check", bad, WEAK, "--format", "json")
    assert run.code == 2
    assert [r["path"] for r in run.json()["reports"]] == [str(WEAK)]


def test_folder_is_searched(eia):
    run = eia("check", EXAMPLES, "--format", "json", "--exit-zero")
    paths = sorted(r["path"] for r in run.json()["reports"])
    assert paths == sorted(str(p) for p in (WEAK, THOROUGH)), "label files (*.expected.json) are not documents"


def test_machine_formats_are_produced(eia, tmp_path):
    out = tmp_path / "r.sarif"
    assert eia("check", WEAK, "--format", "sarif", "-o", out).code == 1
    assert '"version": "2.1.0"' in out.read_text()
    assert "<testsuite" in eia("check", WEAK, "--format", "junit").out
    assert eia("check", WEAK, "--format", "github").out.startswith("::")
