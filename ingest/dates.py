"""Event dates from text, resolved against the publication date.

The publication date (article.publishedAt) says when the story was written;
an event's date is what the text says about the event.  The two are kept
apart: this module returns the event's date, using the publication date (or
the previous explicit date in the text) only as the anchor for relative
expressions such as "last year", "in March" or "on Tuesday".  Output is ISO,
as precise as the text allows: "1998", "2013-09", "2021-03-02".
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("my", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:1[89]|20)\d\d)", re.I)),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*(?:1[89]|20)\d\d)", re.I)),
    ("y", re.compile(rf"\b(?:in|of|since|during|from|by)?\s*{_YEAR}\b(?:s\b)?", re.I)),
]
_ANY_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_RELATIVE = re.compile(
    r"\b(?:(?P<last>last|this|next|previous|past|the following|the next|the previous|the same)\s+"
    r"(?P<unit>year|month|week)"
    r"|(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit2>years?|months?|weeks?|days?)\s+(?P<dir>later|earlier|ago|before|after)"
    r"|\bwithin\s+(?:(?:a|two|three|a few|several)\s+)?(?P<soon>days|weeks|hours|a week|a day)"
    r"|(?P<day_word>yesterday|today)"
    r"|(?:\bon\s+|\b)(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|\u2019s)?\b"
    r"|\b(?:in|last|this|since)\s+" + _MONTH.replace("?P<month>", "?P<month_only>") + r"(?!\s*,?\s*\d)"
    r")",
    re.I,
)


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    """'2021-03-02' -> (2021, 3, 2); '2013-09' -> (2013, 9, None); junk -> None."""
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """ISO string with only the parts known."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            return False
    return True


def _explicit(text: str) -> list[tuple[int, str]]:
    """(offset, iso) for every explicit date, the most precise reading winning at each place."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    for kind, pattern in _PATTERNS:
        if kind in ("md", "dm"):
            continue
        for m in pattern.finditer(text):
            start, end = m.span("year") if kind == "y" else m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            year = int(m.group("year"))
            month = None
            if "month" in m.groupdict() and m.group("month"):
                raw = m.group("month").lower()
                month = int(raw) if raw.isdigit() else MONTHS.get(raw.rstrip("."))
            day = int(m.group("day")) if "day" in m.groupdict() and m.group("day") else None
            if not _valid(year, month, day):
                continue
            taken.append((start, end))
            found.append((start, iso(year, month, day)))
    return sorted(found)


def _partial(text: str, anchor: tuple[int, int | None, int | None] | None) -> list[tuple[int, str]]:
    """Day-and-month dates with no year ("on 3 March"), given the anchor's year."""
    if anchor is None:
        return []
    found = []
    for kind in ("md", "dm"):
        pattern = dict(_PATTERNS)[kind]
        for m in pattern.finditer(text):
            month = MONTHS.get(m.group("month").lower().rstrip("."))
            day = int(m.group("day"))
            year = anchor[0]
            if month and anchor[1] and month > anchor[1]:
                year -= 1  # "on 29 December" in a January story is last December
            if month and _valid(year, month, day):
                found.append((m.start(), iso(year, month, day)))
    return found


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _relative(m: re.Match[str], anchor: tuple[int, int | None, int | None], published: bool) -> str | None:
    """One relative expression against the anchor date."""
    year, month, day = anchor
    g = m.groupdict()
    if g.get("unit"):
        unit, which = g["unit"].lower(), g["last"].lower()
        step = {"last": -1, "previous": -1, "past": -1, "the previous": -1, "this": 0, "the same": 0,
                "next": 1, "the following": 1, "the next": 1}[which]
        if which in ("last", "past") and not published:
            return None  # "last year" only means the year before publication
        if unit == "year":
            return iso(year + step)
        if unit == "month" and month:
            return iso(*_shift_months(year, month, step))
        if unit == "week" and month and day:
            d = dt.date(year, month, day) + dt.timedelta(weeks=step)
            return iso(d.year, d.month)
        return None
    if g.get("unit2"):
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)
        sign = -1 if g["dir"].lower() in ("earlier", "ago", "before") else 1
        if g["dir"].lower() == "ago" and not published:
            return None
        unit = g["unit2"].lower()
        if unit.startswith("year"):
            return iso(year + sign * n, month) if month and published is False else iso(year + sign * n)
        if unit.startswith(("day", "week")):
            if not (month and day):
                return iso(year, month) if month else iso(year)
            d = dt.date(year, month, day) + dt.timedelta(days=sign * n * (7 if unit.startswith("week") else 1))
            return iso(d.year, d.month, d.day)
        if month:
            return iso(*_shift_months(year, month, sign * n))
        return None
    if g.get("soon"):  # 'within days' of the previous date: the same month, as far as the text says
        return iso(year, month) if month else iso(year)
    if g.get("day_word"):
        if not (published and month and day):
            return None
        d = dt.date(year, month, day) - dt.timedelta(days=1 if g["day_word"].lower() == "yesterday" else 0)
        return iso(d.year, d.month, d.day)
    if g.get("weekday"):
        if not (published and month and day):
            return None
        pub = dt.date(year, month, day)
        back = (pub.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        d = pub - dt.timedelta(days=back)
        return iso(d.year, d.month, d.day)
    if g.get("month_only"):
        target = MONTHS[g["month_only"].lower().rstrip(".")]
        if not month:
            return None
        y = year if target <= month else year - 1  # the most recent such month
        return iso(y, target)
    return None


def dates_in(text: str, published: str | None = None, previous: str | None = None) -> list[str]:
    """Every event date stated in `text`, in order, relative ones resolved.

    `published` anchors "last year", "on Tuesday", "in March"; `previous` (the
    last explicit date earlier in the document) anchors "two years later",
    "the following month".
    """
    return list(_dates_in(text, published, previous))


@lru_cache(maxsize=256)
def _dates_in(text: str, published: str | None, previous: str | None) -> tuple[str, ...]:
    """dates_in, cached for the document at hand: each incident and designation of a sentence reads the
    same 2,000 characters before it."""
    if published is None and previous is None and not _ANY_YEAR.search(text):
        return ()  # every explicit pattern needs a year, and partial and relative dates need an anchor
    pub = parse_iso(published)
    found = _explicit(text)
    anchor = parse_iso(found[-1][1]) if found else parse_iso(previous)
    found += _partial(text, pub or anchor)
    if pub is None and parse_iso(previous) is None:
        return tuple(value for _, value in sorted(found))  # no anchor for any relative date below
    for m in _RELATIVE.finditer(text):
        if any(abs(off - m.start()) < 3 for off, _ in found):
            continue
        sequential = bool(m.group("dir") and m.group("dir").lower() in ("later", "after", "earlier", "before")) \
            or bool(m.group("soon")) \
            or bool(m.group("last") and m.group("last").lower().startswith(("the ", "previous")))
        base = (parse_iso(previous) or pub) if sequential else pub
        if base is None:
            continue
        value = _relative(m, base, published=not sequential)
        if value:
            found.append((m.start(), value))
    return tuple(value for _, value in sorted(found))


def first_date(text: str, published: str | None = None, previous: str | None = None) -> str | None:
    """The first event date in `text`, or None."""
    dates = dates_in(text, published, previous)
    return dates[0] if dates else None


def year_list(text: str) -> list[str]:
    """Years in a list such as 'in 2001, 2004 and 2008' -> ['2001', '2004', '2008']."""
    return re.findall(r"\b(?:1[89]|20)\d\d\b", text)
