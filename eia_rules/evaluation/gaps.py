"""Finding-level scoring: the gaps a careful reviewer would flag, next to the findings reported.

Labels name gaps as abstract codes (`PC_MISSING:age`, `WOW_NAMED_ONLY:prevention`,
`WELSH_MISSING`), independent of this project's rule ids. `GAP_RULES` is the one table that
maps rule findings onto those codes (it follows the corpus's published mapping); a finding
of a rule outside the table is not scored by these labels.

Labels that list `expected_gaps` are used as they are. Labels without them (the project's
generated corpus, the real excerpts) get the codes that follow mechanically from their field
labels, so every labelled set is measured the same way. The codes a reviewer sets by hand
(`MITIGATION_MISSING`, sign-off, intersectionality, consultation timing) are scored only
where the labels list them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model.record import CHARACTERISTICS, WAYS_OF_WORKING
from .metrics import PRF

# gap code -> the rules whose findings answer it. A code with a subject (":<key>") takes the
# key from the finding's subject; WF001 ("no way of working at all") answers all five ways.
GAP_RULES: dict[str, tuple[str, ...]] = {
    "PC_MISSING": ("PC001", "PC002"),
    "PC_NO_REASON": ("PC003", "PC005"),
    "PC_NEGATIVE_NO_MITIGATION": ("PC007",),
    "SE_MISSING": ("SE001",),
    "SE_WEAK": ("SE003",),
    "WOW_MISSING": ("WF001", "WF002", "WF003", "WF004", "WF005", "WF006"),
    "WOW_NAMED_ONLY": ("WF007",),
    "CONSULT_MISSING": ("CE001",),
    "CONSULT_NO_DETAIL": ("CE004", "CE007", "CE009"),
    "CONSULT_NO_RESPONSE_USE": ("CE005", "CE006"),
    "CONSULT_AFTER_DECISION": ("CE008",),
    "WELSH_MISSING": ("WL001", "WL006"),
    "CHILDREN_MISSING": ("CR001", "CR005"),
    "MONITORING_MISSING": ("MM004", "MM006"),
    "SIGNOFF_MISSING": ("GV005",),
    "INTERSECTIONALITY_MISSING": ("QS001",),
}
ALL_WAYS_RULE = "WF001"
# Codes with a characteristic or way after the colon.
SUBJECT_CODES: dict[str, str] = {
    "PC_MISSING": "characteristic", "PC_NO_REASON": "characteristic",
    "PC_NEGATIVE_NO_MITIGATION": "characteristic", "WOW_MISSING": "way", "WOW_NAMED_ONLY": "way",
}
# A label-level gap no rule answers on its own: left out of both precision and recall.
UNSCORED_CODES: frozenset[str] = frozenset({"MITIGATION_MISSING"})
_RULE_CODE: dict[str, str] = {rule: code for code, rules in GAP_RULES.items() for rule in rules}


@dataclass(frozen=True)
class Flag:
    """The part of a finding the scoring needs: which rule, about what, and how serious."""

    rule_id: str
    subject: Mapping[str, str]
    severity: str
    outcome: str
    message: str = ""
    section: str = ""
    places: int = 1  # a repeated finding reported once counts once, wherever it applies


def family(code: str) -> str:
    """`PC_MISSING:age` -> `PC_MISSING`: the unit precision and recall are reported by."""
    return code.split(":", 1)[0]


def codes_of(flag: Flag) -> list[str]:
    """The gap codes one finding answers; empty when its rule is outside the mapping."""
    code = _RULE_CODE.get(flag.rule_id)
    if code is None:
        return []
    kind = SUBJECT_CODES.get(code)
    if kind is None:
        return [code]
    if flag.rule_id == ALL_WAYS_RULE:
        return [f"{code}:{way}" for way in WAYS_OF_WORKING]
    key = flag.subject.get(kind)
    return [f"{code}:{key}"] if key else []


def observed_codes(flags: Iterable[Flag]) -> set[str]:
    """The gaps the findings point at, needs-review results included, as the corpus's mapping
    counts them: a rule that asks a person to look has still found the place to look."""
    return {code for flag in flags for code in codes_of(flag)}


def _mechanical(labels: Mapping[str, Any]) -> set[str]:
    """The codes that follow from field labels alone (the corpus's 'mechanical' codes)."""
    out: set[str] = set()
    for key, status in (labels.get("pc") or {}).items():
        if key in CHARACTERISTICS and status in ("absent", "listed"):
            out.add(f"PC_MISSING:{key}")
        elif key in CHARACTERISTICS and status == "asserted":
            out.add(f"PC_NO_REASON:{key}")
    for key, status in (labels.get("ways_of_working") or {}).items():
        if key in WAYS_OF_WORKING and status in ("absent", "mentioned"):
            out.add(f"{'WOW_MISSING' if status == 'absent' else 'WOW_NAMED_ONLY'}:{key}")
    se = labels.get("socio_economic")
    if se in ("absent", "mentioned"):
        out.add("SE_MISSING" if se == "absent" else "SE_WEAK")
    consultation = labels.get("consultation")
    if isinstance(consultation, Mapping) and "present" in consultation:
        if not consultation["present"]:
            out.add("CONSULT_MISSING")
        elif consultation.get("responses_considered") is False:
            out.add("CONSULT_NO_RESPONSE_USE")
    for topic, code in (("welsh_language", "WELSH_MISSING"), ("childrens_rights", "CHILDREN_MISSING"),
                        ("monitoring", "MONITORING_MISSING")):
        if labels.get(topic) in ("absent", "mentioned"):
            out.add(code)
    return out


def scored_families(labels: Mapping[str, Any]) -> set[str]:
    """The code families these labels speak for: every family when they list expected gaps,
    else only those the mechanical derivation can decide from the fields they label."""
    if "expected_gaps" in labels:
        return set(GAP_RULES) - UNSCORED_CODES
    fams = set()
    if labels.get("pc"):
        fams |= {"PC_MISSING", "PC_NO_REASON"}
    if labels.get("ways_of_working"):
        fams |= {"WOW_MISSING", "WOW_NAMED_ONLY"}
    if "socio_economic" in labels:
        fams |= {"SE_MISSING", "SE_WEAK"}
    if isinstance(labels.get("consultation"), Mapping):
        fams |= {"CONSULT_MISSING", "CONSULT_NO_RESPONSE_USE"}
    for topic, code in (("welsh_language", "WELSH_MISSING"), ("childrens_rights", "CHILDREN_MISSING"),
                        ("monitoring", "MONITORING_MISSING")):
        if topic in labels:
            fams.add(code)
    return fams


def expected_codes(labels: Mapping[str, Any]) -> set[str]:
    """What a reviewer would flag in this document, as gap codes."""
    if "expected_gaps" in labels:
        return {str(c) for c in labels["expected_gaps"] if family(str(c)) not in UNSCORED_CODES}
    return _mechanical(labels)


def scored_codes(labels: Mapping[str, Any], flags: Iterable[Flag]) -> tuple[set[str], set[str]]:
    """(expected, found) gap codes for one document, in the families its labels speak for."""
    fams = scored_families(labels)
    want = {c for c in expected_codes(labels) if family(c) in fams}
    got = {c for c in observed_codes(flags) if family(c) in fams}
    return want, got


def gap_counts(labels: Mapping[str, Any], flags: Iterable[Flag]) -> dict[str, PRF]:
    """Per code family for one document: expected and found is a TP, found but not expected
    an FP, expected and not found an FN. Families the labels do not speak for are left out."""
    want, got = scored_codes(labels, flags)
    out: dict[str, PRF] = {}
    for code in want | got:
        prf = PRF(tp=1) if code in want and code in got else PRF(fp=1) if code in got else PRF(fn=1)
        out[family(code)] = out.get(family(code), PRF()) + prf
    return out


def blocking(flags: Iterable[Flag]) -> list[Flag]:
    """The findings an officer is told to act on: errors and warnings that are violations."""
    return [f for f in flags if f.severity in ("error", "warning") and f.outcome == "violation"]


def verdict(labels: Mapping[str, Any], flag: Flag) -> str:
    """Whether the labels bear a finding out: 'genuine', 'false', or 'unscored' for a rule the
    labels cannot judge (those are read by a person on thorough documents)."""
    codes = [c for c in codes_of(flag) if family(c) in scored_families(labels)]
    if not codes:
        return "unscored"
    return "genuine" if set(codes) & expected_codes(labels) else "false"
