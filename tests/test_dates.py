"""The publication day a reader sees: metadata in UTC (or with a wrong offset) against the
dateline printed under the headline, in the forms several languages write it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import pytest

import newsparse
from conftest import PROSE
from newsparse.fields.datelines import self_listed
from newsparse.fields.dates import text_date
from newsparse.rules import rules_for
from newsparse.sources.html import html_page as parse_html_page
from newsparse.sources.html import parse_page_tree
from newsparse.sources.metadata import read_meta


def page(language: str, published: str, header: str, *, after: str = "") -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    prose = f"<p>{PROSE[language]} {PROSE[language]}</p>"
    return (
        f'<html lang="{language}"><head>{meta}<meta property="og:title" content="Harbour plan approved"></head>'
        f"<body><article><h1>Harbour plan approved</h1>{header}{prose}{prose}{after}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("language", "published", "header", "shown"),
    [
        # UTC in the metadata, the evening before in the US byline: the same moment at -08:00.
        (
            "en",
            "2022-03-04T02:40:00Z",
            '<div class="byline">By Ann Lee | Mar. 3, 2022 6:40 PM</div>',
            datetime(2022, 3, 3, 18, 40, tzinfo=timezone(timedelta(hours=-8))),
        ),
        # A wrong offset: the wall clock was UTC, the page's own clock is an hour ahead.
        (
            "de",
            "2024-03-08T23:30:00-06:00",
            '<p class="meta">Von Jörg Klein, 9. März 2024, 00:30 Uhr</p>',
            datetime(2024, 3, 9, 0, 30, tzinfo=timezone(timedelta(hours=1))),
        ),
        # The visible date has no time: the day itself.
        ("fr", "2024-05-01T22:15:00Z", '<span class="date">Publié le 2 mai 2024</span>', date(2024, 5, 2)),
    ],
)
def test_the_visible_day_wins_over_a_neighbouring_metadata_day(
    language: str, published: str, header: str, shown: datetime | date
) -> None:
    found = newsparse.parse_html(page(language, published, header)).published
    assert found == shown
    assert type(found) is type(shown)
    if isinstance(shown, datetime):
        assert isinstance(found, datetime)
        assert found.utcoffset() == shown.utcoffset()


def test_update_stamps_and_teaser_dates_are_not_the_dateline() -> None:
    header = '<time class="updated" datetime="2024-03-11T18:40:00+01:00">11 mars 2024</time>'
    teasers = '<aside><a href="/a">Another story</a> <span class="card-time">10 mars 2024</span></aside>'
    html = page("fr", "2024-03-11T23:20:00Z", header, after=teasers)
    assert newsparse.parse_html(html).published == datetime(2024, 3, 11, 23, 20, tzinfo=timezone.utc)


def test_a_dateline_two_days_off_is_another_date() -> None:
    html = page("es", "2024-06-10T09:00:00+02:00", '<p class="fecha">Madrid, 8 de junio de 2024</p>')
    assert newsparse.parse_html(html).published == datetime(2024, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=2)))


def test_a_page_without_metadata_takes_the_dateline_by_its_headline() -> None:
    html = page("it", "", '<p class="data">Pubblicato il 3 aprile 2024 alle 14:20</p>')
    assert newsparse.parse_html(html).published == datetime(2024, 4, 3, 14, 20)


@pytest.mark.parametrize(
    ("language", "dateline", "shown"),
    [
        # Press releases and club pages shorten the year after the month's name.
        ("it", "<em>( Valdorsa, 3 Marzo 21 )</em>", date(2021, 3, 3)),
        ("en", '<p class="posted">Harrowdale, 9 Nov 19 | Club News</p>', date(2019, 11, 9)),
        ("de", '<p class="meta">Kiel, 4. Mai 22 – Vereinsleben</p>', date(2022, 5, 4)),
        ("fr", '<p class="date">Publié le 12 janv. 23 · 10:30</p>', datetime(2023, 1, 12, 10, 30)),
    ],
)
def test_a_two_digit_year_after_the_months_name(language: str, dateline: str, shown: datetime | date) -> None:
    assert newsparse.parse_html(page(language, "", dateline)).published == shown


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Updated 14 Jan 20:30"),  # a time of day, the year left out
        ("it", "Il 5 marzo 20 persone hanno visitato il parco"),  # a count after the date
        ("de", "Spielplan 14. Januar 20.15 Uhr"),
    ],
)
def test_two_digits_after_the_months_name_that_are_no_year(language: str, line: str) -> None:
    assert text_date(line, rules_for(language)) is None


# The text door: whole-page dumps, as scrapers save innerText. A menu, the headline, the lines
# under it, two paragraphs, then teasers that carry dates of their own.
MENU = ("Skip to content", "Home", "News", "Local", "Sport", "Opinion")
HEADLINE = {
    "en": "Harbour plan approved after long debate",
    "de": "Hafenplan nach langer Debatte beschlossen",
    "fr": "Le projet du port adopté après un long débat",
    "es": "Aprobado el plan del puerto tras un largo debate",
    "it": "Approvato il piano del porto dopo un lungo dibattito",
}


def dump(language: str, above: tuple[str, ...], under: tuple[str, ...], *, closing: tuple[str, ...] = ()) -> str:
    teasers = ("More stories", "Ferry timetable changes for winter 3 January 2019", "Library reopens 2 January 2019")
    lines = (
        *MENU,
        *above,
        HEADLINE[language],
        *under,
        PROSE[language],
        PROSE[language].replace(".", ", and the vote was close."),
        *closing,
        *teasers,
    )
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("language", "above", "under", "closing", "shown"),
    [
        # A site's clock above the headline; the byline's own date, two-digit year, below.
        (
            "en",
            ("Wed, Nov 20, 2019",),
            ("By Kim Oduya On 11/13/19 at 4:00 PM EST",),
            (),
            datetime(2019, 11, 13, 16, 0),
        ),
        # The publication stamp, not the later update stamp on the line above it.
        (
            "de",
            (),
            ("Aktualisiert am 12.03.2024, 10:15 Uhr", "Veröffentlicht am 11.03.2024, 18:30 Uhr"),
            (),
            datetime(2024, 3, 11, 18, 30),
        ),
        # Both in one line: the date before the update's.
        ("es", (), ("07/05/2022 20H06 - ACTUALIZADO A 08/05/2022 20H17",), (), datetime(2022, 5, 7, 20, 6)),
        # A page that shows only when it was updated shows that day.
        ("en", (), ("Updated 1:39 am EST, Wednesday, November 20, 2019",), (), date(2019, 11, 20)),
        # A dateline that closes the article, with dated teasers under it.
        ("it", (), (), ("Pubblicato il: 30 Settembre 2020",), date(2020, 9, 30)),
        # A British blog's day first on an English page; the gallery-counter look-alike "23/05".
        ("en", (), ("23/05/2014 by Ray Dunmore",), (), date(2014, 5, 23)),
        # A browser glued the time to the year.
        ("en", (), ("By Ann Lee", "MAR 4, 20237:20 AM"), (), datetime(2023, 3, 4, 7, 20)),
        # ... or a theme's second timestamp (published, then modified) to the first one.
        ("de", (), ("Veröffentlicht am Oktober 12, 2022November 2, 2022",), (), date(2022, 10, 12)),
        ("en", (), ("Posted on March 3, 2023March 9, 2023 by Ann Lee",), (), date(2023, 3, 3)),
        # Year first, as Japanese and Chinese sites and some CMS themes write it.
        ("fr", (), ("Par Claire Martin / 2016.12.01",), (), date(2016, 12, 1)),
    ],
)
def test_a_dumps_dateline_is_the_one_by_its_headline(
    language: str, above: tuple[str, ...], under: tuple[str, ...], closing: tuple[str, ...], shown: datetime | date
) -> None:
    article = newsparse.parse_text(dump(language, above, under, closing=closing))
    assert article.headline == HEADLINE[language]
    assert article.published == shown
    assert type(article.published) is type(shown)


def test_a_dump_without_a_dateline_takes_the_day_its_url_names() -> None:
    text = dump("en", (), ("By Ann Lee",))
    assert newsparse.parse_text(text).published is None
    url = "https://news.example.org/2021/04/09/harbour-plan-approved/"
    assert newsparse.parse_text(text, url=url).published == date(2021, 4, 9)
    # An article number is no date.
    assert newsparse.parse_text(text, url="https://news.example.org/story/20214099").published is None


def test_dates_of_teasers_far_above_the_headline_are_not_its_date() -> None:
    listing = tuple(f"Council news round-up {d} March 2024" for d in range(1, 4))
    assert newsparse.parse_text(dump("en", listing, ("By Ann Lee",))).published is None
    assert newsparse.parse_text(dump("en", listing[-1:], ("By Ann Lee",))).published == date(2024, 3, 3)


# The HTML door weighs what the page declares against what it shows. Small pages: a <head> of
# metadata, a site header, the headline, a header line under it, two paragraphs, then a footer.
SITE_HEADER = '<header class="masthead"><a href="/">Home</a> <a href="/news">News</a></header>'


def html_page(language: str, head: str, header: str = "", *, above: str = "", after: str = "", prose: str = "") -> str:
    paragraph = f"<p>{PROSE[language]} {PROSE[language]}</p>"
    return (
        f'<html lang="{language}"><head><title>Harbour plan approved</title>{head}</head><body>{SITE_HEADER}'
        f"<main>{above}<article><h1>Harbour plan approved</h1>{header}{prose or paragraph}{paragraph}{after}"
        "</article></main><footer><p>Contact us</p></footer></body></html>"
    )


def published(html: str, url: str | None = None) -> datetime | date | None:
    return newsparse.parse_html(html, url=url).published


def day_of(moment: datetime | date | None) -> date | None:
    return moment.date() if isinstance(moment, datetime) else moment


@pytest.mark.parametrize(
    ("language", "head", "header", "shown"),
    [
        # A generic date meta filled with the record's last change; the dateline says otherwise.
        ("de", '<meta name="date" content="2021-12-20T11:02:44+01:00">', '<span class="date">27.01.2022</span>', 27),
        # A Dublin Core date alone, a dated line of the news module under the headline.
        ("fr", '<meta name="DC.date" content="2020-02-12">', '<div class="meta">Publié le 5 février 2020</div>', 5),
        # The site's "today" in a <time> of its masthead: a <time> anywhere says nothing of what it dates.
        ("en", "", '<p class="byline">By Ann Lee, March 3, 2024</p>', 3),
    ],
)
def test_the_dateline_beats_a_declared_date_that_does_not_say_what_it_dates(
    language: str, head: str, header: str, shown: int
) -> None:
    today = '<span class="today"><time datetime="2024-03-29T08:00:00+01:00">Friday 29 March 2024</time></span>'
    html = html_page(language, head, header).replace(SITE_HEADER, SITE_HEADER + today)
    found = day_of(published(html))
    assert found is not None
    assert found.day == shown


def test_a_stated_publication_date_beats_a_dateline_days_away() -> None:
    # The same page, its date now stated as the publication's: a dateline two days off dates something else.
    head = '<meta property="article:published_time" content="2021-12-20T11:02:44+01:00">'
    assert day_of(published(html_page("de", head, '<span class="date">27.01.2022</span>'))) == date(2021, 12, 20)


def test_the_dateline_beats_the_dates_of_the_main_text_when_nothing_is_declared() -> None:
    # No metadata: the header line under the headline (a bar the main text leaves out), not a
    # date the text gives further down, nor the time of the page's last edit (which htmldate reads).
    header = '<div class="post-meta">31.03.2020 · 6 min</div>'
    mention = "<p>Réunion publique</p><p>Mardi 12 mai 2020</p>"
    assert published(html_page("fr", "", header, after=mention)) == date(2020, 3, 31)
    edited = '<meta property="og:updated_time" content="2020-06-02T11:57:06+02:00">'
    assert published(html_page("fr", edited, header)) == date(2020, 3, 31)


def test_an_update_in_the_markup_is_passed_over_inside_a_dated_line() -> None:
    # The header line holds the update's <time>, named so; the publication comes in its own line.
    header = (
        '<div class="entry-meta"><time class="entry-updated updated" itemprop="dateModified">'
        "November 12, 2018</time> | BY: Ann Lee</div>"
    )
    head = '<meta name="date" content="2018-10-07">'
    assert published(html_page("en", head, header)) == date(2018, 10, 7)
    # WordPress themes name their publication date "entry-date updated" (hAtom): that one counts.
    theme = '<div class="entry-meta"><time class="entry-date updated">5 March 2024</time> by Ann Lee</div>'
    assert published(html_page("en", '<meta name="date" content="2024-02-01">', theme)) == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("language", "header"),
    [
        ("en", '<p class="meta">By Ann Lee <span>Updated</span> <time>Nov 13, 2019, 10:28am</time></p>'),
        ("de", '<p class="meta">Von Jörg Klein · <b>Aktualisiert:</b> <span>13.11.2019, 10:28 Uhr</span></p>'),
    ],
)
def test_the_parts_of_an_update_stamp_are_no_dateline(language: str, header: str) -> None:
    head = '<meta name="date" content="2019-11-08T09:00:00+01:00">'
    assert day_of(published(html_page(language, head, header))) == date(2019, 11, 8)


def test_the_dateline_under_a_standfirst_that_repeats_the_description() -> None:
    # The standfirst is the page's meta description; the header's dateline stands under it.
    standfirst = f"{PROSE['fr']} {PROSE['fr']}"
    head = f'<meta name="description" content="{standfirst}"><meta name="date" content="2019-12-02">'
    prose = f'<div class="chapo"><p>{standfirst}</p></div><div class="edition">Opinion · mardi 10.12.19</div>'
    assert published(html_page("fr", head, prose=prose)) == date(2019, 12, 10)
    # Without the description, that paragraph opens the article and closes its header.
    assert published(html_page("fr", '<meta name="date" content="2019-12-02">', prose=prose)) == date(2019, 12, 2)


def test_a_publication_date_set_apart_at_the_start_of_the_first_paragraph() -> None:
    prose = f'<p><span class="dateline">31. Oktober 2023.</span> {PROSE["de"]} {PROSE["de"]}</p>'
    head = '<meta name="date" content="2023-11-01">'
    assert published(html_page("de", head, prose=prose)) == date(2023, 10, 31)


@pytest.mark.parametrize(
    ("language", "sidebar", "shown"),
    [
        ("de", '<span class="label">Erschienen am:</span><h2 class="value">13.10.2021</h2>', date(2021, 10, 13)),
        ("fr", '<li><p class="title">Mise en ligne</p><p class="content">23 mai 2019</p></li>', date(2019, 5, 23)),
        ("en", "<dl><dt>Published</dt><dd>June 2, 2022</dd></dl>", date(2022, 6, 2)),
        # The label an element of its own, the date loose text after it (Bootstrap columns).
        ("de", '<div class="col-md-4"><h5 class="title-inline">Datum:  </h5>03.11.2021 <br></div>', date(2021, 11, 3)),
        ("de", "<p><strong>Datum:</strong> 14. Februar 2023</p>", date(2023, 2, 14)),
    ],
)
def test_a_date_the_page_labels_as_its_publication_under_the_text(language: str, sidebar: str, shown: date) -> None:
    assert published(html_page(language, "", after=f'<aside class="facts">{sidebar}</aside>')) == shown


def test_a_publication_label_over_many_dates_is_a_thread_not_the_article() -> None:
    comments = "".join(
        f'<div class="comment"><span>Posted</span><span>March {d}, 2024</span><p>Agreed.</p></div>' for d in (6, 7)
    )
    html = html_page("en", '<meta name="date" content="2024-03-05">', after=comments)
    assert published(html) == date(2024, 3, 5)


def test_dates_above_the_headline_in_teasers_and_day_switchers_are_not_its_date() -> None:
    teaser = '<article class="teaser"><h2><a href="/b">Another story</a></h2><span>26. Februar 2020</span></article>'
    head = '<meta name="date" content="2020-03-18">'
    assert published(html_page("de", head, above=teaser)) == date(2020, 3, 18)
    switcher = '<div class="days"><a href="/7">07.12.19</a> <a href="/9">09.12.19</a> <a href="/11">11.12.19</a></div>'
    assert published(html_page("fr", '<meta name="date" content="2019-12-10">', above=switcher)) == date(2019, 12, 10)
    # The same dateline alone above the headline is the article's.
    alone = '<div class="kicker">Politique · 09.12.19</div>'
    assert published(html_page("fr", '<meta name="date" content="2019-12-02">', above=alone)) == date(2019, 12, 9)


@pytest.mark.parametrize(
    ("language", "profile", "post", "shown"),
    [
        (
            "en",
            '<dd class="profile-joined"><strong>Joined:</strong> Sat Apr 06, 2019 3:18 pm</dd>',
            "Tue Mar 12, 2024 8:41 pm",
            datetime(2024, 3, 12, 20, 41),
        ),
        (
            "de",
            '<dd class="profile-joined"><strong>Registriert:</strong> 18.09.2008, 05:56</dd>',
            "21.01.2009, 10:02",
            datetime(2009, 1, 21, 10, 2),
        ),
    ],
)
def test_a_forum_members_joining_day_is_not_the_posts_date(
    language: str, profile: str, post: str, shown: datetime
) -> None:
    header = f'<dl class="postprofile"><dt>m.herrera</dt>{profile}</dl><p class="author">» {post}</p>'
    assert published(html_page(language, "", header)) == shown


@pytest.mark.parametrize(
    ("language", "header"),
    [
        # A sentence that mentions a date is no dateline, nor a photo's caption.
        ("it", '<p class="note">La prossima riunione pubblica si terrà il 5 febbraio 2020 nella sala comunale.</p>'),
        ("en", "<figure><img src='/a.jpg'><figcaption>Boats in the harbour, Nov. 19, 2019.</figcaption></figure>"),
        # Nor a link written out, whatever day its path names.
        ("de", '<span class="source">https://example.org/2016/07/07/hafen/</span>'),
    ],
)
def test_sentences_captions_and_links_are_no_datelines(language: str, header: str) -> None:
    assert published(html_page(language, '<meta name="date" content="2024-01-22">', header)) == date(2024, 1, 22)


def test_pieces_of_separate_elements_are_read_apart() -> None:
    # A forum's user name, date and time in three spans: glued, "28.09.19" and "12:44" read as 1912.
    header = '<div class="post-info"><b>veloluca</b><span>28.09.19</span><span>12:44</span></div>'
    assert published(html_page("de", "", header)) == datetime(2019, 9, 28, 12, 44)


def test_a_day_and_month_read_the_other_way_round_are_the_declared_day() -> None:
    # "12/04/2020" on an English page reads as December 4; the metadata's 12 April settles it.
    html = html_page("en", '<meta name="date" content="2020-04-12">', '<p class="entry-meta">12/04/2020 by Liz</p>')
    assert published(html) == date(2020, 4, 12)


def test_a_dateline_without_its_year_tells_the_pages_clock() -> None:
    # UTC metadata on the next day; the header's "Posted Mar 4, 9:12 PM" shows the evening before.
    head = '<meta property="article:published_time" content="2021-03-05T02:12:34Z">'
    header = '<p class="dateline"><time>Updated Mar 5, 9:41 AM;</time> <time>Posted Mar 4, 9:12 PM</time></p>'
    found = published(html_page("en", head, header))
    assert found == datetime(2021, 3, 4, 21, 12, 34, tzinfo=timezone(timedelta(hours=-5)))
    assert isinstance(found, datetime)
    assert found.utcoffset() == timedelta(hours=-5)
    # A date days away from the declared one is another day's, whatever its year.
    assert day_of(published(html_page("en", head, '<p class="dateline">Feb 26, 9:12 PM</p>'))) == date(2021, 3, 5)


def test_a_web_page_nodes_date_when_no_article_object_declares_one() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://ejemplo.es/#website", "name": "Ejemplo"},
            {"@type": "WebPage", "@id": "https://ejemplo.es/puerto/", "datePublished": "2019-10-18T13:07:38+00:00"},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    later = "<p>Actualización</p><p>21.10.2019</p>"
    assert day_of(published(html_page("es", head, after=later))) == date(2019, 10, 18)
    # A listing's date is not its articles'.
    listing_graph = json.dumps(graph).replace('"WebPage"', '"CollectionPage"')
    listing = f'<script type="application/ld+json">{listing_graph}</script>'
    assert read_meta(parse_page_tree(html_page("es", listing)).tree, None).published is None


def test_a_declared_moment_keeps_the_offset_of_the_pages_own_wall_clock() -> None:
    # JSON-LD in UTC beside a meta that writes the same moment on the site's clock, without a zone.
    story = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2019-11-19T04:58:46Z"}
    head = (
        f'<script type="application/ld+json">{json.dumps(story)}</script>'
        '<meta name="sailthru.date" content="2019-11-18 20:58:46">'
    )
    found = published(html_page("es", head))
    assert found == datetime(2019, 11, 19, 4, 58, 46, tzinfo=timezone.utc)
    assert isinstance(found, datetime)
    assert found.utcoffset() == timedelta(hours=-8)


def test_an_offset_no_clock_has_is_dropped_not_a_crash() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2017-09-07T10:00:00-70:00"></head>'
        f"<body><article><h1>Harbour plan approved</h1><p>{PROSE['en']} {PROSE['en']}</p></article></body></html>"
    )
    assert newsparse.parse_html(html).published == datetime(2017, 9, 7, 10, 0)


# --- hostile dates (issue 15) ---------------------------------------------------------------

OFFSET_PLACES = {
    "meta": lambda value: f'<meta property="article:published_time" content="{value}">',
    "jsonld": lambda value: (
        f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "datePublished": value})}</script>'
    ),
    "time": lambda value: f'<time datetime="{value}">',
}


@pytest.mark.parametrize("offset", ["+24:00", "+2400", "+99:99", "-24:00", "+23:60"])
@pytest.mark.parametrize("place", OFFSET_PLACES.values(), ids=OFFSET_PLACES.keys())
def test_an_offset_of_a_day_or_more_is_dropped(place: Callable[[str], str], offset: str) -> None:
    """An offset of 24 hours or more is no offset (``timezone`` raised ValueError on it)."""
    markup = place(f"2017-09-07T10:00:00{offset}")
    head, body = (markup, "") if not markup.startswith("<time") else ("", markup + "7 Sept</time>")
    html = (
        f"<html><head>{head}</head><body><article><h1>Harbour plan approved</h1>{body}"
        f"<p>{PROSE['en']} {PROSE['en']}</p></article></body></html>"
    )
    assert newsparse.parse_html(html).published == datetime(2017, 9, 7, 10, 0)


def _declared(value: str) -> str:
    return (
        f'<html><head><meta property="article:published_time" content="{value}"></head><body><article>'
        f"<h1>Harbour plan approved</h1><p>{PROSE['en']} {PROSE['en']}</p></article></body></html>"
    )


def _dump(dateline: str) -> str:
    return f"Harbour plan approved\n{dateline}\n{PROSE['en']} {PROSE['en']}\n{PROSE['en']}\n"


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31T23:00:00-12:00",  # year 10000 in UTC: OverflowError in the offset arithmetic
        "9999-12-31",
        "2263-01-01T00:00:00Z",  # past what a pandas Timestamp holds
        "2999-05-05",
    ],
)
def test_a_date_in_the_far_future_is_no_publication_date(value: str) -> None:
    assert newsparse.parse_html(_declared(value)).published is None


@pytest.mark.parametrize("dateline", ["March 5, 9999", "5 March 2999", "March 5, 1492", "12.03.1650"])
def test_a_dumps_dateline_outside_the_plausible_years_is_dropped(dateline: str) -> None:
    assert newsparse.parse_text(_dump(dateline)).published is None


def test_a_date_more_than_a_day_after_the_parse_is_dropped() -> None:
    now = datetime.now(timezone.utc)
    tomorrow, in_three_days = now + timedelta(hours=20), now + timedelta(days=3)
    assert newsparse.parse_html(_declared(tomorrow.isoformat())).published is not None
    assert newsparse.parse_html(_declared(in_three_days.isoformat())).published is None
    assert newsparse.parse_html(_declared(in_three_days.date().isoformat())).published is None


def test_a_stated_publication_date_of_an_old_newspaper_is_kept() -> None:
    """Archives republish old newspapers, and their pages state the day of print."""
    story = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "1871-10-10"}
    head = f'<script type="application/ld+json">{json.dumps(story)}</script>'
    assert published(html_page("en", head)) == date(1871, 10, 10)


@pytest.mark.parametrize(
    "value",
    [
        "1677-12-31",  # before what a pandas Timestamp holds
        "0001-01-01T00:00:00Z",  # .NET's DateTime.MinValue
        "1970-01-01T00:00:00Z",  # Unix time zero
        "1900-01-01",  # a database's empty date
    ],
)
def test_floor_and_placeholder_days_are_no_date(value: str) -> None:
    assert newsparse.parse_html(_declared(value)).published is None


def test_a_date_that_does_not_say_what_it_dates_keeps_the_1990_floor() -> None:
    """A <time> anywhere may be a birthday or an anniversary: before 1990 it is not the page's."""
    assert published(html_page("en", "", after='<p>Born <time datetime="1950-03-01">1 March 1950</time></p>')) is None


