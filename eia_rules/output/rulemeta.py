"""What the machine-readable reporters need to know about rules, and the helpers they share.

Reporters take rule metadata as plain objects satisfying `RuleMetaLike` so they never import
the engine: anything with these attributes (the engine's compiled rules, a test double, a
dataclass) will do. Findings whose rule is not among the metadata still render, described
from the finding itself, so a stale rule list can never hide a finding.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Protocol, runtime_checkable

from ..model.blocks import Location, clip
from ..model.glyphs import as_words
from ..model.findings import Finding, Place, Report, Severity


@runtime_checkable
class RuleMetaLike(Protocol):
    """The rule attributes reporters read; the engine's rule objects satisfy it.

    Members are read-only properties so frozen dataclasses (the engine's `RuleSpec`) match.
    """

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def family(self) -> str: ...

    @property
    def severity(self) -> str: ...

    @property
    def why(self) -> str: ...

    @property
    def legal_basis(self) -> str: ...

    @property
    def remediation(self) -> str: ...

    @property
    def tags(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class RuleMeta:
    """A concrete `RuleMetaLike`, used for rules known only from their findings."""

    id: str
    title: str = ""
    family: str = ""
    severity: str = "warning"
    why: str = ""
    legal_basis: str = ""
    remediation: str = ""
    tags: Sequence[str] = field(default_factory=tuple)


def meta_from_finding(finding: Finding) -> RuleMeta:
    """Describe a rule from one of its findings, when the rule list does not include it."""
    return RuleMeta(
        id=finding.rule_id, title=finding.title, family=finding.family,
        severity=finding.severity.value, legal_basis=finding.legal_basis,
        remediation=finding.remediation,
    )


def all_rules(reports: Sequence[Report], rules: Sequence[RuleMetaLike]) -> list[RuleMetaLike]:
    """The given rules in their order, then any rule that only appears in the reports.

    Rules seen only in `passed`/`not_applicable` get a bare description (id and family).
    """
    known: dict[str, RuleMetaLike] = {r.id: r for r in rules}
    ordered: list[RuleMetaLike] = list(known.values())
    for report in reports:
        for finding in report.findings:
            if finding.rule_id not in known:
                known[finding.rule_id] = meta_from_finding(finding)
                ordered.append(known[finding.rule_id])
        for result in [*report.passed, *report.not_applicable]:
            if result.rule_id not in known:
                known[result.rule_id] = RuleMeta(id=result.rule_id, family=result.family)
                ordered.append(known[result.rule_id])
    return ordered


def severity_of(rule: RuleMetaLike) -> Severity:
    """The rule's default severity (a word or a `Severity`); unknown words count as a warning."""
    value = getattr(rule.severity, "value", rule.severity)
    try:
        return Severity(str(value).lower())
    except ValueError:
        return Severity.WARNING


_INTERNAL_REFERENCE = re.compile(
    r"\s*\((?:[^()]*?\b)?requirements\b[^()]*(?:\([^()]*\)[^()]*)*\)"  # '(requirements PC-10, GV-04)'
    r"|;?\s*\brequirements\s+[A-Z]{2}-\d+.*$")                       # '; requirements WF-01 (...)'


def plain_citation(legal_basis: str) -> str:
    """The legal basis as a citation a reader can look up: references to the project's own
    requirements list (a file officers do not have) are left out."""
    return _INTERNAL_REFERENCE.sub("", " ".join(legal_basis.split())).strip(" ;,")


def legal_basis(finding: Finding, rule: RuleMetaLike | None) -> str:
    """The finding's own legal basis, else the rule's, as a plain citation."""
    return plain_citation(finding.legal_basis or (rule.legal_basis if rule is not None else ""))


def remediation(finding: Finding, rule: RuleMetaLike | None) -> str:
    """The finding's own advice on fixing it, else the rule's."""
    return finding.remediation or (rule.remediation if rule is not None else "")


def title(finding: Finding, rule: RuleMetaLike | None) -> str:
    """The finding's title, else the rule's, else the rule id."""
    return finding.title or (rule.title if rule is not None else "") or finding.rule_id


def section(finding: Finding) -> str:
    """The section path the finding is about, from the finding or its first location."""
    if finding.section:
        return finding.section
    return next((loc.section() for loc in finding.locations if loc.section_path), "")


def location_label(locations: Iterable[Location]) -> str:
    """All locations as officers read them, e.g. 'table 2 row 3 col 2; paragraph 14'."""
    return "; ".join(loc.label() for loc in locations) or "document"


def excerpt_words(text: str, limit: int = 60) -> str:
    """An excerpt for people: check boxes as words ('ticked: No impact'), cut at a word boundary."""
    return clip(as_words(text), limit)


def where(place: Place, fmt: str = "") -> str:
    """A place as the officer finds it in their own copy, not by the reader's block numbers.

    PDF: the page ('page 3'), with the table row's label when there is one. A table row:
    'table 3, row "Age"'. A .md/.txt/.html line: 'line 15' (editors show lines). A Word or
    HTML paragraph: its opening words ('"Census 2011 data show…"'), since Word numbers no
    paragraphs. The section heading is printed above the finding, so it is not repeated here.
    """
    loc = place.locations[0] if place.locations else None
    if loc is None:
        return "document"
    parts: list[str] = []
    if loc.page is not None:
        parts.append(f"page {loc.page}")
    if loc.table is not None:
        parts.append(f'table {loc.table}, row "{loc.row_name()}"' if loc.row_label
                     else f"table {loc.table} row {loc.row}" if loc.row is not None else f"table {loc.table}")
    elif loc.line is not None and fmt not in ("docx", "pdf"):
        parts.append(f"line {loc.line}")
    elif loc.page is None and place.excerpt:
        parts.append(f'"{excerpt_words(place.excerpt, 50)}"')
    elif loc.page is None and loc.paragraph is not None:
        parts.append(f"paragraph {loc.paragraph}")
    return ", ".join(parts) or "document"


# How many other places a one-line listing names before it says "and N more".
SHOWN_PLACES = 6


def place_label(place: Place, finding: Finding, fmt: str | None = None) -> str:
    """One other place as officers read it, by its first location as the finding's own place is
    shown (`where`, when the document's format `fmt` is given); its section only when it differs
    from the finding's."""
    if fmt is not None:
        label = where(place, fmt)
    else:
        label = place.locations[0].label() if place.locations else "document"
    return f"{label} ({place.section})" if place.section and place.section != finding.section else label


def other_places(finding: Finding, limit: int = SHOWN_PLACES, where: str | None = None) -> str:
    """'2 other places: table 1 row 3; table 1 row 4' for a grouped finding, else ''.

    Repeats at one place (two undated sources in one paragraph) are counted, not listed twice:
    'paragraph 10 (x2)'. Past `limit` labels the rest are counted: 'and 4 more'.
    """
    if not finding.also_at:
        return ""
    counts: Counter[str] = Counter(place_label(p, finding, where) for p in finding.also_at)
    labels = [label if n == 1 else f"{label} (x{n})" for label, n in counts.items()]
    shown = "; ".join(labels[:limit]) + (f"; and {len(labels) - limit} more" if len(labels) > limit else "")
    n = len(finding.also_at)
    return f"{n} other place{'' if n == 1 else 's'}: {shown}"


def also_at(finding: Finding, limit: int = SHOWN_PLACES, where: str | None = None) -> str:
    """'Also at 2 other places: table 1 row 3; table 1 row 4.' for a grouped finding, else ''.

    `where` is the document's format, to name places as `where()` does (text output)."""
    places = other_places(finding, limit, where)
    return f"Also at {places}." if places else ""


def display_path(path: str, base: Path | None = None) -> str:
    """The document path relative to `base` (default: the working directory), with '/'.

    CI systems (GitHub annotations, SARIF upload) match files by repository-relative path;
    a path outside `base` stays absolute.
    """
    pure = Path(path)
    root = (base or Path.cwd()).resolve()
    try:
        rel = pure.resolve().relative_to(root) if pure.is_absolute() or base is not None else pure
    except ValueError:
        rel = pure
    return PurePath(rel).as_posix()
