"""Rule documentation from the catalogue itself: `explain CODE` and the docs/rules.md reference.

Both are generated from the rule packs, so the explanation an officer reads and the reference
page can never drift from what the rules actually check.
"""
from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from itertools import groupby
from typing import Any

import yaml

from .engine.ir import Example, RuleSpec
from .model.findings import Finding
from .output.rulemeta import plain_citation


def rule_summary(rule: RuleSpec) -> dict[str, Any]:
    """The rule's metadata as plain data (for `rules --format json`)."""
    return {
        "id": rule.id, "title": rule.title, "family": rule.family, "severity": rule.severity,
        "outcome": rule.outcome, "duty": rule.duty, "criterion": rule.criterion, "tags": list(rule.tags),
        "why": rule.why, "legal_basis": rule.legal_basis, "remediation": rule.remediation,
        "source": rule.source,
    }


def _example_text(example: Example) -> str:
    if example.text is not None:
        return example.text.strip()
    return yaml.safe_dump(dict(example.record or {}), sort_keys=False, allow_unicode=True, width=88).strip()


def _first(rule: RuleSpec, flagged: bool) -> Example | None:
    return next((e for e in rule.examples if e.flagged is flagged), None)


def _generic(template: str) -> str:
    """A message template made readable without a document: `{pc.label}` -> `<pc.label>`."""
    return template.replace("{", "<").replace("}", ">")


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(" ".join(text.split()), width=92, initial_indent=indent, subsequent_indent=indent)


_OPS = {"eq": "=", "ne": "≠", "lt": "<", "lte": "≤", "gt": ">", "gte": "≥", "in": "in", "exists": "exists"}


def review_conditions(rule: RuleSpec) -> str:
    """When the rule reports needs-review rather than a violation, in readable form:
    'se.words ≥ 60; or document.count_assessed ≥ 5' ('' when it never does)."""
    def test(alias: str, t: Any) -> str:
        value = f"{t.ref[0]}.{t.ref[1]}" if t.ref else (str(t.value).lower() if isinstance(t.value, bool) else t.value)
        return f"{alias}.{t.field} {_OPS.get(t.op, t.op)} {value}"
    return "; or ".join(" and ".join(test(a, t) for a, t in cond.tests) for cond in rule.review_when)


# What an officer's document would name in place of `{alias.label}`, by the kind of fact matched.
_SAMPLE_LABELS = {"characteristic": "Age", "way": "Prevention", "goal": "A healthier Wales",
                  "topic": "Welsh language", "engagement": "the consultation", "evidence": "Census 2011"}
def _sample(rule: RuleSpec, template: str) -> str:
    """A template filled as a document would fill it: `{pc.label}` -> 'Age', other fields
    -> '…' (the value comes from the document)."""
    kinds = {p.alias: p.kind for p in rule.patterns}

    def one(m: re.Match[str]) -> str:
        if m.group(2) == "label":
            return _SAMPLE_LABELS.get(kinds.get(m.group(1), ""), "this part")
        return "…"
    return re.sub(r"\{([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)\}", one, template)


def _passage(example: Example, lines: int = 8) -> str:
    """A text example as the officer would write it: headings and table rulers left out, cut to
    a few lines."""
    kept = [line for line in (example.text or "").strip().splitlines()
            if line.strip() and not line.lstrip().startswith("#") and not set(line.strip()) <= set("|-: ")]
    return "\n".join(kept[:lines] + (["…"] if len(kept) > lines else []))


def _text_example(rule: RuleSpec, flagged: bool) -> Example | None:
    """The rule's first example of assessment text (record examples are for the tests)."""
    return next((e for e in rule.examples if e.flagged is flagged and e.text), None)


def explain_text(rule: RuleSpec, finding: Finding | None = None, duty_label: str = "") -> str:
    """Plain-text explanation for an officer: what it checks, why, legal basis, short example
    passages, how to fix. `finding` is the rule's finding as the officer would see it (on its
    flagged example, when the caller could check it); else the templates are filled with a sample."""
    message = finding.message if finding is not None else _sample(rule, rule.message)
    fix = finding.remediation if finding is not None and finding.remediation else _sample(rule, rule.remediation)
    severity = rule.severity if rule.outcome == "violation" else f"{rule.severity}, a question to review"
    parts = [
        f"{rule.id}: {rule.title}",
        f"Severity: {severity}" + (f"   Duty: {duty_label}" if duty_label else ""),
        "", "What it says:", _wrap(message),
        "", "Why it matters:", _wrap(rule.why or "(not given)"),
        "", "Legal basis:", _wrap(plain_citation(rule.legal_basis) or "(not given)"),
        "", "How to fix:", _wrap(fix or "(not given)"),
    ]
    if rule.review_when:
        parts += ["", "When unsure:", _wrap("Where the rest of the assessment suggests eia-rules may have "
                                            "missed how it is put, this is reported as needs review (a "
                                            "question for you to check) rather than a gap. "
                                            + _sample(rule, rule.review_note))]
    for flagged, heading in ((True, "Flagged example:"), (False, "Passing example:")):
        example = _text_example(rule, flagged)
        if example is not None:
            parts += ["", heading, textwrap.indent(_passage(example), "  ")]
    if duty_label:
        parts += ["", f"Applies in full only to bodies subject to {duty_label}; for other "
                      "bodies its findings are shown as info."]
    return "\n".join(parts)


def markdown_reference(rules: Sequence[RuleSpec]) -> str:
    """The rule reference page (docs/rules.md), grouped by family in catalogue order."""
    out = ["# Rule reference", "",
           "Generated by `eia-rules rules --format markdown` from the rule packs in `rules/`; "
           "a test keeps it in step. Do not edit by hand.", "",
           f"{len(rules)} rules.", ""]
    for family, group in groupby(sorted(rules, key=lambda r: r.id), key=lambda r: r.family):
        group = list(group)
        out += [f"## {family}", "", "| code | severity | title | legal basis |", "|---|---|---|---|"]
        out += [f"| [{r.id}](#{r.id.lower()}) | {r.severity} | {r.title} | {_cell(r.legal_basis)} |" for r in group]
        out.append("")
        for r in group:
            out += [f"### {r.id}", "", f"**{r.title}** ({r.severity}, {r.outcome.replace('_', ' ')}"
                    + (f", duty: {r.duty}" if r.duty else "") + (f", criterion {r.criterion}" if r.criterion else "") + ")",
                    "", " ".join(r.why.split()), "", f"*Legal basis:* {' '.join(r.legal_basis.split())}", "",
                    f"*How to fix:* {' '.join(_generic(r.remediation).split())}", ""]
            if r.review_when:
                out += [f"*Needs review instead when:* {_cell(review_conditions(r))}", ""]
    return "\n".join(out)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
