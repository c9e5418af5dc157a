"""Publication dates: ISO 8601 and the near-ISO forms CMSs write, read without guessing."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

import htmldate
from lxml import html

from newsparse.page import Page
from newsparse.rules import Rules

log = logging.getLogger(__name__)

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?"
)
EARLIEST_YEAR = 1990
# Where the ISO pattern stands in Rules.dates.
ISO_PATTERN = 2
# Two-digit years ("11/19/19") up to this one are of this century, as strptime reads them.
CENTURY_PIVOT = 68
# Where a publication or update stamp's reach ends in a dateline: "Updated Nov 19; Posted Nov 18".
_STAMP_END = re.compile(r"[;|·•]|\s/\s")
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
    >>> text_date("By Tess Bonn - 11/19/19 06:56 AM EST", rules_for("en"))
    datetime.datetime(2019, 11, 19, 6, 56)
    >>> text_date("21/06/2014 Tony Carter", rules_for("en")), text_date("2016年12月1日", rules_for("en"))
    (datetime.date(2014, 6, 21), datetime.date(2016, 12, 1))
    """
    found = [m for m in (pattern.search(text) for pattern in rules.dates) if m is not None]
    # Leftmost first, but a machine's ISO stamp after the date written for readers: a dump
    # keeps a <time> element's datetime beside its text ("2022-12-07T10:10 25. Dezember 2022").
    for match in sorted(found, key=lambda m: (m.re is rules.dates[ISO_PATTERN], m.start())):
        day = _match_date(match, rules)
        if day is not None:
            return _with_time(day, text[match.end() :])
    return None


def _match_date(match: re.Match[str], rules: Rules) -> date | None:
    """The day a date pattern's match names. Two bare numbers are read in the language's
    order, unless only the other order makes a date (an English page's "21/06/2014")."""
    year = int(match["y"])
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


def dateline_date(text: str, rules: Rules) -> datetime | date | None:
    """The publication date a dateline states: the one a publication stamp introduces, else
    the first outside the reach of an update stamp (which runs to the next stamp or separator),
    else the update's: a page that shows only when it was updated shows that day to its reader.

    >>> from newsparse.rules import rules_for
    >>> en = rules_for("en")
    >>> dateline_date("Updated Nov 19, 2019, 6:55 AM; Posted Nov 18, 2019, 6:51 AM", en)
    datetime.datetime(2019, 11, 18, 6, 51)
    >>> dateline_date("07/05/2022 20H06 - ACTUALIZADO A 08/05/2022 20H17", rules_for("es"))
    datetime.datetime(2022, 5, 7, 20, 6)
    >>> dateline_date("Last modified on Mon 18 Nov 2019", en)
    datetime.date(2019, 11, 18)
    """
    stamps = list(rules.stamps.finditer(text))
    if not stamps:
        return text_date(text, rules)
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
    for segment in published + plain + updated:
        found = text_date(segment, rules) if any(ch.isdigit() for ch in segment) else None
        if found is not None:
            return found
    return None


# A day in a URL's path: /2019/11/18/, /2019-11-18-, /20191118/ (not an article number's digits).
_URL_DAY = re.compile(
    r"/(?P<y>(?:19|20)\d{2})([/_-]?)(?P<m>[01]\d)\2(?P<d>[0-3]\d)(?:[/_.-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})/(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/"
)


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


def is_update_stamp(text: str, rules: Rules) -> bool:
    """A dateline that names an update and no publication ("Updated 1:39 am, November 20, 2019")."""
    kinds = {stamp.lastgroup for stamp in rules.stamps.finditer(text)}
    return "update" in kinds and "publish" not in kinds


def is_publication_stamp(text: str, rules: Rules) -> bool:
    return any(stamp["publish"] for stamp in rules.stamps.finditer(text))


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


