"""The nine protected characteristics: what the document says about each.

Two questions are asked of every unit, separately. First, whom is it about? `scope.Scope`
answers that from the document's layout: a heading, label line, prompt or header row opens a
group's section; a row belongs to the group its first cell names; a paragraph that opens with
a group ('Older residents who ...') is about it until the paragraph ends. Second, does it
judge and give reasons? `judge` finds the judgement; the unit's content words are its reasons.

A sentence naming three or more groups is a list: it makes each `listed`, or `asserted` when
it judges all of them together ('positive for age, disability and race'; 'no impact on any
of these groups as it applies to everyone equally'), since a judgement with no reason of
the group's own is a bare answer (corpora-dev README, rules 3 and 6).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model.blocks import Location
from ..model.record import (
    CHARACTERISTICS,
    CharacteristicAssessment,
    CharacteristicStatus,
)
from .judgement import judge
from .nlp import Hit
from .locate import merge_locations
from .scope import Scope, Subjects, groups, is_list
from .units import Unit, bare, token_table

MIN_UNIT_CONTENT = 2      # content words a sentence or row needs to count as a reason
MIN_REASON_CONTENT = 6    # content words, in all, that make a judgement reasoned
PASTED = 3                # entries carrying one reason word for word: it fits any group


@dataclass
class _Acc:
    units: list[Unit] = field(default_factory=list)
    entries: list[Unit] = field(default_factory=list)  # units that are about this group alone
    judgements: list[tuple[str, Unit, bool]] = field(default_factory=list)
    grouped: list[str] = field(default_factory=list)
    reasons: list[tuple[Unit, str, int]] = field(default_factory=list)  # (unit, its text, content words)
    evidence: list[str] = field(default_factory=list)
    mitigation: str = ""
    justification: str = ""
    data_gap: bool = False
    data_gap_action: bool = False

    def judged(self, impact: str, unit: Unit, is_bare: bool, with_groups: list[str]) -> None:
        self.judgements.append((impact, unit, is_bare))
        self.grouped += with_groups


# Topic words that name the people affected ('learners', 'pupils'), not a duty or aim: they
# are part of a reason ('very few learners aged 16 to 19 are married').
_PEOPLE = frozenset({"childrens_rights:children_affected"})


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
            if h.label in _PEOPLE:
                continue
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
        impact = impact or _implied(unit, about)
        if impact:
            _read_judgement(acc, unit, impact, about)
        # A unit gives reasons to the group it is in scope of or judges; one that only names
        # a group in passing ('The service is used mainly by older people') does not.
        gives_reasons = bool(impact or unit.table_row or about.scoped)
        for c in about.groups:
            if about.single and gives_reasons:
                acc[c].entries.append(unit)
            _read_content(acc[c], unit, gives_reasons)
    _drop_pasted(acc, units[-1] if units else None)
    return {k: _finish(a) for k, a in acc.items()}


def _drop_pasted(acc: dict[str, _Acc], last: Unit | None) -> None:
    """A reason pasted word for word into the entries of three or more groups ('It is not
    considered that the strategy itself will directly impact on individuals with protected
    characteristics') would fit any characteristic, so where a group's reasons are only such
    copies, it has none: its entry is a bare answer. A copy cut short (the end of a page or
    excerpt, so the document's last unit) still counts. A group whose entry says more than the shared line keeps it; one passage that is about several groups at once is one unit, not a pasted copy."""
    texts = {id(u): _normal(t) for a in acc.values() for u, t, _ in a.reasons}
    cut = id(last)
    pasted = {i for i, text in texts.items()
              if sum(1 for j, other in texts.items() if _copies(text, i == cut, other, j == cut)) >= PASTED}
    for a in acc.values():
        if a.reasons and all(id(u) in pasted for u, _, _ in a.reasons) and not _own_words(a, pasted):
            a.reasons = []


def _own_words(a: _Acc, pasted: set[int]) -> bool:
    """Whether the group's entry says something beside the pasted line ('It is not gender
    specific, and although women tend to live longer ...'), even where that is not counted
    as a reason of its own."""
    return any(id(u) not in pasted and content_words(u)[0] >= MIN_UNIT_CONTENT for u in a.entries)


_MIN_COPY = 60  # characters two reasons must share, from the start, to be copies


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _copies(a: str, a_cut: bool, b: str, b_cut: bool) -> bool:
    """Equal texts, or one cut short at the end of the document where the other goes on."""
    if a == b:
        return True
    (shorter, cut), (longer, _) = sorted(((a, a_cut), (b, b_cut)), key=lambda x: len(x[0]))
    return cut and len(shorter) >= _MIN_COPY and longer.startswith(shorter)


def _implied(unit: Unit, about: Subjects) -> str | None:
    """The judgement a passage about one group makes without a rating word: 'the Guildhall is
    on the ground floor, so it is easier to reach' judges the move positive for the older
    residents the paragraph is about. Only where whom the unit is about is fixed, by the
    layout (its row, its paragraph's opening group, its section), so a sentence that merely
    names a group ('our plan to improve the rights of disabled people') is not read as
    judging it. The words are the
    `effects` lexicon; 'affected' alone says there is an effect, not which way ('unknown'),
    and so does a sentence on what the proposal will do for them (`_provision`)."""
    if not about.scoped or len(about.groups) > 2:
        return None
    effects = unit.hits("effects")
    if not effects:
        return _provision(unit) if about.lead else None
    directions = {_direction(unit, h) for h in effects}
    if len(directions) > 1:
        directions.discard("unknown")
    if not directions:
        return None
    return "mixed" if len(directions) > 1 else directions.pop()


MIN_PROVISION_CONTENT = 8  # content words a 'will' sentence needs to describe what changes


def _provision(unit: Unit) -> str | None:
    """'At the new branch every desk will have video interpreting, booked when the customer
    asks': what the proposal will do for the group a paragraph opened with is a judgement
    whose direction the text leaves to the reader ('unknown'), provided it says enough. Only
    in such a paragraph: under a heading, 'will' sentences are as often about the review
    date or the organisation's values as about the group."""
    says_what_changes = any(h.label == "plan" for h in unit.hits("scope"))
    if says_what_changes and content_words(unit)[0] >= MIN_PROVISION_CONTENT:
        return "unknown"
    return None


_NEGATORS = frozenset({"not", "no", "never", "n't", "without", "nor", "ddim", "heb", "na", "nad"})
_NEGATION_REACH = 4  # tokens before an effect word that a 'not' can reach


def _direction(unit: Unit, hit: Hit) -> str:
    """An effect word's direction, turned round by a negation just before it ('will not have
    to travel further' is good news)."""
    start = max(unit.span.start, hit.span.start - _NEGATION_REACH)
    negated = any(t.lower_ in _NEGATORS for t in unit.doc[start:hit.span.start])
    if not negated:
        return hit.label
    return "positive" if hit.label == "negative" else "negative"


def _read_list(acc: dict[str, _Acc], unit: Unit, chars: list[str], impact: str | None) -> None:
    """A list sentence: a judgement given for all the groups it names judges each, bare."""
    if impact:
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


def _read_content(a: _Acc, unit: Unit, gives_reasons: bool) -> None:
    """Reasons, evidence, data gaps and mitigation stated in a unit about one characteristic."""
    if unit not in a.units:
        a.units.append(unit)
    signals = {h.label for h in unit.hits("signals")}
    scope_words = {h.label for h in unit.hits("scope")}
    if a.data_gap and {"plan", "data_step"} <= scope_words:
        # '... with limited data. ... Because we do not record ethnicity, we will add a
        # voluntary question': a later sentence of the entry says how the data will be got
        a.data_gap_action = True
    if "data_gap" in signals:
        # 'We found no evidence that trans people are more likely to need adaptations' says
        # data are missing; the rest of a row that goes on to what a trans-led group told us
        # is still its reason. A sentence that only says so gives no reason (`_specific`).
        a.data_gap = True
        a.data_gap_action = a.data_gap_action or "plan" in scope_words
        if not unit.table_row:
            return
    a.evidence += [h.text for h in unit.hits("evidence") if h.label == "source"]
    actions = {h.label for h in unit.hits("actions")}
    if "mitigation" in actions and not a.mitigation:
        a.mitigation = unit.text
    if "justification" in scope_words and not a.justification:
        a.justification = unit.text
    if not gives_reasons or (unit.label_like and not unit.table_row):
        return
    count, text = content_words(unit)
    if count >= MIN_UNIT_CONTENT and _specific(unit):
        a.reasons.append((unit, text, count))


def _specific(unit: Unit) -> bool:
    """Whether a unit says something about this proposal: 'The Council has no evidence that
    the proposal would affect people differently because of their race' would fit any
    group and any proposal, so it is no reason. The words that could are the `generic`
    lexicon; one content word outside it makes the unit specific."""
    def work_out() -> bool:
        content = token_table(unit.doc).content[unit.span.start:unit.span.end].copy()
        for name in ("characteristics", "judgements", "generic"):
            for h in unit.hits(name):
                lo, hi = max(h.span.start, unit.span.start), min(h.span.end, unit.span.end)
                content[lo - unit.span.start:hi - unit.span.start] = False
        return bool(content.any())
    return unit.kept(("specific",), work_out)


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
    out.reasons = " ".join(text for _, text, _ in a.reasons)
    if sum(count for _, _, count in a.reasons) >= MIN_REASON_CONTENT:
        out.status = CharacteristicStatus.ASSESSED
    else:
        out.status = CharacteristicStatus.ASSERTED
        out.non_assessment = all(is_bare for _, _, is_bare in a.judgements)
    return out
