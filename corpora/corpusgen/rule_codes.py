"""Rule codes whose firing follows directly from a label, read from the conditions in rules/.

Only rules whose `when` tests nothing but a status the labels carry are listed, so the
expectation is certain: e.g. PC001 matches `{kind: characteristic, status: absent}`, so it must
fire exactly when some characteristic is labelled `absent`. Findings of rules whose duty does not
apply to a body are downgraded, not dropped, so a body's duties do not change these; a rule's own
`applies_when` does, and is mirrored here: WF002-WF006 only apply when some way of working or
well-being goal is considered (with all five ways absent and no goal discussed, WF001 reports the
missing section once; WF011 instead when the proposal sets the body's well-being objectives),
and the socio-economic rules only when the document does
not state that the decision is not strategic.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

Predicate = Callable[[dict[str, Any]], bool]

_WAY_RULES = {"WF002": "long_term", "WF003": "prevention", "WF004": "integration", "WF005": "collaboration",
              "WF006": "involvement"}



def _no_way_considered(lab: dict[str, Any]) -> bool:
    return all(status == "absent" for status in lab["ways_of_working"].values())


def _no_sustainable_development(lab: dict[str, Any]) -> bool:
    return _no_way_considered(lab) and lab["wellbeing_goals"] == "absent"


def _strategic(lab: dict[str, Any]) -> bool:
    return lab.get("strategic", "unknown") != "no"


RULES: dict[str, Predicate] = {
    "PC001": lambda lab: "absent" in lab["pc"].values(),
    "PC002": lambda lab: "listed" in lab["pc"].values(),
    "WF001": lambda lab: _no_sustainable_development(lab) and not lab["sets_wellbeing_objectives"],
    "WF011": lambda lab: _no_sustainable_development(lab) and lab["sets_wellbeing_objectives"],
    **{code: (lambda lab, way=way: lab["ways_of_working"][way] == "absent" and not _no_sustainable_development(lab))
       for code, way in _WAY_RULES.items()},
    "WF007": lambda lab: "mentioned" in lab["ways_of_working"].values(),
    "SE001": lambda lab: _strategic(lab) and lab["socio_economic"] == "absent",
    "SE003": lambda lab: _strategic(lab) and lab["socio_economic"] == "mentioned",
    "WL001": lambda lab: lab["welsh_language"] == "absent",
    "WL006": lambda lab: lab["welsh_language"] == "mentioned",
    "CR001": lambda lab: lab["childrens_rights"] == "absent",
    "CR005": lambda lab: lab["childrens_rights"] == "mentioned",
    "MM004": lambda lab: lab["monitoring"] == "absent",
    "CE001": lambda lab: not lab["consultation"]["present"],
    "CE007": lambda lab: lab["consultation"]["present"] and lab["consultation"]["vague"],
}


def expected_rules(labels: dict[str, Any], extra: dict[str, list[str]]) -> dict[str, list[str]]:
    """must_fire / must_not_fire from the labels, plus any codes a source adds by hand."""
    fire = {code for code, holds in RULES.items() if holds(labels)} | set(extra.get("must_fire", []))
    silent = ({code for code in RULES if code not in fire} | set(extra.get("must_not_fire", []))) - set(extra.get("must_fire", []))
    if fire & silent:
        raise ValueError(f"{labels['document']}: codes both expected and forbidden: {sorted(fire & silent)}")
    return {"must_fire": sorted(fire), "must_not_fire": sorted(silent)}
