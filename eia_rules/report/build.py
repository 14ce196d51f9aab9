"""Assemble the challenge report: read the store, count, draw, and render one HTML file.

The file is self-contained (styles inline, charts as inline SVG, no script, nothing fetched)
so a director can open it from an email attachment and print it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..engine.checker import RuleSet, bundled_ruleset
from ..errors import EiaRulesError
from ..model.record import CHARACTERISTIC_LABELS
from . import charts, metrics
from .data import (
    Doc,
    latest_run,
    load_current,
    load_run,
    open_store,
    runs_with_snapshots,
)
from .filters import Filters
from .questions import challenge_questions, wording

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass
class ReportOptions:
    filters: Filters = field(default_factory=Filters)
    compare_run: int | None = None     # None: the run before the latest; 0: no comparison
    group_by: str = "directorate"      # or "service"
    top: int = 10
    title: str = "Impact assessment challenge report"


def _families(ruleset: RuleSet, filters: Filters) -> tuple[list[str], list[str]]:
    """(all families in the wording's order, those with statutory-gap rules), after --family."""
    known = {r.family for r in ruleset.rules}
    ordered = [f for f in wording().families if f in known] + sorted(known - set(wording().families))
    if filters.families is not None:
        unknown = filters.families - known
        if unknown:
            raise EiaRulesError(f"unknown rule family: {', '.join(sorted(unknown))} "
                                f"(known: {', '.join(ordered)})")
        ordered = [f for f in ordered if f in filters.families]
    statutory = {r.family for r in ruleset.rules if r.severity == "error" and r.outcome == "violation"}
    return ordered, [f for f in ordered if f in statutory]


def _run_state(conn: Any, run_id: int) -> tuple[str, dict[str, str]]:
    """(rules version, path -> sha256) of one run's snapshot."""
    row = conn.execute("SELECT rules_version FROM runs WHERE id = ?", (run_id,)).fetchone()
    files = dict(conn.execute("SELECT path, sha256 FROM run_documents WHERE run_id = ?", (run_id,)).fetchall())
    return (row[0] if row else ""), files


def _difference(then: tuple[str, dict[str, str]], now: tuple[str, dict[str, str]]) -> str:
    """What differs between two runs, in words ('' when nothing does): the rules version, or
    the documents added, changed and removed."""
    if then[0] != now[0]:
        return f"the rules changed (version {then[0]} then, {now[0]} now)"
    added = len(now[1].keys() - then[1].keys())
    removed = len(then[1].keys() - now[1].keys())
    changed = sum(then[1][p] != sha for p, sha in now[1].items() if p in then[1])
    parts = [f"{n} document{'' if n == 1 else 's'} {verb}" for n, verb in
             ((changed, "changed"), (added, "added"), (removed, "removed")) if n]
    return ", ".join(parts)


def _compare_run(conn: Any, wanted: int | None) -> tuple[int | None, str]:
    """The run to compare with and what differs from it. By default the latest earlier run
    whose rules version or documents differ: a run repeated a minute later on the same files
    changes nothing and would show nothing."""
    snapshots = [r.id for r in runs_with_snapshots(conn)]
    if wanted == 0:
        return None, ""
    latest = latest_run(conn)
    now = _run_state(conn, latest.id) if latest is not None else ("", {})
    if wanted is not None:
        if wanted not in snapshots:
            raise EiaRulesError(f"run {wanted} has no stored snapshot to compare with "
                                f"(runs with one: {', '.join(map(str, snapshots)) or 'none'})")
        return wanted, _difference(_run_state(conn, wanted), now) or "nothing differs (same rules, same documents)"
    for run_id in reversed([r for r in snapshots if latest is not None and r < latest.id]):
        if why := _difference(_run_state(conn, run_id), now):
            return run_id, why
    return None, ""


@dataclass(frozen=True)
class Located:
    """One rule's findings in one document: the first in full, the others by where they are."""

    rule_id: str
    title: str
    severity: str
    where: str
    message: str
    legal_basis: str
    also: tuple[str, ...] = ()  # other places the rule's findings in this document point at
    count: int = 1              # the rule's findings in this document


def _details(doc: Doc, ruleset: RuleSet) -> list[Located]:
    """The document's active error and warning findings, most serious first, with their legal
    basis; a rule found several times is one entry listing its other places, so a leader reads
    each gap once however often the document repeats it."""
    shown = [f for f in doc.findings if f.active and f.severity in ("error", "warning")]
    shown.sort(key=lambda f: (SEVERITY_RANK[f.severity], ruleset.order(f.rule_id) if f.rule_id in ruleset.by_id else 0))
    grouped: dict[tuple[str, str], list] = {}
    for f in shown:
        grouped.setdefault((f.rule_id, f.severity), []).append(f)
    out = []
    for (rule_id, severity), found in grouped.items():
        rule = ruleset.by_id.get(rule_id)
        places = [" \u2014 ".join(p for p in (f.section, f.location) if p) or "the document as a whole" for f in found]
        out.append(Located(rule_id, rule.title if rule else "", severity, places[0], found[0].message,
                           rule.legal_basis if rule else "",
                           tuple(p for p in dict.fromkeys(places) if p != places[0]), len(found)))
    return out


def build_report(db: Path, options: ReportOptions | None = None) -> str:
    """The report for an audit store as one HTML string."""
    options = options or ReportOptions()
    ruleset = bundled_ruleset()
    families, statutory = _families(ruleset, options.filters)
    conn = open_store(db)
    try:
        current = load_current(conn)
        options.filters.check_matches(current)
        docs = options.filters.apply(current)
        run = latest_run(conn)
        compare_id, compare_why = _compare_run(conn, options.compare_run)
        then = options.filters.apply(load_run(conn, compare_id)) if compare_id is not None else None
    finally:
        conn.close()
    words = wording()
    labels = {f: words.label(f) for f in families}
    head = metrics.headline(docs)
    family_rows = metrics.by_family(docs, statutory)
    heat = metrics.heat_map(docs, options.group_by)
    granularity, periods = metrics.trend(docs)
    top = metrics.ranked(docs, options.top)
    comparison = metrics.compare(then, docs, statutory, compare_id) if then is not None else None
    context = {
        "title": options.title, "generated": datetime.now(UTC).strftime("%d %B %Y %H:%M UTC"),
        "version": __version__, "db": Path(db).name, "run": run, "filters": options.filters.describe(),
        "group_by": options.group_by, "head": head, "pct": metrics.pct, "rules": ruleset.by_id,
        "labels": labels, "family_rows": family_rows,
        "advisory": [labels[f] for f in families if f not in statutory],
        "family_chart": charts.stacked_bars(
            "families", [charts.Bar(labels[r.family], r.clear_share, f"{metrics.pct(r.clear_share)} clear")
                         for r in family_rows],
            "Share of assessments with no statutory gap, by family",
            "Horizontal bars, one per rule family; the solid part is the share of assessments with no "
            "statutory gap in that family. The table below gives the same figures.",
            "No statutory gap", "At least one statutory gap"),
        "heat": heat, "char_labels": CHARACTERISTIC_LABELS, "statuses": metrics.STATUSES,
        "heat_chart": charts.heat_map(
            "heat", heat, CHARACTERISTIC_LABELS,
            f"Protected characteristics assessed, by {options.group_by}",
            f"Grid of {options.group_by} rows by the nine protected characteristics; each cell shows the "
            "share of assessments that assess the characteristic, with the count. Darker cells mean fewer "
            "assessed. The table below gives assessed, asserted, listed and absent counts for every cell.") if heat.groups else "",
        "granularity": granularity, "periods": periods,
        "trend_chart": charts.column_chart(
            "trend", [(p.label, p.gap_share, f"n={p.total}") for p in periods],
            f"Share of assessments with a statutory gap, by {granularity}",
            f"One column per {granularity} of the assessment's date; its height is the share of that "
            f"{granularity}'s assessments with at least one statutory gap. The table below gives the counts.")
        if len(periods) >= 2 else "",
        "undated": sum(1 for d in docs if d.ok and not d.doc_date),
        "top": [(doc, _details(doc, ruleset)) for doc in top],
        "owners": metrics.by_owner(docs, options.group_by),
        "questions": challenge_questions(docs, ruleset.by_id, families, words),
        "comparison": comparison, "compare_why": compare_why,
        "comparison_chart": charts.paired_bars(
            "change", [(labels[after.family], before.gap_share, after.gap_share) for before, after in comparison.families],
            f"Share of assessments with a statutory gap, by family: run {comparison.run_id} and now",
            f"Two bars per rule family: the grey bar is the share of assessments with a statutory gap in "
            f"that family at run {comparison.run_id}, the hatched bar the share now. Shorter is better. "
            "The table below gives the same figures.", f"Run {comparison.run_id}", "Now") if comparison else "",
        "failed": [d for d in docs if not d.ok],
    }
    env = Environment(loader=PackageLoader("eia_rules.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html.j2").render(**context)


def write_report(db: Path, output: Path, options: ReportOptions | None = None) -> Path:
    output.write_text(build_report(db, options), "utf-8")
    return output
