"""Show a summary: aligned text for a terminal, or JSON for machines."""
from __future__ import annotations

import json
from typing import Any

from .metrics import STATUSES


def fmt(value: float | None) -> str:
    """A score to three places, or 'n/a' when there was nothing to measure."""
    return "n/a" if value is None else f"{value:.3f}"


def _prf_row(label: str, prf: dict[str, Any], width: int) -> str:
    return (f"  {label:<{width}} {fmt(prf['precision']):>9} {fmt(prf['recall']):>7} {fmt(prf['f1']):>7}"
            f"   tp {prf['tp']} fp {prf['fp']} fn {prf['fn']}")


def _characteristics(pc: dict[str, Any]) -> list[str]:
    lines = [f"Characteristic statuses ({pc['compared']} compared)",
             (f"  accuracy {fmt(pc['accuracy'])}   macro-F1 {fmt(pc['macro_f1'])}   "
             f"false assurance {fmt(pc['false_assurance'])}   missed assessments {fmt(pc['missed_assessments'])}"),
             f"  {'status':<10} {'precision':>9} {'recall':>7} {'F1':>7}"]
    lines += [_prf_row(s, pc["per_status"][s], 10) for s in STATUSES]
    lines += ["  confusion (rows: expected, columns: got)",
              "  " + " " * 10 + "".join(f"{s:>10}" for s in STATUSES)]
    lines += ["  " + f"{gold:<10}" + "".join(f"{pc['confusion'][gold][got]:>10}" for got in STATUSES)
              for gold in STATUSES]
    return lines


def _fields(fields: dict[str, Any]) -> list[str]:
    if not fields:
        return []
    width = max(map(len, fields))
    return ["Fields"] + [f"  {name:<{width}}  {f['correct']:>3}/{f['compared']:<3} {fmt(f['accuracy'])}"
                         for name, f in fields.items()]


def _rules(rules: dict[str, Any] | None) -> list[str]:
    if rules is None:
        return ["Rules: not run"]
    if not rules["by_rule"]:
        return ["Rules: no rule codes labelled (must_fire / must_not_fire are empty)"]
    width = max(12, *map(len, rules["by_family"]), *map(len, rules["by_rule"]))
    head = f"  {'':<{width}} {'precision':>9} {'recall':>7} {'F1':>7}"
    return (["Rules (labelled codes only)", head, _prf_row("overall", rules["overall"], width), "  by family:"]
            + [_prf_row(k, v, width) for k, v in rules["by_family"].items()] + ["  by rule:"]
            + [_prf_row(k, v, width) for k, v in rules["by_rule"].items()])


def _gaps(gaps: dict[str, Any] | None) -> list[str]:
    if gaps is None:
        return []
    width = max(12, *map(len, gaps["by_family"])) if gaps["by_family"] else 12
    return (["Gaps (labelled gap codes, finding level)", f"  {'':<{width}} {'precision':>9} {'recall':>7} {'F1':>7}",
             _prf_row("overall", gaps["overall"], width)]
            + [_prf_row(k, v, width) for k, v in gaps["by_family"].items()]
            + _gap_documents(gaps.get("by_document") or []))


def _gap_documents(docs: list[dict[str, Any]]) -> list[str]:
    """Where the gap figures come from: per document, what was reported falsely and what was missed."""
    if not docs:
        return []
    lines = ["  Documents whose findings differ from their gap labels:"]
    for d in docs:
        parts = [f"false: {', '.join(d['false'])}" if d["false"] else "",
                 f"missed: {', '.join(d['missed'])}" if d["missed"] else ""]
        lines.append(f"    {d['file']}: " + "; ".join(p for p in parts if p))
    return lines


def _thorough(docs: list[dict[str, Any]]) -> list[str]:
    if not docs:
        return []
    lines = ["Errors and warnings on thorough documents"]
    for doc in docs:
        lines.append(f"  {doc['file']}: {doc['errors_and_warnings']}")
        lines += [f"    {f['rule_id']} ({f['severity']}, {f['verdict']}) {_subject(f['subject'])}{f['section']}"
                  + _places(f) for f in doc["findings"]]
    return lines


def _places(finding: dict[str, Any]) -> str:
    """' (at 3 places)' for a repeated finding reported once; nothing for one place."""
    places = finding.get("places", 1)
    return f" (at {places} places)" if places > 1 else ""


def _subject(subject: dict[str, str]) -> str:
    return "".join(f"[{v}] " for v in subject.values())


def _listing(title: str, rows: list[str]) -> list[str]:
    return [f"{title} ({len(rows)})"] + [f"  {row}" for row in rows] if rows else [f"{title}: none"]


def render_text(summary: dict[str, Any], corpus: str = "", fields_only: bool = False) -> str:
    """The summary as a report a person reads top-down: headline, breakdowns, then every disagreement."""
    head = (f"Corpus {corpus}: " if corpus else "") + (
        f"{summary['documents']} documents, {summary['evaluated']} evaluated, {len(summary['failures'])} failed")
    sections = [[head], _characteristics(summary["characteristics"]), _fields(summary["fields"])]
    if not fields_only:
        sections.append(_rules(summary["rules"]))
        sections += [_gaps(summary.get("gaps")), _thorough(summary.get("thorough") or [])]
    sections.append(_listing("Failures", [f"{f['file']}: {f['reason']}" for f in summary["failures"]]))
    sections.append(_listing("Disagreements", [f"{d['file']}  {d['field']}: expected {d['expected']}, got {d['got']}"
                                               for d in summary["disagreements"]]))
    return "\n\n".join("\n".join(s) for s in sections if s)


def render_json(summary: dict[str, Any]) -> str:
    return json.dumps(summary, indent=2, ensure_ascii=False)
