"""The nine protected characteristics: what the document says about each.

Two questions are asked of every unit, separately. First, whom is it about? `scope.Scope`
answers that from the document's layout: a heading, label line, prompt or header row opens a
group's section; a row belongs to the group its first cell names; a paragraph that opens with
a group ('Older residents who ...') is about it until the paragraph ends. Second, does it
judge and give reasons? `judge` finds the judgement; the unit's content words are its reasons.

A sentence naming three or more groups is a list: it makes each `listed`, or `asserted` when
it gives a direction (positive or negative) for all of them together; a blanket 'no impact
on any of these groups' judges none of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.blocks import Location
from ..model.record import (
    CHARACTERISTICS,
    CharacteristicAssessment,
    CharacteristicStatus,
)
from .judgement import judge
from .locate import merge_locations
from .scope import Scope, Subjects, groups, is_list
from .units import Unit, bare, token_table

MIN_UNIT_CONTENT = 2      # content words a sentence or row needs to count as a reason
MIN_REASON_CONTENT = 6    # content words, in all, that make a judgement reasoned
# 'No impact on any of these groups' after a list judges none of them: they stay listed.
# A direction ('positive for age, disability and race') is a judgement for each: asserted.
_BLANKET = frozenset({"none", "neutral", "unknown"})


@dataclass
class _Acc:
    units: list[Unit] = field(default_factory=list)
    entries: list[Unit] = field(default_factory=list)  # units that are about this group alone
    judgements: list[tuple[str, Unit, bool]] = field(default_factory=list)
    grouped: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    reason_content: int = 0
    evidence: list[str] = field(default_factory=list)
    mitigation: str = ""
    justification: str = ""
    data_gap: bool = False
    data_gap_action: bool = False

    def judged(self, impact: str, unit: Unit, is_bare: bool, with_groups: list[str]) -> None:
        self.judgements.append((impact, unit, is_bare))
        self.grouped += with_groups


def content_words(unit: Unit, skip_first_cell: bool = True) -> tuple[int, str]:
    """Content words of a unit once group names, judgements and PSED aims are set aside.
    Several extractors ask this of the same unit, so the answer is kept on it."""
    return unit.kept(("content_words", skip_first_cell), lambda: _content_words(unit, skip_first_cell))


def _content_words(unit: Unit, skip_first_cell: bool) -> tuple[int, str]:
    span = unit.span
    text = unit.text
    if unit.table_row and skip_first_cell and unit.cells:
        first_len = len(unit.cells[0].text)
        span = unit.char_span(min(first_len + 1, len(unit.text)), len(unit.text)) or span
        text = " | ".join(c.text for c in unit.cells[1:] if not bare(c.text))
    content = token_table(unit.doc).content[span.start:span.end].copy()
    for name in ("characteristics", "judgements", "topics"):
        for h in unit.hits(name):
            lo, hi = max(h.span.start, span.start), min(h.span.end, span.end)
            if lo < hi:
                content[lo - span.start:hi - span.start] = False
    return int(content.sum()), text


def extract(units: list[Unit]) -> dict[str, CharacteristicAssessment]:
    """Read the units in order and decide each characteristic's status, judgement and reasons."""
    acc = {k: _Acc() for k in CHARACTERISTICS}
    scope = Scope()
    for unit in units:
        chars = groups(unit)
        for c in chars:
            acc[c].units.append(unit)
        scope.enter(unit, chars)
        if unit.is_question or unit.header_row or unit.is_instruction:
            continue
        impact, _ = judge(unit)
        if is_list(unit):
            _read_list(acc, unit, chars, impact)
            continue
        about = scope.subjects(unit, chars)
        if impact:
            _read_judgement(acc, unit, impact, about)
        for c in about.groups:
            if about.single and (impact or unit.table_row or about.primary):
                acc[c].entries.append(unit)
            _read_content(acc[c], unit)
    return {k: _finish(a) for k, a in acc.items()}


def _read_list(acc: dict[str, _Acc], unit: Unit, chars: list[str], impact: str | None) -> None:
    """A list sentence: a direction given for all the groups it names judges each, bare."""
    if impact and impact not in _BLANKET:
        for c in chars:
            acc[c].judged(impact, unit, True, [o for o in chars if o != c])


def _read_judgement(acc: dict[str, _Acc], unit: Unit, impact: str, about: Subjects) -> None:
    """A judgement belongs to the unit's groups; in a row or label line, also (bare) to the
    other groups it names, which share the answer without a reason of their own."""
    _, remainder = content_words(unit)
    is_bare = bare(_strip_chars(unit, remainder))
    for c in about.groups:
        acc[c].judged(impact, unit, is_bare, [o for o in about.groups if o != c])
    if unit.label_like or unit.table_row:
        for c in about.others:
            acc[c].judged(impact, unit, True, [o for o in about.groups + about.others if o != c])


def _strip_chars(unit: Unit, text: str) -> str:
    for h in unit.hits("characteristics"):
        text = text.replace(h.text, " ")
    return text


def _read_content(a: _Acc, unit: Unit) -> None:
    """Reasons, evidence, data gaps and mitigation stated in a unit about one characteristic."""
    if unit not in a.units:
        a.units.append(unit)
    signals = {h.label for h in unit.hits("signals")}
    if "data_gap" in signals:
        a.data_gap = True
        if any(w in unit.text.lower() for w in ("will ", "plan to", "undertake", "gather", "collect")):
            a.data_gap_action = True
        return
    a.evidence += [h.text for h in unit.hits("evidence") if h.label == "source"]
    actions = {h.label for h in unit.hits("actions")}
    if "mitigation" in actions and not a.mitigation:
        a.mitigation = unit.text
    if "justif" in unit.text.lower() and not a.justification:
        a.justification = unit.text
    if unit.label_like and not unit.table_row:
        return
    count, text = content_words(unit)
    if count >= MIN_UNIT_CONTENT:
        a.reason_content += count
        a.reasons.append(text)


def _finish(a: _Acc) -> CharacteristicAssessment:
    out = CharacteristicAssessment()
    if not a.units and not a.judgements:
        return out
    # The group's own entry (its row or paragraph) first: findings point at locations[0].
    locations: list[Location] = merge_locations([u.locations for u in a.entries]
                                                + [u.locations for _, u, _ in a.judgements]
                                                + [u.locations for u in a.units])
    out.locations = locations
    out.evidence = list(dict.fromkeys(a.evidence))
    out.mitigation, out.justification = a.mitigation, a.justification
    out.data_gap, out.data_gap_action = a.data_gap, a.data_gap_action
    out.grouped_with = list(dict.fromkeys(a.grouped))
    if not a.judgements:
        out.status = CharacteristicStatus.LISTED
        return out
    impacts = list(dict.fromkeys(i for i, _, _ in a.judgements))
    out.impact = impacts[0] if len(impacts) == 1 else ("mixed" if {"positive", "negative"} <= set(impacts) else impacts[0])
    out.reasons = " ".join(a.reasons)
    if a.reason_content >= MIN_REASON_CONTENT:
        out.status = CharacteristicStatus.ASSESSED
    else:
        out.status = CharacteristicStatus.ASSERTED
        out.non_assessment = all(is_bare for _, _, is_bare in a.judgements)
    return out
