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
