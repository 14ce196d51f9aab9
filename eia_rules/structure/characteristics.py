"""The nine protected characteristics: what the document says about each.

Units are read in order with a notion of the *current* characteristic: a heading, a short
label line, a table header or a prompt that names one characteristic opens its section, and
the judgement lines and reasons that follow belong to it. A row whose first cell names a
characteristic belongs to that characteristic; a sentence that starts with one ('For older
people, ...') is about it until the paragraph ends. A sentence naming three or more
characteristics is a list: it makes each one `listed`, or `asserted` when it gives a
direction (positive or negative) for all of them together; a blanket 'no impact on any of
these groups' judges none of them.
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
from .units import Unit, bare, token_table

MIN_UNIT_CONTENT = 2      # content words a sentence or row needs to count as a reason
MIN_REASON_CONTENT = 6    # content words, in all, that make a judgement reasoned
_LIST_SIZE = 3            # characteristics named together that make a sentence a list
_STARTER_WORDS = frozenset({"for", "among", "amongst", "regarding", "re", "on", "the", "and", "i", "ar", "o", "gyda"})
# 'No impact on any of these groups' after a list judges none of them: they stay listed.
# A direction ('positive for age, disability and race') is a judgement for each: asserted.
_BLANKET = frozenset({"none", "neutral", "unknown"})
_STARTER_WINDOW = 3       # tokens before the first characteristic for a sentence to be 'about' it


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


def _chars(unit: Unit) -> list[str]:
    return list(dict.fromkeys(h.label for h in unit.hits("characteristics") if not h.label.startswith("_")))


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


def _starter(unit: Unit, chars: list[str]) -> str | None:
    hits = [h for h in unit.hits("characteristics") if not h.label.startswith("_")]
    if hits and hits[0].span.start - unit.span.start <= _STARTER_WINDOW and len(chars) <= 2:
        lead = unit.doc[unit.span.start:hits[0].span.start]
        if all(t.lower_ in _STARTER_WORDS or not t.is_alpha for t in lead):
            return hits[0].label
    return None


def extract(units: list[Unit]) -> dict[str, CharacteristicAssessment]:
    """Read the units in order and decide each characteristic's status, judgement and reasons."""
    acc = {k: _Acc() for k in CHARACTERISTICS}
    current: str | None = None
    local: str | None = None
    last_opened: str | None = None
    current_from_prompt = False
    pair: list[str] = []
    for unit in units:
        chars = _chars(unit)
        if unit.block_start:
            local = None
        for c in chars:
            acc[c].units.append(unit)
        opener = unit.heading or unit.header_row or unit.is_question or (unit.label_like and not unit.table_row)
        if opener:
            previous_label = last_opened
            last_opened = None
            # 'Gender reassignment and sexual orientation' as a heading: what follows answers both
            if unit.heading or unit.header_row or chars:
                pair = chars if (unit.heading and _paired_opening(unit, chars)) or _umbrella(unit, chars) else []
            if len(chars) == 1 or (current in chars and len(chars) < _LIST_SIZE):
                current = current if current in chars else chars[0]
                current_from_prompt = unit.is_question
                if previous_label and previous_label != current and unit.label_like and not unit.is_question:
                    current = None  # a list of characteristics set one a line
                last_opened = chars[0] if len(chars) == 1 else None
            elif unit.heading or unit.header_row or unit.is_question or chars:
                current = None
        else:
            last_opened = None
        if unit.is_question or unit.header_row or unit.is_instruction:
            continue
        impact, _ = judge(unit)
        if _groups_named(unit) >= _LIST_SIZE:
            if impact and impact not in _BLANKET:
                for c in chars:
                    acc[c].judgements.append((impact, unit, True))
                    acc[c].grouped += [o for o in chars if o != c]
            continue
        row_chars = _chars_of_first_cell(unit)
        umbrella = _umbrella_row(unit, row_chars)
        primary = row_chars[0] if row_chars else None
        if primary is None and not unit.label_like:
            starter = _starter(unit, chars)
            if starter:
                local = starter
        keeps = current is not None and (not chars or current in chars or not current_from_prompt)
        inherited = local or (current if keeps else None)
        if inherited and not chars and _about_other_topic(unit):
            inherited = None
        primary = primary or inherited
        subjects = umbrella or ([primary] if primary else chars)
        if not subjects and pair and not _about_other_topic(unit):
            subjects = pair
        if not row_chars and _paired_opening(unit, chars):
            subjects, local = chars, None  # 'Sex and gender reassignment: ...' answers both
        others = [c for c in chars if c not in subjects]
        if impact:
            for c in subjects:
                _, remainder = content_words(unit)
                acc[c].judgements.append((impact, unit, bare(_strip_chars(unit, remainder))))
                acc[c].grouped += [o for o in subjects if o != c]
            if unit.label_like or unit.table_row:
                for c in others:
                    acc[c].judgements.append((impact, unit, True))
                    acc[c].grouped += [o for o in subjects + others if o != c]
        for c in subjects:
            if (len(subjects) == 1 or subjects == umbrella) and (impact or unit.table_row or primary):
                acc[c].entries.append(unit)
            _read_content(acc[c], unit)
    return {k: _finish(a) for k, a in acc.items()}


