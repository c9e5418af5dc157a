"""HTML metadata: JSON-LD, OpenGraph, microdata, rel=author, <time> and the visible byline,
as CMSs write them, read through the public door and through ``read_meta``."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import newsparse
from newsparse.page import Meta
from newsparse.sources.html import parse_page_tree
from newsparse.sources.metadata import read_meta

URL = "https://www.northern-daily.example/news/2024/03/05/council-approves-budget/"
HEADLINE = "Council approves two-year budget with money for road repairs"

EN_PARAGRAPHS = (
    "The city council voted on Tuesday night to approve a two-year budget that sets aside money for road "
    "repairs, longer library hours and a pilot program for electric buses on the busiest routes.",
    "Council members debated the plan for more than three hours before the final vote, which passed seven "
    "to two after an amendment moved funds from a new parking garage to affordable housing.",
    "The mayor said she would sign the budget later this week, and that work on the first road projects "
    "could begin as soon as the ground thaws in the spring.",
)
DE_HEADLINE = "Stadtrat beschließt Haushalt mit mehr Geld für Straßen"
PT_HEADLINE = "Câmara aprova orçamento com mais dinheiro para estradas"
DE_PARAGRAPHS = (
    "Der Stadtrat hat am Dienstagabend mit großer Mehrheit einen Haushalt für die nächsten zwei Jahre "
    "beschlossen, der vor allem mehr Geld für die Sanierung von Straßen und Brücken vorsieht.",
    "Die Debatte dauerte mehr als drei Stunden, weil die Opposition einen Teil der Mittel lieber in den "
    "Bau von bezahlbaren Wohnungen stecken wollte, als ein neues Parkhaus zu bauen.",
    "Die Oberbürgermeisterin kündigte an, den Haushalt noch in dieser Woche zu unterschreiben, damit die "
    "ersten Bauarbeiten im Frühjahr beginnen können, sobald der Boden nicht mehr gefroren ist.",
)
PT_PARAGRAPHS = (
    "A câmara municipal aprovou na noite de terça-feira um orçamento para os próximos dois anos que prevê "
    "mais dinheiro para a reparação de estradas e para o alargamento do horário das bibliotecas.",
    "O debate durou mais de três horas, porque a oposição queria que uma parte das verbas fosse usada na "
    "construção de habitação a preços acessíveis e não num novo parque de estacionamento.",
    "A presidente da câmara disse que vai assinar o orçamento ainda esta semana, para que as primeiras "
    "obras possam começar na primavera, assim que o tempo o permitir.",
)


def ld(data: object) -> str:
    """A JSON-LD script as a CMS writes it."""
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def page(
    head: str = "",
    header: str = f"<h1>{HEADLINE}</h1>",
    *,
    lang: str | None = "en-US",
    paragraphs: tuple[str, ...] = EN_PARAGRAPHS,
    before: str = "",
) -> str:
    """A small article page: ``head`` in <head>, ``header`` above the body paragraphs of the <article>,
    ``before`` in the site header ahead of the <main>."""
    lang_attr = f' lang="{lang}"' if lang else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html{lang_attr}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{head}
</head>
<body>
<header class="site-header">{before}</header>
<main id="main">
<article class="post">
<header class="entry-header">{header}</header>
<div class="entry-content">
{body}
</div>
</article>
</main>
<footer class="site-footer"><p>Copyright 2024. All rights reserved.</p></footer>
</body>
</html>"""


def meta_of(markup: str, url: str | None = URL) -> Meta:
    return read_meta(parse_page_tree(markup).tree, url)


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


# --- JSON-LD ---


