"""Repeated findings are reported once, with their other places listed; distinct gaps never merge.

The documents here are written for these tests: an action plan whose rows all lack a date (one
rule, one piece of advice, three places) in an assessment that considers no characteristic
(one rule, nine different subjects).
"""
from __future__ import annotations

import json
from pathlib import Path

import docx
import jsonschema
import pytest

from eia_rules import check
from eia_rules.baseline import apply_baseline, load_baseline, write_baseline
from eia_rules.config import Config
from eia_rules.grouping import group_findings
from eia_rules.model.blocks import Location
from eia_rules.model.findings import Finding, Report, Severity
from eia_rules.output import csv_out, github, junit, sarif, text
from eia_rules.output.docx_comments import annotate_docx

SARIF_SCHEMA = Path(__file__).parents[1] / "output" / "data" / "sarif-schema-2.1.0.json"

PLAN = """\
# Equality Impact Assessment: Reopening of the Glanrhyd swimming pool

## Action plan

| Action | Responsible officer |
|---|---|
| Add a hoist at the learner pool for disabled swimmers | Leisure Facilities Manager |
| Hold women-only sessions on two evenings a week | Swimming Development Officer |
| Print the timetable in large type and in Welsh | Communications Officer |
"""
NOTE = "\neia-rules: ignore MM003 -- dates are set in the leisure service plan, which is attached.\n"


def _check(tmp_path: Path, body: str = PLAN, name: str = "pool.md") -> Report:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return check(path, config=Config())


def _only(report: Report, rule_id: str) -> Finding:
    [finding] = [f for f in report.findings if f.rule_id == rule_id]
    return finding


@pytest.fixture
def report(tmp_path: Path) -> Report:
    return _check(tmp_path)


def test_the_same_gap_in_three_rows_is_one_finding_listing_the_other_two(report: Report) -> None:
    undated = _only(report, "MM003")
    assert undated.occurrences == 3
    rows = [place.locations[0].row for place in undated.places()]
    assert rows == [2, 3, 4]                                    # the first row stays the finding's place
    assert len({place.fingerprint for place in undated.places()}) == 3
    assert all(p.excerpt and p.excerpt != undated.excerpt for p in undated.also_at)


def test_different_characteristics_stay_different_findings(report: Report) -> None:
    missing = [f for f in report.findings if f.rule_id == "PC001"]
    subjects = {f.subject["characteristic"] for f in missing}
    assert {"age", "race"} <= subjects and len(missing) == len(subjects)
    assert not any(f.also_at for f in missing)


def _finding(subject: dict[str, str], message: str, paragraph: int) -> Finding:
    return Finding(rule_id="PC002", family="protected-characteristics", severity=Severity.ERROR,
                   message=message, subject=subject, locations=[Location(paragraph=paragraph)])


def test_a_subject_decides_even_when_the_message_is_the_same() -> None:
    """A rule whose message does not name its subject still keeps one finding per subject."""
    grouped = group_findings([_finding({"characteristic": "age"}, "Named but not assessed.", 3),
                              _finding({"characteristic": "disability"}, "Named but not assessed.", 4),
                              _finding({"characteristic": "age"}, "Named but not assessed.", 9)])
    assert [(f.subject["characteristic"], f.occurrences) for f in grouped] == [("age", 2), ("disability", 1)]
    assert grouped[0].also_at[0].locations == [Location(paragraph=9)]


def test_sarif_gives_the_other_places_as_related_locations(report: Report) -> None:
    log = sarif.build_log([report])
    validator = jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    validator.validate(log)
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "MM003"]
    assert {loc["properties"]["row"] for loc in result["locations"]} == {2}
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert [r["properties"]["row"] for r in related] == [3, 4]
    assert "Also at 2 other places: [table 1 row 3 col 1](1); [table 1 row 4 col 1](2)." in result["message"]["text"]
    assert result["properties"]["occurrences"] == 3
    assert "relatedLocations" not in next(r for r in log["runs"][0]["results"] if r["ruleId"] == "PC001")


