"""Typed views of XPath results: lxml returns a union of every possible kind of value."""

from __future__ import annotations

from typing import cast

from lxml import etree, html


def elements(query: etree.XPath, node: etree._Element) -> list[html.HtmlElement]:
    result = query(node)
    return [r for r in result if isinstance(r, html.HtmlElement)] if isinstance(result, list) else []


def strings(query: etree.XPath, node: etree._Element) -> list[str]:
    """The results of a query that selects text or attribute values (so only strings); they
    keep lxml's link to their element (see ``owner``). Not filtered one by one: a page has
    tens of thousands of class values and this runs on each page."""
    return cast(list[str], query(node))


def owner(value: str) -> html.HtmlElement | None:
    """The element an attribute value returned by an XPath belongs to."""
    parent = value.getparent() if isinstance(value, etree._ElementUnicodeResult) else None
    return parent if isinstance(parent, html.HtmlElement) else None
