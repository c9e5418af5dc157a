"""Every text fixture, through parse_text, gives exactly the fields its expected.json states."""

from __future__ import annotations

from typing import Any

import pytest

import newsparse
from conftest import Fixture, fixtures

TEXT_FIXTURES = fixtures("txt")
# The fields every text fixture must pin, so a fixture cannot silently skip one.
REQUIRED_KEYS = {"headline", "paragraphs", "votes", "byline", "related", "language", "removed_noise"}


def _comparable(article: newsparse.Article, expected: dict[str, Any]) -> dict[str, Any]:
    got = article.to_dict()
    got["removed_noise"] = [r["text"] for r in got["removed"] if r["rule"].startswith("noise.")]
    if got["byline"] is not None and "url" not in (expected.get("byline") or {"url": None}):
        del got["byline"]["url"]  # the seed's expected.json predates the url key
    return {key: got[key] for key in expected}


def test_there_are_enough_fixtures() -> None:
    assert len(TEXT_FIXTURES) >= 16


@pytest.mark.parametrize("fixture", TEXT_FIXTURES, ids=lambda f: f.name)
def test_fixture_pins_every_field(fixture: Fixture) -> None:
    assert fixture.expected.keys() >= REQUIRED_KEYS


@pytest.mark.parametrize("fixture", TEXT_FIXTURES, ids=lambda f: f.name)
def test_text_fixture(fixture: Fixture) -> None:
    article = newsparse.parse_text(fixture.input)
    assert _comparable(article, fixture.expected) == fixture.expected


@pytest.mark.parametrize("fixture", TEXT_FIXTURES, ids=lambda f: f.name)
def test_parse_tells_text_from_html(fixture: Fixture) -> None:
    assert newsparse.parse(fixture.input) == newsparse.parse_text(fixture.input)
