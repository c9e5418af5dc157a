"""Related links through the HTML door: which of a page's boxes of links is the article's own.

The fixture pages (``tests/fixtures/html-related-boxes-*``) are whole pages of four CMS families
in four languages; the small pages built here each isolate one rule: where a box stands against
the article, what labels it, and which of its links are teasers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import newsparse
from conftest import FIXTURES
from newsparse.fields.related import _RECIRCULATION, _recirculation, html_related, label_strength
from newsparse.rules import rules_for
from newsparse.sources.html import html_page
from newsparse.sources.xpath import elements

BOX_FIXTURES = sorted(FIXTURES.glob("html-related-boxes-*"))
SITE = "https://www.harbourgazette.example"

PARAGRAPHS = (
    "The harbour board voted on Tuesday to extend the evening ferry service to the island until ten o'clock.",
    "Staff told the board that ridership after seven in the evening had grown by a third since the spring.",
    "Two members voted against the change, arguing that the crews were already working too many late shifts.",
    "The longer service will start on the first Monday of March and will be reviewed again in the autumn.",
    "Fares will not change, and the last crossing will still wait for the final train from the city.",
    "Residents of the island have asked for later crossings for years, the board chair said after the vote.",
)


def _story(slug: str) -> str:
    return f"{SITE}/news/2024/03/{slug}/"


def _teasers(*titles: str, tag: str = "li") -> str:
    """A list of teaser items, each an image link, a section link and a title link."""
    items = []
    for title in titles:
        url = _story(title.lower().replace(" ", "-"))
        items.append(
            f'<{tag} class="teaser"><a href="{url}"><img src="/i.jpg" alt=""></a>'
            f'<a class="kicker" href="{SITE}/news/">News</a><h3><a href="{url}">{title}</a></h3></{tag}>'
        )
    return f"<ul>{''.join(items)}</ul>"


def _page(
    *, top: str = "", middle: str = "", end: str = "", below: str = "", rail: str = "", main_class: str = ""
) -> str:
    """An article page: ``top`` opens the text, ``middle`` stands between its paragraphs,
    ``end`` after them inside the <article>, ``below`` after the <article>, ``rail`` beside it."""
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[3:])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Evening ferry service extended to ten o'clock | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<link rel="canonical" href="{_story("evening-ferry-extended")}"></head>
<body><nav class="site-nav"><a href="{SITE}/news/">News</a> <a href="{SITE}/sport/">Sport</a></nav>
<main class="{main_class}"><div class="main-column">
<article class="story"><h1>Evening ferry service extended to ten o'clock</h1>
<div class="story-body">{top}{first}{middle}{rest}</div>{end}</article>
{below}</div>{rail}</main>
<footer class="site-footer"><a href="{SITE}/about/privacy-policy/">Privacy Policy and Data Protection</a></footer>
</body></html>"""


def _related(markup: str) -> list[str]:
    return [link.title for link in newsparse.parse_html(markup).related]


# --- The fixture pages ------------------------------------------------------------------------


def test_the_box_fixtures_cover_several_languages() -> None:
    languages = {json.loads((f / "expected.json").read_text("utf-8"))["language"] for f in BOX_FIXTURES}
    assert len(BOX_FIXTURES) >= 4
    assert len(languages) >= 3, languages


@pytest.mark.parametrize("folder", BOX_FIXTURES, ids=lambda f: f.name)
def test_the_fixture_page_gives_its_related_box(folder: Path) -> None:
    expected = json.loads((folder / "expected.json").read_text("utf-8"))["related"]
    article = newsparse.parse_html(folder / "input.html")
    assert [{"title": link.title, "url": link.url} for link in article.related] == expected
    assert expected, "each box fixture has a related list"


# --- Where a box stands -----------------------------------------------------------------------

PIER, BUOYS = "Pier repairs start in May", "New buoys mark the channel"


def _box(opening: str, *titles: str, closing: str = "</section>", tag: str = "li") -> str:
    """A box: its opening markup (a label), then a list of teasers."""
    return opening + _teasers(*titles, tag=tag) + closing


def _link(slug: str, title: str, attributes: str = "") -> str:
    return f'<a {attributes} href="{_story(slug)}">{title}</a>'


def test_a_box_below_the_article_beats_a_labelled_sidebar() -> None:
    below = _box('<section class="more"><h2>More in Harbour</h2>', PIER, BUOYS)
    rail = _box('<aside class="right-rail"><h3>Related Coverage</h3>', "Council budget hearings", closing="</aside>")
    assert _related(_page(below=below, rail=rail)) == [PIER, BUOYS]


