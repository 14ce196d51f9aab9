"""Run the `eia-rules` command in-process (fast) the way a user calls it, plus example paths.

A few tests in test_console.py also run the installed console script as a subprocess, so the
entry point and its exit codes are covered for real.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from eia_rules_cli.main import cli

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "corpora" / "examples"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def eia(tmp_path):
    """Call `eia-rules ARGS...` with the working directory set to a scratch folder."""
    def run(*args: str | Path, cwd: Path | None = None) -> Run:
        old = Path.cwd()
        os.chdir(cwd or tmp_path)
        try:
            result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
        finally:
            os.chdir(old)
        return Run(result.exit_code, result.stdout, result.stderr)
    return run
