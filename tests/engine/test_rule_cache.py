"""Compiled rule packs are cached on disk by a hash of their inputs: a cached load gives the same
rules as a fresh one, a changed file is compiled again (so its errors are reported), and a cache
folder that cannot be written costs only time."""
from __future__ import annotations

from pathlib import Path

import pytest

from eia_rules import cache
from eia_rules.engine.loader import RuleFile, find_rule_files, load_rule_files, load_rules
from eia_rules.errors import RuleError


def test_cached_rules_equal_freshly_compiled_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EIA_RULES_CACHE_DIR", "off")
    fresh = load_rules()
    monkeypatch.setenv("EIA_RULES_CACHE_DIR", str(tmp_path))
    first, second = load_rules(), load_rules()
    assert first == fresh and second == fresh
    assert len(list((tmp_path / "rules").glob("*.pickle"))) >= 10


def test_a_changed_file_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EIA_RULES_CACHE_DIR", str(tmp_path))
    text = find_rule_files()[0].text
    load_rule_files([RuleFile("pack.yaml", text)])
    with pytest.raises(RuleError, match="pack.yaml"):
        load_rule_files([RuleFile("pack.yaml", text.replace("severity:", "severty:", 1))])


def test_unwritable_cache_folder_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("EIA_RULES_CACHE_DIR", str(blocked / "cache"))
    assert cache.cached("rules", cache.key_of(["x"]), lambda: 42) == 42
    assert load_rules()


def test_damaged_entry_is_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EIA_RULES_CACHE_DIR", str(tmp_path))
    key = cache.key_of(["y"])
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / f"{key}.pickle").write_bytes(b"garbage")
    assert cache.cached("t", key, lambda: [1, 2]) == [1, 2]
    assert cache.cached("t", key, lambda: "not asked") == [1, 2]


def test_keys_separate_their_parts() -> None:
    assert cache.key_of(["ab", "c"]) != cache.key_of(["a", "bc"])