@pytest.mark.parametrize(
    "source",
    [
        _declared("9999-12-31T23:00:00-12:00"),
        _declared("1990-01-01T00:00:00+14:00"),
        _dump("December 31, 9999 11:59 pm"),
        _dump("January 1, 1678"),
    ],
)
def test_every_date_fits_a_pandas_timestamp(source: str) -> None:
    pandas = pytest.importorskip("pandas")
    published = newsparse.parse(source).published
    if published is not None:
        frame = pandas.DataFrame({"published": [pandas.Timestamp(published)]})
        assert frame.to_json(date_format="iso")


@pytest.mark.parametrize(
    ("language", "bar", "shown"),
    [
        ("de", "<td>07 | 03 | 2023</td><td>Vereine | Jugend</td>", date(2023, 3, 7)),
        ("fr", "<td>19 | 11 | 2021</td><td>Montagne | Sécurité</td>", date(2021, 11, 19)),
    ],
)
def test_a_dateline_with_bars_between_its_numbers_printed_twice_above_the_headline(
    language: str, bar: str, shown: date
) -> None:
    # A theme prints its meta bar twice, for wide screens and for phones: a copy, not a list.
    rows = f'<table class="wide"><tr>{bar}</tr></table><table class="narrow"><tr>{bar}</tr></table>'
    assert published(html_page(language, "", above=rows)) == shown
    # Two bars of other days above the headline are a list's items: none of them dates it.
    other = rows.replace(bar, bar.replace(str(shown.year), str(shown.year - 1)), 1)
    assert published(html_page(language, "", above=other)) is None


