"""Typed views of XPath results: lxml returns a union of every possible kind of value; and the
document's elements as XPath's "//", "following::" and "preceding::" read them, for the walks
cheaper in Python."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any, cast

from lxml import etree, html


def elements(query: etree.XPath, node: etree._Element, **variables: str) -> list[html.HtmlElement]:
    result = query(node, **variables)
    return [r for r in result if isinstance(r, html.HtmlElement)] if isinstance(result, list) else []


def owned(query: etree.XPath, node: etree._Element, **variables: str) -> list[tuple[str, html.HtmlElement]]:
    """The text or attribute values a query selects, each with the element it belongs to
    (lxml's "smart strings" know it)."""
    found = []
    for value in cast(list[Any], query(node, **variables)):
        owner = value.getparent() if hasattr(value, "getparent") else None
        if isinstance(owner, html.HtmlElement):
            found.append((str(value), owner))
    return found


def strings(query: etree.XPath, node: etree._Element) -> list[str]:
    """The results of a query that selects only text or attribute values."""
    return cast(list[str], query(node))


def document(root: html.HtmlElement, *tags: str) -> Iterator[html.HtmlElement]:
    """The nodes of the whole document (the elements of these tags), in order: from each of its
    top elements, since libxml2 leaves two <html>s when a page's own is cut short ("<html\n<link
    ..."), the article in the second. Tags are told apart in libxml2, before Python sees a node."""
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    return itertools.chain.from_iterable(top.iter(*tags) for top in tops)


def following(element: html.HtmlElement, limit: int) -> list[html.HtmlElement]:
    """``following::*[position() <= limit]``: the first ``limit`` elements after the element in
    document order, its own descendants aside. Walked in Python, as far as the bound: libxml2
    walks the whole axis, the rest of the page, before it keeps the first few (5 times the time)."""
    return list(itertools.islice(_following(element), limit))


def _following(element: html.HtmlElement) -> Iterator[html.HtmlElement]:
    node: html.HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from (e for e in sibling.iter(etree.Element) if isinstance(e, html.HtmlElement))
        node = node.getparent()


def preceding(element: html.HtmlElement, limit: int) -> list[html.HtmlElement]:
    """``preceding::*[position() <= limit]``, in document order: the ``limit`` elements nearest
    before the element, its ancestors aside (walked in Python, see ``following``)."""
    nearest = list(itertools.islice(_preceding(element), limit))
    nearest.reverse()
    return nearest


def _preceding(element: html.HtmlElement) -> Iterator[html.HtmlElement]:
    node: html.HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            yield from _backwards(sibling)
        node = node.getparent()


def _backwards(element: etree._Element) -> Iterator[html.HtmlElement]:
    """The element's subtree in reverse document order: the nearest to what follows it first."""
    for child in reversed(element):
        yield from _backwards(child)
    if isinstance(element, html.HtmlElement):
        yield element