def test_a_layout_named_for_its_sidebar_does_not_hide_the_article_boxes() -> None:
    """'l-sidebar-fixed' holds the article itself: it is a layout, not a sidebar."""
    below = _box("<section><h2>Related stories</h2>", PIER, BUOYS)
    assert _related(_page(below=below, main_class="l-sidebar-fixed")) == [PIER, BUOYS]


def test_a_box_at_the_end_of_the_article_beats_one_further_down() -> None:
    end = _box('<div class="relatedContent">', "Island school gets a roof", "Crews to be retrained", closing="</div>")
    below = _box("<section><h2>Related stories</h2>", PIER)
    assert _related(_page(end=end, below=below)) == ["Island school gets a roof", "Crews to be retrained"]


def test_one_next_story_after_the_text_gives_way_to_a_list_inside_it() -> None:
    top = _box('<div class="inline-related"><h4>More on this story</h4>', "Timetable for March", "How it began")
    below = f'<div class="read-next"><p>Read next</p><p>{_link("storm", "Storm closes the pier for a day")}</p></div>'
    assert _related(_page(top=top, below=below)) == ["Timetable for March", "How it began"]


def test_teaser_lines_inside_the_text_give_way_to_a_box_after_it() -> None:
    line = f"<p><strong>Related:</strong> {_link('fares-2023', 'Ferry fares were frozen for 2023')}</p>"
    below = _box("<section><h2>You may also like</h2>", PIER, BUOYS)
    assert _related(_page(middle=line)) == ["Ferry fares were frozen for 2023"]
    assert _related(_page(middle=line, below=below)) == [PIER, BUOYS]


def test_a_label_and_colon_before_a_link_in_one_line_is_a_teaser() -> None:
    line = f"<p><b>[Related: {_link('island-buses', 'Island buses will meet every ferry')}]</b></p>"
    assert _related(_page(middle=line)) == ["Island buses will meet every ferry"]


# --- What labels a box, and what labels nothing -----------------------------------------------


def test_a_label_drawn_as_an_image_labels_the_box_after_it() -> None:
    header = '<div class="component-header"><h2><img src="/img/header_related.svg" alt="Related"></h2></div>'
    below = header + _box('<section class="cards">', PIER, BUOYS, tag="div")
    assert _related(_page(below=below)) == [PIER, BUOYS]


def test_more_and_the_site_name_is_a_more_from_label() -> None:
    header = '<div class="column"><h5><span>More</span> The Harbour Gazette</h5></div>'
    assert _related(_page(below=header + _box('<div class="list">', PIER, BUOYS, closing="</div>"))) == [PIER, BUOYS]


def test_a_label_over_an_empty_script_slot_takes_nothing_further_down() -> None:
    """No 'View the discussion thread', no footer line: the slot is the box, and it is empty."""
    slot = '<section><h2>You may also like</h2><div class="field"><div id="w-124"></div></div></section>'
    thread = '<a href="https://harbourgazette.disqus.com/">View the discussion thread.</a>'
    comments = f'<section class="comments"><div id="disqus_thread"><noscript><p>{thread}</p></noscript></div></section>'
    assert _related(_page(below=slot + comments)) == []


def test_a_read_more_expander_takes_no_link_of_the_text() -> None:
    prose = (
        '<div class="read-more-link">Read More</div><p>Board members said the change '
        + _link("crew-shifts", "follows a report on crew shifts published last year")
        + " and a long campaign by island residents, who had collected two thousand signatures.</p>"
    )
    assert _related(_page(middle=prose)) == []


def test_a_subheading_of_the_text_labels_no_links_further_down() -> None:
    """'Up next' over the next fixture's date is prose, not a teaser list."""
    end = "<p>UP NEXT</p><p>The board meets again on the first Monday of March at the town hall.</p>"
    assert _related(_page(end=end, below=_box('<div class="promo">', PIER, BUOYS, closing="</div>"))) == []


def test_a_box_marked_as_paid_is_no_related_list() -> None:
    offer = '<a href="https://offers.example.net/mattress-deal-2024">The mattress everyone is buying this spring</a>'
    mark = '<a class="ad-label" href="https://ads.example.net/about">Ad</a>'
    below = f'<div class="partner"><h3>You may like</h3>{mark}<ul><li>{offer}</li></ul></div>'
    assert _related(_page(below=below)) == []


def test_the_site_s_trending_list_is_not_related_though_its_class_says_recirculation() -> None:
    below = _box('<div class="content-recirculation"><h4>Trending News</h4>', "Lottery winner found", "New bistro")
    assert _related(_page(below=below)) == []