@pytest.mark.parametrize(
    ("language", "listing", "shown"),
    [
        # A blog's "recent posts" box says when the article itself went up.
        (
            "de",
            '<li><a href="https://blog.example.de/2014/06/tinte/">Tinte und Papier</a> wurde am 3. Juni 2014'
            " um 21:15 Uhr veröffentlicht und unter Schreiben abgelegt.</li>"
            '<li><a href="https://blog.example.de/2014/05/feder/">Die Feder</a> erschien am 28. Mai 2014.</li>',
            datetime(2014, 6, 3, 21, 15),
        ),
        # A menu's teasers, the article's own among them with its date.
        (
            "en",
            '<div class="item"><a href="/news/7/">Grid fees rise again</a> <span>10/14/2021</span></div>'
            '<div class="item"><a href="https://blog.example.de/2014/06/tinte/">Tinte und Papier</a>'
            " <span>10/08/2021</span></div>",
            date(2021, 10, 8),
        ),
    ],
)
def test_a_list_beside_the_article_dates_its_own_item(language: str, listing: str, shown: date) -> None:
    url = "https://blog.example.de/2014/06/tinte/"
    html = html_page(language, "", after=f'<aside class="recent">{listing}</aside>')
    assert published(html, url=url) == shown
    # Without a link back to the page, the list's dates are other pages'.
    assert published(html, url="https://blog.example.de/2014/06/anderes/") is None


