"""Description: the page's own summary of the article (see docs/fields.md)."""

from __future__ import annotations

from lxml import etree, html

from newsparse.normalize import clean_line
from newsparse.page import Page

# How far up from the headline the article's header reaches: the <h1>'s container, the
# header block holding it, the <article>.
HEADER_LEVELS = 3
# How many elements after the headline a standfirst is looked for: a header's kicker, byline,
# dateline, share bar and picture come first.
STANDFIRST_REACH = 120
# The header ends with the article; <main> and <body> hold sidebars and teaser lists.
_FRAMES = frozenset({"article", "main", "body"})
# A standfirst says something: a label ("Exklusiv", "Analysis") named so is none.
MIN_STANDFIRST_WORDS = 5


def html_description(page: Page, header: html.HtmlElement | None, headline: str | None) -> str | None:
    """The summary the page declares (JSON-LD, Open Graph, meta description), else the
    standfirst shown under the headline: an element named so (``standfirst``, ``subtitle``,
    ``dek``, ``excerpt`` …) in the article's header. Elsewhere such names mark teasers'
    excerpts, which summarise other stories."""
    if page.meta.description:
        return page.meta.description
    named = frozenset(page.landmarks.standfirst) if page.landmarks else frozenset()
    if header is None or not named:
        return None
    for element in _after_in_header(header):
        if element in named:
            text = clean_line(element.text_content())
            if len(text.split()) >= MIN_STANDFIRST_WORDS and text != headline:
                return text
    return None


def _after_in_header(header: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements after the headline inside its header, in document order, up to a bound:
    the headline's following siblings, then its container's, up to the <article>."""
    found: list[html.HtmlElement] = []
    node: html.HtmlElement = header
    for _ in range(HEADER_LEVELS):
        for sibling in node.itersiblings():
            for element in sibling.iter(etree.Element):
                found.append(element)
                if len(found) >= STANDFIRST_REACH:
                    return found
        parent = node.getparent()
        if parent is None or parent.tag in _FRAMES:  # beside the <article> stand other stories
            break
        node = parent
    return found
