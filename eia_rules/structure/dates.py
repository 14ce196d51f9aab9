"""UK date formats as officers write them: 1 April 2024, 01/04/2024, April 2024, 1.4.24."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS.update({"sept": 9, "ionawr": 1, "chwefror": 2, "mawrth": 3, "ebrill": 4, "mai": 5, "mehefin": 6,
                "gorffennaf": 7, "awst": 8, "medi": 9, "hydref": 10, "tachwedd": 11, "rhagfyr": 12})
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_LONG = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:o\s+)?({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)


def _make(y: int, m: int, d: int) -> date | None:
    if y < 100:
        y += 2000
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[date, int]]:
    """Dates in the text with their character offsets, in order (day-first for numeric dates)."""
    found: list[tuple[date, int]] = []
    taken: list[range] = []
    for rx, kind in ((_LONG, "long"), (_NUMERIC, "num"), (_MONTH_YEAR, "my")):
        for m in rx.finditer(text):
            if any(m.start() in r for r in taken):
                continue
            if kind == "long":
                d = _make(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
            elif kind == "num":
                d = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            else:
                d = _make(int(m.group(2)), _MONTHS[m.group(1).lower()], 1)
            if d:
                found.append((d, m.start()))
                taken.append(range(m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


def first_date(text: str) -> date | None:
    dates = find_dates(text)
    return dates[0][0] if dates else None