def test_yoast_graph_resolves_author_reference_and_profile_url() -> None:
    person_id = "https://www.northern-daily.example/#/schema/person/3f1c2a"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "@id": URL + "#article",
                "isPartOf": {"@id": URL},
                "author": {"@id": person_id},
                "headline": HEADLINE,
                "datePublished": "2024-03-05T21:40:00+00:00",
                "mainEntityOfPage": {"@id": URL},
                "publisher": {"@id": "https://www.northern-daily.example/#organization"},
                "inLanguage": "en-US",
            },
            {
                "@type": "WebPage",
                "@id": URL,
                "url": URL,
                "name": f"{HEADLINE} - Northern Daily",
                "isPartOf": {"@id": "https://www.northern-daily.example/#website"},
            },
            {
                "@type": "Organization",
                "@id": "https://www.northern-daily.example/#organization",
                "name": "Northern Daily",
                "url": "https://www.northern-daily.example/",
            },
            {
                "@type": "Person",
                "@id": person_id,
                "name": "Maria Lopez",
                "image": {"@type": "ImageObject", "@id": person_id + "/image", "url": "https://secure.gravatar.com/x"},
                "url": "https://www.northern-daily.example/author/maria-lopez/",
            },
        ],
    }
    article = newsparse.parse_html(page(ld(graph)), url=URL)
    assert article.byline is not None
    assert article.byline.authors == ("Maria Lopez",)
    assert article.byline.url == "https://www.northern-daily.example/author/maria-lopez/"
    assert article.headline == HEADLINE
    assert article.published == utc(2024, 3, 5, 21, 40)


def test_jsonld_top_level_list() -> None:
    data = [
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": "Northern Daily",
            "url": "https://www.northern-daily.example/",
            "logo": "https://www.northern-daily.example/logo.png",
        },
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": HEADLINE,
            "datePublished": "2024-03-05T21:40:00+00:00",
            "author": {"@type": "Person", "name": "Sam Patel"},
        },
    ]
    article = newsparse.parse_html(page(ld(data)), url=URL)
    assert article.byline is not None
    assert article.byline.authors == ("Sam Patel",)
    assert article.headline == HEADLINE
    assert article.published == utc(2024, 3, 5, 21, 40)


def test_jsonld_breadcrumb_script_before_article_script() -> None:
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://www.northern-daily.example/"},
            {"@type": "ListItem", "position": 2, "name": "News", "item": "https://www.northern-daily.example/news/"},
            {"@type": "ListItem", "position": 3, "name": "City Hall"},
        ],
    }
    story = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "datePublished": "2024-03-05T21:40:00+00:00",
        "author": {"@type": "Person", "name": "Sam Patel"},
    }
    article = newsparse.parse_html(page(ld(breadcrumbs) + "\n" + ld(story)), url=URL)
    assert article.byline is not None
    assert article.byline.authors == ("Sam Patel",)
    assert article.headline == HEADLINE
    assert article.published == utc(2024, 3, 5, 21, 40)


def _story(author: object) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "datePublished": "2024-03-05T21:40:00+00:00",
        "author": author,
    }


@pytest.mark.parametrize(
    ("author", "names"),
    [
        (
            [
                {"@type": "Person", "name": "Ann Lee", "url": "https://www.northern-daily.example/author/ann-lee/"},
                {"@type": "Person", "name": "Bo Chen", "url": "https://www.northern-daily.example/author/bo-chen/"},
            ],
            ("Ann Lee", "Bo Chen"),
        ),
        ("Jane Doe", ("Jane Doe",)),
    ],
    ids=["two-people", "plain-string"],
)
def test_jsonld_author_forms(author: object, names: tuple[str, ...]) -> None:
    article = newsparse.parse_html(page(ld(_story(author))), url=URL)
    assert article.byline is not None
    assert article.byline.authors == names


ORGANIZATION = {"@type": "Organization", "name": "Reuters", "url": "https://www.reuters.com/"}


def test_jsonld_organization_author_is_not_a_person_visible_byline_wins() -> None:
    header = f'<h1>{HEADLINE}</h1>\n<p class="byline">By Tom Harris</p>'
    markup = page(ld(_story(ORGANIZATION)), header)
    assert all(person.name != "Reuters" for people in meta_of(markup).authors for person in people)
    article = newsparse.parse_html(markup, url=URL)
    assert article.byline is not None
    assert article.byline.authors == ("Tom Harris",)


def test_jsonld_organization_author_without_visible_byline_gives_none() -> None:
    article = newsparse.parse_html(page(ld(_story(ORGANIZATION))), url=URL)
    assert article.byline is None


