"""Nothing is lost: every line of a page's text (the main content's blocks through the HTML
door, every line of a dump through the text door) is in the Article, as the headline, a
paragraph of the body, or a record in ``removed`` that names the rule, the lines the fields
took included (``field.headline``, ``field.byline``, ``field.published``, ``field.votes``,
``field.related``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsparse
from conftest import FIXTURES
from newsparse.sources.html import html_page
from newsparse.sources.text import text_page

PAGES = sorted(FIXTURES.glob("*/input.*"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.parent.name)
def test_every_line_of_the_page_is_in_the_article(path: Path) -> None:
    source = path.read_text("utf-8")
    html = path.suffix == ".html"
    page = html_page(source) if html else text_page(source)
    article = newsparse.parse_html(source) if html else newsparse.parse_text(source)
    kept = "\n".join([*article.paragraphs, *(r.text for r in article.removed)])
    assert [b.text for b in page.blocks if b.text not in kept] == []


def test_the_lines_the_fields_took_are_recorded_with_the_field() -> None:
    source = (FIXTURES / "html-en-no-metadata" / "input.html").read_text("utf-8")
    article = newsparse.parse_html(source)
    taken = {r.rule: r.text for r in article.removed if r.rule.startswith("field.")}
    assert article.byline is not None
    assert article.byline.authors[0] in taken["field.byline"]
    assert article.published is not None
    assert str(article.published.day) in taken["field.published"]
    assert all(text not in article.paragraphs for text in taken.values())
