"""What each stretch of text is about: the scope tracker for the protected characteristics.

An assessment says which group it is talking about in many ways: a heading or label line
('Disability'), a form prompt ('Will the proposal affect people of different ages?'), the
first cell of a table row, a paragraph that opens with the group ('Older residents who
rely on ...', 'Deaf BSL users told us ...'), or a heading that names two groups at once.
The judgement and reasons that follow belong to that group until something else opens.

`Scope` keeps that state explicitly, so the extractor asks one question of each unit, "whom is
this about?", and decides separately whether the unit judges anything. It is read in
document order: `enter(unit)` once per unit, then `subjects(unit)`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .nlp import any_of, words
from .units import Unit

LIST_SIZE = 3          # characteristics named together that make a sentence a list
_LEAD_WINDOW = 5       # tokens before the first group for a sentence to be 'about' it


def groups(unit: Unit) -> list[str]:
    """The characteristics a unit names, in order of first mention."""
    return list(dict.fromkeys(h.label for h in _group_hits(unit)))


def _group_hits(unit: Unit) -> list:
    return [h for h in unit.hits("characteristics") if not h.label.startswith("_")]


def named_groups(unit: Unit) -> dict[tuple[int, int], frozenset[str]]:
    """The characteristics named at each place in the unit: one label for most terms, several
    for an umbrella term such as 'LGBTQ+'."""
    def work_out() -> dict[tuple[int, int], frozenset[str]]:
        places: dict[tuple[int, int], set[str]] = {}
        for h in _group_hits(unit):
            places.setdefault((h.span.start, h.span.end), set()).add(h.label)
        return {k: frozenset(v) for k, v in places.items()}

    return unit.kept(("named_groups",), work_out)


def count_groups(unit: Unit) -> int:
    """How many groups the unit names: an umbrella term counts once, so 'LGBTQ+ young people'
    names two, not a list of three."""
    places = set(named_groups(unit).values())
    named = set().union(*places) if places else set()
    return len(named) - sum(len(g) - 1 for g in places if len(g) > 1)


def is_list(unit: Unit) -> bool:
    """A sentence naming three or more groups is a list, not an entry for any one of them."""
    return count_groups(unit) >= LIST_SIZE


def umbrella(unit: Unit, chars: list[str]) -> bool:
    """Whether the characteristics the unit names all come from one umbrella term."""
    return len(chars) > 1 and set(named_groups(unit).values()) == {frozenset(chars)}


def paired_opening(unit: Unit, chars: list[str]) -> bool:
    """'Sex and gender reassignment: ...', 'Race / religion': two groups joined at the start
    answer both. 'Muslim couples ...' or 'Mothers who are breastfeeding' are one group
    described by another word, so only a conjunction may stand between the two."""
    hits = _group_hits(unit)
    if len(chars) != 2 or len(hits) < 2 or hits[0].span.start - unit.span.start > 3:
        return False
    between = unit.doc[hits[0].span.end:hits[1].span.start]
    return 0 < len(between) <= 2 and all(t.i in _joins(unit) or not t.is_alpha for t in between)


def _joins(unit: Unit) -> set[int]:
    """Tokens of the unit that join two names ('and', 'or', 'a', 'neu'): the `scope` lexicon's
    `join` rows."""
    return {i for h in unit.hits("scope") if h.label == "join" for i in range(h.span.start, h.span.end)}


def about_other_topic(unit: Unit) -> bool:
    """A sentence judging the Welsh language or another duty is not about the current group."""
    return any(not h.label.startswith("psed") for h in unit.hits("topics") if ":" not in h.label)


def first_cell_groups(unit: Unit) -> list[str]:
    """The groups a table row's first cell names: the row is about them."""
    if not unit.table_row or len(unit.cells) < 2:
        return []
    first_end = len(unit.cells[0].text)
    return list(dict.fromkeys(h.label for h in _group_hits(unit)
                              if h.span.start_char - unit.span.start_char < first_end))