@pytest.mark.parametrize(
    "broken",
    [
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Storm closes mountain pass '
        'for a second day", "datePublished": "2024-01-18T07:05:00+00:00",}',
        '<!-- {"@context": "https://schema.org", "@type": "NewsArticle"} --> <![CDATA[ garbage ]]>',
    ],
    ids=["trailing-comma", "comment-garbage"],
)
def test_malformed_jsonld_is_skipped_and_opengraph_still_answers(broken: str) -> None:
    title = "Storm closes mountain pass for a second day"
    head = f"""<title>{title} | Valley Times</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2024-01-18T07:05:00+00:00">
<script type="application/ld+json">{broken}</script>"""
    markup = page(head, f"<h1>{title}</h1>")
    meta = meta_of(markup)
    assert meta.titles[0] == title
    assert meta.published == utc(2024, 1, 18, 7, 5)
    article = newsparse.parse_html(markup, url=URL)
    assert article.headline == title
    assert article.published == utc(2024, 1, 18, 7, 5)


# --- Dates ---


def test_date_published_with_offset_is_aware_and_the_same_instant() -> None:
    article = newsparse.parse_html(
        page(ld(_story("Jane Doe") | {"datePublished": "2024-03-05T14:30:00+01:00"})), url=URL
    )
    assert isinstance(article.published, datetime)
    assert article.published.tzinfo is not None
    assert article.published == utc(2024, 3, 5, 13, 30)


def test_date_published_z_is_utc() -> None:
    article = newsparse.parse_html(page(ld(_story("Jane Doe") | {"datePublished": "2024-03-05T13:30:00Z"})), url=URL)
    assert isinstance(article.published, datetime)
    assert article.published.utcoffset() == timedelta(0)
    assert article.published == utc(2024, 3, 5, 13, 30)


def test_date_modified_does_not_replace_date_published() -> None:
    story = _story("Jane Doe") | {
        "datePublished": "2024-03-05T08:00:00+00:00",
        "dateModified": "2024-03-06T17:45:00+00:00",
    }
    head = ld(story) + '\n<meta property="article:modified_time" content="2024-03-06T17:45:00+00:00">'
    article = newsparse.parse_html(page(head), url=URL)
    assert article.published == utc(2024, 3, 5, 8, 0)


def test_time_published_is_chosen_over_time_updated() -> None:
    header = f"""<h1>{HEADLINE}</h1>
<div class="entry-meta"><span class="posted-on">
<time class="updated" datetime="2024-03-07T09:00:00+00:00">March 7, 2024</time>
<time class="published" datetime="2024-03-05T08:00:00+00:00">March 5, 2024</time>
</span></div>"""
    article = newsparse.parse_html(page(f"<title>{HEADLINE}</title>", header), url=URL)
    assert article.published == utc(2024, 3, 5, 8, 0)


def test_article_published_time_meta_without_jsonld() -> None:
    head = f"""<title>{HEADLINE} - Northern Daily</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{HEADLINE}">
<meta property="article:published_time" content="2024-02-10T06:15:00+00:00">
<meta property="article:section" content="City Hall">"""
    article = newsparse.parse_html(page(head), url=URL)
    assert article.published == utc(2024, 2, 10, 6, 15)


# --- Microdata and rel=author ---


def test_microdata_headline_author_and_date() -> None:
    header = f"""<h1 itemprop="headline">{HEADLINE}</h1>
<meta itemprop="datePublished" content="2024-01-15T10:00:00+05:30">
<p class="entry-meta">
<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Priya Raman</span></span>
</p>"""
    markup = page(f"<title>{HEADLINE} | Northern Daily</title>", header).replace(
        '<article class="post">', '<article class="post" itemscope itemtype="https://schema.org/NewsArticle">'
    )
    article = newsparse.parse_html(markup, url=URL)
    assert article.headline == HEADLINE
    assert article.byline is not None
    assert article.byline.authors == ("Priya Raman",)
    assert isinstance(article.published, datetime)
    assert article.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert article.published == utc(2024, 1, 15, 4, 30)


