"""Datelines of whole-page dumps that the marks of single lines miss: a date that opens the
first paragraph, one without its year, one glued to the next element, the date of the author
box that closes the article, and the day the URL files the article under."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import newsparse
from conftest import PROSE
from test_dates import HEADLINE, dump


@pytest.mark.parametrize(
    ("language", "opening", "shown"),
    [
        ("de", "31. Oktober 2023.", date(2023, 10, 31)),
        ("fr", "12.05.23 -", date(2023, 5, 12)),
        ("en", "March 5, 2024 —", date(2024, 3, 5)),
    ],
)
def test_a_date_set_apart_at_the_first_paragraphs_start(language: str, opening: str, shown: date) -> None:
    first = f"{opening} {PROSE[language]}"
    text = "\n\n".join(("Home", "News", HEADLINE[language], first, PROSE[language], "More stories"))
    article = newsparse.parse_text(text)
    assert article.published == shown
    assert first in article.paragraphs  # the dateline is the paragraph's, which stays


def test_a_date_that_a_paragraph_mentions_is_no_dateline() -> None:
    first = f"5 March 2024 was the day the river rose. {PROSE['en']}"
    text = "\n\n".join(("Home", HEADLINE["en"], first, PROSE["en"]))
    assert newsparse.parse_text(text).published is None


def test_the_author_box_that_closes_the_article_dates_it() -> None:
    text = dump("en", (), (), closing=("Written by Ana Lopes on July 27, 2017",))
    assert newsparse.parse_text(text).published == date(2017, 7, 27)


@pytest.mark.parametrize(
    ("language", "under", "url", "shown"),
    [
        (
            "en",
            ("Updated Mar 5, 9:41 AM; Posted Mar 4, 9:12 PM", "By Ann Lee"),
            "https://news.example.com/local/2021/03/harbour-plan.html",
            datetime(2021, 3, 4, 21, 12),
        ),
        (
            "es",
            ("Por Ana López", "Publicado el 11 de mayo"),
            "https://diario.example.uy/local/2022/5/plan-del-puerto/",
            date(2022, 5, 11),
        ),
        # The URL's month is another: the date is not this article's.
        ("en", ("By Ann Lee", "Posted Mar 4, 9:12 PM"), "https://news.example.com/2021/04/harbour-plan.html", None),
    ],
)
def test_a_dateline_without_its_year_takes_the_year_the_url_files_it_under(
    language: str, under: tuple[str, ...], url: str, shown: datetime | date | None
) -> None:
    text = dump(language, (), under)
    assert newsparse.parse_text(text).published is None
    assert newsparse.parse_text(text, url=url).published == shown


def test_a_date_split_over_lines_takes_the_year_under_it() -> None:
    text = dump("en", (), ("By Ann Lee", "November 20", "15:23", "2019", "Print"))
    assert newsparse.parse_text(text).published == date(2019, 11, 20)


def test_a_dateline_without_its_year_takes_the_copyright_notices_year() -> None:
    text = dump("de", (), ("Von Anna Weber", "18. November"), closing=("© 2012–2019 Hafenblatt Verlag",))
    assert newsparse.parse_text(text).published == date(2019, 11, 18)
    # A line that mentions a day is no dateline, whatever the year.
    text = dump("en", (), ("Video: the headlines for Nov. 19",), closing=("© 2019 Example Media",))
    assert newsparse.parse_text(text).published is None


def test_a_date_glued_to_the_next_element_under_the_headline() -> None:
    text = dump("de", (), ("Von Anna Weber", "08.12.2022Bundesverband Hafenwirtschaft"))
    assert newsparse.parse_text(text).published == date(2022, 12, 8)


def test_a_dateline_days_from_the_urls_day_gives_way_to_a_line_that_shows_that_day() -> None:
    text = dump("it", (), ("Ultime notizie 2 marzo 2024",), closing=("Pubblicato il: 9 marzo 2024",))
    assert newsparse.parse_text(text).published == date(2024, 3, 2)
    url = "https://giornale.example.it/2024/03/09/piano-del-porto/"
    assert newsparse.parse_text(text, url=url).published == date(2024, 3, 9)
    # A day apart is the same moment in another zone: the dateline stands.
    url = "https://giornale.example.it/2024/03/03/piano-del-porto/"
    assert newsparse.parse_text(text, url=url).published == date(2024, 3, 2)
