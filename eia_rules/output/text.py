"""Human-readable report: a summary first, then the findings in document order.

Policy officers read this in a terminal or a CI log, so it is plain text with colour only when
the stream is a terminal (rich decides; `color=False` forces plain text). Each document opens
with its counts (errors, warnings, information, needs review, suppressed, baselined) and the
families with gaps; then come the sections in the order the document has them, findings about
the whole document first, errors before warnings within each section. Places are named as the
officer sees them in Word (see `rulemeta.where`), not by the reader's block numbers.
"""
from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.markup import escape

from ..model.findings import Finding, Outcome, Report, Severity
from . import rulemeta

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_NOWHERE = 10**9


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 error', '0 errors', '2 warnings'; `many` for irregular words ('need review')."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _position(finding: Finding) -> int:
    """Where the finding's first place is in the document, for document order."""
    loc = finding.locations[0] if finding.locations else None
    if loc is None:
        return _NOWHERE
    for value in (loc.start, loc.paragraph, loc.line):
        if value is not None:
            return value
    return _NOWHERE


def _rank(finding: Finding) -> tuple[int, int, int, str]:
    """Errors first, then warnings, then information; a violation before a question to review."""
    return (-finding.severity.rank, finding.outcome is Outcome.NEEDS_REVIEW, _position(finding), finding.rule_id)


def in_document_order(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """(section, findings) pairs: the whole document first, then sections as the document
    orders them (by their first finding's place), each section's findings by `_rank`."""
    sections: dict[str, list[Finding]] = {}
    for f in findings:
        sections.setdefault(f.section, []).append(f)
    order = sorted(sections, key=lambda s: (s != "", min(_position(f) for f in sections[s])))
    return [(s, sorted(sections[s], key=_rank)) for s in order]


def counts(findings: Sequence[Finding], *, baselined: int = 0) -> str:
    """'2 errors, 1 warning, 0 info, 1 needs review, 1 suppressed' for one set of findings."""
    live = [f for f in findings if not f.suppressed]
    by = Counter(f.severity for f in live)
    review = sum(f.outcome is Outcome.NEEDS_REVIEW for f in live)
    parts = [plural(by[Severity.ERROR], "error"), plural(by[Severity.WARNING], "warning"),
             f"{by[Severity.INFO]} info", plural(review, "needs review", "need review")]
    if suppressed := len(findings) - len(live):
        parts.append(f"{suppressed} suppressed")
    if baselined:
        parts.append(f"{baselined} baselined (hidden)")
    return ", ".join(parts)


def families_with_gaps(findings: Sequence[Finding]) -> str:
    """'equality (1 error, 9 warnings); consultation (1 error)': live violations by family,
    the family with most errors first."""
    by_family: dict[str, Counter[Severity]] = {}
    for f in findings:
        if not f.suppressed and f.outcome is Outcome.VIOLATION and f.severity is not Severity.INFO:
            by_family.setdefault(f.family, Counter())[f.severity] += 1
    ranked = sorted(by_family.items(), key=lambda kv: (-kv[1][Severity.ERROR], -kv[1][Severity.WARNING], kv[0]))
    return "; ".join(
        f"{family} (" + ", ".join(p for p in (
            plural(c[Severity.ERROR], "error") if c[Severity.ERROR] else "",
            plural(c[Severity.WARNING], "warning") if c[Severity.WARNING] else "") if p) + ")"
        for family, c in ranked)


def _label(finding: Finding) -> str:
    """'error', 'warning, needs review', with ', suppressed' when it is."""
    label = finding.severity.value if finding.outcome is Outcome.VIOLATION else f"{finding.severity.value}, needs review"
    return label + (", suppressed" if finding.suppressed else "")


def _print_finding(console: Console, report: Report, f: Finding) -> None:
    where = rulemeta.where(f.place(), report.format)
    console.print(f"    {escape(report.path)}:{escape(where)}: [{_STYLE[f.severity]}]{f.rule_id}[/] "
                  f"({escape(_label(f))}) {escape(f.message)}", highlight=False)
    if f.also_at:  # a repeated finding is printed once, its other places folded into one line
        console.print(f"      {escape(rulemeta.also_at(f, where=report.format))}", highlight=False)


def _print_report(console: Console, report: Report, show_suppressed: bool, baselined: int) -> None:
    shown = [f for f in report.findings if show_suppressed or not f.suppressed]
    console.print(f"[bold]{escape(report.path)}[/bold]")
    console.print(f"  Summary: {escape(counts(report.findings, baselined=baselined))}", highlight=False)
    if gaps := families_with_gaps(report.findings):
        console.print(f"  Gaps by family: {escape(gaps)}", highlight=False)
    hidden = sum(f.suppressed for f in report.findings) if not show_suppressed else 0
    if hidden:
        console.print(f"  ({plural(hidden, 'suppressed finding')} not shown; --show-suppressed lists them)",
                      highlight=False)
    for section, group in in_document_order(shown):
        console.print(f"  [underline]{escape(section or 'Whole document')}[/underline]")
        for f in group:
            _print_finding(console, report, f)
    console.print()


def summary_line(reports: Sequence[Report], errors: int = 0, baselined: int = 0) -> str:
    """One line a CI log can grep: documents, findings by severity, unreadable files."""
    docs = len(reports)
    line = f"{plural(docs, 'document')} checked, " + counts(
        [f for r in reports for f in r.findings], baselined=baselined)
    if errors:
        line += f", {plural(errors, 'file')} could not be read"
    return line


def render(reports: Sequence[Report], rules: Sequence[object] = (), *, color: bool | None = None,
           show_suppressed: bool = False, unreadable: int = 0,
           baselined: Mapping[str, int] | None = None, **_: object) -> str:
    """The whole text report as a string (colour codes only when `color` is true).

    `baselined` maps a document path to how many of its findings a baseline hid."""
    hidden = dict(baselined or {})
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=bool(color), no_color=not color, width=10_000,
                      soft_wrap=True, highlight=False)
    for report in reports:
        _print_report(console, report, show_suppressed, hidden.get(report.path, 0))
    console.print(escape(summary_line(reports, unreadable, sum(hidden.values()))), highlight=False)
    return buf.getvalue()