# An update stamp named so in the markup ("<span class=updated>"); class names are English.
_UPDATE_NAME = re.compile(r"updated|modified", re.IGNORECASE)
# A dateline is a short text: a sentence that mentions a date is not one.
MAX_DATELINE_WORDS = 28
# How many elements after the headline (and before it) a dateline is looked for.
DATELINE_AFTER, DATELINE_BEFORE = 80, 20
# Offsets from UTC run from -12:00 to +14:00, in quarter hours; a visible time without
# seconds may differ from the declared one by a minute or two.
MAX_OFFSET = timedelta(hours=14)
OFFSET_STEP = timedelta(minutes=15)
CLOCK_SLACK = timedelta(minutes=2)


def visible_dateline(headline: html.HtmlElement | None, rules: Rules) -> datetime | date | None:
    """The date a reader sees in the article's header: the first short text after the headline
    that writes a date out, up to the article's first paragraph of prose (teaser cards and
    comments further down carry dates of their own), else the nearest one above it. Update
    stamps, named so in their text or their markup, are passed over."""
    if headline is None:
        return None
    for element in headline.xpath(f"following::*[position() <= {DATELINE_AFTER}]"):
        if _is_prose(element):
            break
        found = _dateline(element, rules)
        if found is not None:
            return found
    before = headline.xpath(f"preceding::*[position() <= {DATELINE_BEFORE}]")  # nearest first
    return next((found for e in reversed(before) if (found := _dateline(e, rules)) is not None), None)


def _is_prose(element: html.HtmlElement) -> bool:
    return element.tag == "p" and len((element.text_content() or "").split()) > MAX_DATELINE_WORDS


def _dateline(element: html.HtmlElement, rules: Rules) -> datetime | date | None:
    if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript") or len(element) > 3:
        return None
    names = " ".join(element.get(a, "") for a in ("class", "itemprop", "id"))
    text = " ".join(element.text_content().split())
    if not text or len(text.split()) > MAX_DATELINE_WORDS or _UPDATE_NAME.search(names):
        return None
    return dateline_date(text, rules) if any(ch.isdigit() for ch in text) else None


def reconciled(declared: datetime | date | None, visible: datetime | date | None) -> datetime | date | None:
    """The publication moment as a reader of the page sees it. Metadata often states the
    moment in UTC, or with a wrong offset, so that its day is the one after (or before) the
    day the page shows: then the visible day wins, as the same moment in the offset the page's
    own clock implies where it shows a time, else as the visible date.

    >>> utc = datetime(2019, 11, 20, 1, 50, tzinfo=timezone.utc)
    >>> reconciled(utc, datetime(2019, 11, 19, 17, 50)).isoformat()
    '2019-11-19T17:50:00-08:00'
    >>> reconciled(utc, date(2019, 11, 19)), reconciled(utc, date(2019, 11, 12)) == utc
    (datetime.date(2019, 11, 19), True)
    """
    if not isinstance(declared, datetime) or visible is None:
        return declared
    shown = visible.date() if isinstance(visible, datetime) else visible
    if abs((shown - declared.date()).days) != 1:
        return declared
    if isinstance(visible, datetime):
        # Of the readings that make the page's clock a UTC offset, the smaller offset: most
        # readers live within ten hours of UTC.
        readings = [(offset, moment) for moment in _readings(declared) if (offset := _offset(visible, moment))]
        if readings:
            offset, moment = min(readings, key=lambda reading: abs(reading[0]))
            return moment.astimezone(timezone(offset))
    return visible


def _readings(declared: datetime) -> tuple[datetime, ...]:
    """The instants a declared time may mean: as stated, and its wall clock read as UTC (a time
    without a zone, or CMSs that print UTC with the site's offset appended)."""
    as_utc = declared.replace(tzinfo=timezone.utc)
    return (as_utc,) if declared.tzinfo is None or not declared.utcoffset() else (declared, as_utc)


def _offset(shown: datetime, moment: datetime) -> timedelta | None:
    """The UTC offset at which ``moment`` reads as the ``shown`` clock, when there is one (to
    the quarter hour, within the slack of a clock shown without seconds)."""
    delta = shown - moment.astimezone(timezone.utc).replace(tzinfo=None)
    steps = round(delta / OFFSET_STEP)
    offset = steps * OFFSET_STEP
    if abs(delta - offset) > CLOCK_SLACK or not -timedelta(hours=12) <= offset <= MAX_OFFSET:
        return None
    return offset
