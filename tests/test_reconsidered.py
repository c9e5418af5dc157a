"""When the layout's place rules would empty the body, the extractor's text is reconsidered:
kept, and the reconsideration recorded (issue 14: no single rule decides alone to delete all
that the main-content extraction found)."""

from __future__ import annotations

import newsparse

# A sponsored article: its text sits in a container named for the sponsorship, which the
# boilerplate boxes (ads, promos, sponsors) name too.
SPONSORED = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Winter tyres: when to change and what to check | Roadside Weekly</title>
<meta property="og:title" content="Winter tyres: when to change and what to check"></head>
<body><header class="masthead"><a href="/">Roadside Weekly</a>
<nav><a href="/news">News</a> <a href="/reviews">Reviews</a></nav></header>
<main><article class="post">
<header class="entry-header"><h1 class="entry-title">Winter tyres: when to change and what to check</h1>
<p class="sponsor-note">Paid partnership with a tyre retailer</p></header>
<div class="entry-content sponsored-content">
<p>Most drivers wait for the first frost before they think about winter tyres, but the rubber
of a summer tyre already hardens below seven degrees and grips the road less well.</p>
<p>Check the tread depth with a coin before the season starts: below four millimetres a winter
tyre loses much of its grip on snow and slush, whatever the legal minimum says.</p>
<p>Tyres older than six years should be replaced even if the tread looks fine, since the
compound ages and cracks from the inside.</p>
</div></article></main>
<footer><p>© 2024 Roadside Weekly</p></footer></body></html>"""

# A page of nothing but menus and buttons: no prose to give back.
MENUS = """<!DOCTYPE html><html lang="en"><head><title>Sitemap | Roadside Weekly</title></head><body>
<div class="promo-bar"><a href="/news">News</a> <a href="/reviews">Reviews</a> <a href="/deals">Deals</a></div>
<div class="sponsor-strip"><a href="/tyres">Tyres</a> <a href="/batteries">Batteries</a></div>
</body></html>"""


def test_a_story_in_a_box_named_like_boilerplate_keeps_its_text() -> None:
    article = newsparse.parse_html(SPONSORED)
    assert article.headline == "Winter tyres: when to change and what to check"
    assert any(p.startswith("Most drivers wait for the first frost") for p in article.paragraphs)
    assert article.paragraphs[-1].startswith("Tyres older than six years")
    reconsidered = [r for r in article.removed if r.rule == "layout.reconsidered"]
    assert len(reconsidered) == 1
    assert "would have left no body" in reconsidered[0].detail
    assert not any(r.rule == "boilerplate.box" for r in article.removed)


def test_a_page_of_menus_gets_no_body_back() -> None:
    article = newsparse.parse_html(MENUS)
    assert article.paragraphs == ()
    assert not any(r.rule == "layout.reconsidered" for r in article.removed)
