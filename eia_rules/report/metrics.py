"""The report's figures, each counted from `Doc` rows so the tests can recount them in SQL.

Shares are always of the assessments that could be read ("ok"); documents that failed to read
are counted separately and never treated as compliant or non-compliant.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model.record import CHARACTERISTICS
from .data import Doc

STATUSES = ("assessed", "asserted", "listed", "absent")


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value * 100)}%"


@dataclass
class Headline:
    audited: int
    failed: int
    with_gap: int
    common_gaps: list[tuple[str, int]]   # rule id, assessments with it

    @property
    def gap_share(self) -> float | None:
        return share(self.with_gap, self.audited)


def rule_counts(docs: list[Doc], *, errors_only: bool) -> Counter[str]:
    """Rule id -> number of readable assessments with at least one active finding from it."""
    counts: Counter[str] = Counter()
    for doc in docs:
        if doc.ok:
            counts.update({f.rule_id for f in doc.findings
                           if (f.statutory_gap if errors_only else f.active and f.severity != "info")})
    return counts


def headline(docs: list[Doc], common: int = 5) -> Headline:
    ok = [d for d in docs if d.ok]
    return Headline(audited=len(ok), failed=len(docs) - len(ok),
                    with_gap=sum(bool(d.gap_rules()) for d in ok),
                    common_gaps=rule_counts(docs, errors_only=True).most_common(common))


@dataclass
class FamilyRow:
    family: str
    clear: int          # readable assessments with no statutory gap in the family
    with_gap: int
    with_warning: int   # with an active warning in the family (whether or not it also has a gap)
    total: int

    @property
    def clear_share(self) -> float | None:
        return share(self.clear, self.total)

    @property
    def gap_share(self) -> float | None:
        return share(self.with_gap, self.total)


def by_family(docs: list[Doc], families: list[str]) -> list[FamilyRow]:
    ok = [d for d in docs if d.ok]
    rows = []
    for family in families:
        gap = sum(any(f.statutory_gap and f.family == family for f in d.findings) for d in ok)
        warn = sum(any(f.active and f.severity == "warning" and f.family == family for f in d.findings) for d in ok)
        rows.append(FamilyRow(family, len(ok) - gap, gap, warn, len(ok)))
    return rows


@dataclass
class HeatCell:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def assessed_share(self) -> float | None:
        return share(self.counts["assessed"], self.total)


@dataclass
class HeatMap:
    groups: list[str]
    cells: dict[tuple[str, str], HeatCell]   # (group, characteristic) -> counts
    characteristics: tuple[str, ...] = CHARACTERISTICS


def heat_map(docs: list[Doc], by: str) -> HeatMap:
    """How each group's assessments treat each characteristic, from the records' statuses."""
    with_records = [d for d in docs if d.ok and d.characteristics]
    groups = sorted({d.group(by) for d in with_records}, key=str.casefold)
    cells = {(g, c): HeatCell({s: 0 for s in STATUSES}) for g in groups for c in CHARACTERISTICS}
    for doc in with_records:
        for key in CHARACTERISTICS:
            status = doc.characteristics.get(key, "absent")
            cells[(doc.group(by), key)].counts[status if status in STATUSES else "absent"] += 1
    return HeatMap(groups, cells)


@dataclass
class Period:
    label: str
    total: int
    with_gap: int

    @property
    def gap_share(self) -> float | None:
        return share(self.with_gap, self.total)


def period_of(doc_date: str, quarterly: bool) -> str:
    year = doc_date[:4]
    if not quarterly:
        return year
    return f"{year} Q{(int(doc_date[5:7]) - 1) // 3 + 1}"


def trend(docs: list[Doc]) -> tuple[str, list[Period]]:
    """Share with statutory gaps by quarter (when every dated assessment has a month) or by year."""
    dated = [d for d in docs if d.ok and d.doc_date and d.doc_date[:4].isdigit()]
    quarterly = bool(dated) and all(len(d.doc_date or "") >= 7 for d in dated)
    periods: dict[str, Period] = {}
    for doc in dated:
        label = period_of(doc.doc_date or "", quarterly)
        period = periods.setdefault(label, Period(label, 0, 0))
        period.total += 1
        period.with_gap += bool(doc.gap_rules())
    for label in _every_period(sorted(periods), quarterly):  # an empty period shows as a gap
        periods.setdefault(label, Period(label, 0, 0))
    return ("quarter" if quarterly else "year"), [periods[k] for k in sorted(periods)]


def _every_period(labels: list[str], quarterly: bool) -> list[str]:
    """Every year or quarter from the first label to the last: '2021 Q1'..'2024 Q1' has 13."""
    if not labels:
        return []
    def index(label: str) -> int:
        return int(label[:4]) * 4 + int(label[-1]) - 1 if quarterly else int(label[:4])
    def name(i: int) -> str:
        return f"{i // 4} Q{i % 4 + 1}" if quarterly else str(i)
    return [name(i) for i in range(index(labels[0]), index(labels[-1]) + 1)]


@dataclass
class OwnerRow:
    """One directorate (or service) in the ranking: how its assessments stand."""

    group: str
    total: int = 0
    with_gap: int = 0
    unsigned: int = 0
    needs_review: int = 0

    @property
    def gap_share(self) -> float | None:
        return share(self.with_gap, self.total)


def by_owner(docs: list[Doc], by: str) -> list[OwnerRow]:
    """Directorates (or services) ranked by the share of their assessments with a statutory gap,
    with how many were not signed off and how many findings wait for a person's review."""
    rows: dict[str, OwnerRow] = {}
    for doc in docs:
        if not doc.ok:
            continue
        row = rows.setdefault(doc.group(by), OwnerRow(doc.group(by)))
        row.total += 1
        row.with_gap += bool(doc.gap_rules())
        row.unsigned += not doc.approver
        row.needs_review += doc.needs_review
    return sorted(rows.values(), key=lambda r: (-(r.gap_share or 0), -r.total, r.group.casefold()))


def ranked(docs: list[Doc], top: int) -> list[Doc]:
    """The readable assessments with the most serious gaps: most statutory gaps, then most warnings."""
    def weight(doc: Doc) -> tuple[int, int]:
        return (sum(f.count for f in doc.findings if f.statutory_gap),
                sum(f.count for f in doc.findings if f.active and f.severity == "warning"))
    scored = [d for d in docs if d.ok and any(weight(d))]
    return sorted(scored, key=lambda d: (-weight(d)[0], -weight(d)[1], d.label))[:top]


@dataclass
class Comparison:
    """What changed between an earlier run's snapshot and now, for the same filters."""

    run_id: int
    then: Headline
    now: Headline
    families: list[tuple[FamilyRow, FamilyRow]]   # (then, now)
    fixed: list[Doc] = field(default_factory=list)           # gap then, none now
    newly_failing: list[Doc] = field(default_factory=list)   # no gap then, gap now
    added: int = 0
    removed: int = 0


def compare(then: list[Doc], now: list[Doc], families: list[str], run_id: int) -> Comparison:
    before = {d.path: d for d in then if d.ok}
    after = {d.path: d for d in now if d.ok}
    both = sorted(before.keys() & after.keys())
    return Comparison(
        run_id=run_id, then=headline(then), now=headline(now),
        families=list(zip(by_family(then, families), by_family(now, families), strict=True)),
        fixed=[after[p] for p in both if before[p].gap_rules() and not after[p].gap_rules()],
        newly_failing=[after[p] for p in both if not before[p].gap_rules() and after[p].gap_rules()],
        added=len(after.keys() - before.keys()), removed=len(before.keys() - after.keys()))
