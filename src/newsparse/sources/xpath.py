"""Typed views of XPath results: lxml returns a union of every possible kind of value; and the
document's elements as XPath's "//" reads them, for the walks cheaper in Python."""

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