def test_a_comments_permalink_is_no_list_item_of_the_article() -> None:
    url = "https://blog.example.de/2014/06/tinte/"
    comment = f'<div class="comment"><a href="{url}#comment-12"><time>9. Juni 2014 um 08:02 Uhr</time></a> Schön!</div>'
    page = parse_html_page(html_page("de", "", after=f'<aside class="recent">{comment}</aside>'), url=url)
    assert self_listed(page, rules_for("de")) is None
    listed = comment.replace("#comment-12", "")
    page = parse_html_page(html_page("de", "", after=f'<aside class="recent">{listed}</aside>'), url=url)
    assert self_listed(page, rules_for("de")) == datetime(2014, 6, 9, 8, 2)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("de", "Einsendeschluss: 03.11.2019 (Poststempel)"),
        ("en", "Deadline: March 3, 2024"),
        ("es", "Fecha límite: 15 de marzo de 2024"),
    ],
)
def test_a_labelled_date_inside_the_text_stays_in_the_body_and_dates_nothing(language: str, line: str) -> None:
    # A contest's deadline between its paragraphs: what the text tells of, not a dateline.
    paragraph = f"<p>{PROSE[language]} {PROSE[language]}</p>"
    html = html_page(language, "", after=f"<p>{line}</p>{paragraph}")
    article = newsparse.parse_html(html)
    assert line in article.paragraphs
    assert article.published is None


