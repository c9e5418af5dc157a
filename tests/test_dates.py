"""The publication day a reader sees: metadata in UTC (or with a wrong offset) against the
dateline printed under the headline, in the forms several languages write it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

import newsparse

PROSE = {
    "en": "The council met on the evening before and agreed the plan for the harbour after a long debate.",
    "de": "Der Gemeinderat hat am Abend zuvor nach einer langen Debatte den Plan für den Hafen beschlossen.",
    "fr": "Le conseil municipal a adopté la veille au soir le projet du port après un long débat entre les élus.",
    "es": "El pleno aprobó anoche el plan del puerto después de un largo debate entre los grupos municipales.",
    "it": "Il consiglio comunale ha approvato ieri sera il piano per il porto dopo un lungo dibattito in aula.",
}


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
            "2019-11-20T01:50:00Z",
            '<div class="byline">By Ann Lee | Nov. 19, 2019 5:50 PM</div>',
            datetime(2019, 11, 19, 17, 50, tzinfo=timezone(timedelta(hours=-8))),
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
        # A British blog's day first on an English page; the gallery-counter look-alike "21/06".
        ("en", (), ("21/06/2014 by Tom Carter",), (), date(2014, 6, 21)),
        # A browser glued the time to the year.
        ("en", (), ("By Ann Lee", "NOV 15, 20195:45 AM"), (), datetime(2019, 11, 15, 5, 45)),
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