def umbrella_row(unit: Unit, row_chars: list[str]) -> list[str]:
    """The groups a row's first cell names with one umbrella term ('LGBTQ+ people'): the row
    is the entry for each of them. Empty when the cell names groups one by one."""
    if len(row_chars) < 2:
        return []
    first = {labels for (start, _), labels in named_groups(unit).items()
             if unit.doc[start].idx - unit.span.start_char < len(unit.cells[0].text)}
    return row_chars if first == {frozenset(row_chars)} else []


def lead_group(unit: Unit, chars: list[str]) -> str | None:
    """The group a sentence opens with ('For older people, ...', 'Older residents who ...',
    'People who use wheelchairs ...'): the words before it may only be the lead-in words of
    the `scope` lexicon (label `lead`), so 'The council met disabled people' is not about them."""
    hits = _group_hits(unit)
    if not hits or len(chars) > 2 or hits[0].span.start - unit.span.start > _LEAD_WINDOW:
        return None
    lead = unit.doc[unit.span.start:hits[0].span.start]
    allowed = {i for h in unit.hits("scope") if h.label == "lead" for i in range(h.span.start, h.span.end)}
    if all(t.i in allowed or not t.is_alpha for t in lead):
        return hits[0].label
    return None


@dataclass
class Subjects:
    """Whom one unit is about, and how that was decided."""

    groups: list[str] = field(default_factory=list)
    primary: str | None = None        # the one group the unit belongs to (row label or open scope)
    umbrella: list[str] = field(default_factory=list)  # a row for an umbrella term's groups
    named: list[str] = field(default_factory=list)     # every group the unit names
    scoped: bool = False  # the layout fixed whom it is about (row, section, paragraph, pair)
    lead: bool = False    # it is in a paragraph that opened with its group ('Deaf customers ...')

    @property
    def others(self) -> list[str]:
        """Groups the unit names that it is not about (a row judging its neighbours too)."""
        return [c for c in self.named if c not in self.groups]

    @property
    def single(self) -> bool:
        """The unit is an entry for its group alone (or for an umbrella term's groups)."""
        return len(self.groups) == 1 or (bool(self.umbrella) and self.groups == self.umbrella)