def _paired_opening(unit: Unit, chars: list[str]) -> bool:
    hits = [h for h in unit.hits("characteristics") if not h.label.startswith("_")]
    return len(chars) == 2 and len(hits) >= 2 and hits[0].span.start - unit.span.start <= _STARTER_WINDOW \
        and hits[1].span.start - hits[0].span.end <= 2


def _about_other_topic(unit: Unit) -> bool:
    """A sentence judging the Welsh language or another duty is not about the current group."""
    return any(not h.label.startswith("psed") for h in unit.hits("topics") if ":" not in h.label)


def _chars_of_first_cell(unit: Unit) -> list[str]:
    if not unit.table_row or len(unit.cells) < 2:
        return []
    first_end = len(unit.cells[0].text)
    return list(dict.fromkeys(h.label for h in unit.hits("characteristics")
                              if not h.label.startswith("_") and h.span.start_char - unit.span.start_char < first_end))


def _named_groups(unit: Unit) -> dict[tuple[int, int], frozenset[str]]:
    """The characteristics named at each place in the unit: one label for most terms, several
    for an umbrella term such as 'LGBTQ+'."""
    def work_out() -> dict[tuple[int, int], frozenset[str]]:
        places: dict[tuple[int, int], set[str]] = {}
        for h in unit.hits("characteristics"):
            if not h.label.startswith("_"):
                places.setdefault((h.span.start, h.span.end), set()).add(h.label)
        return {k: frozenset(v) for k, v in places.items()}

    return unit.kept(("named_groups",), work_out)


def _groups_named(unit: Unit) -> int:
    """How many groups the unit names: an umbrella term counts once, so 'LGBTQ+ young people'
    names two, not a list of three."""
    groups = set(_named_groups(unit).values())
    named = set().union(*groups) if groups else set()
    return len(named) - sum(len(g) - 1 for g in groups if len(g) > 1)


def _umbrella(unit: Unit, chars: list[str]) -> bool:
    """Whether the characteristics the unit names all come from one umbrella term."""
    return len(chars) > 1 and set(_named_groups(unit).values()) == {frozenset(chars)}


def _umbrella_row(unit: Unit, row_chars: list[str]) -> list[str]:
    """The groups a row's first cell names with one umbrella term ('LGBTQ+ people'): the row
    is the entry for each of them. Empty when the cell names groups one by one."""
    if len(row_chars) < 2:
        return []
    first = {labels for (start, _), labels in _named_groups(unit).items()
             if unit.doc[start].idx - unit.span.start_char < len(unit.cells[0].text)}
    return row_chars if first == {frozenset(row_chars)} else []


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
