"""Nothing breaks it: every hostile file gets a report or one clear line, in bounded time and
memory, and no output ever holds the content of a local file (issue 17).

The corpus is generated at test time (generate.py). The main test runs the real console
script once over every file with two workers, as a user or CI would, and checks each file is
accounted for; the others pin single-file behaviour in-process.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eia_rules.errors import safe_name
from eia_rules_cli.main import cli

from .conftest import TEST_LIMITS
from .generate import PARAS, SECRET, _body, _text_ops, docx, pages_pdf

EIA_RULES = Path(sys.executable).with_name("eia-rules")
JOBS = 2


@pytest.fixture(scope="module")
def checked(hostile):
    """One `eia-rules check` over the whole corpus: (paths, exit code, stderr, report JSON, seconds, peak MB)."""
    folder, paths = hostile
    out = folder.parent / "report.json"
    args = [os.fsencode(EIA_RULES), b"check", b"--jobs", str(JOBS).encode(), b"--format", b"json", b"-o",
            os.fsencode(out)] + [os.fsencode(p) for p in paths]
    start = time.monotonic()
    result = subprocess.run(args, capture_output=True, timeout=600, cwd=folder.parent)
    seconds = time.monotonic() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    text = out.read_text("utf-8") if out.exists() else ""
    return paths, result.returncode, result.stderr.decode("utf-8"), text, result.stdout, seconds, peak_mb


def test_the_corpus_has_every_class(hostile):
    _, paths = hostile
    assert len(paths) >= 200
    names = " ".join(p.name for p in paths)
    for kind in ("zipbomb", "xxe", "docx-wrong-root", "gridSpan", "gridBefore", "basedon-cycle", "pdf-truncated",
                 "pdf-1500-pages", "text-2m", "html-deep", "json-deep", "misspelt", "wrongext", "~$", ".~lock",
                 "special-fifo", "special-loop", "special-xxxxxxxx", "name-"):
        assert kind in names, kind


def test_every_file_gets_a_report_or_one_clear_line(checked):
    paths, code, err, report, _, _, _ = checked
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    lines = err.splitlines()
    assert all(line.startswith("eia-rules: ") for line in lines), [x for x in lines if not x.startswith("eia-rules: ")]
    assert not [line for line in lines if "unexpected error" in line]
    reported = {r["path"] for r in json.loads(report)["reports"]}
    for path in paths:
        if os.path.isdir(path):
            continue  # a folder named like a document is searched, and this one is empty
        name = safe_name(str(path))
        assert name in reported or any(f" {name}: " in f" {line.split(': ', 1)[-1]}" or name in line
                                       for line in lines), f"no answer for {name}"


def test_editors_files_are_skipped_not_errors(checked):
    _, _, err, _, _, _, _ = checked
    for name in ("~$draft-iia.docx", ".~lock.draft-iia.docx#"):
        line = next(x for x in err.splitlines() if name in x)
        assert line.startswith("eia-rules: skipped ")


def test_nothing_runs_past_its_limit(checked):
    paths, _, _, _, _, seconds, peak_mb = checked
    assert seconds < len(paths) * TEST_LIMITS["max_seconds"] / JOBS
    assert peak_mb < TEST_LIMITS["max_memory_mb"]


def test_no_local_content_in_any_output(checked):
    _, _, err, report, stdout, _, _ = checked
    for text in (err, report, stdout.decode("utf-8", "replace")):
        assert SECRET not in text
        assert "PATH=" not in text  # /proc/self/environ behind a link


def test_limit_breaches_name_the_file_and_the_limit(checked):
    _, _, err, _, _, _, _ = checked
    lines = err.splitlines()
    for name, limit in (("text-2m-chars.txt", "max_chars"), ("json-deep-array-10000.json", "max_depth"),
                        ("pdf-1500-pages.pdf", "1500 pages"), ("pdf-huge-content-stream.pdf", "max_page_chars")):
        line = next(x for x in lines if name in x)
        assert limit in line, line


# ---------------------------------------------------------------- single files, in-process

def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_truncated_pdf_is_one_line_without_the_library_warning(hostile):
    folder, _ = hostile
    code, _, err = _run("check", str(folder / "pdf-truncated-90.pdf"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert "EOF marker" not in err and "incorrect startxref" not in err


def test_a_lock_file_named_alone_is_skipped(hostile):
    folder, _ = hostile
    code, _, err = _run("check", str(folder / "~$draft-iia.docx"))
    assert code == 0
    assert "skipped" in err


def test_a_name_that_is_not_utf8_is_printed_and_reported(hostile):
    folder, _ = hostile
    path = folder / os.fsdecode(b"name-latin1-caf\xe9.md")
    code, out, err = _run("check", str(path), "--format", "json", "--exit-zero")
    assert code == 0, err
    assert json.loads(out)["reports"][0]["path"].endswith("caf\\xe9.md")


def test_unexpected_errors_are_one_line_and_debug_shows_the_traceback(tmp_path, monkeypatch):
    import eia_rules.pipeline as pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "check_record", broken)
    path = tmp_path / "ok.docx"
    path.write_bytes(docx(_body(PARAS)))
    code, _, err = _run("check", str(path))
    assert code == 2
    assert err.strip().splitlines() == [f"eia-rules: error: {path}: unexpected error while checking this file "
                                        "(RuntimeError: boom); please report it (--debug shows the details)"]
    code, _, err = _run("--debug", "check", str(path))
    assert code == 2 and "Traceback" in err and "RuntimeError: boom" in err


def test_limits_are_settable_on_the_command_line(tmp_path):
    path = tmp_path / "long.md"
    path.write_text("Age: no impact on older people.\n\n" * 200, encoding="utf-8")
    code, _, err = _run("check", str(path), "--limit", "max_blocks=50")
    assert code == 2
    assert "max_blocks" in err and str(path) in err
    code, _, err = _run("check", str(path), "--limit", "max_bogus=5")
    assert code == 2 and "unknown limit 'max_bogus'" in err


@pytest.mark.parametrize("name", ["slow.md", "slow.pdf"])
def test_a_slow_file_is_stopped_at_max_seconds(tmp_path, name):
    """In-process too, and through a reader's broad `except Exception` (the PDF reader's)."""
    path = tmp_path / name
    if name.endswith(".md"):
        path.write_bytes(b"[" * 100000 + b"x" + b"]" * 100000)  # markdown-it is quadratic on this
    else:
        # under max_page_chars on every page, but many pages of it
        path.write_bytes(pages_pdf([_text_ops(["Age: no impact on older people."] * 3000)] * 40))
    start = time.monotonic()
    code, _, err = _run("check", str(path), "--limit", "max_seconds=2")
    assert code == 2 and "max_seconds" in err
    assert time.monotonic() - start < 12
