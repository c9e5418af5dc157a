"""The date an HTML page shows by its headline, and how it squares with the date the page
declares: the visible dateline, and the reconciliation of a declared moment with it."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Collection
from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple
from urllib.parse import urlsplit

import htmldate
from lxml import etree, html

from newsparse.fields.dates import (
    EARLIEST_YEAR,
    MAX_OFFSET,
    OFFSET_STEP,
    calendar_day,
    dateline_date,
    day_and_month,
    first_in,
    is_publication_stamp,
    is_update_stamp,
    parse_date,
    stamp_segments,
    with_time,
)
from newsparse.normalize import clean_line
from newsparse.page import Page
from newsparse.rules import Rules
from newsparse.sources.landmarks import more_words_than
from newsparse.sources.xpath import elements, following, preceding
from newsparse.urls import absolute_url, same_page

log = logging.getLogger(__name__)


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


# Links in the page's body that may lead back to the page itself (they hold its last path
# segment): one may stand in a list that dates it.
_BODY_LINKS = etree.XPath("//body//a[contains(@href, $slug)]")
# How far up from such a link its list item is looked for: the link, its line, the item.
SELF_ITEM_LEVELS = 3


def self_listed(page: Page, rules: Rules) -> datetime | date | None:
    """The date a list beside the article gives the article itself: the item whose link leads
    back to the page, in a menu's teasers ("Heizkosten im Vergleich 08.10.2021") or a
    "recent posts" box ("… wurde am 7. Juni 2011 um 22:41 Uhr veröffentlicht"). The item is the
    nearest of the link's ancestors that writes a date out; a list's other items date other
    pages, and a link to a place on the page (a comment's permalink) its comment."""
    slug = urlsplit(page.meta.url or "").path.rstrip("/").rsplit("/", 1)[-1]
    if page.tree is None or not slug:
        return None  # a home page is every list's
    for link in elements(_BODY_LINKS, page.tree, slug=slug):
        raw = str(link.get("href"))
        href = absolute_url(raw, page.meta.base_url)
        if href is None or "#" in raw or not same_page(href, page.meta.url):
            continue  # a link to a place on the page: a comment's permalink, dated by its comment
        for item in itertools.islice(itertools.chain([link], link.iterancestors()), SELF_ITEM_LEVELS + 1):
            text = _text(item)
            if more_words_than(item, MAX_DATELINE_WORDS) or _in_caption(item):
                break
            found = dateline_date(_URL.sub(" ", text), rules, updates=False)
            if found is not None and found.year >= EARLIEST_YEAR:
                return found
    return None


# An update stamp named so in the markup ("<span class=updated>"); class names are English.
_UPDATE_NAME = re.compile(r"updated|modified", re.IGNORECASE)
# A class word that names a date: beside it, hAtom's bare "updated" marks a publication date.
_DATE_NAME = re.compile(r"date|time|publish|posted")
# A forum member's profile beside a post: the day the member joined ("profile-joined").
_MEMBER_NAME = re.compile(r"joined|registered|regdate|member-?since", re.IGNORECASE)
# A dateline is a short text: a sentence that mentions a date is not one.
MAX_DATELINE_WORDS = 28
# A sentence ends in a full stop after a word ("... findet im Rathaus statt.", "in Columbia,
# S.C."), not after a date's own dot ("31. Oktober 2023."), a clock's "Uhr.", "p.m." or "14h.".
_SENTENCE_END = re.compile(r"(?<!uhr)(?<![ap]\.m)(?<!\dh)(?<=[^\W\d_])[.!?]$", re.IGNORECASE)
MIN_SENTENCE_WORDS = 8
# How many elements after the headline (and before it) a dateline is looked for.
DATELINE_AFTER, DATELINE_BEFORE = 80, 20
# A label that only names the publication ("Erschienen am:", "Mise en ligne") before the
# element with its date: an element of a few words and no child elements.
_LABELS = etree.XPath("following::*[not(*)][string-length(normalize-space()) < 25][normalize-space()]")
_NEXT = etree.XPath("following::*[1]")
# A visible time without seconds may differ from the declared one by a minute or two.
CLOCK_SLACK = timedelta(minutes=2)
_NUMBERS = re.compile(r"\d+")
# Elements whose text no reader sees as such (a <head>'s holds its scripts' and <title>'s).
_NO_TEXT = frozenset({"head", "title", "script", "style", "noscript", "template"})
_DIGIT = re.compile(r"\d")
# A link written out is no dateline, whatever day its path names.
_URL = re.compile(r"\b(?:https?://|www\.)\S+")


class Dateline(NamedTuple):
    """A date a reader sees by the headline; ``update`` when only an update stamp gives it
    (the page's clock, not its publication)."""

    when: datetime | date
    update: bool = False


def visible_dateline(
    headline: html.HtmlElement | None, rules: Rules, *, near: date | None = None, summaries: Collection[str] = ()
) -> Dateline | None:
    """The date a reader sees in the article's header: the first short text after the headline
    that writes a date out, up to the article's first paragraph of prose (teaser cards and
    comments further down carry dates of their own; a standfirst, one of the ``summaries`` the
    page declares, does not count) or a date set apart at that paragraph's start; else one the
    page labels as the publication's further down ("Erschienen am:" over "13.10.2021"); else
    the nearest one above it that is not one of a list's dated items. Update stamps, named so
    in their text or their markup, are passed over; one named so in its text alone is the last
    resort. Under the headline, a dateline without its year counts on ``near`` (the declared
    day) or its neighbour."""
    if headline is None:
        return None
    after = following(headline, DATELINE_AFTER)
    found, updated = _below(after, rules, near, summaries)
    if found is None:
        found = _labelled(headline, rules)
    if found is None:
        before = preceding(headline, DATELINE_BEFORE)  # document order
        found = _nearest_alone(headline, before, rules)
    if found is not None:
        return Dateline(found)
    return Dateline(updated, update=True) if updated is not None else None


def _below(
    after: list[html.HtmlElement], rules: Rules, near: date | None, summaries: Collection[str]
) -> tuple[datetime | date | None, datetime | date | None]:
    """The first dateline under the headline, and the first update stamp's date up to it."""
    stamped: list[html.HtmlElement] = []  # update stamps: their parts show the update's date too
    prose = 0
    for element in after:
        if _is_prose(element):
            prose += 1
            if prose == 1 and _is_summary(element, summaries):
                continue  # the standfirst: the article's header goes on under it
            return _opening(element, rules), _first_update(stamped, rules)
        if stamped and not set(stamped).isdisjoint(element.iterancestors()):
            continue
        found, updated = _reading(element, rules, near)
        if found is not None:
            return found, _first_update(stamped, rules)
        if updated:
            stamped.append(element)
    return None, _first_update(stamped, rules)


def _is_summary(paragraph: html.HtmlElement, summaries: Collection[str]) -> bool:
    """The paragraph is the summary the page declares (its meta description, cut short or not)."""
    text = clean_line(paragraph.text_content())
    return any(text.startswith(s.rstrip(".…").rstrip()) for s in summaries if len(s.split()) > MAX_DATELINE_WORDS)


def _first_update(stamped: list[html.HtmlElement], rules: Rules) -> datetime | date | None:
    return dateline_date(_text(stamped[0]), rules) if stamped else None


def _opening(paragraph: html.HtmlElement, rules: Rules) -> datetime | date | None:
    """A date set apart at the start of a paragraph: "<p><span>31. Oktober 2023.</span> Text"."""
    first = next((child for child in paragraph if isinstance(child.tag, str)), None)
    if first is None or (paragraph.text or "").strip():
        return None
    return _dateline(first, rules)


def _labelled(headline: html.HtmlElement, rules: Rules) -> datetime | date | None:
    """The date in the element right after a label that names the publication and nothing
    else ("Erschienen am:" over "13.10.2021"), anywhere under the headline, where the page
    labels one day so (a comment thread's "Posted" labels many)."""
    days: dict[date, datetime | date] = {}
    for label in elements(_LABELS, headline):
        text = " ".join(label.text_content().split()).rstrip(":").strip()
        if not rules.stamps.fullmatch(text) or not is_publication_stamp(text, rules):
            continue
        found = _labelled_date(label, rules)
        if found is not None:
            days.setdefault(calendar_day(found), found)
    return next(iter(days.values())) if len(days) == 1 else None


def _labelled_date(label: html.HtmlElement, rules: Rules) -> datetime | date | None:
    """The date a label names: in the text right after it ("<h5>Datum:</h5> 03.11.2021"),
    else in the next element."""
    tail = " ".join((label.tail or "").split())
    if tail:
        return dateline_date(tail, rules, updates=False) if len(tail.split()) <= MAX_DATELINE_WORDS else None
    following = elements(_NEXT, label)
    return _dateline(following[0], rules) if following else None


def _nearest_alone(headline: html.HtmlElement, before: list[html.HtmlElement], rules: Rules) -> datetime | date | None:
    """The dateline nearest above the headline, unless it belongs to an item of its own (a
    teaser's <article> or a list's <li> that the headline is not in) or is shaped like another
    one there (digits aside): a list's items, a calendar's days or a day switcher's. The same
    text again is a copy, not another item: themes print their header bar twice, for wide
    screens and for phones."""
    dated = [(e, d) for e in before if (d := _dateline(e, rules)) is not None]
    if not dated:
        return None
    element, found = dated[-1]
    shape, text = _shape(element), _text(element)
    if any(_shape(e) == shape and _text(e) != text for e, _ in dated[:-1] if e not in element.iterancestors()):
        return None
    owners = set(headline.iterancestors())
    return None if any(a.tag in ("article", "li") and a not in owners for a in element.iterancestors()) else found


def _shape(element: html.HtmlElement) -> str:
    return _NUMBERS.sub("0", _text(element))


def _is_prose(element: html.HtmlElement) -> bool:
    return element.tag == "p" and more_words_than(element, MAX_DATELINE_WORDS)


def _dateline(element: html.HtmlElement, rules: Rules) -> datetime | date | None:
    return _reading(element, rules)[0]


def _reading(element: html.HtmlElement, rules: Rules, near: date | None = None) -> tuple[datetime | date | None, bool]:
    """The publication date a short element writes out, and whether it dates an update
    instead ("By Ann Lee Updated Nov 13, 2019"). Near a declared day, a date without its year
    ("Posted Mar 4, 9:12 PM") is read as that day or its neighbour, to tell the page's clock."""
    text = _short_text(element)
    if text is None:
        return None, False
    found = dateline_date(text, rules, updates=False)
    if found is None and is_update_stamp(text, rules):
        return None, True
    if found is None and near is not None:
        published, plain, _ = stamp_segments(text, rules)
        found = first_in(published + plain, lambda segment: _yearless(segment, near))
    if found is None or found.year < EARLIEST_YEAR or _in_caption(element):
        return None, False
    return found, False


def _short_text(element: html.HtmlElement) -> str | None:
    """The text of an element that may be a dateline: short, with a digit, not a sentence, not
    a link written out, not named as an update or a member's joining day in the markup."""
    if not isinstance(element.tag, str) or element.tag in _NO_TEXT:
        return None
    children = [child.tag for child in element if isinstance(child.tag, str)]
    if len(children) > 3 or not _NO_TEXT.isdisjoint(children):
        return None
    if more_words_than(element, MAX_DATELINE_WORDS):  # a wrapper of the whole page: read that far
        return None
    if not _DIGIT.search(element.text_content()):
        return None
    if _names_another_date(element):
        return None
    text = _URL.sub(" ", _text(element))
    if not _DIGIT.search(text) or _is_sentence(text):
        return None
    return text


def _yearless(text: str, near: date) -> datetime | date | None:
    """A day and month without a year, on ``near`` or the day before or after it, with its time.

    >>> _yearless("Posted Mar 4, 9:12 PM", date(2021, 3, 5))
    datetime.datetime(2021, 3, 4, 21, 12)
    >>> _yearless("[12月31日 23時]", date(2020, 1, 1)), _yearless("Nov 12", date(2019, 11, 19))
    (datetime.date(2019, 12, 31), None)
    """
    found = day_and_month(text)
    if found is None:
        return None
    month, day, _, end = found
    for year in (near.year, near.year - 1, near.year + 1):
        try:
            shown = date(year, month, day)
        except ValueError:  # no such day that year (29 February)
            continue
        if abs((shown - near).days) <= 1:
            return with_time(shown, text[end:])
    return None


def _in_caption(element: html.HtmlElement) -> bool:
    """Inside a photo's caption: it dates the photo ("…, Tuesday, Nov. 19, 2019, in Columbia")."""
    return any(e.tag in ("figure", "figcaption") for e in (element, *element.iterancestors()))


def _names_another_date(element: html.HtmlElement) -> bool:
    """The element, or one inside it, is named in the markup as an update stamp or as the day
    a forum member joined."""
    return any(
        _is_update_name(e) or _MEMBER_NAME.search(f"{e.get('class', '')} {e.get('id', '')}")
        for e in element.iter()
        if isinstance(e.tag, str)
    )


def _is_update_name(element: html.HtmlElement) -> bool:
    """Named as an update: ``itemprop="dateModified"``, a class such as "last-updated" or
    "date-modified", or hAtom's bare "updated" on its own. WordPress themes give their
    publication date "entry-date updated" (hAtom wants an "updated" on every entry), so the
    bare word beside a word that names a date is no update."""
    if _UPDATE_NAME.search(str(element.get("itemprop", ""))):
        return True
    words = f"{element.get('class', '')} {element.get('id', '')}".casefold().split()
    if any(_UPDATE_NAME.search(w) for w in words if w != "updated"):
        return True
    return "updated" in words and not any(_DATE_NAME.search(w) for w in words if w != "updated")


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(text) is not None


def _text(element: html.HtmlElement) -> str:
    """The element's text as a reader sees it: pieces of separate elements that would run
    together ("Angele" and "2022-12-07", "28.09.19" and "12:44") are kept apart."""
    joined = ""
    for piece in element.itertext():
        if joined and piece and joined[-1].isalnum() and piece[0].isalnum():
            joined += " "
        joined += piece
    return " ".join(joined.split())


def disagree(declared: datetime | date, visible: datetime | date) -> bool:
    """Whether a visible dateline names another day than the declared one: not the neighbour
    of a declared moment (the same moment in another zone, see ``reconciled``), nor the
    declared day with its day and month read the other way round ("12/04/2020").

    >>> disagree(datetime(2024, 3, 5, 23, 0), date(2024, 3, 6)), disagree(date(2024, 3, 5), date(2024, 3, 6))
    (False, True)
    >>> disagree(date(2020, 4, 12), date(2020, 12, 4)), disagree(date(2024, 3, 5), datetime(2024, 3, 5, 9, 0))
    (False, False)
    """
    shown, stated = calendar_day(visible), calendar_day(declared)
    apart = abs((shown - stated).days)
    if apart == 0 or (apart == 1 and isinstance(declared, datetime)):
        return False
    return not (shown.day <= 12 and date(shown.year, shown.day, shown.month) == stated)


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
