"""Related links: the article's own labelled list of other articles, never a sidebar's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urldefrag, urljoin

from lxml import html

from newsparse.model import RelatedLink
from newsparse.normalize import clean_line, phrase_key
from newsparse.page import Page
from newsparse.rules import Rules
from newsparse.sources.landmarks import ASIDE_HINT, COMMENTS, hints, inside

# A teaser link's text is a headline: a word or two is a tag, a button or a category.
MIN_TITLE_WORDS = 3
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_TITLE_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_CLASS = re.compile(r"title|headline|heading")


def html_related(page: Page, rules: Rules) -> tuple[RelatedLink, ...]:
    """Links of the first related section: a related-posts widget, or a list under a related label."""
    if page.tree is None:
        return ()
    base = _base_url(page)
    for section in _sections(page, rules):
        links = _links(section, base, own=page.meta.url, rules=rules)
        if links:
            return links
    return ()


def _sections(page: Page, rules: Rules) -> Iterator[html.HtmlElement]:
    assert page.tree is not None
    labels = rules.phrases["related_label"]
    for heading in page.tree.iter(*_HEADINGS):
        if phrase_key(heading.text_content()) in labels and not inside(heading, ASIDE_HINT):
            yield _section_after(heading)
    if page.landmarks is not None:
        for element in page.landmarks.related:
            if not inside(element, ASIDE_HINT) and not inside(element, COMMENTS):
                yield element


def _section_after(heading: html.HtmlElement) -> html.HtmlElement:
    """The element holding a labelled list: the heading's parent, or the sibling after it."""
    parent = heading.getparent()
    sibling = heading.getnext()
    if sibling is not None and sibling.find(".//a") is not None and (parent is None or parent.tag == "body"):
        return sibling
    return parent if parent is not None else heading


def _links(section: html.HtmlElement, base: str | None, *, own: str | None, rules: Rules) -> tuple[RelatedLink, ...]:
    found: dict[str, RelatedLink] = {}
    labels = rules.phrases["related_label"]
    for link in section.iter("a"):
        title = link_title(link)
        url = _absolute(link.get("href"), base)
        if not url or url == own or len(title.split()) < MIN_TITLE_WORDS or phrase_key(title) in labels:
            continue
        found.setdefault(url, RelatedLink(title=title, url=url))
    return tuple(found.values())


def link_title(link: html.HtmlElement) -> str:
    """A teaser link's headline: its heading or title element, else its longest text piece
    (cards wrap the title with a kicker, a "Premium" badge or an excerpt)."""
    for element in link.iterdescendants():
        if isinstance(element.tag, str) and (element.tag in _TITLE_TAGS or _TITLE_CLASS.search(hints(element))):
            title = clean_line(element.text_content())
            if title:
                return title
    pieces = [clean_line(t) for t in link.itertext() if isinstance(t, str)]
    return max(pieces, key=len, default="")


def _base_url(page: Page) -> str | None:
    assert page.tree is not None
    base = page.tree.find(".//base[@href]")
    if base is not None:
        return urljoin(page.meta.url or "", str(base.get("href")))
    return page.meta.url


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href or href.strip().startswith("#"):
        return None
    url = urldefrag(urljoin(base or "", href.strip())).url
    return url if url.startswith(("http://", "https://")) else None
