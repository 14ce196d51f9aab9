"""The naive keyword baseline behaves as the checks people write today, traps included."""
from __future__ import annotations

from pathlib import Path

from eia_rules.evaluation.naive import covered, naive_observer, naive_passes


def test_plain_substrings_fall_for_keyword_traps() -> None:
    hits = covered("See page 4. The plan embraced change across Essex.")
    assert hits["age"] and hits["race"] and hits["sex"]
    assert not hits["disability"] and not hits["pregnancy_maternity"]


def test_passes_when_seven_of_nine_are_named() -> None:
    seven = "age disability gender reassignment marriage pregnancy race religion"
    assert naive_passes(seven)
    assert not naive_passes("age disability race")


def test_observer_reports_covered_as_assessed_and_the_rest_absent(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("# Assessment\n\nDisabled people may be affected.\n", encoding="utf-8")
    obs = naive_observer(doc)
    assert obs.fields["pc.disability"] == "assessed" and obs.fields["pc.race"] == "absent"
    assert set(obs.fields.values()) == {"assessed", "absent"} and obs.fired is None
