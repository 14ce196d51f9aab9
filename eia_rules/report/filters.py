"""The report's filters: a date window on the assessment's own date, a directorate, rule families.

The same filters apply to the current state and to the run it is compared with, so a change
shown is a change in the same slice of the archive.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .data import Doc


@dataclass(frozen=True)
class Filters:
    since: str | None = None        # ISO date or prefix ('2024', '2024-04'), inclusive
    until: str | None = None        # inclusive: '2024' keeps every date in 2024
    directorate: str | None = None  # case-insensitive, matches the directorate or the service
    families: frozenset[str] | None = None

    def describe(self) -> list[str]:
        """Plain words for the report's header."""
        parts = []
        if self.since:
            parts.append(f"dated from {self.since}")
        if self.until:
            parts.append(f"dated up to {self.until}")
        if self.directorate:
            parts.append(f"directorate or service '{self.directorate}'")
        if self.families:
            parts.append("families " + ", ".join(sorted(self.families)))
        return parts

    def keep(self, doc: Doc) -> bool:
        if self.since or self.until:
            if not doc.doc_date:
                return False
            if self.since and doc.doc_date[:len(self.since)] < self.since:
                return False
            if self.until and doc.doc_date[:len(self.until)] > self.until:
                return False
        if self.directorate:
            wanted = self.directorate.casefold()
            if wanted not in (doc.directorate.casefold(), doc.service.casefold()):
                return False
        return True

    def check_matches(self, docs: list[Doc]) -> None:
        """Refuse a filter that keeps nothing, naming what the store has, so a mistyped
        directorate is an error and not a silently empty report."""
        if not docs or any(self.keep(d) for d in docs):
            return
        from ..errors import EiaRulesError

        if self.directorate and not any(self.directorate.casefold() in (d.directorate.casefold(),
                                                                         d.service.casefold()) for d in docs):
            names = sorted({n for d in docs for n in (d.directorate, d.service) if n})
            raise EiaRulesError(f"no assessment has the directorate or service '{self.directorate}'; the store has: "
                                + ("; ".join(names) if names else "none (the documents do not say; use a manifest)"))
        dates = sorted(d.doc_date for d in docs if d.doc_date)
        span = f"dated {dates[0]} to {dates[-1]}" if dates else "none dated"
        raise EiaRulesError(f"no assessment matches {', '.join(self.describe())}; the store's assessments are {span}")

    def apply(self, docs: list[Doc]) -> list[Doc]:
        """The documents in the window, each keeping only findings in the chosen families."""
        kept = [d for d in docs if self.keep(d)]
        if self.families is None:
            return kept
        return [replace(d, findings=[f for f in d.findings if f.family in self.families]) for d in kept]
