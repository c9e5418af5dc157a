"""Related links: the article's own labelled list of other articles, never a sidebar's."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree, html

from newsparse.model import RelatedLink
from newsparse.normalize import clean_line, phrase_key
from newsparse.page import Page
from newsparse.rules import Rules
from newsparse.sources.landmarks import ASIDE_HINT, COMMENTS, hints, inside
from newsparse.sources.xpath import elements
from newsparse.urls import absolute_url

# A teaser link's text is a headline: a word or two is a tag, a button or a category.
MIN_TITLE_WORDS = 3
# A label is a few words; how far up from it the links are looked for.
MAX_LABEL_WORDS = 6
LABEL_LEVELS = 5
# Elements that can hold a section label, with short text (measured in libxml2, not Python).
_LABELS = etree.XPath(
    "(//h2 | //h3 | //h4 | //h5 | //h6 | //b | //strong | //header | //dt"
    " | //p[@class][not(*)] | //div[@class][not(*)])[string-length(normalize-space()) < 60]"
)
# Paragraphs after a section; if one is article text, the section sits inside the article.
_FOLLOWING_PARAGRAPHS = etree.XPath("following::p[position() <= 30]")
_OPENERS = "¿¡«\"'“‘([-–—•·»›>"
_ITEM_TAGS = frozenset({"li", "article", "tr"})
ITEM_LEVELS = 6
_SECTION_BREAKS = frozenset({"h1", "h2", "h3", "h4"})
_TITLE_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_CLASS = re.compile(r"title|headline|heading")


def html_related(page: Page, rules: Rules, *, paragraphs: tuple[str, ...]) -> tuple[RelatedLink, ...]:
    """Links of the first related section that stands outside the article's ``paragraphs``:
    a list under a related label, or a related-posts widget."""
    if page.tree is None:
        return ()
    base = page.meta.base_url
    body = frozenset(paragraphs)
    inline: tuple[RelatedLink, ...] = ()
    for anchor, links in _sections(page, rules):
        related = _related_links(links, anchor, base, own=page.meta.url, rules=rules)
        if not related:
            continue
        if not _inline(anchor, body):
            return related
        inline = inline or related
    return inline


def _inline(anchor: html.HtmlElement, body: frozenset[str]) -> bool:
    """A teaser box inside the article ("Read more: ...", "Leia também"): article paragraphs
    follow it. The related section after the text is preferred; an inline box is the related
    list only when the page has no other."""
    return any(clean_line(p.text_content()) in body for p in elements(_FOLLOWING_PARAGRAPHS, anchor))


def _sections(page: Page, rules: Rules) -> Iterator[tuple[html.HtmlElement, list[html.HtmlElement]]]:
    """(where it stands, its links) for the page's related sections, labelled ones first."""
    assert page.tree is not None
    for label in elements(_LABELS, page.tree):
        if is_related_label(label.text_content(), rules) and not inside(label, ASIDE_HINT):
            yield label, _links_after(label)
    if page.landmarks is not None:
        for element in page.landmarks.related:
            if not inside(element, ASIDE_HINT) and not inside(element, COMMENTS):
                yield element, list(element.iter("a"))


def is_related_label(text: str, rules: Rules) -> bool:
    """'Related posts', 'Lesen Sie auch', or a label that goes on with a name ('More from X')."""
    first = text.split(maxsplit=1)[:1]
    if not first or first[0].strip(_OPENERS).casefold() not in rules.related_first_words:
        return False  # most candidate elements fail here, before any normalising
    key = phrase_key(text)
    if key in rules.phrases["related_label"]:
        return True
    return key.startswith(rules.related_prefixes) and len(key.split()) <= MAX_LABEL_WORDS


def _is_button(title: str, rules: Rules) -> bool:
    """'See all from Priya Raman', 'Lesen Sie auch': a link to a list, not a story."""
    key = phrase_key(title)
    return is_related_label(title, rules) or any(_opens_with(key, b) for b in rules.words["button"])


def _opens_with(key: str, button: str) -> bool:
    """The whole key, or a longer key after a button of two words or more ('see all from X');
    a one-word button must stand alone, or 'More rain expected' would be one."""
    return key == button or (" " in button and key.startswith(button + " "))


MAX_LABEL_SIBLINGS = 40


def _links_after(label: html.HtmlElement) -> list[html.HtmlElement]:
    """The links that follow a label: in its later siblings, else in its parent's (a label
    wrapped in a <header> or <div>), up to the next heading."""
    node: html.HtmlElement | None = label
    for _ in range(LABEL_LEVELS):
        if node is None:
            break
        links: list[html.HtmlElement] = []
        # A section's links sit in its next few siblings; a bound keeps a page of a thousand
        # labels from walking every later sibling for each (quadratic time).
        for sibling in itertools.islice(node.itersiblings(), MAX_LABEL_SIBLINGS):
            if isinstance(sibling.tag, str) and sibling.tag in _SECTION_BREAKS:
                break
            links.extend(sibling.iter("a"))
        if links:
            return links
        node = node.getparent()
    return []


def _related_links(
    links: list[html.HtmlElement], anchor: html.HtmlElement, base: str | None, *, own: str | None, rules: Rules
) -> tuple[RelatedLink, ...]:
    found: dict[str, RelatedLink] = {}
    items: set[html.HtmlElement] = set()
    around = {anchor, *anchor.iterancestors()}  # an item holds one teaser, never the section
    for link in links:
        item = _item_of(link, around)
        if item is not None and item in items:
            continue  # a teaser's second link: its category, author or comment count
        title = link_title(link)
        url = absolute_url(link.get("href"), base)
        if not url or _same_page(url, own) or len(title.split()) < MIN_TITLE_WORDS or _is_button(title, rules):
            continue
        found.setdefault(_page_key(url), RelatedLink(title=title, url=url))
        if item is not None:
            items.add(item)
    return tuple(found.values())


def _item_of(link: html.HtmlElement, around: set[html.HtmlElement]) -> html.HtmlElement | None:
    """The list item, card or row a teaser link sits in, inside its section, if any."""
    for ancestor in itertools.islice(link.iterancestors(), ITEM_LEVELS):
        if ancestor in around:
            return None
        if ancestor.tag in _ITEM_TAGS:
            return ancestor
    return None


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


def _page_key(url: str) -> str:
    """A URL without scheme, "www." and trailing slash: the same page however it is linked."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


def _same_page(url: str, own: str | None) -> bool:
    return own is not None and _page_key(url) == _page_key(own)
