"""The installed `eia-rules` console script, run as a user runs it (a subprocess)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLES


def _command() -> list[str]:
    exe = shutil.which("eia-rules", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "eia_rules_cli.main"]


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*_command(), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_console_script_exit_codes(tmp_path):
    assert _run("check", EXAMPLES / "weak-iia.md", cwd=tmp_path).returncode == 1
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    bad = _run("check", empty, cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.strip() == f"eia-rules: error: {empty}: the file is empty"
    assert _run("explain", "NOPE1", cwd=tmp_path).returncode == 2
    (tmp_path / ".eia-rules.toml").write_text('[profile]\nbody_type = "council"\n', encoding="utf-8")
    doc = tmp_path / "draft.md"
    doc.write_text((EXAMPLES / "weak-iia.md").read_text(encoding="utf-8"), encoding="utf-8")
    config_error = _run("check", doc, cwd=tmp_path)
    assert config_error.returncode == 2 and "body_type" in config_error.stderr
    assert _run("--help", cwd=tmp_path).returncode == 0