def test_reporters_show_the_other_places_compactly(report: Report) -> None:
    also = "Also at 2 other places: table 1 row 3 col 1; table 1 row 4 col 1."
    printed = text.render([report], color=False)  # people's text names rows as Word shows them
    assert printed.count("MM003") == 1
    assert 'Also at 2 other places: table 1, row "Hold women-only sessions on two evenings…"; table 1, row ' \
        '"Print the timetable in large type and in…".' in printed
    assert also in junit.render([report])
    assert also in github.render([report])
    [row] = [line for line in csv_out.render([report]).splitlines() if ",MM003," in line]
    assert row.endswith("table 1 row 3 col 1; table 1 row 4 col 1")


def test_a_suppression_at_one_place_leaves_the_others_reported(tmp_path: Path) -> None:
    first = _only(_check(tmp_path), "MM003")
    (tmp_path / "pool.md.eia-rules-ignore.toml").write_text(
        f'[[ignore]]\ncode = "MM003"\nfingerprint = "{first.also_at[0].fingerprint}"\n'
        'reason = "The timetable is reprinted every term."\n', encoding="utf-8")
    report = _check(tmp_path)
    undated = [f for f in report.findings if f.rule_id == "MM003"]
    [quiet] = [f for f in undated if f.suppressed]
    [loud] = [f for f in undated if not f.suppressed]
    assert quiet.occurrences == 1 and quiet.locations[0].row == 3
    assert [p.locations[0].row for p in loud.places()] == [2, 4]
    assert not any(f.rule_id == "SUP002" for f in report.findings)


def test_a_suppression_of_the_rule_covers_every_place(tmp_path: Path) -> None:
    report = _check(tmp_path, PLAN + NOTE)
    undated = _only(report, "MM003")
    assert undated.suppressed and undated.occurrences == 3
    assert not any(f.rule_id.startswith("SUP") for f in report.findings)


def test_a_baseline_is_kept_place_by_place(tmp_path: Path, report: Report) -> None:
    baseline_path = tmp_path / "baseline.json"
    write_baseline(baseline_path, [report])
    entries = [e for e in load_baseline(baseline_path).entries if e.rule_id == "MM003"]
    assert len(entries) == 3                                     # as many as before grouping
    result = apply_baseline([report], load_baseline(baseline_path))
    assert result.reports[0].findings == [] and not result.stale

    undated = _only(report, "MM003")
    data = json.loads(baseline_path.read_text(encoding="utf-8"))
    data["entries"] = [e for e in data["entries"] if e["fingerprint"] != undated.also_at[1].fingerprint]
    baseline_path.write_text(json.dumps(data), encoding="utf-8")
    left = apply_baseline([report], load_baseline(baseline_path)).reports[0].findings
    [new] = left                                                 # only the place the baseline lacks
    assert new.rule_id == "MM003" and new.occurrences == 1 and new.locations[0].row == 4


def test_the_annotated_copy_comments_at_every_place(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Equality Impact Assessment: Reopening of the Glanrhyd swimming pool", 1)
    document.add_heading("Action plan", 2)
    rows = [line.strip("|").split("|") for line in PLAN.splitlines() if line.startswith("| ")]
    table = document.add_table(rows=len(rows), cols=2)
    for cells, values in zip(table.rows, rows):
        for cell, value in zip(cells.cells, values):
            cell.text = value.strip()
    source = tmp_path / "pool.docx"
    document.save(source)
    report = check(source, config=Config())
    undated = _only(report, "MM003")
    assert undated.occurrences == 3
    dest = tmp_path / "pool-reviewed.docx"
    annotate_docx(source, report, [], dest)
    mm003 = [c for c in docx.Document(str(dest)).comments if c.text.startswith("[MM003]")]
    assert len(mm003) == 3
    assert all("The same applies at 2 other places" in c.text for c in mm003)
