"""Every HTML fixture, through parse_html, gives exactly the fields its expected.json states."""

from __future__ import annotations

from typing import Any

import pytest

import newsparse
from conftest import Fixture, fixtures

HTML_FIXTURES = fixtures("html")
FIELDS = ("headline", "paragraphs", "votes", "byline", "related", "published", "language", "url", "site_name")


def _got(fixture: Fixture) -> dict[str, Any]:
    article = newsparse.parse_html(fixture.input)
    return {key: value for key, value in article.to_dict().items() if key in FIELDS}


def test_there_are_enough_fixtures() -> None:
    assert len(HTML_FIXTURES) >= 20
    languages = {f.expected["language"] for f in HTML_FIXTURES}
    assert len([f for f in HTML_FIXTURES if f.expected["language"] != "en"]) >= 6, languages


@pytest.mark.parametrize("fixture", HTML_FIXTURES, ids=lambda f: f.name)
def test_html_fixture(fixture: Fixture) -> None:
    expected = {key: fixture.expected[key] for key in FIELDS}
    assert _got(fixture) == expected