@pytest.mark.parametrize(
    "where",
    [
        lambda page: page,
        lambda page: page.replace("<head>", '<head><meta class="recirc-meta" name="section" content="news">'),
        lambda page: page.replace('<html lang="en">', '<html lang="en" class="recirc-enabled">'),
    ],
    ids=["in the body only", "in the head too", "on the root too"],
)
def test_recirculation_elements_are_the_whole_document_s(where: Callable[[str], str]) -> None:
    """The "recirc" elements that the landmarks walk collects in passing stand for the whole
    document's only where the parts it skips (the root, the <head>) hold none."""
    box = _box('<div class="recirc-module"><h4>More from the harbour</h4>', PIER, BUOYS, closing="</div>")
    page = html_page(where(_page(below=box)))
    assert page.tree is not None
    found = _recirculation(page.tree, page.landmarks)
    assert found == elements(_RECIRCULATION, page.tree)
    assert [e.get("class") for e in found][-1] == "recirc-module"


def test_previous_and_next_post_links_are_no_related_list() -> None:
    previous = _link("harbour-dues", "Previous article: Harbour dues to rise", 'class="nav-previous" rel="prev"')
    following = _link("lifeboat-day", "Next article: Lifeboat open day returns", 'class="nav-next" rel="next"')
    assert _related(_page(end=f'<nav class="post-navigation"><h2>More stories</h2>{previous}{following}</nav>')) == []


def test_tag_section_and_home_links_are_no_teasers() -> None:
    hubs = [f"{SITE}/tag/harbour-board/", f"{SITE}/island", f"{SITE}/"]
    items = "".join(f'<li><a href="{url}">Harbour board and island news</a></li>' for url in hubs)
    below = f"<section><h2>Related articles</h2><ul>{items}<li>{_link('pier-repairs', PIER)}</li></ul></section>"
    assert _related(_page(below=below)) == [PIER]


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("Related posts", 3),
        ("You may also be interested in...", 3),
        ("More from Priya Raman", 2),
        ("Related coverage from How to Do Everything", 2),
        ("More:", 2),
        ("Next:", 0),
        ("More", 0),
        ("Most read", 0),
    ],
)
def test_label_strength(text: str, strength: int) -> None:
    assert label_strength(text, rules_for("en"), site=None) == strength


def test_labels_in_other_languages() -> None:
    assert label_strength("Você pode gostar...", rules_for("pt"), site=None) == 3
    assert label_strength("Ähnliche Artikel", rules_for("de"), site=None) == 3
    assert label_strength("À lire aussi", rules_for("fr"), site=None) == 3


def test_long_runs_of_siblings_take_linear_time() -> None:
    """Sibling axes in XPath are quadratic on long lists: 20,000 labelled links and images."""
    crowd = "x: <a href='/a'>link</a>" * 20_000 + "<img alt='Related'>" * 20_000
    page = html_page(_page(below=f"<div>{crowd}</div>"))
    start = time.perf_counter()
    html_related(page, rules_for("en"), paragraphs=PARAGRAPHS)
    assert time.perf_counter() - start < 3


# --- a page read without its address: relative links are still the related stories ---

NO_ADDRESS = """<html lang="en"><head><title>Ferry timetable changes for winter</title></head><body>
<article><h1>Ferry timetable changes for winter</h1>
<p>The island ferry will run four crossings a day instead of six from November, the operator said on
Monday, after a summer in which the early and late boats carried only a handful of passengers.</p>
<p>Commuters who rely on the first boat of the day will still have a crossing before eight in the
morning, but the last return trip moves from ten at night to half past eight.</p>
<h3>Related stories</h3><ul>
<li><a href="/news/harbour-dredging-begins">Harbour dredging begins after two years of delays</a></li>
<li><a href="../news/new-ferry-launch">A new hybrid ferry is launched at the northern yard</a></li>
<li><a href="javascript:void(0)">Load more stories from the islands</a></li>
</ul></article></body></html>"""


def test_a_page_read_without_its_address_gives_its_related_titles_without_urls() -> None:
    related = newsparse.parse_html(NO_ADDRESS).related
    assert [r.title for r in related] == [
        "Harbour dredging begins after two years of delays",
        "A new hybrid ferry is launched at the northern yard",
    ]
    assert all(r.url is None for r in related)  # a result's URLs are absolute, or none


def test_the_same_page_with_its_address_gives_absolute_urls() -> None:
    related = newsparse.parse_html(NO_ADDRESS, url="https://islands.example/news/ferry-winter").related
    assert [r.url for r in related] == [
        "https://islands.example/news/harbour-dredging-begins",
        "https://islands.example/news/new-ferry-launch",
    ]
