"""Dates read off text: ISO 8601 and the near-ISO forms CMSs write, the forms datelines write
in each language, publication and update stamps, and the day a URL names. Finding the
dateline on an HTML page is ``fields.datelines``."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple
from urllib.parse import urlsplit

from newsparse.rules import Rules, rules_for
from newsparse.rules.patterns import alternation

log = logging.getLogger(__name__)

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?"
)
# Before 1990 a machine-readable date that does not say what it dates is someone's birthday, an
# anniversary or a placeholder ("0001-01-01"): not the page's. A page that states its publication
# date (datePublished) is believed back to FIRST_YEAR: archives republish old newspapers with
# the day of print. Every date returned fits a pandas Timestamp (1677-09-21 to 2262-04-11), as
# DataFrames and Parquet files hold them: FIRST_YEAR to LAST_YEAR, whole years.
EARLIEST_YEAR = 1990
FIRST_YEAR, LAST_YEAR = 1678, 2261
# Days that databases and runtimes write for "no date": Unix time zero, an empty SQL or
# spreadsheet date, SQL Server's first day.
PLACEHOLDER_DAYS = frozenset(
    {date(1970, 1, 1), date(1900, 1, 1), date(1899, 12, 30), date(1899, 12, 31), date(1753, 1, 1)}
)
# A publication date is past, give or take the world's time zones: more than a day after the
# parse it is an event's date, a typo or a placeholder ("9999-12-31").
FUTURE_SLACK = timedelta(days=1)
# Where the ISO pattern stands in Rules.dates.
ISO_PATTERN = 2
# Two-digit years ("11/19/19") up to this one are of this century, as strptime reads them.
CENTURY_PIVOT = 68
# Offsets from UTC run from -12:00 to +14:00, in quarter hours.
MAX_OFFSET = timedelta(hours=14)
OFFSET_STEP = timedelta(minutes=15)
# Where a publication or update stamp's reach ends in a dateline: "Updated Mar 5; Posted Mar 4".
_STAMP_END = re.compile(r"[;|·•]|\s/\s")
# A time right after the date: "7:45 am", ", 14:30", "at 5:23 pm", "um 14.30 Uhr", "às 14h30".
# The spaces after the separators belong to the word "at": two stars over the same spaces were
# quadratic.
_CLOCK = re.compile(
    r"[\s,/|·-]*(?:(?:at|um|à|às|a las|alle|om|o)\s*)?(?P<H>[0-2]?\d)[:.h](?P<M>[0-5]\d)\s*(?P<ap>[ap]\.?\s?m\.?)?",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"(?<![\d-])\d{10}(?!\d)")
# What sets a date apart from the paragraph it opens: "31. Oktober 2023. Text", "06.11.23 - Text".
_SET_APART = re.compile(r"\s*[.:|\-–—]\s")
_DIGIT = re.compile(r"\d")


def parse_date(text: str | None, *, earliest: int = EARLIEST_YEAR) -> datetime | date | None:
    """A datetime (aware when the text gives a zone) or a date, from an ISO-like string, in the
    years from ``earliest`` to ``LAST_YEAR``, not a placeholder day.

    >>> parse_date("2024-03-05T14:30:00+01:00")
    datetime.datetime(2024, 3, 5, 14, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600)))
    >>> parse_date("2024-03-05T13:30:00Z").tzinfo
    datetime.timezone.utc
    >>> parse_date("2024-03-05"), parse_date("2024-3-5 09:05")
    (datetime.date(2024, 3, 5), datetime.datetime(2024, 3, 5, 9, 5))
    >>> parse_date("tomorrow"), parse_date("9999-12-31T23:00-12:00"), parse_date("1970-01-01T00:00:00Z")
    (None, None, None)
    """
    match = _ISO.match((text or "").strip())
    if not match:
        return None
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        if not earliest <= day.year <= LAST_YEAR or day in PLACEHOLDER_DAYS:
            return None
        if match["H"] is None:
            return day
        moment = datetime(day.year, day.month, day.day, int(match["H"]), int(match["M"]), int(match["S"] or 0))
    except ValueError:
        return None
    zone = _zone(match["tz"]) or _epoch_zone(text or "", moment)
    return moment.replace(tzinfo=zone) if zone else moment


def not_in_future(moment: datetime | date | None, now: datetime) -> datetime | date | None:
    """The moment, unless it is more than ``FUTURE_SLACK`` after ``now`` (aware): a date or a
    time without a zone counts on UTC's calendar.

    >>> now = datetime(2024, 3, 5, 12, 0, tzinfo=timezone.utc)
    >>> not_in_future(date(2024, 3, 6), now), not_in_future(date(2024, 3, 7), now)
    (datetime.date(2024, 3, 6), None)
    >>> late = datetime(2024, 3, 6, 13, 0)
    >>> not_in_future(late, now), not_in_future(late.replace(tzinfo=timezone.utc), now)
    (None, None)
    """
    latest = now + FUTURE_SLACK
    if isinstance(moment, datetime):
        return moment if moment <= (latest if moment.tzinfo else latest.replace(tzinfo=None)) else None
    return moment if moment is None or moment <= latest.date() else None


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


def in_own_offset(moment: datetime | date | None, clocks: list[datetime | date | None]) -> datetime | date | None:
    """A declared moment in the page's own UTC offset, where another declaration writes the
    same moment as a wall clock without a zone (JSON-LD's "04:58:46Z" beside a local
    "2019-11-18 20:58:46"): to the second, at a whole quarter hour's offset.

    >>> utc = datetime(2019, 11, 19, 4, 58, 46, tzinfo=timezone.utc)
    >>> in_own_offset(utc, [None, datetime(2019, 11, 18, 20, 58, 46)]).isoformat()
    '2019-11-18T20:58:46-08:00'
    >>> in_own_offset(utc, [datetime(2019, 11, 18, 20, 58, 40)]) == utc
    True
    """
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        return moment
    wall = moment.astimezone(timezone.utc).replace(tzinfo=None)
    for clock in clocks:
        if isinstance(clock, datetime) and clock.tzinfo is None:
            offset = clock - wall
            if offset and offset % OFFSET_STEP == timedelta(0) and -timedelta(hours=12) <= offset <= MAX_OFFSET:
                return moment.astimezone(timezone(offset))
    return moment


def text_date(text: str, rules: Rules) -> datetime | date | None:
    """The first date a line writes out, with its time of day when one follows.

    >>> from newsparse.rules import rules_for
    >>> text_date("Thursday March 4, 2021 6:25 am PST by Dan Whitcombe", rules_for("en"))
    datetime.datetime(2021, 3, 4, 6, 25)
    >>> text_date("18. März 2024", rules_for("de")), text_date("05/03/2024", rules_for("it"))
    (datetime.date(2024, 3, 18), datetime.date(2024, 3, 5))
    >>> text_date("By Gail Hornby - 03/17/21 07:14 AM EST", rules_for("en"))
    datetime.datetime(2021, 3, 17, 7, 14)
    >>> text_date("23/05/2014 Ray Dunmore", rules_for("en")), text_date("2016年12月1日", rules_for("en"))
    (datetime.date(2014, 5, 23), datetime.date(2016, 12, 1))
    """
    if not _DIGIT.search(text):
        return None  # every date pattern writes the year in digits: half the lines asked have none
    found = [m for m in (pattern.search(text) for pattern in rules.dates) if m is not None]
    # Leftmost first, but a machine's ISO stamp after the date written for readers: a dump
    # keeps a <time> element's datetime beside its text ("2022-12-07T10:10 25. Dezember 2022").
    for match in sorted(found, key=lambda m: (m.re is rules.dates[ISO_PATTERN], m.start())):
        day = _match_date(match, rules)
        if day is not None:
            return with_time(day, text[match.end() :])
    return None


def opening_date(text: str, rules: Rules) -> datetime | date | None:
    """The date a paragraph opens with, set apart from its text by a full stop, a colon or a
    dash, as agencies, press releases and columns print their dateline.

    >>> from newsparse.rules import rules_for
    >>> opening_date("31. Oktober 2023. Der Stadtrat hat gestern entschieden, dass …", rules_for("de"))
    datetime.date(2023, 10, 31)
    >>> opening_date("March 5, 2024 — Acme Corp. today announced a new line of …", rules_for("en"))
    datetime.date(2024, 3, 5)
    >>> opening_date("12.05.23 - Le conseil municipal a voté hier soir …", rules_for("fr"))
    datetime.date(2023, 5, 12)
    >>> opening_date("5 March 2024 was the day the river rose.", rules_for("en")) is None
    True
    """
    for pattern in rules.dates:
        match = pattern.match(text)
        day = _match_date(match, rules) if match else None
        if match is None or day is None:
            continue
        rest = text[match.end() :]
        clock = _CLOCK.match(rest)
        if _SET_APART.match(rest, clock.end() if clock else 0):
            return with_time(day, rest)
    return None


def _match_date(match: re.Match[str], rules: Rules) -> date | None:
    """The day a date pattern's match names. Two bare numbers are read in the language's
    order, unless only the other order makes a date (an English page's "21/06/2014")."""
    year = int(match["y"] or match["y2"])  # y2: a two-digit year ("11/19/19")
    if year < 100:
        year += 2000 if year <= CENTURY_PIVOT else 1900
    if "a" in match.re.groupindex:
        first, second = int(match["a"]), int(match["b"])
        day, month = (first, second) if rules.day_first else (second, first)
        if month > 12 >= day:
            day, month = month, day
    else:
        month_text = match["m"].casefold().rstrip(".")
        month = int(month_text) if month_text.isdigit() else rules.months.get(month_text, 0)
        day = int(match["d"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def dateline_date(text: str, rules: Rules, *, updates: bool = True) -> datetime | date | None:
    """The publication date a dateline states: the one a publication stamp introduces, else
    the first outside the reach of an update stamp (which runs to the next stamp or separator),
    else (unless ``updates`` is false) the update's: a page that shows only when it was updated
    shows that day to its reader.

    >>> from newsparse.rules import rules_for
    >>> en = rules_for("en")
    >>> dateline_date("Updated Mar 5, 2021, 7:40 AM; Posted Mar 4, 2021, 9:12 PM", en)
    datetime.datetime(2021, 3, 4, 21, 12)
    >>> dateline_date("07/05/2022 20H06 - ACTUALIZADO A 08/05/2022 20H17", rules_for("es"))
    datetime.datetime(2022, 5, 7, 20, 6)
    >>> dateline_date("Last modified on Thu 9 Mar 2023", en)
    datetime.date(2023, 3, 9)
    >>> dateline_date("Last modified on Thu 9 Mar 2023", en, updates=False) is None
    True
    """
    published, plain, updated = stamp_segments(text, rules)
    return first_in(published + plain + (updated if updates else []), lambda segment: text_date(segment, rules))


def stamp_segments(text: str, rules: Rules) -> tuple[list[str], list[str], list[str]]:
    """The parts of a dateline that publication stamps introduce, that no stamp reaches, and
    that update stamps reach (up to the next stamp or separator)."""
    stamps = list(rules.stamps.finditer(text))
    if not stamps:
        return [], [text], []
    published, plain, updated = [], [text[: stamps[0].start()]], []
    for stamp, following in zip(stamps, [*stamps[1:], None], strict=True):
        reach = text[stamp.end() : following.start() if following else len(text)]
        cut = _STAMP_END.search(reach)
        if stamp["publish"]:
            published.append(reach)
        elif cut is not None:
            updated.append(reach[: cut.start()])
            plain.append(reach[cut.end() :])
        else:
            updated.append(reach)
    return published, plain, updated


def first_in(segments: list[str], read: Callable[[str], datetime | date | None]) -> datetime | date | None:
    return next((found for s in segments if any(ch.isdigit() for ch in s) and (found := read(s)) is not None), None)


# A day in a URL's path: /2019/11/18/, /2019-11-18-, /20191118/ (not an article number's digits).
_URL_DAY = re.compile(
    r"/(?P<y>(?:19|20)\d{2})([/_-]?)(?P<m>[01]\d)\2(?P<d>[0-3]\d)(?:[/_.-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})/(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/"
)


def calendar_day(moment: datetime | date) -> date:
    """The day of a date or of a moment (in its own offset)."""
    return moment.date() if isinstance(moment, datetime) else moment


def url_date(url: str | None) -> date | None:
    """The day a URL's path names, as many CMSs file their articles.

    >>> url_date("https://example.com/2019/11/18/some-story/"), url_date("https://x.de/a-20240305.html")
    (datetime.date(2019, 11, 18), None)
    >>> url_date("https://example.com/news/20240305/story"), url_date("https://example.com/2019/11/story")
    (datetime.date(2024, 3, 5), None)
    """
    path = urlsplit(url or "").path
    match = _URL_DAY.search(path)
    if not match:
        return None
    year, month, day = (match["y"], match["m"], match["d"]) if match["y"] else (match["y2"], match["m2"], match["d2"])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


# A year glued to a word: "08.12.2022Bundesverband" (not an ISO stamp's "2019-11-18T10:00").
_GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=[^\W\d_])(?!T\d)")
# A copyright notice's year, the last of a range: "© 2019", "Copyright © 2000-2019".
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*[-–]\s*)?(?P<y>(?:19|20)\d{2})(?!\d)", re.I
)
# What may stand before a dateline's date: spaces, separators, an opening bracket.
_LEAD = " ,;:|·•-–—(["
# A year and month in a URL's path, as CMSs file their articles: /2019/11/, /2022/5/.
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])/")
# A day and month without a year ("Nov 18", "18. November", "11 de mayo", "11月18日"), in any
# language.
_ALL_MONTHS = rules_for(None).months
_YEARLESS = re.compile(
    rf"\b(?:(?P<m>{alternation(_ALL_MONTHS)})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"|(?P<d2>[0-3]?\d)\.?\s+(?:de\s+)?(?P<m2>{alternation(_ALL_MONTHS)})\.?)(?!\w)"
    r"|(?<!\d)(?P<m3>[01]?\d)月(?P<d3>[0-3]?\d)日",
    re.IGNORECASE,
)


