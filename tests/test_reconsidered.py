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


# A WordPress photo post: the picture is the article; under the headline only the byline
# line, a credit, the share bar, the pager to the neighbouring posts and the comment form.
PHOTO_POST = """<!DOCTYPE html>
<html lang="pt-BR"><head><meta charset="UTF-8">
<title>Pôr do sol no Guaíba | Diário de Bordo</title>
<meta property="og:title" content="Pôr do sol no Guaíba"></head>
<body class="single single-post">
<div id="header"><a href="/">Diário de Bordo</a></div>
<div id="content"><div class="post hentry">
<h2 class="entry-title"><a href="/2023/03/14/por-do-sol-no-guaiba/" rel="bookmark">Pôr do sol no Guaíba</a></h2>
<p class="postmetadata">por <a href="/author/marta/">Marta Siqueira</a> em 14 de março de 2023</p>
<div class="entry-content">
<p><img src="/fotos/guaiba-por-do-sol.jpg" alt="" width="900" height="600"></p>
<p>Foto: Marta Siqueira</p>
<div class="sharedaddy"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
</div>
<div class="navigation">
<div class="alignleft">Previous post: <a href="/2023/03/12/mercado-publico/">Mercado Público</a></div>
<div class="alignright">Next post: <a href="/2023/03/16/chuva-na-redencao/">Chuva na Redenção</a></div></div>
<div id="respond"><h3>Deixe um comentário</h3>
<form><label>Nome (obrigatório)</label><input name="author"></form></div>
</div></div>
<div id="footer"><p>Diário de Bordo — fotografia de rua desde 2009</p></div>
</body></html>"""

# A video page of a German regional broadcaster: the player, the title, the date and a
# duration; the player's text is out of reach.
VIDEO_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Hochwasser an der Mosel: Bilder aus Cochem - Video - Westwelle</title>
<meta property="og:title" content="Hochwasser an der Mosel: Bilder aus Cochem"></head>
<body><nav class="main-nav"><a href="/">Startseite</a> <a href="/video">Video</a></nav>
<main id="main"><section class="video-detail">
<div class="player" data-src="/media/hochwasser-cochem.mp4"></div>
<h1>Hochwasser an der Mosel: Bilder aus Cochem</h1>
<p class="meta">Stand: 05.01.2024, 18:30 Uhr</p>
<ul class="share"><li><a href="#">Teilen</a></li><li><a href="#">Link kopieren</a></li></ul>
</section></main>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>"""


def test_a_photo_post_keeps_its_short_lines_as_the_body() -> None:
    article = newsparse.parse_html(PHOTO_POST)
    assert article.headline == "Pôr do sol no Guaíba"
    # The headline and the byline line, as the extractor found them; the pager's titles not.
    assert " ".join(article.paragraphs) == "Pôr do sol no Guaíba por Marta Siqueira em 14 de março de 2023"
    reconsidered = [r for r in article.removed if r.rule == "layout.reconsidered"]
    assert len(reconsidered) == 1
    assert reconsidered[0].detail.startswith("no prose under the headline")


def test_a_video_page_keeps_its_title_and_date_line() -> None:
    article = newsparse.parse_html(VIDEO_PAGE)
    assert article.paragraphs[0] == "Hochwasser an der Mosel: Bilder aus Cochem"
    assert "Stand: 05.01.2024, 18:30 Uhr" in article.paragraphs
    assert not any(p in {"Teilen", "Link kopieren", "Impressum", "Startseite"} for p in article.paragraphs)
    assert any(r.rule == "layout.reconsidered" for r in article.removed)


# An interstitial saved in place of the story: an ad and its countdown, nothing else.
INTERSTITIAL = """<html><head><title></title>
<script>setTimeout("location.href = 'https://news.example.org/story'", 10000);</script></head>
<body><table><tr><td><div id="clicker">
<div style="text-align:right"><a href="https://news.example.org/story"><img src="/close.png"></a></div>
<div class="time"><p><span id="timeCountdown">5</span> Sekunden</p></div>
<div id="pub"><a href="https://ads.example.net/c/1"><img src="https://ads.example.net/i/1.gif"></a></div>
</div></td></tr></table></body></html>"""


def test_a_page_without_an_article_gives_back_what_it_shows() -> None:
    """No line holds prose, so no article end can be found: what the page shows is the body,
    recorded, rather than an empty body where every other extractor gives the text."""
    article = newsparse.parse_html(INTERSTITIAL)
    assert " ".join(article.paragraphs).endswith("Sekunden")
    assert any(r.rule == "layout.reconsidered" for r in article.removed)
