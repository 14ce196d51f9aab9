"""Agreement of the structurer with expert labels on real assessment excerpts.

The excerpts live outside the repository (../shared/corpora-real); the test skips when they
are absent. Run with `pytest -s` to see the figures. Each fragment is read twice: through
the project's plain-text reader, and line by line (one block per line, '|' lines as tables),
which is how the labels' authors saw the layout; the floors apply to both.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eia_rules.model.record import CHARACTERISTICS, WAYS_OF_WORKING
from eia_rules.structure import structure

from .helpers import doc_from_lines

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora-real"
STATUSES = ("assessed", "asserted", "listed", "absent")

# Floors: the level reached when this test was written, minus a small margin.
FLOORS = {
    "lines": {"agreement": 0.91, "macro_f1": 0.85, "false_assurance_max": 0.06, "ways": 0.95, "se": 0.92, "consult": 0.92},
    "reader": {"agreement": 0.90, "macro_f1": 0.84, "false_assurance_max": 0.06, "ways": 0.95, "se": 0.92, "consult": 0.92},
}

pytestmark = pytest.mark.skipif(not (SHARED / "labels.jsonl").is_file(), reason="corpora-real not available")


def _labels() -> list[dict]:
    return [json.loads(line) for line in (SHARED / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def _read(mode: str, path: Path):
    if mode == "lines":
        return doc_from_lines(path.read_text(encoding="utf-8"), path=str(path))
    from eia_rules.readers import read_document

    return read_document(path)


def _macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for status in STATUSES:
        tp = sum(1 for gold, got in pairs if gold == status and got == status)
        fp = sum(1 for gold, got in pairs if gold != status and got == status)
        fn = sum(1 for gold, got in pairs if gold == status and got != status)
        if tp + fp + fn == 0:
            continue
        scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)


def measure(mode: str) -> dict:
    pairs: list[tuple[str, str]] = []
    per_char: dict[str, list[bool]] = {c: [] for c in CHARACTERISTICS}
    ways = se = consult = 0
    ways_n = 0
    labels = _labels()
    confusion: Counter = Counter()
    for label in labels:
        record = structure(_read(mode, SHARED / "fragments" / f"{label['id']}.txt"))
        for c in CHARACTERISTICS:
            got = record.characteristics[c].status.value
            pairs.append((label["pc"][c], got))
            per_char[c].append(label["pc"][c] == got)
            confusion[(label["pc"][c], got)] += 1
        for w in WAYS_OF_WORKING:
            ways += label["ways_of_working"][w] == record.ways_of_working[w].status.value
            ways_n += 1
        se += label["socio_economic"] == record.socio_economic.status.value
        consult += label["consultation"]["present"] == bool(record.engagement)
    weak = [p for p in pairs if p[0] in ("listed", "asserted")]
    return {
        "agreement": sum(g == o for g, o in pairs) / len(pairs),
        "macro_f1": _macro_f1(pairs),
        "false_assurance": sum(1 for _, o in weak if o == "assessed") / max(1, len(weak)),
        "per_characteristic": {c: sum(v) / len(v) for c, v in per_char.items()},
        "ways_of_working": ways / ways_n,
        "socio_economic": se / len(labels),
        "consultation_present": consult / len(labels),
        "confusion": dict(confusion),
    }


@pytest.mark.parametrize("mode", ["lines", "reader"])
def test_agreement_with_expert_labels(mode: str) -> None:
    figures = measure(mode)
    print(f"\n[{mode}] " + json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in figures.items()
                                       if k != "confusion"}, default=str))
    print(f"[{mode}] confusion (gold, ours): {figures['confusion']}")
    floor = FLOORS[mode]
    assert figures["agreement"] >= floor["agreement"]
    assert figures["macro_f1"] >= floor["macro_f1"]
    assert figures["false_assurance"] <= floor["false_assurance_max"]
    assert figures["ways_of_working"] >= floor["ways"]
    assert figures["socio_economic"] >= floor["se"]
    assert figures["consultation_present"] >= floor["consult"]