def copyright_year(text: str) -> int | None:
    """The year a copyright notice names, the last of a range: the year the page was made.

    >>> copyright_year("© 2012–2019 Example Media, LLC"), copyright_year("Copyright 2021 by …")
    (2019, 2021)
    >>> copyright_year("Creative Commons 2019") is None
    True
    """
    match = _COPYRIGHT.search(text)
    return int(match["y"]) if match else None


def url_month(url: str | None) -> tuple[int, int] | None:
    """The year and month a URL's path names.

    >>> url_month("https://example.com/news/2019/11/some-story.html"), url_month("https://x.org/2022/5/story/")
    ((2019, 11), (2022, 5))
    >>> url_month("https://example.com/2019/story"), url_month(None)
    (None, None)
    """
    match = _URL_MONTH.search(urlsplit(url or "").path)
    return (int(match["y"]), int(match["m"])) if match else None


class DayAndMonth(NamedTuple):
    """A date written without its year, and where it stands in its text."""

    month: int
    day: int
    start: int
    end: int


def day_and_month(text: str) -> DayAndMonth | None:
    """The first date written without its year.

    >>> day_and_month("Posted Mar 4, 9:12 PM")
    DayAndMonth(month=3, day=4, start=7, end=12)
    """
    match = _YEARLESS.search(text)
    if match is None:
        return None
    month_text = (match["m"] or match["m2"] or match["m3"]).casefold().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _ALL_MONTHS.get(month_text, 0)
    return DayAndMonth(month, int(match["d"] or match["d2"] or match["d3"]), match.start(), match.end())


