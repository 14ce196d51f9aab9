"""UK date formats as officers write them: 1 April 2024, 01/04/2024, April 2024, 1.4.24."""
from __future__ import annotations

import calendar
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
# A year an assessment might name (1980-2049): one regex for every extractor that reads years.
YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
# A range whose first end leaves out what the second end says ('1 September to 10 October 2025',
# 'between 3 March and 11 April 2025', '3-21 March 2025', 'March to May 2025'; Welsh 'i', 'tan',
# 'rhwng ... a'): the first end takes its month and year from the second. Between days, 'and'
# makes a range only after 'between' ('met on 21 August and 4 September 2024' is two meetings);
# between months it does ('in February and March 2024' is one period).
_TO = r"\s*(?:-|–|—|to|until|till|through|i|tan|hyd\s+at)\s*"
_DAY_RANGE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:o\s+)?(?P<m1>{_MONTH})\.?)?(?P<join>{_TO}|\s+(?:and|a)\s+)"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:o\s+)?(?P<m2>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|rhwng)\s+$", re.IGNORECASE)
_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{_MONTH})\.?(?:{_TO}|\s+(?:and|a|ac)\s+)(?P<m2>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)


def _make(y: int, m: int, d: int) -> date | None:
    if y < 100:
        y += 2000
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _range_ends(m: re.Match[str]) -> tuple[date | None, date | None]:
    """Both ends of a range match. A range of months runs to the end of its last month; a start
    month after the end month is in the year before ('November to January 2025')."""
    year, end_month = int(m["y"]), _MONTHS[m["m2"].lower()]
    start_month = _MONTHS[m["m1"].lower()] if m["m1"] else end_month
    if m.re is _DAY_RANGE:
        start_day, end_day = int(m["d1"]), int(m["d2"])
    else:
        start_day, end_day = 1, calendar.monthrange(year, end_month)[1]
    start_year = year - 1 if start_month > end_month else year
    return _make(start_year, start_month, start_day), _make(year, end_month, end_day)


def _ranges(text: str) -> list[tuple[date, int, range]]:
    """Both ends of every date range in the text, with where each end sits."""
    out: list[tuple[date, int, range]] = []
    for rx in (_DAY_RANGE, _MONTH_RANGE):
        for m in rx.finditer(text):
            if rx is _DAY_RANGE and m["join"].strip() in ("and", "a") and not _BETWEEN.search(text[:m.start()]):
                continue
            start, end = _range_ends(m)
            if start and end and start <= end and not any(m.start() in r for *_, r in out):
                span = range(m.start(), m.end())
                out += [(start, m.start(), span), (end, m.start("m2" if rx is _MONTH_RANGE else "d2"), span)]
    return out


def find_ranges(text: str) -> list[tuple[date, date]]:
    """The periods the text states, as (start, end), in order."""
    ends = [d for d, *_ in _ranges(text)]
    return list(zip(ends[::2], ends[1::2]))


def find_dates(text: str) -> list[tuple[date, int]]:
    """Dates in the text with their character offsets, in order (day-first for numeric dates).
    A range gives both its ends, each with its full month and year."""
    ranges = _ranges(text)
    found: list[tuple[date, int]] = [(d, at) for d, at, _ in ranges]
    taken: list[range] = [span for *_, span in ranges]
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
