"""`eia-rules eval` as a user runs it: a subprocess, its output and its exit code."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("eia-rules", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "eia_rules_cli.main"]
    return subprocess.run([*command, "eval", *map(str, args)], check=False, capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "a.md").write_text("# Impact assessment\n\nNo group is named here.\n", encoding="utf-8")
    (root / "a.expected.json").write_text(json.dumps({"pc": {"age": "absent", "race": "listed"}}), encoding="utf-8")
    return root


def test_json_output_carries_the_figures_and_disagreements(tmp_path: Path) -> None:
    proc = _run(_corpus(tmp_path / "c"), "--format", "json", "--only-fields", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["characteristics"]["compared"] == 2 and summary["rules"] is None
    assert {"file": "a.md", "field": "pc.race", "expected": "listed", "got": "absent"} in summary["disagreements"]


def test_text_output_reads_in_a_terminal(tmp_path: Path) -> None:
    proc = _run(_corpus(tmp_path / "c"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "macro-F1" in proc.stdout and "false assurance" in proc.stdout
    assert "a.md  pc.race: expected listed, got absent" in proc.stdout


def test_unreadable_corpus_folder_exits_2_with_one_line(tmp_path: Path) -> None:
    proc = _run(tmp_path / "nowhere", cwd=tmp_path)
    assert proc.returncode == 2
    assert "nowhere" in proc.stderr and "Traceback" not in proc.stderr