@dataclass
class Scope:
    """The open scope while reading in order.

    - `current`: the group a heading, label line, header row or prompt opened;
    - `from_prompt`: it was opened by a question, so an answer naming other groups leaves it;
    - `local`: the group the current paragraph opened with, until the paragraph ends;
    - `last_opened`: the group the previous label line opened: two label lines in a row that
      open different groups are a list set out one a line, not two sections;
    - `pair`: two groups a heading opened together ('Sex and gender reassignment').
    """

    current: str | None = None
    from_prompt: bool = False
    local: str | None = None
    last_opened: str | None = None
    pair: list[str] = field(default_factory=list)

    def enter(self, unit: Unit, chars: list[str]) -> None:
        """Update the scope with a unit before it is read."""
        if unit.block_start:
            self.local = None
        if _opens(unit):
            self._open(unit, chars)
        else:
            self.last_opened = None

    def _open(self, unit: Unit, chars: list[str]) -> None:
        previous_label, self.last_opened = self.last_opened, None
        if (unit.heading or unit.label_like) and names_assessment(unit):
            self.current, self.pair = None, []  # the title: its group is the proposal's subject
            return
        if unit.heading or unit.header_row or chars:
            both = (unit.heading and paired_opening(unit, chars)) or umbrella(unit, chars)
            self.pair = chars if both else []
        if len(chars) == 1 or (self.current in chars and len(chars) < LIST_SIZE):
            self.current = self.current if self.current in chars else chars[0]
            self.from_prompt = unit.is_question
            if previous_label and previous_label != self.current and unit.label_like and not unit.is_question:
                self.current = None  # a list of characteristics set one a line
            self.last_opened = chars[0] if len(chars) == 1 else None
        elif self._closes(unit, chars):
            self.current = None

    def _closes(self, unit: Unit, chars: list[str]) -> bool:
        """An opener that is not about the open group ends its section: a heading, header row
        or prompt, one naming other groups, or a label naming another topic ('Socio-economic
        disadvantage'). A form's field label inside the entry ('Impact:') does not."""
        if _field_label(unit, chars):
            return False
        return bool(unit.heading or unit.header_row or unit.is_question or chars or about_other_topic(unit))

    def _inherited(self, unit: Unit, chars: list[str]) -> str | None:
        """The open group a unit that names no other belongs to."""
        keeps = self.current is not None and (not chars or self.current in chars or not self.from_prompt)
        inherited = self.local or (self.current if keeps else None)
        if inherited and not chars and about_other_topic(unit):
            return None
        return inherited

    def _may_narrow(self, chars: list[str]) -> bool:
        """Whether a sentence opening with a group starts that group's passage. Not when it
        names the paragraph's group again ('Mothers who are breastfeeding ...' inside a
        paragraph about new parents), nor when it stays within a joint heading's two groups."""
        return self.local not in chars and not (self.pair and set(chars) <= set(self.pair))

    def subjects(self, unit: Unit, chars: list[str]) -> Subjects:
        """Whom a (non-list) unit is about: its row's label, the group its sentence opens
        with, the open scope, or the groups it names."""
        row_chars = first_cell_groups(unit)
        row_umbrella = umbrella_row(unit, row_chars)
        primary = row_chars[0] if row_chars else None
        if primary is None and not unit.label_like and self._may_narrow(chars):
            self.local = lead_group(unit, chars) or self.local
        primary = primary or self._inherited(unit, chars)
        about = row_umbrella or ([primary] if primary else chars)
        scoped = bool(primary or row_umbrella)
        if not about and self.pair and not about_other_topic(unit):
            about, scoped = self.pair, True
        elif self.pair and chars and chars[0] in self.pair:
            scoped = True  # 'no differential effect on trans or LGB people' under their joint heading
        if not row_chars and paired_opening(unit, chars):
            about, self.local, scoped = chars, None, True  # 'Sex and gender reassignment: ...' answers both
        lead = bool(self.local) and primary == self.local and not row_chars
        return Subjects(list(about), primary, row_umbrella, chars, scoped, lead)


_FIELD_LABEL_WORDS = 4  # words in a form's field label ('Impact:', 'Reason / evidence:')


def _field_label(unit: Unit, chars: list[str]) -> bool:
    """A form's field label inside a group's entry ('Impact:', 'Reason / evidence:') does not
    close the group's section, whatever the reader took it for."""
    text = unit.text.strip()
    return not chars and not unit.table_row and text.endswith(":") and len(text.split()) <= _FIELD_LABEL_WORDS


_ASSESSMENT_NAME = re.compile(rf"\b{any_of(words('forms', 'assessment_name'))}\b", re.IGNORECASE)


def names_assessment(unit: Unit) -> bool:
    """Whether the unit names the assessment itself ('... equality impact assessment', 'EQIA')."""
    return bool(_ASSESSMENT_NAME.search(unit.text))


def _opens(unit: Unit) -> bool:
    """Headings, header rows, prompts and label lines open a scope; sentences and rows do not,
    except a row that repeats the table's column headings under a group's name ('Sex |
    Positive | Negative | None | Reasons'), which starts that group's part of the table."""
    return (unit.heading or unit.header_row or unit.is_question or (unit.label_like and not unit.table_row)
            or _repeats_header(unit))


def _repeats_header(unit: Unit) -> bool:
    """A body row whose cells after the first are the table's own column headings."""
    rest = [c for c in unit.cells[1:] if c.text.strip()] if unit.table_row else []
    return bool(rest) and all(_same(c.text, c.column_header) for c in rest)


def _same(text: str, header: str | None) -> bool:
    return bool(header) and " ".join(text.lower().split()) == " ".join((header or "").lower().split())
