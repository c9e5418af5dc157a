"""Every HTML fixture, flattened to its visible text as scrapers save it, gives the same
article through the text door: the same headline, the same body (shingle F1 >= 0.95), and
the same votes and byline wherever the flattened text still carries them (not where only the
HTML's markup said what a bare number or a lower-case pen name was)."""

from __future__ import annotations

import re

import html_text
import pytest
from scoring import score_page

import newsparse
from conftest import Fixture, fixtures
from newsparse.normalize import clean_line

HTML_FIXTURES = fixtures("html")
_LABEL_WORD = re.compile(r"[^\W\d_]{2,}")  # a word, not the "K" of "1.1K"
MIN_BODY_F1 = 0.95


def flatten(fixture: Fixture) -> str:
    """The page's visible text, laid out the way html-text (one of the benchmark's flatteners) does."""
    return str(html_text.extract_text(fixture.input.read_text(encoding="utf-8", errors="replace"), guess_layout=True))


def body_f1(expected: str, got: str) -> float:
    score = score_page(expected, got)
    total = score.precision + score.recall
    return 2 * score.precision * score.recall / total if total else 0.0


def _carries_votes(page: newsparse.Article, flat: str) -> bool:
    """The text still says what the count is: "5.5k Points", not a bare "248" whose meaning
    only the HTML's class names or schema.org markup gave."""
    raw = page.votes.raw if page.votes is not None else ""
    return bool(_LABEL_WORD.search(raw)) and raw in flat


_HCARD_CLASS = re.compile(r"(?<=[\s'\"])(?:vcard|h-card|fn|p-name)(?=[\s'\"])")


def _carries_byline(fixture: Fixture, page: newsparse.Article) -> bool:
    """The text still says who wrote it: not a pen name in lower case ("kit") that only the
    HTML's hCard classes said was a name (the page without them credits no one, or another)."""
    plain = _HCARD_CLASS.sub("", fixture.input.read_text(encoding="utf-8", errors="replace"))
    return newsparse.parse_html(plain).byline == page.byline


@pytest.mark.parametrize("fixture", HTML_FIXTURES, ids=lambda f: f.name)
def test_flattened_twin_reads_like_the_page(fixture: Fixture) -> None:
    page = newsparse.parse_html(fixture.input)
    text = flatten(fixture)
    twin = newsparse.parse_text(text)
    flat = clean_line(text)
    assert twin.headline == page.headline
    assert body_f1(page.body, twin.body) >= MIN_BODY_F1
    if _carries_votes(page, flat):
        assert twin.votes == page.votes
    byline = page.byline
    if byline is not None and all(name in flat for name in byline.authors) and _carries_byline(fixture, page):
        assert twin.byline is not None
        assert twin.byline.authors == byline.authors
