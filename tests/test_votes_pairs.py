"""Votes on HTML pages: the article's own count, exactly as shown, and no count at all where the
page shows only other things' scores. A like/dislike pair is two numbers, the likes being the
score; a main column that a sticky-sidebar script also calls "sidebar" is still the article; a
review's rating, a teaser card's score, a poll's answers and a results table are no article's
votes. Invented pages in English, German, French, Spanish, Italian, Polish and Russian."""

from __future__ import annotations

import pytest

import newsparse
from conftest import PROSE

HEADLINE = "Harbour plan approved after long debate"


def page(language: str, own: str = "", *, before: str = "", after: str = "", wrap: str = "{}") -> str:
    """An article page: ``own`` under the article's text, ``before`` and ``after`` it in the
    page, the article and ``own`` in the ``wrap`` template's "{}"."""
    prose = f"<p>{PROSE[language]} {PROSE[language]}</p>"
    article = f'<article class="post type-post"><h1 class="entry-title">{HEADLINE}</h1>{prose * 3}{own}</article>'
    return (
        f'<html lang="{language}"><head><title>{HEADLINE}</title></head><body>'
        f'<header class="site-header"><a href="/">Harbour Daily</a></header>'
        f"{before}{wrap.format(article)}{after}</body></html>"
    )


def votes(html: str) -> newsparse.VoteCount | None:
    return newsparse.parse_html(html, url="https://harbour.example/news/plan").votes


# --- a like widget with a dislike count beside it is two numbers: the likes are the score ---


@pytest.mark.parametrize(("language", "likes", "dislikes"), [("en", 55, 3), ("ru", 120, 7), ("es", 9, 14)])
def test_like_and_dislike_side_by_side_are_not_one_number(language: str, likes: int, dislikes: int) -> None:
    # The two links touch: the widget's text reads "553", "1207", "914".
    widget = (
        '<div class="story-likes js-rate">'
        f'<a href="/api/rate/?story=8812&amp;value=1" class="story-likes__up js-rate-up">{likes}</a>'
        f'<a href="/api/rate/?story=8812&amp;value=-1" class="story-likes__down js-rate-down">{dislikes}</a>'
        "</div>"
    )
    assert votes(page(language, widget)) == newsparse.VoteCount(likes, str(likes), "likes")


@pytest.mark.parametrize(
    ("language", "like", "dislike"), [("es", "Me gusta", "No me gusta"), ("fr", "J’aime", "Je n’aime pas")]
)
def test_a_dislike_count_first_in_the_page_is_not_the_score(language: str, like: str, dislike: str) -> None:
    widget = (
        '<div class="post-reactions">'
        f'<button class="reaction reaction--dislike" aria-label="{dislike}">'
        '<span class="dislike-count">3</span></button>'
        f'<button class="reaction reaction--like" aria-label="{like}">55</button>'
        "</div>"
    )
    assert votes(page(language, widget)) == newsparse.VoteCount(55, "55", "likes")


def test_a_widget_of_old_reddit_states_still_gives_the_middle_one() -> None:
    # "dislikes" here is the state after a down-vote, not a dislike count.
    widget = (
        '<div class="midcol unvoted"><div class="score dislikes">1,233</div>'
        '<div class="score unvoted">1,234</div><div class="score likes">1,235</div></div>'
    )
    assert votes(page("en", widget)) == newsparse.VoteCount(1234, "1,234", "score")


# --- a "sidebar" that holds the article's <h1> wraps the main column: its like button counts ---

STICKY = '<div class="site-container theme_sidebar"><div id="main"><div class="theiaStickySidebar">{}</div></div></div>'


def _blog_footer(count: int, comments: str, like: str) -> str:
    return (
        f'<div class="post-footer"><span class="comment-count">{comments}</span><div class="post-share">'
        f'<span class="post-share-item"><span class="count-number-like">{count}</span>'
        f'<a class="post-like-button" data-post_id="3391" title="{like}"><i class="icon-heart"></i></a></span>'
        '<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a></div></div>'
    )


# A left sidebar, first in the page, with a like count of its own: a sidebar's, not the article's.
LEFT_SIDEBAR = (
    '<aside id="sidebar" class="sidebar-left"><div class="theiaStickySidebar"><div class="post-of-the-week">'
    '<a href="/news/lighthouse">Lighthouse keeper retires</a> <span class="like-count">12</span></div></div></aside>'
)


@pytest.mark.parametrize(
    ("language", "count", "comments", "like"),
    [("en", 0, "1 comment", "Like"), ("de", 1, "2 Kommentare", "Gefällt mir"), ("fr", 4, "3 commentaires", "J'aime")],
)
def test_a_like_button_in_a_sticky_main_column_counts(language: str, count: int, comments: str, like: str) -> None:
    html = page(language, _blog_footer(count, comments, like), before=LEFT_SIDEBAR, wrap=STICKY)
    assert votes(html) == newsparse.VoteCount(count, str(count), "likes")


