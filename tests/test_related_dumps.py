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


# --- How flatteners print a list, and what is not one of its titles ---------------------------


def test_list_markers_are_not_part_of_the_titles() -> None:
    # inscriptis prints a list's bullets ("* "), a nested list's ("+ ") and an ordered list's numbers.
    bullets = [f"* {title}" for title in TITLES]
    assert related(dump("Related Articles", *bullets)) == list(TITLES)
    numbered = [f"{n}. {title}" for n, title in enumerate(TITLES, 1)]
    assert related(dump("Related Articles", *numbered)) == list(TITLES)
    # A bullet may stand on a line of its own, before each item.
    assert related(dump("Related Articles", *[line for t in TITLES for line in ("*", t)])) == list(TITLES)


def test_a_bullet_does_not_make_a_kicker_a_title() -> None:
    items = [line for title in TITLES for line in ("* Local News", title)]
    assert related(dump("Related Articles", *items)) == list(TITLES)


def test_a_card_printed_twice_counts_once() -> None:
    # Over its image (section, title), then beside its excerpt (section, title, excerpt).
    excerpt = "The board heard from parents and teachers before it voted on the plan for the coming year."
    items = [line for title in TITLES for line in ("Island Life", title, "Island Life", title, excerpt)]
    assert related(dump("More from The Harbour Gazette", *items)) == list(TITLES)


def test_each_item_may_end_in_a_read_more_button() -> None:
    excerpt = "Drivers said the late routes had been missed by shift workers since the cuts two years ago."
    items = [line for title in TITLES for line in (title, "March 4, 2024 at 5:10 pm", excerpt, "Read More")]
    assert related(dump("More in Island News", *items)) == list(TITLES)


def test_a_byline_with_a_date_but_no_year_is_no_title() -> None:
    items = [line for title in TITLES for line in (title, "Jonas Weller • Mar 4", "12")]
    assert related(dump("Related", *items)) == list(TITLES)


def test_titles_cut_short_and_titles_printed_before() -> None:
    cut = ["Island school gets a new roof before the winter...", "Night buses return to the harbour district after…"]
    assert related(dump("Related stories", *cut)) == cut
    # The site's most read list above the article printed the same story already.
    page = dump("Related Articles", *TITLES).replace("Sport\n", f"Sport\nMost read\n{TITLES[0]}\n")
    assert related(page) == list(TITLES)


def test_the_article_itself_is_not_its_own_related_story() -> None:
    assert related(dump("More from The Harbour Gazette", HEADLINE, *TITLES)) == list(TITLES)


def test_a_paid_box_is_no_related_list() -> None:
    items = [line for title in TITLES for line in (title, "Sponsor Brand")]
    assert related(dump("You may like", "Ad Sponsor Brand", *items)) == []


def test_labels_before_a_colon() -> None:
    # A word that alone would be a button ("More") heads a list before a colon; so does a short
    # line that opens with a related label. The titles are not the article's text either.
    for label in ("More:", "Related links:"):
        article = newsparse.parse_text(dump(label, *TITLES))
        assert [link.title for link in article.related] == list(TITLES)
        assert not set(TITLES) & set(article.paragraphs)


def test_related_lines_in_the_text_when_no_box_stands_below_it() -> None:
    middle = (f"Related: {TITLES[0]}", PARAGRAPHS[3], f"[Read more: {TITLES[1]}]")
    assert related(dump(middle=middle)) == list(TITLES[:2])
    # A box below the article beats them.
    assert related(dump("Related Articles", TITLES[2], middle=middle)) == [TITLES[2]]


def test_a_footers_last_lines_are_no_related_list() -> None:
    # No label: the page's last headline-like lines are its footer's links, under the copyright.
    footer_links = ("Terms of service for readers", "Accessibility at the Harbour Gazette")
    assert related(dump(*footer_links)) == []
    # Set in from the text, under the comment form, a theme's unlabelled list.
    indented = [f"      {title}" for title in TITLES]
    page = "\n".join(["Harbour News", HEADLINE, *PARAGRAPHS, "Leave a Reply", *indented])
    assert related(page) == list(TITLES)


def test_lists_in_portuguese_russian_and_japanese() -> None:
    portuguese = ["Biblioteca do bairro amplia horário aos sábados", "Feira de artesanato volta à praça central"]
    page = "\n".join(["Prefeitura amplia horário das balsas", *[PROSE["pt"]] * 4, "Artigos relacionados"])
    assert related(page + "\n" + "\n".join(f"* {t}" for t in portuguese)) == portuguese
    russian = ["Паром на остров будет ходить до десяти вечера", "В порту построят новый причал для рыбаков"]
    page = "\n".join(["Паром будет ходить дольше", *[PROSE["ru"]] * 4, "Вам также может быть интересно"])
    assert related(page + "\n" + "\n".join(russian)) == russian
    japanese = ["港の新しい桟橋が来春に完成する見通し", "島の小学校で屋根の改修工事が始まる"]
    prose = "市議会は前日の夜、長い議論の末に港の再開発計画を承認した。工事は来年の春に始まる予定だという。"
    page = "\n".join(["フェリーの運航時間を延長", *[prose] * 4, "関連記事", *japanese])
    assert related(page) == japanese