def in_filed_month(text: str, filed: tuple[int, int | None]) -> datetime | date | None:
    """A date without its year that opens a dateline's segment (" Mar 5, 7:36 AM" after
    "Posted"), in the year the article is filed under; where a month is known too (its URL's
    /2019/11/), only a date in that month. A text that mentions a day ("Headlines for Nov. 19",
    "Tag der Pressefreiheit am 3. Mai") is no dateline.

    >>> in_filed_month(" Mar 5, 7:36 AM", (2021, 3)), in_filed_month("Mar 5", (2021, 4))
    (datetime.datetime(2021, 3, 5, 7, 36), None)
    >>> in_filed_month("18. November", (2019, None)), in_filed_month("Headlines for Nov. 19", (2019, None))
    (datetime.date(2019, 11, 18), None)
    """
    found = day_and_month(text)
    if found is None or filed[1] not in (None, found.month) or text[: found.start].strip(_LEAD):
        return None
    try:
        return with_time(date(filed[0], found.month, found.day), text[found.end :])
    except ValueError:
        return None


def filed_dateline(text: str, rules: Rules, filed: tuple[int, int | None]) -> datetime | date | None:
    """The publication date a dateline without its year states (``dateline_date``'s order of
    stamps), in the year and month the article is filed under.

    >>> from newsparse.rules import rules_for
    >>> filed_dateline("Updated Mar 5, 7:40 AM; Posted Mar 4, 9:12 PM", rules_for("en"), (2021, 3))
    datetime.datetime(2021, 3, 4, 21, 12)
    """
    published, plain, updated = stamp_segments(text, rules)
    return first_in(published + plain + updated, lambda segment: in_filed_month(segment, filed))


def years_apart(text: str) -> str:
    """The text with a space after each year a browser glued to the next element's word,
    which the date patterns read as no year (a venue list's "June 9, 2018Harbor Hall").

    >>> years_apart("09:05 04.02.2023Copy link")
    '09:05 04.02.2023 Copy link'
    """
    return _GLUED_YEAR.sub(r"\1 ", text)


def is_update_stamp(text: str, rules: Rules) -> bool:
    """A dateline that names an update and no publication ("Updated 1:39 am, November 20, 2019")."""
    kinds = {stamp.lastgroup for stamp in rules.stamps.finditer(text)}
    return "update" in kinds and "publish" not in kinds


def is_publication_stamp(text: str, rules: Rules) -> bool:
    return any(stamp["publish"] for stamp in rules.stamps.finditer(text))


def with_time(day: date, rest: str) -> datetime | date:
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
    """The UTC offset a date string writes; none for an offset no clock has ("-70:00").

    >>> _zone("+05:30"), _zone("-70:00"), _zone("+0099")
    (datetime.timezone(datetime.timedelta(seconds=19800)), None, None)
    """
    if not text:
        return None
    if text in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    if offset > MAX_OFFSET or int(digits[2:] or 0) >= 60:
        return None
    return timezone(sign * offset)
