"""Publication dates: ISO 8601 and the near-ISO forms CMSs write, read without guessing."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta, timezone

import htmldate

from newsparse.page import Page
from newsparse.rules import Rules

log = logging.getLogger(__name__)

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?"
)
EARLIEST_YEAR = 1990
# The position of the all-digits pattern in Rules.dates, whose day and month order is by language.
NUMERIC_PATTERN = 3
# A time right after the date: "7:45 am", ", 14:30", "at 5:23 pm", "um 14.30 Uhr", "às 14h30".
# The spaces after the separators belong to the word "at": two stars over the same spaces were
# quadratic.
_CLOCK = re.compile(
    r"[\s,/|·-]*(?:(?:at|um|à|às|a las|alle|om|o)\s*)?(?P<H>[0-2]?\d)[:.h](?P<M>[0-5]\d)\s*(?P<ap>[ap]\.?\s?m\.?)?",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"(?<![\d-])\d{10}(?!\d)")


def parse_date(text: str | None) -> datetime | date | None:
    """A datetime (aware when the text gives a zone) or a date, from an ISO-like string.

    >>> parse_date("2024-03-05T14:30:00+01:00")
    datetime.datetime(2024, 3, 5, 14, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600)))
    >>> parse_date("2024-03-05T13:30:00Z").tzinfo
    datetime.timezone.utc
    >>> parse_date("2024-03-05"), parse_date("2024-3-5 09:05")
    (datetime.date(2024, 3, 5), datetime.datetime(2024, 3, 5, 9, 5))
    >>> parse_date("tomorrow") is None
    True
    """
    match = _ISO.match((text or "").strip())
    if not match:
        return None
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day.year < EARLIEST_YEAR:
            return None
        if match["H"] is None:
            return day
        moment = datetime(day.year, day.month, day.day, int(match["H"]), int(match["M"]), int(match["S"] or 0))
    except ValueError:
        return None
    zone = _zone(match["tz"]) or _epoch_zone(text or "", moment)
    return moment.replace(tzinfo=zone) if zone else moment


def _epoch_zone(text: str, moment: datetime) -> timezone | None:
    """UTC, when the text also gives the same moment as a Unix timestamp (Hacker News's
    "2024-03-05T10:12:44 1709633564"): the timestamp settles the zone the ISO part left open.

    >>> parse_date("2024-03-05T10:12:44 1709633564").tzinfo
    datetime.timezone.utc
    >>> parse_date("2024-03-05T10:12:44 1709600000").tzinfo is None
    True
    """
    epoch = _EPOCH.search(text)
    if epoch and datetime.fromtimestamp(int(epoch.group(0)), timezone.utc).replace(tzinfo=None) == moment:
        return timezone.utc
    return None


def text_date(text: str, rules: Rules) -> datetime | date | None:
    """The first date a line writes out, with its time of day when one follows.

    >>> from newsparse.rules import rules_for
    >>> text_date("Monday November 18, 2019 7:45 am PST by Joe Rossignol", rules_for("en"))
    datetime.datetime(2019, 11, 18, 7, 45)
    >>> text_date("18. März 2024", rules_for("de")), text_date("05/03/2024", rules_for("it"))
    (datetime.date(2024, 3, 18), datetime.date(2024, 3, 5))
    """
    for number, pattern in enumerate(rules.dates):
        match = pattern.search(text)
        if not match:
            continue
        month_text = match["m"].casefold().rstrip(".")
        month = int(month_text) if month_text.isdigit() else rules.months.get(month_text, 0)
        day, year = int(match["d"]), int(match["y"])
        if number == NUMERIC_PATTERN and not rules.day_first:
            day, month = month, day  # 11/18/2019 in English
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        return _with_time(found, text[match.end() :])
    return None


def _with_time(day: date, rest: str) -> datetime | date:
    clock = _CLOCK.match(rest)
    if not clock:
        return day
    hour, minute = int(clock["H"]), int(clock["M"])
    meridiem = (clock["ap"] or "").casefold()
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day
    return datetime(day.year, day.month, day.day, hour, minute)


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def html_published(page: Page) -> datetime | date | None:
    """The declared publication date, else htmldate's reading of the page (dates only; not
    on an oversized page, whose tree htmldate would copy whole)."""
    if page.meta.published is not None or page.tree is None or page.oversized:
        return page.meta.published
    try:
        found = htmldate.find_date(
            page.tree, url=page.meta.url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d"
        )
    except (ValueError, TypeError) as exc:
        log.debug("htmldate failed: %s", exc)
        return None
    return parse_date(found) if found else None