@pytest.mark.parametrize(
    ("label", "paragraphs", "lang"),
    [("Written by", EN_PARAGRAPHS, "en"), ("Verfasst von", DE_PARAGRAPHS, "de"), ("Escrito por", PT_PARAGRAPHS, "pt")],
)
def test_the_social_cards_labelled_writer_is_the_author(label: str, paragraphs: tuple[str, ...], lang: str) -> None:
    # Yoast SEO labels the card's data in the site's language; the reading time is data too.
    card = (
        '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">'
        f'<meta name="twitter:label2" content="{label}"><meta name="twitter:data2" content="Marit Solheim">'
    )
    article = newsparse.parse_html(page(card, lang=lang, paragraphs=paragraphs), url=URL)
    assert article.byline is not None
    assert article.byline.authors == ("Marit Solheim",)


def test_a_social_card_without_a_writer_label_names_no_author() -> None:
    card = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="Marit Solheim">'
    assert meta_of(page(card)).authors == ()


def test_rel_author_link_gives_name_and_absolute_profile_url() -> None:
    header = f"""<h1>{HEADLINE}</h1>
<div class="entry-meta">Posted on March 5, 2024 by
<a class="url fn n" rel="author" href="/staff/daniel-okafor/">Daniel Okafor</a></div>"""
    article = newsparse.parse_html(page(f"<title>{HEADLINE}</title>", header), url=URL)
    assert article.byline is not None
    assert article.byline.authors == ("Daniel Okafor",)
    assert article.byline.url == "https://www.northern-daily.example/staff/daniel-okafor/"


# --- Headline ---

BRIDGE = "Harbour bridge repairs to start in May after years of delay"


@pytest.mark.parametrize(
    "head",
    [
        f'<title>{BRIDGE} | The Coastal Herald</title>\n<meta property="og:site_name" content="The Coastal Herald">',
        f'<title>{BRIDGE} – The Coastal Herald</title>\n<meta property="og:site_name" content="The Coastal Herald">',
        f'<title>{BRIDGE} | The Coastal Herald</title>\n<meta property="og:site_name" content="The Coastal Herald">'
        f'\n<meta property="og:title" content="{BRIDGE} | The Coastal Herald">',
    ],
    ids=["pipe", "en-dash", "og-title-too"],
)
def test_headline_drops_site_name_suffix(head: str) -> None:
    article = newsparse.parse_html(page(head, ""), url=URL)
    assert article.headline == BRIDGE


def test_headline_skips_logo_h1() -> None:
    head = f'<title>{BRIDGE} | The Coastal Herald</title>\n<meta property="og:site_name" content="The Coastal Herald">'
    logo = '<h1 class="site-title"><a href="/" rel="home">The Coastal Herald</a></h1>'
    article = newsparse.parse_html(page(head, f"<h1>{BRIDGE}</h1>", before=logo), url=URL)
    assert article.headline == BRIDGE


def test_headline_from_h1_when_no_title() -> None:
    article = newsparse.parse_html(page("", f'<h1 class="entry-title">{BRIDGE}</h1>'), url=URL)
    assert article.headline == BRIDGE


# --- Site name ---


@pytest.mark.parametrize(
    ("head", "site_name"),
    [
        (
            f'<title>{HEADLINE}</title>\n<meta property="og:site_name" content="Northern Daily">',
            "Northern Daily",
        ),
        (
            f"<title>{HEADLINE}</title>\n"
            + ld(_story("Jane Doe") | {"publisher": {"@type": "NewsMediaOrganization", "name": "Northern Daily"}}),
            "Northern Daily",
        ),
        (
            f"<title>{HEADLINE}</title>\n"
            + ld(
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        _story("Jane Doe") | {"publisher": {"@id": "https://www.northern-daily.example/#org"}},
                        {
                            "@type": "Organization",
                            "@id": "https://www.northern-daily.example/#org",
                            "name": "Northern Daily",
                        },
                    ],
                }
            ),
            "Northern Daily",
        ),
        (f"<title>{HEADLINE} - Valley Times</title>", "Valley Times"),
    ],
    ids=["og-site-name", "jsonld-publisher", "jsonld-publisher-reference", "title-affix"],
)
def test_site_name_sources(head: str, site_name: str) -> None:
    article = newsparse.parse_html(page(head), url=URL)
    assert article.site_name == site_name


