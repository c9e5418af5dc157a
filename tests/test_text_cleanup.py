"""Scraper damage in text dumps: mojibake, invisible characters, duplicated lines, cookie banners."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsparse
from conftest import RTL_DUMPS, SEED
from newsparse import Byline
from newsparse.filters.noise import noise_rule
from newsparse.normalize import clean_line
from newsparse.rules import rules_for

SEED_TEXT = (SEED / "input.txt").read_text("utf-8")


def test_mojibake_is_repaired_in_every_line() -> None:
    broken = SEED_TEXT.replace("’", "\u00e2\u20ac\u2122").replace("“", "\u00e2\u20ac\u0153")
    assert "â€™" in broken
    article = newsparse.parse_text(broken)
    assert article.paragraphs == newsparse.parse_text(SEED_TEXT).paragraphs


def test_invisible_characters_and_no_break_spaces() -> None:
    damaged = (
        SEED_TEXT.replace("Armenia", "Arme\u00adnia").replace(" ", "\u00a0", 40).replace("clashes", "cla\u200bshes")
    )
    article = newsparse.parse_text(damaged)
    assert article.headline == "Azerbaijan and Armenia resume armed clashes"
    assert article.paragraphs == newsparse.parse_text(SEED_TEXT).paragraphs


def test_a_duplicated_paragraph_keeps_one_copy() -> None:
    first = "According to a statement issued by Armenia on Tuesday, 15 of its soldiers have been killed"
    line = next(line for line in SEED_TEXT.splitlines() if line.startswith(first))
    doubled = SEED_TEXT.replace(line, f"{line}\n{line}")
    article = newsparse.parse_text(doubled)
    assert article.paragraphs.count(line) == 1
    assert any(r.rule == "noise.duplicate_line" and r.text == line for r in article.removed)


def test_cookie_banner_and_menu_around_the_article_are_dropped() -> None:
    banner = "We use cookies to improve your experience on our website. By browsing, you accept our cookie policy."
    menu = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Culture", "Contact us"])
    article = newsparse.parse_text(f"{menu}\n\n{banner}\n\n{SEED_TEXT}\n\n{menu}\n© 2021 Balochistan Post")
    assert article.headline == "Azerbaijan and Armenia resume armed clashes"
    assert article.paragraphs == newsparse.parse_text(SEED_TEXT).paragraphs
    assert any(r.rule == "noise.cookie_banner" for r in article.removed)


HEADLINE = "Azerbaijan and Armenia resume armed clashes"
AUTHOR_BOX = (
    "Written by Anonymous\n\nAnonymous is a decentralised international activist. "
    "You can become an Anonymous publisher to post news from Balochistan.\n"
)
assert AUTHOR_BOX in SEED_TEXT
SEED_WITHOUT_BOX = SEED_TEXT.replace(AUTHOR_BOX, "")


def _under_headline(lines: str) -> str:
    return SEED_WITHOUT_BOX.replace(HEADLINE + "\n", f"{HEADLINE}\n{lines}\n", 1)


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        ("Sana Baloch\nSeptember 13, 2022", ("Sana Baloch",)),  # Substack, Ghost: the name over the date
        ("September 13, 2022\nSana Baloch", ("Sana Baloch",)),
        ("Sana Baloch 13 September 2022", ("Sana Baloch",)),  # a dated bar without a prefix
        ("13. September 2022 · 4 Min. Lesezeit · Sana Baloch · 12 Kommentare", ("Sana Baloch",)),
    ],
)
def test_a_byline_without_prefix_beside_the_dateline(lines: str, authors: tuple[str, ...]) -> None:
    article = newsparse.parse_text(_under_headline(lines))
    assert article.byline is not None
    assert article.byline.authors == authors
    assert article.published is not None
    assert article.published.isoformat().startswith("2022-09-13")
    assert article.paragraphs == newsparse.parse_text(SEED_TEXT).paragraphs


@pytest.mark.parametrize("lines", ["Home\nWorld\nPolitics", "NEW YORK\nSeptember 13, 2022", "World News\nSeptember 13"])
def test_section_names_and_places_are_not_bylines(lines: str) -> None:
    assert newsparse.parse_text(_under_headline(lines)).byline is None


def test_author_box_in_a_dump_gives_the_bio_and_ends_the_article() -> None:
    bio = "Sana Baloch is a correspondent covering the Caucasus and Central Asia since 2015."
    text = SEED_TEXT.replace(AUTHOR_BOX, f"Sana Baloch\n{bio}\n")
    article = newsparse.parse_text(text)
    assert article.paragraphs == newsparse.parse_text(SEED_TEXT).paragraphs
    assert article.byline == Byline(authors=("Sana Baloch",), bio=bio)


def test_the_site_name_of_the_title_line_is_the_site_not_an_author() -> None:
    byline = "By Sana Baloch, Balochistan Post"
    dump = f"{HEADLINE} | Balochistan Post\n\nHome\nWorld\n\n{_under_headline(byline)}"
    article = newsparse.parse_text(dump)
    assert article.site_name == "Balochistan Post"
    assert article.byline is not None
    assert article.byline.authors == ("Sana Baloch",)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("The Post is free to read. Subscribe to our weekly newsletter to get stories like this.", "noise.newsletter"),
        ("Sign up for our daily newsletter and get the top stories delivered to your inbox.", "noise.newsletter"),
        ("Casualties reported by each side in September. Source: ministries of defence.", "noise.image_credit"),
        ("Support for a ceasefire 41% Against 22% Undecided 37% Vote", "noise.poll"),
        ("Never miss a story: get our daily email, the Valley Ledger Briefing.", "noise.newsletter"),
        ("If you’ve got a story or pictures get in touch with our news desk by emailing us.", "noise.site_notice"),
        ("Sorry, this video isn't available any more.", "noise.site_notice"),
        ("RELATED VIDEO: Ministers meet in Geneva as talks resume", "noise.teaser_link"),
    ],
)
def test_boxes_inside_the_article_are_dropped(line: str, rule: str) -> None:
    paragraphs = newsparse.parse_text(SEED_TEXT).paragraphs
    text = SEED_TEXT.replace(paragraphs[2], f"{paragraphs[2]}\n{line}", 1)
    article = newsparse.parse_text(text)
    assert article.paragraphs == paragraphs
    assert any(r.rule == rule and r.text == line for r in article.removed)


def test_a_shoutbox_heading_closes_the_article_before_its_shouts() -> None:
    paragraphs = newsparse.parse_text(SEED_TEXT).paragraphs
    shouts = (
        "Shoutbox\nLog in or sign up to leave a shout.\n"
        "riverfolk77 Saw them live in a tiny pub last year and it was the best gig I have been to in a decade.\n"
    )
    article = newsparse.parse_text(SEED_TEXT.replace(paragraphs[-1], f"{paragraphs[-1]}\n{shouts}", 1))
    assert article.paragraphs == paragraphs
    assert any(r.rule == "noise.comment_form" and r.text == "Shoutbox" for r in article.removed)


# Invisible direction marks as right-to-left dumps carry them (issue 15): after each sentence,
# or around each line as an embedding or an isolate. They ended every sentence, so no line
# read as prose and the whole article went to `related`.
DIRECTION_MARKS = {
    "rlm-after-sentences": lambda line: line.replace(".", ".\u200f") + "\u200f",
    "lrm-after-sentences": lambda line: line.replace(".", ".\u200e") + "\u200e",
    "embedding": lambda line: f"\u202b{line}\u202c",
    "isolate": lambda line: f"\u2067{line}\u2069",
    "alm-and-override": lambda line: f"\u202e{line}\u061c\u202c",
}


@pytest.mark.parametrize("marks", DIRECTION_MARKS.values(), ids=DIRECTION_MARKS.keys())
@pytest.mark.parametrize("language", RTL_DUMPS.keys())
def test_direction_marks_in_right_to_left_dumps_are_dropped(language: str, marks: Callable[[str], str]) -> None:
    lines = RTL_DUMPS[language]
    plain = newsparse.parse_text("\n".join(lines))
    assert plain.headline == lines[0]
    assert plain.paragraphs == lines[3:]
    marked = newsparse.parse_text("\n".join(marks(line) for line in lines))
    assert (marked.headline, marked.paragraphs, marked.related) == (plain.headline, plain.paragraphs, plain.related)


def test_persian_keeps_its_zero_width_non_joiner() -> None:
    """In Persian the non-joiner is spelling: "می‌خواهم" (I want) is not "میخواهم"."""
    line = RTL_DUMPS["fa"][3]
    assert "\u200c" in line
    assert clean_line(line) == line
    assert clean_line("up\u200cvote") == "upvote"  # between Latin letters it is a tracker's or a typo


def test_an_invisible_character_that_mojibake_stood_for_is_dropped() -> None:
    """ "â€‹" is U+200B read as windows-1252: the repair gave it back after the invisible ones went."""
    assert clean_line("upâ€‹vote and donâ€™t") == "upvote and don’t"


@pytest.mark.parametrize(
    ("language", "line", "credit"),
    [
        ("en", "Firefighters work through the night above the harbour on Sunday. (AP Photo/Lena Ortiz)", True),
        ("en", "Flooded streets of the old town after the storm (EPA)", True),
        ("de", "Demonstranten vor dem Landtag in Schwerin am Samstag (dpa)", True),
        # An abbreviation of the text's own term: an agency is named in its own case.
        ("de", "Das wichtigste Vorhaben des Jahres: Fragen und Antworten zur Patientenakte (ePA)", False),
    ],
)
def test_a_caption_ends_in_an_agency_named_in_its_own_case(language: str, line: str, credit: bool) -> None:
    found = noise_rule(line, rules_for(language))
    assert (found is not None and found[1].rule == "noise.image_credit") is credit


@pytest.mark.parametrize(
    ("line", "counter"),
    [
        ("3/12 Crowds gather outside the town hall on Friday", True),
        ("Image 2 of 5", True),
        ("1/2 cup heavy cream", False),
        ("3/4 teaspoon fine salt", False),
    ],
)
def test_a_fraction_before_its_unit_is_a_quantity_not_a_gallery_counter(line: str, counter: bool) -> None:
    found = noise_rule(line, rules_for("en"))
    assert (found is not None and found[1].rule == "noise.image_credit") is counter


@pytest.mark.parametrize(
    ("line", "language", "rule"),
    [
        (
            "« A compost thermometer, three weeks on | Main | The great slug census of May »",
            "en",
            "noise.site_furniture",
        ),
        ("« Ein Thermometer im Kompost | Hauptseite | Die große Schneckenzählung »", "de", "noise.site_furniture"),
        ("« Ein Thermometer im Kompost | Hauptseite", "de", "noise.site_furniture"),
        ("Article précédent : Les confitures de coings de ma grand-mère", "fr", "noise.teaser_link"),
        ("Next post", "en", "noise.site_furniture"),
        ("Entrada anterior", "es", "noise.site_furniture"),
        ("A compost thermometer, three weeks on was the previous entry in this blog.", "en", "noise.site_notice"),
        ("Listed below are links to weblogs that reference Why my leeks bolted in April:", "en", "noise.site_notice"),
        ("Der Kompost im März ist der vorherige Eintrag in diesem Blog.", "de", "noise.site_notice"),
        (
            "A version of this article appeared July 2, 2013, on page A4 in the U.S. edition with the headline: Ferry"
            " Fares Rise.",
            "en",
            "noise.site_notice",
        ),
        ("Log in or register to post comments", "en", "noise.comment_form"),
        ("« Nous ne lâcherons rien », a lancé la syndicaliste devant la préfecture.", "fr", None),
        ("The next post office to close will be the one on Mill Road, the council said.", "en", None),
    ],
)
def test_a_blogs_pager_and_sidebar_notes_are_noise(line: str, language: str, rule: str | None) -> None:
    """The post's neighbours ("« Older | Main | Newer »", "Previous post: …"), Movable Type's notes
    beside the entry and its trackbacks; prose that quotes in guillemets or says "next post" stays."""
    found = noise_rule(line, rules_for(language))
    assert (found[1].rule if found else None) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        (
            '<a href="https://www.youtube.com/watch?v=Qw7" rel="nofollow"><img src="https://img.example.com/q.jpg"/></a>',
            "noise.markup",
        ),
        (
            "&amp;lt;iframe src=&quot;https://player.example.com/embed/41&quot; width=&quot;600&quot;&amp;gt;",
            "noise.markup",
        ),
        ("<The Lantern Keeper: Tale of a Harbour Town> airs on Mondays at nine, the network said.", None),
        ("<3 to everyone who came to the market on Sunday, see you next month.", None),
    ],
)
def test_an_embeds_markup_printed_as_text_is_noise(line: str, rule: str | None) -> None:
    """A CMS that printed an embed's code shows a tag with its attributes; a title in angle
    brackets or a heart is text."""
    found = noise_rule(line, rules_for("en"))
    assert (found[1].rule if found else None) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("harbourlights liked this", "noise.notes"),
        ("tidepool-notes reblogged this from harbourlights and added:", "noise.notes"),
        ("oyster.bay liked this kelpforest reblogged this from harbourlights", "noise.notes"),
        ("harbourlights posted this", "noise.notes"),
        ("Everyone liked this idea, and the council voted for it on Monday.", None),
        ("Nobody posted this", None),
    ],
)
def test_a_blogs_notes_close_the_post(line: str, rule: str | None) -> None:
    """Tumblr's notes (likes and reblogs, blog names in lower case) close the post; a sentence
    saying someone liked something is text."""
    found = noise_rule(line, rules_for("en"))
    assert (found[1].rule if found else None) == rule
    assert found is None or found[0].closes_article


@pytest.mark.parametrize(
    ("line", "language", "rule"),
    [
        (
            "Sign-up to the Window Box Weekly newsletter and you will get the herb guide for free.",
            "en",
            "noise.newsletter",
        ),
        ("Click here to sign up for Morning Brief emails.", "en", "noise.newsletter"),
        ("Let us slide into your inbox. Sign up for the Daily Chime weekend email.", "en", "noise.newsletter"),
        (
            "Abonnieren Sie den monatlichen Newsletter des Vereins, damit Sie nichts verpassen.",
            "de",
            "noise.newsletter",
        ),
        ("Inscrivez-vous à la newsletter du Courrier pour recevoir l'essentiel.", "fr", "noise.newsletter"),
        ("Suscríbete al boletín y recibe las noticias de la comarca.", "es", "noise.newsletter"),
        ("Part of complete coverage on", "en", "noise.most_read"),
        ("Connect With Us on Twitter", "en", "noise.share"),
        (
            "Connecting helps us make signing up quick and easy. We'll never post without your permission.",
            "en",
            "noise.site_notice",
        ),
        (
            "© Jane Doe. Licensed to this site only. Please do not reproduce it without permission.",
            "en",
            "noise.site_notice",
        ),
        (
            "Texte und Fotos: Kleingartenverein – Nachdruck nur mit Genehmigung des Vorstands.",
            "de",
            "noise.site_notice",
        ),
        # The name a gap stands for is a few words: a longer run is prose that mentions an email.
        ("Sign up for the Disney bundle using the same email as your streaming account", "en", None),
        ("You can also subscribe to this newsletter here, just tick the box in your settings.", "en", None),
    ],
)
def test_calls_to_sign_up_by_name_and_site_notices_are_noise(line: str, language: str, rule: str | None) -> None:
    """A newsletter named in its call ("Sign up for the … newsletter", " … " in the vocabulary
    standing for one to three words), a social sign-in's promise, a licence's ban on copies."""
    found = noise_rule(line, rules_for(language))
    assert (found[1].rule if found else None) == rule


@pytest.mark.parametrize(
    ("line", "language", "rule"),
    [
        ("More galleries", "en", "noise.related_label"),
        ("Weitere Bildergalerien", "de", "noise.related_label"),
        ("Más galerías", "es", "noise.related_label"),
        ("Plus de vidéos", "fr", "noise.related_label"),
        ("More videos are coming from the festival this week.", "en", None),
    ],
)
def test_a_gallery_pages_more_galleries_heading_closes_the_article(line: str, language: str, rule: str | None) -> None:
    """Gallery and video pages head their teaser lists by the medium ("More galleries"); a
    sentence that opens with the same words is text."""
    found = noise_rule(line, rules_for(language))
    assert (found[1].rule if found else None) == rule
    assert found is None or found[0].closes_article