# An interview's note on when it was held, as the first line of the text: a sentence that
# mentions another day than the page's stated date, not the page's dateline.
INTERVIEW_NOTES = {
    "de": (
        "Das Gespräch wurde am 3. Mai 2023 geführt und ist zuerst in der Wochenzeitung erschienen:",
        "Herr Albers, die Kraftwerke im Revier sollen früher vom Netz gehen als geplant. "
        "Was bedeutet das für die Beschäftigten?",
    ),
    "en": (
        "This interview was conducted on 3 May 2023 and first appeared in the Weekly Review:",
        "Mr Albers, the power stations in the region are to close earlier than planned. "
        "What does that mean for the workers?",
    ),
    "es": (
        "La entrevista se realizó el 3 de mayo de 2023 y se publicó primero en la revista Semanal:",
        "Señor Albers, las centrales de la comarca cerrarán antes de lo previsto. "
        "¿Qué significa eso para los trabajadores?",
    ),
}


def _interview(language: str, first_line: str, question: str) -> str:
    prose = f"<p>{PROSE[language]} {PROSE[language]}</p>"
    return (
        f'<html lang="{language}"><head><title>{HEADLINE[language]}</title>'
        f'<meta property="og:title" content="{HEADLINE[language]}">'
        '<meta property="article:published_time" content="2023-05-10T07:30:00+02:00"></head>'
        f"<body><main><article><h1>{HEADLINE[language]}</h1><p>{first_line}</p><p><strong>{question}</strong></p>"
        f"{prose}<p>{question}</p>{prose}</article></main></body></html>"
    )


@pytest.mark.parametrize("language", sorted(INTERVIEW_NOTES))
def test_a_sentence_that_mentions_another_day_stays_in_the_body(language: str) -> None:
    note, question = INTERVIEW_NOTES[language]
    article = newsparse.parse_html(_interview(language, note, question), url="https://example.org/interview")
    assert article.published == datetime(2023, 5, 10, 7, 30, tzinfo=timezone(timedelta(hours=2)))
    assert article.paragraphs[0] == note


@pytest.mark.parametrize(
    "dateline", ["Update vom 3. Mai 2023", "Published on Wednesday, 3 May 2023 at 9:15 am", "3 de mayo de 2023"]
)
def test_a_dateline_of_another_day_stays_out_of_the_body(dateline: str) -> None:
    _, question = INTERVIEW_NOTES["en"]
    article = newsparse.parse_html(_interview("en", dateline, question), url="https://example.org/interview")
    assert dateline not in article.paragraphs
    assert article.paragraphs[0] == question
