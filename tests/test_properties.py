"""Properties that hold for any input: parse returns an Article or raises a NewsparseError,
and what it returns is well formed. Hypothesis draws text, bytes, markup soup and mutations
of the real fixture pages; ``derandomize`` keeps CI runs identical."""

from __future__ import annotations

from urllib.parse import urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from conftest import fixtures

PAGES = [f.input.read_bytes() for f in fixtures("html")] + [f.input.read_bytes() for f in fixtures("text")]
PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

# Pieces of pages as they come: tags, attributes, entities, scripts, JSON-LD, dump lines.
FRAGMENTS = [
    "<html>",
    "<head>",
    "<body>",
    "</div>",
    "<div class='post-content entry'>",
    "<article>",
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<br>",
    "<a href='/x'>",
    "<a href='javascript:alert(1)'>",
    "</a>",
    "<script>var x = '</p>';</script>",
    "<style>p{}</style>",
    "<!-- comment -->",
    "<![CDATA[ x ]]>",
    "<?xml version='1.0'?>",
    "<!DOCTYPE html>",
    '<meta property="og:title" content="A title">',
    '<meta charset="iso-8859-1">',
    '<link rel="canonical" href="//evil.example/x">',
    '<base href="data:text/html,x">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "author": {"name": "Jo Li"}}',
    "</script>",
    '<script type="application/ld+json">{"@graph": [{"@type": "Person", "name": 5}, [[[',
    '<time datetime="2024-13-45T99:99">',
    "&amp;",
    "&nbsp;",
    "&#0;",
    "&#x110000;",
    "&bogus;",
    "\x00",
    "\ufeff",
    "\u200b",
    "â€™",
    "5.5k Points",
    "Upvote Downvote",
    "By Jane Doe and John Smith",
    "Leave a Reply",
    "Related Articles",
    "What do you think?",
    "Written by Anonymous",
    "March 5, 2024",
    "\n",
    "\n\n",
    "    ",
    "|",
    " · ",
]
SOUP = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=60).map("".join)


def _mutate(page: bytes, cuts: list[tuple[int, int, bytes]]) -> bytes:
    """Replace slices of a real page: deletions, insertions, truncations, byte garbage."""
    data = bytearray(page)
    for start, length, insert in cuts:
        at = start % (len(data) + 1)
        data[at : at + length] = insert
    return bytes(data)


MUTATIONS = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 2000), st.one_of(st.binary(max_size=20), SOUP.map(str.encode))),
    max_size=6,
)


def _check(source: str | bytes) -> None:
    try:
        article = newsparse.parse(source)
    except newsparse.NewsparseError:
        return
    assert isinstance(article, newsparse.Article)
    _well_formed(article)


def _well_formed(article: newsparse.Article) -> None:
    urls = [article.url, article.byline.url if article.byline else None, *(r.url for r in article.related)]
    for url in urls:
        if url is not None:
            parts = urlsplit(url)
            assert parts.scheme in ("http", "https"), url
            assert parts.netloc, url
    texts = [article.headline or "", *article.paragraphs]
    assert not any("\x00" in t or "\u200b" in t or "\ufeff" in t for t in texts)
    assert all(p.strip() == p and p for p in article.paragraphs)
    assert newsparse.Article.from_dict(article.to_dict()) == article
    article.to_json()
    repr(article)
    article._repr_html_()


@PROPERTY
@given(st.text(max_size=3000))
def test_any_text(text: str) -> None:
    _check(text)


@PROPERTY
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@PROPERTY
@given(SOUP)
def test_markup_soup(soup: str) -> None:
    _check(soup)
    _check("<html><body>" + soup)


@PROPERTY
@given(st.sampled_from(PAGES), MUTATIONS)
def test_mutated_real_pages(page: bytes, cuts: list[tuple[int, int, bytes]]) -> None:
    _check(_mutate(page, cuts))


@PROPERTY
@given(st.sampled_from(PAGES), st.integers(0, 10**6))
def test_truncated_real_pages(page: bytes, cut: int) -> None:
    _check(page[: cut % (len(page) + 1)])
