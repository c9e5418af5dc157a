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
# How many characters of an element's own text are matched against the declared summaries
# before its whole text is read.
DESCRIPTION_OPENING = 20


def html_description(page: Page, standfirst: str | None) -> str | None:
    """The summary the page declares (JSON-LD, Open Graph, meta description), else the
    standfirst shown under the headline (``shown_standfirst``): an element named so
    (``standfirst``, ``subtitle``, ``dek``, ``excerpt`` …) in the article's header. Elsewhere
    such names mark teasers' excerpts, which summarise other stories."""
    return page.meta.description or standfirst


def shown_standfirst(page: Page, header: html.HtmlElement | None, headline: str | None) -> str | None:
    """The standfirst shown under the headline: the first element in the article's header that
    says something and is named so (``standfirst``, ``subtitle``, ``dek``, ``excerpt`` …) or
    shows the summary the page declares (``<p class="teaser">`` holding the meta description)."""
    named = frozenset(page.landmarks.standfirst) if page.landmarks else frozenset()
    declared = frozenset(page.meta.descriptions)
    if header is None or not (named or declared):
        return None
    for element in _after_in_header(header):
        if element in named or _shows(element, declared):
            text = clean_line(element.text_content())
            if len(text.split()) >= MIN_STANDFIRST_WORDS and text != headline:
                return text
    return None


def _shows(element: html.HtmlElement, declared: frozenset[str]) -> bool:
    """Whether the element's text is one of the declared summaries; its own first words are
    tested first, as most of a header's elements open like none."""
    opening = clean_line(element.text or "")[:DESCRIPTION_OPENING]
    if not opening or not any(d.startswith(opening) for d in declared):
        return False
    return clean_line(element.text_content()) in declared


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
