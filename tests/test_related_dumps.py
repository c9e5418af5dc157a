"""Related links through the text door: the titles under a related label in a whole-page dump,
as browsers' innerText and HTML-to-text converters print a related box. Items often print a
kicker, a byline, a date or an excerpt beside their title; a box may also sit inside the text."""

from __future__ import annotations

import newsparse
from conftest import PROSE
from test_related_boxes import PARAGRAPHS  # the same invented ferry story

HEADLINE = "Evening ferry service extended to ten o'clock"
TITLES = (
    "Island school gets a new roof before the winter storms",
    "Night buses return to the harbour district after two years",
    "Fishermen and the council agree on a new quay for the old port",
)
FOOTER = ("© 2024 The Harbour Gazette", "About Us", "Contact the newsroom", "Privacy Policy")


def dump(*tail: str, middle: tuple[str, ...] = ()) -> str:
    """A page dump: menu, headline, byline, the text (``middle`` after its third paragraph),
    then ``tail`` and the footer."""
    lines = [
        "Skip to content",
        "News",
        "Sport",
        HEADLINE,
        "By Maren Holt",
        "March 5, 2024",
        *PARAGRAPHS[:3],
        *middle,
        *PARAGRAPHS[3:],
        *tail,
        *FOOTER,
    ]
    return "\n".join(lines)


def related(text: str) -> list[str]:
    return [link.title for link in newsparse.parse_text(text).related]


def test_items_that_print_a_kicker_over_their_title() -> None:
    items = [line for title in TITLES for line in ("Local News", title)]
    assert related(dump("Related Articles", *items)) == list(TITLES)


def test_items_that_print_a_byline_and_a_date_under_their_title() -> None:
    items = [line for title in TITLES for line in (title, "Jonas Weller", "March 4, 2024")]
    assert related(dump("More from The Harbour Gazette", *items)) == list(TITLES)


def test_items_with_an_excerpt_under_their_title() -> None:
    excerpts = (
        "The board heard from parents and teachers before it voted on the plan for the coming year.",
        "Drivers said the late routes had been missed by shift workers since the cuts two years ago.",
        "The new quay will be built next to the fish market and should open before the summer season.",
    )
    items = [line for pair in zip(TITLES, excerpts, strict=True) for line in pair]
    assert related(dump("Related stories", *items)) == list(TITLES)


def test_where_the_items_change_shape_another_list_begins() -> None:
    # Each item prints its section over its title; the titles after the box print none: they
    # are another list (the site's most read, unlabelled in the dump).
    items = [line for title in TITLES for line in ("Local News", title)]
    most_read = ("Ten things to do on the island this weekend", "Where to eat near the old port")
    assert related(dump("Related Articles", *items, *most_read)) == list(TITLES)


def test_a_box_inside_the_text_when_none_stands_below_it() -> None:
    assert related(dump(middle=("Related", *TITLES[:2]))) == list(TITLES[:2])


def test_a_box_below_the_article_beats_one_inside_the_text() -> None:
    found = related(dump("Related Articles", TITLES[2], "Local News", middle=("Related", *TITLES[:2])))
    assert found == [TITLES[2]]


def test_labels_in_german_and_russian() -> None:
    german = ["Neue Fährzeiten für die Insel ab März", "Hafenbehörde plant eine zweite Anlegestelle"]
    page = "\n".join(["Hafen beschließt längere Fährzeiten", "Von Maren Holt", *[PROSE["de"]] * 4])
    assert related(page + "\nWeitere Beiträge zum Thema\n" + "\n".join(german)) == german
    russian = ["Паром на остров будет ходить до десяти вечера", "В порту построят новый причал для рыбаков"]
    page = "\n".join(["Паром будет ходить дольше", *[PROSE["ru"]] * 4])
    assert related(page + "\nМатериалы по теме\n" + "\n".join(russian)) == russian
