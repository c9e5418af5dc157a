"""The seed page exists as the text dump and as the HTML its theme serves: both doors agree."""

from __future__ import annotations

import newsparse
from conftest import FIXTURES, SEED

SEED_HTML = FIXTURES / "html-seed-wp-viral-points" / "input.html"


def test_seed_html_gives_the_text_doors_fields() -> None:
    text = newsparse.parse_text(SEED / "input.txt")
    page = newsparse.parse_html(SEED_HTML)
    assert page.headline == text.headline
    assert page.paragraphs == text.paragraphs
    assert page.votes == text.votes
    assert page.language == text.language
    assert page.byline is not None
    assert text.byline is not None
    assert (page.byline.authors, page.byline.bio) == (text.byline.authors, text.byline.bio)
    assert [r.title for r in page.related] == [r.title for r in text.related]


def test_html_door_keeps_what_a_dump_cannot_have() -> None:
    page = newsparse.parse_html(SEED_HTML)
    assert page.byline is not None
    assert page.byline.url is not None
    assert page.byline.url.startswith("https://")
    assert all(r.url and r.url.startswith("https://") for r in page.related)
    assert page.url is not None
    assert page.published is not None
