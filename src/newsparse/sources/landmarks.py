"""Landmarks: the page regions that CMS class names give away, found in one pass over the tree.

A byline, an author box, a voting widget, a related-posts list and a comment thread carry
telling class or id names on every CMS we looked at (WordPress themes and plugins, Drupal,
Ghost, Medium, Substack, forums). One walk collects them; the field extractors then look
only where the page points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from newsparse.sources.xpath import attribute_owners

# Patterns over an element's "class id itemprop" string, lower-cased.
_CONCEPTS = {
    "author_box": re.compile(
        r"author[-_]?(?:bio|box|info|description|details|profile|card|wrap|about)|about[-_](?:the[-_])?author"
        r"|authorbox|saboxplugin|abh_box|td-author-by|g1-author-box|entry-author(?:\s|$|-info|-bio)"
    ),
    "byline": re.compile(
        r"byline|by-line|author[-_]?name|post[-_]author|entry[-_]author|article[-_]{1,2}author|meta[-_]author"
        r"|\bauthor\b|\bauthors\b|writer|posted-by|itemprop-author"
    ),
    "votes": re.compile(r"vote|voting|score|points|karma|clap|upvote|likes?[-_]?(?:count|button|number)|\blikes?\b"),
    "related": re.compile(
        r"related|jp-relatedposts|yarpp|crp[-_]list|rp4wp|read[-_]?next|more[-_]from|you[-_]may[-_]like|also[-_]like"
        r"|recommended|post-navigation-related"
    ),
}
COMMENTS = re.compile(r"comment|disqus|respond|discussion|replies")
# A cheap first sieve: most class and id values contain none of these stems. Matching the
# lower-cased value case-sensitively is five times faster than re.IGNORECASE here.
_STEMS = re.compile(
    r"author|byline|by-line|writer|posted-by|vot|score|point|karma|clap|like|related|yarpp|rp4wp|crp"
    r"|read.?next|more.from|recommend"
)
_NAMED = ("class", "id", "itemprop", "rel")
_CLASS_AND_ID = etree.XPath("//@class | //@id")
# Regions that hold other articles' links or other people's words: never the article's own fields.
ASIDE_HINT = re.compile(r"sidebar|widget|popular|trending|most[-_]?(?:read|viewed|popular)|footer|menu|\bnav")


@dataclass(frozen=True, slots=True)
class Landmarks:
    author_box: tuple[html.HtmlElement, ...] = ()
    byline: tuple[html.HtmlElement, ...] = ()
    votes: tuple[html.HtmlElement, ...] = ()
    related: tuple[html.HtmlElement, ...] = ()


def hints(element: html.HtmlElement) -> str:
    """The names an element carries: class, id, itemprop and rel, lower-cased."""
    attrib = element.attrib
    return " ".join(attrib[a] for a in _NAMED if a in attrib).casefold()


def find_landmarks(tree: html.HtmlElement) -> Landmarks:
    """One pass over the page's class and id values (itemprop and rel=author are metadata,
    read by ``sources.metadata``)."""
    found: dict[str, list[html.HtmlElement]] = {concept: [] for concept in _CONCEPTS}
    seen: set[html.HtmlElement] = set()
    for value, element in attribute_owners(_CLASS_AND_ID, tree):
        if not _STEMS.search(value.lower()) or element in seen:
            continue
        seen.add(element)
        names = hints(element)
        for concept, pattern in _CONCEPTS.items():
            if pattern.search(names):
                found[concept].append(element)
    return Landmarks(**{concept: tuple(elements) for concept, elements in found.items()})


def inside(element: html.HtmlElement, pattern: re.Pattern[str]) -> bool:
    """Whether the element or one of its ancestors carries a name matching ``pattern``."""
    node: html.HtmlElement | None = element
    while node is not None:
        if pattern.search(hints(node)):
            return True
        node = node.getparent()
    return False