# --- Language ---


@pytest.mark.parametrize(
    ("lang", "headline", "paragraphs", "language"),
    [
        ("en-US", HEADLINE, EN_PARAGRAPHS, "en"),
        ("en-US", PT_HEADLINE, PT_PARAGRAPHS, "pt"),
        (None, DE_HEADLINE, DE_PARAGRAPHS, "de"),
    ],
    ids=["declared-english", "theme-default-english-on-portuguese", "undeclared-german"],
)
def test_language(lang: str | None, headline: str, paragraphs: tuple[str, ...], language: str) -> None:
    markup = page(f"<title>{headline}</title>", f"<h1>{headline}</h1>", lang=lang, paragraphs=paragraphs)
    article = newsparse.parse_html(markup, url=URL)
    assert article.language == language


# --- Canonical URL ---


def test_relative_canonical_resolved_against_url() -> None:
    head = '<link rel="canonical" href="/news/2024/03/05/council-approves-budget/">'
    article = newsparse.parse_html(page(head), url=URL + "?utm_source=twitter&utm_medium=social")
    assert article.url == URL


def test_og_url_when_no_canonical() -> None:
    head = f'<meta property="og:url" content="{URL}">'
    article = newsparse.parse_html(page(head), url=URL + "?utm_source=newsletter")
    assert article.url == URL


def test_microdata_link_is_no_canonical() -> None:
    """Schema.org microdata writes URLs as <link itemprop=...>: an image's or the AMP copy's
    address is not the page's canonical one."""
    head = (
        '<link itemprop="thumbnailUrl" href="https://cdn.northern-daily.example/img/budget-1200.jpg">'
        '<link itemprop="mainEntityOfPage" href="https://amp.northern-daily.example/budget/">'
        f'<link rel="canonical" href="{URL}">'
    )
    article = newsparse.parse_html(page(head), url=URL + "?ref=homepage")
    assert article.url == URL


# --- Visible bylines without metadata ---


EN_PAGE = ("en-US", HEADLINE, EN_PARAGRAPHS)
DE_PAGE = ("de-DE", DE_HEADLINE, DE_PARAGRAPHS)


@pytest.mark.parametrize(
    ("byline", "language_page", "names"),
    [
        ('<span class="byline">By John C. Welch</span>', EN_PAGE, ("John C. Welch",)),
        ('<div class="author">Von Anna Weber und Jörg Klein</div>', DE_PAGE, ("Anna Weber", "Jörg Klein")),
        ('<span class="byline">By Jane Doe, Staff Writer</span>', EN_PAGE, ("Jane Doe",)),
    ],
    ids=["initial", "german-two-names", "role-after-comma"],
)
def test_visible_byline_text(
    byline: str, language_page: tuple[str, str, tuple[str, ...]], names: tuple[str, ...]
) -> None:
    lang, headline, paragraphs = language_page
    markup = page(f"<title>{headline}</title>", f"<h1>{headline}</h1>\n{byline}", lang=lang, paragraphs=paragraphs)
    article = newsparse.parse_html(markup, url=URL)
    assert article.byline is not None
    assert article.byline.authors == names


def test_short_headline_is_not_replaced_by_a_logo_h1() -> None:
    page = """<!doctype html><html lang="en"><head><title>Real headline | The Coastal Herald</title></head>
    <body><header class="site-header"><div class="site-branding"><h1 class="site-title">The Coastal Herald</h1></div>
    </header><article><h1 class="entry-title">Real headline</h1>
    <p>The harbour board voted on Tuesday to extend the fishing season by two weeks, citing strong stocks.</p>
    <p>Skippers welcomed the decision, though several said fuel prices would still eat into their margins.</p>
    <p>The extension runs until the end of October and will be reviewed again next spring.</p>
    </article></body></html>"""
    article = newsparse.parse_html(page, url="https://coastalherald.example/news/season")
    assert article.headline == "Real headline"
    assert article.site_name == "The Coastal Herald"
