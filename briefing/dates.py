"""Dates: metadata dates as ISO days, relative dates in the text resolved against an article's date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\b\d{4}\b")


def to_iso(value: Any) -> str | None:
    """A metadata date (TOML/YAML date, datetime, or text such as "12 March 2026") as YYYY-MM-DD.

    None for a value that names no full day: a month alone would pretend to a precision
    the source does not have.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    if not _YEAR.search(text):
        return None  # "last week", "Friday": relative to a day nobody gave
    import dateparser

    # Strict: day, month and year must all be in the text; nothing is filled in from today.
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


# Stand-in days of undated sources, in their order: an article that announces what another
# reports done was written before it (see `assemble.reading_order`). They order sources but
# are no day a date in the text can be resolved against.
EARLIER_DAY, LATER_DAY = "0001-01-01", "0001-01-02"


# Words of a date that do not say which day or time: "within the next two weeks", "early on
# Wednesday", "Friday night's".
_NOT_WHEN = frozenset({"the", "on", "in", "at", "by", "within", "over", "during", "from", "early", "late",
                       "earlier", "later", "this", "last", "morning", "afternoon", "evening", "night", "s"})


def when_words(expression: str) -> tuple[str, ...]:
    """The words of a date expression that say when: "within the next two weeks" → next,
    two, weeks; "early on Wednesday" → wednesday."""
    return tuple(w for w in re.findall(r"[a-z0-9]+", expression.lower()) if w not in _NOT_WHEN)


def days_between(older: str, newer: str) -> int:
    return (date.fromisoformat(newer) - date.fromisoformat(older)).days


def shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


@lru_cache(maxsize=64)
def _parser(base: str, direction: str) -> DateDataParser:
    """One parser per article date and direction: few in a build, and built once each."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime.fromisoformat(base), "PREFER_DATES_FROM": direction,
        "RETURN_TIME_AS_PERIOD": True})


# Durations and vague spans spaCy tags as dates but that name no point in time.
_DURATION = re.compile(r"\b(long|old|\w+-year|\w+-month|\w+-day)\b|^\W*(\d+|a|an|one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|several|many|few)\s+(days?|weeks?|"
                       r"months?|years?|decades?)\W*$", re.IGNORECASE)


_WEEKDAY = re.compile(r"(mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)


@lru_cache(maxsize=4096)  # a story names the same few days in many sentences; parsing one is slow
def resolve(expression: str, base: str, *, future: bool = False) -> str | None:
    """A date expression of an article dated `base` as a day (YYYY-MM-DD), month (YYYY-MM) or
    week ("week of YYYY-MM-DD"); None when it names no point in time ("the coming days").

    `future` says the sentence looks ahead ("will meet on Friday"), so a bare weekday or
    month means the next one rather than the last one.
    """
    text = re.sub(r"^(on|in|at|by|from|since|until|during)\s+", "", expression.strip(), flags=re.I)
    if not text or _DURATION.search(text):
        return None
    try:
        data = _parser(base, "future" if future else "past").get_date_data(text)
    except (OverflowError, ValueError):
        return None  # dateparser overflows on a weekday before 1 January of the year 1
    found = data.date_obj
    if found is None:
        return None
    if data.period == "day":
        day = found.date()
        if not future and _WEEKDAY.fullmatch(text) and (date.fromisoformat(base) - day).days == 7:
            # "said on Wednesday" in a Wednesday paper is that day, not a week before.
            day = date.fromisoformat(base)
        return day.isoformat()
    if data.period == "month":
        return f"{found.year:04d}-{found.month:02d}"
    if data.period == "week":
        monday = found.date() - timedelta(days=found.weekday())
        return f"week of {monday.isoformat()}"
    return None  # a year alone is background, not a timeline entry


def sort_key(when: str) -> str:
    """Timeline order: a week sorts by its Monday, a month before the days inside it."""
    return when.removeprefix("week of ")


def not_before(when: str, day: str) -> bool:
    """Whether a resolved day, week or month reaches `day` or later (a month counts as
    reaching every day inside it)."""
    key = sort_key(when)
    return key >= day[:len(key)]
