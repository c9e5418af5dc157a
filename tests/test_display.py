"""The human-facing views of an Article: the one-line repr, the notebook HTML card and the text view."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import lxml.html
import pytest

import newsparse
from conftest import SEED
from newsparse import Article, Byline, RelatedLink, Removal, VoteCount
from newsparse.display import article_html, article_repr, render_text

HOSTILE = Article(
    headline="<script>alert(1)</script>",
    paragraphs=("Body with <b>markup</b> & an ampersand.",),
    byline=Byline(('"><img src=x onerror=alert(1)>',), bio='Tom & "Jerry" O\'Neil', url="javascript:alert(1)"),
    related=(
        RelatedLink("evil", "javascript:alert(1)"),
        RelatedLink("good", "https://example.org/a?x=1&y=2"),
    ),
    url="javascript:alert(1)",
    site_name="<i>Site</i>",
    removed=(Removal("x", "<rule>", "d"),),
)


@pytest.fixture(scope="module")
def seed() -> Article:
    return newsparse.parse_text((SEED / "input.txt").read_text("utf-8"))


def parse_card(article: Article) -> lxml.html.HtmlElement:
    """The card as a tree; the wrapper div holds exactly the one card root."""
    wrapper = lxml.html.fragment_fromstring(article._repr_html_(), create_parent="div")
    assert len(wrapper) == 1
    return wrapper[0]


def only(card: lxml.html.HtmlElement, cls: str) -> lxml.html.HtmlElement:
    found = card.find_class(cls)
    assert len(found) == 1, cls
    return found[0]


def test_repr_of_the_seed_is_one_readable_line(seed: Article) -> None:
    shown = repr(seed)
    assert "\n" not in shown
    assert shown.startswith("Article(headline='Azerbaijan and Armenia resume armed clashes', paragraphs=8, ")
    assert f"words={len(seed.body.split())}," in shown
    assert "votes=5500 points," in shown
    assert "byline='Anonymous'," in shown
    assert shown.endswith(f", related=3, removed={len(seed.removed)})")
    assert shown == article_repr(seed)


def test_repr_is_bounded_for_a_huge_article() -> None:
    article = Article(
        headline="Very long headline " * 263,  # ~5,000 characters
        paragraphs=tuple(f"Paragraph number {i}." for i in range(10_000)),
        byline=Byline(tuple(f"Author {i}" for i in range(500))),
        language="\x00" * 1_000,  # each escapes to four characters
        site_name="\n" * 1_000,
        votes=VoteCount(1, "1", "word " * 200),
        published=date(2022, 9, 13),
    )
    shown = repr(article)
    assert len(shown) < 400
    assert "\n" not in shown
    assert "paragraphs=10000, words=30000," in shown
    assert "published=2022-09-13," in shown
    assert "headline='Very long headline" in shown
    assert "…'" in shown


def test_repr_quotes_strings_with_escapes() -> None:
    headline = 'It\'s a "line"\nbreak'
    shown = repr(Article(headline=headline))
    assert f"headline={headline!r}," in shown
    assert "\n" not in shown


def test_other_dataclasses_keep_their_generated_repr() -> None:
    assert repr(VoteCount(1, "1 pt", "points")) == "VoteCount(count=1, raw='1 pt', label='points')"
    assert repr(RelatedLink("t")) == "RelatedLink(title='t', url=None)"


def test_empty_article_renders_both_ways() -> None:
    empty = Article()
    assert repr(empty) == (
        "Article(headline=None, paragraphs=0, words=0, votes=None, byline=None, published=None, "
        "language=None, site_name=None, related=0, removed=0)"
    )
    card = parse_card(empty)
    assert only(card, "np-headline").text_content() == "(no headline)"
    assert card.findall(".//a") == []


def test_card_of_the_seed(seed: Article) -> None:
    assert seed._repr_html_() == article_html(seed)
    card = parse_card(seed)
    assert only(card, "np-headline").tag == "h3"
    assert only(card, "np-headline").text_content() == seed.headline
    assert only(card, "np-authors").text_content() == "by Anonymous"
    assert only(card, "np-votes").text_content() == "5,500 points (raw: 5.5k Points)"
    assert only(card, "np-language").text_content() == "language en"
    paragraphs = [p.text_content() for p in card.find_class("np-paragraph")]
    assert paragraphs == list(seed.paragraphs[:3])
    assert only(card, "np-more").text_content() == f"… {len(seed.paragraphs) - 3} more paragraphs"
    titles = [li.text_content() for li in only(card, "np-related").iter("li")]
    assert titles == [r.title for r in seed.related]
    assert card.findall(".//a") == []  # the seed's related links carry no URLs
    removed = only(card, "np-removed")
    assert removed.tag == "details"
    assert removed.find("summary").text_content() == f"{len(seed.removed)} blocks removed"
    rows = [li.text_content() for li in removed.iter("li")]
    assert rows == [f"{rule} × {n}" for rule, n in Counter(r.rule for r in seed.removed).most_common()]


def test_card_escapes_hostile_values() -> None:
    markup = HOSTILE._repr_html_()
    assert "<script" not in markup.lower()
    assert not re.search(r"<[^>]*onerror\s*=", markup, re.IGNORECASE)
    assert 'href="javascript:' not in markup.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in markup
    assert "Tom &amp; &quot;Jerry&quot; O&#x27;Neil" in markup
    assert "&lt;i&gt;Site&lt;/i&gt;" in markup
    assert "&lt;rule&gt;" in markup


def test_hostile_card_parses_to_text_only() -> None:
    card = parse_card(HOSTILE)
    assert [el.tag for el in card.iter("script", "img", "b", "i")] == []
    assert not [name for el in card.iter() for name in el.attrib if name.lower().startswith("on")]
    assert only(card, "np-headline").text_content() == HOSTILE.headline
    assert only(card, "np-bio").text_content() == 'Tom & "Jerry" O\'Neil'
    assert only(card, "np-url").text_content() == "URL: javascript:alert(1)"
    assert [a.get("href") for a in card.iter("a")] == ["https://example.org/a?x=1&y=2"]


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/story", True),
        ("HTTP://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("/relative/path", False),
        ("//example.org/protocol-relative", False),
        ("https:no-host", False),
        ("ftp://example.org/file", False),
        ("http://[::1", False),
    ],
)
def test_only_absolute_http_urls_become_links(url: str, linked: bool) -> None:
    article = Article(headline="h", url=url, related=(RelatedLink("r", url),), byline=Byline(("A",), url=url))
    card = parse_card(article)
    hrefs = [a.get("href") for a in card.iter("a")]
    assert hrefs == ([url] * 3 if linked else [])
    assert url in only(card, "np-url").text_content()  # shown as text either way


def test_card_stays_compact_for_a_huge_article() -> None:
    article = Article(
        headline="h",
        paragraphs=("word " * 5_000,) * 10_000,
        related=tuple(RelatedLink(f"link {i}", f"https://example.org/{i}") for i in range(100)),
    )
    card = parse_card(article)
    assert len(card.find_class("np-paragraph")) == 3
    assert all(len(p.text_content()) <= 600 for p in card.find_class("np-paragraph"))
    assert only(card, "np-more").text_content() == "… 9,997 more paragraphs"
    assert len(list(card.iter("a"))) == 10
    assert len(article._repr_html_()) < 10_000


def test_text_view_of_a_whole_article() -> None:
    article = Article(
        headline="Ferry crews strike",
        paragraphs=("First paragraph.", "Second paragraph."),
        byline=Byline(("Ana Ruiz", "Tom Lee"), bio="Writes about ports."),
        votes=VoteCount(1, "1 point", "points"),
        related=(RelatedLink("Port reopens", "https://example.org/port"), RelatedLink("Strike ends")),
        published=date(2024, 3, 1),
        language="en",
        site_name="Harbour News",
        url="https://example.org/ferry",
        removed=(Removal("share", "Share this", "a share row"),),
    )
    assert render_text("page.html", article) == (
        "# page.html\n"
        "Ferry crews strike\n"
        "==================\n"
        "By: Ana Ruiz, Tom Lee\n"
        "Published: 2024-03-01\n"
        "Language: en\n"
        "Votes: 1 point\n"
        "Site: Harbour News\n"
        "URL: https://example.org/ferry\n"
        "Removed: 1 block\n"
        "\n"
        "First paragraph.\n\nSecond paragraph.\n"
        "\n"
        "Related:\n"
        "  - Port reopens <https://example.org/port>\n"
        "  - Strike ends"
    )


def test_text_view_of_an_empty_article_says_what_is_missing() -> None:
    assert render_text("x", Article()) == "# x\n(no headline)\n=============\n\n(no body)"


@pytest.mark.parametrize(
    ("votes", "shown"),
    [
        (VoteCount(553, "553 Points", "points"), "553 points"),  # the page's words add nothing
        (VoteCount(1234, "1,234 Points", "points"), "1,234 points"),
        (VoteCount(248, "248", "likes"), "248 likes"),  # JSON-LD: a bare number
        (VoteCount(-12, "-12 points", "points"), "-12 points"),
        (VoteCount(42, "Score: 42", "score"), "score 42"),
        (VoteCount(1, "1 like", "likes"), "1 like"),
        (VoteCount(5500, "5.5k Points", "points"), '5,500 points (raw: "5.5k Points")'),
        (VoteCount(1234, "1.234 Punkte", "points"), '1,234 points (raw: "1.234 Punkte")'),
        (VoteCount(1100, "1.1K", "likes"), '1,100 likes (raw: "1.1K")'),
        (VoteCount(7, "7\n  claps", "claps"), "7 claps"),  # a label newsparse does not know, as the page says it
        (VoteCount(1100, "1.1K\nLikes", "likes"), '1,100 likes (raw: "1.1K Likes")'),  # one line, whatever the widget
    ],
)
def test_text_view_names_the_votes_and_quotes_the_page_only_when_it_says_more(votes: VoteCount, shown: str) -> None:
    assert f"\nVotes: {shown}\n" in render_text("x", Article(headline="h", votes=votes))


def test_text_view_escapes_what_a_terminal_would_obey() -> None:
    """ESC sequences retitle a terminal or clear it, CR and LF forge lines, C1 and bidi controls
    reorder or hide text: each is shown as its escape, the rest of the text as it is."""
    article = Article(
        headline="\x1b]0;pwned\x07Council \x1b[2Jvotes",
        paragraphs=(
            "A paragraph\r\n# forged.html\nForged headline",
            "Caf\u00e9 \u202eevil\u202c and \x9b31m.",
            "Zaidi\u200c ya",
        ),
        byline=Byline(("Ann\x08\x08\x08Bob",), url="https://ex.org/\x1bP"),
        votes=VoteCount(3, "3\x1b[8m points", "points"),
        related=(RelatedLink("Next\x1b[1A", "https://ex.org/\x1b]8;;https://evil.example\x07x"),),
        site_name="Site\u2028Name",
        url="https://news.example/\r\nInjected: yes",
        language="en\x00",
    )
    text = render_text("crawl/\x1b[31mred.html", article)
    assert not [c for c in text if c != "\n" and not c.isprintable() and c != "\u200c"]
    assert text.splitlines()[:3] == [
        "# crawl/\\x1b[31mred.html",
        "\\x1b]0;pwned\\x07Council \\x1b[2Jvotes",
        "=" * len("\\x1b]0;pwned\\x07Council \\x1b[2Jvotes"),
    ]
    assert "\nURL: https://news.example/\\r\\nInjected: yes\n" in text
    assert "\nA paragraph\\r\\n# forged.html\\nForged headline\n" in text
    assert "\nCaf\u00e9 \\u202eevil\\u202c and \\x9b31m.\n" in text
    assert "\nZaidi\u200c ya" in text  # a joiner Persian and Hindi need is no control
    assert "\n  - Next\\x1b[1A <https://ex.org/\\x1b]8;;https://evil.example\\x07x>" in text
    assert "\nBy: Ann\\x08\\x08\\x08Bob\n" in text
    assert "\nSite: Site\\u2028Name\n" in text
    assert "\nLanguage: en\\x00\n" in text
    assert 'Votes: 3 points (raw: "3\\x1b[8m points")' in text