def test_a_real_sidebars_count_is_still_not_the_articles() -> None:
    assert votes(page("en", before=LEFT_SIDEBAR, wrap=STICKY)) is None


# --- another story's teaser, and a review's rating, are no article's score ---


def _card(slug: str, title: str, meta: str = "") -> str:
    return (
        f'<article class="content-card"><div class="card-thumb"><a href="/news/{slug}">'
        f'<img src="/img/{slug}.jpg" alt=""></a></div>'
        f'<h3 class="card-title"><a href="/news/{slug}">{title}</a></h3>{meta}</article>'
    )


@pytest.mark.parametrize(
    ("language", "points"), [("en", "1.2k points"), ("it", "1,2k punti"), ("pl", "1,2 tys. punktów")]
)
def test_a_teaser_cards_score_is_not_the_articles(language: str, points: str) -> None:
    meta = f'<p class="card-meta"><span class="points">{points}</span></p>'
    cards = _card("ferry-timetable", "Ferry timetable changes for the winter season")
    cards += _card("dock-strike", "Dock workers vote on new contract", meta)
    before = f'<section class="more-stories">{cards}</section>'
    assert votes(page(language, before=before)) is None
    # The article's own widget, later in the page, is the score.
    own = '<div class="post-vote"><span class="post-score">Score: 42</span></div>'
    assert votes(page(language, own, before=before)) == newsparse.VoteCount(42, "Score: 42", "score")


def _verdict(box: str, score: str) -> str:
    return (
        f'<div class="{box}"><figure class="{score} hexagon"><span class="hexagon-value">8</span></figure>'
        '<p class="verdict-word">Great</p></div>'
    )


def test_a_review_score_is_a_rating_not_a_vote() -> None:
    assert votes(page("en", _verdict("review-box", "review-score"))) is None
    assert votes(page("en", _verdict("verdict-box", "review-score"))) is None
    # The same hexagon named as the post's score is the page's score.
    assert votes(page("en", _verdict("verdict-box", "post-score"))) == newsparse.VoteCount(8, "8", "score")


# --- several short items alike, each with its own count: poll answers, a results table ---


def _poll(answers: list[tuple[str, str]], total: str = "") -> str:
    items = "".join(
        f'<li class="poll__answer"><span class="poll__label">{label}</span>'
        f'<span class="poll__percent">%</span><span class="poll__votes">{count}</span></li>'
        for label, count in answers
    )
    footer = f'<div class="poll__total">{total}</div>' if total else ""
    question = '<h3 class="poll__title">Which first?</h3>'
    return f'<div class="poll-block">{question}<ul class="poll__answers">{items}</ul>{footer}</div>'


@pytest.mark.parametrize(
    ("language", "answers"),
    [
        ("ru", [("Мост", "165 голосов"), ("Паром", "250 голосов"), ("Тоннель", "61 голос")]),
        ("es", [("Puente", "165 votos"), ("Ferri", "250 votos"), ("Túnel", "61 votos")]),
        ("en", [("Bridge", "165 votes"), ("Ferry", "250 votes"), ("Tunnel", "61 votes")]),
    ],
)
def test_a_polls_answers_are_not_the_articles_votes(language: str, answers: list[tuple[str, str]]) -> None:
    assert votes(page(language, _poll(answers))) is None


def test_a_polls_total_under_its_answers_is_its_count() -> None:
    answers = [("Puente", "165 votos"), ("Ferri", "250 votos"), ("Túnel", "61 votos")]
    assert votes(page("es", _poll(answers, total="476 votos"))) == newsparse.VoteCount(476, "476 votos", "votes")


def test_a_results_table_is_not_a_score() -> None:
    rows = "".join(
        f'<tr class="match"><td class="team">{home}</td><td class="team-score">{a}</td>'
        f'<td class="team-score">{b}</td><td class="team">{away}</td></tr>'
        for home, a, b, away in [("Sparta", 3, 1, "Orzeł"), ("Unia", 2, 2, "Polonia"), ("Stal", 0, 3, "Włókniarz")]
    )
    assert votes(page("pl", f'<table class="live-results">{rows}</table>')) is None


def test_a_comment_count_beside_a_like_count_is_no_poll() -> None:
    # The buttons share their classes; the comment count is no score, so the like count is alone.
    def button(icon: str, count: int, extra: str = "") -> str:
        return (
            f'<a class="action-button" {extra}><i class="icon {icon}"></i>'
            f'<div class="bubble"><div class="bubble-number"{" id=like_count" if extra else ""}>{count}</div></div></a>'
        )

    bar = f'<div class="action-bar">{button("icon-comments", 3)}{button("icon-thumbs-up", 6, "title=Gefällt")}</div>'
    assert votes(page("de", bar)) == newsparse.VoteCount(6, "6", "likes")
